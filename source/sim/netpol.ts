// NetworkPolicy verdicts: whether one connection is let through, and which policy and rule decided
// (the semantics of staging/src/k8s.io/api/networking/v1/types.go, the field comments of
// NetworkPolicySpec, NetworkPolicyPeer, NetworkPolicyPort and IPBlock).
//
// - A pod is isolated for a direction when any policy of its namespace selects it and lists that
//   policy type; then a connection is allowed only when some rule of some such policy allows it.
// - Both ends must allow: egress of a client pod, ingress of a server pod. Nodes, hostNetwork pods
//   and outside addresses have no policies of their own.
// - Ingress from the server pod's own node is always allowed ("OR if the traffic source is the
//   pod's local node", NetworkPolicySpec.ingress).
// - ipBlock is matched against the address seen, pods' addresses included: the API says only
//   that the CIDR "is allowed to the pods matched" (IPBlock); plugins differ on pod IPs.
// - A named port is resolved against the destination pod's container ports (name and protocol).
//
// Policies are visited in key order, so the verdict does not depend on the order they were loaded in.

import {formatIPv4, ipInCIDR, parseCIDR} from './ip.js';
import {objectKey} from './keys.js';
import {matchesSelector} from './labels.js';
import {getRow, listKeys} from './rows.js';
import type {
	Client,
	DirectionVerdict,
	NetworkPolicy,
	NetworkPolicyPeer,
	NetworkPolicyPort,
	NetworkPolicyRule,
	Pod,
	PolicyType,
	Protocol,
	RequestSource,
	State,
	PolicyVerdict as Verdict,
} from './types.js';

/** What the verdict reads of a pod (the default client is pod-like without being in the state). */
type PolicyPod = Pick<Pod, 'name' | 'namespace' | 'labels' | 'podIP' | 'nodeName'> & {spec: Pick<Pod['spec'], 'containers'>};

/** One end of a connection: a pod on the pod network, or an address with no policies of its own. */
export type PolicyEnd =
	| {kind: 'pod'; pod: PolicyPod}
	/** A node (its InternalIP or pod bridge), a hostNetwork pod, or an outside client. `node`: the node that address belongs to. */
	| {kind: 'host'; ip: string; node: string | null; label: string};

export interface Connection {
	from: PolicyEnd;
	to: PolicyEnd;
	/** The destination port after translation (a Service's targetPort, not its port). */
	port: number;
	protocol: Protocol;
}

type Direction = DirectionVerdict['direction'];

const sortedCache = new WeakMap<object, NetworkPolicy[]>();

/** Every policy, by key; cached per table (the table is never changed in place). */
function sortedPolicies(state: State): NetworkPolicy[] {
	let sorted = sortedCache.get(state.networkPolicies);
	if (!sorted) {
		const keys = Object.keys(state.networkPolicies).sort();
		sorted = keys.map(key => state.networkPolicies[key] as NetworkPolicy);
		sortedCache.set(state.networkPolicies, sorted);
	}
	return sorted;
}

const typeOf = (direction: Direction): PolicyType => (direction === 'ingress' ? 'Ingress' : 'Egress');

/** The policies that select `pod` for `direction`, in key order (the TUI names them for a pod). */
export function selectingPolicies(state: State, pod: PolicyPod, direction: Direction): NetworkPolicy[] {
	return sortedPolicies(state).filter(
		np => np.namespace === pod.namespace && np.spec.policyTypes.includes(typeOf(direction)) && matchesSelector(pod.labels, np.spec.podSelector),
	);
}

function addressOf(end: PolicyEnd): string | null {
	return end.kind === 'pod' ? end.pod.podIP : end.ip;
}

/** The pods on the pod network that `policy` selects, whatever its policy types, by key (for `check`). */
export function podsSelectedBy(state: State, policy: NetworkPolicy): Pod[] {
	return listKeys(state.pods)
		.sort()
		.map(key => getRow(state.pods, key) as Pod)
		.filter(pod => pod.namespace === policy.namespace && pod.spec.hostNetwork !== true && matchesSelector(pod.labels, policy.spec.podSelector));
}

function peerMatches(state: State, policy: NetworkPolicy, peer: NetworkPolicyPeer, other: PolicyEnd): boolean {
	if (peer.ipBlock) {
		const ip = addressOf(other);
		if (ip === null || !ipInCIDR(ip, peer.ipBlock.cidr)) return false;
		return !peer.ipBlock.except.some(cidr => ipInCIDR(ip, cidr));
	}
	// Pod and namespace selectors select pods only.
	return other.kind === 'pod' && peerSelectsPod(state, policy, peer, other.pod);
}

/** Whether a peer's pod and namespace selectors (not an ipBlock) take in `pod`. */
export function peerSelectsPod(state: State, policy: NetworkPolicy, peer: NetworkPolicyPeer, pod: PolicyPod): boolean {
	if (peer.ipBlock) return false;
	if (peer.namespaceSelector) {
		const ns = Object.hasOwn(state.namespaces, pod.namespace) ? state.namespaces[pod.namespace] : undefined;
		if (!ns || !matchesSelector(ns.labels, peer.namespaceSelector)) return false;
	} else if (pod.namespace !== policy.namespace) {
		return false;
	}
	return peer.podSelector === undefined || matchesSelector(pod.labels, peer.podSelector);
}

function portMatches(rulePort: NetworkPolicyPort, port: number, protocol: Protocol, destination: PolicyEnd): boolean {
	if (rulePort.protocol !== protocol) return false;
	const wanted = rulePort.port;
	if (wanted === undefined) return true;
	if (typeof wanted === 'number') return rulePort.endPort === undefined ? port === wanted : port >= wanted && port <= rulePort.endPort;
	// A named port names a container port of the destination pod; an address has no names.
	if (destination.kind !== 'pod') return false;
	return destination.pod.spec.containers.some(c => c.ports.some(p => p.name === wanted && p.protocol === protocol && p.containerPort === port));
}

function ruleAllows(state: State, policy: NetworkPolicy, rule: NetworkPolicyRule, other: PolicyEnd, connection: Connection): boolean {
	if (rule.ports.length > 0 && !rule.ports.some(p => portMatches(p, connection.port, connection.protocol, connection.to))) return false;
	return rule.peers.length === 0 || rule.peers.some(peer => peerMatches(state, policy, peer, other));
}

function judgeDirection(state: State, pod: PolicyPod, direction: Direction, connection: Connection): DirectionVerdict {
	const base = {direction, pod: objectKey(pod.namespace, pod.name)};
	const policies = selectingPolicies(state, pod, direction);
	const keys = policies.map(np => objectKey(np.namespace, np.name));
	if (policies.length === 0) return {...base, policies: keys, allowed: true};
	const other = direction === 'ingress' ? connection.from : connection.to;
	if (direction === 'ingress' && other.kind === 'host' && other.node !== null && other.node === pod.nodeName) {
		return {...base, policies: keys, allowed: true, localNode: true};
	}
	for (const policy of policies) {
		const rules = direction === 'ingress' ? policy.spec.ingress : policy.spec.egress;
		const index = rules.findIndex(rule => ruleAllows(state, policy, rule, other, connection));
		if (index !== -1) return {...base, policies: keys, allowed: true, rule: {policy: objectKey(policy.namespace, policy.name), index}};
	}
	return {...base, policies: keys, allowed: false};
}

/** The verdict on one connection: the client pod's egress first, then the server pod's ingress. */
export function judge(state: State, connection: Connection): Verdict {
	return judgeHops(state, connection, connection);
}

/**
 * The verdict when the two ends see the connection differently: the client's egress as it leaves
 * (`egress`: before another node's DNAT), the server's ingress as it arrives (`ingress`: after
 * DNAT and SNAT).
 */
function judgeHops(state: State, egress: Connection, ingress: Connection): Verdict {
	const verdict: Verdict = {allowed: true};
	if (egress.from.kind === 'pod') {
		verdict.egress = judgeDirection(state, egress.from.pod, 'egress', egress);
		if (!verdict.egress.allowed) verdict.allowed = false;
	}
	if (ingress.to.kind === 'pod') {
		verdict.ingress = judgeDirection(state, ingress.to.pod, 'ingress', ingress);
		if (!verdict.ingress.allowed) verdict.allowed = false;
	}
	return verdict;
}

/** Whether any policy exists: without one, nothing is isolated and no verdict is worth recording. */
const hasPolicies = (state: State): boolean => sortedPolicies(state).length > 0;

/** `pod/curl in default`, `node/node-1 (192.168.49.2)`, `203.0.113.9`. */
function describeEnd(end: PolicyEnd): string {
	return end.kind === 'pod' ? `pod/${end.pod.name} in ${end.pod.namespace}` : end.label;
}

/**
 * Why a connection was dropped, for the trace: `dropped by NetworkPolicy shop/default-deny
 * (ingress of pod api-7d9f-x2k, no rule allows from pod/curl in default on port 8080/TCP)`;
 * null when it was let through.
 */
export function droppedReason(verdict: Verdict, egress: Connection, ingress: Connection = egress): string | null {
	const denied = verdict.egress?.allowed === false ? verdict.egress : verdict.ingress?.allowed === false ? verdict.ingress : undefined;
	if (!denied) return null;
	const connection = denied.direction === 'egress' ? egress : ingress;
	const which = denied.policies.length === 1 ? `NetworkPolicy ${denied.policies[0]}` : `NetworkPolicies ${denied.policies.join(', ')}`;
	const pod = denied.pod.slice(denied.pod.indexOf('/') + 1);
	const peer = denied.direction === 'ingress' ? `from ${describeEnd(connection.from)}` : `to ${describeEnd(connection.to)}`;
	return `dropped by ${which} (${denied.direction} of pod ${pod}, no rule allows ${peer} on port ${connection.port}/${connection.protocol})`;
}

/** What let it through, for the trace: `egress allowed by default/allow-dns spec.egress[0]; ingress not isolated`; null when no pod was isolated. */
export function allowedReason(verdict: Verdict): string | null {
	const parts: string[] = [];
	for (const v of [verdict.egress, verdict.ingress]) {
		if (!v || v.policies.length === 0) continue;
		if (v.localNode) parts.push(`${v.direction} from the pod's own node (always allowed)`);
		else if (v.rule) parts.push(`${v.direction} allowed by NetworkPolicy ${v.rule.policy} spec.${v.direction}[${v.rule.index}]`);
	}
	return parts.length === 0 ? null : parts.join(', ');
}

/** The default client stands for `kubectl run curl`, whose pod kubectl labels `run=curl`. */
const DEFAULT_CLIENT_LABELS = {run: 'curl'};

/** A node's address (InternalIP, or its pod bridge as SNAT writes it towards its own pods). */
function hostEnd(state: State, ip: string, fallback: string): PolicyEnd {
	for (const node of Object.values(state.nodes)) {
		const cidr = parseCIDR(node.podCIDR);
		const bridge = cidr ? formatIPv4(cidr.base + 1) : null;
		if (node.internalIP === ip || bridge === ip) return {kind: 'host', ip, node: node.name, label: `node/${node.name} (${ip})`};
	}
	return {kind: 'host', ip, node: null, label: fallback};
}

/** The client as the policies see it: a pod on the pod network, or an address. */
function clientEnd(state: State, client: Client): PolicyEnd {
	if (client.kind === 'pod' && client.hostNetwork !== true) {
		const namespace = client.namespace ?? 'default';
		const pod = getRow(state.pods, objectKey(namespace, client.name));
		if (pod) return {kind: 'pod', pod};
		const spec = {containers: []};
		return {kind: 'pod', pod: {name: client.name, namespace, labels: DEFAULT_CLIENT_LABELS, podIP: client.ip, nodeName: client.nodeName ?? null, spec}};
	}
	if (client.kind === 'external') return {kind: 'host', ip: client.ip, node: null, label: `${client.name} (${client.ip})`};
	return hostEnd(state, client.ip, client.ip);
}

/** A connection through the Service data path (or straight to a pod), as each end sees it. */
export interface Hop {
	client: Client;
	/** Where the client's packets go as they leave its node, when no rule on that node translated them (another node's node port); null: the endpoint. */
	egressTo: {ip: string; port: number} | null;
	endpoint: {namespace: string; pod: string | null; ip: string; port: number};
	/** The source the endpoint saw (after SNAT); absent: the client's own address. */
	source?: RequestSource;
	protocol: Protocol;
}

export interface HopVerdict {
	verdict: Verdict;
	/** The trace's reason when dropped; null when let through. */
	dropped: string | null;
	/** What let it through, when an end was isolated. */
	allowed: string | null;
}

/** The policies' verdict on one hop; null when no policy exists or neither end is a pod on the pod network. */
export function hopVerdict(state: State, hop: Hop): HopVerdict | null {
	if (!hasPolicies(state)) return null;
	const client = clientEnd(state, hop.client);
	const pod = hop.endpoint.pod === null ? undefined : getRow(state.pods, objectKey(hop.endpoint.namespace, hop.endpoint.pod));
	const server: PolicyEnd = pod && pod.spec.hostNetwork !== true ? {kind: 'pod', pod} : hostEnd(state, hop.endpoint.ip, hop.endpoint.ip);
	if (client.kind !== 'pod' && server.kind !== 'pod') return null;
	const egressTo = hop.egressTo === null ? null : hostEnd(state, hop.egressTo.ip, hop.egressTo.ip);
	const egress: Connection = {from: client, to: egressTo ?? server, port: hop.egressTo?.port ?? hop.endpoint.port, protocol: hop.protocol};
	const seen = hop.source === undefined || hop.source.ip === hop.client.ip ? client : hostEnd(state, hop.source.ip, hop.source.ip);
	const ingress: Connection = {from: seen, to: server, port: hop.endpoint.port, protocol: hop.protocol};
	const verdict = judgeHops(state, egress, ingress);
	return {verdict, dropped: droppedReason(verdict, egress, ingress), allowed: allowedReason(verdict)};
}
