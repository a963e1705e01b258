// `kubectl describe deployment | replicaset | replicationcontroller | statefulset` (describe.go
// describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet;
// release-1.34). Each has its own Replicas line; the counts are those `-o json` reports
// (workload-pods.ts replicaCounts), the Pods Status line counts the controller's pods by phase
// (getPodStatusForController).

import {getRow, listRows} from '../sim/index.js';
import {members} from '../sim/index-sets.js';
import {workloadKey} from '../sim/keys.js';
import {formatLabels} from '../sim/labels.js';
import type {State, Workload} from '../sim/types.js';
import {writePodTemplate} from './describe-containers.js';
import {type DescribeWriter, describeWriter, rfc1123z} from './describe-writer.js';
import {formatLabelSelector, selectorString} from './workload-columns.js';
import {replicaCounts} from './workload-pods.js';

function podsStatus(state: State, workload: Workload): string {
	const counts = {Running: 0, Pending: 0, Succeeded: 0, Failed: 0};
	for (const key of members(getRow(state.index.podsByOwner, workloadKey(workload.kind, workload.namespace, workload.name)))) {
		const phase = getRow(state.pods, key)?.phase;
		if (phase !== undefined && phase !== 'Unknown') counts[phase]++;
	}
	return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function writeMeta(w: DescribeWriter, workload: Workload): void {
	w.labels('Labels', workload.labels);
	w.annotations('Annotations', workload.annotations);
}

function describeReplicaSet(state: State, rs: Workload): string {
	const w = describeWriter();
	w.write(0, 'Name:', rs.name);
	w.write(0, 'Namespace:', rs.namespace);
	// A ReplicationController's selector is a map (labels.FormatLabels), a ReplicaSet's a LabelSelector.
	w.write(0, 'Selector:', rs.kind === 'ReplicationController' ? formatLabels(rs.selector.matchLabels) : formatLabelSelector(rs.selector));
	writeMeta(w, rs);
	if (rs.owner !== null) w.write(0, 'Controlled By:', `${rs.owner.kind}/${rs.owner.name}`);
	w.write(0, 'Replicas:', `${replicaCounts(state, rs).current} current / ${rs.replicas} desired`);
	w.write(0, 'Pods Status:', podsStatus(state, rs));
	writePodTemplate(w, rs.template);
	w.events(state, rs);
	return w.text();
}

function describeStatefulSet(state: State, sts: Workload): string {
	const w = describeWriter();
	w.write(0, 'Name:', sts.name);
	w.write(0, 'Namespace:', sts.namespace);
	w.write(0, 'CreationTimestamp:', rfc1123z(sts.createdAt));
	w.write(0, 'Selector:', selectorString(sts.selector));
	writeMeta(w, sts);
	w.write(0, 'Replicas:', `${sts.replicas} desired | ${replicaCounts(state, sts).current} total`);
	// The API's defaults: RollingUpdate with partition 0 (pkg/apis/apps/v1 defaults.go).
	w.write(0, 'Update Strategy:', 'RollingUpdate');
	w.write(1, 'Partition:', '0');
	w.write(0, 'Pods Status:', podsStatus(state, sts));
	writePodTemplate(w, sts.template);
	w.write(0, 'Volume Claims:', '<none>');
	w.events(state, sts);
	return w.text();
}

/** The Deployment's ReplicaSets: the one of its current template hash is new, the rest old. */
function replicaSetsOf(state: State, deployment: Workload): {old: Workload[]; current: Workload[]} {
	const newName = deployment.templateHash === undefined ? null : `${deployment.name}-${deployment.templateHash}`;
	const old: Workload[] = [];
	const current: Workload[] = [];
	for (const w of listRows(state.workloads)) {
		if (w.kind !== 'ReplicaSet' || w.namespace !== deployment.namespace || w.owner?.name !== deployment.name) continue;
		(w.name === newName ? current : old).push(w);
	}
	old.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return {old, current};
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, comma-joined; `<none>`. */
function replicaSetList(state: State, sets: ReadonlyArray<Workload>): string {
	if (sets.length === 0) return '<none>';
	return sets.map(rs => `${rs.name} (${replicaCounts(state, rs).current}/${rs.replicas} replicas created)`).join(', ');
}

function describeDeployment(state: State, deployment: Workload): string {
	const counts = replicaCounts(state, deployment);
	const replicas = deployment.replicas;
	const unavailable = Math.max(0, replicas - counts.available);
	const w = describeWriter();
	w.write(0, 'Name:', deployment.name);
	w.write(0, 'Namespace:', deployment.namespace);
	w.write(0, 'CreationTimestamp:', rfc1123z(deployment.createdAt));
	writeMeta(w, deployment);
	w.write(0, 'Selector:', selectorString(deployment.selector));
	w.write(
		0,
		'Replicas:',
		`${replicas} desired | ${counts.updated} updated | ${counts.current} total | ${counts.available} available | ${unavailable} unavailable`,
	);
	// The API's default strategy (pkg/apis/apps/v1 defaults.go): the model has no other.
	w.write(0, 'StrategyType:', 'RollingUpdate');
	w.write(0, 'MinReadySeconds:', '0');
	w.write(0, 'RollingUpdateStrategy:', '25% max unavailable, 25% max surge');
	writePodTemplate(w, deployment.template);
	// pkg/controller/deployment/sync.go: Available once at most maxUnavailable (25%, rounded down)
	// pods are missing; Progressing says why the rollout last moved.
	const maxUnavailable = Math.floor(replicas * 0.25);
	const available = counts.available >= replicas - maxUnavailable;
	const complete = counts.updated === replicas && counts.current === replicas && counts.available === replicas;
	w.write(0, 'Conditions:');
	w.write(1, 'Type', 'Status', 'Reason');
	w.write(1, '----', '------', '------');
	w.write(1, 'Available ', available ? 'True' : 'False', available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable');
	w.write(1, 'Progressing ', 'True', complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated');
	const sets = replicaSetsOf(state, deployment);
	if (sets.old.length > 0 || sets.current.length > 0) {
		w.write(0, 'OldReplicaSets:', replicaSetList(state, sets.old));
		w.write(0, 'NewReplicaSet:', replicaSetList(state, sets.current));
	}
	w.events(state, deployment);
	return w.text();
}

export function describeWorkload(state: State, workload: Workload): string {
	switch (workload.kind) {
		case 'Deployment':
			return describeDeployment(state, workload);
		case 'StatefulSet':
			return describeStatefulSet(state, workload);
		default:
			return describeReplicaSet(state, workload);
	}
}
