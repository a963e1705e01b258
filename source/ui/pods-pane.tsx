import {getRow} from '../sim/index.js';
import {podPolicyLines, servicePods, workloadRef} from '../view/tui/index.js';
import type {Model} from './model.js';
import {type PaneRow, TablePane} from './table-pane.js';

// NAME READY STATUS RESTARTS AGE IP NODE. Narrow, NODE goes before READY (kubectl's own default
// columns have READY and no NODE), and both go before a name is cut: the Endpoints pane beside
// says which addresses are ready.
const PRIORITY = [0, 2, 0, 4, 5, 0, 3];
// Planned widths (a generated name, `1/1`, `Terminating`, `RESTARTS`, `59s`, an IP, `node-1`),
// so a pod turning Terminating or ContainerCreating does not make a column come or go, nor a name
// shrink: what is longer than planned gives the excess back itself (`ContainerCreati…` for the
// second it lasts), and names, which commands are typed with, stay whole.
const NOMINAL = [16, 5, 11, 8, 3, 10, 6];

function color(status: string, ready: string): string | undefined {
	if (status === 'Terminating') return 'red';
	if (status !== 'Running') return 'yellow';
	return ready.startsWith('0/') ? 'yellow' : 'green';
}

export function PodsPane({model, width, height}: {model: Model; width: number; height: number}) {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	const list = servicePods(model.sim, service);
	const rows: PaneRow[] = list.items.map(item => {
		const [, ready, status] = item.cells;
		const c = ready === undefined || status === undefined ? undefined : color(status, ready);
		return {cells: item.cells, ...(c ? {color: c} : {})};
	});
	const behind = list.workloads.map(w => `${workloadRef(w)} ×${w.replicas}`).join(', ');
	// Where the cluster has NetworkPolicies, which isolate the pod under the cursor.
	// The row under the cursor, as model.ts selectedPod finds it, from the list this pane already made.
	const pod = list.items[Math.min(model.cursor.pods, list.items.length - 1)]?.pod;
	const policies = pod ? podPolicyLines(model.sim, pod) : null;
	return (
		<TablePane
			title={`Pods${behind ? ` (${behind})` : ''}`}
			focused={model.focus === 'pods'}
			width={width}
			height={height}
			headers={list.headers}
			priority={PRIORITY}
			nominal={NOMINAL}
			{...(policies === null ? {} : {head: policies, headRows: 2})}
			rows={rows}
			cursor={Math.min(model.cursor.pods, Math.max(0, rows.length - 1))}
			empty={
				service === undefined
					? 'select a Service'
					: service.spec.type === 'ExternalName'
						? 'ExternalName: no pods, DNS only'
						: service.spec.selector
							? 'no pod matches the selector'
							: 'no selector: endpoints are managed by hand'
			}
		/>
	);
}
