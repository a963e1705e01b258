// A small kube-scheduler: filter nodes that can take the pod, prefer the node with the fewest
// pods of the same workload (SelectorSpread), then the least loaded; break ties at random as
// the real scheduler does (selectHost), from the seeded PRNG.

import type {Draft} from './draft.js';
import {randomInt} from './prng.js';
import type {Node, State} from './types.js';

export type Placement = {ok: true; node: string} | {ok: false; message: string};

// The nodes in name order, per nodes table (a new table only when nodes change).
const sortedNodes = new WeakMap<object, Node[]>();

function nodesByName(nodes: State['nodes']): Node[] {
	let sorted = sortedNodes.get(nodes);
	if (!sorted) {
		sorted = Object.values(nodes).sort((a, b) => (a.name < b.name ? -1 : 1));
		sortedNodes.set(nodes, sorted);
	}
	return sorted;
}

export function schedule(d: Draft, owner: string | null): Placement {
	const nodes = nodesByName(d.s.nodes);
	const max = d.s.config.maxPodsPerNode;
	let notReady = 0;
	let full = 0;
	// The workload's pods per node, kept as counts (sim/pods.ts): placing each of ten thousand
	// replicas costs one pass over the nodes, not one over the replicas placed before it.
	const perNodeOwned = (owner && d.s.index.podCountByOwnerNode[owner]) || undefined;
	let best: string[] = [];
	let bestOwned = Infinity;
	let bestLoad = Infinity;
	const counts = d.s.index.podCountByNode;
	for (const node of nodes) {
		if (!node.ready) {
			notReady++;
			continue;
		}
		const load = counts[node.name] ?? 0;
		// NodeResourcesFit counts pods against status.allocatable.pods (`Too many pods`).
		if (load >= (node.maxPods ?? max)) {
			full++;
			continue;
		}
		const owned = perNodeOwned?.[node.name] ?? 0;
		if (owned < bestOwned || (owned === bestOwned && load < bestLoad)) {
			best = [node.name];
			bestOwned = owned;
			bestLoad = load;
		} else if (owned === bestOwned && load === bestLoad) best.push(node.name);
	}
	// selectHost draws only when there is a tie to break.
	const node = best.length > 1 ? best[randomInt(d, best.length)] : best[0];
	if (node === undefined) return {ok: false, message: failedSchedulingMessage(nodes.length, full, notReady)};
	return {ok: true, node};
}

/**
 * The FailedScheduling message: pkg/scheduler/framework/types.go FitError.Error, `0/N nodes are
 * available: <filter reasons>. <post-filter message>.`, each part a sorted histogram `count reason`.
 * The post-filter part is DefaultPreemption's (pkg/scheduler/framework/preemption/preemption.go):
 * every pod here has the same priority, so no victims are found on a full node, and preemption
 * cannot help on a node rejected as unresolvable (the not-ready taint). Its own text ends with a
 * period, hence the `..` kubectl shows.
 */
function failedSchedulingMessage(total: number, full: number, notReady: number): string {
	// schedule_one.go schedulePod: no nodes at all is ErrNoNodesAvailable.
	if (total === 0) return 'no nodes available to schedule pods';
	const histogram = (parts: Array<[number, string]>): string =>
		parts
			.filter(([n]) => n > 0)
			.map(([n, reason]) => `${n} ${reason}`)
			.sort()
			.join(', ');
	const filter = histogram([
		[full, 'Too many pods'],
		[notReady, 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }'],
	]);
	const preemption = histogram([
		[full, 'No preemption victims found for incoming pod'],
		[notReady, 'Preemption is not helpful for scheduling'],
	]);
	return `0/${total} nodes are available: ${filter}. preemption: 0/${total} nodes are available: ${preemption}..`;
}
