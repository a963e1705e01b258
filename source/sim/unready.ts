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

/**
 * The scheduler's latest word on each of `pods`: the FailedScheduling event recorded last. One
 * pass over the event table (at most 1,000 events), not one sort of it per pod: a Deployment of
 * ten thousand Pending pods is one Service row's warning, asked on every frame.
 */
function schedulingFailures(state: State, pods: readonly Pod[]): Map<string, string> {
	const wanted = new Set(pods.map(p => p.uid));
	const newest = new Map<string, {seq: number; message: string}>();
	for (const event of Object.values(state.events.byKey)) {
		const uid = event.involved.uid;
		if (event.reason !== 'FailedScheduling' || uid === undefined || !wanted.has(uid)) continue;
		const seen = newest.get(uid);
		if (seen === undefined || event.seq > seen.seq) newest.set(uid, {seq: event.seq, message: event.message});
	}
	return new Map([...newest].map(([uid, e]) => [uid, e.message]));
}

/**
 * `coredns-6ffddff65c-fpw29 Pending, not scheduled (Unschedulable), …` over the pods that are not
 * ready. With the state, pods that no node takes for one and the same reason are said once, in
 * the scheduler's words (`2 pods Pending, not scheduled: 0/3 nodes are available: …`).
 */
export function unreadySummary(pods: readonly Pod[], state?: State): string {
	const unready = pods.filter(p => !p.ready || p.deletionTimestamp !== null);
	const unscheduled = unready.every(p => p.nodeName === null && p.deletionTimestamp === null);
	if (state !== undefined && unready.length > 0 && unscheduled) {
		const failures = schedulingFailures(state, unready);
		const reasons = new Set(unready.map(p => failures.get(p.uid)));
		const [reason] = reasons;
		if (reasons.size === 1 && reason !== undefined) {
			const who = unready.length === 1 ? (unready[0]?.name ?? '') : `${unready.length} pods`;
			// The filters' verdict; DefaultPreemption's part after it only says no victim would help.
			return `${who} Pending, not scheduled: ${reason.split('. preemption:')[0]?.replace(/\.+$/, '')}`;
		}
	}
	const named = unready.slice(0, NAMED).map(p => `${p.name} ${podNotReady(p)}`);
	if (unready.length > NAMED) named.push(`${unready.length - NAMED} more`);
	return named.join('; ');
}
