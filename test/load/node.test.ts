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
		{name: 'worker-1', labels: {'topology.kubernetes.io/zone': 'a'}, podCIDR: '10.244.1.0/24', internalIP: '192.168.49.3', ready: false},
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
