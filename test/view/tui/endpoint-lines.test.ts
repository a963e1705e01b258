// The Endpoints pane for one Service: what clients connect to, then each pod address with its
// node, pod and state; headless Services name their DNS records; ExternalName as its CNAME. It
// agrees with the Endpoints object (`get ep`) and says why an address is no endpoint.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import type {State} from '../../../source/sim/index.js';
import {getRow, listRows} from '../../../source/sim/index.js';
import {rowsFrom} from '../../../source/sim/rows.js';
import {endpointView, serviceList} from '../../../source/view/tui/index.js';
import {bootSources, sampleState} from '../../session/sample-state.js';
import {withRow} from '../../sim/helpers.js';

const loadWrongTargetPort = () => bootSources([{name: 'wrong-target-port.yaml', text: readFileSync('test/fixtures/tui/wrong-target-port.yaml', 'utf8')}]);

const hello = sampleState('hello.yaml');
const svc = getRow(hello.services, 'default/hello-node-svc')!;

const up = {ready: true, serving: true, terminating: false};

test('hello: the ClusterIP, then the pod addresses sorted by IP, each with the EndpointSlice that holds it', t => {
	const view = endpointView(hello, svc);
	// hello-node-svc has one slice, as `get endpointslices` lists it.
	const slices = execute(hello, 'get endpointslices -n default -l kubernetes.io/service-name=hello-node-svc -o name').out;
	t.deepEqual(slices, [`endpointslice.discovery.k8s.io/${view.lines[0]?.slice}`]);
	t.deepEqual(
		{...view, lines: view.lines.map(({slice: _slice, ...line}) => line)},
		{
			head: 'ClusterIP 10.108.246.108 → 3 of 3 ready',
			lines: [
				{ip: '10.244.0.2', address: '10.244.0.2:8080', node: 'node-1', zone: '<none>', pod: 'hello-node-c4hwf', conditions: up, state: 'ready'},
				{ip: '10.244.1.3', address: '10.244.1.3:8080', node: 'node-2', zone: '<none>', pod: 'hello-node-4fp4j', conditions: up, state: 'ready'},
				{ip: '10.244.2.3', address: '10.244.2.3:8080', node: 'node-3', zone: '<none>', pod: 'hello-node-vdtt6', conditions: up, state: 'ready'},
			],
			warnings: [],
		},
	);
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
	const endpoints = getRow(hello.endpoints, key)!;
	const [first] = listRows(endpoints.addresses);
	const addresses = rowsFrom([
		['a', {...first!, ip: '10.244.10.2'}],
		['b', {...first!, ip: '10.244.9.2'}],
		['c', {...first!, ip: '10.244.1.20'}],
	]);
	const state = {...hello, endpoints: withRow(hello.endpoints, key, {...endpoints, addresses})};
	t.deepEqual(
		endpointView(state, svc).lines.map(l => l.ip),
		['10.244.1.20', '10.244.9.2', '10.244.10.2'],
	);
});

test('multiport: each pod’s own numbers for the named targetPorts (D3)', t => {
	const state = sampleState('multiport.yaml');
	const view = endpointView(state, getRow(state.services, 'default/shop')!);
	t.deepEqual(
		view.lines.map(l => l.address),
		['10.244.0.3:8080,8443', '10.244.2.2:8080,8443', '10.244.2.3:9080,9443'],
	);
});

test('headless: the head names the A records (F2); each row leads with the pod IP, the record’s answer', t => {
	const state = sampleState('headless.yaml');
	const view = endpointView(state, getRow(state.services, 'default/nginx')!);
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
	t.deepEqual(endpointView(state, getRow(state.services, 'default/catalog')!), {
		head: 'catalog.default.svc.cluster.local CNAME catalog.shop.svc.cluster.local. (DNS only: no VIP, no proxy)',
		lines: [],
		warnings: [],
	});
});

test('no selector and no Endpoints object: nothing to route to (A12)', t => {
	const state = sampleState('hello.yaml', {extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n    - port: 80\n'});
	t.deepEqual(endpointView(state, getRow(state.services, 'default/manual')!), {
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
	const view = endpointView(state, getRow(state.services, 'default/shop')!);
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
	const stray = endpointView(state, getRow(state.services, 'default/stray')!);
	t.is(stray.head, `ClusterIP ${getRow(state.services, 'default/stray')!.spec.clusterIP} → 0 of 0 ready · no pod matches app=nothing-here`);
	t.deepEqual(stray.warnings, []);
});

test('check’s other warnings (lint.ts) come with the Service they concern, without its name', t => {
	const state = sampleState('hello.yaml', {
		extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: odd\nspec:\n  selector:\n    app: hello-node\n  ports:\n    - port: 80\n      targetPort: 9999\n',
	});
	const view = endpointView(state, getRow(state.services, 'default/odd')!);
	t.is(view.head, `ClusterIP ${getRow(state.services, 'default/odd')!.spec.clusterIP} → 3 of 3 ready`);
	t.deepEqual(view.warnings, [
		'port 80: targetPort 9999 is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on 9999)',
	]);
});

// The pane reads EndpointSlices (the Endpoints API is deprecated since v1.33): every fact on a
// line is the one `kubectl get endpointslices -o json` prints for the same state, endpoint by
// endpoint (discovery/v1 Endpoint: addresses, conditions, nodeName, zone, targetRef; the slice's
// ports). Conditions as kubernetes/kubernetes staging/src/k8s.io/endpointslice/utils.go
// podToEndpoint sets them (S72, S75).
interface PrintedEndpoint {
	addresses: string[];
	conditions: {ready: boolean; serving: boolean; terminating: boolean};
	nodeName?: string;
	zone?: string;
	targetRef?: {name: string};
}
interface PrintedSlice {
	endpoints: PrintedEndpoint[] | null;
	ports: Array<{port: number}> | null;
}

function printedSlices(state: State, namespace: string, name: string): PrintedSlice[] {
	const result = execute(state, `get endpointslices -n ${namespace} -l kubernetes.io/service-name=${name} -o json`);
	if (!result.ok) throw new Error(result.err.join('\n'));
	return (JSON.parse(result.out.join('\n')) as {items: PrintedSlice[]}).items;
}

function assertPaneIsSlices(t: {deepEqual(a: unknown, b: unknown, m?: string): void}, state: State, key: string) {
	const service = getRow(state.services, key)!;
	const printed = printedSlices(state, service.namespace, service.name).flatMap(s =>
		(s.endpoints ?? []).map(e => ({
			ip: e.addresses[0],
			ports: (s.ports ?? []).map(p => p.port),
			node: e.nodeName ?? '<none>',
			zone: e.zone ?? '<none>',
			pod: e.targetRef?.name ?? '<none>',
			conditions: e.conditions,
		})),
	);
	const shown = endpointView(state, service).lines.map(l => ({
		ip: l.ip,
		ports:
			l.address === l.ip
				? []
				: l.address
						.slice(l.ip.length + 1)
						.split(',')
						.map(Number),
		node: l.node,
		zone: l.zone,
		pod: l.pod,
		conditions: l.conditions,
	}));
	const byIP = (a: {ip?: string}, b: {ip?: string}) => ((a.ip ?? '') < (b.ip ?? '') ? -1 : 1);
	t.deepEqual(shown.sort(byIP), printed.sort(byIP), key);
}

test('every fact on an Endpoints line is the EndpointSlice’s, as get endpointslices -o json prints it', t => {
	const zoned: State = {
		...hello,
		nodes: Object.fromEntries(
			Object.entries(hello.nodes).map(([n, node], i) => [n, {...node, labels: {...node.labels, 'topology.kubernetes.io/zone': `zone-${'abc'[i]}`}}]),
		),
	};
	const failing = execute(execute(hello, 'probe pod hello-node-c4hwf fail').state, 'wait 40s').state;
	const states: Array<[State, string]> = [
		[hello, 'default/hello-node-svc'],
		[execute(hello, 'delete pod hello-node-4fp4j').state, 'default/hello-node-svc'],
		[failing, 'default/hello-node-svc'],
		[execute(failing, 'delete pod hello-node-c4hwf').state, 'default/hello-node-svc'],
		[zoned, 'default/hello-node-svc'],
		[sampleState('multiport.yaml'), 'default/shop'],
		[sampleState('headless.yaml'), 'default/nginx'],
		[loadWrongTargetPort(), 'default/shop'],
	];
	for (const [state, key] of states) assertPaneIsSlices(t, state, key);
});

// podToEndpoint: ready = serving && !terminating (no publishNotReadyAddresses here); serving = the
// pod's Ready condition, kept while it terminates; terminating = deletionTimestamp set.
test('a terminating pod during its grace period: ready=false, serving per its readiness, terminating=true', t => {
	const killed = execute(hello, 'delete pod hello-node-4fp4j').state;
	const line = endpointView(killed, svc).lines.find(l => l.pod === 'hello-node-4fp4j')!;
	t.deepEqual(line.conditions, {ready: false, serving: true, terminating: true});
	t.is(line.state, 'terminating');
	const failing = execute(execute(hello, 'probe pod hello-node-c4hwf fail').state, 'wait 40s').state;
	const unready = endpointView(failing, svc).lines.find(l => l.pod === 'hello-node-c4hwf')!;
	t.deepEqual(unready.conditions, {ready: false, serving: false, terminating: false});
	const both = execute(failing, 'delete pod hello-node-c4hwf').state;
	t.deepEqual(endpointView(both, svc).lines.find(l => l.pod === 'hello-node-c4hwf')!.conditions, {ready: false, serving: false, terminating: true});
});

test('zone and node come from the slice: the Node’s topology.kubernetes.io/zone label', t => {
	const node1 = hello.nodes['node-1']!;
	const zoned: State = {...hello, nodes: {...hello.nodes, 'node-1': {...node1, labels: {...node1.labels, 'topology.kubernetes.io/zone': 'us-east-1a'}}}};
	t.deepEqual(
		endpointView(zoned, svc).lines.map(l => [l.node, l.zone]),
		[
			['node-1', 'us-east-1a'],
			['node-2', '<none>'],
			['node-3', '<none>'],
		],
	);
});

test("netpol-wrong-port: check's warning about a policy written for the Service's port is on the Service's own pane and row, in brief", t => {
	const state = sampleState('netpol-wrong-port.yaml');
	const api = getRow(state.services, 'default/api')!;
	t.deepEqual(endpointView(state, api).warnings, ['policy api-from-frontend allows port 80; traffic arrives on 8080']);
	const list = serviceList(state);
	const row = list.item(list.keys.indexOf('default/api'));
	t.true(row.cells.at(-1)?.endsWith('⚠'), JSON.stringify(row));
	// A Service no policy names keeps no warning of it.
	const dns = getRow(state.services, 'kube-system/kube-dns')!;
	t.deepEqual(endpointView(state, dns).warnings, []);
});
