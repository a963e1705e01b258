import {listRows} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {serviceList} from '../view/tui/index.js';
import {HIGHLIGHT_MS, type Model} from './model.js';
import {type PaneRow, TablePane} from './table-pane.js';

// NAMESPACE NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE ENDPOINTS: what goes first when narrow
// (a column that is blank or `<none>` in every row goes before all of them), after long
// EXTERNAL-IP and PORT(S) cells have been cut short. When two Services share a name in different
// namespaces, NAMESPACE outlasts TYPE: without it their rows would read alike. The Services of a
// session never change, so neither does the choice.
const PRIORITY = [3, 0, 2, 0, 4, 1, 5, 0];
const PRIORITY_SHARED_NAMES = [2, 0, 3, 0, 4, 1, 5, 0];

const sharedNames = new WeakMap<object, boolean>();

/** Whether two Services of `sim` have the same name (in different namespaces). */
function namesShared(sim: Model['sim']): boolean {
	let shared = sharedNames.get(sim.services);
	if (shared === undefined) {
		const seen = new Set<string>();
		shared = false;
		for (const service of listRows(sim.services)) {
			if (seen.has(service.name)) {
				shared = true;
				break;
			}
			seen.add(service.name);
		}
		sharedNames.set(sim.services, shared);
	}
	return shared;
}
const SHRINK_TO = [Infinity, Infinity, Infinity, Infinity, 15, 12, Infinity, Infinity];
// Planned widths (`kube-system`, a name, `LoadBalancer`, an IP, …, `3/3 ready`): which columns
// show depends on the pane's width, not on the rows on screen or this second's statuses.
const NOMINAL = [11, 14, 12, 14, 12, 12, 3, 10];

export function ServicesPane({model, width, height}: {model: Model; width: number; height: number}) {
	const list = serviceList(model.sim, model.filter);
	// The Services an apply just changed the routing of (its diff is in the viewer), for as long as
	// the Endpoints pane shows its changes.
	const changed = model.routingChanged;
	const marked = changed && model.sim.clock - changed.at <= HIGHLIGHT_MS ? new Set(changed.services) : undefined;
	const row = (index: number): PaneRow => {
		const item = list.item(index);
		const mark = marked?.has(item.key) === true;
		// No endpoint at all (`<none>: …`) is as red as none ready.
		const none = item.cells.at(-1)?.startsWith('<none>') ?? false;
		const color = none || (item.type !== 'ExternalName' && item.total > 0 && item.ready === 0) ? 'red' : item.ready < item.total ? 'yellow' : undefined;
		return {cells: item.cells, ...(color ? {color} : {}), ...(mark ? {mark, bold: true} : {})};
	};
	const title = `Services${model.filter ? ` /${sanitize(model.filter)}` : ''} (all namespaces)`;
	return (
		<TablePane
			title={title}
			focused={model.focus === 'services'}
			width={width}
			height={height}
			headers={list.headers}
			priority={namesShared(model.sim) ? PRIORITY_SHARED_NAMES : PRIORITY}
			shrinkTo={SHRINK_TO}
			nominal={NOMINAL}
			count={list.keys.length}
			row={row}
			cursor={model.cursor.services}
			empty={
				list.filterError !== undefined
					? `invalid filter: ${sanitize(list.filterError)}`
					: model.filter
						? `no Service matches /${sanitize(model.filter)} (Esc clears the filter)`
						: 'no Services'
			}
		/>
	);
}
