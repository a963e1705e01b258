// `kubectl get deployments`: READY is ready/desired; counts come from the pods of the
// Deployment's ReplicaSets.

import {listRows} from '../sim/index.js';
import type {Workload} from '../sim/types.js';
import {ageSince} from './age.js';
import {inNamespace, type KindView} from './kind-view.js';
import {containerCells, selectorString} from './workload-columns.js';
import {workloadObject} from './workload-object.js';
import {replicaCounts} from './workload-pods.js';

export const deploymentView: KindView<Workload> = {
	columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
	wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
	list: (state, namespace) => inNamespace(listRows(state.workloads), namespace).filter(w => w.kind === 'Deployment'),
	meta: (_state, workload) => workload,
	row(state, deployment, wide) {
		const counts = replicaCounts(state, deployment);
		const cells = [
			deployment.name,
			`${counts.ready}/${deployment.replicas}`,
			String(counts.updated),
			String(counts.available),
			ageSince(state.clock, deployment.createdAt),
		];
		// printDeployment prints `selector.String()`, not FormatLabelSelector: no `<none>`.
		if (wide) cells.push(...containerCells(deployment.template), selectorString(deployment.selector));
		return cells;
	},
	object: workloadObject,
};
