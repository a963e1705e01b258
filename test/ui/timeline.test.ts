// Time travel (issue 13): the TUI's undo tree. Back N and forward N give the identical state;
// acting from a past moment forks, and the old timeline stays one key away; the record is the
// path to the moment on screen, so --script replays to it; `undo N` in the palette travels too.

import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {bindingFor} from '../../source/ui/keymap.js';
import {initialModel, type Model, type ModelAction, recordedScript, reduceModel} from '../../source/ui/model.js';
import {addMoment, MOMENTS_MAX, position, startTimeline, stepBack} from '../../source/ui/timeline.js';
import {loadState} from './helpers.js';

const reduceAll = (model: Model, actions: ModelAction[]) => actions.reduce(reduceModel, model);
const run = (line: string): ModelAction => ({type: 'run', line});
const key = (model: Model, name: string) => {
	const out = bindingFor(name)!.run(model);
	if (!Array.isArray(out) && !('type' in out)) throw new Error(out.error);
	return reduceAll(model, Array.isArray(out) ? out : [out]);
};

function session(): {start: Model; states: Model[]} {
	const start = initialModel(loadState('samples/hello.yaml'));
	const states = [start];
	for (const line of ['delete pod hello-node-4fp4j', 'wait 20s', 'scale rc hello-node --replicas=5', 'crash pod hello-node-c4hwf']) {
		states.push(reduceModel(states.at(-1)!, run(line)));
	}
	return {start, states};
}

test('[ N times then ] N times: each step back is the state before a command, and forward again is identical', t => {
	const {states} = session();
	let m = states.at(-1)!;
	for (let back = 1; back <= 4; back++) {
		m = key(m, '[');
		t.is(m.sim, states.at(-1 - back)!.sim, `${back} back: the very state`);
		t.true(m.paused, 'the clock stops on a past moment');
	}
	t.is(key(m, '[').status?.text, 'at the start: nothing before this');
	for (let forward = 3; forward >= 0; forward--) {
		m = key(m, ']');
		t.is(m.sim, states.at(-1 - forward)!.sim);
	}
	t.deepEqual(m.record, states.at(-1)!.record);
	t.deepEqual(m.log, states.at(-1)!.log, 'the request log comes back with its moment');
	t.is(key(m, ']').status?.text, 'at the newest moment: nothing after this');
});

test('acting from a past moment forks: the new branch is the one ] follows, } reaches the old one; the record is the path on screen', t => {
	const {states} = session();
	const newest = states.at(-1)!;
	let m = key(key(newest, '['), '[');
	t.is(m.sim, states[2]!.sim);
	m = reduceModel(m, run('label pod hello-node-c4hwf tier=web'));
	t.deepEqual(m.record, ['delete pod hello-node-4fp4j', 'wait 20s', 'label pod hello-node-c4hwf tier=web']);
	// The record replays in --script to exactly the state on screen.
	const replayed = runScript(loadState('samples/hello.yaml'), recordedScript(m).join('\n'), {out() {}, err() {}}, {name: 'record'});
	t.deepEqual(replayed.state, m.sim);
	// Back one, then } to the old branch: the scale, then ] to its end, the crash: the old timeline intact.
	m = key(m, '[');
	t.is(m.sim, states[2]!.sim);
	const old = key(key(m, ']'), '}');
	t.is(old.sim, states[3]!.sim, 'the other branch: the scale');
	t.is(key(old, ']').sim, newest.sim, 'and on to the crash');
	t.like(position(old.timeline), {branch: 1, branches: 2}, 'the scale is the first of two branches after the wait');
});

test('the palette’s undo N undoes the last N commands, as [ does; the clock that ran on since is kept as a moment, so ] comes back to it', t => {
	const {states} = session();
	let m = reduceModel(states.at(-1)!, {type: 'tick', ms: 7000});
	const ran = m.sim;
	m = reduceModel(m, {type: 'paletteSubmitted', line: 'undo 2'});
	t.is(m.sim, states.at(-3)!.sim, 'the crash and the scale undone, and the 7 s after them');
	t.is(m.mode.kind, 'normal');
	t.regex(m.status?.text ?? '', /^step 2 of 5 \(undid 2 commands\)/);
	t.regex(key(reduceModel(states.at(-1)!, {type: 'tick', ms: 7000}), '[').status?.text ?? '', /^step 3 of 5 \(undid "crash pod hello-node-c4hwf"\)/);
	m = key(key(key(m, ']'), ']'), ']');
	t.is(m.sim, ran, 'forward again reaches the present as it was');
	t.is(reduceModel(m, {type: 'paletteSubmitted', line: 'undo 9'}).sim, states[0]!.sim, 'as far back as there is');
});

test('a long session keeps at most MOMENTS_MAX moments, its newest ones in full and its branches reachable', t => {
	let timeline = startTimeline({sim: 0, record: [], recordedClock: 0, extra: null});
	for (let i = 1; i <= MOMENTS_MAX + 500; i++) timeline = addMoment(timeline, {sim: i, record: [], recordedClock: i, extra: null}, `step ${i}`);
	t.true(timeline.moments.filter(m => m !== null).length <= MOMENTS_MAX);
	// The last hundred are each one step back from the next.
	let walk = timeline;
	for (let i = MOMENTS_MAX + 500; i > MOMENTS_MAX + 400; i--) {
		t.is(walk.moments[walk.current]?.at.sim, i);
		walk = stepBack(walk)!;
	}
	// And the start is still there, however far back.
	for (let back = stepBack(walk); back; back = stepBack(walk)) walk = back;
	t.is(walk.moments[walk.current]?.at.sim, 0);
});
