// The source address a backend sees: which of kube-proxy's masquerade rules a connection meets
// (kubernetes/kubernetes pkg/proxy/iptables/proxier.go, syncProxyRules; the IPVS proxier marks
// the same traffic through its KUBE-MARK-MASQ ipsets). A marked connection leaves the node by
// MASQUERADE, which writes the address of the interface it leaves by: the node's InternalIP
// towards another node, its pod bridge (`.1` of its podCIDR, docs/semantics.md B5) towards a pod
// of its own (kubernetes/website tutorials/services/source-ip.md shows both).

import {formatIPv4, parseCIDR} from './ip.js';
import type {Client, RequestSource, Service, State} from './types.js';

/** How a connection entered the Service data path, as far as masquerading cares. */
export interface Entry {
	service: Service;
	/** Through the "external destinations" chain (NodePort, LoadBalancer IP, externalIP). */
	external: boolean;
	/** The node whose rules DNAT it; null only when there is none to name. */
	node: string | null;
}

/** A pod on the host network sends from its node's address, as the node itself does. */
export const sendsAsNode = (client: Client): boolean => client.kind === 'node' || client.hostNetwork === true;

/**
 * The source the endpoint at `endpointIP` on `endpointNode` sees for a connection from `client`.
 * `snat` names the node that masqueraded it, absent when the client's own address arrives.
 */
export function sourceSeen(state: State, client: Client, entry: Entry, endpointIP: string, endpointNode: string | null): RequestSource {
	const masquerade = (reason: string): RequestSource => {
		const node = entry.node === null ? undefined : state.nodes[entry.node];
		if (!node) return {ip: client.ip};
		const bridge = endpointNode === node.name ? bridgeIP(node.podCIDR) : null;
		return {ip: bridge ?? node.internalIP, snat: node.name, reason};
	};
	// Every endpoint chain starts with `-s <endpoint IP> -j KUBE-MARK-MASQ`: a pod balanced back
	// to itself would otherwise get a reply that skips the reverse DNAT (hairpin, S97).
	if (endpointIP === client.ip && !sendsAsNode(client)) return masquerade('hairpin: the pod reached itself');
	if (entry.external) {
		// The EXT chain: with the Cluster policy everything is marked, since the endpoint may be
		// on another node and its reply must come back through this one ("masquerade traffic
		// for … external destinations").
		if (entry.service.spec.externalTrafficPolicy !== 'Local') return masquerade('externalTrafficPolicy: Cluster');
		// With Local the client's address is kept ("we can retain the source IP in most cases"),
		// but the node's own traffic is marked: its source is a local address of the node
		// ("masquerade LOCAL traffic for … external destinations").
		if (sendsAsNode(client) && client.nodeName === entry.node) return masquerade('from the node itself');
		return {ip: client.ip};
	}
	// The ClusterIP: only traffic from outside the pod network is marked (localDetector.IfNotLocal;
	// masqueradeAll, off by default, would mark it all); a pod's address arrives as it is.
	if (sendsAsNode(client)) return masquerade('from outside the pod network');
	return {ip: client.ip};
}

function bridgeIP(podCIDR: string): string | null {
	const cidr = parseCIDR(podCIDR);
	return cidr ? formatIPv4(cidr.base + 1) : null;
}
