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

import {ipInCIDR} from './ip.js';
import {objectKey} from './keys.js';
import {matchesSelector} from './labels.js';
import type {NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, Pod, PolicyType, Protocol, State} from './types.js';

/** One end of a connection: a pod on the pod network, or an address with no policies of its own. */
export type PolicyEnd =
	| {kind: 'pod'; pod: Pod}
	/** A node (its InternalIP or pod bridge), a hostNetwork pod, or an outside client. `node`: the node that address belongs to. */
	| {kind: 'host'; ip: string; node: string | null; label: string};

export interface Connection {
	from: PolicyEnd;
	to: PolicyEnd;
	/** The destination port after translation (a Service's targetPort, not its port). */
	port: number;
	protocol: Protocol;
}

type Direction = 'ingress' | 'egress';

/** One direction at one pod: who selects it, and what let the connection through. */
interface DirectionVerdict {
	direction: Direction;
	/** `ns/name` of the pod judged. */
	pod: string;
	/** `ns/name` of every policy selecting the pod for this direction, sorted; empty: not isolated. */
	policies: string[];
	allowed: boolean;
	/** The first rule that allowed it: `ns/name` and the index in spec.ingress / spec.egress. */
	rule?: {policy: string; index: number};
	/** Ingress from the pod's own node, which policies never block. */
	localNode?: true;
}

export interface Verdict {
	allowed: boolean;
	egress?: DirectionVerdict;
	ingress?: DirectionVerdict;
}

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

/** The policies that select `pod` for `direction`, in key order. */
function selectingPolicies(state: State, pod: Pod, direction: Direction): NetworkPolicy[] {
	return sortedPolicies(state).filter(
		np => np.namespace === pod.namespace && np.spec.policyTypes.includes(typeOf(direction)) && matchesSelector(pod.labels, np.spec.podSelector),
	);
}

function addressOf(end: PolicyEnd): string | null {
	return end.kind === 'pod' ? end.pod.podIP : end.ip;
}

function peerMatches(state: State, policy: NetworkPolicy, peer: NetworkPolicyPeer, other: PolicyEnd): boolean {
	if (peer.ipBlock) {
		const ip = addressOf(other);
		if (ip === null || !ipInCIDR(ip, peer.ipBlock.cidr)) return false;
		return !peer.ipBlock.except.some(cidr => ipInCIDR(ip, cidr));
	}
	// Pod and namespace selectors select pods only.
	if (other.kind !== 'pod') return false;
	const pod = other.pod;
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

function judgeDirection(state: State, pod: Pod, direction: Direction, connection: Connection): DirectionVerdict {
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
	const verdict: Verdict = {allowed: true};
	if (connection.from.kind === 'pod') {
		verdict.egress = judgeDirection(state, connection.from.pod, 'egress', connection);
		if (!verdict.egress.allowed) verdict.allowed = false;
	}
	if (connection.to.kind === 'pod') {
		verdict.ingress = judgeDirection(state, connection.to.pod, 'ingress', connection);
		if (!verdict.ingress.allowed) verdict.allowed = false;
	}
	return verdict;
}

/** `pod/curl in default`, `node/node-1 (192.168.49.2)`, `203.0.113.9`. */
function describeEnd(end: PolicyEnd): string {
	return end.kind === 'pod' ? `pod/${end.pod.name} in ${end.pod.namespace}` : end.label;
}

/**
 * Why a connection was dropped, for the trace: `dropped by NetworkPolicy shop/default-deny
 * (ingress of pod api-7d9f-x2k, no rule allows from pod/curl in default on port 8080/TCP)`;
 * null when it was let through.
 */
export function droppedReason(verdict: Verdict, connection: Connection): string | null {
	const denied = verdict.egress?.allowed === false ? verdict.egress : verdict.ingress?.allowed === false ? verdict.ingress : undefined;
	if (!denied) return null;
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
