// Node podCIDRs (sim/node-ipam.ts, after kube-controller-manager's
// pkg/controller/nodeipam/ipam/range_allocator.go and cidrset/cidr_set.go).
import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {initialState, listRows, type State} from '../../source/sim/index.js';
import {input} from './hello-input.js';
import {boot, run, wait} from './helpers.js';

const refusals = (...args: Parameters<typeof input>) => {
	const result = initialState(input(...args));
	return result.ok ? [] : result.errors.map(e => `${e.kind} ${e.name} ${e.path.join('.')}: ${e.detail}`);
};

test('overlapping explicit podCIDRs are refused, the later one naming the block it overlaps (cidr_set.go Occupy takes a used block)', t => {
	const nodes = [
		{name: 'a', podCIDR: '10.244.4.0/24'},
		{name: 'b', podCIDR: '10.244.6.0/24'},
		{name: 'c', podCIDR: '10.244.4.0/23'},
		{name: 'd', podCIDR: '10.244.7.0/24'},
	];
	t.deepEqual(refusals({config: {nodes}, nodes: [{name: 'e', podCIDR: '10.244.6.128/25'}]}), [
		'Cluster  nodes.2.podCIDR: Invalid value: "10.244.4.0/23": overlaps the podCIDR 10.244.4.0/24 of node "a", so pods on the two nodes would get the same IPs',
		'Node e spec.podCIDR: Invalid value: "10.244.6.128/25": overlaps the podCIDR 10.244.6.0/24 of node "b", so pods on the two nodes would get the same IPs',
	]);
	// An overlap is found wherever the two blocks are in the input: the earlier one is kept.
	t.deepEqual(
		refusals({
			nodes: [
				{name: 'x', podCIDR: '10.244.9.0/24'},
				{name: 'y', podCIDR: '10.244.8.0/22'},
			],
		}),
		['Node y spec.podCIDR: Invalid value: "10.244.8.0/22": overlaps the podCIDR 10.244.9.0/24 of node "x", so pods on the two nodes would get the same IPs'],
	);
});

test('a Node document and a Cluster config entry for the same node are one node, not a duplicate', t => {
	t.deepEqual(refusals({config: {nodes: [{name: 'a', podCIDR: '10.244.1.0/24'}]}, nodes: [{name: 'a', podCIDR: '10.244.1.0/24'}]}), []);
	// The Node document's block replaces the config's, so only it is checked.
	t.deepEqual(
		refusals({
			config: {
				nodes: [
					{name: 'a', podCIDR: '10.244.1.0/24'},
					{name: 'b', podCIDR: '10.244.2.0/24'},
				],
			},
			nodes: [{name: 'a', podCIDR: '10.244.3.0/24'}],
		}),
		[],
	);
});

test('an explicit podCIDR overlapping the service CIDR is refused (range_allocator.go filterOutServiceRange never hands one out)', t => {
	t.deepEqual(
		refusals({
			config: {
				serviceCIDR: '10.96.0.0/12',
				nodes: [
					{name: 'a', podCIDR: '10.111.0.0/24'},
					{name: 'b', podCIDR: '10.112.0.0/24'},
				],
			},
		}),
		['Cluster  nodes.0.podCIDR: Invalid value: "10.111.0.0/24": overlaps the service CIDR 10.96.0.0/12, so a pod could get a Service\'s ClusterIP'],
	);
	// A block holding the whole service range overlaps it too; an IPv6 block shares nothing with it.
	t.deepEqual(
		refusals({
			nodes: [
				{name: 'a', podCIDR: '10.0.0.0/8'},
				{name: 'b', podCIDR: 'fd00::/64'},
			],
		}),
		['Node a spec.podCIDR: Invalid value: "10.0.0.0/8": overlaps the service CIDR 10.96.0.0/12, so a pod could get a Service\'s ClusterIP'],
	);
});

const podCIDRs = (state: State) => Object.values(state.nodes).map(n => [n.name, n.podCIDR]);

test('past the cluster CIDR a node gets no podCIDR, stays NotReady and has CIDRNotAvailable from cidrAllocator (range_allocator.go AllocateOrOccupyCIDR, cidr_set.go AllocateNext)', t => {
	const state = boot(input({config: {nodes: 300}}));
	const nodes = Object.values(state.nodes);
	t.is(nodes.length, 300);
	// A /16 holds 256 blocks of /24, handed out in order.
	t.deepEqual(
		nodes.slice(0, 256).map(n => n.podCIDR),
		Array.from({length: 256}, (_, i) => `10.244.${i}.0/24`),
	);
	t.true(nodes.slice(0, 256).every(n => n.ready));
	t.deepEqual(
		nodes.slice(256).map(n => [n.name, n.podCIDR, n.ready]),
		Array.from({length: 44}, (_, i) => [`node-${257 + i}`, '', false]),
	);
	const events = listEvents(state).filter(e => e.reason === 'CIDRNotAvailable');
	t.deepEqual(
		events.map(e => [e.type, e.source, e.involved.kind, e.involved.name, e.message, e.count]),
		nodes.slice(256).map(n => ['Warning', 'cidrAllocator', 'Node', n.name, `Node ${n.name} status is now: CIDRNotAvailable`, 1]),
	);
	// With the range at 256 nodes, the 257th is the first without a block.
	t.deepEqual(podCIDRs(boot(input({config: {nodes: 256}}))).at(-1), ['node-256', '10.244.255.0/24']);
});

test('nothing is scheduled on a node without a podCIDR: its pods could get no IP (the not-ready taint keeps them off)', t => {
	// 2 nodes' worth of /24s, 3 nodes, room for 2 pods each: CoreDNS and hello-node fill the two.
	const cluster = input({config: {nodes: 3, podCIDR: '10.244.0.0/23', maxPodsPerNode: 2}});
	const {state} = run(boot(cluster), wait(30));
	t.deepEqual(podCIDRs(state), [
		['node-1', '10.244.0.0/24'],
		['node-2', '10.244.1.0/24'],
		['node-3', ''],
	]);
	const pods = listRows(state.pods);
	t.true(pods.every(p => p.nodeName !== 'node-3'));
	const pending = pods.filter(p => p.phase === 'Pending');
	t.is(pending.length, 1, '5 pods, room for 4');
	const failed = listEvents(state).find(e => e.reason === 'FailedScheduling');
	t.regex(failed?.message ?? '', /1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/not-ready: \}/);
});

test("blocks overlapping the service CIDR or a node's own block are skipped (filterOutServiceRange, occupyCIDRs)", t => {
	const state = boot(
		input({
			config: {serviceCIDR: '10.244.1.0/24', podCIDR: '10.244.0.0/21', nodes: [{name: 'a'}, {name: 'own', podCIDR: '10.244.2.0/23'}, {name: 'b'}, {name: 'c'}]},
		}),
	);
	t.deepEqual(podCIDRs(state), [
		['a', '10.244.0.0/24'],
		['own', '10.244.2.0/23'],
		['b', '10.244.4.0/24'],
		['c', '10.244.5.0/24'],
	]);
	// A pod range inside the service range leaves no block at all.
	const inside = boot(input({config: {serviceCIDR: '10.0.0.0/8', podCIDR: '10.244.0.0/16', nodes: 2}}));
	t.deepEqual(podCIDRs(inside), [
		['node-1', ''],
		['node-2', ''],
	]);
});
