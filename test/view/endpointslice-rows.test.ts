import test from 'ava';
import {getRow, listRows} from '../../source/sim/index.js';
import {endpointSliceObject, endpointSlices, slicesForService} from '../../source/view/endpointslice-rows.js';
import {type GetOptions, get} from '../../source/view/get.js';
import {withRow} from '../sim/helpers.js';
import {buildState, fixtureState, makeAddress, makeEndpoints, makeService} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('endpointslices', extra);

const SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

test('get endpointslices -A: all addresses incl. not-ready and terminating; a placeholder slice reads <unset> (S123, S78)', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true}))),
		[
			'NAMESPACE     NAME                   ADDRESSTYPE   PORTS        ENDPOINTS                                      AGE',
			'default       db-gmbzq               IPv4          5432         10.244.0.6,10.244.1.5                          62m',
			'default       hello-node-svc-tr5lv   IPv4          8080         10.244.0.5,10.244.1.2,10.244.1.3 + 1 more...   5m12s',
			'default       kubernetes             IPv4          6443         192.168.49.2                                   12d',
			'default       slow-k54pq             IPv4          9000         10.244.1.6                                     10m',
			'default       web-lb-bvmk4           IPv4          8080,8443    10.244.1.4                                     2m',
			'kube-system   kube-dns-w8drp         IPv4          53,53,9153   10.244.0.2,10.244.0.3                          12d',
			'shop          shop-lb-mxjhz          IPv4          <unset>      <unset>                                        90m',
		].join('\n'),
	);
});

test('slice names are <svc>-<5 chars> from the Service uid: stable, and the kubernetes slice keeps its plain name', t => {
	const state = fixtureState();
	const names = listRows(state.endpoints).flatMap(ep => endpointSlices(state, ep).map(s => s.name));
	for (const name of names.filter(n => n !== 'kubernetes')) {
		const [, suffix] = /^.*-([^-]+)$/.exec(name)!;
		t.regex(suffix!, SUFFIX);
	}
	t.deepEqual(
		listRows(fixtureState().endpoints).flatMap(ep => endpointSlices(fixtureState(), ep).map(s => s.name)),
		names,
	);
	// Another uid, another suffix.
	const other = {...state, services: withRow(state.services, 'default/db', {...getRow(state.services, 'default/db')!, uid: 'another-uid'})};
	t.not(slicesForService(other, 'default', 'db')[0]!.name, slicesForService(state, 'default', 'db')[0]!.name);
});

test("get endpointslices -l kubernetes.io/service-name=NAME finds a Service's slices", t => {
	t.is(
		text(get(fixtureState(), options({selector: 'kubernetes.io/service-name=web-lb'}))),
		'NAME           ADDRESSTYPE   PORTS       ENDPOINTS    AGE\nweb-lb-bvmk4   IPv4          8080,8443   10.244.1.4   2m',
	);
});

test('ExternalName and selector-less Services without Endpoints have no slices (D4, S81)', t => {
	const state = buildState({
		services: [makeService('default', 'ext', {type: 'ExternalName', externalName: 'example.com'}), makeService('default', 'manual', {clusterIP: '10.96.5.5'})],
	});
	t.deepEqual(slicesForService(state, 'default', 'ext'), []);
	t.deepEqual(slicesForService(state, 'default', 'manual'), []);
	t.is(text(get(state, options())), 'No resources found in default namespace.');
});

test('user Endpoints of a selector-less Service are mirrored into a slice (S81)', t => {
	const state = buildState({
		services: [makeService('default', 'manual', {clusterIP: '10.96.5.5', ports: []})],
		endpoints: [makeEndpoints('default', 'manual', false, [{name: 'db', protocol: 'TCP', port: 5432}], [makeAddress('192.0.2.7', {ports: {db: 5432}})], 0)],
	});
	const [slice] = slicesForService(state, 'default', 'manual');
	t.truthy(slice);
	t.is(slice!.labels['endpointslice.kubernetes.io/managed-by'], 'endpointslicemirroring-controller.k8s.io');
	t.is(slice!.labels['kubernetes.io/service-name'], 'manual');
	t.deepEqual(slice!.ports, [{name: 'db', port: 5432, protocol: 'TCP'}]);
});

test('at most 100 endpoints per slice (S78)', t => {
	const addresses = Array.from({length: 250}, (_, i) => makeAddress(`10.244.${Math.floor(i / 200)}.${(i % 200) + 2}`, {podName: `p${i}`, ports: {'': 80}}));
	const state = buildState({
		services: [makeService('default', 'big', {selector: {app: 'big'}, clusterIP: '10.96.9.9'})],
		endpoints: [makeEndpoints('default', 'big', true, [{name: '', protocol: 'TCP'}], addresses, 0)],
	});
	const slices = slicesForService(state, 'default', 'big');
	t.deepEqual(
		slices.map(s => s.endpoints!.length),
		[100, 100, 50],
	);
	t.is(new Set(slices.map(s => s.name)).size, 3);
	t.is(
		text(get(state, options({name: slices[2]!.name})))
			.split('\n')[1]!
			.split(/\s+/)
			.slice(1, 4)
			.join(' '),
		'IPv4 80 10.244.1.2,10.244.1.3,10.244.1.4',
	);
});

test('a pod lacking a named port lands in a slice whose port list lacks it (S74)', t => {
	const state = buildState({
		services: [makeService('default', 'named', {selector: {app: 'n'}, clusterIP: '10.96.9.8'})],
		endpoints: [
			makeEndpoints(
				'default',
				'named',
				true,
				[{name: 'web', protocol: 'TCP'}],
				[makeAddress('10.244.1.2', {podName: 'a', ports: {web: 8080}}), makeAddress('10.244.1.3', {podName: 'b', ports: {}})],
				0,
			),
		],
	});
	const slices = slicesForService(state, 'default', 'named');
	t.deepEqual(
		slices.map(s => [s.ports, s.endpoints!.map(e => e.ip)]),
		[
			[[{name: 'web', port: 8080, protocol: 'TCP'}], ['10.244.1.2']],
			[[], ['10.244.1.3']],
		],
	);
});

test('EndpointSlice object: conditions, targetRef, owner, labels; placeholder has null lists', t => {
	const state = fixtureState();
	const [slice] = slicesForService(state, 'default', 'hello-node-svc');
	const object = endpointSliceObject(state, slice!);
	t.is(object.apiVersion, 'discovery.k8s.io/v1');
	t.is(object.addressType, 'IPv4');
	t.deepEqual((object.endpoints as unknown[])[1], {
		addresses: ['10.244.1.2'],
		conditions: {ready: false, serving: true, terminating: true},
		nodeName: 'node-2',
		targetRef: {kind: 'Pod', namespace: 'default', name: 'hello-node-g8w6c', uid: 'uid-pod-hello-node-g8w6c'},
	});
	t.deepEqual(object.ports, [{name: '', port: 8080, protocol: 'TCP'}]);
	t.like(object.metadata as object, {
		generateName: 'hello-node-svc-',
		labels: {
			app: 'hello-node',
			'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
			'kubernetes.io/service-name': 'hello-node-svc',
		},
		ownerReferences: [{apiVersion: 'v1', kind: 'Service', name: 'hello-node-svc', uid: 'uid-svc-hello-node-svc', controller: true, blockOwnerDeletion: true}],
	});
	const placeholder = endpointSliceObject(state, slicesForService(state, 'shop', 'shop-lb')[0]!);
	t.is(placeholder.endpoints, null);
	t.is(placeholder.ports, null);
	const headless = slicesForService(state, 'default', 'db')[0]!;
	t.is(headless.labels['service.kubernetes.io/headless'], '');
	t.is(headless.endpoints![0]!.hostname, 'db-1');
});
