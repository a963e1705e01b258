// The endpoints controller's 1000-address cap on v1 Endpoints, after
// pkg/controller/endpoint/endpoints_controller_test.go TestTruncateEndpoints (its table, in our
// own addresses) and TestSyncEndpointsWithTruncation-style checks on the annotation.
import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import type {EndpointAddress} from '../../source/sim/types.js';
import {describeEndpoints} from '../../source/view/describe-endpoints.js';
import {endpointSubsets, endpointsObject} from '../../source/view/endpoints-rows.js';
import {endpointSlices} from '../../source/view/endpointslice-rows.js';
import {buildState, CLOCK, makeAddress, makeEndpoints, makeService} from './fixture-state.js';

/** Subset i serves target port 8000+i; its addresses live in 10.(i+1).0.0/16, so subsets come in order. */
function addresses(ready: number[], notReady: number[]): EndpointAddress[] {
	const list: EndpointAddress[] = [];
	ready.forEach((count, i) => {
		const all = count + (notReady[i] ?? 0);
		for (let n = 0; n < all; n++) {
			const ip = `10.${i + 1}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
			list.push(makeAddress(ip, {podName: `p${i}-${n}`, ports: {'': 8000 + i}, ready: n < count, serving: n < count}));
		}
	});
	return list;
}

function stateWith(list: EndpointAddress[], managed = true) {
	const endpoints = makeEndpoints('default', 'big', managed, [{name: '', protocol: 'TCP', ...(managed ? {} : {port: 8000})}], list, CLOCK);
	const state = buildState({services: [makeService('default', 'big', managed ? {selector: {app: 'big'}} : {})], endpoints: [endpoints]});
	return {state, endpoints: getRow(state.endpoints, 'default/big')!};
}

const counts = (list: EndpointAddress[]) => {
	const subsets = endpointSubsets(stateWith(list).endpoints);
	return {ready: subsets.map(s => s.addresses.length), notReady: subsets.map(s => s.notReadyAddresses.length)};
};

test('TestTruncateEndpoints "total endpoints = max capacity": 1000 addresses are kept whole, without the annotation', t => {
	const list = addresses([100, 100, 100, 100, 100], [100, 100, 100, 100, 100]);
	t.deepEqual(counts(list), {ready: [100, 100, 100, 100, 100], notReady: [100, 100, 100, 100, 100]});
	const {state, endpoints} = stateWith(list);
	t.is((endpointsObject(state, endpoints).metadata as {annotations?: unknown}).annotations, undefined);
});

test('TestTruncateEndpoints "total ready endpoints < max capacity, but total endpoints > max capacity": not-ready ones are cut, by share rounded up', t => {
	t.deepEqual(counts(addresses([90, 110, 50, 10, 20], [101, 200, 200, 201, 298])), {
		ready: [90, 110, 50, 10, 20],
		notReady: [73, 144, 144, 145, 214],
	});
});

test('TestTruncateEndpoints "total ready endpoints > max capacity": every not-ready one goes and the ready ones share 1000', t => {
	t.deepEqual(counts(addresses([205, 400, 402, 400, 693], [100, 200, 200, 200, 300])), {
		ready: [98, 191, 192, 191, 328],
		notReady: [0, 0, 0, 0, 0],
	});
});

test('endpoints_controller.go syncService: a truncated Endpoints says endpoints.kubernetes.io/over-capacity: truncated; its EndpointSlices keep every address', t => {
	const list = addresses([1001], [0]);
	const {state, endpoints} = stateWith(list);
	const object = endpointsObject(state, endpoints) as {metadata: {annotations?: Record<string, string>}; subsets: Array<{addresses: unknown[]}>};
	t.deepEqual(object.metadata.annotations, {'endpoints.kubernetes.io/over-capacity': 'truncated'});
	t.is(object.subsets[0]!.addresses.length, 1000);
	t.regex(describeEndpoints(state, endpoints), /^Annotations:\s+endpoints\.kubernetes\.io\/over-capacity: truncated$/m);
	// kube-proxy and CoreDNS read slices (100 endpoints each, maxEndpointsPerSlice): all 1001 are there.
	t.is(
		endpointSlices(state, endpoints).reduce((n, slice) => n + (slice.endpoints ?? []).length, 0),
		1001,
	);
});

test('only the controller truncates: a user-supplied Endpoints of 1001 addresses is stored whole', t => {
	const {state, endpoints} = stateWith(addresses([1001], [0]), false);
	t.is(endpointSubsets(endpoints)[0]!.addresses.length, 1001);
	t.is((endpointsObject(state, endpoints).metadata as {annotations?: unknown}).annotations, undefined);
});
