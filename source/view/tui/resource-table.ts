// The TUI's resource views (`:po`, `:deploy`, `:no`, … as in k9s): a kind's `kubectl get -o wide`
// table, narrowed to what the view was opened on (a Deployment's ReplicaSets, a node's pods),
// filtered with `/` and sorted by a column. The rows are get.ts's, so a view says exactly what
// `get` says for the same state.

import {kindByResource, type ResourceName} from '../../kinds/registry.js';
import {matchesSelector, parseSelector} from '../../sim/labels.js';
import type {Labels, State} from '../../sim/types.js';
import type {ApiObject} from '../api-object.js';
import {sortKeys} from '../api-object.js';
import {sanitize} from '../sanitize.js';
import {type AnyKindView, KIND_VIEWS} from './kind-views.js';
import {perState} from './per-state.js';
import {parseRowFilter} from './row-filter.js';

/** What a view lists: one kind, in one namespace or all, narrowed by how it was reached. */
export interface ViewScope {
	resource: ResourceName;
	/** null: all namespaces (and every cluster-scoped kind). */
	namespace: string | null;
	/** A label selector, as `get -l` takes it (a Service's pods). */
	selector?: string;
	/** Only objects with this controller (a Deployment's ReplicaSets, a ReplicaSet's pods). */
	owner?: {kind: string; name: string};
	/** Only pods bound to this node. */
	node?: string;
	/** What the breadcrumb says for this view (`pods`, `web-7d4b9c`, …). */
	crumb: string;
}

export interface SortSpec {
	column: string;
	descending: boolean;
}

export interface ResourceTable {
	headers: string[];
	/** `namespace/name` (`name` when cluster-scoped) of each row, the cursor's anchor. */
	keys: string[];
	/** Row `index`'s cells, built on first use: a frame asks only for the rows it shows. */
	row(index: number): string[];
	/** Row `index`'s API object (as `get -o json` prints it), built on first use. */
	object(index: number): ApiObject | undefined;
	/** Every row / object: for tests and small tables; a frame uses row() and object(). */
	readonly rows: string[][];
	readonly objects: ApiObject[];
	/** Per column, the widest cell of all rows by `measure` (capped at 40): planned once per row order, not per frame. */
	nominal(measure: (text: string) => number): number[];
	/** Why there are no rows (kubectl's `No resources found …`, or the filter's error). */
	empty: string;
	/** The filter could not be read (an invalid `-l` selector): said in place of rows. */
	filterError?: string;
}

const metadataOf = (object: ApiObject): ApiObject => (object.metadata ?? {}) as ApiObject;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The row key of an object: how the cursor finds it again when rows come, go and reorder. */
export function objectKey(object: ApiObject): string {
	const meta = metadataOf(object);
	const namespace = text(meta.namespace);
	return namespace === '' ? text(meta.name) : `${namespace}/${text(meta.name)}`;
}

function ownedBy(object: ApiObject, owner: {kind: string; name: string}): boolean {
	const refs = metadataOf(object).ownerReferences;
	return Array.isArray(refs) && refs.some(ref => (ref as ApiObject).kind === owner.kind && (ref as ApiObject).name === owner.name);
}

const onNode = (object: ApiObject, node: string) => ((object.spec ?? {}) as ApiObject).nodeName === node;

/** How often the expensive steps ran: tests count them to see that an unchanged tick re-uses them. */
export const tableWork = {lists: 0, orders: 0, rows: 0};

// The kind's objects in the view's scope, in get's order, for one State but its clock. A clock
// tick makes a new State whose every other field is the same object (sim/draft.ts copies on
// write; the pods are a persistent table, sim/rows.ts), so what does not depend on the clock
// (which objects, their keys, labels, owners, nodes, timestamps) is re-used across ticks.
interface Listed {
	state: State;
	headers: string[];
	// biome-ignore lint/suspicious/noExplicitAny: the renderer's own item type (kind-views.ts)
	items: any[];
	keys: string[];
	labels: Labels[];
	/** Objects as of `state`: only what does not change with the clock is read from them. */
	objects: (ApiObject | undefined)[];
	view: AnyKindView;
	withNamespace: boolean;
	empty: string;
	error?: string;
}

/** Every field but the clock is the same object: nothing but the time has changed. */
function sameButClock(a: State, b: State): boolean {
	if (a === b) return true;
	for (const key of Object.keys(a) as (keyof State)[]) if (key !== 'clock' && a[key] !== b[key]) return false;
	return true;
}

const lastListed = new Map<string, Listed>();

function listed(state: State, scope: ViewScope): Listed {
	const key = JSON.stringify([scope.resource, scope.namespace, scope.selector, scope.owner, scope.node]);
	const last = lastListed.get(key);
	if (last && sameButClock(last.state, state)) return last;
	const built = list(state, scope);
	// One entry per scope opened; a long session opens few, but keep the map bounded.
	if (lastListed.size > 64) lastListed.clear();
	lastListed.set(key, built);
	return built;
}

/** get.ts kindTable's listing, one kind, without building every row and object up front. */
function list(state: State, scope: ViewScope): Listed {
	tableWork.lists++;
	const kind = kindByResource(scope.resource);
	const view = KIND_VIEWS[scope.resource];
	const all = scope.namespace === null;
	const namespace = !kind.namespaced || all ? null : scope.namespace;
	const withNamespace = kind.namespaced && all;
	const headers = view.wideHeaders ? [...view.wideHeaders] : [...view.columns, ...view.wideColumns];
	const nothing = {state, headers: [], items: [], keys: [], labels: [], objects: [], view, withNamespace, empty: ''};
	let selector = null;
	if (scope.selector !== undefined) {
		const parsed = parseSelector(scope.selector);
		if (!parsed.ok) return {...nothing, empty: parsed.error, error: parsed.error};
		selector = parsed.selector;
	}
	let entries = view.list(state, namespace).map(item => ({item, meta: view.meta(state, item), object: undefined as ApiObject | undefined}));
	if (selector !== null) entries = entries.filter(e => matchesSelector(e.meta.labels, selector));
	entries.sort((a, b) => compare(a.meta.namespace, b.meta.namespace) || compare(a.meta.name, b.meta.name));
	const {owner, node} = scope;
	if (owner !== undefined || node !== undefined) {
		for (const e of entries) e.object = view.object(state, e.item);
		if (owner) entries = entries.filter(e => ownedBy(e.object ?? {}, owner));
		if (node !== undefined) entries = entries.filter(e => onNode(e.object ?? {}, node));
	}
	return {
		state,
		headers: withNamespace ? ['NAMESPACE', ...headers] : headers,
		items: entries.map(e => e.item),
		keys: entries.map(e => (e.meta.namespace === '' ? e.meta.name : `${e.meta.namespace}/${e.meta.name}`)),
		labels: entries.map(e => e.meta.labels),
		objects: entries.map(e => e.object),
		view,
		withNamespace,
		empty: namespace === null ? 'No resources found' : `No resources found in ${sanitize(namespace)} namespace.`,
	};
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Row i's cells as get prints them at `state`'s clock. */
function cellsOf(base: Listed, state: State, i: number): string[] {
	tableWork.rows++;
	const cells = base.view.row(state, base.items[i], true).map(sanitize);
	return base.withNamespace ? [base.view.meta(state, base.items[i]).namespace, ...cells] : cells;
}

function baseObject(base: Listed, i: number): ApiObject {
	let object = base.objects[i];
	if (object === undefined) {
		object = base.view.object(base.state, base.items[i]);
		base.objects[i] = object;
	}
	return object;
}

/** Which listed rows the view shows, in its order; for one listing, filter and sort. */
interface Order {
	listed: Listed;
	/** Indexes into the listing. */
	order: number[];
	/** Set when the order was worked out from cells: they read the clock, so it holds for this clock only. */
	clock?: number;
	/** What a cell sort compared: the rows the filter kept and their cells in the sort column. */
	compared?: {kept: number[]; column: string[]};
	nominal?: number[];
	empty: string;
	filterError?: string;
}

const orders = new WeakMap<Listed, Map<string, Order>>();

/** A text filter reads every cell and a cell sort compares them, and cells (AGE, RESTARTS' `5m ago`,
 *  a node's STATUS) change with the clock: such an order is worked out again when it moves. */
function readsCells(filter: string, sort: SortSpec | null): boolean {
	const trimmed = filter.trim();
	const textFilter = trimmed !== '' && !/^-l(?:\s+|=)/.test(trimmed) && trimmed !== '!';
	return textFilter || (sort !== null && TIME_COLUMNS[sort.column] === undefined);
}

function orderOf(base: Listed, state: State, scope: ViewScope, filter: string, sort: SortSpec | null): Order {
	let byKey = orders.get(base);
	if (!byKey) {
		byKey = new Map();
		orders.set(base, byKey);
	}
	const key = JSON.stringify([filter, sort]);
	const hit = byKey.get(key);
	if (hit && (hit.clock === undefined || hit.clock === state.clock)) return hit;
	const built = buildOrder(base, state, scope, filter, sort, hit);
	byKey.set(key, built);
	return built;
}

function buildOrder(base: Listed, state: State, scope: ViewScope, filter: string, sort: SortSpec | null, previous: Order | undefined): Order {
	tableWork.orders++;
	if (base.error !== undefined) return {listed: base, order: [], empty: base.empty};
	const parsed = parseRowFilter(filter);
	if (!parsed.ok) return {listed: base, order: [], empty: `invalid filter: ${sanitize(parsed.error)}`, filterError: parsed.error};
	const cellsAtClock = readsCells(filter, sort);
	const cells = cellsAtClock ? base.items.map((_, i) => cellsOf(base, state, i)) : [];
	let order = base.items.map((_, i) => i);
	if (filter.trim() !== '') order = order.filter(i => parsed.matches(cells[i] ?? [], base.labels[i] ?? {}));
	let compared: Order['compared'];
	if (sort) {
		const column = base.headers.indexOf(sort.column);
		if (column >= 0) {
			const sign = sort.descending ? -1 : 1;
			const time = TIME_COLUMNS[sort.column];
			const kept = order;
			const sortCells = time ? [] : kept.map(i => cells[i]?.[column] ?? '');
			// The clock moved but no compared cell changed (AGE went on, the sort is by IP): the
			// same rows in the same order, without sorting them again.
			const same = previous?.compared && !time && sameArray(previous.compared.kept, kept) && sameArray(previous.compared.column, sortCells);
			if (same && previous) order = previous.order;
			else {
				const at = new Map(kept.map((i, k) => [i, k]));
				// Array.prototype.sort is stable: rows that compare equal keep get's order.
				order = [...order].sort((a, b) =>
					time
						? sign * compareAge(time(baseObject(base, a)), time(baseObject(base, b)))
						: sign * NATURAL.compare(sortCells[at.get(a) ?? 0] ?? '', sortCells[at.get(b) ?? 0] ?? ''),
				);
			}
			if (!time) compared = {kept, column: sortCells};
		}
	}
	const scoped = scope.owner !== undefined || scope.node !== undefined || scope.selector !== undefined;
	const empty = filter.trim() !== '' ? `nothing matches /${sanitize(filter.trim())} (Esc clears the filter)` : scoped ? 'No resources found' : base.empty;
	return {listed: base, order, empty, ...(cellsAtClock ? {clock: state.clock} : {}), ...(compared ? {compared} : {})};
}

const sameArray = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const cachedTables = perState<ResourceTable>();

/** The view's table: get's rows in get's order, then the filter, then the sort. */
export function resourceTable(state: State, scope: ViewScope, filter: string, sort: SortSpec | null): ResourceTable {
	const cacheKey = JSON.stringify([scope.resource, scope.namespace, scope.selector, scope.owner, scope.node, filter, sort]);
	return cachedTables(state, cacheKey, () => tableAt(state, orderOf(listed(state, scope), state, scope, filter, sort)));
}

/** The table at `state`'s clock over a re-usable order: rows and objects are built as they are asked for. */
function tableAt(state: State, ordered: Order): ResourceTable {
	const base = ordered.listed;
	const {order} = ordered;
	const rows = new Map<number, string[]>();
	const objects = new Map<number, ApiObject>();
	const row = (index: number): string[] => {
		const at = order[index];
		if (at === undefined) return [];
		let cells = rows.get(index);
		if (!cells) {
			cells = cellsOf(base, state, at);
			rows.set(index, cells);
		}
		return cells;
	};
	const object = (index: number): ApiObject | undefined => {
		const at = order[index];
		if (at === undefined) return undefined;
		let built = objects.get(index);
		if (!built) {
			built = sortKeys(base.view.object(state, base.items[at]));
			objects.set(index, built);
		}
		return built;
	};
	const headers = base.error !== undefined ? [] : base.headers;
	return {
		headers,
		keys: order.map(i => base.keys[i] ?? ''),
		row,
		object,
		get rows() {
			return order.map((_, k) => row(k));
		},
		get objects() {
			return order.map((_, k) => object(k) ?? {});
		},
		nominal(measure) {
			// Planned once per order, from the rows as the order was made: a width that grows by a
			// character as an AGE ticks over is not worth building every row per frame.
			if (!ordered.nominal) {
				const widths = headers.map(h => measure(h));
				for (const i of order) {
					for (const [c, cell] of cellsOf(base, base.state, i).entries()) widths[c] = Math.max(widths[c] ?? 0, measure(cell));
				}
				ordered.nominal = widths.map(w => Math.min(40, w));
			}
			return ordered.nominal;
		},
		empty: ordered.empty,
		...(ordered.filterError !== undefined ? {filterError: ordered.filterError} : {}),
	};
}

/** Numbers inside cells compare as numbers (`10.244.1.10` after `10.244.1.9`, `2/3` before `10/10`). */
const NATURAL = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

const created = (o: ApiObject) => text(metadataOf(o).creationTimestamp);

/** Columns that print a duration (`5m`): sorted by the timestamp behind them, not by their text. */
const TIME_COLUMNS: Readonly<Record<string, (o: ApiObject) => string>> = {
	AGE: created,
	// kubectl's event printer: lastTimestamp, else the series' last observation, else eventTime.
	'LAST SEEN': o => text(o.lastTimestamp) || text((o.series as ApiObject | undefined)?.lastObservedTime) || text(o.eventTime) || created(o),
	'FIRST SEEN': o => text(o.firstTimestamp) || text(o.eventTime) || created(o),
};

/** Younger first, as k9s sorts AGE ascending: a later timestamp is a smaller age. */
function compareAge(a: string, b: string): number {
	const at = Date.parse(a);
	const bt = Date.parse(b);
	if (at === bt || (Number.isNaN(at) && Number.isNaN(bt))) return 0;
	return Number.isNaN(bt) || at > bt ? -1 : 1;
}

/** What Enter on a row opens: a narrower view, the home view on a Service, or the object described. */
export type Drill = {view: ViewScope} | {service: string} | {describe: string};

/**
 * k9s's Enter (derailed/k9s internal/view: a Deployment's pods, a node's pods, a namespace's
 * pods): here a Deployment goes to its ReplicaSets first, as `kubectl get rs` shows them, then
 * a ReplicaSet to its pods. Endpoints and EndpointSlices go to their Service in the home view,
 * where the Endpoints pane reads them; a pod or an event opens describe, as there is nothing
 * under it to list.
 */
export function drillDown(resource: ResourceName, object: ApiObject): Drill {
	const meta = metadataOf(object);
	const name = text(meta.name);
	const namespace = text(meta.namespace);
	switch (resource) {
		case 'deployments':
			return {view: {resource: 'replicasets', namespace, owner: {kind: 'Deployment', name}, crumb: name}};
		case 'replicasets':
		case 'replicationcontrollers':
		case 'statefulsets':
			return {view: {resource: 'pods', namespace, owner: {kind: kindByResource(resource).kind, name}, crumb: name}};
		case 'nodes':
			return {view: {resource: 'pods', namespace: null, node: name, crumb: name}};
		case 'namespaces':
			return {view: {resource: 'pods', namespace: name, crumb: name}};
		case 'services': {
			const selector = ((object.spec ?? {}) as ApiObject).selector as Record<string, string> | undefined;
			if (selector && Object.keys(selector).length > 0) {
				const terms = Object.entries(selector).map(([k, v]) => `${k}=${v}`);
				return {view: {resource: 'pods', namespace, selector: terms.join(','), crumb: name}};
			}
			return {service: `${namespace}/${name}`};
		}
		case 'endpoints':
			return {service: `${namespace}/${name}`};
		case 'endpointslices': {
			const service = text(((meta.labels ?? {}) as ApiObject)['kubernetes.io/service-name']);
			return service === '' ? {describe: `describe endpointslice ${name} -n ${namespace}`} : {service: `${namespace}/${service}`};
		}
		case 'events': {
			const involved = (object.involvedObject ?? object.regarding ?? {}) as ApiObject;
			const kind = text(involved.kind).toLowerCase();
			const ns = text(involved.namespace);
			return kind === '' ? {describe: `describe event ${name} -n ${namespace}`} : {describe: `describe ${kind} ${text(involved.name)}${ns ? ` -n ${ns}` : ''}`};
		}
		case 'pods':
			return {describe: `describe pod ${name} -n ${namespace}`};
		case 'networkpolicies':
			// Its rules are what matters, and describe prints them.
			return {describe: `describe networkpolicy ${name} -n ${namespace}`};
	}
}
