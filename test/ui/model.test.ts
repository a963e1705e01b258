// The TUI's pure reducer: focus, cursors, filter, palette history, clock speed, the endpoint
// change pairing behind "IP a → b (pod replaced)", request stats, and the recording: what
// `--record` writes replays through `--script` to the very same simulation.

import test from 'ava';
import fc from 'fast-check';
import {runScript} from '../../source/headless/run-script.js';
import type {State} from '../../source/sim/index.js';
import {initialModel, type Model, type ModelAction, recordedScript, reduceModel, selectedPod} from '../../source/ui/model.js';
import {scriptText} from '../../source/ui/run-tui.js';
import {loadState} from './helpers.js';

const hello = loadState('samples/hello.yaml');
const reduceAll = (model: Model, actions: ModelAction[]) => actions.reduce(reduceModel, model);
const run = (line: string, show = false): ModelAction => ({type: 'run', line, show});
const tick = (ms: number): ModelAction => ({type: 'tick', ms});

function replay(start: State, model: Model): {state: State; exitCode: number; err: string[]} {
	const err: string[] = [];
	const result = runScript(start, recordedScript(model).join('\n'), {out: () => {}, err: line => err.push(line)}, {name: 'recorded'});
	return {...result, err};
}

// Start.

test('initialModel selects the first Service in default other than kubernetes', t => {
	const m = initialModel(hello);
	t.is(m.selected, 'default/hello-node-svc');
	t.is(m.cursor.services, 0);
	t.is(m.focus, 'services');
	t.deepEqual(m.mode, {kind: 'normal'});
	t.deepEqual(m.record, []);
	t.is(m.address, 'dns');
	t.is(m.client, '');
	t.is(selectedPod(m)?.name, 'hello-node-4fp4j');
});

test('initialModel puts the cursor on the selected Service even when it is not first', t => {
	const m = initialModel(loadState('samples/clusterip.yaml'));
	// backend/api, default/kubernetes, default/web, kube-system/kube-dns
	t.is(m.selected, 'default/web');
	t.is(m.cursor.services, 2);
});

// Navigation.

test('focus cycles through the four panes both ways', t => {
	let m = initialModel(hello);
	const seen = [];
	for (let i = 0; i < 4; i++) {
		m = reduceModel(m, {type: 'focus', delta: 1});
		seen.push(m.focus);
	}
	t.deepEqual(seen, ['endpoints', 'pods', 'log', 'services']);
	t.is(reduceModel(m, {type: 'focus', delta: -1}).focus, 'log');
	t.is(reduceModel(m, {type: 'focusPane', pane: 'pods'}).focus, 'pods');
});

test('move clamps to the rows there are; in Services it selects and resets the other cursors', t => {
	let m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'pods'},
		{type: 'move', delta: 5, rows: 3},
	]);
	t.is(m.cursor.pods, 2);
	t.is(selectedPod(m)?.name, 'hello-node-vdtt6');
	t.is(reduceModel(m, {type: 'move', delta: -9, rows: 3}).cursor.pods, 0);
	m = reduceAll(m, [
		{type: 'focusPane', pane: 'services'},
		{type: 'move', delta: 2, rows: 3},
	]);
	t.is(m.selected, 'kube-system/kube-dns');
	t.is(m.cursor.pods, 0);
	t.is(selectedPod(m)?.name.startsWith('coredns-'), true);
	t.is(reduceModel(m, {type: 'move', delta: 1, rows: 0}).cursor.services, 0, 'no rows: stays at 0');
});

test('select goes from the Services pane to the Pods pane, and nowhere else', t => {
	const m = reduceModel(initialModel(hello), {type: 'select'});
	t.is(m.focus, 'pods');
	t.is(reduceModel(m, {type: 'select'}), m);
});

test('the filter narrows the Services and keeps a selection when it can', t => {
	const m = reduceModel(initialModel(hello), {type: 'setFilter', filter: 'DNS'});
	t.is(m.filter, 'DNS');
	t.is(m.selected, 'kube-system/kube-dns');
	t.is(m.cursor.services, 0);
	const none = reduceModel(m, {type: 'setFilter', filter: 'nothing-matches'});
	t.is(none.selected, null);
	t.true(selectedPod(none) === undefined);
	t.is(reduceModel(none, {type: 'setFilter', filter: ''}).selected, 'default/hello-node-svc');
});

// Clock.

test('speed steps through 0.25× … 16× and stops at the ends', t => {
	let m = initialModel(hello);
	const speeds = [];
	for (let i = 0; i < 6; i++) {
		m = reduceModel(m, {type: 'speed', factor: 1});
		speeds.push(m.speed);
	}
	t.deepEqual(speeds, [2, 4, 8, 16, 16, 16]);
	for (let i = 0; i < 9; i++) m = reduceModel(m, {type: 'speed', factor: -1});
	t.is(m.speed, 0.25);
});

test('ticks move the virtual clock by wall time × speed; paused, nothing moves', t => {
	const m = reduceModel(initialModel(hello), tick(250));
	t.is(m.sim.clock, hello.clock + 250);
	const fast = reduceAll(initialModel(hello), [{type: 'speed', factor: 1}, tick(250)]);
	t.is(fast.sim.clock, hello.clock + 500);
	const paused = reduceModel(initialModel(hello), {type: 'togglePause'});
	t.true(paused.paused);
	t.is(reduceModel(paused, tick(1000)), paused);
	t.is(reduceModel(m, tick(0)), m);
});

// Commands.

test('a query with show opens the output overlay; an action closes the palette; an error shows', t => {
	const palette = reduceModel(initialModel(hello), {type: 'mode', mode: {kind: 'palette', text: 'get svc', historyIndex: null}});
	const shown = reduceModel(palette, run('get svc', true));
	t.is(shown.mode.kind, 'output');
	if (shown.mode.kind === 'output') {
		t.is(shown.mode.title, 'get svc');
		t.is(shown.mode.lines[0], 'NAME             TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE');
		t.false(shown.mode.error);
	}
	const acted = reduceModel(palette, run('scale rc hello-node --replicas=4', true));
	t.deepEqual(acted.mode, {kind: 'normal'});
	t.deepEqual(acted.status, {text: 'replicationcontroller/hello-node scaled', error: false});
	const failed = reduceModel(palette, run('scale rc nope --replicas=1', true));
	t.is(failed.mode.kind, 'output');
	t.deepEqual(failed.status, {text: 'Error from server (NotFound): replicationcontrollers "nope" not found', error: true});
	t.deepEqual(failed.log[0], {kind: 'message', at: hello.clock, text: 'Error from server (NotFound): replicationcontrollers "nope" not found', error: true});
});

test('a prompt holds its subject as values; Enter builds the line from them and runs it like a palette line', t => {
	const scale = reduceAll(initialModel(hello), [
		{type: 'promptOpened', subject: {purpose: 'scale', workload: 'rc/hello-node', namespace: 'default'}, text: '3'},
		{type: 'promptEdited', text: '0'},
	]);
	t.deepEqual(scale.mode, {kind: 'prompt', purpose: 'scale', workload: 'rc/hello-node', namespace: 'default', text: '0'});
	const scaled = reduceModel(scale, {type: 'promptSubmitted'});
	t.deepEqual(scaled.record, ['scale rc/hello-node --replicas=0 -n default']);
	t.deepEqual(scaled.history, ['scale rc/hello-node --replicas=0 -n default']);
	t.is(scaled.sim.workloads['ReplicationController/default/hello-node']?.replicas, 0);
	t.deepEqual(scaled.mode, {kind: 'normal'});
	t.deepEqual(scaled.status, {text: 'replicationcontroller/hello-node scaled', error: false});

	const label = reduceModel(initialModel(hello), {
		type: 'promptOpened',
		subject: {purpose: 'label', pod: 'hello-node-4fp4j', namespace: 'default'},
		text: 'app-',
	});
	const labeled = reduceModel(label, {type: 'promptSubmitted'});
	t.deepEqual(labeled.record, ['label pod hello-node-4fp4j -n default app- --overwrite']);
	t.deepEqual(labeled.sim.pods['default/hello-node-4fp4j']?.labels, {});

	// What was typed is not checked before it runs: the grammar's error shows, as in the palette.
	const bad = reduceAll(scale, [{type: 'promptEdited', text: 'many'}, {type: 'promptSubmitted'}]);
	t.deepEqual(bad.record, []);
	t.is(bad.sim, hello);
	t.is(bad.mode.kind, 'output');
	if (bad.mode.kind === 'output') t.is(bad.mode.title, 'scale rc/hello-node --replicas=many -n default');
	t.true(bad.status?.error);
});

test('outside a prompt, editing or submitting one changes nothing', t => {
	const m = initialModel(hello);
	t.is(reduceModel(m, {type: 'promptEdited', text: '5'}), m);
	t.is(reduceModel(m, {type: 'promptSubmitted'}), m);
	const palette = reduceModel(m, {type: 'mode', mode: {kind: 'palette', text: 'get svc', historyIndex: null}});
	t.is(reduceModel(palette, {type: 'promptSubmitted'}), palette);
});

test('a blank line or a comment changes nothing at all', t => {
	const m = initialModel(hello);
	t.is(reduceModel(m, run('')), m);
	t.is(reduceModel(m, run('# just a note')), m);
});

test('palette history: ↑ walks back, ↓ forward, past the newest is an empty line', t => {
	let m = reduceAll(initialModel(hello), [run('get svc'), run('get pods'), run('get pods')]);
	t.deepEqual(m.history, ['get svc', 'get pods'], 'a repeat is kept once');
	m = reduceModel(m, {type: 'mode', mode: {kind: 'palette', text: '', historyIndex: null}});
	const texts = [];
	for (const delta of [-1, -1, -1, 1, 1]) {
		m = reduceModel(m, {type: 'paletteHistory', delta});
		texts.push(m.mode.kind === 'palette' ? m.mode.text : null);
	}
	t.deepEqual(texts, ['get pods', 'get svc', 'get svc', 'get pods', '']);
});

test('a burst is one log entry with its per-pod spread, and counts toward the Service', t => {
	const m = reduceModel(initialModel(hello), run('curl hello-node-svc --count 100'));
	t.is(m.log.length, 1);
	const entry = m.log[0]!;
	t.is(entry.kind, 'burst');
	if (entry.kind === 'burst') {
		t.is(entry.summary.total, 100);
		t.is(entry.summary.ok, 100);
		t.is(
			Object.values(entry.summary.byPod).reduce((a, b) => a + b, 0),
			100,
		);
		t.is(entry.client, 'pod/curl');
	}
	t.deepEqual(m.stats['default/hello-node-svc'], {ipChanges: 0, ok: 100, total: 100});
	t.deepEqual(m.status, {text: '100 requests: 100 ok, 0 failed', error: false});
});

test('killing a pod: the replacement address is paired with the one it took over from', t => {
	const victim = selectedPod(initialModel(hello))!;
	let m = reduceModel(initialModel(hello), run(`delete pod ${victim.name} -n default`));
	t.deepEqual(
		m.changes.map(c => [c.kind, c.ip]),
		[['removed', victim.podIP]],
	);
	for (let i = 0; i < 5; i++) m = reduceModel(m, run('wait 1s'));
	const added = m.changes.filter(c => c.kind === 'added');
	t.is(added.length, 1);
	t.is(added[0]!.replaces, victim.podIP!);
	t.not(added[0]!.ip, victim.podIP);
	t.is(m.stats['default/hello-node-svc']!.ipChanges, 1);
});

test('pods that come long after the old ones left replace nobody', t => {
	let m = reduceAll(initialModel(hello), [run('scale rc hello-node --replicas=0'), run('wait 31s'), run('scale rc hello-node --replicas=3'), run('wait 6s')]);
	const added = m.changes.filter(c => c.kind === 'added');
	t.is(added.length, 3);
	t.true(added.every(c => c.replaces === undefined));
	t.is(m.stats['default/hello-node-svc']!.ipChanges, 3, 'still three new pod IPs behind the Service');
	// …while a quick scale down and up within the highlight time does pair them.
	m = reduceAll(initialModel(hello), [run('scale rc hello-node --replicas=2'), run('scale rc hello-node --replicas=3'), run('wait 6s')]);
	t.is(m.changes.filter(c => c.kind === 'added' && c.replaces !== undefined).length, 1);
});

test('the selection follows the Service through any change', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'services'},
		{type: 'move', delta: 1, rows: 3},
		run('delete pod -l app=hello-node'),
		tick(5000),
	]);
	t.is(m.selected, 'default/kubernetes');
	t.is(m.cursor.services, 1);
});

// Recording.

test('the recording: commands, and the time between them as waits; queries and errors are left out', t => {
	const victim = selectedPod(initialModel(hello))!;
	const m = reduceAll(initialModel(hello), [
		run(`delete pod ${victim.name} -n default`),
		tick(250),
		tick(250),
		tick(1250),
		run('curl hello-node-svc --count 10'),
		{type: 'speed', factor: 1},
		tick(300),
		run('  scale rc hello-node --replicas=5  '),
		run('get pods -o wide'),
		run('scale rc nope --replicas=1'),
		{type: 'togglePause'},
		tick(1000),
		{type: 'togglePause'},
		tick(123.4),
		run('wait 2s'),
		tick(500),
	]);
	t.deepEqual(recordedScript(m), [
		`delete pod ${victim.name} -n default`,
		'wait 1750ms',
		'curl hello-node-svc --count 10',
		'wait 600ms',
		'scale rc hello-node --replicas=5',
		// Still at 2×: 123.4 ms of wall time is 247 ms of cluster time.
		'wait 247ms',
		'wait 2s',
		'wait 1000ms',
	]);
	const replayed = replay(hello, m);
	t.is(replayed.exitCode, 0, replayed.err.join('\n'));
	t.is(JSON.stringify(replayed.state), JSON.stringify(m.sim));
});

test('the recorded file names the files and seed, and --script skips its comment header', t => {
	const m = reduceAll(initialModel(hello), [run('delete pod hello-node-4fp4j'), tick(2000)]);
	const text = scriptText(m, {seed: 1, files: ['samples/hello.yaml']});
	t.is(
		text,
		[
			'# k8s-svc-tui session; replay it with:',
			'#   k8s-svc-tui samples/hello.yaml --seed 1 --script THIS_FILE',
			'delete pod hello-node-4fp4j',
			'wait 2000ms',
			'',
		].join('\n'),
	);
	const out: string[] = [];
	const result = runScript(hello, text, {out: l => out.push(l), err: l => out.push(l)}, {name: 'session.txt'});
	t.is(result.exitCode, 0);
	t.deepEqual(out, ['pod "hello-node-4fp4j" deleted']);
	t.is(JSON.stringify(result.state), JSON.stringify(m.sim));
});

// Any session: keys in any order, ticks of any length, replay gives the same simulation.
test('property: any session replays to the same simulation state', t => {
	const op = fc.oneof(
		fc.integer({min: 1, max: 4000}).map(ms => tick(ms)),
		fc.integer({min: 1, max: 40_000}).map(ms => run(`wait ${ms}ms`)),
		fc.constant('kill'),
		fc.constant('crash'),
		fc.constant('probe'),
		fc.integer({min: 0, max: 5}).map(n => run(`scale rc hello-node --replicas=${n}`)),
		fc.constant(run('curl hello-node-svc --count 20')),
		fc.constant(run('curl 192.168.49.3:30036 --from external')),
		fc.constant(run('nslookup hello-node-svc')),
		fc.constant(run('get endpoints')),
		fc.integer({min: -2, max: 2}).map(delta => ({type: 'speed', factor: delta}) as ModelAction),
		fc.constant({type: 'togglePause'} as ModelAction),
		fc.integer({min: 0, max: 4}).map(row => ({type: 'move', delta: row, rows: 5}) as ModelAction),
	);
	fc.assert(
		fc.property(fc.array(op, {maxLength: 25}), ops => {
			let m = reduceModel(initialModel(hello), {type: 'focusPane', pane: 'pods'});
			for (const o of ops) {
				if (typeof o !== 'string') {
					m = reduceModel(m, o);
					continue;
				}
				// Key-like steps act on whichever pod is under the cursor now.
				const pod = selectedPod(m);
				if (!pod) continue;
				const line =
					o === 'kill' ? `delete pod ${pod.name}` : o === 'crash' ? `crash pod ${pod.name}` : `probe pod ${pod.name} ${pod.probeFailing ? 'pass' : 'fail'}`;
				m = reduceModel(m, run(line));
			}
			const replayed = replay(hello, m);
			return replayed.exitCode === 0 && JSON.stringify(replayed.state) === JSON.stringify(m.sim);
		}),
		{numRuns: 40, seed: 7},
	);
	t.pass();
});
