// Taints and tolerations as the scheduler sees them: a node's taints (what spec.taints records,
// with the node lifecycle controller's taint for a NotReady node) and whether a pod's tolerations,
// after admission, tolerate one.

import type {Node, PodSpec, Taint, Toleration} from './types.js';

const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** What NodeUnschedulable asks a pod to tolerate on a cordoned node (node_unschedulable.go). */
export const UNSCHEDULABLE_TAINT: Taint = {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'};

/**
 * core/v1 Toleration.ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go): an empty
 * effect matches every effect, an empty key every key (validation allows it only with Exists),
 * Equal (also the empty operator) compares values, Exists matches any. tolerationSeconds only
 * bounds how long a NoExecute taint is tolerated, so it plays no part here.
 */
function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
	if (toleration.effect && toleration.effect !== taint.effect) return false;
	if (toleration.key && toleration.key !== taint.key) return false;
	switch (toleration.operator ?? 'Equal') {
		case 'Equal':
			return (toleration.value ?? '') === (taint.value ?? '');
		case 'Exists':
			return true;
		default:
			return false;
	}
}

/** v1helper.TolerationsTolerateTaint. */
export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
	return tolerations.some(t => toleratesTaint(t, taint));
}

/**
 * The DefaultTolerationSeconds admission plugin
 * (plugin/pkg/admission/defaulttolerationseconds/admission.go) gives every pod that has none of
 * its own a 300s NoExecute toleration of not-ready and of unreachable; one with an empty key or
 * effect counts as its own. describe-pod prints these two for every pod.
 */
const NOT_READY_TOLERATION: Toleration = {key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300};
const UNREACHABLE_TOLERATION: Toleration = {key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300};
const DEFAULT_TOLERATIONS: readonly Toleration[] = [NOT_READY_TOLERATION, UNREACHABLE_TOLERATION];

const admitted = new WeakMap<PodSpec, readonly Toleration[]>();

export function admittedTolerations(spec: PodSpec): readonly Toleration[] {
	const own = spec.tolerations;
	if (!own || own.length === 0) return DEFAULT_TOLERATIONS;
	let out = admitted.get(spec);
	if (!out) {
		const covers = (key: string) => own.some(t => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
		out = [...own, ...(covers(TAINT_NOT_READY) ? [] : [NOT_READY_TOLERATION]), ...(covers(TAINT_UNREACHABLE) ? [] : [UNREACHABLE_TOLERATION])];
		admitted.set(spec, out);
	}
	return out;
}

/**
 * The Ready condition's NoSchedule taint, as the node lifecycle controller keeps it
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap,
 * doNoScheduleTaintingPass): Ready=False is not-ready, Ready=Unknown unreachable. The status is the
 * one view/node-facts.ts shows: the record's while it agrees the node is not ready, else False for a
 * node without a podCIDR (its kubelet posts the CNI error) and Unknown for one whose kubelet stopped.
 * The NoExecute twins are left out: the admission defaults above tolerate them in every pod.
 */
function conditionTaintKey(node: Node): string | undefined {
	if (node.ready) return undefined;
	const recorded = node.recorded?.conditions?.find(c => c.type === 'Ready');
	const status = recorded && recorded.status !== 'True' ? recorded.status : node.podCIDR === '' ? 'False' : 'Unknown';
	return status === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
}

const NO_TAINTS: readonly Taint[] = [];
const taintsOf = new WeakMap<Node, readonly Taint[]>();

/**
 * spec.taints as the scheduler reads it: the recorded list, where the controller has dropped a
 * condition taint the node no longer has and appended (AddOrUpdateTaintOnNode) the one it has.
 */
export function nodeTaints(node: Node): readonly Taint[] {
	const recorded = node.recorded?.taints;
	const key = conditionTaintKey(node);
	if (!recorded && key === undefined) return NO_TAINTS;
	let out = taintsOf.get(node);
	if (!out) {
		const isCondition = (t: Taint) => t.effect === 'NoSchedule' && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE);
		const kept = (recorded ?? []).filter(t => !isCondition(t) || t.key === key);
		if (key !== undefined && !kept.some(t => t.key === key && t.effect === 'NoSchedule')) kept.push({key, effect: 'NoSchedule'});
		out = kept;
		taintsOf.set(node, out);
	}
	return out;
}

/**
 * v1helper.FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc: the first NoSchedule or
 * NoExecute taint, in the node's order, that no toleration tolerates.
 */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
	return taints.find(t => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerated(tolerations, t));
}

/** TaintToleration's score input (countIntolerableTaintsPreferNoSchedule): PreferNoSchedule taints not tolerated. */
export function intolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
	let n = 0;
	for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerated(tolerations, t)) n++;
	return n;
}
