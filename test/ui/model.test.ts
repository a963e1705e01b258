// The TUI's pure reducer: focus, cursors, filter, palette history, clock speed, the endpoint
// change pairing behind "IP a → b (pod replaced)", request stats, and the recording: what
// `--record` writes replays through `--script` to the very same simulation.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {parseCommand} from '../../source/command/index.js';
import {runScript} from '../../source/headless/run-script.js';
import type {State} from '../../source/sim/index.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {emptyRows} from '../../source/sim/rows.js';
import type {Endpoints} from '../../source/sim/types.js';
import {bindingFor} from '../../source/ui/keymap.js';
import {chooserItems, initialModel, type Model, type ModelAction, podUnderCursor, recordedScript, reduceModel, selectedPod} from '../../source/ui/model.js';
import {scriptText} from '../../source/ui/run-tui.js';
import {endpointView, servicePods} from '../../source/view/tui/index.js';
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
	t.deepEqual(scale.mode, {kind: 'prompt', purpose: 'scale', workload: 'rc/hello-node', namespace: 'default', text: '0', selected: false});
	const scaled = reduceModel(scale, {type: 'promptSubmitted'});
	t.deepEqual(scaled.record, ['scale rc/hello-node --replicas=0 -n default']);
	t.deepEqual(scaled.history, ['scale rc/hello-node --replicas=0 -n default']);
	t.is(getRow(scaled.sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 0);
	t.deepEqual(scaled.mode, {kind: 'normal'});
	t.deepEqual(scaled.status, {text: 'replicationcontroller/hello-node scaled', error: false});

	const label = reduceModel(initialModel(hello), {
		type: 'promptOpened',
		subject: {purpose: 'label', pod: 'hello-node-4fp4j', namespace: 'default'},
		text: 'app-',
	});
	const labeled = reduceModel(label, {type: 'promptSubmitted'});
	t.deepEqual(labeled.record, ['label pod hello-node-4fp4j -n default app- --overwrite']);
	t.deepEqual(getRow(labeled.sim.pods, 'default/hello-node-4fp4j')?.labels, {});

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

test('a request through an ExternalName whose CNAME names another Service counts toward both: the one aimed at and the one that answered', t => {
	const m = reduceModel(initialModel(loadState('samples/externalname.yaml')), run('curl catalog --count 3'));
	t.deepEqual(m.stats['default/catalog'], {ipChanges: 0, ok: 3, total: 3});
	t.deepEqual(m.stats['shop/catalog'], {ipChanges: 0, ok: 3, total: 3});
	// A request straight to shop/catalog counts there only.
	const direct = reduceModel(initialModel(loadState('samples/externalname.yaml')), run('curl catalog.shop'));
	t.deepEqual(direct.stats['shop/catalog'], {ipChanges: 0, ok: 1, total: 1});
	t.is(direct.stats['default/catalog'], undefined);
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

test('scaling replaces nobody: pods scaled away and pods scaled up are not pod IP changes (issue 10 #3)', t => {
	let m = reduceAll(initialModel(hello), [run('scale rc hello-node --replicas=0'), run('wait 31s'), run('scale rc hello-node --replicas=3'), run('wait 6s')]);
	const added = m.changes.filter(c => c.kind === 'added');
	t.is(added.length, 3);
	t.true(added.every(c => c.replaces === undefined && c.cause === 'scaled up'));
	t.is(m.stats['default/hello-node-svc']?.ipChanges ?? 0, 0);
	// …nor a quick scale down and up within the highlight time.
	m = reduceAll(initialModel(hello), [run('scale rc hello-node --replicas=2'), run('scale rc hello-node --replicas=3'), run('wait 6s')]);
	t.is(m.changes.filter(c => c.kind === 'added' && c.replaces !== undefined).length, 0);
	m = reduceAll(initialModel(hello), [run('scale rc hello-node --replicas=35'), run('wait 6s')]);
	t.is(m.stats['default/hello-node-svc']?.ipChanges ?? 0, 0, 'scaling 3→35 changed no pod IP');
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

// Keys act on the row under the focused cursor (issue 10, problem 1).

/** A key pressed in the normal mode, through the real keymap and reducer. */
function key(m: Model, name: string): Model {
	const out = bindingFor(name)!.run(m);
	if (!Array.isArray(out) && !('type' in out)) throw new Error(`${name} refused: ${out.error}`);
	return reduceAll(m, Array.isArray(out) ? out : [out]);
}

const helloSvc = (m: Model) => getRow(m.sim.services, 'default/hello-node-svc')!;

test('x on an Endpoints row deletes that endpoint’s pod, not the Pods pane’s, and the log names it', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'endpoints'},
		{type: 'move', delta: 2, rows: 3},
	]);
	// The Endpoints pane lists addresses by IP, the Pods pane pods by name: row 2 differs.
	const row = endpointView(m.sim, helloSvc(m)).lines[m.cursor.endpoints]!;
	t.not(row.pod, selectedPod(m)?.name, 'the two panes’ cursors are on different pods');
	const after = key(m, 'x');
	t.deepEqual(after.record, [`delete pod ${row.pod} -n default`]);
	t.deepEqual(after.log[0], {kind: 'message', at: m.sim.clock, text: `pod "${row.pod}" deleted`, error: false});
	const deleted = listRows(after.sim.pods)
		.filter(p => p.deletionTimestamp !== null)
		.map(p => p.name);
	t.deepEqual(deleted, [row.pod], 'exactly that pod is terminating');
	for (const k of ['c', 'u']) t.true(key(m, k).record[0]?.includes(` ${row.pod} `), `${k} acts on ${row.pod}`);
	const label = key(m, 'l');
	t.true(label.mode.kind === 'prompt' && label.mode.purpose === 'label' && label.mode.pod === row.pod);
});

test('pod keys from the Services and Requests panes act on the pod the Pods pane highlights', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'pods'},
		{type: 'move', delta: 1, rows: 3},
		{type: 'focusPane', pane: 'services'},
	]);
	const highlighted = selectedPod(m)!;
	t.is(highlighted.name, 'hello-node-c4hwf');
	t.deepEqual(podUnderCursor(m), {pod: highlighted});
	t.deepEqual(podUnderCursor({...m, focus: 'log'}), {pod: highlighted});
	t.deepEqual(key(m, 'x').record, ['delete pod hello-node-c4hwf -n default']);
});

test('an Endpoints row without a pod behind it says so', t => {
	const m = reduceModel(initialModel(hello), {type: 'focusPane', pane: 'endpoints'});
	const none = {...m, sim: {...m.sim, endpoints: emptyRows<Endpoints>()}};
	t.deepEqual(podUnderCursor(none), {error: 'no endpoint under the cursor'});
	t.deepEqual(bindingFor('x')!.run(none), {error: 'no endpoint under the cursor'});
});

// The cursor stays on its object (issue 10, problem 10).

test('scaling up: the Pods cursor stays on the same pod though new pods sort in before it', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'pods'},
		{type: 'move', delta: 2, rows: 3},
	]);
	t.is(selectedPod(m)?.name, 'hello-node-vdtt6');
	const scaled = reduceAll(m, [run('scale rc hello-node --replicas=35'), tick(1000)]);
	const names = servicePods(scaled.sim, helloSvc(scaled)).items.map(i => i.pod.name);
	t.is(names.length, 35);
	t.not(names.indexOf('hello-node-vdtt6'), 2, 'the pod moved down the list');
	t.is(selectedPod(scaled)?.name, 'hello-node-vdtt6');
	t.is(scaled.cursor.pods, names.indexOf('hello-node-vdtt6'));
});

test('the Endpoints cursor stays on its address as addresses come and go', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'endpoints'},
		{type: 'move', delta: 2, rows: 3},
	]);
	const row = endpointView(m.sim, helloSvc(m)).lines[2]!;
	const scaled = reduceAll(m, [run('scale rc hello-node --replicas=12'), tick(20_000)]);
	const lines = endpointView(scaled.sim, helloSvc(scaled)).lines;
	t.true(lines.findIndex(l => l.ip === row.ip) !== 2, 'the address moved');
	t.is(lines[scaled.cursor.endpoints]?.ip, row.ip);
	const target = podUnderCursor(scaled);
	t.is('pod' in target ? target.pod.name : target.error, row.pod);
});

test('when the pod under the cursor is gone, the cursor stays at its row, clamped to the list', t => {
	const m = reduceAll(initialModel(hello), [
		{type: 'focusPane', pane: 'pods'},
		{type: 'move', delta: 2, rows: 3},
	]);
	const down = reduceAll(m, [run('scale rc hello-node --replicas=1'), tick(60_000)]);
	const names = servicePods(down.sim, helloSvc(down)).items.map(i => i.pod.name);
	t.is(names.length, 1);
	t.is(down.cursor.pods, 0);
	t.is(selectedPod(down)?.name, names[0]);
	const up = reduceAll(down, [run('scale rc hello-node --replicas=3'), tick(1000)]);
	t.is(selectedPod(up)?.name, names[0], 'and from there on follows its new pod');
});

test('clearing the filter leaves the cursor on the Service it was on', t => {
	const m = reduceAll(initialModel(hello), [{type: 'move', delta: 2, rows: 3}]);
	t.is(m.selected, 'kube-system/kube-dns');
	const filtered = reduceModel(m, {type: 'setFilter', filter: 'dns'});
	t.is(filtered.selected, 'kube-system/kube-dns');
	t.is(filtered.cursor.services, 0);
	const cleared = reduceModel(filtered, {type: 'setFilter', filter: ''});
	t.is(cleared.selected, 'kube-system/kube-dns');
	t.is(cleared.cursor.services, 2);
	// Filtered out, the first match is selected, and stays so when the filter is cleared.
	const other = reduceModel(cleared, {type: 'setFilter', filter: 'hello'});
	t.is(other.selected, 'default/hello-node-svc');
	t.is(reduceModel(other, {type: 'setFilter', filter: ''}).selected, 'default/hello-node-svc');
});

// Prompts as form fields (issue 10, problem 6).

test('the s prompt’s preset is selected: typing replaces it, Backspace edits it', t => {
	const opened = key(reduceModel(initialModel(hello), {type: 'focusPane', pane: 'pods'}), 's');
	t.like(opened.mode, {kind: 'prompt', purpose: 'scale', text: '3', selected: true});
	const five = reduceModel(opened, {type: 'lineInput', text: '5'});
	t.like(five.mode, {text: '5', selected: false});
	t.deepEqual(reduceModel(five, {type: 'promptSubmitted'}).record, ['scale rc/hello-node --replicas=5 -n default']);
	const erased = reduceAll(opened, [{type: 'lineErase'}, {type: 'lineInput', text: '7'}]);
	t.like(erased.mode, {text: '7'});
	const at35 = key(reduceAll(opened, [{type: 'lineInput', text: '35'}, {type: 'promptSubmitted'}, {type: 'focusPane', pane: 'pods'}]), 's');
	t.like(at35.mode, {text: '35', selected: true});
	t.like(reduceAll(at35, [{type: 'lineErase'}, {type: 'lineInput', text: '0'}]).mode, {text: '30'});
});

test('the l prompt starts empty; what is typed is the label change that runs', t => {
	const opened = key(reduceModel(initialModel(hello), {type: 'focusPane', pane: 'pods'}), 'l');
	t.like(opened.mode, {kind: 'prompt', purpose: 'label', text: '', selected: false});
	const removed = reduceAll(opened, [{type: 'lineInput', text: 'app-'}, {type: 'promptSubmitted'}]);
	t.deepEqual(removed.record, ['label pod hello-node-4fp4j -n default app- --overwrite']);
	t.deepEqual(getRow(removed.sim.pods, 'default/hello-node-4fp4j')?.labels, {});
	// Enter with nothing typed runs the line shown, and kubectl's own complaint shows.
	const empty = reduceModel(opened, {type: 'promptSubmitted'});
	t.deepEqual(empty.record, []);
	t.is(empty.mode.kind === 'output' ? empty.mode.title : '', 'label pod hello-node-4fp4j -n default --overwrite');
});

// The f chooser (issue 10, problem 5).

test('the chooser’s highlight is in the model: Down Down Enter picks the third client, then an address', t => {
	const m = key(initialModel(hello), 'f');
	const clients = chooserItems(m);
	const picked = reduceAll(m, [{type: 'chooserMove', delta: 1}, {type: 'chooserMove', delta: 1}, {type: 'chooserPick'}]);
	t.is(picked.client, clients[2]!.value);
	t.is(picked.client, '--from node/node-1');
	t.deepEqual(picked.mode, {kind: 'chooseAddress', at: 'dns'});
	const addressed = reduceAll(picked, [{type: 'chooserMove', delta: 1}, {type: 'chooserPick'}]);
	t.is(addressed.address, 'clusterIP');
	t.deepEqual(addressed.mode, {kind: 'normal'});
	t.is(addressed.focus, 'services');
	// Closing, it says what r and b will now do, and r does it.
	const clusterIP = getRow(hello.services, 'default/hello-node-svc')?.spec.clusterIP;
	t.deepEqual(addressed.status, {text: `r and b now send from node/node-1 to ClusterIP ${clusterIP}:80`, error: false});
	t.deepEqual(key(addressed, 'r').history, [`curl ${clusterIP}:80 --from node/node-1`]);
	// Clamped at both ends.
	t.is(reduceAll(m, [{type: 'chooserMove', delta: -5}, {type: 'chooserPick'}]).client, '');
	t.is(reduceAll(m, [{type: 'chooserMove', delta: 500}, {type: 'chooserPick'}]).client, clients.at(-1)!.value);
	// Opened again, the highlight starts on the current choice.
	t.deepEqual(key(addressed, 'f').mode, {kind: 'chooseClient', at: '--from node/node-1'});
});

test('--watch: a changed file is applied as the palette would, its diff in the viewer, the line recorded (a path with a space and a quote quoted)', t => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'with space '));
	const file = path.join(folder, "web's.yaml");
	fs.copyFileSync('test/fixtures/apply/selector-typo.yaml', file);
	const m = reduceModel({...initialModel(hello), mode: {kind: 'help', offset: 0, page: 'keys'}}, {type: 'fileChanged', file, previous: ''});
	t.is(m.mode.kind, 'output', 'shown whatever was open');
	// The line names the file as one word, whatever its characters: the grammar reads it back whole.
	const title = m.mode.kind === 'output' ? m.mode.title : '';
	t.deepEqual(parseCommand(title), {ok: true, command: {kind: 'apply', file}});
	t.regex(m.mode.kind === 'output' ? m.mode.lines.join('\n') : '', /^service\/hello-node-svc configured\n\nRouting changes:/);
	t.deepEqual(getRow(m.sim.services, 'default/hello-node-svc')?.spec.selector, {app: 'hello-nod'});
	t.deepEqual(m.record, [title]);
	fs.rmSync(folder, {recursive: true, force: true});
});
