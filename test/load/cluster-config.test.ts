// Our `apiVersion: k8s-svc-tui/v1, kind: Cluster` document (docs/architecture.md "Domain model").
import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

const cluster = (...body: string[]) => lines('apiVersion: k8s-svc-tui/v1', 'kind: Cluster', ...body);
const invalid = 'The Cluster config is invalid: ';

test('every field is read', t => {
	const text = cluster(
		'nodes:',
		'- {name: cp, internalIP: 192.168.49.2, podCIDR: 10.244.0.0/24, labels: {role: control-plane}}',
		'- name: worker',
		'serviceCIDR: 10.96.0.0/12',
		'podCIDR: 10.244.0.0/16',
		'nodePortRange: 30000-32767',
		'proxyMode: ipvs',
		'loadBalancerPool: [203.0.113.10, 203.0.113.64/28]',
		'externalClients: [{name: laptop, ip: 198.51.100.7}]',
		'podStartSeconds: 1.5',
		'maxPodsPerNode: 110',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.config, {
		nodes: [{name: 'cp', internalIP: '192.168.49.2', podCIDR: '10.244.0.0/24', labels: {role: 'control-plane'}}, {name: 'worker'}],
		serviceCIDR: '10.96.0.0/12',
		podCIDR: '10.244.0.0/16',
		nodePortRange: '30000-32767',
		proxyMode: 'ipvs',
		loadBalancerPool: ['203.0.113.10', '203.0.113.64/28'],
		externalClients: [{name: 'laptop', ip: '198.51.100.7'}],
		podStartSeconds: 1.5,
		maxPodsPerNode: 110,
	});
	t.deepEqual(load(cluster('nodes: 5')).input.config, {nodes: 5});
	t.deepEqual(load(lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: x}')).input.config, {});
});

test('unknown fields are errors, at the key', t => {
	t.deepEqual(errorsOf(cluster('nodez: 3', 'nodes:', '- {name: a, ip: 10.0.0.1}')), [
		't.yaml:3:1: strict decoding error: unknown field "nodez"',
		't.yaml:5:13: strict decoding error: unknown field "nodes[0].ip"',
	]);
});

test('values are validated', t => {
	const text = cluster(
		'nodes:', // 3
		'- {name: a, internalIP: 10.0.0.300}', // 4
		'- {name: a, podCIDR: 10.244.0.0}', // 5
		'- {labels: {a: b}}', // 6
		'serviceCIDR: 10.96.0.0/30', // 7
		'podCIDR: 10.244.0.0/25', // 8
		'nodePortRange: 32767-30000', // 9
		'proxyMode: userspace', // 10
		'loadBalancerPool: [203.0.113.300]', // 11
		'externalClients: [{name: laptop}]', // 12
		'podStartSeconds: -1', // 13
		'maxPodsPerNode: 0', // 14
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:4:25: ${invalid}nodes[0].internalIP: Invalid value: "10.0.0.300": must be a valid IPv4 address (the simulator models IPv4 clusters)`,
		`t.yaml:5:10: ${invalid}nodes[1].name: Duplicate value: "a"`,
		`t.yaml:5:22: ${invalid}nodes[1].podCIDR: Invalid value: "10.244.0.0": must be a valid IPv4 CIDR, e.g. 10.96.0.0/12`,
		`t.yaml:6:3: ${invalid}nodes[2].name: Required value`,
		`t.yaml:9:16: ${invalid}nodePortRange: Invalid value: "32767-30000": must be a port range like "30000-32767" within 1-65535`,
		`t.yaml:11:20: ${invalid}loadBalancerPool[0]: Invalid value: "203.0.113.300": must be an IPv4 address or CIDR`,
		`t.yaml:12:19: ${invalid}externalClients[0].ip: Required value`,
		`t.yaml:7:14: ${invalid}serviceCIDR: Invalid value: "10.96.0.0/30": must hold at least 8 addresses (a /29 or larger)`,
		`t.yaml:8:10: ${invalid}podCIDR: Invalid value: "10.244.0.0/25": must be a /24 or larger (each node gets a /24)`,
		`t.yaml:10:12: ${invalid}proxyMode: Unsupported value: "userspace": supported values: "iptables", "ipvs", "nftables"`,
		`t.yaml:13:18: ${invalid}podStartSeconds: Invalid value: -1: must be greater than or equal to 0`,
		`t.yaml:14:17: ${invalid}maxPodsPerNode: Invalid value: 0: must be greater than or equal to 1`,
	]);
});

test('node counts: 0 or more (0, like nodes: [], is a cluster without nodes); more than the podCIDR has /24s for is a cluster too', t => {
	t.deepEqual(errorsOf(cluster('nodes: 0')), []);
	t.deepEqual(errorsOf(cluster('nodes: []')), []);
	t.deepEqual(errorsOf(cluster('nodes: -1')), [`t.yaml:3:8: ${invalid}nodes: Invalid value: -1: must be greater than or equal to 0`]);
	t.deepEqual(errorsOf(cluster('nodes: 300')), []);
	// The nodes past the 256th get no podCIDR (range_allocator.go; test/sim/node-ipam.test.ts).
	t.deepEqual(errorsOf(cluster('nodes: 300', 'podCIDR: 10.244.0.0/16')), []);
	t.deepEqual(errorsOf(cluster('nodes: three')), [`t.yaml:3:8: ${invalid}nodes: Invalid value: "three": must be a number or a list of nodes`]);
});

test('only one Cluster document', t => {
	t.deepEqual(errorsOf(cluster('nodes: 2', '---', 'apiVersion: k8s-svc-tui/v1', 'kind: Cluster', 'nodes: 4')), [
		't.yaml:5:1: only one Cluster document is allowed; the first is at t.yaml:1:1',
	]);
	t.deepEqual(errorsOf(lines('apiVersion: k8s-svc-tui/v2', 'kind: Cluster')), ['t.yaml:1:13: no matches for kind "Cluster" in version "k8s-svc-tui/v2"']);
});
