// What a StatefulSet's controller has already seen within one reducer step (Draft.statefulSets).
// OrderedReady waits on every ordinal below the next one to make (controllers.ts), and each pod
// change calls the controller back: reading the set from ordinal 0 each time made 2,000 pods
// starting one by one cost 2,000 × 2,000 looks, and a scale-down as many listings of the pods.
// Within a step the controller goes on from where it stopped; any write to a pod below that
// point (savePod) takes it back there. A new step starts from nothing, so the state stays
// the only truth.

import type {Draft} from './draft.js';
import {workloadKey} from './keys.js';
import type {Pod} from './types.js';

/** The ordinal of `<set>-<i>`, as the controller names its pods (getPodName), or null. */
export function ordinalIn(setName: string, podName: string): number | null {
	if (!podName.startsWith(`${setName}-`)) return null;
	const digits = podName.slice(setName.length + 1);
	const ordinal = Number(digits);
	return Number.isInteger(ordinal) && ordinal >= 0 && String(ordinal) === digits ? ordinal : null;
}

const setOf = (pod: Pod | null): {key: string; ordinal: number} | null => {
	if (pod?.owner?.kind !== 'StatefulSet') return null;
	const ordinal = ordinalIn(pod.owner.name, pod.name);
	return ordinal === null ? null : {key: workloadKey('StatefulSet', pod.namespace, pod.owner.name), ordinal};
};

const counted = (pod: Pod | null): boolean => pod?.ready === true && pod.deletionTimestamp === null;

/** Called for every pod write: keeps each set's progress true of the pods as they now are. */
export function podWritten(d: Draft, before: Pod | null, after: Pod | null): void {
	if (d.statefulSets.size === 0) return;
	const was = setOf(before);
	const is = setOf(after);
	const wasProgress = was && d.statefulSets.get(was.key);
	if (was && wasProgress && was.ordinal < wasProgress.ready && !(is?.key === was.key && counted(after))) wasProgress.ready = was.ordinal;
	const isProgress = is && d.statefulSets.get(is.key);
	if (is && isProgress && is.ordinal > isProgress.top) isProgress.top = is.ordinal;
}
