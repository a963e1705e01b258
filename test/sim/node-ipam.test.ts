// Node podCIDRs (sim/node-ipam.ts, after kube-controller-manager's
// pkg/controller/nodeipam/ipam/range_allocator.go and cidrset/cidr_set.go).
import test from 'ava';
import {initialState} from '../../source/sim/index.js';
import {input} from './hello-input.js';

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
