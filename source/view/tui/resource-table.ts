// The TUI's resource views (`:po`, `:deploy`, `:no`, … as in k9s): a kind's `kubectl get -o wide`
// table, narrowed to what the view was opened on (a Deployment's ReplicaSets, a node's pods),
// filtered with `/` and sorted by a column. The rows are get.ts's, so a view says exactly what
// `get` says for the same state.

import {kindByResource, type ResourceName} from '../../kinds/registry.js';
import type {State} from '../../sim/types.js';
import type {ApiObject} from '../api-object.js';
import {getTable} from '../get.js';
import {sanitize} from '../sanitize.js';
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
	rows: string[][];
	/** `namespace/name` (`name` when cluster-scoped) of each row, the cursor's anchor. */
	keys: string[];
	objects: ApiObject[];
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

const cachedTables = perState<ResourceTable>();

/** The view's table: get's rows in get's order, then the filter, then the sort. */
export function resourceTable(state: State, scope: ViewScope, filter: string, sort: SortSpec | null): ResourceTable {
	const cacheKey = JSON.stringify([scope.resource, scope.namespace, scope.selector, scope.owner, scope.node, filter, sort]);
	return cachedTables(state, cacheKey, () => build(state, scope, filter, sort));
}

function build(state: State, scope: ViewScope, filter: string, sort: SortSpec | null): ResourceTable {
	const all = scope.namespace === null;
	const table = getTable(state, {
		resource: scope.resource,
		namespace: scope.namespace ?? 'default',
		allNamespaces: all,
		output: 'wide',
		...(scope.selector !== undefined ? {selector: scope.selector} : {}),
	});
	if (!table.ok) return {headers: [], rows: [], keys: [], objects: [], empty: table.error};
	// A view opened on all namespaces names each row's namespace, as `get -A` does.
	let entries = table.rows.map((row, i) => ({row, object: table.objects[i] ?? {}}));
	const {owner, node} = scope;
	if (owner) entries = entries.filter(e => ownedBy(e.object, owner));
	if (node !== undefined) entries = entries.filter(e => onNode(e.object, node));
	const parsed = parseRowFilter(filter);
	if (!parsed.ok) {
		return {headers: table.headers, rows: [], keys: [], objects: [], empty: `invalid filter: ${sanitize(parsed.error)}`, filterError: parsed.error};
	}
	entries = entries.filter(e => parsed.matches(e.row, (metadataOf(e.object).labels ?? {}) as Record<string, string>));
	if (sort) {
		const column = table.headers.indexOf(sort.column);
		if (column >= 0) {
			const sign = sort.descending ? -1 : 1;
			const time = TIME_COLUMNS[sort.column];
			// Array.prototype.sort is stable: rows that compare equal keep get's order.
			entries = [...entries].sort((a, b) =>
				time ? sign * compareAge(time(a.object), time(b.object)) : sign * NATURAL.compare(a.row[column] ?? '', b.row[column] ?? ''),
			);
		}
	}
	const scoped = owner !== undefined || node !== undefined || scope.selector !== undefined;
	const empty = filter.trim() !== '' ? `nothing matches /${sanitize(filter.trim())} (Esc clears the filter)` : scoped ? 'No resources found' : table.empty;
	return {headers: table.headers, rows: entries.map(e => e.row), keys: entries.map(e => objectKey(e.object)), objects: entries.map(e => e.object), empty};
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
