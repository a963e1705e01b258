import {sanitize} from '../view/index.js';
import {endpointView} from '../view/tui/index.js';
import {HIGHLIGHT_MS, type Model} from './model.js';
import {type PaneRow, TablePane} from './table-pane.js';

const STATE_COLOR = {ready: 'green', 'not ready': 'yellow', terminating: 'red'} as const;

export function EndpointsPane({model, width, height}: {model: Model; width: number; height: number}) {
	const service = model.selected ? model.sim.services[model.selected] : undefined;
	const focused = model.focus === 'endpoints';
	if (!service) {
		return (
			<TablePane
				title="Endpoints"
				focused={focused}
				width={width}
				height={height}
				headers={[]}
				priority={[]}
				rows={[]}
				cursor={null}
				empty="select a Service"
			/>
		);
	}
	const view = endpointView(model.sim, service);
	const now = model.sim.clock;
	const recent = model.changes.filter(c => c.service === model.selected && now - c.at <= HIGHLIGHT_MS);
	const rows: PaneRow[] = view.lines.map(line => {
		const added = recent.find(c => c.kind === 'added' && c.ip === line.ip);
		const replacedBy = recent.find(c => c.kind === 'added' && c.replaces === line.ip);
		const change = added ? (added.replaces ? `was ${added.replaces}` : 'new') : replacedBy ? `→ ${replacedBy.ip}` : '';
		return {
			cells: [line.address, line.node, line.pod, line.state, change],
			color: STATE_COLOR[line.state],
			bold: added !== undefined,
		};
	});
	// Addresses that just stopped taking traffic and are already gone from the list.
	for (const gone of recent.filter(c => c.kind === 'removed' && !view.lines.some(l => l.ip === c.ip))) {
		const successor = recent.find(c => c.kind === 'added' && c.replaces === gone.ip);
		rows.push({cells: [gone.ip, '', sanitize(gone.pod ?? ''), 'gone', successor ? `→ ${successor.ip}` : ''], color: 'gray'});
	}
	const headless = service.clusterIP === 'None';
	// The latest IP change stays in view even when the CHANGE column does not fit.
	const latest = [...recent].reverse().find(c => c.kind === 'added' && c.replaces);
	const head = latest ? `IP ${latest.replaces} → ${latest.ip} (pod replaced)` : view.head;
	return (
		<TablePane
			title={`Endpoints: ${sanitize(service.name)}`}
			focused={focused}
			width={width}
			height={height}
			head={head}
			headers={view.lines.length > 0 || rows.length > 0 ? [headless ? 'DNS RECORD' : 'ADDRESS', 'NODE', 'POD', 'STATE', 'CHANGE'] : []}
			priority={[0, 3, 2, 0, 1]}
			rows={rows}
			cursor={focused ? model.cursor.endpoints : null}
			empty={service.type === 'ExternalName' ? '' : 'no endpoints: connections are refused'}
		/>
	);
}
