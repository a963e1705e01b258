// StatefulSet controller passes that go on from where the step's last one stopped
// (sim/statefulset-progress.ts). The oracle: one long wait leaves the pods exactly as the same
// time in one-second steps does, each step starting from nothing; so what the controller
// remembers within a step never lets it do what a fresh look would not.

import test from 'ava';
import {beginDraft} from '../../source/sim/draft.js';
import type {Action, State, WorkloadInput} from '../../source/sim/index.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {ordinalIn, podWritten} from '../../source/sim/statefulset-progress.js';
import {helloRC, input} from './hello-input.js';
import {boot, run, wait} from './helpers.js';

const statefulSet: WorkloadInput = {
	...helloRC,
	kind: 'StatefulSet',
	meta: {...helloRC.meta, name: 'web'},
	replicas: 1,
	serviceName: 'web',
	template: {...helloRC.template, labels: {app: 'web'}},
	selector: {matchLabels: {app: 'web'}, matchExpressions: []},
};

const scale = (replicas: number): Action => ({type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas});
const probe = (name: string, passing: boolean): Action => ({type: 'probeSet', namespace: 'default', name, passing});
const remove = (name: string): Action => ({type: 'podDeleted', namespace: 'default', name});

/** The set's pods as the controller sees them, by name. */
const pods = (state: State) =>
	listRows(state.pods)
		.filter(p => p.name.startsWith('web-'))
		.map(p => `${p.name} ${p.phase}${p.ready ? ' ready' : ''}${p.deletionTimestamp === null ? '' : ' terminating'} created ${p.createdAt}`)
		.sort();

/** `seconds` waited at once, and in one-second steps. */
function bothWays(state: State, seconds: number): {once: string[]; stepped: string[]} {
	const once = run(state, wait(seconds)).state;
	let stepped = state;
	for (let s = 0; s < seconds; s++) stepped = run(stepped, wait(1)).state;
	return {once: pods(once), stepped: pods(stepped)};
}

test('a pod below the next ordinal going NotReady in the same step stops the creations there', t => {
	// web-0 fails its probe and goes NotReady some 20 s later, while web-1, web-2, … start 2 s apart.
	const state = run(boot(input({workloads: [statefulSet], services: []})), probe('web-0', false), scale(40)).state;
	const {once, stepped} = bothWays(state, 200);
	t.deepEqual(once, stepped);
	t.true(once.length > 3 && once.length < 40, `stopped part way: ${once.length} pods`);
	t.regex(once[0] ?? '', /^web-0 Running created/, 'web-0 is not ready');
});

test('a pod deleted below the next ordinal is made again before any higher one', t => {
	let state = run(boot(input({workloads: [statefulSet], services: []})), scale(30), wait(10)).state;
	state = run(state, remove('web-1')).state;
	const {once, stepped} = bothWays(state, 120);
	t.deepEqual(once, stepped);
	t.is(once.length, 30);
});

test('scale-down goes from the top, one at a time, also past a pod deleted by hand', t => {
	let state = run(boot(input({workloads: [statefulSet], services: []})), scale(12), wait(60)).state;
	t.is(pods(state).length, 12);
	state = run(state, scale(2), remove('web-5')).state;
	const leaving = (s: State) =>
		pods(s)
			.filter(p => p.includes('terminating'))
			.map(p => p.split(' ')[0]);
	// stateful_set_control.go: the highest first, while the one deleted by hand terminates.
	t.deepEqual(leaving(state), ['web-11', 'web-5']);
	t.deepEqual(leaving(run(state, wait(31)).state), ['web-10']);
	// Ten to go, 30 s of grace each.
	const {once, stepped} = bothWays(state, 400);
	t.deepEqual(once, stepped);
	t.deepEqual(
		once.map(p => p.split(' ')[0]),
		['web-0', 'web-1'],
	);
});

test('ordinals are the names the controller gives: <set>-<i>, no sign, no leading zero', t => {
	t.is(ordinalIn('web', 'web-0'), 0);
	t.is(ordinalIn('web', 'web-12'), 12);
	for (const name of ['web-01', 'web-', 'web-1a', 'web--1', 'web-1.5', 'webx-1', 'api-1']) t.is(ordinalIn('web', name), null, name);
	t.is(ordinalIn('a-b', 'a-b-3'), 3);
});

test("a pod of the set written in a step keeps the step's bound on its ordinals true", t => {
	const state = boot(input({workloads: [statefulSet], services: []}));
	const d = beginDraft(state);
	d.statefulSets.set('StatefulSet/default/web', {ready: 1, top: 0});
	const web0 = getRow(state.pods, 'default/web-0');
	if (!web0) throw new Error('no web-0');
	// A pod the set owns appearing above the bound raises it; one below the ready prefix that is no
	// longer Ready takes the prefix back to it.
	podWritten(d, null, {...web0, name: 'web-7'});
	podWritten(d, web0, {...web0, ready: false});
	t.deepEqual(d.statefulSets.get('StatefulSet/default/web'), {ready: 0, top: 7});
});
