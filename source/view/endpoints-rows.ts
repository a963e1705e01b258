// `kubectl get endpoints` (docs/semantics.md D2, G2; S71, S75, S122) and the v1 Endpoints
// object, rebuilt from the simulator's per-address table.

import {getRow, listRows} from '../sim/index.js';
import {objectKey} from '../sim/keys.js';
import type {EndpointAddress, Endpoints, Labels, Protocol, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import {derivedUid} from './derived-id.js';
import {inNamespace, type KindView} from './kind-view.js';

export interface EndpointPort {
	name: string;
	port: number;
	protocol: Protocol;
}

export interface EndpointSubset {
	addresses: EndpointAddress[];
	notReadyAddresses: EndpointAddress[];
	ports: EndpointPort[];
}

/** Byte order of the IP text, as the controller's repacking sorts addresses. */
function byIP(a: EndpointAddress, b: EndpointAddress): number {
	return a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0;
}

/**
 * The ports one address serves: a named targetPort resolves per pod, and a pod without that
 * name serves nothing on that Service port (D3, S73-S74). User-supplied endpoints carry numbers.
 */
export function resolvedPorts(endpoints: Endpoints, address: EndpointAddress): EndpointPort[] {
	const ports: EndpointPort[] = [];
	for (const p of endpoints.ports) {
		const port = address.ports[p.name] ?? (endpoints.managed ? undefined : p.port);
		if (port !== undefined) ports.push({name: p.name, port, protocol: p.protocol});
	}
	return ports;
}

/**
 * `subsets` of the v1 Endpoints object: addresses grouped by identical port sets (S71). Terminating
 * pods are dropped unless publishNotReadyAddresses made them ready (S70, S75); the rest are split
 * by readiness. Port order follows the Service (the real controller orders by hash).
 */
export function endpointSubsets(endpoints: Endpoints): EndpointSubset[] {
	return packedSubsets(endpoints).subsets;
}

/**
 * The endpoints controller writes at most this many addresses into one Endpoints object
 * (pkg/controller/endpoint/endpoints_controller.go maxCapacity). EndpointSlices, which kube-proxy
 * and CoreDNS read, hold every address.
 */
const MAX_ENDPOINTS_CAPACITY = 1000;

/** The annotation the controller sets on an Endpoints object it truncated (v1.EndpointsOverCapacity). */
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';

/** The annotations the endpoints controller writes on this object: the over-capacity mark, when truncated. */
export function endpointsAnnotations(endpoints: Endpoints): Labels {
	return packedSubsets(endpoints).truncated ? {[OVER_CAPACITY]: 'truncated'} : {};
}

// Built once per Endpoints object (a new one on every change): rows, describe and the object
// all ask for it.
const packedCache = new WeakMap<Endpoints, {subsets: EndpointSubset[]; truncated: boolean}>();

function packedSubsets(endpoints: Endpoints): {subsets: EndpointSubset[]; truncated: boolean} {
	const cached = packedCache.get(endpoints);
	if (cached) return cached;
	const subsets = groupSubsets(endpoints);
	// Only the controller truncates; the API server stores a user's Endpoints as written.
	const truncated = endpoints.managed && truncateSubsets(subsets);
	const packed = {subsets, truncated};
	packedCache.set(endpoints, packed);
	return packed;
}

/**
 * endpoints_controller.go truncateEndpoints: past maxCapacity, not-ready addresses go first; when
 * the ready ones alone are too many, every not-ready one goes and the ready ones are cut. Each
 * subset keeps its share of the room, rounded up, and the last ones get what is left.
 */
function truncateSubsets(subsets: EndpointSubset[]): boolean {
	let totalReady = 0;
	let totalNotReady = 0;
	for (const subset of subsets) {
		totalReady += subset.addresses.length;
		totalNotReady += subset.notReadyAddresses.length;
	}
	if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return false;
	const cutReady = totalReady > MAX_ENDPOINTS_CAPACITY;
	const room = cutReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
	const total = cutReady ? totalReady : totalNotReady;
	let left = room;
	for (const subset of subsets) {
		const inSubset = cutReady ? subset.addresses.length : subset.notReadyAddresses.length;
		const share = Math.min(Math.ceil((inSubset / total) * room), left);
		if (cutReady) {
			subset.addresses = subset.addresses.slice(0, share);
			subset.notReadyAddresses = [];
			left -= subset.addresses.length;
		} else {
			subset.notReadyAddresses = subset.notReadyAddresses.slice(0, share);
			left -= subset.notReadyAddresses.length;
		}
	}
	return true;
}

function groupSubsets(endpoints: Endpoints): EndpointSubset[] {
	const subsets = new Map<string, EndpointSubset>();
	for (const address of listRows(endpoints.addresses).sort(byIP)) {
		if (address.terminating && !address.ready) continue;
		const ports = resolvedPorts(endpoints, address);
		if (endpoints.ports.length > 0 && ports.length === 0) continue;
		const key = JSON.stringify(ports);
		let subset = subsets.get(key);
		if (!subset) {
			subset = {addresses: [], notReadyAddresses: [], ports};
			subsets.set(key, subset);
		}
		(address.ready ? subset.addresses : subset.notReadyAddresses).push(address);
	}
	return [...subsets.values()];
}

/**
 * ENDPOINTS: ready addresses only, every port of every subset, three shown then ` + N more...`;
 * `<none>` without subsets, empty when only not-ready addresses exist (printers.go formatEndpoints).
 */
export function endpointsCell(subsets: ReadonlyArray<EndpointSubset>): string {
	if (subsets.length === 0) return '<none>';
	const max = 3;
	const list: string[] = [];
	let more = false;
	let count = 0;
	const add = (text: string): boolean => {
		if (list.length === max) {
			more = true;
			return false;
		}
		list.push(text);
		return true;
	};
	for (const subset of subsets) {
		if (subset.ports.length === 0) {
			// A headless Service without ports lists bare IPs.
			count += subset.addresses.length;
			for (const address of subset.addresses) if (!add(address.ip)) break;
			continue;
		}
		for (const port of subset.ports) {
			count += subset.addresses.length;
			for (const address of subset.addresses) if (!add(`${address.ip}:${port.port}`)) break;
		}
	}
	const text = list.join(',');
	return more ? `${text} + ${count - max} more...` : text;
}

/** The Endpoints object carries its Service's labels, plus the headless marker (S71). */
function endpointsLabels(state: State, endpoints: Endpoints): Labels {
	const svc = getRow(state.services, objectKey(endpoints.namespace, endpoints.name));
	if (!endpoints.managed || !svc) return {};
	return svc.spec.clusterIP === 'None' ? {...svc.labels, 'service.kubernetes.io/headless': ''} : svc.labels;
}

function addressObject(state: State, namespace: string, address: EndpointAddress): ApiObject {
	const out: ApiObject = {ip: address.ip};
	if (address.hostname !== undefined) out.hostname = address.hostname;
	if (address.nodeName !== null) out.nodeName = address.nodeName;
	if (address.podName !== undefined) {
		const pod = getRow(state.pods, objectKey(namespace, address.podName));
		const ref: ApiObject = {kind: 'Pod', namespace, name: address.podName};
		if (pod) ref.uid = pod.uid;
		out.targetRef = ref;
	}
	return out;
}

export function endpointsObject(state: State, endpoints: Endpoints): ApiObject {
	const subsets = endpointSubsets(endpoints).map(subset => {
		const out: ApiObject = {};
		if (subset.addresses.length > 0) out.addresses = subset.addresses.map(a => addressObject(state, endpoints.namespace, a));
		if (subset.notReadyAddresses.length > 0) {
			out.notReadyAddresses = subset.notReadyAddresses.map(a => addressObject(state, endpoints.namespace, a));
		}
		if (subset.ports.length > 0) {
			out.ports = subset.ports.map(p => (p.name === '' ? {port: p.port, protocol: p.protocol} : {...p}));
		}
		return out;
	});
	const object: ApiObject = {
		apiVersion: 'v1',
		kind: 'Endpoints',
		metadata: objectMeta({
			name: endpoints.name,
			namespace: endpoints.namespace,
			// The state keeps no uid for Endpoints; derive a stable one.
			uid: derivedUid(`Endpoints/${endpoints.namespace}/${endpoints.name}`),
			labels: endpointsLabels(state, endpoints),
			annotations: endpointsAnnotations(endpoints),
			createdAt: endpoints.createdAt,
		}),
	};
	if (subsets.length > 0) object.subsets = subsets;
	return object;
}

export const endpointsView: KindView<Endpoints> = {
	columns: ['NAME', 'ENDPOINTS', 'AGE'],
	wideColumns: [],
	list: (state, namespace) => inNamespace(listRows(state.endpoints), namespace),
	meta: (state, endpoints) => ({namespace: endpoints.namespace, name: endpoints.name, labels: endpointsLabels(state, endpoints)}),
	row: (state, endpoints) => [endpoints.name, endpointsCell(endpointSubsets(endpoints)), ageSince(state.clock, endpoints.createdAt)],
	object: endpointsObject,
};
