import {getRow} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {type EndpointChange, endpointView} from '../view/tui/index.js';
import {HIGHLIGHT_MS, type Model} from './model.js';
import {type PaneRow, TablePane} from './table-pane.js';
import {wrapWidth} from './text-width.js';

const STATE_COLOR = {ready: 'green', 'not ready': 'yellow', terminating: 'red', 'no port': 'red'} as const;

// NODE, ZONE and CONDITIONS are the EndpointSlice's own fields for the address (endpoint-lines.ts).
const HEADERS = ['ADDRESS', 'NODE', 'ZONE', 'POD', 'STATE', 'CONDITIONS', 'CHANGE'];
// What goes first when narrow: ZONE, CONDITIONS (STATE sums them up), NODE, then POD, then CHANGE
// (the head tells the latest change too).
const PRIORITY = [0, 3, 5, 2, 0, 4, 1];
// Planned widths (`10.244.1.3:8080`, `node-1`, `us-east-1a`, a generated pod name, `terminating`,
// `ready serving`, `was 10.244.1.3`): the columns shown depend on the pane's width, not on this
// second's rows.
const NOMINAL = [15, 6, 10, 16, 11, 13, 14];

/** The slice's conditions that hold, in the API's field order (discovery/v1 EndpointConditions). */
function conditionsCell(c: {ready: boolean; serving: boolean; terminating: boolean}): string {
	const held = [c.ready && 'ready', c.serving && 'serving', c.terminating && 'terminating'].filter(Boolean);
	return held.length > 0 ? held.join(' ') : 'none';
}

/** The CHANGE cell of an address still listed. */
function listedChange(change: EndpointChange | undefined, successor: EndpointChange | undefined): string {
	if (!change) return '';
	if (change.kind === 'added') {
		switch (change.cause) {
			case 'replaced':
				return change.replaces === change.ip ? 'new pod, same IP' : `was ${change.replaces}`;
			case 'restarted':
				return 'restarted, same IP';
			case 'joined selector':
				return 'joined selector';
			default:
				return change.cause;
		}
	}
	if (successor) return `→ ${successor.ip}`;
	switch (change.cause) {
		case 'restarted':
			return 'restarting, same IP';
		case 'unready':
			return 'not ready';
		default:
			return change.cause;
	}
}

/** The CHANGE cell of an address that is gone from the list. */
function goneChange(change: EndpointChange, successor: EndpointChange | undefined): string {
	if (successor) return `→ ${successor.ip}`;
	return change.cause;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The latest change in a sentence, for the line above the rows (it stays when CHANGE does not fit). */
function story(recent: ReadonlyArray<EndpointChange>, head: string, counted: Model['changeCounts'], service: string | null): string | null {
	const last = recent.at(-1);
	if (!last) return null;
	const now = recent.filter(c => c.at === last.at);
	const replaced = [...now].reverse().find(c => c.cause === 'replaced');
	if (replaced) return replaced.replaces === replaced.ip ? `IP ${replaced.ip}: new pod, same IP` : `IP ${replaced.replaces} → ${replaced.ip} (pod replaced)`;
	// The kept changes are the last hundred; the step's own count has them all.
	const count = (cause: EndpointChange['cause']) =>
		(counted?.at === last.at ? counted.counts[`${service}\0${cause}`] : undefined) ?? now.filter(c => c.cause === cause).length;
	// Scaling: the counts in the head are the news, and what made them. They count endpoints, not
	// pods: a scale-down deletes the pods that are not ready first (docs/semantics.md C3), and
	// those were never endpoints.
	if (count('scaled up') > 0) return `${head} · +${plural(count('scaled up'), 'endpoint')}, scaled up`;
	if (count('scaled down') > 0) return `${head} · −${plural(count('scaled down'), 'endpoint')}, scaled down`;
	switch (last.cause) {
		case 'restarted':
			return last.kind === 'added' ? `IP ${last.ip} kept (container restarted)` : `IP ${last.ip} kept: container restarting`;
		case 'left selector':
			return `${last.ip} left the selector (pod runs on)`;
		case 'joined selector':
			return `${last.ip} joined the selector`;
		case 'deleted':
			// Its replacement, once ready, is the story; until then the counts are.
			return null;
		case 'unready':
			return `${last.ip} not ready (readiness failing)`;
		case 'ready again':
			return `${last.ip} ready again`;
		default:
			return `${last.ip} new`;
	}
}

/**
 * The lines above the addresses, as many as fit in `rows` rows of `width`: the latest change (or
 * the endpoint count) and `check`'s warnings. When they do not all fit, a warning's explanation in
 * parentheses goes first; then, unless a change is the news, the count (the Services row shows it
 * too) moves after the warnings, so a narrow pane still says what is wrong (issue 10).
 */
function fitHead(news: string | null, summary: string, warnings: ReadonlyArray<string>, width: number, rows: number): string[] {
	const fits = (lines: string[]) => lines.reduce((n, line) => n + wrapWidth(line, width).length, 0) <= rows;
	const full = warnings.map(w => `⚠ ${w}`);
	const short = warnings.map(w => `⚠ ${w.replace(/ \(.*\)$/, '')}`);
	const first = news ?? summary;
	// Narrow, the address the clients connect to goes before the news about its endpoints does
	// (`2 of 2 ready · −1 endpoint, scaled down`): the Services row shows the address anyway.
	const compact = first.replace(/^ClusterIP \S+ → /, '');
	for (const candidate of [
		[first, ...full],
		[first, ...short],
		[compact, ...full],
		[compact, ...short],
	])
		if (fits(candidate)) return candidate;
	return news === null && warnings.length > 0 ? [...short, summary] : [compact, ...short];
}

export function EndpointsPane({model, width, height}: {model: Model; width: number; height: number}) {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
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
	const successorOf = (gone: EndpointChange) => recent.find(c => c.kind === 'added' && c.cause === 'replaced' && c.replaces === gone.ip && c.at >= gone.at);
	const latestFor = (ip: string, pod: string) => [...recent].reverse().find(c => c.ip === ip && sanitize(c.pod ?? '<none>') === pod);
	const rows: PaneRow[] = view.lines.map(line => {
		const change = latestFor(line.ip, line.pod);
		return {
			cells: [
				line.address,
				line.node,
				line.zone,
				line.pod,
				line.state,
				conditionsCell(line.conditions),
				listedChange(change, change?.kind === 'removed' ? successorOf(change) : undefined),
			],
			color: STATE_COLOR[line.state],
			bold: change?.kind === 'added',
		};
	});
	// Addresses that just stopped taking traffic and are already gone from the list.
	const shown = new Set(view.lines.map(l => l.ip));
	for (const gone of recent.filter(c => c.kind === 'removed' && !shown.has(c.ip))) {
		// Only the latest word on each address.
		if (latestFor(gone.ip, sanitize(gone.pod ?? '<none>')) !== gone) continue;
		rows.push({cells: [gone.ip, '', '', sanitize(gone.pod ?? ''), 'gone', '', goneChange(gone, successorOf(gone))], color: 'gray'});
	}
	// The head takes the rows the addresses leave free; on a narrow pane it keeps what matters.
	const tableRows = Math.max(1, rows.length);
	const headRows = Math.max(1, Math.min(3, height - 4), height - 1 - tableRows);
	const head = fitHead(story(recent, view.head, model.changeCounts, model.selected), view.head, view.warnings, Math.max(10, width - 2), headRows);
	return (
		<TablePane
			title={`Endpoints: ${sanitize(service.name)}`}
			focused={focused}
			width={width}
			height={height}
			head={head}
			headRows={headRows}
			headers={view.lines.length > 0 || rows.length > 0 || service.spec.type !== 'ExternalName' ? HEADERS : []}
			priority={PRIORITY}
			nominal={NOMINAL}
			rows={rows}
			cutFirst="end"
			cursor={focused ? model.cursor.endpoints : null}
			empty={service.spec.type === 'ExternalName' ? '' : width >= 40 ? 'no endpoints: connections are refused' : 'none: connections refused'}
		/>
	);
}
