// The Pods pane: pods the selected Service's selector matches (Pending and Terminating ones
// included), and the workloads behind them.

import {workloadKind} from '../../kinds/registry.js';
import {getRow} from '../../sim/index.js';
import {members} from '../../sim/index-sets.js';
import {workloadKey} from '../../sim/keys.js';
import {matchesLabels} from '../../sim/labels.js';
import type {Pod, Service, State, Workload} from '../../sim/types.js';
import {podRow} from '../pod-rows.js';
import {sanitize} from '../sanitize.js';
import {perState} from './per-state.js';

interface PodItem {
	pod: Pod;
	/** NAME READY STATUS RESTARTS AGE IP NODE, sanitized. */
	cells: string[];
}

export interface PodList {
	headers: string[];
	items: PodItem[];
	/** `rc/hello-node`, `deploy/web`, … behind the pods. */
	workloads: Workload[];
}

/** `rc/hello-node`: the kind's first short name, as a kubectl user types it. */
export const workloadRef = (w: Workload) => `${workloadKind(w.kind).shortNames[0]}/${w.name}`;

/** The workload to scale for a pod: a Deployment rather than its ReplicaSet. */
export function topWorkload(state: State, pod: Pod): Workload | null {
	if (!pod.owner) return null;
	const owner = getRow(state.workloads, workloadKey(pod.owner.kind, pod.namespace, pod.owner.name));
	if (!owner) return null;
	if (owner.owner) return getRow(state.workloads, workloadKey('Deployment', pod.namespace, owner.owner.name)) ?? owner;
	return owner;
}

const cached = perState<PodList>();

/** Pods the selector matches, found through the label index (not a namespace scan), in name
 *  order as kubectl lists them; cached per state, since every frame asks. */
export function servicePods(state: State, service: Service | undefined): PodList {
	const headers = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'];
	const selector = service?.spec.selector;
	if (!service || !selector || Object.keys(selector).length === 0 || service.spec.type === 'ExternalName') {
		return {headers, items: [], workloads: []};
	}
	const key = `${service.namespace}/${service.name}`;
	return cached(state, key, () => matchedPods(state, service, selector, headers));
}

function matchedPods(state: State, service: Service, selector: Readonly<Record<string, string>>, headers: string[]): PodList {
	let candidates: string[] | null = null;
	for (const [k, v] of Object.entries(selector)) {
		const found = members(getRow(state.index.podsByLabel, `${service.namespace}\u0000${k}=${v}`));
		if (candidates === null || found.length < candidates.length) candidates = found;
	}
	const pods = (candidates ?? [])
		.map(name => getRow(state.pods, `${service.namespace}/${name}`))
		.filter((pod): pod is Pod => pod !== undefined && matchesLabels(pod.labels, selector))
		.sort((a, b) => (a.name < b.name ? -1 : 1));
	const workloads = new Map<string, Workload>();
	const items = pods.map(pod => {
		const w = topWorkload(state, pod);
		if (w) workloads.set(`${w.kind}/${w.name}`, w);
		return {pod, cells: podRow(state, pod, true).slice(0, 7).map(sanitize)};
	});
	return {headers, items, workloads: [...workloads.values()]};
}
