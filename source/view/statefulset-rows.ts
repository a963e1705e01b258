// `kubectl get statefulsets`: READY is ready/desired.

import {listRows} from '../sim/index.js';
import type {Workload} from '../sim/types.js';
import {ageSince} from './age.js';
import {inNamespace, type KindView} from './kind-view.js';
import {containerCells} from './workload-columns.js';
import {workloadObject} from './workload-object.js';
import {replicaCounts} from './workload-pods.js';

export const statefulSetView: KindView<Workload> = {
	columns: ['NAME', 'READY', 'AGE'],
	wideColumns: ['CONTAINERS', 'IMAGES'],
	list: (state, namespace) => inNamespace(listRows(state.workloads), namespace).filter(w => w.kind === 'StatefulSet'),
	meta: (_state, workload) => workload,
	row(state, sts, wide) {
		const counts = replicaCounts(state, sts);
		const cells = [sts.name, `${counts.ready}/${sts.replicas}`, ageSince(state.clock, sts.createdAt)];
		if (wide) cells.push(...containerCells(sts.template));
		return cells;
	},
	object: workloadObject,
};
