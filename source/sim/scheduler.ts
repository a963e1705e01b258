// A small kube-scheduler: filter nodes that can take the pod, prefer the node with the fewest
// pods of the same workload (SelectorSpread), then the least loaded; break ties at random as
// the real scheduler does (selectHost), from the seeded PRNG.

import type {Draft} from './draft.js';
import {eachMember} from './index-sets.js';
import {randomInt} from './prng.js';
import {getRow} from './rows.js';
import type {Node, PodSpec, State} from './types.js';

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

/**
 * The host ports a pod asks for: with hostNetwork the API defaults each container port's hostPort
 * to its containerPort (pkg/apis/core/v1/defaults.go SetDefaults_Pod). The model reads no
 * explicit hostPort, so only hostNetwork pods hold any. Keys are `protocol/port` on 0.0.0.0,
 * which conflicts with every host IP.
 */
export function hostPorts(spec: PodSpec): string[] {
	if (spec.hostNetwork !== true) return [];
	return spec.containers.flatMap(c => c.ports.map(p => `${p.protocol}/${p.containerPort}`));
}

/** NodePorts Filter (pkg/scheduler/framework/plugins/nodeports): a wanted host port is taken on the node. */
function portsTaken(state: State, nodeName: string, wanted: string[]): boolean {
	for (const key of eachMember(getRow(state.index.podsByNode, nodeName))) {
		const pod = getRow(state.pods, key);
		if (pod && hostPorts(pod.spec).some(port => wanted.includes(port))) return true;
	}
	return false;
}

export function schedule(d: Draft, owner: string | null, spec?: PodSpec): Placement {
	const nodes = nodesByName(d.s.nodes);
	const max = d.s.config.maxPodsPerNode;
	const wanted = spec ? hostPorts(spec) : [];
	let notReady = 0;
	let full = 0;
	let portsInUse = 0;
	// The workload's pods per node, kept as counts (sim/pods.ts): placing each of ten thousand
	// replicas costs one pass over the nodes, not one over the replicas placed before it.
	const perNodeOwned = (owner && getRow(d.s.index.podCountByOwnerNode, owner)) || undefined;
	let best: string[] = [];
	let bestOwned = Infinity;
	let bestLoad = Infinity;
	const counts = d.s.index.podCountByNode;
	for (const node of nodes) {
		if (!node.ready) {
			notReady++;
			continue;
		}
		const load = getRow(counts, node.name) ?? 0;
		// NodeResourcesFit counts pods against status.allocatable.pods (`Too many pods`).
		if (load >= (node.maxPods ?? max)) {
			full++;
			continue;
		}
		if (wanted.length > 0 && portsTaken(d.s, node.name, wanted)) {
			portsInUse++;
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
	if (node === undefined) return {ok: false, message: failedSchedulingMessage(nodes.length, full, notReady, portsInUse)};
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
function failedSchedulingMessage(total: number, full: number, notReady: number, portsInUse: number): string {
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
		// nodeports.go ErrReason; an Unschedulable status, so preemption looks there for victims.
		[portsInUse, "node(s) didn't have free ports for the requested pod ports"],
	]);
	const preemption = histogram([
		[full + portsInUse, 'No preemption victims found for incoming pod'],
		[notReady, 'Preemption is not helpful for scheduling'],
	]);
	return `0/${total} nodes are available: ${filter}. preemption: 0/${total} nodes are available: ${preemption}..`;
}
