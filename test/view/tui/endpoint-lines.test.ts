// The Endpoints pane for one Service: what clients connect to, then each pod address with its
// node, pod and state; headless Services as DNS records; ExternalName as its CNAME.

import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import {endpointView} from '../../../source/view/tui/index.js';
import {sampleState} from '../../session/sample-state.js';

const hello = sampleState('hello.yaml');
const svc = hello.services['default/hello-node-svc']!;

test('hello: the ClusterIP, then the pod addresses sorted by IP', t => {
	t.deepEqual(endpointView(hello, svc), {
		head: 'ClusterIP 10.108.246.108 → 3 of 3 ready',
		lines: [
			{ip: '10.244.0.2', address: '10.244.0.2:8080', node: 'node-1', pod: 'hello-node-c4hwf', state: 'ready'},
			{ip: '10.244.1.3', address: '10.244.1.3:8080', node: 'node-2', pod: 'hello-node-4fp4j', state: 'ready'},
			{ip: '10.244.2.3', address: '10.244.2.3:8080', node: 'node-3', pod: 'hello-node-vdtt6', state: 'ready'},
		],
	});
});

test('a killed pod is terminating and not counted; a failing probe makes it not ready (D2)', t => {
	const killed = execute(hello, 'delete pod hello-node-4fp4j').state;
	const view = endpointView(killed, svc);
	t.is(view.head, 'ClusterIP 10.108.246.108 → 2 of 2 ready');
	t.is(view.lines.find(l => l.pod === 'hello-node-4fp4j')!.state, 'terminating');
	const failing = execute(execute(hello, 'probe pod hello-node-c4hwf fail').state, 'wait 40s').state;
	t.is(endpointView(failing, svc).head, 'ClusterIP 10.108.246.108 → 2 of 3 ready');
	t.is(endpointView(failing, svc).lines.find(l => l.pod === 'hello-node-c4hwf')!.state, 'not ready');
});

test('IPs sort numerically, not as text', t => {
	const key = 'default/hello-node-svc';
	const endpoints = hello.endpoints[key]!;
	const [first] = Object.values(endpoints.addresses);
	const addresses = {
		a: {...first!, ip: '10.244.10.2'},
		b: {...first!, ip: '10.244.9.2'},
		c: {...first!, ip: '10.244.1.20'},
	};
	const state = {...hello, endpoints: {...hello.endpoints, [key]: {...endpoints, addresses}}};
	t.deepEqual(
		endpointView(state, svc).lines.map(l => l.ip),
		['10.244.1.20', '10.244.9.2', '10.244.10.2'],
	);
});

test('multiport: each pod’s own numbers for the named targetPorts (D3)', t => {
	const state = sampleState('multiport.yaml');
	const view = endpointView(state, state.services['default/shop']!);
	t.deepEqual(
		view.lines.map(l => l.address),
		['10.244.0.3:8080,8443', '10.244.2.2:8080,8443', '10.244.2.3:9080,9443'],
	);
});

test('headless: one A record per pod, named by hostname (F2)', t => {
	const state = sampleState('headless.yaml');
	const view = endpointView(state, state.services['default/nginx']!);
	t.is(view.head, 'nginx.default.svc.cluster.local → 3 A records (headless: pod IPs, no VIP)');
	t.deepEqual(
		view.lines.map(l => l.address),
		[
			'web-0.nginx.default.svc.cluster.local A 10.244.0.2',
			'web-1.nginx.default.svc.cluster.local A 10.244.1.3',
			'web-2.nginx.default.svc.cluster.local A 10.244.2.3',
		],
	);
});

test('ExternalName: a CNAME, no addresses (A9, E7)', t => {
	const state = sampleState('externalname.yaml');
	t.deepEqual(endpointView(state, state.services['default/catalog']!), {
		head: 'catalog.default.svc.cluster.local CNAME catalog.shop.svc.cluster.local. (DNS only: no VIP, no proxy)',
		lines: [],
	});
});

test('no selector and no Endpoints object: nothing to route to (A12)', t => {
	const state = sampleState('hello.yaml', {extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n    - port: 80\n'});
	t.deepEqual(endpointView(state, state.services['default/manual']!), {head: 'no selector and no Endpoints object: nothing to route to', lines: []});
});
