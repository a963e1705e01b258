// The Endpoints pane for one Service: each address with its conditions, node, zone and pod, read
// from the Service's EndpointSlices (the Endpoints API is deprecated since v1.33, and kube-proxy
// reads slices): the very objects `get endpointslices -o yaml` prints (endpointslice-rows.ts), so
// the pane and the API agree. A headless Service's head names its DNS records instead of a VIP;
// ExternalName shows its CNAME. An address that serves none of the Service's ports (a named
// targetPort its pod does not declare, D3, S74: it sits in a slice with `ports: []`) is no
// endpoint, and the head says why, with the routing warnings of `check` (lint.ts) for this Service.

import {getRow} from '../../sim/index.js';
import {parseIPv4} from '../../sim/ip.js';
import {formatLabels} from '../../sim/labels.js';
import type {Service, State} from '../../sim/types.js';
import type {ApiObject} from '../api-object.js';
import {endpointSliceObject, slicesForService} from '../endpointslice-rows.js';
import {warningsAbout} from '../lint.js';
import {sanitize} from '../sanitize.js';
import {perState} from './per-state.js';
import {servicePods} from './service-pods.js';

type EndpointState = 'ready' | 'not ready' | 'terminating' | 'no port';

/** discovery/v1 EndpointConditions as the slice holds them (S72: kubernetes/kubernetes
 *  staging/src/k8s.io/endpointslice/utils.go podToEndpoint). */
interface Conditions {
	ready: boolean;
	serving: boolean;
	terminating: boolean;
}

interface EndpointLine {
	ip: string;
	/** The EndpointSlice that holds the address (what `d` and `y` open), raw: a name the API accepted. */
	slice: string;
	/** `ip:port[,port…]`: the slice's ports; the bare IP when its slice has none. */
	address: string;
	/** The slice's nodeName, sanitized; `<none>` without one. */
	node: string;
	/** The slice's zone (the Node's topology.kubernetes.io/zone label), sanitized; `<none>` without one. */
	zone: string;
	/** targetRef.name, sanitized; `<none>` without one. */
	pod: string;
	conditions: Conditions;
	/** The conditions in a word, or `no port`. */
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

// A terminating pod keeps its slice entry through its grace period with ready=false (S75); it
// may still be serving (its Ready condition), which is what the CONDITIONS column tells.
const stateOf = (c: Conditions): EndpointState => (c.terminating ? 'terminating' : c.ready ? 'ready' : 'not ready');

const text = (o: ApiObject | undefined, key: string): string | undefined => (typeof o?.[key] === 'string' ? (o[key] as string) : undefined);
const objects = (v: unknown): ApiObject[] => (Array.isArray(v) ? v.filter((x): x is ApiObject => typeof x === 'object' && x !== null) : []);

/** One slice endpoint, as the API object has it. */
interface SliceEndpoint {
	ip: string;
	slice: string;
	ports: number[];
	/** Names of the Service ports its slice lists ('' when unnamed). */
	portNames: string[];
	nodeName?: string;
	zone?: string;
	pod?: string;
	conditions: Conditions;
}

function sliceEndpoints(state: State, service: Service): SliceEndpoint[] {
	const out: SliceEndpoint[] = [];
	for (const slice of slicesForService(state, service.namespace, service.name)) {
		const object = endpointSliceObject(state, slice);
		const ports = objects(object.ports);
		for (const endpoint of objects(object.endpoints)) {
			const conditions = (endpoint.conditions ?? {}) as ApiObject;
			// discovery/v1 types.go EndpointConditions: a nil ready or serving means true, a nil terminating false.
			const flag = (key: string, unset: boolean) => (typeof conditions[key] === 'boolean' ? (conditions[key] as boolean) : unset);
			const [ip = ''] = Array.isArray(endpoint.addresses) ? endpoint.addresses.map(String) : [];
			const target = endpoint.targetRef as ApiObject | undefined;
			out.push({
				ip,
				slice: text((object.metadata ?? {}) as ApiObject, 'name') ?? '',
				ports: ports.map(p => Number(p.port)),
				portNames: ports.map(p => text(p, 'name') ?? ''),
				nodeName: text(endpoint, 'nodeName'),
				zone: text(endpoint, 'zone'),
				pod: text(target, 'name'),
				conditions: {ready: flag('ready', true), serving: flag('serving', true), terminating: flag('terminating', false)},
			});
		}
	}
	return out.sort((x, y) => compareIP(parseIPv4(x.ip), parseIPv4(y.ip)));
}

/** `port "web"`, `ports "web", "metrics"`: the named targetPorts that resolve for no address. */
function unresolved(service: Service, endpoints: ReadonlyArray<SliceEndpoint>): string {
	const names = (service.spec.ports ?? [])
		.filter(p => typeof p.targetPort === 'string' && !endpoints.some(e => e.portNames.includes(p.name ?? '')))
		.map(p => `"${String(p.targetPort)}"`);
	return `${names.length === 1 ? 'port' : 'ports'} ${[...new Set(names)].join(', ')}`;
}

const cached = perState<EndpointView>();

/** The pane's content for `service` in `state`; cached per state, since every frame and every
 *  cursor placement asks (a Service that is not the state's own is built, never cached). */
export function endpointView(state: State, service: Service): EndpointView {
	const key = `${service.namespace}/${service.name}`;
	if (getRow(state.services, key) !== service) return buildView(state, service);
	return cached(state, key, () => buildView(state, service));
}

function buildView(state: State, service: Service): EndpointView {
	const fqdn = sanitize(`${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`);
	if (service.spec.type === 'ExternalName') {
		return {head: `${fqdn} CNAME ${sanitize(service.spec.externalName ?? '')}. (DNS only: no VIP, no proxy)`, lines: [], warnings: []};
	}
	const endpoints = getRow(state.endpoints, `${service.namespace}/${service.name}`);
	const entries = sliceEndpoints(state, service);
	const headless = service.spec.clusterIP === 'None';
	// Whether the Service has ports to serve at all (a headless one may declare none, S76).
	const portless = (endpoints?.ports.length ?? 0) === 0;
	const lines = entries.map(e => {
		const address = e.ports.length > 0 ? `${e.ip}:${e.ports.join(',')}` : e.ip;
		return {
			ip: e.ip,
			slice: e.slice,
			address,
			node: sanitize(e.nodeName ?? '<none>'),
			zone: sanitize(e.zone ?? '<none>'),
			pod: sanitize(e.pod ?? '<none>'),
			conditions: e.conditions,
			state: e.ports.length > 0 || portless ? stateOf(e.conditions) : ('no port' as const),
		};
	});
	const ready = lines.filter(l => l.state === 'ready').length;
	const live = lines.filter(l => l.state === 'ready' || l.state === 'not ready').length;
	const counts = headless
		? `${fqdn} → ${ready} A record${ready === 1 ? '' : 's'} (headless, no VIP)`
		: `ClusterIP ${service.spec.clusterIP} → ${ready} of ${live} ready`;
	let head: string;
	const selector = service.spec.selector;
	if (selector === undefined && !endpoints) head = `no selector and no Endpoints object: nothing to route to`;
	else if (lines.length > 0 && lines.every(l => l.state === 'no port')) head = `0 endpoints — no selected pod declares ${unresolved(service, entries)}`;
	else if (lines.length === 0 && selector && servicePods(state, service).items.length === 0) {
		head = `${counts} · no pod matches ${sanitize(formatLabels(selector))}`;
	} else head = counts;
	// The head says it already when nothing is selected or no pod serves a port; within the
	// Service's own pane its name goes without saying.
	const stated = head.startsWith('0 endpoints') || head.includes(' · no pod matches ') ? ['no-pods', 'no-port'] : [];
	const prefix = `Service "${service.name}" `;
	const warnings = warningsAbout(state, service)
		.filter(w => !stated.includes(w.check))
		.map(w => sanitize(w.brief ?? (w.message.startsWith(prefix) ? w.message.slice(prefix.length) : w.message)));
	return {head, lines, warnings};
}
