/** @jsxRuntime automatic */
// The output viewer on screen (issue 10, problem 2 and the palette part of 9; k9s's `d` / `y`):
// palette output and the object under the cursor open full pane, nothing of the palette line
// shows through, long output scrolls and long lines wrap, and every row is what `--script` prints
// for the same line. Colour off, seed 1; the clock moves only when a test says so.

import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {selectedPod} from '../../source/ui/model.js';
import {endpointView} from '../../source/view/tui/index.js';
import {KEYS, openScreen, type Screen} from './helpers.js';
import {headless, viewerRows, viewerStatusRow} from './viewer-frames.js';

const SMALL = {width: 80, height: 24};
/** At 80×24 the viewer is 20 rows high: 16 text rows between its title and status rows, 76 columns wide. */
const ROWS = 16;
const COLUMNS = 76;
const PAGE_DOWN = '\u001B[6~';

async function withScreen(file: string, size: {width: number; height: number}, body: (s: Screen) => Promise<void>) {
	const screen = await openScreen(file, size);
	try {
		await body(screen);
	} finally {
		screen.unmount();
	}
}

const rowsOf = (lines: string[]) => lines.map(l => l.trimEnd());

test.serial('80×24: get svc -o yaml opens full pane over the palette line, scrolls by page, and shows what --script prints', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		const line = 'get svc hello-node-svc -o yaml';
		const expected = headless(s.model().sim, line);
		const total = expected.length;
		t.true(total > ROWS && total < 2 * ROWS, `a YAML between one and two pages long (${total} lines)`);
		t.true(
			expected.every(l => l.length <= COLUMNS),
			'every line fits the width (wrapping is tested below)',
		);

		const frame = await s.press(':', ...line, KEYS.enter);
		const lines = frame.split('\n');
		t.is(lines.length, SMALL.height);
		t.true(
			lines.slice(1, SMALL.height - 3).every(l => [...l].length === SMALL.width),
			'every row of the viewer box is drawn at the full width',
		);
		// The report: `apiVersion: v1-node-svc -o yaml`, the palette line showing through.
		t.false(frame.includes('-node-svc -o yaml\n') || frame.includes('v1-node-svc'), frame);
		t.is(lines[2], `${`│ :${line}`.padEnd(SMALL.width - 1)}│`);
		t.is(lines[3], `${`│ apiVersion: v1`.padEnd(SMALL.width - 1)}│`);
		t.false(frame.includes('Services (all namespaces)'), 'the viewer takes the whole middle');
		t.deepEqual(viewerRows(frame), rowsOf(expected.slice(0, ROWS)));
		t.is(viewerStatusRow(frame), `lines 1-${ROWS} of ${expected.length} · wrap · live`);
		t.is(lines.at(-1), 'j/k line  PgDn/PgUp page  g/G top/bottom  / search  : command  ? help  Esc back');

		// PgDn: the rest, the last page ending at the last line (TargetPort and the rest of the spec).
		const second = await s.press(PAGE_DOWN);
		t.deepEqual(viewerRows(second), rowsOf(expected.slice(total - ROWS)));
		t.is(viewerStatusRow(second), `lines ${total - ROWS + 1}-${total} of ${total} · wrap · live`);
		t.true(viewerRows(second).some(l => l.includes('targetPort: 8080')));
		t.deepEqual(viewerRows(await s.press('k')), rowsOf(expected.slice(total - ROWS - 1, total - 1)));
		t.deepEqual(viewerRows(await s.press('j', 'j')), rowsOf(expected.slice(total - ROWS)), 'j stops at the end');
		t.deepEqual(viewerRows(await s.press('\u0002')), rowsOf(expected.slice(0, ROWS)), 'ctrl-b, a page back (to the top)');
		const end = await s.press('G');
		t.deepEqual(viewerRows(end), rowsOf(expected.slice(-ROWS)), 'G: the last page ends at the last line');
		t.deepEqual(viewerRows(await s.press('\u0006')), rowsOf(expected.slice(-ROWS)), 'ctrl-f stops at the end');
		t.deepEqual(viewerRows(await s.press('g')), rowsOf(expected.slice(0, ROWS)));

		// Esc: back where the palette was opened from, cursors untouched.
		const before = s.model();
		const back = await s.press(KEYS.esc);
		t.true(back.includes('Services (all namespaces)'));
		t.is(s.model().mode.kind, 'normal');
		t.deepEqual(s.model().cursor, before.cursor);
		t.is(s.model().focus, before.focus);
	});
});

test.serial('a long line (our own -o json is one line) wraps over as many rows as it needs, and w unwraps it for ←/→', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		const line = 'describe svc hello-node-svc -o json';
		const [json = '', ...rest] = headless(s.model().sim, line);
		t.deepEqual(rest, []);
		t.true(json.length > 3 * COLUMNS && json.length < ROWS * COLUMNS, `one line over several rows (${json.length})`);
		const frame = await s.press(':', ...line, KEYS.enter);
		// Full rows are exactly the width, so the rows joined are the line again.
		const rows = frame
			.split('\n')
			.slice(3, 3 + ROWS)
			.map(l => l.slice(2, -2));
		t.is(rows.join('').trimEnd(), json);
		t.is(rows[0], json.slice(0, COLUMNS));
		t.is(viewerStatusRow(frame), 'lines 1-1 of 1 · wrap · live');

		const flat = await s.press('w');
		t.deepEqual(viewerRows(flat), [json.slice(0, COLUMNS)]);
		t.is(viewerStatusRow(flat), 'lines 1-1 of 1 · no wrap, col 1 · live');
		const right = await s.press('\u001B[C');
		t.deepEqual(viewerRows(right), [json.slice(COLUMNS / 2, COLUMNS / 2 + COLUMNS)]);
		t.is(viewerStatusRow(right), `lines 1-1 of 1 · no wrap, col ${COLUMNS / 2 + 1} · live`);
		t.deepEqual(viewerRows(await s.press('\u001B[D')), [json.slice(0, COLUMNS)]);
	});
});

test.serial('/ search: the status row counts the matches as k9s does; n and N move between them and scroll', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		const line = 'get svc hello-node-svc -o yaml';
		const expected = headless(s.model().sim, line);
		// Every line holding `port` (case-insensitive), as the YAML prints them.
		const holding = expected.flatMap((l, i) => (/port/i.test(l) ? [i] : []));
		const count = expected.reduce((n, l) => n + (l.match(/port/gi)?.length ?? 0), 0);
		t.true(holding.length >= 2);
		await s.press(':', ...line, KEYS.enter);
		const typing = await s.press('/', ...'port');
		t.is(viewerStatusRow(typing), `lines 1-${ROWS} of ${expected.length} · /port█ · wrap · live`);
		const found = await s.press(KEYS.enter);
		t.is(viewerStatusRow(found).split(' · ')[1], `/port [1:${count}]`);
		const viewer = s.model().mode;
		t.is(viewer.kind === 'output' ? viewer.match : -2, 0);
		const firstLine = expected[holding[0] ?? 0] ?? '';
		t.true(viewerRows(found).includes(firstLine.trimEnd()), `the first match's line is on screen: ${firstLine}`);
		// N from the first goes round to the last match, and the page scrolls to it.
		const last = await s.press('N');
		t.is(viewerStatusRow(last).split(' · ')[1], `/port [${count}:${count}]`);
		const lastLine = expected[holding.at(-1) ?? 0] ?? '';
		t.true(viewerRows(last).includes(lastLine.trimEnd()), `the last match's line is on screen: ${lastLine}`);
		t.is(viewerStatusRow(await s.press('n')).split(' · ')[1], `/port [1:${count}]`, 'after the last, the first');
		t.is(viewerStatusRow(await s.press('n')).split(' · ')[1], `/port [2:${count}]`);
		// Esc while typing cancels the search; Esc then closes.
		const cancelled = await s.press('/', 'x', KEYS.esc);
		t.is(viewerStatusRow(cancelled).split(' · ').slice(1).join(' · '), 'wrap · live');
		t.is(s.model().mode.kind, 'output');
		await s.press(KEYS.esc);
		t.is(s.model().mode.kind, 'normal');
	});
});

test.serial('d and y open the object under the focused cursor, named in the log; Esc goes back to that row', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		// Services pane: the Service under the cursor.
		const svc = await s.press('d');
		const describeSvc = 'describe svc hello-node-svc -n default';
		t.true(svc.includes(`│ :${describeSvc} `));
		t.deepEqual(viewerRows(svc), rowsOf(headless(s.model().sim, describeSvc).slice(0, ROWS)));
		t.like(s.model().log[0], {kind: 'message', text: `opened ${describeSvc}`});
		t.deepEqual(s.model().record, [], 'a query is not recorded for replay');
		await s.press(KEYS.esc);
		const yaml = await s.press('y');
		const yamlLine = 'get svc hello-node-svc -n default -o yaml';
		t.true(yaml.includes(`│ :${yamlLine} `));
		t.deepEqual(viewerRows(yaml), rowsOf(headless(s.model().sim, yamlLine).slice(0, ROWS)));
		await s.press(KEYS.esc);

		// Endpoints pane: the EndpointSlice of the row under the cursor.
		await s.press(KEYS.tab);
		const ep = await s.press('d');
		// The pane reads EndpointSlices: the slice that holds the address under the cursor.
		const service = getRow(s.model().sim.services, 'default/hello-node-svc')!;
		const row = endpointView(s.model().sim, service).lines[0]!;
		const describeSlice = `describe endpointslice ${row.slice} -n default`;
		t.true(ep.includes(`│ :${describeSlice} `), ep);
		// Its labels are wider than the viewer: wrapped there, so the text is compared, not the rows.
		const text = headless(s.model().sim, describeSlice).join('\n');
		t.true(text.replace(/\s+/g, '').startsWith(viewerRows(ep).slice(0, 6).join('').replace(/\s+/g, '')), 'the viewer shows describe’s text');
		t.true(
			viewerRows(ep).some(r => r.includes(`Addresses:  ${row.ip}`)),
			'the slice holds that address',
		);
		await s.press(KEYS.esc);

		// Pods pane, second row: that pod (the one the cursor is on, by the model).
		await s.press(KEYS.tab, KEYS.down);
		const pod = selectedPod(s.model());
		t.truthy(pod);
		const cursor = s.model().cursor;
		const described = await s.press('d');
		const podLine = `describe pod ${pod?.name} -n default`;
		t.true(described.includes(`│ :${podLine} `), described);
		t.deepEqual(viewerRows(described), rowsOf(headless(s.model().sim, podLine).slice(0, ROWS)));
		t.like(s.model().log[0], {kind: 'message', text: `opened ${podLine}`});
		const back = await s.press(KEYS.esc);
		t.is(s.model().focus, 'pods');
		t.deepEqual(s.model().cursor, cursor);
		t.is(selectedPod(s.model())?.name, pod?.name);
		t.true(back.includes(`opened ${podLine}`), 'the Requests pane shows the log line');
		const podYaml = await s.press('y');
		t.true(podYaml.includes(`│ :get pod ${pod?.name} -n default -o yaml `));
		await s.press(KEYS.esc);

		// The Requests pane has no objects: d says so on the status line.
		const none = await s.press(KEYS.tab, 'd');
		t.is(s.model().mode.kind, 'normal');
		t.true(none.includes('d and y open the row under the cursor in the Services, Endpoints or Pods pane'));
	});
});

test.serial('palette curl and nslookup -v open their whole output in the viewer; the log keeps its one-line entry (issue 10 #9)', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		const lookup = 'nslookup hello-node-svc -v';
		// BIND's tabs as the terminal would show them: to columns 16, 16 and 8.
		const expected = headless(s.model().sim, lookup).map(l =>
			l
				.replace('Server:\t\t', `Server:${' '.repeat(9)}`)
				.replace('Address:\t', `Address:${' '.repeat(8)}`)
				.replace('Name:\t', 'Name:   '),
		);
		t.true(expected.every(l => !l.includes('\t')));
		t.true(expected.length > 3, expected.join('\n'));
		const frame = await s.press(':', ...lookup, KEYS.enter);
		// viewerRows drops the empty rows at the bottom, nslookup's final empty line among them.
		t.deepEqual(viewerRows(frame), rowsOf(expected.slice(0, ROWS)).slice(0, expected.at(-1) === '' ? -1 : undefined));
		t.is(viewerStatusRow(frame), `lines 1-${Math.min(ROWS, expected.length)} of ${expected.length} · wrap`, 'an action is not re-run: not live');
		t.like(s.model().log[0], {kind: 'dns'});
		await s.press(KEYS.esc);

		const curl = 'curl hello-node-svc --count 3';
		const sim = s.model().sim;
		const traced = headless(sim, curl);
		const shown = await s.press(':', ...curl, KEYS.enter);
		// Each trace is longer than a row: it wraps onto the next rows, whole.
		const [first = ''] = traced;
		t.true([...first].length > COLUMNS);
		const rows = shown.split('\n').slice(3, 3 + ROWS);
		// It breaks between words (each row but the last ends at a space), up to where the next trace starts.
		const rowsForFirst = rows.findIndex((r, k) => k > 0 && r.slice(2).startsWith('pod/curl '));
		t.true(rowsForFirst > 1, rows.join('\n'));
		t.is(
			rows
				.slice(0, rowsForFirst)
				.map(r => r.slice(2, -2).trimEnd())
				.join(' '),
			first,
		);
		// Unwrapped, a row per line: each is the line's start, as --script prints it.
		const flat = await s.press('w');
		t.deepEqual(
			viewerRows(flat),
			traced.map(l => [...l].slice(0, COLUMNS).join('').trimEnd()),
		);
		t.like(s.model().log[0], {kind: 'burst'});
		t.deepEqual(s.model().record, [lookup, curl], 'actions are recorded for replay, as before');
		// The viewer closes onto the log, which keeps its summary line.
		const back = await s.press(KEYS.esc);
		t.true(back.includes('3 requests'), back);
	});
});

test.serial('a key the viewer does not bind says so on the status row and does nothing else (x kills nothing)', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		await s.press(KEYS.tab, KEYS.tab);
		const opened = await s.press('d');
		t.true(opened.includes('│ :describe pod '), opened);
		const before = s.model().sim;
		const frame = await s.press('x');
		t.true(frame.includes('x: not bound in the viewer — Esc goes back'), frame);
		t.is(s.model().sim, before, 'no pod deleted');
		t.is(s.model().mode.kind, 'output', 'still in the viewer');
	});
});

test.serial('80×24: `:` and `?` work in the viewer as everywhere (k9s), and its hint line ends with them at any width', async t => {
	await withScreen('samples/hello.yaml', SMALL, async s => {
		await s.press(':', ...'get pods', KEYS.enter);
		t.is(s.model().mode.kind, 'output');
		const hints = s.frame().split('\n').at(-1) ?? '';
		t.regex(hints, /: command {2}\? help {2}Esc back$/, hints);
		await s.press(':', ...'get svc', KEYS.enter);
		const mode = s.model().mode;
		t.is(mode.kind === 'output' ? mode.title : mode.kind, 'get svc', 'the palette ran from the viewer, its output in the viewer');
		await s.press('?');
		t.is(s.model().mode.kind, 'help');
	});
});
