// Which Services a request counts toward in the stability line's success rate. The simulator
// names the Service that handled a request; a request that never reached one (its name did not
// resolve from where it was sent, an ExternalName's CNAME leads outside, a node port nobody
// answers on) still failed or succeeded *at* a Service, the one its target names, and must count.
// A request to an ExternalName whose CNAME leads to another Service counts toward both: the one
// it was aimed at and the one that answered.

import {getRow} from '../../sim/index.js';
import type {RequestTrace, State} from '../../sim/types.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `host` of `host:port` (an IPv4 target or a DNS name; the TUI's keys send nothing else). */
function splitTarget(target: string): {host: string; port: string | null} {
	const colon = target.lastIndexOf(':');
	return colon < 0 ? {host: target, port: null} : {host: target.slice(0, colon), port: target.slice(colon + 1)};
}

/** `ns/name` of the Service a request was aimed at and, if another, of the one that handled it. */
export function requestServices(state: State, trace: RequestTrace): string[] {
	const aimed = aimedAt(state, trace);
	const handled = trace.service;
	if (handled === undefined) return aimed === null ? [] : [aimed];
	return aimed === null || aimed === handled ? [handled] : [aimed, handled];
}

/** `ns/name` of the Service a request's target names, or null when it names none. */
function aimedAt(state: State, trace: RequestTrace): string | null {
	const {host, port} = splitTarget(trace.target);
	if (IPV4.test(host)) {
		const byIP = state.ipam.serviceIPs[host] ?? state.ipam.loadBalancerIPs[host];
		if (byIP !== undefined) return byIP;
		// A node's address: the Service is the one that owns the node port.
		const onNode = Object.values(state.nodes).some(n => n.internalIP === host);
		return onNode && port !== null ? (state.ipam.nodePorts[port] ?? null) : null;
	}
	// `name`, `name.ns`, `name.ns.svc`, `name.ns.svc.<cluster domain>` (docs/semantics.md F1, F5):
	// a short name is relative to the sender's namespace, `default` for clients outside the cluster.
	const [name, namespace, ...rest] = host.replace(/\.$/, '').split('.');
	const suffix = rest.join('.');
	if (name === undefined || (suffix !== '' && suffix !== 'svc' && suffix !== `svc.${state.config.clusterDomain}`)) return null;
	const ns = namespace ?? (trace.client.kind === 'pod' ? (trace.client.namespace ?? 'default') : 'default');
	const key = `${ns}/${name}`;
	return getRow(state.services, key) ? key : null;
}
