// How an outside client's connection to a load-balancer or external IP reaches a node. A cloud
// load balancer spreads connections over the nodes whose health check passes; for a Service with
// externalTrafficPolicy: Local that is kube-proxy's healthCheckNodePort (sim/health-check.ts), so
// nodes without a ready local endpoint leave the rotation (kubernetes/website
// tutorials/services/source-ip.md "Source IP for Services with Type=LoadBalancer"). An
// externalIP is routed by the network, which Kubernetes leaves to the admin (docs/semantics.md
// S94); the simulated network sends it to the first node by name.

import type {Draft} from './draft.js';
import {fnv32a} from './hash.js';
import {localReadyEndpoints} from './health-check.js';
import {ipInCIDR} from './ip.js';
import {random} from './prng.js';
import type {Client, Service, State} from './types.js';

/** The legacy form of spec.loadBalancerSourceRanges (pkg/apis/core AnnotationLoadBalancerSourceRangesKey). */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** A firewall's allowed source ranges, and where they were read from (for the trace). */
export interface SourceRanges {
	ranges: string[];
	from: 'loadBalancerSourceRanges' | typeof SOURCE_RANGES_ANNOTATION;
}

const trimmed = (ranges: string[]): string[] => ranges.map(r => r.trim()).filter(r => r !== '');

/**
 * What kube-proxy's firewall chain allows (pkg/proxy/serviceport.go: the spec field only, each
 * entry trimmed); null allows all. The annotation never reaches kube-proxy.
 */
export function proxySourceRanges(service: Service): SourceRanges | null {
	const ranges = trimmed(service.spec.loadBalancerSourceRanges ?? []);
	return ranges.length > 0 ? {ranges, from: 'loadBalancerSourceRanges'} : null;
}

/**
 * What the cloud's own firewall allows (cloud-provider service helpers GetLoadBalancerSourceRanges):
 * the field when it is set, else the annotation's comma-separated list, else everything.
 */
export function cloudSourceRanges(service: Service): SourceRanges | null {
	const field = proxySourceRanges(service);
	if (field) return field;
	const ranges = trimmed((service.annotations[SOURCE_RANGES_ANNOTATION] ?? '').split(','));
	return ranges.length > 0 ? {ranges, from: SOURCE_RANGES_ANNOTATION} : null;
}

/**
 * Why `firewall` drops `client`'s connection, or null when a range holds its address (0.0.0.0/0
 * holds every IPv4 one). Only load-balancer IPs are guarded: node ports and externalIPs never are.
 */
export function sourceRangeDrop(allowed: SourceRanges | null, client: Client, firewall: string): string | null {
	if (allowed === null || allowed.ranges.some(range => ipInCIDR(client.ip, range))) return null;
	return `${firewall} drops ${client.ip}: not in ${allowed.from} ${allowed.ranges.join(',')}`;
}

export type EntryChoice = 'load balancer' | 'route';

/** The nodes `how` may send a connection to, by name; empty only without nodes. */
export function entryCandidates(state: State, service: Service, how: EntryChoice): string[] {
	const names = Object.keys(state.nodes).sort();
	if (how === 'route') return names.slice(0, 1);
	if (service.spec.externalTrafficPolicy !== 'Local') return names;
	const healthy = names.filter(name => localReadyEndpoints(state, service, name) > 0);
	// With every node failing its check, cloud load balancers fail open and use them all.
	return healthy.length > 0 ? healthy : names;
}

/**
 * One of `candidates` for a new connection. The balancer hashes each connection's addresses and
 * ports (seeded here); for sessionAffinity: ClientIP the cloud provider asks it to hash the client
 * address alone (cloud-provider-gcp translateAffinityType: CLIENT_IP), so a client keeps its node
 * and with it the node's affinity table (S98).
 */
export function chooseEntry(d: Draft, candidates: string[], clientIP: string | null): string | null {
	if (candidates.length <= 1) return candidates[0] ?? null;
	if (clientIP !== null) return candidates[fnv32a(clientIP) % candidates.length] ?? null;
	return candidates[Math.floor(random(d) * candidates.length)] ?? null;
}
