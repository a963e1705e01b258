// Workload controllers: ReplicationController, ReplicaSet, Deployment (through a ReplicaSet
// named by its pod-template-hash) and StatefulSet (ordered, stable names). docs/semantics.md C2, C3;
// docs/semantics.md S60, S61.

import type {Draft, StatefulSetProgress} from './draft.js';
import {indexMembers, put} from './draft.js';
import {recordEvent} from './events.js';
import {objectKey, workloadKey} from './keys.js';
import {createPod, deletePod} from './lifecycle.js';
import {generateName, generateUid, podTemplateHash} from './names.js';
import {isActive} from './pods.js';
import {getRow} from './rows.js';
import {ordinalIn} from './statefulset-progress.js';
import type {Pod, Workload} from './types.js';

/** Each controller's name as it signs its events (source.component); source/kinds/ reads it from here. */
export const SOURCE: Record<Workload['kind'], string> = {
	ReplicationController: 'replication-controller',
	ReplicaSet: 'replicaset-controller',
	Deployment: 'deployment-controller',
	StatefulSet: 'statefulset-controller',
};

export const keyOf = (w: Workload): string => workloadKey(w.kind, w.namespace, w.name);

function ownedPods(d: Draft, w: Workload): Pod[] {
	const pods: Pod[] = [];
	for (const key of indexMembers(d, 'podsByOwner', keyOf(w))) {
		const pod = getRow(d.s.pods, key);
		if (pod) pods.push(pod);
	}
	return pods;
}

export function reconcile(d: Draft, key: string): void {
	const w = getRow(d.s.workloads, key);
	// A pod the controller itself creates or deletes calls back here; the outer pass finishes
	// the job, so a nested pass would only double it.
	if (!w || d.reconciling.has(key)) return;
	d.reconciling.add(key);
	try {
		switch (w.kind) {
			case 'Deployment':
				reconcileDeployment(d, w);
				break;
			case 'StatefulSet':
				reconcileStatefulSet(d, w);
				break;
			default:
				reconcileReplicas(d, w);
		}
	} finally {
		d.reconciling.delete(key);
	}
}

// ReplicaSet scale-down ranking (controller.ActivePodsWithRanks, simplified): unscheduled,
// then pending, then not ready, then the newest go first.
function deletionRank(pod: Pod): [number, number, number, number] {
	return [pod.nodeName === null ? 0 : 1, pod.phase === 'Pending' ? 0 : 1, pod.ready ? 1 : 0, -pod.createdAt];
}

function compareRank(a: Pod, b: Pod): number {
	const [a0, a1, a2, a3] = deletionRank(a);
	const [b0, b1, b2, b3] = deletionRank(b);
	return a0 - b0 || a1 - b1 || a2 - b2 || a3 - b3 || (a.name < b.name ? -1 : 1);
}

function reconcileReplicas(d: Draft, w: Workload): void {
	// Every pod change calls back here: the count (sim/pods.ts) keeps that from listing every pod.
	const diff = w.replicas - (getRow(d.s.index.activePodCountByOwner, keyOf(w)) ?? 0);
	const involved = {kind: w.kind, namespace: w.namespace, name: w.name, uid: w.uid};
	for (let i = 0; i < diff; i++) {
		const name = uniqueName(d, w);
		createPod(d, podChanged, {
			namespace: w.namespace,
			name,
			labels: w.template.labels,
			annotations: w.template.annotations,
			spec: w.template.spec,
			owner: {kind: w.kind, name: w.name},
		});
		// pkg/controller/replicaset/replica_set.go (via controller_utils.go CreatePods): `Created pod: %v`.
		recordEvent(d, {type: 'Normal', reason: 'SuccessfulCreate', involved, message: `Created pod: ${name}`, source: SOURCE[w.kind]});
	}
	if (diff < 0) {
		const active = ownedPods(d, w).filter(isActive);
		for (const pod of active.sort(compareRank).slice(0, -diff)) {
			deletePod(d, pod, podChanged);
			recordEvent(d, {type: 'Normal', reason: 'SuccessfulDelete', involved, message: `Deleted pod: ${pod.name}`, source: SOURCE[w.kind]});
		}
	}
}

function uniqueName(d: Draft, w: Workload): string {
	for (;;) {
		const name = generateName(d, w.name);
		if (!getRow(d.s.pods, `${w.namespace}/${name}`)) return name;
	}
}

function reconcileDeployment(d: Draft, deploy: Workload): void {
	const hash = deploy.templateHash ?? podTemplateHash(deploy.template);
	const rsName = `${deploy.name}-${hash}`;
	const rsKey = workloadKey('ReplicaSet', deploy.namespace, rsName);
	const existing = getRow(d.s.workloads, rsKey);
	if (deploy.templateHash !== hash) put(d, 'workloads', keyOf(deploy), {...deploy, templateHash: hash});
	if (!existing || existing.replicas !== deploy.replicas) {
		const labels = {...deploy.template.labels, 'pod-template-hash': hash};
		const rs: Workload = existing
			? {...existing, replicas: deploy.replicas}
			: {
					kind: 'ReplicaSet',
					name: rsName,
					namespace: deploy.namespace,
					uid: generateUid(d),
					labels,
					annotations: {},
					replicas: deploy.replicas,
					selector: {
						matchLabels: {...deploy.selector.matchLabels, 'pod-template-hash': hash},
						matchExpressions: deploy.selector.matchExpressions,
					},
					template: {...deploy.template, labels},
					owner: {kind: 'Deployment', name: deploy.name},
					createdAt: d.s.clock,
				};
		put(d, 'workloads', rsKey, rs);
		if (!d.settling) {
			const verb = existing && existing.replicas > deploy.replicas ? 'down' : 'up';
			recordEvent(d, {
				type: 'Normal',
				reason: 'ScalingReplicaSet',
				involved: {kind: 'Deployment', namespace: deploy.namespace, name: deploy.name, uid: deploy.uid},
				// pkg/controller/deployment/sync.go scaleReplicaSet: `Scaled %s replica set %s to %d from %d`.
				message: `Scaled ${verb} replica set ${rsName} to ${deploy.replicas} from ${existing?.replicas ?? 0}`,
				source: SOURCE.Deployment,
			});
		}
	}
	reconcile(d, rsKey);
}

/** The pod `<set>-<i>` if this set owns it (stateful_set_utils.go getPodName). */
function podAt(d: Draft, w: Workload, i: number): Pod | undefined {
	const pod = getRow(d.s.pods, objectKey(w.namespace, `${w.name}-${i}`));
	return pod?.owner?.kind === 'StatefulSet' && pod.owner.name === w.name ? pod : undefined;
}

/** Where this step's passes over the set got to; the first one in a step looks at every pod once. */
function progressOf(d: Draft, w: Workload): StatefulSetProgress {
	const key = keyOf(w);
	let progress = d.statefulSets.get(key);
	if (!progress) {
		let top = -1;
		for (const pod of ownedPods(d, w)) top = Math.max(top, ordinalIn(w.name, pod.name) ?? -1);
		progress = {ready: 0, top};
		d.statefulSets.set(key, progress);
	}
	return progress;
}

/** OrderedReady: create ordinal i only once 0..i-1 are Running and Ready; remove from the top,
 *  one at a time; a deleted pod returns under the same name once the old one is gone (C2). Each
 *  pass goes on from where the step's last one stopped (sim/statefulset-progress.ts). */
function reconcileStatefulSet(d: Draft, w: Workload): void {
	const progress = progressOf(d, w);
	const involved = {kind: 'StatefulSet', namespace: w.namespace, name: w.name, uid: w.uid};
	for (let i = progress.ready; i < w.replicas; i++) {
		const pod = podAt(d, w, i);
		if (!pod) {
			const name = `${w.name}-${i}`;
			// The old pod of this ordinal must be gone (not just Terminating) before its successor.
			if (getRow(d.s.pods, objectKey(w.namespace, name))) return;
			createPod(d, podChanged, {
				namespace: w.namespace,
				name,
				labels: {
					...w.template.labels,
					'statefulset.kubernetes.io/pod-name': name,
					'apps.kubernetes.io/pod-index': String(i),
				},
				annotations: w.template.annotations,
				spec: {...w.template.spec, hostname: name, ...(w.serviceName ? {subdomain: w.serviceName} : {})},
				owner: {kind: 'StatefulSet', name: w.name},
			});
			recordEvent(d, {
				type: 'Normal',
				reason: 'SuccessfulCreate',
				involved,
				// pkg/controller/statefulset/stateful_pod_control.go recordPodEvent: `%s Pod %s in StatefulSet %s successful`.
				message: `create Pod ${name} in StatefulSet ${w.name} successful`,
				source: SOURCE.StatefulSet,
			});
			if (!d.settling) return;
			continue;
		}
		const counted = pod.ready && pod.deletionTimestamp === null;
		if (!d.settling && !counted) return;
		if (counted && i === progress.ready) progress.ready = i + 1;
	}
	// pkg/controller/statefulset/stateful_set_control.go processCondemned: the condemned (ordinals past replicas) go
	// from the highest down, the next only once the one before is gone. A pod that never started
	// goes at once, and its removal cannot call back into this pass: go on to the next one here.
	for (let i = progress.top; i >= w.replicas; i--) {
		const victim = podAt(d, w, i);
		if (!victim) continue;
		// Nothing above it is left: the next pass starts here.
		progress.top = i;
		if (victim.deletionTimestamp !== null) return;
		deletePod(d, victim, podChanged);
		recordEvent(d, {
			type: 'Normal',
			reason: 'SuccessfulDelete',
			involved,
			message: `delete Pod ${victim.name} in StatefulSet ${w.name} successful`,
			source: SOURCE.StatefulSet,
		});
		if (getRow(d.s.pods, objectKey(victim.namespace, victim.name))) return;
	}
	progress.top = Math.min(progress.top, w.replicas - 1);
}

/** What the controllers do when a pod changes: the lifecycle calls it (lifecycle.ts OnPodChange). */
export function podChanged(d: Draft, pod: Pod): void {
	if (pod.owner) reconcile(d, workloadKey(pod.owner.kind, pod.namespace, pod.owner.name));
	else if (/^.+-\d+$/.test(pod.name)) {
		// A StatefulSet cannot create `<sts>-<i>` while a pod it no longer owns (relabelled out of
		// its selector) holds the name; the controller requeues the failed sync and retries, so the
		// name coming free is what lets it go on.
		const statefulSet = pod.name.slice(0, pod.name.lastIndexOf('-'));
		reconcile(d, workloadKey('StatefulSet', pod.namespace, statefulSet));
	}
}
