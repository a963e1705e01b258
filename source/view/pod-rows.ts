// `kubectl get pods` (docs/semantics.md C3-C4, G3; S121) and the Pod object.

import {getRow, listRows} from '../sim/index.js';
import {workloadKey} from '../sim/keys.js';
import {admittedTolerations} from '../sim/taints.js';
import type {Pod, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, controllerRef, objectMeta, podSpecObject} from './api-object.js';
import {inNamespace, type KindView} from './kind-view.js';
import {admittedPodFields} from './pod-defaults.js';
import {qosClass} from './pod-resources.js';
import {apiTimestamp} from './timestamp.js';
import {workloadApiVersion} from './workload-columns.js';

/** The model runs every container of a pod together: all are ready or none (brief, S121). */
export function readyCell(pod: Pod): string {
	const total = pod.spec.containers.length;
	const ready = pod.ready && pod.containersRunning ? total : 0;
	return `${ready}/${total}`;
}

/**
 * STATUS in kubectl's priority order (S121): Terminating while a deletionTimestamp is set and the
 * phase is not terminal; then the container's waiting reason (ContainerCreating on a node,
 * CrashLoopBackOff after a crash); then the phase (a pod without a node is plain Pending).
 */
export function statusCell(pod: Pod): string {
	if (pod.deletionTimestamp !== null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') return 'Terminating';
	if (pod.phase === 'Pending') return pod.nodeName === null ? 'Pending' : 'ContainerCreating';
	if (pod.phase === 'Running' && !pod.containersRunning) return 'CrashLoopBackOff';
	return pod.phase;
}

/** RESTARTS: `N`, or `N (5m ago)` once a container has restarted. */
export function restartsCell(pod: Pod, now: number): string {
	if (pod.restartCount !== 0 && pod.lastRestartAt !== null) return `${pod.restartCount} (${ageSince(now, pod.lastRestartAt)} ago)`;
	return String(pod.restartCount);
}

export function podRow(state: State, pod: Pod, wide: boolean): string[] {
	const cells = [pod.name, readyCell(pod), statusCell(pod), restartsCell(pod, state.clock), ageSince(state.clock, pod.createdAt)];
	if (wide) cells.push(pod.podIP ?? '<none>', pod.nodeName ?? '<none>', '<none>', '<none>');
	return cells;
}

function condition(type: string, value: boolean, reason?: string): ApiObject {
	const out: ApiObject = {type, status: value ? 'True' : 'False'};
	if (reason !== undefined) out.reason = reason;
	return out;
}

export function podObject(state: State, pod: Pod): ApiObject {
	const ownerReferences: ApiObject[] = [];
	if (pod.owner !== null) {
		const owner = getRow(state.workloads, workloadKey(pod.owner.kind, pod.namespace, pod.owner.name));
		ownerReferences.push(controllerRef(workloadApiVersion(pod.owner.kind), pod.owner.kind, pod.owner.name, owner?.uid));
	}
	const metadata = objectMeta({
		...pod,
		ownerReferences,
		// StatefulSet pods have fixed names; the other controllers use generateName (C2).
		generateName: pod.owner !== null && pod.owner.kind !== 'StatefulSet' ? `${pod.owner.name}-` : undefined,
	});
	if (pod.deletionTimestamp !== null) {
		// The API sets deletionTimestamp to when the pod will be gone: the delete plus its grace period.
		metadata.deletionTimestamp = apiTimestamp(pod.deletionTimestamp + pod.spec.terminationGracePeriodSeconds * 1000);
		metadata.deletionGracePeriodSeconds = pod.spec.terminationGracePeriodSeconds;
	}
	const spec = Object.assign(podSpecObject(pod.spec, admittedTolerations(pod.spec)), admittedPodFields(pod.spec));
	if (pod.nodeName !== null) spec.nodeName = pod.nodeName;

	// The API server records the QoS class when it admits the pod (pod strategy PrepareForCreate).
	const status: ApiObject = {phase: pod.phase, qosClass: qosClass(pod.spec)};
	if (pod.nodeName === null) {
		status.conditions = [condition('PodScheduled', false, pod.reason)];
	} else {
		const running = pod.containersRunning;
		const ready = pod.ready && running;
		status.conditions = [
			condition('PodReadyToStartContainers', pod.podIP !== null),
			condition('Initialized', true),
			condition('Ready', ready),
			condition('ContainersReady', ready),
			condition('PodScheduled', true),
		];
		const hostIP = state.nodes[pod.nodeName]?.internalIP;
		if (hostIP !== undefined) {
			status.hostIP = hostIP;
			status.hostIPs = [{ip: hostIP}];
		}
		status.containerStatuses = pod.spec.containers.map(container => {
			const out: ApiObject = {
				name: container.name,
				image: container.image,
				ready,
				restartCount: pod.restartCount,
				started: running,
				state: running
					? {running: {startedAt: apiTimestamp(pod.containerStartedAt ?? pod.startedAt ?? pod.createdAt)}}
					: {waiting: {reason: statusCell(pod) === 'CrashLoopBackOff' ? 'CrashLoopBackOff' : 'ContainerCreating'}},
			};
			if (pod.lastRestartAt !== null) {
				const terminated: ApiObject = {exitCode: 1, reason: 'Error', finishedAt: apiTimestamp(pod.lastRestartAt)};
				if (pod.lastStartedAt !== undefined) terminated.startedAt = apiTimestamp(pod.lastStartedAt);
				out.lastState = {terminated};
			}
			return out;
		});
	}
	if (pod.podIP !== null) {
		status.podIP = pod.podIP;
		status.podIPs = [{ip: pod.podIP}];
	}
	if (pod.startedAt !== null) status.startTime = apiTimestamp(pod.startedAt);
	return {apiVersion: 'v1', kind: 'Pod', metadata, spec, status};
}

export const podView: KindView<Pod> = {
	columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
	wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
	list: (state, namespace) => inNamespace(listRows(state.pods), namespace),
	meta: (_state, pod) => pod,
	row: podRow,
	object: podObject,
};
