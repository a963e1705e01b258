// The node IPAM controller's range allocator (kube-controller-manager
// pkg/controller/nodeipam/ipam/range_allocator.go over cidrset/cidr_set.go): a node that comes
// without spec.podCIDR gets the next free /24 of the cluster's pod CIDR. Blocks a node already
// holds are occupied first, and so is every block overlapping the service CIDR
// (filterOutServiceRange), so no pod can get a ClusterIP. Past the last free block AllocateNext
// fails and the node gets none (the caller records CIDRNotAvailable).
//
// cidrset.Occupy accepts a block that is already in use, so a real cluster takes two nodes with
// the same podCIDR and lets their pods share addresses; the simulator cannot give two pods one IP,
// so it refuses explicit podCIDRs that overlap each other or the service CIDR (refusedPodCIDRs).

import {type Cidr, configCIDR, formatCIDR, parseCIDR} from './ip.js';
import type {InitError} from './types.js';

/** Where a node's own podCIDR was written: a Node document, or item `index` of the Cluster config's `nodes`. */
type PodCIDRSource = {kind: 'Node'} | {kind: 'Cluster'; index: number};

export interface ExplicitPodCIDR {
	node: string;
	podCIDR: string;
	source: PodCIDRSource;
}

const overlaps = (a: Cidr, b: Cidr): boolean => a.base < b.base + b.size && b.base < a.base + a.size;

function refusal(claim: ExplicitPodCIDR, why: string): InitError {
	const detail = `Invalid value: ${JSON.stringify(claim.podCIDR)}: ${why}`;
	if (claim.source.kind === 'Node') {
		return {kind: 'Node', namespace: '', name: claim.node, field: 'spec.podCIDR', path: ['spec', 'podCIDR'], detail};
	}
	const {index} = claim.source;
	return {kind: 'Cluster', namespace: '', name: '', field: `nodes[${index}].podCIDR`, path: ['nodes', index, 'podCIDR'], detail};
}

/**
 * Explicit podCIDRs the simulator cannot run: one overlapping another node's (the one written
 * later is refused, naming a block it overlaps) or overlapping the service CIDR. IPv6 blocks (a Node
 * document may hold one) share nothing with the IPv4 ranges. In input order; O(n log n).
 */
export function refusedPodCIDRs(claims: ExplicitPodCIDR[], serviceCIDR: string): InitError[] {
	const service = configCIDR(serviceCIDR);
	const parsed = claims.flatMap((claim, order) => {
		const cidr = parseCIDR(claim.podCIDR);
		return cidr ? [{claim, order, cidr}] : [];
	});
	const refused = new Map<number, InitError>();
	for (const {claim, order, cidr} of parsed) {
		if (overlaps(cidr, service)) {
			refused.set(order, refusal(claim, `overlaps the service CIDR ${serviceCIDR}, so a pod could get a Service's ClusterIP`));
		}
	}
	// A sweep in address order: each block is checked against the one reaching furthest so far.
	const byAddress = [...parsed].sort((a, b) => a.cidr.base - b.cidr.base || a.order - b.order);
	let reach: (typeof parsed)[number] | undefined;
	for (const entry of byAddress) {
		if (reach && entry.cidr.base < reach.cidr.base + reach.cidr.size) {
			const [first, later] = reach.order < entry.order ? [reach, entry] : [entry, reach];
			if (!refused.has(later.order)) {
				const why = `overlaps the podCIDR ${first.claim.podCIDR} of node ${JSON.stringify(first.claim.node)}, so pods on the two nodes would get the same IPs`;
				refused.set(later.order, refusal(later.claim, why));
			}
		}
		if (!reach || entry.cidr.base + entry.cidr.size > reach.cidr.base + reach.cidr.size) reach = entry;
	}
	return [...refused.entries()].sort((a, b) => a[0] - b[0]).map(([, error]) => error);
}

/**
 * The podCIDR each node ends with: its own, else the next free block of `podCIDR` of
 * /`maskSize`, else '' (the API's empty spec.podCIDR: the range is exhausted).
 */
export function allocateNodeCIDRs(nodes: ReadonlyArray<{podCIDR?: string}>, podCIDR: string, maskSize: number, serviceCIDR: string): string[] {
	const range = configCIDR(podCIDR);
	const blockSize = 2 ** (32 - maskSize);
	const end = range.base + range.size;
	// Address intervals no block may touch, in address order: the nodes' own blocks and the service range.
	const blocked = [configCIDR(serviceCIDR), ...nodes.flatMap(n => (n.podCIDR ? [parseCIDR(n.podCIDR)] : []))]
		.filter((c): c is Cidr => c !== null)
		.map(c => ({start: c.base, end: c.base + c.size}))
		.sort((a, b) => a.start - b.start);
	let next = range.base;
	let i = 0;
	const nextFree = (): string => {
		while (next < end) {
			while ((blocked[i]?.end ?? Number.POSITIVE_INFINITY) <= next) i++;
			const block = blocked[i];
			if (block === undefined || block.start >= next + blockSize) {
				const cidr = formatCIDR({base: next, prefix: maskSize, size: blockSize});
				next += blockSize;
				return cidr;
			}
			// Jump past the interval, to the first block boundary at or after its end.
			next = range.base + Math.ceil((block.end - range.base) / blockSize) * blockSize;
		}
		return '';
	};
	return nodes.map(n => n.podCIDR ?? nextFree());
}
