import {kindByResource} from '../kinds/registry.js';
import {sanitize} from '../view/index.js';
import type {Model} from './model.js';
import {type PaneRow, TablePane} from './table-pane.js';
import {type TableView, tableOf} from './table-views.js';
import {textWidth} from './text-width.js';

/** Where a view was reached from, k9s's breadcrumbs: `services › deployments › web › web-7d4b9c`. */
export const breadcrumbs = (views: ReadonlyArray<TableView>): string => ['services', ...views.map(v => v.scope.crumb)].join(' › ');

// k9s colours a row by its state (derailed/k9s internal/render: pods, nodes, deployments).
const HEALTHY = new Set(['Running', 'Completed', 'Succeeded', 'Active', 'Ready', 'Normal']);

function rowColor(headers: readonly string[], cells: readonly string[]): string | undefined {
	// Events say how they went in TYPE (Normal, Warning); the others in STATUS, where they have one.
	const column = headers.includes('STATUS') ? 'STATUS' : headers.includes('REASON') ? 'TYPE' : null;
	const status = column === null ? undefined : cells[headers.indexOf(column)];
	if (status === undefined) return undefined;
	if (status === 'Terminating' || status === 'NotReady' || status === 'Warning' || status.includes('Err') || status.includes('BackOff')) return 'red';
	return HEALTHY.has(status) ? undefined : 'yellow';
}

const IMPORTANT = new Map([
	['NAMESPACE', 0],
	['NAME', 0],
	['IP', 1],
	['CLUSTER-IP', 1],
	['INTERNAL-IP', 1],
	['ENDPOINTS', 1],
	['ADDRESSES', 1],
	['STATUS', 2],
	['READY', 3],
	// Events: what happened to which object (a generated NAME says neither).
	['OBJECT', 1],
	['REASON', 2],
	['MESSAGE', 4],
]);

// Events: what happened (REASON, MESSAGE) to which object, when and how it went; their generated
// NAME says none of that and goes first (a learner reading FailedScheduling needs its MESSAGE).
const EVENT_IMPORTANT = new Map([
	['NAMESPACE', 0],
	['OBJECT', 1],
	['REASON', 1],
	['MESSAGE', 2],
	['TYPE', 3],
	['LAST SEEN', 3],
	['NAME', 30],
]);
/** The widest STATUS a running workload's pods show on the way (`ContainerCreating`, `CrashLoopBackOff`). */
const POD_FLOORS = new Map([['STATUS', 'ContainerCreating'.length]]);

/** A message and a long object name read fine cut short; they give up width before a column goes. */
const EVENT_SHRINK = new Map([
	['OBJECT', 22],
	['MESSAGE', 20],
]);

/** A resource view (`:po`, Enter on a row): the kind's `get -o wide` table, live, over the whole middle. */
export function ResourcePane({model, view, width, height}: {model: Model; view: TableView; width: number; height: number}) {
	const table = tableOf(model.sim, view);
	const {headers} = table;
	// NAMESPACE and NAME stay; addresses, the point of the show, go last; the others from the
	// right as the width runs out (-o wide's first).
	const events = view.scope.resource === 'events';
	const priority = headers.map((h, i) => (events ? EVENT_IMPORTANT : IMPORTANT).get(h) ?? 10 + i);
	const shrinkTo = headers.map(h => (events ? EVENT_SHRINK.get(h) : undefined) ?? Infinity);
	// Planned over every row, not just the ones on screen, so scrolling does not move the columns;
	// and with room for the statuses a pod passes through, so one turning ContainerCreating does
	// not take a column away.
	const floors = view.scope.resource === 'pods' ? POD_FLOORS : undefined;
	const nominal = table.nominal(textWidth).map((w, i) => Math.max(w, floors?.get(headers[i] ?? '') ?? 0));
	const marked = headers.map(h => (view.sort?.column === h ? `${h}${view.sort.descending ? '↓' : '↑'}` : h));
	const row = (index: number): PaneRow => {
		const cells = table.row(index);
		const color = rowColor(headers, cells);
		return {cells, ...(color ? {color} : {})};
	};
	const kind = kindByResource(view.scope.resource);
	const where = view.scope.namespace === null ? (kind.namespaced ? 'all' : '') : view.scope.namespace;
	// The sort is named in the title too: narrow, its column may be one that does not show.
	const sorted = view.sort ? ` · by ${view.sort.column}${view.sort.descending ? '↓' : '↑'}` : '';
	const title = `${breadcrumbs(model.views)}${view.filter ? ` /${sanitize(view.filter)}` : ''} · ${kind.kind}${where ? `(${where})` : ''}[${table.keys.length}]${sorted}`;
	return (
		<TablePane
			title={title}
			focused={true}
			width={width}
			height={height}
			headers={marked}
			priority={priority}
			shrinkTo={shrinkTo}
			nominal={nominal}
			count={table.keys.length}
			row={row}
			cursor={view.cursor}
			empty={table.empty}
		/>
	);
}
