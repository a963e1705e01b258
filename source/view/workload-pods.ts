// Replica counts the controllers would write into workload status, computed from the pods.

import {getRow, listRows} from '../sim/index.js';
import {members} from '../sim/index-sets.js';
import {workloadKey} from '../sim/keys.js';
import type {Pod, State, Workload} from '../sim/types.js';

/** ReplicaSets count only active pods: not terminating and not Succeeded/Failed (S61, C4). */
function isActive(pod: Pod): boolean {
	return pod.deletionTimestamp === null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** The pods a workload's controller created (a Deployment's are its ReplicaSets' pods). */
function ownedPods(state: State, workload: Workload): Pod[] {
	if (workload.kind === 'Deployment') {
		const pods: Pod[] = [];
		for (const rs of replicaSetsOf(state, workload)) pods.push(...ownedPods(state, rs));
		return pods;
	}
	const keys = members(getRow(state.index.podsByOwner, workloadKey(workload.kind, workload.namespace, workload.name)));
	const pods: Pod[] = [];
	for (const key of keys) {
		const pod = getRow(state.pods, key);
		if (pod) pods.push(pod);
	}
	return pods;
}

function replicaSetsOf(state: State, deployment: Workload): Workload[] {
	return listRows(state.workloads).filter(
		w =>
			w.kind === 'ReplicaSet' && w.namespace === deployment.namespace && w.owner !== null && w.owner.kind === 'Deployment' && w.owner.name === deployment.name,
	);
}

export interface ReplicaCounts {
	/** status.replicas: active pods. */
	current: number;
	/** status.readyReplicas: active pods with Ready=True. */
	ready: number;
	/** status.availableReplicas: ready for minReadySeconds, which is 0 here. */
	available: number;
	/** status.updatedReplicas: active pods of the current template. */
	updated: number;
}

export function replicaCounts(state: State, workload: Workload): ReplicaCounts {
	const pods = ownedPods(state, workload).filter(isActive);
	const ready = pods.filter(pod => pod.ready).length;
	let updated = pods.length;
	if (workload.kind === 'Deployment' && workload.templateHash !== undefined) {
		const current = `${workload.name}-${workload.templateHash}`;
		updated = pods.filter(pod => pod.owner?.name === current).length;
	}
	return {current: pods.length, ready, available: ready, updated};
}
