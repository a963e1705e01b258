// `kubectl get endpointslices` (docs/semantics.md D4; S72, S74-S78, S81, S123). The simulator
// keeps one table of addresses per Service; the slices the controllers would write are derived
// from it here.

import {getRow, listRows} from '../sim/index.js';
import {parseIPv4} from '../sim/ip.js';
import {objectKey} from '../sim/keys.js';
import {endpointHints, nodeZone} from '../sim/topology.js';
import type {EndpointAddress, Endpoints, Labels, Service, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, controllerRef, objectMeta} from './api-object.js';
import {derivedUid, nameSuffix} from './derived-id.js';
import {type EndpointPort, resolvedPorts} from './endpoints-rows.js';
import {inNamespace, type KindView} from './kind-view.js';

/** `--max-endpoints-per-slice` default (S78). */
const MAX_ENDPOINTS_PER_SLICE = 100;

/** Generated names keep at most 58 characters of their base (63 minus the 5-character suffix). */
const MAX_GENERATE_NAME_BASE = 58;

const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

export interface EndpointSlice {
	name: string;
	namespace: string;
	uid: string;
	labels: Labels;
	/** The owning Service. */
	service: Service;
	/** null for the controller's empty placeholder slice. */
	ports: EndpointPort[] | null;
	endpoints: EndpointAddress[] | null;
	createdAt: number;
	generateName?: string;
}

/**
 * The slices for one Endpoints table: every address, ready or not, terminating included (S75),
 * grouped by identical resolved port sets (S74; a pod serving none of the ports lands in a slice
 * with no ports) and cut at 100 endpoints. A selector Service with no endpoints keeps one empty
 * placeholder slice (S78). Selector-less Services have their user Endpoints mirrored (S81); the
 * apiserver writes the `kubernetes` Service's slice itself, under that plain name.
 * Names are `<svc>-<5 chars>`, the suffix derived from the Service uid so they are stable.
 * Endpoints are in numeric IP order (the controller's own order is arbitrary).
 */
export function endpointSlices(state: State, endpoints: Endpoints): EndpointSlice[] {
	const service = getRow(state.services, objectKey(endpoints.namespace, endpoints.name));
	if (!service || service.spec.type === 'ExternalName') return [];
	if (!endpoints.managed && service.spec.selector !== undefined && Object.keys(service.spec.selector).length > 0) return [];
	const apiserverOwned = service.namespace === 'default' && service.name === 'kubernetes' && !endpoints.managed;

	const groups = new Map<string, {ports: EndpointPort[]; endpoints: EndpointAddress[]}>();
	for (const address of listRows(endpoints.addresses).sort(byNumericIP)) {
		const ports = resolvedPorts(endpoints, address);
		const key = JSON.stringify(ports);
		let group = groups.get(key);
		if (!group) {
			group = {ports, endpoints: []};
			groups.set(key, group);
		}
		group.endpoints.push(address);
	}
	const chunks: Array<{ports: EndpointPort[] | null; endpoints: EndpointAddress[] | null}> = [];
	for (const group of groups.values()) {
		for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
			chunks.push({ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE)});
		}
	}
	if (chunks.length === 0) {
		if (!endpoints.managed) return [];
		chunks.push({ports: null, endpoints: null});
	}

	const labels: Record<string, string> = apiserverOwned ? {} : {...service.labels};
	if (!apiserverOwned) {
		labels[LABEL_MANAGED_BY] = endpoints.managed ? 'endpointslice-controller.k8s.io' : 'endpointslicemirroring-controller.k8s.io';
		if (service.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
	}
	labels[LABEL_SERVICE_NAME] = service.name;
	const base = `${service.name}-`.slice(0, MAX_GENERATE_NAME_BASE);
	return chunks.map((chunk, index) => {
		const name = apiserverOwned ? 'kubernetes' : base + nameSuffix(`${service.uid}/${index}`);
		const slice: EndpointSlice = {
			name,
			namespace: service.namespace,
			uid: derivedUid(`EndpointSlice/${service.namespace}/${name}`),
			labels,
			service,
			ports: chunk.ports,
			endpoints: chunk.endpoints,
			createdAt: endpoints.createdAt,
		};
		if (!apiserverOwned) slice.generateName = base;
		return slice;
	});
}

function byNumericIP(a: EndpointAddress, b: EndpointAddress): number {
	const x = parseIPv4(a.ip);
	const y = parseIPv4(b.ip);
	if (x !== null && y !== null && x !== y) return x - y;
	return a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0;
}

/** All slices of the Service `namespace/name` (what `describe svc` reads, S124). */
export function slicesForService(state: State, namespace: string, name: string): EndpointSlice[] {
	const endpoints = getRow(state.endpoints, objectKey(namespace, name));
	return endpoints ? endpointSlices(state, endpoints) : [];
}

/** printers.go listWithMoreString: three items, then ` + N more...`; `<unset>` when empty. */
function listWithMore(items: ReadonlyArray<string>): string {
	const max = 3;
	if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
	return items.length === 0 ? '<unset>' : items.join(',');
}

function slicePortsCell(slice: EndpointSlice): string {
	return listWithMore((slice.ports ?? []).map(p => String(p.port)));
}

/** ENDPOINTS lists addresses regardless of readiness (S123). */
function sliceEndpointsCell(slice: EndpointSlice): string {
	return listWithMore((slice.endpoints ?? []).map(e => e.ip));
}

function endpointObject(state: State, slice: EndpointSlice, address: EndpointAddress): ApiObject {
	const out: ApiObject = {
		addresses: [address.ip],
		conditions: {ready: address.ready, serving: address.serving, terminating: address.terminating},
	};
	if (address.hostname !== undefined) out.hostname = address.hostname;
	if (address.nodeName !== null) {
		out.nodeName = address.nodeName;
		const zone = nodeZone(state, address.nodeName);
		if (zone !== undefined) out.zone = zone;
	}
	const hints = endpointHints(state, slice.service, address);
	if (hints !== undefined) {
		out.hints = {
			...(hints.forNodes ? {forNodes: hints.forNodes.map(name => ({name}))} : {}),
			...(hints.forZones ? {forZones: hints.forZones.map(name => ({name}))} : {}),
		};
	}
	if (address.podName !== undefined) {
		const pod = getRow(state.pods, objectKey(slice.namespace, address.podName));
		const ref: ApiObject = {kind: 'Pod', namespace: slice.namespace, name: address.podName};
		if (pod) ref.uid = pod.uid;
		out.targetRef = ref;
	}
	return out;
}

export function endpointSliceObject(state: State, slice: EndpointSlice): ApiObject {
	return {
		apiVersion: 'discovery.k8s.io/v1',
		kind: 'EndpointSlice',
		metadata: objectMeta({
			name: slice.name,
			namespace: slice.namespace,
			uid: slice.uid,
			labels: slice.labels,
			createdAt: slice.createdAt,
			generateName: slice.generateName,
			// Controller-made slices point at their Service; the apiserver's own has no owner.
			ownerReferences: slice.generateName === undefined ? [] : [controllerRef('v1', 'Service', slice.service.name, slice.service.uid)],
		}),
		addressType: 'IPv4',
		// The placeholder's empty lists come back from the API as null.
		endpoints: slice.endpoints === null ? null : slice.endpoints.map(a => endpointObject(state, slice, a)),
		ports: slice.ports === null ? null : slice.ports.map(p => ({name: p.name, port: p.port, protocol: p.protocol})),
	};
}

export const endpointSliceView: KindView<EndpointSlice> = {
	columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
	wideColumns: [],
	list: (state, namespace) => inNamespace(listRows(state.endpoints), namespace).flatMap(ep => endpointSlices(state, ep)),
	meta: (_state, slice) => slice,
	row: (state, slice) => [slice.name, 'IPv4', slicePortsCell(slice), sliceEndpointsCell(slice), ageSince(state.clock, slice.createdAt)],
	object: endpointSliceObject,
};
