import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {endpointSubsets, endpointsCell, endpointsObject} from '../../source/view/endpoints-rows.js';
import {type GetOptions, get} from '../../source/view/get.js';
import {buildState, CLOCK, fixtureState, M, makeAddress, makeEndpoints, makeService} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('endpoints', extra);

test('get endpoints NAME: the S122 sample', t => {
	const state = buildState({
		services: [makeService('default', 'hello-node-svc', {selector: {app: 'hello-node'}, clusterIP: '10.104.23.171'})],
		endpoints: [
			makeEndpoints(
				'default',
				'hello-node-svc',
				true,
				[{name: '', protocol: 'TCP'}],
				[makeAddress('10.244.1.3', {podName: 'p', ports: {'': 8080}})],
				CLOCK - 5 * M,
			),
		],
	});
	t.is(text(get(state, options({name: 'hello-node-svc'}))), 'NAME             ENDPOINTS         AGE\nhello-node-svc   10.244.1.3:8080   5m');
});

test('get endpoints: ready addresses only — not-ready and terminating left out; only not-ready gives an empty cell (S122, H2)', t => {
	t.is(
		text(get(fixtureState(), options())),
		[
			'NAME             ENDPOINTS                         AGE',
			'db               10.244.0.6:5432,10.244.1.5:5432   62m',
			'hello-node-svc   10.244.0.5:8080,10.244.1.3:8080   5m12s',
			'kubernetes       192.168.49.2:6443                 12d',
			'slow                                               10m',
			'web-lb           10.244.1.4:8080,10.244.1.4:8443   2m',
		].join('\n'),
	);
});

test('get endpoints -A: every port of every address, three shown then + N more; <none> without addresses', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true, selector: 'k8s-app in (kube-dns),app!=x'}))),
		[
			'NAMESPACE     NAME       ENDPOINTS                                               AGE',
			'kube-system   kube-dns   10.244.0.2:53,10.244.0.3:53,10.244.0.2:53 + 3 more...   12d',
		].join('\n'),
	);
	t.is(text(get(fixtureState(), options({namespace: 'shop'}))), 'NAME      ENDPOINTS   AGE\nshop-lb   <none>      90m');
});

test('every get endpoints carries the v1.33+ deprecation warning (S82); other kinds none', t => {
	t.like(get(fixtureState(), options()), {ok: true, warnings: ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']});
	t.like(get(fixtureState(), options({output: 'json'})), {warnings: ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']});
	const svc = get(fixtureState(), options({resource: 'services'}));
	t.false(svc.ok && 'warnings' in svc);
});

test('-l on endpoints matches the Service labels they carry, plus the headless marker', t => {
	t.is(
		text(get(fixtureState(), options({selector: 'service.kubernetes.io/headless'}))),
		'NAME   ENDPOINTS                         AGE\ndb     10.244.0.6:5432,10.244.1.5:5432   62m',
	);
});

test('a headless Service without ports lists bare IPs', t => {
	const endpoints = makeEndpoints('default', 'h', true, [], [makeAddress('10.244.1.9', {podName: 'a'}), makeAddress('10.244.1.10', {podName: 'b'})], 0);
	t.is(endpointsCell(endpointSubsets(endpoints)), '10.244.1.10,10.244.1.9');
});

test('publishNotReadyAddresses keeps a terminating pod (ready=true, D2, S70)', t => {
	const endpoints = makeEndpoints(
		'default',
		'p',
		true,
		[{name: '', protocol: 'TCP'}],
		[makeAddress('10.244.1.2', {podName: 'a', ready: true, serving: false, terminating: true, ports: {'': 80}})],
		0,
	);
	t.is(endpointsCell(endpointSubsets(endpoints)), '10.244.1.2:80');
});

test('a named targetPort resolves per pod: differing numbers form subsets, a pod without the name is left out (D3)', t => {
	const endpoints = makeEndpoints(
		'default',
		'named',
		true,
		[{name: 'web', protocol: 'TCP'}],
		[
			makeAddress('10.244.1.2', {podName: 'a', ports: {web: 8080}}),
			makeAddress('10.244.1.3', {podName: 'b', ports: {web: 9090}}),
			makeAddress('10.244.1.4', {podName: 'c', ports: {}}),
			makeAddress('10.244.1.5', {podName: 'd', ports: {web: 8080}}),
		],
		0,
	);
	const subsets = endpointSubsets(endpoints);
	t.deepEqual(
		subsets.map(s => [s.addresses.map(a => a.ip), s.ports.map(p => p.port)]),
		[
			[['10.244.1.2', '10.244.1.5'], [8080]],
			[['10.244.1.3'], [9090]],
		],
	);
	t.is(endpointsCell(subsets), '10.244.1.2:8080,10.244.1.5:8080,10.244.1.3:9090');
});

test('the + N more count covers every port of every subset', t => {
	const addresses = ['10.244.1.2', '10.244.1.3', '10.244.1.4'].map((ip, i) => makeAddress(ip, {podName: `p${i}`, ports: {a: 1, b: 2}}));
	const endpoints = makeEndpoints(
		'default',
		'x',
		true,
		[
			{name: 'a', protocol: 'TCP'},
			{name: 'b', protocol: 'TCP'},
		],
		addresses,
		0,
	);
	t.is(endpointsCell(endpointSubsets(endpoints)), '10.244.1.2:1,10.244.1.3:1,10.244.1.4:1 + 3 more...');
});

test('Endpoints object: subsets with addresses, notReadyAddresses, targetRef and ports', t => {
	const state = fixtureState();
	const object = endpointsObject(state, getRow(state.endpoints, 'default/hello-node-svc')!);
	t.deepEqual(object.subsets, [
		{
			addresses: [
				{ip: '10.244.0.5', nodeName: 'node-1', targetRef: {kind: 'Pod', namespace: 'default', name: 'hello-node-7b2qp', uid: 'uid-pod-hello-node-7b2qp'}},
				{ip: '10.244.1.3', nodeName: 'node-2', targetRef: {kind: 'Pod', namespace: 'default', name: 'hello-node-x2k4z', uid: 'uid-pod-hello-node-x2k4z'}},
			],
			notReadyAddresses: [
				{ip: '10.244.2.7', nodeName: 'node-3', targetRef: {kind: 'Pod', namespace: 'default', name: 'hello-node-zq9l6', uid: 'uid-pod-hello-node-zq9l6'}},
			],
			ports: [{port: 8080, protocol: 'TCP'}],
		},
	]);
	t.like(object, {apiVersion: 'v1', kind: 'Endpoints', metadata: {name: 'hello-node-svc', namespace: 'default', labels: {app: 'hello-node'}}});
	// No addresses at all: no subsets field.
	t.false('subsets' in endpointsObject(state, getRow(state.endpoints, 'shop/shop-lb')!));
	// Headless addresses carry their hostname (S77).
	const db = endpointsObject(state, getRow(state.endpoints, 'default/db')!);
	t.is((db.subsets as Array<{addresses: Array<{hostname?: string}>}>)[0]!.addresses[0]!.hostname, 'db-1');
});

test('user-supplied Endpoints keep their port numbers and names', t => {
	const state = fixtureState();
	t.deepEqual(endpointsObject(state, getRow(state.endpoints, 'default/kubernetes')!).subsets, [
		{addresses: [{ip: '192.168.49.2'}], ports: [{name: 'https', port: 6443, protocol: 'TCP'}]},
	]);
});
