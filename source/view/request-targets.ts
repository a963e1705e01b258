// What `curl` and `nslookup` can be aimed at, in the spellings the simulator answers: a Service's
// DNS names (source/sim/dns.ts reads `service.namespace.svc.<zone>` from the right, and a pod's
// search path `<ns>.svc.<zone> svc.<zone> <zone>` turns `web` and `web.shop` into that), its SRV
// names `_port._proto.…` (dns.ts srvAnswer, from what found() reads off the name), a headless
// Service's pod names `hostname.service…` (found(): the endpoint label, an endpoint's hostname or
// dashed address) and the addresses kube-proxy routes (source/sim/proxy.ts plan: ClusterIP,
// node IP and nodePort, load-balancer IP, external IP, each with its port).

import {getRow, listRows} from '../sim/index.js';
import {objectKey} from '../sim/keys.js';
import type {Service, State} from '../sim/types.js';

/** One DNS name a user would type for something, shortest first (the shortest is the name a
 *  client in `namespace` needs; the others are what the search path expands it to). */
export interface NameForms {
	forms: string[];
	/** How many dots the bare name has (`web` 0, `web-0.nginx` 1, `_http._tcp.web` 2): typed past
	 *  them, the user is writing one of the longer forms. */
	dots: number;
	/** The Service whose ports the name answers on. */
	service: Service;
}

function services(state: State): Service[] {
	return listRows(state.services).sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `base` relative to the search path of a pod in `namespace`: bare in its own namespace, else
 *  with the namespace; then `.svc` and the cluster domain appended, as the search path does. */
function formsOf(state: State, base: string, service: Service, namespace: string): NameForms {
	const qualified = `${base}.${service.namespace}`;
	const longer = [qualified, `${qualified}.svc`, `${qualified}.svc.${state.config.clusterDomain}`];
	return {forms: service.namespace === namespace ? [base, ...longer] : longer, dots: base.split('.').length - 1, service};
}

/** Every Service's names as a client in `namespace` resolves them. */
export function serviceNames(state: State, namespace: string): NameForms[] {
	return services(state).map(service => formsOf(state, service.name, service, namespace));
}

/** The pods a headless Service publishes under their own hostname (a StatefulSet's `web-0`), by
 *  the addresses DNS answers with: ready ones (dns.ts publishedAddresses). */
export function endpointNames(state: State, namespace: string): NameForms[] {
	const out: NameForms[] = [];
	for (const service of services(state)) {
		if (service.spec.clusterIP !== 'None') continue;
		const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
		const hostnames = listRows(endpoints?.addresses).flatMap(a => (a.ready && a.hostname ? [a.hostname] : []));
		for (const hostname of [...new Set(hostnames)].sort()) {
			out.push(formsOf(state, `${hostname}.${service.name}`, service, namespace));
		}
	}
	return out;
}

/** SRV names, one per named port (`_http._tcp.web`, dns.ts srvAnswer), shortest first. */
export function srvNames(state: State, namespace: string): NameForms[] {
	return services(state).flatMap(service =>
		(service.spec.ports ?? []).flatMap(p => (p.name ? [formsOf(state, `_${p.name}._${p.protocol.toLowerCase()}.${service.name}`, service, namespace)] : [])),
	);
}

/** The ports a connection to the Service's name reaches: its TCP ports through the ClusterIP
 *  (proxy.ts findPort); a headless name leads to the pods, so the ports they serve. */
export function namePorts(state: State, service: Service): number[] {
	const tcp = (service.spec.ports ?? []).filter(p => p.protocol === 'TCP');
	if (service.spec.clusterIP !== 'None') return tcp.map(p => p.port);
	const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
	const served = listRows(endpoints?.addresses).flatMap(a => tcp.flatMap(p => a.ports[p.name ?? ''] ?? []));
	return [...new Set(served)].sort((a, b) => a - b);
}

/** `ip:port` for every address kube-proxy routes to a Service, Service by Service. */
export function serviceAddresses(state: State): string[] {
	const nodes = Object.values(state.nodes).sort((a, b) => compare(a.name, b.name));
	const out: string[] = [];
	for (const service of services(state)) {
		const {clusterIP, externalIPs = []} = service.spec;
		const ports = (service.spec.ports ?? []).filter(p => p.protocol === 'TCP');
		const front = [...(clusterIP && clusterIP !== 'None' ? [clusterIP] : []), ...(service.status.loadBalancer.ingress ?? []).map(i => i.ip), ...externalIPs];
		for (const p of ports) {
			for (const ip of front) out.push(`${ip}:${p.port}`);
			if (p.nodePort !== undefined) for (const node of nodes) out.push(`${node.internalIP}:${p.nodePort}`);
		}
	}
	return [...new Set(out)];
}
