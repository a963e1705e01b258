// User-supplied Endpoints for a Service without a selector (docs/semantics.md S81).
import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

const endpoints = (...body: string[]) => lines('apiVersion: v1', 'kind: Endpoints', 'metadata: {name: db}', ...body);

test('addresses and ports are read, protocol defaulted', t => {
	const text = endpoints(
		'subsets:',
		'- addresses: [{ip: 192.0.2.42, hostname: db-0, nodeName: node-1, targetRef: {kind: Pod, name: db-0, namespace: default}}]',
		'  notReadyAddresses: [{ip: 192.0.2.43}]',
		'  ports: [{port: 5432}]',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.endpoints[0], {
		meta: {name: 'db', namespace: 'default', labels: {}, annotations: {}},
		subsets: [
			{
				addresses: [{ip: '192.0.2.42', hostname: 'db-0', nodeName: 'node-1', targetRef: {kind: 'Pod', name: 'db-0', namespace: 'default'}}],
				notReadyAddresses: [{ip: '192.0.2.43'}],
				ports: [{name: '', port: 5432, protocol: 'TCP'}],
			},
		],
	});
});

test('ValidateEndpoints: addresses required, IPs valid and not special, port names with several ports', t => {
	const text = endpoints(
		'subsets:',
		'- ports: [{port: 5432}]', // 5
		'- addresses: [{ip: db.local}, {ip: 127.0.0.1}]', // 6
		'  ports: [{port: 1, name: a}, {port: 70000}]', // 7
	);
	const invalid = 'The Endpoints "db" is invalid: ';
	t.deepEqual(errorsOf(text), [
		`t.yaml:5:3: ${invalid}subsets[0]: Required value: must specify \`addresses\` or \`notReadyAddresses\``,
		`t.yaml:6:20: ${invalid}subsets[1].addresses[0].ip: Invalid value: "db.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
		`t.yaml:6:36: ${invalid}subsets[1].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)`,
		`t.yaml:7:31: ${invalid}subsets[1].ports[1].name: Required value`,
		`t.yaml:7:38: ${invalid}subsets[1].ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive`,
	]);
});
