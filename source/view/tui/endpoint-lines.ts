// The Endpoints pane for one Service: each pod address (IP:targetPort) with node, pod and state;
// a headless Service shows the DNS records instead of a VIP; ExternalName shows its CNAME.

import {parseIPv4} from '../../sim/ip.js';
import type {EndpointAddress, Service, State} from '../../sim/types.js';
import {sanitize} from '../sanitize.js';

type EndpointState = 'ready' | 'not ready' | 'terminating';

interface EndpointLine {
	ip: string;
	/** `ip:port[,port…]`, or a DNS record for headless Services. */
	address: string;
	node: string;
	pod: string;
	state: EndpointState;
}

export interface EndpointView {
	/** One line above the rows: what clients connect to. */
	head: string;
	lines: EndpointLine[];
}

/** IPv4 addresses in numeric order. An IPv6 address (a hand-written Endpoints object) has no
 *  IPv4 value and compares equal to any address. */
const compareIP = (a: number | null, b: number | null): number => (a === null || b === null ? 0 : a - b);

const stateOf = (a: EndpointAddress): EndpointState => (a.terminating ? 'terminating' : a.ready ? 'ready' : 'not ready');

export function endpointView(state: State, service: Service): EndpointView {
	const fqdn = sanitize(`${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`);
	if (service.type === 'ExternalName') {
		return {head: `${fqdn} CNAME ${sanitize(service.externalName ?? '')}. (DNS only: no VIP, no proxy)`, lines: []};
	}
	const endpoints = state.endpoints[`${service.namespace}/${service.name}`];
	const addresses = Object.values(endpoints?.addresses ?? {})
		.map(a => ({a, ip: parseIPv4(a.ip)}))
		.sort((x, y) => compareIP(x.ip, y.ip))
		.map(({a}) => a);
	const headless = service.clusterIP === 'None';
	const lines = addresses.map(a => {
		const ports = service.ports.map(p => a.ports[p.name]).filter((p): p is number => p !== undefined);
		const address = headless ? `${sanitize(a.hostname ?? a.ip.replace(/\./g, '-'))}.${fqdn} A ${a.ip}` : ports.length > 0 ? `${a.ip}:${ports.join(',')}` : a.ip;
		return {ip: a.ip, address, node: sanitize(a.nodeName ?? '<none>'), pod: sanitize(a.podName ?? '<none>'), state: stateOf(a)};
	});
	const ready = lines.filter(l => l.state === 'ready').length;
	let head: string;
	if (headless) head = `${fqdn} → ${ready} A record${ready === 1 ? '' : 's'} (headless: pod IPs, no VIP)`;
	else if (service.selector === null && !endpoints) head = `no selector and no Endpoints object: nothing to route to`;
	else head = `ClusterIP ${service.clusterIP} → ${ready} of ${lines.filter(l => l.state !== 'terminating').length} ready`;
	return {head, lines};
}
