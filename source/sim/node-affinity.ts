// The scheduler's NodeAffinity filter: a pod's spec.nodeSelector and the required node affinity
// (affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution). A node passes when it
// carries every nodeSelector label and matches at least one of the terms; a term matches when all
// of its expressions (on labels) and fields (metadata.name) do; a term with neither matches no
// node. Source: kubernetes/kubernetes staging/src/k8s.io/component-helpers/scheduling/corev1/
// nodeaffinity/nodeaffinity.go (GetRequiredNodeAffinity, nodeSelectorTerms.Match) and
// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (Filter). Preferred terms only
// score nodes, and are not modelled (docs/semantics.md C6).

import {setRequirementHolds} from './labels.js';
import type {Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec} from './types.js';

/** node_affinity.go ErrReasonPod: an UnschedulableAndUnresolvable status (no preemption helps). */
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

const own = (labels: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(labels, key) ? labels[key] : undefined);

/** apimachinery's strconv.ParseInt(v, 10, 64) for Gt and Lt: an optional sign and decimal digits. */
const integer = (text: string): number | undefined => (/^[+-]?\d+$/.test(text) ? Number(text) : undefined);

/** labels.Requirement.Matches for the node selector operators (nodeSelectorRequirementsAsSelector). */
function requirementHolds(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
	const {operator, values} = requirement;
	if (operator !== 'Gt' && operator !== 'Lt') return setRequirementHolds(operator, values, value);
	const have = value === undefined ? undefined : integer(value);
	const want = integer(values[0] ?? '');
	if (have === undefined || want === undefined) return false;
	return operator === 'Gt' ? have > want : have < want;
}

function termMatches(term: NodeSelectorTerm, node: Node): boolean {
	if (term.matchExpressions.length === 0 && term.matchFields.length === 0) return false;
	// The only field a node selector can name is metadata.name (validation refuses the others).
	return term.matchExpressions.every(r => requirementHolds(r, own(node.labels, r.key))) && term.matchFields.every(r => requirementHolds(r, node.name));
}

/** Whether the NodeAffinity filter lets `spec`'s pod onto `node`. */
export function nodeAffinityAllows(spec: PodSpec, node: Node): boolean {
	for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) if (own(node.labels, key) !== value) return false;
	const terms = spec.requiredNodeAffinity;
	return terms === undefined || terms.some(term => termMatches(term, node));
}

/** A pod that asks something of its node's labels (what `describe pod` calls Node-Selectors, and affinity). */
export const constrainsNodes = (spec: PodSpec): boolean => spec.nodeSelector !== undefined || spec.requiredNodeAffinity !== undefined;
