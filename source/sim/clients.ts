// Who sends a request: a pod, a node, an outside client, or the default in-cluster client.

import type {Draft} from './draft.js';
import {formatIPv4, parseCIDR} from './ip.js';
import {reservePodIP} from './ipam.js';
import {objectKey} from './keys.js';
import {getRow} from './rows.js';
import type {Client, ClientSpec, Node, State} from './types.js';

/** ipam owner of the address the default client uses, so no pod is ever given it. */
const DEFAULT_CLIENT_OWNER = '\u0000client';
const DEFAULT_CLIENT_NAME = 'curl';

/** The node first by name, where the default client runs. */
function firstNode(state: State): Node | undefined {
	let first: Node | undefined;
	for (const node of Object.values(state.nodes)) if (first === undefined || node.name < first.name) first = node;
	return first;
}

/** Reserve the default client's address: the highest free host of the first node's pod CIDR. */
export function placeDefaultClient(d: Draft): void {
	const node = firstNode(d.s);
	if (!node) return;
	const used = d.s.ipam.podIPs[node.name]?.used ?? {};
	if (Object.values(used).includes(DEFAULT_CLIENT_OWNER)) return;
	// No IPv4 address to reserve in a Node document's IPv6 podCIDR: the default client is then missing.
	const cidr = parseCIDR(node.podCIDR);
	if (!cidr) return;
	for (let host = cidr.size - 2; host >= 2; host--) {
		const ip = formatIPv4(cidr.base + host);
		if (used[ip] === undefined) {
			reservePodIP(d, node.name, ip, DEFAULT_CLIENT_OWNER);
			return;
		}
	}
}

/**
 * The default client: what `kubectl run curl` would start, in `namespace`, on the first node, at
 * an address no pod is given. It is not an object of the API (`get pods` does not list it), so it
 * changes nothing a dump or a manifest says about the cluster.
 */
function defaultClient(state: State, namespace: string): ClientResult {
	const nodeName = firstNode(state)?.name;
	const used = nodeName ? (state.ipam.podIPs[nodeName]?.used ?? {}) : {};
	const ip = Object.keys(used).find(k => used[k] === DEFAULT_CLIENT_OWNER);
	if (!nodeName || !ip) return {ok: false, error: 'error: the cluster has no node to run the default client on'};
	return {ok: true, client: {kind: 'pod', name: DEFAULT_CLIENT_NAME, namespace, ip, nodeName}};
}

export type ClientResult = {ok: true; client: Client} | {ok: false; error: string};

export function resolveClient(state: State, spec: ClientSpec): ClientResult {
	if (spec.via !== undefined) {
		// In-cluster clients reach a load-balancer or external IP through their own node's rules (E6).
		if (spec.kind !== 'external') return {ok: false, error: "error: --via applies to outside clients (--from external or an external client's name)"};
		if (!state.nodes[spec.via]) return {ok: false, error: `Error from server (NotFound): nodes "${spec.via}" not found`};
	}
	switch (spec.kind) {
		case 'default':
			return defaultClient(state, spec.namespace ?? 'default');
		case 'pod': {
			const namespace = spec.namespace ?? 'default';
			const pod = getRow(state.pods, objectKey(namespace, spec.name ?? ''));
			// The screen names the default client `pod/curl`, so `--from pod/curl` picks it, unless
			// the namespace has a pod of that name of its own.
			if (!pod && spec.name === DEFAULT_CLIENT_NAME) return defaultClient(state, namespace);
			if (!pod) return {ok: false, error: `Error from server (NotFound): pods "${spec.name}" not found`};
			if (pod.podIP === null || pod.nodeName === null || !pod.containersRunning) {
				return {ok: false, error: `error: pod "${pod.name}" is not running, so it cannot send requests`};
			}
			return {
				ok: true,
				client: {kind: 'pod', name: pod.name, namespace, ip: pod.podIP, nodeName: pod.nodeName, ...(pod.spec.hostNetwork === true ? {hostNetwork: true} : {})},
			};
		}
		case 'node': {
			const node = state.nodes[spec.name ?? ''];
			if (!node) return {ok: false, error: `Error from server (NotFound): nodes "${spec.name}" not found`};
			return {ok: true, client: {kind: 'node', name: node.name, ip: node.internalIP, nodeName: node.name}};
		}
		case 'external': {
			const clients = state.config.externalClients;
			const found = spec.name === undefined ? clients[0] : clients.find(c => c.name === spec.name);
			if (!found) {
				const known = [...new Set(['pod/NAME', 'node/NAME', 'external', ...clients.map(c => c.name)])].join(', ');
				return {ok: false, error: `error: unknown client "${spec.name}" (known: ${known})`};
			}
			return {ok: true, client: {kind: 'external', name: found.name, ip: found.ip, ...(spec.via !== undefined ? {via: spec.via} : {})}};
		}
	}
}
