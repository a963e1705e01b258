// The simulator's own bounds (README "Limits"). A real cluster takes `replicas` up to int32's
// maximum and leaves what does not fit Pending; here every Pending pod is an object built on one
// thread, so past this many replicas of one workload, or pods in the cluster, the loader and
// `scale` refuse before any work starts. How many pods run is up to the nodes' capacity
// (maxPodsPerNode, default 110 as the kubelet's maxPods), the rest stay Pending as in a cluster.

import {countRows, eachRow} from './rows.js';
import type {State} from './types.js';

/** The most replicas one workload may ask for. */
export const MAX_REPLICAS = 100_000;

/** How the refusal reads, in `scale` and at a manifest's `spec.replicas`. */
export const tooManyReplicas = (): string => `k8s-svc-tui simulates at most ${MAX_REPLICAS} replicas per workload`;

/**
 * The most pods a cluster may ask for: the largest cluster Kubernetes is built for holds "no more
 * than 150,000 total pods" (kubernetes.io, docs/setup/best-practices/cluster-large), so one
 * workload at MAX_REPLICAS fits and ten of them do not.
 */
export const MAX_PODS = 150_000;

/** How the refusal reads; `count` is how many pods the cluster would then ask for. */
export const tooManyPods = (count: number): string => `k8s-svc-tui simulates at most ${MAX_PODS} pods per cluster (this would make ${count})`;

/** What the workloads no other workload owns ask for: each one's replicas (a Deployment's ReplicaSets count through it). */
function topLevelReplicas(state: Pick<State, 'workloads'>): number {
	let count = 0;
	eachRow(state.workloads, w => {
		if (w.owner === null) count += w.replicas;
	});
	return count;
}

/**
 * The pods a cluster asks for: each workload's replicas, a Deployment's ReplicaSets counted
 * through their Deployment, and each pod no workload owns. Pods still Terminating are not
 * counted: they are on their way out.
 */
function desiredPods(state: Pick<State, 'workloads' | 'pods'>): number {
	let count = topLevelReplicas(state);
	eachRow(state.pods, pod => {
		if (pod.owner === null && pod.deletionTimestamp === null) count++;
	});
	return count;
}

/**
 * Whether the cluster would ask for more than MAX_PODS pods with one top-level workload's
 * replicas changed from `from` to `to`, and how many it would then ask for. Every scale up asks,
 * so the pods are walked only when a bound that needs no walk over them (every pod counted as
 * if it were unowned) does not already fit: at 10,000 pods walking them was most of a `+` key.
 */
export function podsPastLimit(state: Pick<State, 'workloads' | 'pods'>, from: number, to: number): number | null {
	const bound = topLevelReplicas(state) + countRows(state.pods) - from + to;
	if (bound <= MAX_PODS) return null;
	const count = desiredPods(state) - from + to;
	return count > MAX_PODS ? count : null;
}
