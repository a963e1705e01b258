// The Endpoints pane for one Service: each pod address (IP:targetPort) with node, pod and state;
// a headless Service's head names its DNS records instead of a VIP; ExternalName shows its CNAME.
// It agrees with the Endpoints object `get ep` prints (endpoints-rows.ts): an address that serves
// none of the Service's ports (a named targetPort its pod does not declare, D3) is no endpoint, and
// the head says why, with the routing warnings of `check` (lint.ts) for this Service.

import {parseIPv4} from '../../sim/ip.js';
import {formatLabels} from '../../sim/labels.js';
import type {EndpointAddress, Service, State} from '../../sim/types.js';
import {resolvedPorts} from '../endpoints-rows.js';
import {serviceWarnings} from '../lint.js';
import {sanitize} from '../sanitize.js';
import {servicePods} from './service-pods.js';

type EndpointState = 'ready' | 'not ready' | 'terminating' | 'no port';

interface EndpointLine {
	ip: string;
	/** `ip:port[,port…]`; the bare IP when it serves no port. */
	address: string;
	node: string;
	pod: string;
	state: EndpointState;
}

export interface EndpointView {
	/** One line above the rows: what clients connect to, or why nothing is there. */
	head: string;
	lines: EndpointLine[];
	/** `check`'s warnings about this Service (lint.ts), sanitized. */
	warnings: string[];
}

/** IPv4 addresses in numeric order. An IPv6 address (a hand-written Endpoints object) has no
 *  IPv4 value and compares equal to any address. */
const compareIP = (a: number | null, b: number | null): number => (a === null || b === null ? 0 : a - b);

const stateOf = (a: EndpointAddress): EndpointState => (a.terminating ? 'terminating' : a.ready ? 'ready' : 'not ready');

/** `port "web"`, `ports "web", "metrics"`: the named targetPorts that resolve for no address. */
function unresolved(service: Service, addresses: ReadonlyArray<EndpointAddress>): string {
	const names = service.ports
		.filter(p => typeof p.targetPort === 'string' && !addresses.some(a => a.ports[p.name] !== undefined))
		.map(p => `"${String(p.targetPort)}"`);
	return `${names.length === 1 ? 'port' : 'ports'} ${[...new Set(names)].join(', ')}`;
}

export function endpointView(state: State, service: Service): EndpointView {
	const fqdn = sanitize(`${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`);
	if (service.type === 'ExternalName') {
		return {head: `${fqdn} CNAME ${sanitize(service.externalName ?? '')}. (DNS only: no VIP, no proxy)`, lines: [], warnings: []};
	}
	const endpoints = state.endpoints[`${service.namespace}/${service.name}`];
	const addresses = Object.values(endpoints?.addresses ?? {})
		.map(a => ({a, ip: parseIPv4(a.ip)}))
		.sort((x, y) => compareIP(x.ip, y.ip))
		.map(({a}) => a);
	const headless = service.clusterIP === 'None';
	const lines = addresses.map(a => {
		// As the Endpoints object lists it: a pod serving none of the ports is in no subset.
		const ports = endpoints ? resolvedPorts(endpoints, a).map(p => p.port) : [];
		const served = ports.length > 0 || (endpoints?.ports.length ?? 0) === 0;
		const address = ports.length > 0 ? `${a.ip}:${ports.join(',')}` : a.ip;
		return {ip: a.ip, address, node: sanitize(a.nodeName ?? '<none>'), pod: sanitize(a.podName ?? '<none>'), state: served ? stateOf(a) : ('no port' as const)};
	});
	const ready = lines.filter(l => l.state === 'ready').length;
	const live = lines.filter(l => l.state === 'ready' || l.state === 'not ready').length;
	const counts = headless
		? `${fqdn} → ${ready} A record${ready === 1 ? '' : 's'} (headless, no VIP)`
		: `ClusterIP ${service.clusterIP} → ${ready} of ${live} ready`;
	let head: string;
	if (service.selector === null && !endpoints) head = `no selector and no Endpoints object: nothing to route to`;
	else if (lines.length > 0 && lines.every(l => l.state === 'no port')) head = `0 endpoints — no selected pod declares ${unresolved(service, addresses)}`;
	else if (lines.length === 0 && service.selector && servicePods(state, service).items.length === 0) {
		head = `${counts} · no pod matches ${sanitize(formatLabels(service.selector))}`;
	} else head = counts;
	// The head says it already when nothing is selected or no pod serves a port; within the
	// Service's own pane its name goes without saying.
	const stated = head.startsWith('0 endpoints') || head.includes(' · no pod matches ') ? ['no-pods', 'no-port'] : [];
	const prefix = `Service "${service.name}" `;
	const warnings = serviceWarnings(state, service)
		.filter(w => !stated.includes(w.check))
		.map(w => sanitize(w.message.startsWith(prefix) ? w.message.slice(prefix.length) : w.message));
	return {head, lines, warnings};
}
