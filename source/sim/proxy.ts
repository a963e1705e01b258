// kube-proxy's data path: where a connection to ip:port goes (docs/semantics.md E1-E8;
// S83-S98). A burst plans the route once, then picks an endpoint per connection.

import {chooseEntry, cloudSourceRanges, type EntryChoice, entryCandidates, proxySourceRanges, sourceRangeDrop} from './cloud-lb.js';
import {compareIP, describeCnameStop, describeDnsTimeout, resolve} from './dns.js';
import type {Draft} from './draft.js';
import {setAffinity, setRoundRobin} from './draft.js';
import {healthCheckAnswer, healthCheckOwner} from './health-check.js';
import {eachMember} from './index-sets.js';
import {nodeForPodIP} from './ipam.js';
import {objectKey} from './keys.js';
import {type HopVerdict, hopVerdict} from './netpol.js';
import {random} from './prng.js';
import {getRow, listRows} from './rows.js';
import {sendsAsNode, sourceSeen} from './source-nat.js';
import {emptyTable} from './tables.js';
import {availableForTopology, topologyMode} from './topology.js';
import type {
	Client,
	DnsResult,
	EndpointAddress,
	Protocol,
	RequestOutcome,
	RequestSource,
	RequestSummary,
	RequestTrace,
	RequestVia,
	Service,
	ServicePort,
	State,
} from './types.js';

type Failure = {kind: 'fail'; via: RequestVia; outcome: RequestOutcome; reason: string; service?: Service; port?: ServicePort};

type Plan =
	| Failure
	| {
			kind: 'service';
			via: RequestVia;
			service: Service;
			port: ServicePort;
			/** Only endpoints on this node may serve (Local traffic policies). */
			onlyNode: string | null;
			policy: string | null;
			/** The node whose kube-proxy rules DNAT the connection; affinity state lives there. */
			entryNode: string | null;
			/** Through the rules for external destinations (node port, load-balancer or external IP). */
			external: boolean;
			/** An outside client's connection enters by a node chosen per connection, from these. */
			enter?: {how: EntryChoice; candidates: string[]};
	  }
	| {kind: 'health'; service: Service; node: string}
	| {kind: 'pod'; ip: string; port: number; pod: string | null; node: string | null; hostNetwork?: true}
	| {kind: 'outside'; reason: string};

interface Target {
	host: string;
	port: number;
}

/** curl's own word for a port that is not one (curl lib/urlapi.c, CURLUE_BAD_PORT_NUMBER). */
const BAD_PORT = 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535';

export function parseTarget(text: string): Target | {error: string} {
	let rest = text.trim();
	let port = 80;
	const scheme = /^[a-z]+:\/\//i.exec(rest);
	if (scheme) {
		port = /^https:/i.test(scheme[0]) ? 443 : 80;
		rest = rest.slice(scheme[0].length);
	}
	rest = rest.replace(/[/?#].*$/, '');
	const bad = {error: `curl: (3) URL rejected: Bad hostname or port in "${text}"`};
	const colon = rest.lastIndexOf(':');
	const host = colon === -1 ? rest : rest.slice(0, colon);
	const portText = colon === -1 ? '' : rest.slice(colon + 1);
	if (!host) return bad;
	// `web:` is the default port, as in curl; `web:NODEPORT` or `web:99999` is no port at all.
	if (portText !== '') {
		if (!/^\d+$/.test(portText) || Number(portText) > 65535) return {error: BAD_PORT};
		port = Number(portText);
	}
	if (port < 1) return bad;
	return {host, port};
}

const isIP = (host: string) => /^\d+\.\d+\.\d+\.\d+$/.test(host);

/** Classify the destination address (done once per burst). */
function plan(state: State, client: Client, ip: string, portNumber: number, protocol: Protocol): Plan {
	const external = client.kind === 'external';
	// kube-proxy's rules match the protocol with the port: a UDP 53 is no answer to TCP 53.
	const findPort = (service: Service, number: number) => service.spec.ports?.find(p => p.port === number && p.protocol === protocol);
	const noSuchPort = (service: Service, ip: string, port: number, via: RequestVia) => missingPort(service, ip, port, protocol, via);

	// 0. Loopback: the client's own host (a pod's is its own network namespace).
	if (/^127\./.test(ip) && !external) return loopback(state, client, ip, portNumber, protocol);
	// 1. A ClusterIP (E4: virtual, only reachable from nodes and pods).
	const vipOwner = state.ipam.serviceIPs[ip];
	const vipService = vipOwner ? getRow(state.services, vipOwner) : undefined;
	if (vipService && vipService.spec.clusterIP === ip) {
		if (external) {
			return {kind: 'fail', via: 'ClusterIP', outcome: 'timeout', reason: 'ClusterIP is not reachable from outside the cluster', service: vipService};
		}
		const port = findPort(vipService, portNumber);
		if (!port) return noSuchPort(vipService, ip, portNumber, 'ClusterIP');
		// E8: internalTrafficPolicy Local keeps in-cluster traffic on the client's node.
		const local = vipService.spec.internalTrafficPolicy === 'Local';
		return {
			kind: 'service',
			via: 'ClusterIP',
			service: vipService,
			port,
			onlyNode: local ? (client.nodeName ?? null) : null,
			policy: local ? 'internalTrafficPolicy: Local' : null,
			entryNode: client.nodeName ?? null,
			external: false,
		};
	}
	// 2. A load-balancer address or an externalIP (E6).
	for (const service of listRows(state.services)) {
		const viaLB = service.status.loadBalancer.ingress?.some(ingress => ingress.ip === ip) === true;
		const viaExternalIP = service.spec.externalIPs?.includes(ip) === true;
		if (!viaLB && !viaExternalIP) continue;
		const via: RequestVia = viaLB ? 'LoadBalancer' : 'ExternalIP';
		const port = findPort(service, portNumber);
		if (!port) return noSuchPort(service, ip, portNumber, via);
		// loadBalancerSourceRanges guard load-balancer IPs only. An outside client meets the cloud's
		// firewall first (field, else annotation); kube-proxy's firewall chain (field only) checks
		// what reaches a node with the LB IP as destination: in-cluster clients, and an outside one
		// sent straight to a node with --via. Both drop, so the client times out.
		if (viaLB) {
			const byCloud = external && client.via === undefined;
			const drop = byCloud
				? sourceRangeDrop(cloudSourceRanges(service), client, "the load balancer's firewall")
				: sourceRangeDrop(proxySourceRanges(service), client, `kube-proxy's firewall on ${client.via ?? client.nodeName ?? 'the node'}`);
			if (drop !== null) return {kind: 'fail', via, outcome: 'timeout', reason: drop, service, port};
		}
		// In-cluster clients never leave: their own node's kube-proxy captures the address (E6).
		if (!external) return {kind: 'service', via, service, port, onlyNode: null, policy: null, entryNode: client.nodeName ?? null, external: true};
		const how: EntryChoice = viaLB ? 'load balancer' : 'route';
		const candidates = client.via !== undefined ? [client.via] : entryCandidates(state, service, how);
		return {kind: 'service', via, service, port, onlyNode: null, policy: null, entryNode: null, external: true, enter: {how, candidates}};
	}
	if (client.via !== undefined) {
		return {
			kind: 'fail',
			via: 'none',
			outcome: 'error',
			reason: `--via node/${client.via}: ${ip} is not a load-balancer or external IP, the only addresses an outside client reaches through a node it does not name`,
		};
	}
	// 3. A node address: NodePort on every node (E5, H6).
	const node = Object.values(state.nodes).find(n => n.internalIP === ip);
	if (node) {
		// kube-proxy's health server listens on every node address (service_health.go), over HTTP.
		const checked = protocol === 'TCP' ? healthCheckOwner(state, portNumber) : undefined;
		if (checked) return {kind: 'health', service: checked, node: node.name};
		const listener = nodePortOwner(state, portNumber, protocol);
		if (!listener) {
			// kube-proxy's node-port DNAT comes first (PREROUTING/OUTPUT); what it leaves reaches the
			// node's own sockets, a hostNetwork pod's among them.
			const host = hostNetworkListener(state, node.name, portNumber, protocol);
			if (host) return host;
			return {
				kind: 'fail',
				via: 'NodePort',
				outcome: 'refused',
				reason: `nothing listens on ${ip}:${portNumber}${suffix(protocol)} (no Service has nodePort ${portNumber}${suffix(protocol)}${otherProtocols(state, portNumber, protocol)})`,
			};
		}
		const {service, port} = listener;
		// S91: only traffic that starts on the receiving node itself is short-circuited to every
		// endpoint. Another node's traffic (the sender does not capture a node port of a foreign
		// address: `--dst-type LOCAL`) arrives with that node's IP as source and counts as external.
		const fromOtherNode = sendsAsNode(client) && client.nodeName !== node.name;
		const local = (external || fromOtherNode) && service.spec.externalTrafficPolicy === 'Local';
		return {
			kind: 'service',
			via: 'NodePort',
			service,
			port,
			onlyNode: local ? node.name : null,
			policy: local ? 'externalTrafficPolicy: Local' : null,
			entryNode: node.name,
			external: true,
		};
	}
	// 4. A pod address: straight to the pod, no Service involved.
	const podNode = nodeForPodIP(state, ip);
	if (podNode) {
		const owner = state.ipam.podIPs[podNode]?.used[ip];
		const pod = owner ? getRow(state.pods, owner) : undefined;
		if (external) {
			return {kind: 'fail', via: 'PodIP', outcome: 'timeout', reason: 'pod IPs are not routable from outside the cluster'};
		}
		if (!pod) return {kind: 'fail', via: 'PodIP', outcome: 'timeout', reason: `no running pod has IP ${ip}`};
		// A crashed container's pod keeps its sandbox and IP (C1): its kernel answers, nothing listens.
		if (!pod.containersRunning) return {kind: 'fail', via: 'PodIP', outcome: 'refused', reason: notRunning(pod.name, ip, portNumber)};
		return {kind: 'pod', ip, port: portNumber, pod: pod.name, node: pod.nodeName};
	}
	if (external) return {kind: 'outside', reason: `${ip} is outside the simulated cluster`};
	return {kind: 'fail', via: 'none', outcome: 'timeout', reason: `no route to ${ip}: not a Service, node, load-balancer or pod address`};
}

/**
 * `127.x.x.x:port` from inside the cluster. A pod's loopback is its own: only its containers
 * listen there (their declared ports stand for what they listen on). A node's (and a hostNetwork
 * pod's) reaches the health server, which listens on every address, and in iptables mode the
 * node ports too: kube-proxy sets route_localnet so they are DNATed off the loopback (S90); the
 * IPVS proxier binds them to the node's addresses only, so there nothing listens, and nftables has
 * no route_localnet equivalent, so the nftables proxier does not serve them either (kubernetes/website
 * docs/reference/networking/virtual-ips.md, "Migrating from iptables mode to nftables"; KEP-6032
 * proposes a userspace proxy for it after v1.34).
 */
function loopback(state: State, client: Client, ip: string, portNumber: number, protocol: Protocol): Plan {
	const here = client.nodeName;
	const nothing = (why: string): Failure => ({
		kind: 'fail',
		via: 'none',
		outcome: 'refused',
		reason: `nothing listens on ${ip}:${portNumber}${suffix(protocol)} ${why}`,
	});
	if (!sendsAsNode(client)) {
		const pod = client.namespace === undefined ? undefined : getRow(state.pods, objectKey(client.namespace, client.name));
		const listens = pod?.spec.containers.some(c => c.ports.some(p => p.containerPort === portNumber && p.protocol === protocol)) === true;
		if (pod && listens && pod.containersRunning) return {kind: 'pod', ip, port: portNumber, pod: pod.name, node: pod.nodeName};
		return nothing(`in pod ${client.name}: a pod's loopback is its own, and no container of it listens on port ${portNumber}${suffix(protocol)}`);
	}
	if (here === undefined) return nothing('');
	const checked = protocol === 'TCP' ? healthCheckOwner(state, portNumber) : undefined;
	if (checked) return {kind: 'health', service: checked, node: here};
	const listener = nodePortOwner(state, portNumber, protocol);
	if (listener) {
		if (state.config.proxyMode === 'ipvs') return nothing(`on ${here}: in IPVS mode kube-proxy does not accept node ports on localhost`);
		if (state.config.proxyMode === 'nftables') return nothing(`on ${here}: in nftables mode kube-proxy does not accept node ports on localhost`);
		// Traffic from the node itself: short-circuited to every endpoint, and masqueraded.
		return {kind: 'service', via: 'NodePort', service: listener.service, port: listener.port, onlyNode: null, policy: null, entryNode: here, external: true};
	}
	return hostNetworkListener(state, here, portNumber, protocol, ip) ?? nothing(`on ${here}`);
}

/**
 * A hostNetwork pod on `nodeName` whose container declares `port` for `protocol`: it listens in
 * the node's own network namespace, on every node address and its loopback. The scheduler keeps
 * two such pods apart (scheduler.ts, NodePorts), so the first found is the one.
 */
function hostNetworkListener(state: State, nodeName: string, port: number, protocol: Protocol, ip?: string): Plan | undefined {
	for (const key of eachMember(getRow(state.index.podsByNode, nodeName))) {
		const pod = getRow(state.pods, key);
		if (pod?.spec.hostNetwork !== true || pod.podIP === null) continue;
		if (!pod.spec.containers.some(c => c.ports.some(p => p.containerPort === port && p.protocol === protocol))) continue;
		if (!pod.containersRunning) return {kind: 'fail', via: 'PodIP', outcome: 'refused', reason: notRunning(pod.name, ip ?? pod.podIP, port)};
		return {kind: 'pod', ip: ip ?? pod.podIP, port, pod: pod.name, node: nodeName, hostNetwork: true};
	}
	return undefined;
}

/** The Service port that owns node port `nodePort` for `protocol` (TCP and UDP may share a number). */
function nodePortOwner(state: State, nodePort: number, protocol: Protocol): {service: Service; port: ServicePort} | undefined {
	for (const service of listRows(state.services)) {
		const port = service.spec.ports?.find(p => p.nodePort === nodePort && p.protocol === protocol);
		if (port) return {service, port};
	}
	return undefined;
}

/** `/UDP` after a port, where the protocol is not curl's TCP. */
const suffix = (protocol: Protocol) => (protocol === 'TCP' ? '' : `/${protocol}`);

/** What to try when the number is served under another protocol: the usual slip with DNS's 53/UDP. */
const TRY_FLAG: Readonly<Record<Protocol, string>> = {TCP: 'try without --udp or --sctp', UDP: 'curl is TCP, try --udp', SCTP: 'curl is TCP, try --sctp'};

/** `; kube-dns has it for UDP: curl is TCP, try --udp`: the same node port under another protocol. */
function otherProtocols(state: State, nodePort: number, protocol: Protocol): string {
	for (const other of ['TCP', 'UDP', 'SCTP'] as const) {
		const owner = other === protocol ? undefined : nodePortOwner(state, nodePort, other);
		if (owner) return `; ${owner.service.name} has it for ${other}: ${TRY_FLAG[other]}`;
	}
	return '';
}

function missingPort(service: Service, ip: string, port: number, protocol: Protocol, via: RequestVia): Failure {
	const ports = (service.spec.ports ?? []).map(p => `${p.port}/${p.protocol}`).join(',') || '<none>';
	const other = service.spec.ports?.find(p => p.port === port && p.protocol !== protocol);
	return {
		kind: 'fail',
		via,
		outcome: 'timeout',
		reason: `${service.name} has no port ${port}${suffix(protocol)} on ${ip} (ports: ${ports})${other ? `: ${TRY_FLAG[other.protocol]}` : ''}`,
		service,
	};
}

/** An address that serves one Service port, and the port it serves it on (kube-proxy's Endpoint). */
interface Endpoint {
	address: EndpointAddress;
	port: number;
}

interface Usable {
	ready: Endpoint[];
	terminating: Endpoint[];
}

// Endpoint lists sorted by IP, cached per endpoints object (a new object on every change).
const usableCache = new WeakMap<object, Map<string, Usable>>();

function usable(state: State, service: Service, port: ServicePort): Usable {
	const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
	if (!endpoints) return {ready: [], terminating: []};
	let perPort = usableCache.get(endpoints.addresses);
	if (!perPort) {
		perPort = new Map();
		usableCache.set(endpoints.addresses, perPort);
	}
	const portName = port.name ?? '';
	let lists = perPort.get(portName);
	if (!lists) {
		const serving: Endpoint[] = [];
		for (const address of listRows(endpoints.addresses)) {
			const targetPort = address.ports[portName];
			if (targetPort !== undefined) serving.push({address, port: targetPort});
		}
		serving.sort((a, b) => compareIP(a.address.ip, b.address.ip));
		lists = {
			ready: serving.filter(e => e.address.ready),
			// S84: with no ready endpoint anywhere, serving-and-terminating ones still get traffic.
			terminating: serving.filter(e => e.address.serving && e.address.terminating),
		};
		perPort.set(portName, lists);
	}
	return lists;
}

interface Pick {
	endpoint: Endpoint;
	affinity: boolean;
	how: string;
}

/** One of `candidates` for a new connection; null only when there are none. */
function pick(d: Draft, client: Client, service: Service, port: ServicePort, candidates: Endpoint[], entryNode: string | null): Pick | null {
	const svcPort = `${objectKey(service.namespace, service.name)}|${port.name ?? ''}`;
	const now = d.s.clock;
	if (service.spec.sessionAffinity === 'ClientIP') {
		// E3: the pin holds while connections keep coming within timeoutSeconds of the last one,
		// and ends when that endpoint goes away. Each node's kube-proxy keeps its own table
		// (iptables `recent` lists, IPVS persistence), so an outside client that enters by
		// another node's NodePort is not pinned there (S98).
		const key = `${svcPort}|${client.ip}${entryNode === null ? '' : `|${entryNode}`}`;
		const entry = d.s.affinity[key];
		// The loader always writes the timeout with ClientIP (A10: 10800 s by default).
		const timeoutSeconds = service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800;
		if (entry && now - entry.lastSeen <= timeoutSeconds * 1000) {
			const pinned = candidates.find(e => e.address.ip === entry.ip);
			if (pinned) {
				setAffinity(d, key, {ip: pinned.address.ip, lastSeen: now});
				return {endpoint: pinned, affinity: true, how: 'sessionAffinity: ClientIP'};
			}
		}
		const chosen = choose(d, svcPort, candidates, entryNode);
		if (chosen) setAffinity(d, key, {ip: chosen.endpoint.address.ip, lastSeen: now});
		return chosen;
	}
	return choose(d, svcPort, candidates, entryNode);
}

function choose(d: Draft, svcPort: string, candidates: Endpoint[], entryNode: string | null): Pick | null {
	if (d.s.config.proxyMode === 'ipvs') {
		// E1: IPVS defaults to round robin. Every node's kube-proxy programs its own IPVS virtual
		// server (pkg/proxy/ipvs/proxier.go syncService on the node's kube-ipvs0), so each node's
		// kernel keeps its own rr cursor: connections entering by two nodes rotate independently.
		const key = entryNode === null ? svcPort : `${svcPort}|${entryNode}`;
		const cursor = d.s.roundRobin[key] ?? 0;
		const endpoint = candidates[cursor % candidates.length];
		if (!endpoint) return null;
		setRoundRobin(d, key, cursor + 1);
		return {endpoint, affinity: false, how: `ipvs round robin, ${candidates.length} endpoints`};
	}
	// E1, H9: iptables picks uniformly at random per new connection (statistic --mode random), and
	// nftables the same way (pkg/proxy/nftables/proxier.go: `numgen random mod N vmap`).
	const endpoint = candidates[Math.floor(random(d) * candidates.length)];
	if (!endpoint) return null;
	return {endpoint, affinity: false, how: `${d.s.config.proxyMode} random, 1 of ${candidates.length}`};
}

/** Where one DNS answer (or an IP target) leads: the same for every request of a burst that gets it. */
interface Settled {
	dns: DnsResult | undefined;
	ip: string;
	headless: Service | undefined;
	route: Plan;
	common: Omit<RequestTrace, 'seq' | 'at' | 'via' | 'endpoint' | 'outcome' | 'reason'>;
}

/** What a connection meets after its endpoint is chosen (sendRequests works it out once per burst). */
interface Hop {
	endpoint: NonNullable<RequestTrace['endpoint']>;
	source: RequestSource;
	verdict: HopVerdict | null;
	/** Why the pod refuses it: its container is not running. */
	down: string | null;
	/** The trace (without its number and time) per way the endpoint was chosen. */
	traces: Map<string, Omit<RequestTrace, 'seq' | 'at'>>;
}

export interface RequestsResult {
	requests: RequestTrace[];
	summary: RequestSummary;
}

/** Send `count` connections from `client` to `target` (a name, name:port, ip:port or URL). */
export function sendRequests(d: Draft, client: Client, target: string, count: number, protocol: Protocol = 'TCP'): RequestsResult | {error: string} {
	const parsed = parseTarget(target);
	if ('error' in parsed) return parsed;
	const requests: RequestTrace[] = [];
	const base = protocol === 'TCP' ? {client, target} : {client, target, protocol};
	// Keyed by pod names: prototype-free, so a pod named `constructor` counts from 0 (sim/tables.ts).
	const summary = {total: 0, ok: 0, failed: 0, byPod: emptyTable<number>(), byReason: emptyTable<number>()};
	const push = (trace: Omit<RequestTrace, 'seq' | 'at'>) => {
		// Stamped in place: a burst of 100,000 makes no second copy of each trace.
		const full = trace as RequestTrace;
		full.seq = d.s.requestSeq++;
		full.at = d.s.clock;
		requests.push(full);
		summary.total++;
		if (full.outcome === 'ok') {
			summary.ok++;
			const who = full.endpoint ? (full.endpoint.pod ?? full.endpoint.ip) : (full.resolved ?? target);
			summary.byPod[who] = (summary.byPod[who] ?? 0) + 1;
		} else {
			summary.failed++;
			summary.byReason[full.reason] = (summary.byReason[full.reason] ?? 0) + 1;
		}
	};
	// The route depends only on the destination, which stays put for the whole burst.
	const plans = new Map<string, Plan>();
	// What a connection meets once its endpoint is chosen (the pod's state, the source address
	// after SNAT, the policies' verdict, the outcome) depends on the route, the node it entered by
	// and the endpoint, none of which a burst changes: worked out once per burst, not per request.
	const hops = new Map<Plan, Map<string | null, Map<Endpoint, Hop>>>();
	const hopAfter = (route: Extract<Plan, {kind: 'service'}>, ip: string, entryNode: string | null, chosen: Endpoint): Hop => {
		const byEndpoint = innerMap(innerMap(hops, route), entryNode);
		let hop = byEndpoint.get(chosen);
		if (hop) return hop;
		const {service, port} = route;
		const a = chosen.address;
		const pod = a.podName !== undefined ? getRow(d.s.pods, objectKey(service.namespace, a.podName)) : undefined;
		// S86: no retry. publishNotReadyAddresses lists a pod whose container is down; the
		// connection is DNATed to it anyway and refused there.
		const down = pod !== undefined && !pod.containersRunning ? notRunning(pod.name, a.ip, chosen.port) : null;
		const source = sourceSeen(d.s, client, {service, external: route.external, node: entryNode}, a.ip, a.nodeName);
		// Policies judge the translated connection: the endpoint pod and its targetPort. A node port
		// of another node is translated there, so the client's egress sees that node and port.
		const elsewhere = route.via === 'NodePort' && entryNode !== (client.nodeName ?? null);
		const egressTo = elsewhere ? {ip, port: parsed.port} : null;
		const verdict = hopVerdict(d.s, {
			client,
			egressTo,
			endpoint: {namespace: service.namespace, pod: a.podName ?? null, ip: a.ip, port: chosen.port},
			source,
			protocol: port.protocol,
		});
		hop = {endpoint: {pod: a.podName ?? null, ip: a.ip, port: chosen.port, node: a.nodeName}, source, verdict, down, traces: new Map()};
		byEndpoint.set(chosen, hop);
		return hop;
	};
	// Which ready endpoints a node keeps under spec.trafficDistribution (sim/topology.ts) depends on
	// the route's endpoints and that node alone: worked out once per burst and node.
	const topologies = new Map<Usable, Map<string | null, {candidates: Endpoint[]; note: string}>>();
	const topologyAt = (service: Service, lists: Usable, entryNode: string | null) => {
		const byEntry = innerMap(topologies, lists);
		let kept = byEntry.get(entryNode);
		if (!kept) {
			const distribution = `trafficDistribution: ${service.spec.trafficDistribution}`;
			const {mode, zone, why} = topologyMode(
				d.s,
				service,
				lists.ready.map(e => e.address),
				entryNode,
			);
			kept =
				mode === ''
					? {candidates: lists.ready, note: `, ${distribution} not applied: ${why ?? 'no hints'}`}
					: {
							candidates: lists.ready.filter(e => availableForTopology(d.s, service, e.address, mode, entryNode, zone)),
							note: `, ${distribution}: ${mode === 'PreferSameNode' ? `endpoints on ${entryNode}` : `endpoints in zone ${zone}`}`,
						};
			byEntry.set(entryNode, kept);
		}
		return kept;
	};
	// A lookup that drew no random numbers (anything but a shuffled headless answer) gives the
	// same answer for the whole burst: resolve it once.
	let steadyDns: DnsResult | undefined;
	// The address, route and trace fields that one lookup (or an IP target) led to last time.
	let last: Settled | undefined;
	for (let i = 0; i < count; i++) {
		let ip = parsed.host;
		let dns: DnsResult | undefined;
		let headless: Service | undefined;
		if (!isIP(parsed.host)) {
			if (steadyDns) dns = steadyDns;
			else {
				const rng = d.s.rng;
				dns = resolve(d, client, parsed.host, 'A');
				if (d.s.rng === rng) steadyDns = dns;
			}
		}
		if (dns !== undefined && last?.dns !== dns) {
			if (dns.timedOut) {
				// curl: `Could not resolve host: NAME`, once the resolver has given up.
				push({...base, dns, resolved: null, via: 'none', endpoint: null, outcome: 'nxdomain', reason: describeDnsTimeout(dns.timedOut)});
				continue;
			}
			const a = dns.answers.filter(r => r.type === 'A');
			if (dns.upstream || (a.length === 0 && dns.rcode === 'NOERROR' && dns.answers.some(r => r.type === 'CNAME'))) {
				// E7: an ExternalName (or any outside name) leaves the cluster; the client connects
				// to whatever the outside DNS says, which the simulator does not model.
				const cname = dns.answers.find(r => r.type === 'CNAME');
				push({
					...base,
					dns,
					resolved: null,
					via: cname ? 'ExternalName' : 'none',
					endpoint: null,
					outcome: 'ok',
					reason: cname
						? `CNAME ${cname.data} is outside the cluster: the client connects to whatever it resolves to (not simulated)`
						: `${dns.canonicalName} is outside the cluster (not simulated)`,
				});
				continue;
			}
			const first = a[0];
			if (!first) {
				const reason = dns.cnameStop
					? `no address for ${parsed.host}: ${describeCnameStop(dns.cnameStop)}`
					: `NXDOMAIN: ${parsed.host} not found${dns.resolverNote === undefined ? '' : `; ${dns.resolverNote}`}`;
				push({...base, dns, resolved: null, via: 'none', endpoint: null, outcome: 'nxdomain', reason});
				continue;
			}
			ip = first.data;
			const owner = dns.canonicalName ? serviceOfName(d.s, dns) : undefined;
			if (owner?.spec.clusterIP === 'None') headless = owner;
		}
		if (last?.dns !== dns || last === undefined) {
			const resolved = `${ip}:${parsed.port}`;
			let route = plans.get(resolved);
			if (!route) {
				route = plan(d.s, client, ip, parsed.port, protocol);
				plans.set(resolved, route);
			}
			last = {dns, ip, headless, route, common: dns ? {...base, dns, resolved} : {...base, resolved}};
		}
		({ip, headless} = last);
		const {route, common} = last;
		if (route.kind === 'fail') {
			push({
				...common,
				via: route.via,
				...(route.service ? {service: objectKey(route.service.namespace, route.service.name)} : {}),
				endpoint: null,
				outcome: route.outcome,
				reason: route.reason,
			});
			continue;
		}
		if (route.kind === 'outside') {
			push({...common, via: 'none', endpoint: null, outcome: 'ok', reason: route.reason});
			continue;
		}
		if (route.kind === 'health') {
			const answer = healthCheckAnswer(d.s, route.service, route.node);
			push({
				...common,
				via: 'HealthCheckNodePort',
				service: objectKey(route.service.namespace, route.service.name),
				endpoint: null,
				http: {status: answer.status, body: answer.body},
				outcome: 'ok',
				reason: `kube-proxy health check on ${route.node}: HTTP ${answer.status} ${answer.status === 200 ? 'OK' : 'Service Unavailable'} ${oneLine(answer.body)}`,
			});
			continue;
		}
		if (route.kind === 'pod') {
			// The pod that owns the address (none for loopback or a hostNetwork pod: no policy applies there).
			const owner = d.s.ipam.podIPs[route.node ?? '']?.used[route.ip];
			const namespace = owner === undefined ? '' : owner.slice(0, owner.indexOf('/'));
			const verdict = hopVerdict(d.s, {client, egressTo: null, endpoint: {namespace, pod: route.pod, ip: route.ip, port: route.port}, protocol});
			const reason = headless
				? 'headless: DNS returned pod IPs, no proxy involved'
				: route.hostNetwork
					? `hostNetwork pod ${route.pod} listens on its node's addresses, no proxy involved`
					: 'direct to the pod IP, no proxy involved';
			push({
				...common,
				via: headless ? 'Headless' : 'PodIP',
				...(headless ? {service: objectKey(headless.namespace, headless.name)} : {}),
				endpoint: {pod: route.pod, ip: route.ip, port: route.port, node: route.node},
				// No Service, no proxy rules: the client's own address arrives.
				source: {ip: client.ip},
				...withPolicy(verdict, reason),
			});
			continue;
		}
		const {service, port} = route;
		const svcKey = objectKey(service.namespace, service.name);
		let {entryNode, onlyNode, policy} = route;
		let entered: RequestTrace['entryNode'];
		if (route.enter) {
			const name = chooseEntry(d, route.enter.candidates, service.spec.sessionAffinity === 'ClientIP' ? client.ip : null);
			if (name === null) {
				push({...common, via: route.via, service: svcKey, endpoint: null, outcome: 'timeout', reason: 'the cluster has no node to send the connection to'});
				continue;
			}
			entered = {name, chosenBy: client.via !== undefined ? 'via' : route.enter.how};
			entryNode = name;
			// An outside client is never short-circuited: Local keeps it on the node it entered by (S91).
			if (service.spec.externalTrafficPolicy === 'Local') {
				onlyNode = name;
				policy = 'externalTrafficPolicy: Local';
			}
		}
		const at = entered ? {entryNode: entered} : {};
		const lists = usable(d.s, service, port);
		if (lists.ready.length === 0 && lists.terminating.length === 0) {
			// E2, S88: no usable endpoint ⇒ REJECT ⇒ connection refused at once. The reason never
			// repeats the outcome: views print `connection refused: <reason>`.
			push({...common, via: route.via, service: svcKey, servicePort: port.name, ...at, endpoint: null, outcome: 'refused', reason: 'no ready endpoints'});
			continue;
		}
		// kube-proxy's CategorizeEndpoints: the Cluster policy uses every ready endpoint, else every
		// serving-and-terminating one (S84); a Local policy decides per node: this node's ready
		// endpoints, else this node's serving-and-terminating ones, even while others are ready.
		let candidates = lists.ready.length > 0 ? lists.ready : lists.terminating;
		// Topology (spec.trafficDistribution) narrows the Cluster policy's ready endpoints to this
		// node's zone or the node itself, when the hints allow it (sim/topology.ts); a Local policy
		// has no use for it.
		let topology = '';
		if (!onlyNode && lists.ready.length > 0 && service.spec.trafficDistribution !== undefined) {
			const kept = topologyAt(service, lists, entryNode);
			candidates = kept.candidates;
			topology = kept.note;
		}
		if (onlyNode) {
			const node = onlyNode;
			const localReady = lists.ready.filter(e => e.address.nodeName === node);
			candidates = localReady.length > 0 ? localReady : lists.terminating.filter(e => e.address.nodeName === node);
		}
		const fallback = candidates[0]?.address.ready === false;
		const chosen = candidates.length > 0 ? pick(d, client, service, port, candidates, entryNode) : null;
		if (!chosen) {
			// S89, S91: a Local policy with no endpoint on this node drops the traffic.
			push({
				...common,
				via: route.via,
				service: svcKey,
				servicePort: port.name,
				...at,
				endpoint: null,
				outcome: 'timeout',
				reason: `${policy} and no ready endpoint on ${onlyNode}`,
			});
			continue;
		}
		const hop = hopAfter(route, ip, entryNode, chosen.endpoint);
		// Every connection of the burst that met this hop the same way (same lookup, way in, choice)
		// makes the same trace but for its number: build it once, copy it per request.
		const way = `${chosen.affinity ? 'pinned' : 'picked'} ${chosen.how}`;
		let template = hop.traces.get(way);
		if (template === undefined || template.dns !== dns) {
			const {verdict, down} = hop;
			template = {
				...common,
				via: route.via,
				service: svcKey,
				servicePort: port.name,
				...at,
				endpoint: hop.endpoint,
				...(chosen.affinity ? {affinity: true} : {}),
				source: hop.source,
				...(verdict?.dropped
					? withPolicy(verdict, '')
					: down !== null
						? {outcome: 'refused' as const, reason: down}
						: withPolicy(
								verdict,
								chosen.how +
									topology +
									(policy ? `, ${policy}` : '') +
									(fallback ? `, terminating endpoint (no ready ones ${onlyNode ? `on ${onlyNode}` : 'left'})` : ''),
							)),
			};
			hop.traces.set(way, template);
		}
		push({...template});
	}
	return {requests, summary};
}

/** The map under `key` in `outer`, made empty the first time: the per-burst caches are maps of maps. */
function innerMap<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
	let inner = outer.get(key);
	if (!inner) {
		inner = new Map();
		outer.set(key, inner);
	}
	return inner;
}

/**
 * The outcome under the policies' verdict: a dropped connection times out (policies drop, they do
 * not reject) and says who dropped it; one let through names the rule after `reason`.
 */
function withPolicy(policy: HopVerdict | null, reason: string): {outcome: RequestOutcome; reason: string; networkPolicy?: RequestTrace['networkPolicy']} {
	if (policy === null) return {outcome: 'ok', reason};
	if (policy.dropped !== null) return {networkPolicy: policy.verdict, outcome: 'timeout', reason: policy.dropped};
	return {networkPolicy: policy.verdict, outcome: 'ok', reason: policy.allowed === null ? reason : `${reason}, ${policy.allowed}`};
}

/** The health server's indented JSON on one line of a trace. */
const oneLine = (body: string) => body.replace(/\n\t*/g, ' ').replace(/\{ /g, '{').replace(/ \}/g, '}');

const notRunning = (pod: string, ip: string, port: number) => `pod ${pod} is not running: nothing accepts connections on ${ip}:${port}`;

function serviceOfName(state: State, dns: DnsResult): Service | undefined {
	const m = /^([^.]+)\.([^.]+)\.svc\./.exec(dns.canonicalName ?? '');
	const name = m?.[1];
	const namespace = m?.[2];
	return name !== undefined && namespace !== undefined ? getRow(state.services, objectKey(namespace, name)) : undefined;
}
