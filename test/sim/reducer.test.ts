import test from 'ava';
import type {Action} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {input} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';

function script(seed: number): string {
	let state = boot(input(), seed);
	const outputs: unknown[] = [];
	const actions: Action[] = [
		{type: 'requestSent', target: 'hello-node-svc', from: {kind: 'default'}, count: 20},
		{type: 'podDeleted', namespace: 'default', name: livePods(state, 'hello-node-')[0]!.name},
		wait(3),
		{type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 5},
		wait(40),
		{type: 'dnsQueried', name: 'hello-node-svc', qtype: 'A', from: {kind: 'default'}},
		{type: 'requestSent', target: '192.168.49.3:30036', from: {kind: 'external'}, count: 20},
	];
	for (const action of actions) {
		const r = run(state, action);
		state = r.state;
		outputs.push(r.results);
	}
	return JSON.stringify({state, outputs});
}

test('same input + same seed + same actions ⇒ byte-identical state and output', t => {
	t.is(script(42), script(42));
	t.not(script(42), script(43));
});

test('the state stays plain JSON data', t => {
	const state = run(boot(input()), wait(5)).state;
	t.deepEqual(JSON.parse(JSON.stringify(state)), state);
});

test('a ClusterIP never changes while pods churn underneath', t => {
	let state = boot(input());
	const ip = getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP;
	for (let i = 0; i < 10; i++) {
		state = run(state, {type: 'podDeleted', namespace: 'default', name: livePods(state, 'hello-node-')[0]!.name}, wait(5)).state;
		t.is(getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP, ip);
	}
});
