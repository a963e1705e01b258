// The simulator's allocation errors (docs/semantics.md A7, A8) placed on the manifest.
import test from 'ava';
import {diagnosticsFromInitErrors, formatDiagnostic} from '../../source/load/index.js';
import {lines, load} from './helpers.js';

test('allocation errors point at the nodePort and the clusterIP written', t => {
	const result = load(
		lines(
			'apiVersion: v1',
			'kind: Service',
			'metadata: {name: web}',
			'spec:',
			'  type: NodePort',
			'  clusterIP: 10.0.0.1',
			'  ports:',
			'  - port: 80',
			'    nodePort: 80',
		),
		'web.yaml',
	);
	t.deepEqual(result.errors, []);
	const diagnostics = diagnosticsFromInitErrors(result, [
		{
			kind: 'Service',
			namespace: 'default',
			name: 'web',
			field: 'spec.ports[0].nodePort',
			path: ['spec', 'ports', 0, 'nodePort'],
			detail: 'Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
		},
		{
			kind: 'Service',
			namespace: 'default',
			name: 'web',
			field: 'spec.clusterIPs',
			path: ['spec', 'clusterIPs'],
			detail: 'Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range',
		},
	]);
	t.deepEqual(diagnostics.map(formatDiagnostic), [
		'web.yaml:9:15: The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
		'web.yaml:6:14: The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range',
	]);
});
