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
import {random} from './prng.js';
import type {Service, State} from './types.js';

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
