// The objects `-o json` prints for workloads, with status counts computed from the pods.

import {getRow} from '../sim/index.js';
import {workloadKey} from '../sim/keys.js';
import type {State, Workload} from '../sim/types.js';
import {type ApiObject, controllerRef, labelSelectorObject, nonZero, objectMeta, podSpecObject} from './api-object.js';
import {workloadApiVersion} from './workload-columns.js';
import {replicaCounts} from './workload-pods.js';

export function workloadObject(state: State, workload: Workload): ApiObject {
	const counts = replicaCounts(state, workload);
	const ownerReferences: ApiObject[] = [];
	if (workload.owner !== null) {
		const owner = getRow(state.workloads, workloadKey(workload.owner.kind, workload.namespace, workload.owner.name));
		ownerReferences.push(controllerRef('apps/v1', 'Deployment', workload.owner.name, owner?.uid));
	}
	const template: ApiObject = {metadata: {labels: {...workload.template.labels}}, spec: podSpecObject(workload.template.spec)};
	if (Object.keys(workload.template.annotations).length > 0) {
		(template.metadata as ApiObject).annotations = {...workload.template.annotations};
	}
	const spec: ApiObject = {
		replicas: workload.replicas,
		// A ReplicationController's selector is a plain map.
		selector: workload.kind === 'ReplicationController' ? {...workload.selector.matchLabels} : labelSelectorObject(workload.selector),
		template,
	};
	if (workload.serviceName !== undefined) spec.serviceName = workload.serviceName;

	let status: ApiObject;
	switch (workload.kind) {
		case 'Deployment':
			status = nonZero({
				replicas: counts.current,
				updatedReplicas: counts.updated,
				readyReplicas: counts.ready,
				availableReplicas: counts.available,
				unavailableReplicas: Math.max(0, workload.replicas - counts.available),
			});
			break;
		case 'StatefulSet':
			status = {
				replicas: counts.current,
				...nonZero({readyReplicas: counts.ready, currentReplicas: counts.current, updatedReplicas: counts.updated}),
				availableReplicas: counts.available,
			};
			break;
		default:
			status = {
				replicas: counts.current,
				...nonZero({fullyLabeledReplicas: counts.current, readyReplicas: counts.ready, availableReplicas: counts.available}),
			};
	}
	return {
		apiVersion: workloadApiVersion(workload.kind),
		kind: workload.kind,
		metadata: objectMeta({...workload, ownerReferences}),
		spec,
		status,
	};
}
