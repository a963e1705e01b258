// `kubectl get replicasets`: DESIRED is spec.replicas, CURRENT the active pods, READY the
// ready ones (terminating pods count for neither, S61).

import {listRows} from '../sim/index.js';
import {formatLabels} from '../sim/labels.js';
import type {Workload, WorkloadKind} from '../sim/types.js';
import {ageSince} from './age.js';
import {inNamespace, type KindView} from './kind-view.js';
import {containerCells, formatLabelSelector} from './workload-columns.js';
import {workloadObject} from './workload-object.js';
import {replicaCounts} from './workload-pods.js';

/** The DESIRED/CURRENT/READY table shared by ReplicaSets and ReplicationControllers. */
export function replicaTableView(kind: Extract<WorkloadKind, 'ReplicaSet' | 'ReplicationController'>): KindView<Workload> {
	return {
		columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
		wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
		list: (state, namespace) => inNamespace(listRows(state.workloads), namespace).filter(w => w.kind === kind),
		meta: (_state, workload) => workload,
		row(state, workload, wide) {
			const counts = replicaCounts(state, workload);
			const cells = [workload.name, String(workload.replicas), String(counts.current), String(counts.ready), ageSince(state.clock, workload.createdAt)];
			if (wide) {
				// An RC's selector is a map (labels.FormatLabels); a ReplicaSet's a LabelSelector.
				const selector = kind === 'ReplicationController' ? formatLabels(workload.selector.matchLabels) : formatLabelSelector(workload.selector);
				cells.push(...containerCells(workload.template), selector);
			}
			return cells;
		},
		object: workloadObject,
	};
}

export const replicaSetView = replicaTableView('ReplicaSet');
