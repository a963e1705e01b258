// Writing a pod: the pods table, the indexes and the endpoints change together, so no caller
// can forget one of them.

import type {Draft} from './draft.js';
import {addActivePodCount, addOwnedPodCount, addPodCount, indexAdd, indexRemove, put, remove} from './draft.js';
import {labelBucket, syncPod} from './endpoints.js';
import {objectKey, workloadKey} from './keys.js';
import {podWritten} from './statefulset-progress.js';
import type {Pod} from './types.js';

/** podsByNode bucket for pods the scheduler could not place yet. */
export const UNSCHEDULED = '\u0000unscheduled';

const nodeBucket = (pod: Pod): string => pod.nodeName ?? UNSCHEDULED;

export const podKey = (pod: Pod): string => objectKey(pod.namespace, pod.name);

export const ownerKey = (pod: Pod): string | null => (pod.owner ? workloadKey(pod.owner.kind, pod.namespace, pod.owner.name) : null);

export function savePod(d: Draft, before: Pod | null, after: Pod | null): void {
	const pod = after ?? before;
	if (pod === null) return;
	const key = podKey(pod);
	if (before) {
		for (const k in before.labels) {
			const value = before.labels[k];
			if (value !== undefined && (!after || after.labels[k] !== value)) {
				indexRemove(d, 'podsByLabel', labelBucket(pod.namespace, k, value), pod.name);
			}
		}
		const oldOwner = ownerKey(before);
		if (oldOwner && (!after || ownerKey(after) !== oldOwner)) indexRemove(d, 'podsByOwner', oldOwner, key);
		if (!after || after.nodeName !== before.nodeName) {
			indexRemove(d, 'podsByNode', nodeBucket(before), key);
			addPodCount(d, nodeBucket(before), -1);
		}
	}
	if (after) {
		for (const k in after.labels) {
			const value = after.labels[k];
			if (value !== undefined && (!before || before.labels[k] !== value)) {
				indexAdd(d, 'podsByLabel', labelBucket(pod.namespace, k, value), pod.name);
			}
		}
		const newOwner = ownerKey(after);
		if (newOwner && (!before || ownerKey(before) !== newOwner)) indexAdd(d, 'podsByOwner', newOwner, key);
		if (!before || before.nodeName !== after.nodeName) {
			indexAdd(d, 'podsByNode', nodeBucket(after), key);
			addPodCount(d, nodeBucket(after), 1);
		}
		put(d, 'pods', key, after);
	} else {
		remove(d, 'pods', key);
	}
	countOwned(d, before, after);
	podWritten(d, before, after);
	syncPod(d, before, after);
}

/** The workload whose active replicas count this pod, if any. */
const activeOwner = (pod: Pod | null): string | null => (pod && isActive(pod) ? ownerKey(pod) : null);

/** The workload and node whose spreading count holds this pod, if any. */
function placedOwner(pod: Pod | null): {owner: string; node: string} | null {
	if (pod === null || pod.nodeName === null || pod.deletionTimestamp !== null) return null;
	const owner = ownerKey(pod);
	return owner === null ? null : {owner, node: pod.nodeName};
}

/** The per-workload counts the controllers and the scheduler read instead of listing a workload's pods. */
function countOwned(d: Draft, before: Pod | null, after: Pod | null): void {
	const [activeBefore, activeAfter] = [activeOwner(before), activeOwner(after)];
	if (activeBefore !== activeAfter) {
		if (activeBefore !== null) addActivePodCount(d, activeBefore, -1);
		if (activeAfter !== null) addActivePodCount(d, activeAfter, 1);
	}
	const [placedBefore, placedAfter] = [placedOwner(before), placedOwner(after)];
	if (placedBefore?.owner !== placedAfter?.owner || placedBefore?.node !== placedAfter?.node) {
		if (placedBefore) addOwnedPodCount(d, placedBefore.owner, placedBefore.node, -1);
		if (placedAfter) addOwnedPodCount(d, placedAfter.owner, placedAfter.node, 1);
	}
}

/** A pod a controller counts as one of its replicas (S61 IsPodActive). */
export const isActive = (pod: Pod): boolean => pod.deletionTimestamp === null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
