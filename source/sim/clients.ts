// Who sends a request: a pod, a node, an outside client, or the default in-cluster client.

import type {Draft} from './draft.js';
import {formatIPv4, parseCIDR} from './ip.js';
import {reservePodIP} from './ipam.js';
import {objectKey} from './keys.js';
import type {Client, ClientSpec, State} from './types.js';

/** ipam owner of the address the default client uses, so no pod is ever given it. */
export const DEFAULT_CLIENT_OWNER = '\u0000client';
export const DEFAULT_CLIENT_NAME = 'curl';

const firstNode = (state: State) => Object.keys(state.nodes).sort()[0];

/** Reserve the default client's address: the highest free host of the first node's pod CIDR. */
export function placeDefaultClient(d: Draft): void {
	const nodeName = firstNode(d.s);
	if (!nodeName) return;
	const used = d.s.ipam.podIPs[nodeName]?.used ?? {};
	if (Object.values(used).includes(DEFAULT_CLIENT_OWNER)) return;
	const cidr = parseCIDR(d.s.nodes[nodeName]!.podCIDR)!;
	for (let host = cidr.size - 2; host >= 2; host--) {
		const ip = formatIPv4(cidr.base + host);
		if (used[ip] === undefined) {
			reservePodIP(d, nodeName, ip, DEFAULT_CLIENT_OWNER);
			return;
		}
	}
}

export type ClientResult = {ok: true; client: Client} | {ok: false; error: string};

export function resolveClient(state: State, spec: ClientSpec): ClientResult {
	switch (spec.kind) {
		case 'default': {
			const nodeName = firstNode(state);
			const used = nodeName ? (state.ipam.podIPs[nodeName]?.used ?? {}) : {};
			const ip = Object.keys(used).find(k => used[k] === DEFAULT_CLIENT_OWNER);
			if (!nodeName || !ip) return {ok: false, error: 'error: the cluster has no node to run the default client on'};
			return {
				ok: true,
				client: {kind: 'pod', name: DEFAULT_CLIENT_NAME, namespace: spec.namespace ?? 'default', ip, nodeName},
			};
		}
		case 'pod': {
			const namespace = spec.namespace ?? 'default';
			const pod = state.pods[objectKey(namespace, spec.name ?? '')];
			if (!pod) return {ok: false, error: `Error from server (NotFound): pods "${spec.name}" not found`};
			if (pod.podIP === null || !pod.containersRunning) {
				return {ok: false, error: `error: pod "${pod.name}" is not running, so it cannot send requests`};
			}
			return {ok: true, client: {kind: 'pod', name: pod.name, namespace, ip: pod.podIP, nodeName: pod.nodeName!}};
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
			return {ok: true, client: {kind: 'external', name: found.name, ip: found.ip}};
		}
	}
}
