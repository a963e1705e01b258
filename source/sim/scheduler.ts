// A small kube-scheduler: filter nodes that can take the pod, prefer the node with the fewest
// pods of the same workload (SelectorSpread), then the least loaded; break ties at random as
// the real scheduler does (selectHost), from the seeded PRNG.

import type {Draft} from './draft.js';
import {indexMembers} from './draft.js';
import {randomInt} from './prng.js';

export type Placement = {ok: true; node: string} | {ok: false; message: string};

export function schedule(d: Draft, owner: string | null): Placement {
	const nodes = Object.values(d.s.nodes).sort((a, b) => (a.name < b.name ? -1 : 1));
	const max = d.s.config.maxPodsPerNode;
	let notReady = 0;
	let full = 0;
	const perNodeOwned: Record<string, number> = {};
	if (owner) {
		for (const podKey of indexMembers(d, 'podsByOwner', owner)) {
			const pod = d.s.pods[podKey];
			if (pod?.nodeName && pod.deletionTimestamp === null) {
				perNodeOwned[pod.nodeName] = (perNodeOwned[pod.nodeName] ?? 0) + 1;
			}
		}
	}
	let best: string[] = [];
	let bestScore: [number, number] | null = null;
	for (const node of nodes) {
		if (!node.ready) {
			notReady++;
			continue;
		}
		const load = d.s.index.podCountByNode[node.name] ?? 0;
		if (load >= max) {
			full++;
			continue;
		}
		const score: [number, number] = [perNodeOwned[node.name] ?? 0, load];
		const cmp = bestScore === null ? -1 : score[0] - bestScore[0] || score[1] - bestScore[1];
		if (cmp < 0) {
			best = [node.name];
			bestScore = score;
		} else if (cmp === 0) best.push(node.name);
	}
	if (best.length === 0) {
		// kube-scheduler's FailedScheduling wording.
		const reasons: string[] = [];
		if (full) reasons.push(`${full} Too many pods`);
		if (notReady) reasons.push(`${notReady} node(s) had untolerated taint {node.kubernetes.io/not-ready: }`);
		const detail = reasons.length ? ` ${reasons.join(', ')}.` : '';
		return {ok: false, message: `0/${nodes.length} nodes are available:${detail}`};
	}
	return {ok: true, node: best[best.length === 1 ? 0 : randomInt(d, best.length)]!};
}
