/** @jsxRuntime automatic */
// The palette as a line editor, key by key in the real App (issue 10): readline's keys move and
// kill (bash manual, "Bindable Readline Commands"), Tab completes from the grammar and the state,
// ↑/↓ walk the history and keep the line being typed, and unbound keys say so. What runs is read
// from the model (the history's last line, the viewer's title), not just from the frame.

import test from 'ava';
import {KEYS, openScreen, type Screen} from './helpers.js';

const CTRL = {a: '\u0001', b: '\u0002', e: '\u0005', f: '\u0006', k: '\u000B', u: '\u0015', w: '\u0017'} as const;
const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const DELETE = '\u001B[3~';

const lines = (frame: string) => frame.split('\n');
/** At 100×30: the stability line (where Tab lists), the palette line, the hint line. */
const ABOVE = 27;
const PROMPT = 28;

async function withScreen(file: string, body: (s: Screen) => Promise<void>) {
	const screen = await openScreen(file);
	try {
		await body(screen);
	} finally {
		screen.unmount();
	}
}

const lastRun = (s: Screen) => s.model().history.at(-1);
const viewerTitle = (s: Screen) => {
	const mode = s.model().mode;
	return mode.kind === 'output' ? mode.title : null;
};

test.serial('cursor moves and kills edit the line where the cursor is; Enter runs the line as edited', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press(':', ...'gt pods -o yaml');
		// C-a to the start, C-f past `g`, type `e`: the fix goes in the middle.
		let frame = await s.press(CTRL.a, CTRL.f, 'e');
		t.is(lines(frame)[PROMPT], ':get pods -o yaml', 'the cursor is on the t (drawn inverse), no block at the end');
		t.like(s.model().mode, {kind: 'palette', text: 'get pods -o yaml', cursor: 2});
		// C-e to the end, C-w kills `yaml` (whitespace-delimited), then `wide`.
		frame = await s.press(CTRL.e, CTRL.w, ...'wide');
		t.is(lines(frame)[PROMPT], ':get pods -o wide█');
		await s.press(KEYS.enter);
		t.is(lastRun(s), 'get pods -o wide');
		t.is(viewerTitle(s), 'get pods -o wide');
	});
});

test.serial('control keys inside one chunk (fast typing, a paste) edit as the same keys typed one by one', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press(':', `get pods -o yaml${CTRL.w}wide${CTRL.a}${CTRL.k}get svc${KEYS.enter}`);
		t.is(lastRun(s), 'get svc');
	});
});

test.serial('← → Delete, C-b, C-k and C-u', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press(':', ...'get svcc');
		// ← twice, Delete the `c` under the cursor: `get svc`.
		await s.press(LEFT, LEFT, DELETE);
		t.like(s.model().mode, {text: 'get svc', cursor: 6});
		await s.press(RIGHT, ' ');
		t.like(s.model().mode, {text: 'get svc '});
		await s.press(...'hello-node-svc -o name', CTRL.b, CTRL.b, CTRL.b, CTRL.b, CTRL.b, CTRL.b, CTRL.b, CTRL.b);
		// The cursor on the space before -o: C-k drops `-o name`.
		await s.press(CTRL.k);
		t.like(s.model().mode, {text: 'get svc hello-node-svc'});
		// C-u clears what is behind the cursor; the line is then empty.
		await s.press(CTRL.u, ...'get svc');
		await s.press(KEYS.enter);
		t.is(lastRun(s), 'get svc');
	});
});

test.serial('Tab completes verbs, kinds and names; an ambiguous word lists its candidates above the prompt', async t => {
	await withScreen('samples/hello.yaml', async s => {
		let frame = await s.press(':', ...'descr', KEYS.tab);
		t.is(lines(frame)[PROMPT], ':describe █');
		frame = await s.press(...'s', KEYS.tab);
		// `s` could be services or statefulsets: listed where the stability line was, nothing inserted.
		t.is(lines(frame)[ABOVE], 'services  statefulsets');
		t.is(lines(frame)[PROMPT], ':describe s█');
		frame = await s.press(...'v', KEYS.tab);
		t.is(lines(frame)[PROMPT], ':describe svc █');
		t.not(lines(frame)[ABOVE], 'services  statefulsets', 'the list goes with the next edit');
		frame = await s.press(...'h', KEYS.tab);
		t.is(lines(frame)[PROMPT], ':describe svc hello-node-svc █');
		await s.press(KEYS.enter);
		t.is(lastRun(s), 'describe svc hello-node-svc');
		t.is(viewerTitle(s), 'describe svc hello-node-svc');
	});
});

test.serial('Tab completes namespaces after -n, and flags with their =', async t => {
	await withScreen('samples/hello.yaml', async s => {
		let frame = await s.press(':', ...'get po -n kube-s', KEYS.tab);
		t.is(lines(frame)[PROMPT], ':get po -n kube-system █');
		// The names are kube-system's: CoreDNS's pods, whose names share the `coredns-` start.
		frame = await s.press('c', KEYS.tab);
		t.regex(lines(frame)[PROMPT] ?? '', /^:get po -n kube-system coredns-/);
		await s.press(KEYS.esc, ':', ...'scale rc hello-node --rep', KEYS.tab);
		t.like(s.model().mode, {kind: 'palette', text: 'scale rc hello-node --replicas='});
	});
});

test.serial('↑/↓ walk the history; coming back down gives the line being typed back', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press(':', ...'get svc', KEYS.enter, KEYS.esc);
		await s.press(':', ...'get ep', KEYS.enter, KEYS.esc);
		let frame = await s.press(':', ...'get no');
		frame = await s.press(KEYS.up);
		t.is(lines(frame)[PROMPT], ':get ep█');
		frame = await s.press(KEYS.up);
		t.is(lines(frame)[PROMPT], ':get svc█');
		frame = await s.press(KEYS.down, KEYS.down);
		t.is(lines(frame)[PROMPT], ':get no█', 'the unfinished line is kept');
		// A recalled line is edited like any other, and runs as edited.
		await s.press(KEYS.up, CTRL.w, 'po');
		await s.press(KEYS.enter);
		t.is(lastRun(s), 'get po');
	});
});

test.serial('the filter and the s prompt are the same line editor', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press('/', ...'helo', LEFT, 'l');
		t.is(s.model().filter, 'hello');
		await s.press(CTRL.a, DELETE);
		t.is(s.model().filter, 'ello');
		await s.press(KEYS.enter, KEYS.esc);
		// s: the replica count is a selected preset; ← deselects it, and the typed digit goes before
		// the cursor (3 → 13).
		await s.press(KEYS.tab, KEYS.tab, 's');
		t.like(s.model().mode, {kind: 'prompt', text: '3', selected: true});
		await s.press(CTRL.a, '1');
		t.like(s.model().mode, {kind: 'prompt', text: '13', selected: false});
		await s.press(KEYS.enter);
		t.is(lastRun(s), 'scale rc/hello-node --replicas=13 -n default');
	});
});

test.serial('an unbound key says so on the status line and changes nothing else', async t => {
	await withScreen('samples/hello.yaml', async s => {
		const before = s.model();
		const frame = await s.press('Z');
		t.is(lines(frame)[PROMPT], 'Z: not bound here — ? for help');
		const after = s.model();
		t.is(after.sim, before.sim);
		t.deepEqual({...after, status: null}, {...before, status: null});
		// A bound key still does its thing.
		await s.press('j');
		t.not(s.model().cursor, before.cursor);
	});
});

test.serial('at 80×24 the hint line still ends with the palette, help and quit keys', async t => {
	const screen = await openScreen('samples/hello.yaml', {width: 80, height: 24});
	try {
		const last = lines(screen.frame()).at(-1) ?? '';
		t.true(last.endsWith(': command  ? help  q quit'), last);
		t.true(last.length <= 80);
	} finally {
		screen.unmount();
	}
});

test.serial(':apply -f opens what it changed and the routing diff in the viewer; the panes and the log follow; the line is recorded', async t => {
	await withScreen('samples/hello.yaml', async s => {
		await s.press(' ', ':', ...'apply -f test/fixtures/apply/selector-typo.yaml', KEYS.enter);
		t.is(viewerTitle(s), 'apply -f test/fixtures/apply/selector-typo.yaml');
		const mode = s.model().mode;
		const shown = mode.kind === 'output' ? mode.lines.join('\n') : '';
		t.regex(shown, /^service\/hello-node-svc configured\n\nRouting changes:\n/);
		t.true(shown.includes('why: selector app=hello-node → app=hello-nod: now matches 0 pods (was 3)'), shown);
		const frame = await s.press(KEYS.esc);
		t.true(frame.includes('service/hello-node-svc configured'), frame);
		t.true(frame.includes('left selector'), 'the Endpoints pane tells what happened to each address');
		t.deepEqual(s.model().record, ['apply -f test/fixtures/apply/selector-typo.yaml']);
	});
});

test.serial(
	'after an apply the Services whose routing it changed are marked * (the cursor elsewhere), and only those, for as long as the changes show',
	async t => {
		await withScreen('samples/hello.yaml', async s => {
			// The cursor on kubernetes, so the mark is not under it.
			await s.press(' ', 'j');
			await s.press(':', ...'apply -f test/fixtures/apply/deny-web.yaml', KEYS.enter);
			t.deepEqual(s.model().routingChanged?.services, ['default/hello-node-svc']);
			const frame = await s.press(KEYS.esc);
			const row = (name: string) => lines(frame).find(line => line.includes(` ${name} `)) ?? '';
			t.regex(row('hello-node-svc'), /^│\*default\s+hello-node-svc /, frame);
			t.regex(row('kubernetes'), /^│›default\s+kubernetes /);
			t.regex(row('kube-dns'), /^│ kube-system\s+kube-dns /);
			// Ten seconds on, the mark is gone with the Endpoints pane's changes.
			const later = await s.press(...'...........');
			t.regex(lines(later).find(line => line.includes(' hello-node-svc ')) ?? '', /^│ default\s+hello-node-svc /, later);
		});
	},
);
