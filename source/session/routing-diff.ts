// The routing diff (issue 13): which (client, Service port, address kind) pairs answer
// differently in two clusters booted from two sets of files with the same seed. Every probe goes
// through the simulator's own request path (the requestSent step `curl` runs), on each side's
// settled state; nothing here decides where a connection goes.
//
// One PRNG stream serves every allocation (sim/prng.ts), so a change to one object can move the
// random ClusterIPs, node ports and pod name suffixes allocated after it. Probes are therefore
// keyed by what they are (Service, port, address kind, node), not by address, and the pods that
// answer are compared by the workload that owns them, not by name. An address is part of the
// comparison only where the files pin it (a nodePort or clusterIP written in a manifest or dump).

import {usesClusterDns} from '../sim/dns.js';
import type {ClusterInput, Labels, Pod, Protocol, RequestOutcome, RequestTrace, Service, ServicePort, State, Workload} from '../sim/index.js';
import {getRow, listKeys, listRows, step, workloadKey} from '../sim/index.js';
import {matchesLabels} from '../sim/labels.js';

/** One side of the diff: the settled state, and the input it was booted from (what the files pin). */
export interface DiffSide {
	state: State;
	input?: ClusterInput;
}

type AddressKind = 'dns' | 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP';

interface ProbeClient {
	/** Stable across both sides: `pod -n NS`, `node/NAME`, `external/NAME`. */
	id: string;
	kind: 'pod' | 'node' | 'external';
	name: string;
	namespace?: string;
}

interface ProbeTarget {
	/** Stable across both sides: Service, port, kind, and the node or address that tells it apart. */
	id: string;
	service: string;
	port: number;
	protocol: Protocol;
	kind: AddressKind;
	node?: string;
}

/** Pods answering one probe, grouped by the workload that owns them and the port they got it on. */
interface Answer {
	/** `deployment/web`, `statefulset/db`, `pod/NAME` (bare), `ip/ADDRESS` (an Endpoints entry without a pod). */
	by: string;
	port: number;
	pods: number;
}

export interface ProbeResult {
	/** What the client connected to; null when the Service has no such address on this side. */
	address: string | null;
	/** Each outcome the burst ended in, sorted; `absent` when there was no address to try. */
	outcomes: Array<RequestOutcome | 'absent'>;
	answers: Answer[];
	/** The first failure's reason, as the trace gives it. */
	reason?: string;
}

export interface PairChange {
	/** The client's stable id (sorted by), and who it is: `pod/NAME -n NS` (before's pod, then after's if another). */
	client: string;
	clientLabel: string;
	/** The target's stable id (sorted by), and how it reads: `NS/NAME:PORT (KIND)`. */
	target: string;
	targetLabel: string;
	kind: AddressKind;
	before: ProbeResult;
	after: ProbeResult;
	why: string[];
}

export interface RoutingDiff {
	/** Service ports (`ns/name:port/PROTO`) that exist on one side only. */
	onlyBefore: string[];
	onlyAfter: string[];
	/** Clients that exist on one side only (a namespace with no ready pod, a node gone). */
	clientsOnlyBefore: string[];
	clientsOnlyAfter: string[];
	changes: PairChange[];
}

/** Requests per endpoint in a probe's burst: with a uniform pick, missing one of n endpoints in
 *  16n draws has odds of about e^-16 (iptables mode, sim/proxy.ts choose). */
const REQUESTS_PER_ENDPOINT = 16;
const MAX_BURST = 4096;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const serviceKey = (s: Pick<Service, 'namespace' | 'name'>) => `${s.namespace}/${s.name}`;

/** A pod that can send: running, with an address, not on its way out. */
const canSend = (pod: Pod) => pod.ready && pod.containersRunning && pod.podIP !== null && pod.nodeName !== null && pod.deletionTimestamp === null;

/**
 * One pod per namespace (the first ready pod that asks the cluster DNS, by name, else the first
 * ready one; preferring one that is ready on both sides so
 * the same pod asks), every node, and the outside clients the Cluster document names (or the
 * simulator's default one).
 */
function clientsOf(
	before: State,
	after: State,
): {both: Array<{client: ProbeClient; before: string; after: string}>; onlyBefore: string[]; onlyAfter: string[]} {
	const both: Array<{client: ProbeClient; before: string; after: string}> = [];
	const onlyBefore: string[] = [];
	const onlyAfter: string[] = [];
	const readyByNamespace = (state: State) => {
		const out = new Map<string, string[]>();
		for (const pod of listRows(state.pods)) {
			if (!canSend(pod)) continue;
			const list = out.get(pod.namespace) ?? [];
			list.push(pod.name);
			out.set(pod.namespace, list);
		}
		// A pod as most are: one that asks the cluster DNS first (CoreDNS's own pods and hostNetwork
		// ones ask their node's resolver, docs/semantics.md F7), then by name.
		const typical = (name: string, namespace: string) => {
			const pod = getRow(state.pods, `${namespace}/${name}`);
			return pod !== undefined && usesClusterDns(pod.spec) ? 0 : 1;
		};
		for (const [namespace, list] of out) list.sort((x, y) => typical(x, namespace) - typical(y, namespace) || byName(x, y));
		return out;
	};
	const b = readyByNamespace(before);
	const a = readyByNamespace(after);
	for (const namespace of [...new Set([...b.keys(), ...a.keys()])].sort(byName)) {
		const id = `pod -n ${namespace}`;
		const bs = b.get(namespace);
		const as = a.get(namespace);
		if (!bs || !as) {
			(bs ? onlyBefore : onlyAfter).push(id);
			continue;
		}
		const shared = bs.find(name => as.includes(name));
		const pb = shared ?? (bs[0] as string);
		const pa = shared ?? (as[0] as string);
		both.push({client: {id, kind: 'pod', name: pb, namespace}, before: pb, after: pa});
	}
	const named = (kind: 'node' | 'external', names: (s: State) => string[]) => {
		const nb = new Set(names(before));
		const na = new Set(names(after));
		for (const name of [...new Set([...nb, ...na])].sort(byName)) {
			const id = `${kind}/${name}`;
			if (nb.has(name) && na.has(name)) both.push({client: {id, kind, name}, before: name, after: name});
			else (nb.has(name) ? onlyBefore : onlyAfter).push(id);
		}
	};
	named('node', s => Object.keys(s.nodes));
	named('external', s => s.config.externalClients.map(c => c.name));
	return {both, onlyBefore, onlyAfter};
}

/** A Service port as probes name it: `80` for curl's TCP, `53/UDP` otherwise (`curl --udp`). */
const portText = (port: number, protocol: Protocol) => (protocol === 'TCP' ? String(port) : `${port}/${protocol}`);

/** The port of `service` a probe aims at: the same number and protocol. */
const portOf = (service: Service, target: Pick<ProbeTarget, 'port' | 'protocol'>) =>
	service.spec.ports?.find(p => p.port === target.port && p.protocol === target.protocol);

/** The probes of one Service port: its DNS name, its ClusterIP, a node port on every node, its
 *  load-balancer and external IPs; UDP and SCTP ports as `curl --udp` / `--sctp` reach them. */
function targetsOf(state: State, service: Service, port: ServicePort): ProbeTarget[] {
	const svc = serviceKey(service);
	const base = {service: svc, port: port.port, protocol: port.protocol};
	const at = `${svc}:${portText(port.port, port.protocol)}`;
	const out: ProbeTarget[] = [{...base, id: `${at} dns`, kind: 'dns'}];
	if (service.spec.type === 'ExternalName') return out;
	if (service.spec.clusterIP !== undefined && service.spec.clusterIP !== 'None') out.push({...base, id: `${at} ClusterIP`, kind: 'ClusterIP'});
	if (port.nodePort !== undefined) {
		for (const node of Object.keys(state.nodes).sort(byName)) out.push({...base, id: `${at} NodePort ${node}`, kind: 'NodePort', node});
	}
	(service.status.loadBalancer.ingress ?? []).forEach((_, i) => {
		out.push({...base, id: `${at} LoadBalancer ${i}`, kind: 'LoadBalancer', node: String(i)});
	});
	for (const ip of service.spec.externalIPs ?? []) out.push({...base, id: `${at} ExternalIP ${ip}`, kind: 'ExternalIP', node: ip});
	return out;
}

/** Where a target is on one side (null: the Service has no such address there). */
function addressOf(state: State, target: ProbeTarget): string | null {
	const service = getRow(state.services, target.service);
	const port = service ? portOf(service, target) : undefined;
	if (!service || !port) return null;
	switch (target.kind) {
		case 'dns':
			return `${service.name}.${service.namespace}.svc.${state.config.clusterDomain}:${port.port}`;
		case 'ClusterIP':
			return service.spec.clusterIP && service.spec.clusterIP !== 'None' ? `${service.spec.clusterIP}:${port.port}` : null;
		case 'NodePort': {
			const node = state.nodes[target.node ?? ''];
			return node && port.nodePort !== undefined ? `${node.internalIP}:${port.nodePort}` : null;
		}
		case 'LoadBalancer': {
			const ingress = service.status.loadBalancer.ingress?.[Number(target.node)];
			return ingress ? `${ingress.ip}:${port.port}` : null;
		}
		case 'ExternalIP':
			return service.spec.externalIPs?.includes(target.node ?? '') ? `${target.node}:${port.port}` : null;
	}
}

/** The workload a pod answers for: its controller, and a Deployment above a ReplicaSet. */
function ownerOf(state: State, namespace: string, podName: string | null, ip: string): string {
	if (podName === null) return `ip/${ip}`;
	const pod = getRow(state.pods, `${namespace}/${podName}`);
	if (!pod?.owner) return `pod/${podName}`;
	const workload: Workload | undefined = getRow(state.workloads, workloadKey(pod.owner.kind, namespace, pod.owner.name));
	if (workload?.owner) return `deployment/${workload.owner.name}`;
	return `${pod.owner.kind.toLowerCase()}/${pod.owner.name}`;
}

function probe(state: State, client: ProbeClient, clientName: string, target: ProbeTarget): ProbeResult {
	const address = addressOf(state, target);
	if (address === null) return {address, outcomes: ['absent'], answers: []};
	const [namespace] = target.service.split('/') as [string];
	const endpoints = getRow(state.endpoints, target.service);
	const size = endpoints ? listKeys(endpoints.addresses).length : 0;
	const count = Math.min(MAX_BURST, Math.max(1, REQUESTS_PER_ENDPOINT * size));
	const from =
		client.kind === 'pod' ? {kind: 'pod' as const, name: clientName, namespace: client.namespace ?? 'default'} : {kind: client.kind, name: clientName};
	const protocol = target.protocol === 'TCP' ? {} : {protocol: target.protocol};
	const {result} = step(state, {type: 'requestSent', target: address, from, count, ...protocol});
	if (result.kind !== 'requests') return {address, outcomes: ['error'], answers: [], reason: result.kind === 'error' ? result.message : result.kind};
	return summarise(state, namespace, address, result.requests);
}

function summarise(state: State, namespace: string, address: string, requests: RequestTrace[]): ProbeResult {
	const outcomes = new Set<RequestOutcome>();
	const pods = new Map<string, Set<string>>();
	let reason: string | undefined;
	for (const r of requests) {
		outcomes.add(r.outcome);
		if (r.outcome !== 'ok') {
			reason ??= r.reason;
			continue;
		}
		if (!r.endpoint) continue;
		const key = `${ownerOf(state, namespace, r.endpoint.pod, r.endpoint.ip)}\u0000${r.endpoint.port}`;
		const set = pods.get(key) ?? new Set<string>();
		set.add(r.endpoint.pod ?? r.endpoint.ip);
		pods.set(key, set);
	}
	const answers = [...pods]
		.map(([key, set]) => {
			const [by, port] = key.split('\u0000') as [string, string];
			return {by, port: Number(port), pods: set.size};
		})
		.sort((x, y) => byName(x.by, y.by) || x.port - y.port);
	return {address, outcomes: [...outcomes].sort(byName), answers, ...(reason === undefined ? {} : {reason})};
}

/** Where the files pin a Service port's address: its nodePort, its clusterIP. */
function pinned(input: ClusterInput | undefined, target: ProbeTarget): boolean {
	const service = input?.services.find(s => `${s.meta.namespace}/${s.meta.name}` === target.service);
	if (!service) return false;
	if (target.kind === 'NodePort') return service.spec.ports?.find(p => p.port === target.port)?.nodePort !== undefined;
	if (target.kind === 'ClusterIP') return service.spec.clusterIP !== undefined;
	return target.kind === 'dns' || target.kind === 'ExternalIP';
}

/** Same routing: the same outcomes, answered by the same workloads on the same ports (pod counts
 *  and names may differ), at the same address where the files pin it. */
function same(b: ProbeResult, a: ProbeResult, compareAddress: boolean): boolean {
	if (compareAddress && b.address !== a.address) return false;
	if (b.outcomes.join() !== a.outcomes.join()) return false;
	const shape = (r: ProbeResult) => r.answers.map(x => `${x.by}:${x.port}`).join();
	return shape(b) === shape(a);
}

/** `services`: only these (`ns/name`) are probed, as after an apply that changed them alone. */
export function routingDiff(before: DiffSide, after: DiffSide, options: {services?: ReadonlySet<string>} = {}): RoutingDiff {
	const clients = clientsOf(before.state, after.state);
	const portsOf = (state: State) => {
		const out = new Map<string, {service: Service; port: ServicePort}>();
		for (const service of listRows(state.services)) {
			if (options.services && !options.services.has(serviceKey(service))) continue;
			for (const port of service.spec.ports ?? []) out.set(`${serviceKey(service)}:${port.port}/${port.protocol}`, {service, port});
		}
		return out;
	};
	const pb = portsOf(before.state);
	const pa = portsOf(after.state);
	const onlyBefore = [...pb.keys()].filter(k => !pa.has(k)).sort(byName);
	const onlyAfter = [...pa.keys()].filter(k => !pb.has(k)).sort(byName);
	const targets = new Map<string, ProbeTarget>();
	for (const [key, {service, port}] of pb) if (pa.has(key)) for (const t of targetsOf(before.state, service, port)) targets.set(t.id, t);
	for (const [key, {service, port}] of pa) if (pb.has(key)) for (const t of targetsOf(after.state, service, port)) targets.set(t.id, t);
	const changes: PairChange[] = [];
	for (const {client, before: nameBefore, after: nameAfter} of clients.both) {
		for (const target of targets.values()) {
			const b = probe(before.state, client, nameBefore, target);
			const a = probe(after.state, client, nameAfter, target);
			const compareAddress = target.kind !== 'dns' && (pinned(before.input, target) || pinned(after.input, target));
			if (same(b, a, compareAddress)) continue;
			changes.push({
				client: client.id,
				clientLabel: clientLabel(client, nameBefore, nameAfter),
				target: target.id,
				targetLabel: targetLabel(target),
				kind: target.kind,
				before: b,
				after: a,
				why: whyChanged(before.state, after.state, target),
			});
		}
	}
	changes.sort((x, y) => byName(x.client, y.client) || byName(x.target, y.target));
	return {onlyBefore, onlyAfter, clientsOnlyBefore: clients.onlyBefore, clientsOnlyAfter: clients.onlyAfter, changes};
}

function clientLabel(client: ProbeClient, before: string, after: string): string {
	if (client.kind !== 'pod') return client.id;
	return `pod/${before}${before === after ? '' : ` (after: pod/${after})`} -n ${client.namespace}`;
}

function targetLabel(target: ProbeTarget): string {
	const where = target.kind === 'NodePort' ? ` on ${target.node}` : target.kind === 'ExternalIP' ? ` ${target.node}` : '';
	return `${target.service}:${portText(target.port, target.protocol)} (${target.kind}${where})`;
}

const selectorText = (selector: Labels | undefined) =>
	selector === undefined
		? '<none>'
		: Object.entries(selector)
				.map(([k, v]) => `${k}=${v}`)
				.join(',');

const podsMatching = (state: State, namespace: string, selector: Labels | undefined) =>
	selector === undefined
		? []
		: listRows(state.pods).filter(p => p.namespace === namespace && p.deletionTimestamp === null && matchesLabels(p.labels, selector));

/** Whether a pod's containers declare a targetPort for `protocol`: a number by containerPort, a name by port name. */
const declares = (pod: Pod, targetPort: number | string, protocol: Protocol) =>
	pod.spec.containers.some(c =>
		c.ports.some(p => p.protocol === protocol && (typeof targetPort === 'number' ? p.containerPort === targetPort : p.name === targetPort)),
	);

/** Why a Service port routes differently, from what changed between the two states' objects. */
function whyChanged(before: State, after: State, target: ProbeTarget): string[] {
	const sb = getRow(before.services, target.service);
	const sa = getRow(after.services, target.service);
	if (!sb || !sa) return [];
	const why: string[] = [];
	const [namespace] = target.service.split('/') as [string];
	if (sb.spec.type !== sa.spec.type) {
		const gained = (t: Service['spec']['type']) => ({ClusterIP: 0, NodePort: 1, LoadBalancer: 2, ExternalName: -1})[t];
		why.push(`type ${sb.spec.type} → ${sa.spec.type}${gained(sa.spec.type) > gained(sb.spec.type) ? ': new address kind' : ': address kind removed'}`);
	}
	const portB = portOf(sb, target);
	const portA = portOf(sa, target);
	const selB = selectorText(sb.spec.selector);
	const selA = selectorText(sa.spec.selector);
	const matchedB = podsMatching(before, namespace, sb.spec.selector);
	const matchedA = podsMatching(after, namespace, sa.spec.selector);
	if (selB !== selA) why.push(`selector ${selB} → ${selA}: now matches ${matchedA.length} pods (was ${matchedB.length})`);
	else if (sa.spec.selector !== undefined && matchedA.length !== matchedB.length) {
		why.push(`selector ${selA} now matches ${matchedA.length} pods (was ${matchedB.length})`);
	}
	// Workloads whose pods the selector matched before: scaled to 0, or their template lost the labels.
	if (sb.spec.selector !== undefined && selB === selA) {
		const owners = new Set(matchedB.map(p => ownerOf(before, namespace, p.name, '')));
		for (const owner of [...owners].sort(byName)) {
			const workload = topWorkload(after, namespace, owner);
			if (!workload) continue;
			if (workload.replicas === 0) why.push(`${owner} scaled to 0`);
			else if (sa.spec.selector !== undefined && !matchesLabels(workload.template.labels, sa.spec.selector)) {
				why.push(`${owner}'s pod template no longer has ${selA}`);
			}
		}
	}
	if (portB && portA) {
		if (String(portB.targetPort) !== String(portA.targetPort)) why.push(`targetPort ${portB.targetPort} → ${portA.targetPort}`);
		if (matchedA.length > 0 && !matchedA.some(p => declares(p, portA.targetPort, portA.protocol))) {
			why.push(`targetPort ${portA.targetPort} not declared by ${selA} pods`);
		}
		if (target.kind === 'NodePort' && portB.nodePort !== undefined && portA.nodePort !== undefined && portB.nodePort !== portA.nodePort) {
			why.push(`nodePort ${portB.nodePort} moved to ${portA.nodePort}`);
		}
	}
	if (target.kind === 'ClusterIP' && sb.spec.clusterIP !== sa.spec.clusterIP) why.push(`clusterIP ${sb.spec.clusterIP} → ${sa.spec.clusterIP}`);
	// A policy that appears with the type is the API server's default (A11), not a change of its own.
	for (const field of ['externalTrafficPolicy', 'internalTrafficPolicy'] as const) {
		const [b, a] = [sb.spec[field], sa.spec[field]];
		if (b !== undefined && a !== undefined && b !== a) why.push(`${field} ${b} → ${a}`);
	}
	return why;
}

/** The workload named `kind/name` (as ownerOf writes it) on a side, if it still exists. */
function topWorkload(state: State, namespace: string, owner: string): Workload | undefined {
	const [kind, name] = owner.split('/') as [string, string];
	const kinds: Record<string, Workload['kind']> = {
		deployment: 'Deployment',
		replicaset: 'ReplicaSet',
		replicationcontroller: 'ReplicationController',
		statefulset: 'StatefulSet',
	};
	const k = kinds[kind];
	return k === undefined ? undefined : getRow(state.workloads, workloadKey(k, namespace, name));
}
