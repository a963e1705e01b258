// A small kube-scheduler: filter nodes that can take the pod (cordons, taints, node selector and
// required node affinity, host ports, pod count), prefer the node with the fewest untolerated
// PreferNoSchedule taints, then the fewest pods of the same workload (SelectorSpread), then the
// least loaded; break ties at random as the real scheduler does (selectHost), from the seeded PRNG.

import type {Draft} from './draft.js';
import {eachMember} from './index-sets.js';
import {ERR_NODE_AFFINITY, nodeAffinityAllows} from './node-affinity.js';
import {randomInt} from './prng.js';
import {getRow} from './rows.js';
import {admittedTolerations, intolerablePreferNoSchedule, nodeTaints, tolerated, UNSCHEDULABLE_TAINT, untoleratedTaint} from './taints.js';
import type {Node, PodSpec, State} from './types.js';

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

/** A pod that fits nowhere: the FailedScheduling message, and whether a taint or a cordon turned any node away (another pod may tolerate it). */
export type Placement = {ok: true; node: string} | {ok: false; message: string; tainted: boolean};

/**
 * The Filter plugins in the default profile's order (pkg/scheduler/apis/config/v1/default_plugins.go:
 * NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, …); a
 * node fails on the first that rejects it, and that plugin's reason is the one counted
 * (framework/runtime RunFilterPlugins). Among the nodes left, the fewest untolerated
 * PreferNoSchedule taints wins (TaintToleration's score, weight 3, the default profile's heaviest
 * here), then SelectorSpread's fewest pods of the workload, then the least loaded.
 */
export function schedule(d: Draft, owner: string | null, spec?: PodSpec): Placement {
	const nodes = nodesByName(d.s.nodes);
	const max = d.s.config.maxPodsPerNode;
	const wanted = spec ? hostPorts(spec) : [];
	const tolerations = admittedTolerations(spec ?? {containers: [], terminationGracePeriodSeconds: 30});
	const rejected = new Map<string, number>();
	let unresolvable = 0;
	let resolvable = 0;
	const reject = (reason: string, resolves: boolean) => {
		rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
		if (resolves) resolvable++;
		else unresolvable++;
	};
	// The workload's pods per node, kept as counts (sim/pods.ts): placing each of ten thousand
	// replicas costs one pass over the nodes, not one over the replicas placed before it.
	const perNodeOwned = (owner && getRow(d.s.index.podCountByOwnerNode, owner)) || undefined;
	let best: string[] = [];
	let bestPrefer = Infinity;
	let bestOwned = Infinity;
	let bestLoad = Infinity;
	const counts = d.s.index.podCountByNode;
	for (const node of nodes) {
		// NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint.
		if (node.recorded?.unschedulable && !tolerated(tolerations, UNSCHEDULABLE_TAINT)) {
			reject(ERR_UNSCHEDULABLE, false);
			continue;
		}
		// TaintToleration, the not-ready node's taint among the rest (sim/taints.ts).
		const taints = nodeTaints(node);
		const taint = taints.length > 0 ? untoleratedTaint(taints, tolerations) : undefined;
		if (taint) {
			reject(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, false);
			continue;
		}
		// NodeAffinity: spec.nodeSelector and the required node affinity (sim/node-affinity.ts).
		if (spec && !nodeAffinityAllows(spec, node)) {
			reject(ERR_NODE_AFFINITY, false);
			continue;
		}
		const load = getRow(counts, node.name) ?? 0;
		// nodeports.go ErrReason; an Unschedulable status, so preemption looks there for victims.
		if (wanted.length > 0 && portsTaken(d.s, node.name, wanted)) {
			reject("node(s) didn't have free ports for the requested pod ports", true);
			continue;
		}
		// NodeResourcesFit counts pods against status.allocatable.pods (`Too many pods`).
		if (load >= (node.maxPods ?? max)) {
			reject('Too many pods', true);
			continue;
		}
		const prefer = taints.length > 0 ? intolerablePreferNoSchedule(taints, tolerations) : 0;
		const owned = perNodeOwned?.[node.name] ?? 0;
		const better = prefer < bestPrefer || (prefer === bestPrefer && (owned < bestOwned || (owned === bestOwned && load < bestLoad)));
		if (better) {
			best = [node.name];
			bestPrefer = prefer;
			bestOwned = owned;
			bestLoad = load;
		} else if (prefer === bestPrefer && owned === bestOwned && load === bestLoad) best.push(node.name);
	}
	// selectHost draws only when there is a tie to break.
	const node = best.length > 1 ? best[randomInt(d, best.length)] : best[0];
	if (node === undefined) {
		const tainted = [...rejected.keys()].some(r => r === ERR_UNSCHEDULABLE || r.startsWith('node(s) had untolerated taint'));
		return {ok: false, message: failedSchedulingMessage(nodes.length, rejected, resolvable, unresolvable), tainted};
	}
	return {ok: true, node};
}

/** nodeunschedulable.ErrReasonUnschedulable. */
const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';

/** `count reason` per reason, sorted as strings (sort.Strings: `10 …` before `2 …`), joined by `, `. */
function histogram(parts: Iterable<[string, number]>): string {
	return [...parts]
		.filter(([, n]) => n > 0)
		.map(([reason, n]) => `${n} ${reason}`)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.join(', ');
}

/**
 * The FailedScheduling message: pkg/scheduler/framework/types.go FitError.Error, `0/N nodes are
 * available: <filter reasons>. <post-filter message>.`, each part a sorted histogram `count reason`.
 * The post-filter part is DefaultPreemption's (pkg/scheduler/framework/preemption/preemption.go):
 * every pod here has the same priority, so no victims are found on a node rejected as Unschedulable
 * (full, ports taken), and nodesWherePreemptionMightHelp skips one rejected as
 * UnschedulableAndUnresolvable (NodeUnschedulable, TaintToleration). Its own text ends with a
 * period, hence the `..` kubectl shows.
 */
function failedSchedulingMessage(total: number, rejected: Map<string, number>, resolvable: number, unresolvable: number): string {
	// schedule_one.go schedulePod: no nodes at all is ErrNoNodesAvailable.
	if (total === 0) return 'no nodes available to schedule pods';
	const preemption = histogram([
		['No preemption victims found for incoming pod', resolvable],
		['Preemption is not helpful for scheduling', unresolvable],
	]);
	return `0/${total} nodes are available: ${histogram(rejected)}. preemption: 0/${total} nodes are available: ${preemption}..`;
}
