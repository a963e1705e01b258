import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

test('a Node from a dump: InternalIP, podCIDR, labels, readiness; a stray namespace is ignored', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Node',
		'metadata:',
		'  name: worker-1',
		'  namespace: default',
		'  labels: {topology.kubernetes.io/zone: a}',
		'spec: {podCIDR: 10.244.1.0/24}',
		'status:',
		'  addresses: [{type: Hostname, address: worker-1}, {type: InternalIP, address: 192.168.49.3}]',
		'  conditions: [{type: Ready, status: "False"}]',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.nodes, [
		{
			name: 'worker-1',
			labels: {'topology.kubernetes.io/zone': 'a'},
			podCIDR: '10.244.1.0/24',
			internalIP: '192.168.49.3',
			ready: false,
			recorded: {
				addresses: [
					{type: 'Hostname', address: 'worker-1'},
					{type: 'InternalIP', address: '192.168.49.3'},
				],
				conditions: [{type: 'Ready', status: 'False'}],
			},
		},
	]);
	t.deepEqual(result.input.namespaces, []);
});

test('Node name and podCIDR rules', t => {
	const text = lines('apiVersion: v1', 'kind: Node', 'metadata: {name: Worker_1}', 'spec: {podCIDR: 10.244.1.0}');
	t.deepEqual(errorsOf(text), [
		"t.yaml:3:18: The Node \"Worker_1\" is invalid: metadata.name: Invalid value: \"Worker_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
		't.yaml:4:17: The Node "Worker_1" is invalid: spec.podCIDR: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
	]);
});

test("a dumped Node keeps what kubectl prints of it: uid, annotations, taints, unschedulable, providerID, podCIDRs, nodeInfo, every address, capacity and allocatable, conditions with times made relative to the dump's newest", t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Node',
		'metadata:',
		'  name: worker-1',
		'  uid: 3c5e7a1e-0000-4000-8000-000000000001',
		'  creationTimestamp: "2026-10-01T08:00:00Z"',
		'  annotations: {node.alpha.kubernetes.io/ttl: "0"}',
		'spec:',
		'  podCIDR: 10.244.1.0/24',
		'  podCIDRs: [10.244.1.0/24, "fd00:10:244:1::/64"]',
		'  providerID: aws:///us-east-1a/i-0abc',
		'  unschedulable: true',
		'  taints: [{key: dedicated, value: gpu, effect: NoSchedule}, {key: node.kubernetes.io/unschedulable, effect: NoSchedule}]',
		'status:',
		'  addresses: [{type: InternalIP, address: 10.0.0.11}, {type: ExternalIP, address: 203.0.113.7}, {type: Hostname, address: worker-1}]',
		'  capacity: {cpu: "4", memory: 16186368Ki, pods: "110"}',
		'  allocatable: {cpu: 3920m, memory: 15341056Ki, pods: 110}',
		'  conditions:',
		'  - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, message: ok, lastHeartbeatTime: "2026-10-02T08:00:00Z", lastTransitionTime: "2026-10-01T08:00:00Z"}',
		'  - {type: Ready, status: "True", reason: KubeletReady, lastHeartbeatTime: "2026-10-02T08:00:00Z", lastTransitionTime: "2026-10-01T08:00:30Z"}',
		'  nodeInfo: {kubeletVersion: v1.31.2, osImage: Amazon Linux 2023.6.20241111, kernelVersion: 6.1.112, containerRuntimeVersion: containerd://1.7.22}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	const [node] = result.input.nodes;
	t.is(node?.uid, '3c5e7a1e-0000-4000-8000-000000000001');
	// The newest time recorded (the heartbeats) is t=0.
	t.is(node?.createdAtSeconds, -86400);
	t.deepEqual(node?.recorded, {
		annotations: {'node.alpha.kubernetes.io/ttl': '0'},
		taints: [
			{key: 'dedicated', value: 'gpu', effect: 'NoSchedule'},
			{key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'},
		],
		unschedulable: true,
		providerID: 'aws:///us-east-1a/i-0abc',
		podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'],
		nodeInfo: {kubeletVersion: 'v1.31.2', osImage: 'Amazon Linux 2023.6.20241111', kernelVersion: '6.1.112', containerRuntimeVersion: 'containerd://1.7.22'},
		addresses: [
			{type: 'InternalIP', address: '10.0.0.11'},
			{type: 'ExternalIP', address: '203.0.113.7'},
			{type: 'Hostname', address: 'worker-1'},
		],
		capacity: {cpu: '4', memory: '16186368Ki', pods: '110'},
		// A number in hand-written YAML is the quantity it spells.
		allocatable: {cpu: '3920m', memory: '15341056Ki', pods: '110'},
		conditions: [
			{type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'ok', lastHeartbeatSeconds: 0, lastTransitionSeconds: -86400},
			{type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatSeconds: 0, lastTransitionSeconds: -86370},
		],
	});
});

test('a Node with nothing recorded carries no record; spec fields of the wrong type are errors at their place', t => {
	t.deepEqual(load(lines('apiVersion: v1', 'kind: Node', 'metadata: {name: w}')).input.nodes, [{name: 'w'}]);
	t.deepEqual(errorsOf(lines('apiVersion: v1', 'kind: Node', 'metadata: {name: w}', 'spec:', '  unschedulable: "yes"', '  taints: {key: a}')), [
		't.yaml:5:18: The Node "w" is invalid: spec.unschedulable: Invalid value: "yes": must be a boolean',
		't.yaml:6:11: The Node "w" is invalid: spec.taints: Invalid value: map[string]interface {}{"key":"a"}: must be a list',
	]);
});
