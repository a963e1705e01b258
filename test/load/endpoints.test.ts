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
		`t.yaml:6:20: ${invalid}subsets[1].addresses[0].ip: Invalid value: "db.local": must be a valid IP address`,
		`t.yaml:6:36: ${invalid}subsets[1].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)`,
		`t.yaml:7:31: ${invalid}subsets[1].ports[1].name: Required value`,
		`t.yaml:7:38: ${invalid}subsets[1].ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive`,
	]);
});

test('validation.go validateEndpointAddress: IsValidIP and ValidateNonSpecialIP each report a missing or malformed IP, hostname and nodeName between them', t => {
	const text = endpoints(
		'subsets:',
		'- addresses:',
		'  - {hostname: DB}', // 6: no ip at all
		'  - {ip: 10.0.0.300, nodeName: ""}', // 7
		'  ports: [{port: 5432}]',
	);
	const invalid = 'The Endpoints "db" is invalid: ';
	const ipMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
	t.deepEqual(errorsOf(text), [
		`t.yaml:6:5: ${invalid}subsets[0].addresses[0].ip: Invalid value: "": ${ipMessage}`,
		`t.yaml:6:16: ${invalid}subsets[0].addresses[0].hostname: Invalid value: "DB": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
		`t.yaml:6:5: ${invalid}subsets[0].addresses[0].ip: Invalid value: "": must be a valid IP address`,
		`t.yaml:7:10: ${invalid}subsets[0].addresses[1].ip: Invalid value: "10.0.0.300": ${ipMessage}`,
		`t.yaml:7:32: ${invalid}subsets[0].addresses[1].nodeName: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
		`t.yaml:7:10: ${invalid}subsets[0].addresses[1].ip: Invalid value: "10.0.0.300": must be a valid IP address`,
	]);
});

test('validation.go validateEndpointPort: appProtocol is a qualified name (ValidateQualifiedName)', t => {
	const text = endpoints('subsets:', '- addresses: [{ip: 192.0.2.42}]', '  ports: [{port: 5432, appProtocol: "-pg"}]');
	t.deepEqual(errorsOf(text), [
		`t.yaml:6:37: The Endpoints "db" is invalid: subsets[0].ports[0].appProtocol: Invalid value: "-pg": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
	]);
	t.deepEqual(errorsOf(endpoints('subsets:', '- addresses: [{ip: 192.0.2.42}]', '  ports: [{port: 5432, appProtocol: kubernetes.io/h2c}]')), []);
});
