// `kubectl describe pod` (describe.go describePod, release-1.34). Status, conditions and container
// state come from the same Pod object `-o json` prints (pod-rows.ts podObject), so the two agree.

import {admittedTolerations} from '../sim/taints.js';
import type {Pod, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ContainerStatusView, writeContainers, writeTolerations} from './describe-containers.js';
import {describeWriter, rfc1123z} from './describe-writer.js';
import {serviceAccountOf} from './pod-defaults.js';
import {qosClass} from './pod-resources.js';
import {podObject, statusCell} from './pod-rows.js';

interface Condition {
	type: string;
	status: string;
}

function conditionsOf(state: State, pod: Pod): Condition[] {
	const status = podObject(state, pod).status as {conditions?: Condition[]};
	return status.conditions ?? [];
}

function containerStatuses(pod: Pod): Map<string, ContainerStatusView> | null {
	// The kubelet reports container statuses once the pod is bound to its node.
	if (pod.nodeName === null) return null;
	const running = pod.containersRunning;
	const view: ContainerStatusView = {
		ready: pod.ready && running,
		restartCount: pod.restartCount,
		state: running
			? {running: {startedAt: rfc1123z(pod.containerStartedAt ?? pod.startedAt ?? pod.createdAt)}}
			: {waiting: {reason: statusCell(pod) === 'CrashLoopBackOff' ? 'CrashLoopBackOff' : 'ContainerCreating'}},
	};
	if (pod.lastRestartAt !== null) {
		view.lastTerminated = {finishedAt: rfc1123z(pod.lastRestartAt), ...(pod.lastStartedAt !== undefined ? {startedAt: rfc1123z(pod.lastStartedAt)} : {})};
	}
	return new Map(pod.spec.containers.map(c => [c.name, view]));
}

export function describePod(state: State, pod: Pod): string {
	const w = describeWriter();
	w.write(0, 'Name:', pod.name);
	w.write(0, 'Namespace:', pod.namespace);
	w.write(0, 'Priority:', '0');
	w.write(0, 'Service Account:', serviceAccountOf(pod.spec));
	w.write(0, 'Node:', pod.nodeName === null ? '<none>' : `${pod.nodeName}/${state.nodes[pod.nodeName]?.internalIP ?? ''}`);
	if (pod.startedAt !== null) w.write(0, 'Start Time:', rfc1123z(pod.startedAt));
	w.labels('Labels', pod.labels);
	w.annotations('Annotations', pod.annotations);
	if (pod.deletionTimestamp !== null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') {
		// kubectl measures from the deletionTimestamp, which lies a grace period ahead: `<invalid>` until then.
		const grace = pod.spec.terminationGracePeriodSeconds;
		w.write(0, 'Status:', `Terminating (lasts ${ageSince(state.clock, pod.deletionTimestamp + grace * 1000)})`);
		w.write(0, 'Termination Grace Period:', `${grace}s`);
	} else {
		w.write(0, 'Status:', pod.phase);
	}
	w.write(0, 'IP:', pod.podIP ?? '');
	if (pod.podIP === null) w.write(0, 'IPs:', '<none>');
	else {
		w.write(0, 'IPs:');
		w.write(1, 'IP:', pod.podIP);
	}
	if (pod.owner !== null) w.write(0, 'Controlled By:', `${pod.owner.kind}/${pod.owner.name}`);
	writeContainers(w, pod.spec, containerStatuses(pod), '');
	const conditions = conditionsOf(state, pod);
	if (conditions.length > 0) {
		w.write(0, 'Conditions:');
		w.write(1, 'Type', 'Status');
		// `%v \t%v \n`: kubectl leaves a space after each value.
		for (const c of conditions) w.write(1, `${c.type} `, `${c.status} `);
	}
	w.write(0, 'Volumes:', '<none>');
	w.write(0, 'QoS Class:', qosClass(pod.spec));
	w.labels('Node-Selectors', pod.spec.nodeSelector ?? {});
	// The pod's tolerations after admission: DefaultTolerationSeconds adds the not-ready and
	// unreachable ones for 300 s unless the pod has its own (sim/taints.ts admittedTolerations).
	writeTolerations(w, 'Tolerations:', admittedTolerations(pod.spec));
	// PodDescriber clears the kind on the reference it searches events with.
	w.events(state, {namespace: pod.namespace, name: pod.name, uid: pod.uid});
	return w.text();
}
