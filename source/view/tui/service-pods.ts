// The Pods pane: pods the selected Service's selector matches (Pending and Terminating ones
// included), and the workloads behind them.

import {workloadKey} from '../../sim/keys.js';
import {formatLabels} from '../../sim/labels.js';
import type {Pod, Service, State, Workload} from '../../sim/types.js';
import {getTable} from '../get.js';

export interface PodItem {
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

const SHORT: Record<Workload['kind'], string> = {
	ReplicationController: 'rc',
	ReplicaSet: 'rs',
	Deployment: 'deploy',
	StatefulSet: 'sts',
};

export const workloadRef = (w: Workload) => `${SHORT[w.kind]}/${w.name}`;

/** The workload to scale for a pod: a Deployment rather than its ReplicaSet. */
export function topWorkload(state: State, pod: Pod): Workload | null {
	if (!pod.owner) return null;
	const owner = state.workloads[workloadKey(pod.owner.kind, pod.namespace, pod.owner.name)];
	if (!owner) return null;
	if (owner.owner) return state.workloads[workloadKey('Deployment', pod.namespace, owner.owner.name)] ?? owner;
	return owner;
}

export function servicePods(state: State, service: Service | undefined): PodList {
	const headers = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'];
	if (!service?.selector || Object.keys(service.selector).length === 0 || service.type === 'ExternalName') {
		return {headers, items: [], workloads: []};
	}
	const table = getTable(state, {
		resource: 'pods',
		namespace: service.namespace,
		allNamespaces: false,
		selector: formatLabels(service.selector),
		output: 'wide',
	});
	if (!table.ok) return {headers, items: [], workloads: []};
	const items: PodItem[] = [];
	const workloads = new Map<string, Workload>();
	table.rows.forEach(row => {
		const pod = state.pods[`${service.namespace}/${row[0]}`];
		if (!pod) return;
		items.push({pod, cells: row.slice(0, 7)});
		const w = topWorkload(state, pod);
		if (w) workloads.set(`${w.kind}/${w.name}`, w);
	});
	return {headers, items, workloads: [...workloads.values()]};
}
