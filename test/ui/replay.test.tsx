/** @jsxRuntime automatic */
// `--replay FILE`: a script run in the TUI one line per `p`. After every step the simulation is
// the one `--script` leaves after the same lines (headless/run-script.ts), a failing line stops
// the replay as it stops --script, and the line `p` runs next is on screen.

import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import type {State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {type Model, reduceModel} from '../../source/ui/model.js';
import {startModel} from '../../source/ui/run-tui.js';
import {KEYS, loadState, openScreen} from './helpers.js';

// As --record writes it (run-tui.tsx scriptText): a header, commands, the waits between them;
// plus a query, a blank line and a comment, which --script takes too.
const SCRIPT = [
	'# k8s-svc-tui session; replay it with:',
	'#   k8s-svc-tui samples/hello.yaml --seed 1 --script THIS_FILE',
	'delete pod hello-node-4fp4j -n default',
	'wait 2500ms',
	'',
	'get pods -o wide',
	'scale rc/hello-node --replicas=5 -n default',
	'wait 40s',
	'crash pod hello-node-c4hwf -n default',
	'curl hello-node-svc --count 20',
	'wait 1s',
].join('\n');

const headless = (state: State, lines: number): State =>
	runScript(state, `${SCRIPT.split('\n').slice(0, lines).join('\n')}\n`, {out: () => {}, err: () => {}}, {name: 'session.txt'}).state;

test('after each p, the state is the one --script leaves after the same lines', t => {
	const state = loadState('samples/hello.yaml');
	let model: Model = startModel(state, [], {name: 'session.txt', text: SCRIPT});
	t.true(model.paused, 'the clock stands still between steps');
	t.is(model.replay?.next, 2, 'the header comments are skipped');
	const lines = SCRIPT.split('\n');
	let steps = 0;
	while (model.replay && model.replay.next < lines.length) {
		const at = model.replay.next;
		model = reduceModel(model, {type: 'replayStep'});
		steps++;
		t.is(JSON.stringify(model.sim), JSON.stringify(headless(state, at + 1)), `after line ${at + 1}: ${lines[at]}`);
	}
	t.is(steps, 8, 'one step per line that runs something');
	t.is(model.replay?.failed, null);
	// Done: another p changes nothing.
	t.is(reduceModel(model, {type: 'replayStep'}), model);
});

test('a failing line stops the replay where --script stops', t => {
	const state = loadState('samples/hello.yaml');
	const text = 'delete pod hello-node-4fp4j\nscale rc/nope --replicas=2\nwait 5s\n';
	let model: Model = startModel(state, [], {name: 's.txt', text});
	model = reduceModel(reduceModel(model, {type: 'replayStep'}), {type: 'replayStep'});
	t.is(model.replay?.failed, 2);
	const script = runScript(state, text, {out: () => {}, err: () => {}}, {name: 's.txt'});
	t.is(script.exitCode, 1);
	t.is(JSON.stringify(model.sim), JSON.stringify(script.state));
	t.is(reduceModel(model, {type: 'replayStep'}), model, 'nothing runs after the failure');
});

test.serial('on screen: the next line is shown, p runs it, and the panes follow (100×30)', async t => {
	const s = await openScreen('samples/hello.yaml', undefined, {start: state => startModel(state, [], {name: 'session.txt', text: SCRIPT})});
	try {
		const first = s.frame();
		t.truthy(
			first.split('\n').find(l => l.startsWith('replay session.txt line 3/11 · p runs: delete pod hello-node-4fp4j -n default')),
			first,
		);
		t.is(first.split('\n').length, 30);
		const deleted = await s.press('p');
		t.true(deleted.includes('replay session.txt line 4/11 · p runs: wait 2500ms'), deleted);
		t.true(deleted.includes('pod "hello-node-4fp4j" deleted'), deleted);
		t.not(getRow(s.model().sim.pods, 'default/hello-node-4fp4j')?.deletionTimestamp ?? null, null);
		// The query opens in the viewer as typed at the palette; Esc closes it and p goes on.
		await s.press('p', 'p');
		t.is(s.model().mode.kind, 'output');
		await s.press(KEYS.esc);
		// scale, wait, crash, then curl: its trace opens in the viewer, the replay line stays in view.
		const curl = await s.press('p', 'p', 'p', 'p');
		t.is(s.model().mode.kind, 'output');
		t.true(curl.includes('replay session.txt line 11/11 · p runs: wait 1s'), curl);
		t.is(curl.split('\n').length, 30, 'the viewer leaves the replay line its row');
		await s.press(KEYS.esc, 'p');
		const done = s.frame();
		t.true(done.includes('replay session.txt: done, all 11 lines run'), done);
		t.is(JSON.stringify(s.model().sim), JSON.stringify(headless(loadState('samples/hello.yaml'), 11)));
	} finally {
		s.unmount();
	}
});

test.serial('p without --replay says how to start one', async t => {
	const s = await openScreen('samples/hello.yaml');
	try {
		const frame = await s.press('p');
		t.true(frame.includes('nothing to replay: start with --replay FILE'), frame);
	} finally {
		s.unmount();
	}
});

test('--replay with --until: the screen opens at that line, in the state --script --until leaves; [ steps back through the lines before it', t => {
	const state = loadState('samples/hello.yaml');
	const model = startModel(state, [], {name: 'session.txt', text: SCRIPT}, {line: 7});
	const lines = SCRIPT.split('\n');
	t.is(lines[model.replay?.next ?? 0], 'wait 40s', 'the next line to run is the one after line 7 (the scale)');
	const toLine7 = runScript(state, SCRIPT, {out: () => {}, err: () => {}}, {name: 'session.txt', until: {line: 7}}).state;
	t.is(JSON.stringify(model.sim), JSON.stringify(toLine7));
	t.is(getRow(model.sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 5);
	// Each line run on the way is a moment: [ goes back through them, to before the scale (line 5).
	const back = reduceModel(model, {type: 'travel', to: 'back', count: 1});
	t.is(JSON.stringify(back.sim), JSON.stringify(runScript(state, SCRIPT, {out: () => {}, err: () => {}}, {name: 'session.txt', until: {line: 4}}).state));
	t.is(getRow(back.sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 3);
});
