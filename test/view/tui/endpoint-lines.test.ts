// The Endpoints pane for one Service: what clients connect to, then each pod address with its
// node, pod and state; headless Services name their DNS records; ExternalName as its CNAME. It
// agrees with the Endpoints object (`get ep`) and says why an address is no endpoint.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import {endpointView} from '../../../source/view/tui/index.js';
import {bootSources, sampleState} from '../../session/sample-state.js';

const loadWrongTargetPort = () => bootSources([{name: 'wrong-target-port.yaml', text: readFileSync('test/fixtures/tui/wrong-target-port.yaml', 'utf8')}]);

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
		warnings: [],
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

test('headless: the head names the A records (F2); each row leads with the pod IP, the record’s answer', t => {
	const state = sampleState('headless.yaml');
	const view = endpointView(state, state.services['default/nginx']!);
	t.is(view.head, 'nginx.default.svc.cluster.local → 3 A records (headless, no VIP)');
	t.deepEqual(
		view.lines.map(l => [l.address, l.pod]),
		[
			['10.244.0.2:80', 'web-0'],
			['10.244.1.3:80', 'web-1'],
			['10.244.2.3:80', 'web-2'],
		],
	);
});

test('ExternalName: a CNAME, no addresses (A9, E7)', t => {
	const state = sampleState('externalname.yaml');
	t.deepEqual(endpointView(state, state.services['default/catalog']!), {
		head: 'catalog.default.svc.cluster.local CNAME catalog.shop.svc.cluster.local. (DNS only: no VIP, no proxy)',
		lines: [],
		warnings: [],
	});
});

test('no selector and no Endpoints object: nothing to route to (A12)', t => {
	const state = sampleState('hello.yaml', {extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n    - port: 80\n'});
	t.deepEqual(endpointView(state, state.services['default/manual']!), {
		head: 'no selector and no Endpoints object: nothing to route to',
		lines: [],
		warnings: [],
	});
});

// kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go: a pod whose containers
// declare no port of the targetPort's name is left out of the subsets (podutil.FindPort fails),
// so `get ep` prints <none> (endpoints-rows.ts); the pane must not call such a pod ready.
test('a named targetPort no pod declares: no endpoint, state "no port", and the head says why', t => {
	const state = loadWrongTargetPort();
	const view = endpointView(state, state.services['default/shop']!);
	t.is(view.head, '0 endpoints — no selected pod declares port "web"');
	t.deepEqual(
		view.lines.map(l => [l.address, l.state]),
		[
			['10.244.0.3', 'no port'],
			['10.244.2.2', 'no port'],
		],
	);
	// The head says it already: no warning repeats it.
	t.deepEqual(view.warnings, []);
	const stray = endpointView(state, state.services['default/stray']!);
	t.is(stray.head, `ClusterIP ${state.services['default/stray']!.clusterIP} → 0 of 0 ready · no pod matches app=nothing-here`);
	t.deepEqual(stray.warnings, []);
});

test('check’s other warnings (lint.ts) come with the Service they concern, without its name', t => {
	const state = sampleState('hello.yaml', {
		extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: odd\nspec:\n  selector:\n    app: hello-node\n  ports:\n    - port: 80\n      targetPort: 9999\n',
	});
	const view = endpointView(state, state.services['default/odd']!);
	t.is(view.head, `ClusterIP ${state.services['default/odd']!.clusterIP} → 3 of 3 ready`);
	t.deepEqual(view.warnings, [
		'port 80: targetPort 9999 is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on 9999)',
	]);
});
