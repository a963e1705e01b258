import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import type {NodeInput, Toleration, WorkloadInput} from '../../source/sim/types.js';
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

// Taints, tolerations and cordons: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go,
// tainttoleration/taint_toleration.go, and k8s.io/api core/v1 toleration.go ToleratesTaint.

const controlPlane: NodeInput = {name: 'cp', recorded: {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}};
const cordoned = (name: string): NodeInput => ({name, recorded: {unschedulable: true}});
const tainted = (name: string, effect: string, key = 'dedicated', value?: string): NodeInput => ({
	name,
	recorded: {taints: [{key, ...(value ? {value} : {}), effect}]},
});

/** hello-node's template under another name, with tolerations. */
function tolerating(name: string, replicas: number, tolerations: Toleration[]): WorkloadInput {
	return {
		...helloRC,
		meta: {name, namespace: 'default', labels: {app: name}, annotations: {}},
		replicas,
		selector: {matchLabels: {app: name}, matchExpressions: []},
		template: {labels: {app: name}, annotations: {}, spec: {...helloRC.template.spec, tolerations}},
	};
}

const placedOn = (state: ReturnType<typeof boot>, prefix: string) => livePods(state, prefix).map(p => p.nodeName);

test('FitError.Error (framework/types.go) with NodeUnschedulable and TaintToleration: a cordoned node is `were unschedulable`, a tainted one `had untolerated taint {key: value}`; both UnschedulableAndUnresolvable, so preemption is not helpful on any', t => {
	const state = boot(input({config: {nodes: [controlPlane, cordoned('node-1'), cordoned('node-2')]}}));
	const pods = livePods(state, 'hello-node-');
	t.is(pods.length, 3);
	t.true(pods.every(p => p.nodeName === null && p.phase === 'Pending' && p.reason === 'Unschedulable'));
	t.deepEqual(failedScheduling(state, pods[0]!.name), [
		'0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
	]);
});

test('FitError.Error sorts the histogram as strings (sort.Strings), so `10 …` comes before `2 …`; the taint shows its value', t => {
	const nodes = [
		...Array.from({length: 10}, (_, i) => cordoned(`c-${i}`)),
		tainted('t-1', 'NoExecute', 'team', 'db'),
		tainted('t-2', 'NoSchedule', 'team', 'db'),
	];
	const state = boot(input({config: {nodes}}));
	const pending = livePods(state, 'hello-node-')[0]!;
	t.deepEqual(failedScheduling(state, pending.name), [
		'0/12 nodes are available: 10 node(s) were unschedulable, 2 node(s) had untolerated taint {team: db}. preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling..',
	]);
});

test('default_plugins.go runs NodeUnschedulable before TaintToleration: a cordoned, tainted node counts once, as unschedulable; PreferNoSchedule rejects nothing', t => {
	const both: NodeInput = {name: 'both', recorded: {unschedulable: true, taints: [{key: 'dedicated', effect: 'NoSchedule'}]}};
	const state = boot(input({config: {nodes: [both, tainted('soft', 'PreferNoSchedule')]}}));
	// The PreferNoSchedule node takes every pod: it is the only one left, and a preference is no filter.
	t.deepEqual(placedOn(state, 'hello-node-'), ['soft', 'soft', 'soft']);
	const one = boot(input({config: {nodes: [both]}}));
	t.deepEqual(failedScheduling(one, livePods(one, 'hello-node-')[0]!.name), [
		'0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
	]);
});

test('TaintToleration Score: a PreferNoSchedule taint the pod does not tolerate loses to a node without one, even one holding more of the workload; tolerating it levels the field', t => {
	const nodes = [tainted('a-soft', 'PreferNoSchedule'), {name: 'b-plain'}];
	const state = boot(input({config: {nodes}}));
	t.deepEqual(placedOn(state, 'hello-node-'), ['b-plain', 'b-plain', 'b-plain']);
	const tolerant = boot(input({config: {nodes}, workloads: [tolerating('tol', 4, [{key: 'dedicated', operator: 'Exists', effect: 'PreferNoSchedule'}])]}));
	const spread = placedOn(tolerant, 'tol-');
	t.is(spread.filter(n => n === 'a-soft').length, 2, 'SelectorSpread decides once the taint is tolerated');
});

test('ToleratesTaint (core/v1 toleration.go): Exists ignores the value, Equal compares it, an empty effect matches every effect, an effect must otherwise match; the operator defaults to Equal', t => {
	const nodes = [tainted('n', 'NoSchedule', 'team', 'db')];
	const fits = (tolerations: Toleration[]) => placedOn(boot(input({config: {nodes}, workloads: [tolerating('tol', 1, tolerations)]})), 'tol-')[0] ?? null;
	t.is(fits([{key: 'team', operator: 'Exists', effect: 'NoSchedule'}]), 'n');
	t.is(fits([{key: 'team', operator: 'Equal', value: 'db', effect: 'NoSchedule'}]), 'n');
	t.is(fits([{key: 'team', value: 'db'}]), 'n', 'no operator is Equal; no effect matches NoSchedule');
	t.is(fits([{key: 'team', operator: 'Equal', value: 'web', effect: 'NoSchedule'}]), null, 'another value');
	t.is(fits([{key: 'team', operator: 'Equal', effect: 'NoSchedule'}]), null, 'Equal with no value wants an empty one');
	t.is(fits([{key: 'team', operator: 'Exists', effect: 'NoExecute'}]), null, 'another effect');
	t.is(fits([{key: 'other', operator: 'Exists'}]), null, 'another key');
	t.is(fits([{operator: 'Exists'}]), 'n', 'an empty key with Exists tolerates everything');
});

test('NoExecute taints filter as NoSchedule ones do, and tolerationSeconds plays no part in scheduling', t => {
	const nodes = [tainted('n', 'NoExecute')];
	t.is(livePods(boot(input({config: {nodes}})), 'hello-node-')[0]!.nodeName, null);
	const state = boot(
		input({config: {nodes}, workloads: [tolerating('tol', 1, [{key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0}])]}),
	);
	t.is(placedOn(state, 'tol-')[0], 'n');
});

test('NodeUnschedulable: a pod that tolerates node.kubernetes.io/unschedulable:NoSchedule (or everything) is placed on a cordoned node', t => {
	const nodes = [cordoned('c')];
	const tolerant = boot(
		input({config: {nodes}, workloads: [tolerating('tol', 1, [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'}])]}),
	);
	t.is(placedOn(tolerant, 'tol-')[0], 'c');
	const all = boot(input({config: {nodes}, workloads: [tolerating('all', 1, [{operator: 'Exists'}])]}));
	t.is(placedOn(all, 'all-')[0], 'c');
	const wrongEffect = boot(
		input({config: {nodes}, workloads: [tolerating('ne', 1, [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute'}])]}),
	);
	t.is(placedOn(wrongEffect, 'ne-')[0], null);
});

test("the not-ready taint is a taint like any other: tolerating node.kubernetes.io/not-ready:NoSchedule gets a pod onto a node without a podCIDR; a dump's recorded unreachable taint is not doubled", t => {
	// Two /24s for three nodes: node-3 has no podCIDR, so its Ready is False (not-ready).
	const config = {nodes: 3, podCIDR: '10.244.0.0/23'};
	const state = boot(input({config, workloads: [tolerating('tol', 1, [{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule'}])]}));
	t.is(placedOn(state, 'tol-')[0], 'node-3', 'the only node without the workload… and with no pods at all');
	const dumped: NodeInput = {
		name: 'gone',
		ready: false,
		recorded: {
			conditions: [{type: 'Ready', status: 'Unknown'}],
			taints: [
				{key: 'node.kubernetes.io/unreachable', effect: 'NoExecute'},
				{key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule'},
			],
		},
	};
	const one = boot(input({config: {nodes: [dumped]}}));
	// The NoExecute one comes first but every pod tolerates it (DefaultTolerationSeconds); one node, counted once.
	t.deepEqual(failedScheduling(one, livePods(one, 'hello-node-')[0]!.name), [
		'0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
	]);
});

test('a Pending pod with tolerations is retried when room appears on a tainted node, though the Pending pods ahead of it still fit nowhere', t => {
	// CoreDNS fills `plain` (2 pods); hello-node cannot use `team`; tol fills `team` and one waits.
	const nodes: NodeInput[] = [
		{name: 'plain', maxPods: 2},
		{name: 'team', maxPods: 1, recorded: {taints: [{key: 'team', effect: 'NoSchedule'}]}},
	];
	let state = boot(input({config: {nodes}, workloads: [helloRC, tolerating('tol', 1, [{key: 'team', operator: 'Exists'}])]}));
	t.true(livePods(state, 'hello-node-').every(p => p.nodeName === null));
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'tol', replicas: 2}).state;
	t.deepEqual(placedOn(state, 'tol-').sort(), ['team', null].sort());
	const onTeam = livePods(state, 'tol-').find(p => p.nodeName === 'team')!;
	state = run(state, {type: 'podDeleted', namespace: 'default', name: onTeam.name}, wait(30)).state;
	const tol = livePods(state, 'tol-');
	t.is(tol.filter(p => p.nodeName === 'team').length, 1, 'a waiting tol pod took the freed slot');
	t.true(livePods(state, 'hello-node-').every(p => p.nodeName === null));
});
