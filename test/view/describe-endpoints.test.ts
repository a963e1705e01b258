// `describe ep | endpointslice | ns` against kubectl's layout (kubernetes/kubectl pkg/describe/describe.go
// describeEndpoints, describeEndpointSliceV1, describeNamespace; release-1.34).
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {sampleState} from '../session/sample-state.js';

function out(state: State, ...lines: string[]): string[] {
	let last: string[] = [];
	for (const line of lines) {
		const result = execute(state, line);
		state = result.state;
		last = result.out;
	}
	return last;
}

test('describe ep: one subset, its ports table, then the blank line kubectl writes after each subset', t => {
	t.deepEqual(out(sampleState('hello.yaml'), 'describe ep hello-node-svc'), [
		'Name:         hello-node-svc',
		'Namespace:    default',
		'Labels:       <none>',
		'Annotations:  <none>',
		'Subsets:',
		'  Addresses:          10.244.0.2,10.244.1.3,10.244.2.3',
		'  NotReadyAddresses:  <none>',
		'  Ports:',
		'    Name  Port  Protocol',
		'    ----  ----  --------',
		'    http  8080  TCP',
		'',
		'Events:  <none>',
	]);
});

test('describe ep: a pod whose probe fails moves to NotReadyAddresses', t => {
	const lines = out(sampleState('hello.yaml'), 'probe pod hello-node-4fp4j fail', 'wait 40s', 'describe ep hello-node-svc');
	t.true(lines.includes('  Addresses:          10.244.0.2,10.244.2.3'), lines.join('\n'));
	t.true(lines.includes('  NotReadyAddresses:  10.244.1.3'), lines.join('\n'));
});

test('describe endpointslice: Ready per endpoint, Hostname, TargetRef, NodeName, Zone (headless sample)', t => {
	const lines = out(sampleState('headless.yaml'), 'describe endpointslice nginx');
	t.deepEqual(lines.slice(0, 21), [
		'Name:         nginx-7b828',
		'Namespace:    default',
		'Labels:       app=nginx',
		'              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
		'              kubernetes.io/service-name=nginx',
		'              service.kubernetes.io/headless=',
		'Annotations:  <none>',
		'AddressType:  IPv4',
		'Ports:',
		'  Name  Port  Protocol',
		'  ----  ----  --------',
		'  web   80    TCP',
		'Endpoints:',
		'  - Addresses:  10.244.0.2',
		'    Conditions:',
		'      Ready:    true',
		'    Hostname:   web-0',
		'    TargetRef:  Pod/web-0',
		'    NodeName:   node-1',
		'    Zone:       <unset>',
		'  - Addresses:  10.244.1.3',
	]);
	t.is(lines.at(-2), 'Events:         <none>');
	// DescribeMatchingResources: each match is followed by an empty line.
	t.is(lines.at(-1), '');
});

test('describe endpointslice: the apiserver-owned kubernetes slice has no TargetRef and no node', t => {
	t.deepEqual(out(sampleState('hello.yaml'), 'describe endpointslices/kubernetes'), [
		'Name:         kubernetes',
		'Namespace:    default',
		'Labels:       kubernetes.io/service-name=kubernetes',
		'Annotations:  <none>',
		'AddressType:  IPv4',
		'Ports:',
		'  Name   Port  Protocol',
		'  ----   ----  --------',
		'  https  6443  TCP',
		'Endpoints:',
		'  - Addresses:  192.168.49.2',
		'    Conditions:',
		'      Ready:   true',
		'    Hostname:  <unset>',
		'    NodeName:  <unset>',
		'    Zone:      <unset>',
		'Events:        <none>',
	]);
});

test('describe ns: name label, Active, no quota, no LimitRange, no Events block', t => {
	t.deepEqual(out(sampleState('hello.yaml'), 'describe ns default'), [
		'Name:         default',
		'Labels:       kubernetes.io/metadata.name=default',
		'Annotations:  <none>',
		'Status:       Active',
		'',
		'No resource quota.',
		'',
		'No LimitRange resource.',
	]);
});
