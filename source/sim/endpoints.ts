// The endpoints controller: keeps each selector Service's endpoints equal to the selected pods
// (docs/semantics.md D1-D3, S68-S77). Work is proportional to what changed: a pod change
// touches only the Services whose selector shares one of the pod's labels.

import type {Draft} from './draft.js';
import {indexMembers, setEndpointAddress} from './draft.js';
import {objectKey} from './keys.js';
import {matchesLabels} from './labels.js';
import {emptyRows, getRow, rowsFrom} from './rows.js';
import {emptyTable} from './tables.js';
import type {EndpointAddress, Endpoints, Labels, Pod, Service, ServicePort, State} from './types.js';

export const labelBucket = (namespace: string, key: string, value: string): string => `${namespace}\u0000${key}=${value}`;

/** Resolve a Service port's targetPort on one pod (D3, S73): a name is looked up per pod. */
function resolveTargetPort(pod: Pod, port: ServicePort): number | null {
	if (typeof port.targetPort === 'number') return port.targetPort;
	for (const container of pod.spec.containers) {
		for (const cp of container.ports) {
			if (cp.name === port.targetPort && cp.protocol === port.protocol) return cp.containerPort;
		}
	}
	return null;
}

function selects(service: Service, pod: Pod): boolean {
	return (
		service.spec.selector !== undefined &&
		Object.keys(service.spec.selector).length > 0 &&
		service.spec.type !== 'ExternalName' &&
		service.namespace === pod.namespace &&
		matchesLabels(pod.labels, service.spec.selector)
	);
}

/** The pod's entry in a Service's endpoints, or null when it does not belong there (S70). */
function addressFor(service: Service, pod: Pod): EndpointAddress | null {
	if (!selects(service, pod)) return null;
	if (pod.podIP === null || pod.phase === 'Succeeded' || pod.phase === 'Failed') return null;
	const ports = emptyTable<number>();
	for (const port of service.spec.ports ?? []) {
		const target = resolveTargetPort(pod, port);
		if (target !== null) ports[port.name ?? ''] = target;
	}
	const serving = pod.ready;
	const terminating = pod.deletionTimestamp !== null;
	const address: EndpointAddress = {
		ip: pod.podIP,
		nodeName: pod.nodeName,
		podName: pod.name,
		// S72: EndpointSlice conditions; the legacy Endpoints view drops terminating ones.
		ready: service.spec.publishNotReadyAddresses === true || (serving && !terminating),
		serving,
		terminating,
		ports,
	};
	// S77: hostname only when the pod's subdomain names this Service.
	if (pod.spec.hostname !== undefined && pod.spec.subdomain === service.name) address.hostname = pod.spec.hostname;
	return address;
}

export function emptyEndpoints(service: Service, managed: boolean, createdAt: number): Endpoints {
	return {
		name: service.name,
		namespace: service.namespace,
		managed,
		addresses: emptyRows(),
		ports: (service.spec.ports ?? []).map(p => ({name: p.name ?? '', protocol: p.protocol})),
		createdAt,
	};
}

function sameAddress(a: EndpointAddress | undefined, b: EndpointAddress | null): boolean {
	if (a === undefined || b === null) return a === undefined && b === null;
	if (
		a.ip !== b.ip ||
		a.nodeName !== b.nodeName ||
		a.ready !== b.ready ||
		a.serving !== b.serving ||
		a.terminating !== b.terminating ||
		a.hostname !== b.hostname
	)
		return false;
	const ka = Object.keys(a.ports);
	const kb = Object.keys(b.ports);
	return ka.length === kb.length && ka.every(k => a.ports[k] === b.ports[k]);
}

function setAddress(d: Draft, service: Service, podName: string, address: EndpointAddress | null): void {
	const key = objectKey(service.namespace, service.name);
	const current = getRow(d.s.endpoints, key);
	if (!current?.managed) return;
	if (sameAddress(getRow(current.addresses, podName), address)) return;
	setEndpointAddress(d, key, podName, address);
}

/** Services that may select a pod with these labels (via the selector-pair index). */
function candidateServices(state: State, namespace: string, labels: Labels): Set<string> {
	const names = new Set<string>();
	for (const key in labels) {
		const value = labels[key];
		if (value === undefined) continue;
		for (const name of indexMembers(state, 'servicesByLabel', labelBucket(namespace, key, value))) names.add(name);
	}
	return names;
}

/**
 * Bring every affected Service's endpoints in line with one pod. `before` is the pod as it was
 * (or null when new); `after` is the pod now (or null when gone).
 */
export function syncPod(d: Draft, before: Pod | null, after: Pod | null): void {
	const pod = after ?? before;
	if (pod === null) return;
	const names = candidateServices(d.s, pod.namespace, after?.labels ?? {});
	if (before) for (const n of candidateServices(d.s, pod.namespace, before.labels)) names.add(n);
	for (const name of names) {
		const service = getRow(d.s.services, objectKey(pod.namespace, name));
		if (!service) continue;
		setAddress(d, service, pod.name, after ? addressFor(service, after) : null);
	}
}

/** Full recompute for one Service: used when the Service is created. */
export function buildEndpoints(state: State, service: Service, createdAt: number): Endpoints {
	const endpoints = emptyEndpoints(service, true, createdAt);
	const pairs = Object.entries(service.spec.selector ?? {});
	if (pairs.length === 0 || service.spec.type === 'ExternalName') return endpoints;
	// Start from the smallest index bucket among the selector's pairs.
	let smallest: string[] | null = null;
	for (const [key, value] of pairs) {
		const members = indexMembers(state, 'podsByLabel', labelBucket(service.namespace, key, value));
		if (smallest === null || members.length < smallest.length) smallest = members;
	}
	const addresses = emptyTable<EndpointAddress>();
	for (const podName of smallest ?? []) {
		const pod = getRow(state.pods, objectKey(service.namespace, podName));
		if (!pod) continue;
		const address = addressFor(service, pod);
		if (address) addresses[podName] = address;
	}
	return {...endpoints, addresses: rowsFrom(Object.entries(addresses))};
}
