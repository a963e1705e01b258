// `nodes: []` is a cluster with no nodes, not the default three: the scheduler has nowhere to put
// a pod (pkg/scheduler/schedule_one.go ErrNoNodesAvailable), so every pod, CoreDNS's too, is Pending.
import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {listRows} from '../../source/sim/index.js';
import {input} from './hello-input.js';
import {boot, run, wait} from './helpers.js';

for (const nodes of [[], 0] as const) {
	test(`nodes: ${JSON.stringify(nodes)} has no nodes; every pod is Pending with FailedScheduling "no nodes available to schedule pods" (schedule_one.go)`, t => {
		const {state} = run(boot(input({config: {nodes: nodes as [] | 0}})), wait(60));
		t.deepEqual(Object.keys(state.nodes), []);
		const pods = listRows(state.pods);
		t.is(pods.length, 5, 'hello-node ×3 and CoreDNS ×2');
		t.true(pods.every(p => p.phase === 'Pending' && p.nodeName === null && p.podIP === null));
		const failed = listEvents(state).filter(e => e.reason === 'FailedScheduling');
		t.is(failed.length, 5);
		t.true(failed.every(e => e.type === 'Warning' && e.message === 'no nodes available to schedule pods' && e.source === 'default-scheduler'));
	});
}

test('no nodes key at all still gives the default three', t => {
	t.deepEqual(Object.keys(boot(input()).nodes).sort(), ['node-1', 'node-2', 'node-3']);
});

test("Node documents with nodes: [] are the cluster's nodes (the list adds none)", t => {
	const state = boot(input({config: {nodes: []}, nodes: [{name: 'worker-a'}]}));
	t.deepEqual(Object.keys(state.nodes), ['worker-a']);
});
