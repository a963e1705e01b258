import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {helloRC, input} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';
import {hostAgent} from './host-network-input.js';

const failedScheduling = (state: ReturnType<typeof boot>, pod: string) =>
	listEvents(state)
		.filter(e => e.involved.name === pod && e.reason === 'FailedScheduling')
		.map(e => e.message);

test("NodePorts filter (pkg/scheduler/framework/plugins/nodeports): two hostNetwork pods with one containerPort never share a node; the fourth of three nodes stays Pending with the plugin's reason", t => {
	const state = boot(input({workloads: [helloRC, hostAgent(4)]}));
	const agents = livePods(state, 'agent-');
	const placed = agents.filter(p => p.nodeName !== null);
	t.is(placed.length, 3);
	t.is(new Set(placed.map(p => p.nodeName)).size, 3, 'one per node');
	const pending = agents.find(p => p.nodeName === null)!;
	t.is(pending.reason, 'Unschedulable');
	// An Unschedulable status (not UnschedulableAndUnresolvable): DefaultPreemption looks for victims there.
	t.deepEqual(failedScheduling(state, pending.name), [
		"0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..",
	]);
});

test('NodePorts: a port freed by a deleted hostNetwork pod lets the Pending one in once the old pod is gone, not while it terminates', t => {
	let state = boot(input({workloads: [helloRC, hostAgent(3)]}));
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'agent', replicas: 4}).state;
	t.is(livePods(state, 'agent-').filter(p => p.nodeName === null).length, 1);
	// The other workload's pods (no host ports) do not stand in the way: hello-node scales on the same nodes.
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 6}).state;
	t.is(livePods(state, 'hello-node-').filter(p => p.nodeName === null).length, 0);
	const victim = livePods(state, 'agent-').find(p => p.nodeName !== null)!;
	// The controller's replacement for the victim waits too: two Pending, one node about to free up.
	state = run(state, {type: 'podDeleted', namespace: 'default', name: victim.name}, wait(29)).state;
	t.is(livePods(state, 'agent-').filter(p => p.nodeName === null).length, 2, 'a Terminating pod still holds its host ports');
	state = run(state, wait(1)).state;
	const agents = livePods(state, 'agent-');
	t.is(agents.filter(p => p.nodeName === victim.nodeName).length, 1, 'one Pending agent took the freed node');
	t.is(agents.filter(p => p.nodeName === null).length, 1);
});

test('NodePorts: hostNetwork pods on different ports share a node', t => {
	const state = boot(input({config: {nodes: 1}, workloads: [helloRC, hostAgent(1, 'a', 9100), hostAgent(1, 'b', 9200)]}));
	t.is(livePods(state, 'a-')[0]!.nodeName, livePods(state, 'b-')[0]!.nodeName);
	t.not(livePods(state, 'b-')[0]!.nodeName, null);
});
