// Why the pods a Service selects serve no traffic, in the words `kubectl get pods` shows: a
// Pending pod has no IP and is in no endpoint at all, a Running one that is not Ready is a
// not-ready address (pkg/controller/endpoint: only Ready pods are ready addresses).

import {indexMembers} from './draft.js';
import {labelBucket} from './endpoints.js';
import {objectKey} from './keys.js';
import {matchesLabels} from './labels.js';
import {getRow} from './rows.js';
import type {Pod, Service, State} from './types.js';

/** How many pods a summary names before it says how many more there are. */
const NAMED = 3;

/**
 * Every pod in the Service's namespace that its selector matches, with an address or not (a
 * Pending pod has none), in name order; from the smallest label-index bucket of the selector.
 */
export function selectedPods(state: State, service: Service): Pod[] {
	const selector = service.spec.selector ?? {};
	const pairs = Object.entries(selector);
	if (pairs.length === 0 || service.spec.type === 'ExternalName') return [];
	let smallest: string[] | null = null;
	for (const [key, value] of pairs) {
		const members = indexMembers(state, 'podsByLabel', labelBucket(service.namespace, key, value));
		if (smallest === null || members.length < smallest.length) smallest = members;
	}
	const pods: Pod[] = [];
	for (const name of smallest ?? []) {
		const pod = getRow(state.pods, objectKey(service.namespace, name));
		if (pod && matchesLabels(pod.labels, selector)) pods.push(pod);
	}
	return pods.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One pod's state as kubectl's STATUS column and READY condition put it. */
function podNotReady(pod: Pod): string {
	if (pod.deletionTimestamp !== null) return 'Terminating';
	if (pod.phase === 'Pending') {
		if (pod.nodeName === null) return `Pending, not scheduled${pod.reason ? ` (${pod.reason})` : ''}`;
		return 'Pending, ContainerCreating';
	}
	if (pod.phase === 'Running') return pod.containersRunning ? 'Running, not Ready' : 'Running, containers not running';
	return pod.phase;
}

/** `coredns-6ffddff65c-fpw29 Pending, not scheduled (Unschedulable), …` over the pods that are not ready. */
export function unreadySummary(pods: readonly Pod[]): string {
	const unready = pods.filter(p => !p.ready || p.deletionTimestamp !== null);
	const named = unready.slice(0, NAMED).map(p => `${p.name} ${podNotReady(p)}`);
	if (unready.length > NAMED) named.push(`${unready.length - NAMED} more`);
	return named.join('; ');
}
