// `kubectl get`: one entry point over the per-kind renderers, with kubectl's errors, empty-list
// messages, `-A`, `-l`, `-o wide|json|yaml`.

import {type KindInfo, kindByResource, qualifiedResource, type ResourceName} from '../kinds/registry.js';
import {matchesSelector, parseSelector} from '../sim/labels.js';
import type {State} from '../sim/types.js';
import {type ApiObject, sortKeys} from './api-object.js';
import {deploymentView} from './deployment-rows.js';
import {endpointsView} from './endpoints-rows.js';
import {endpointSliceView} from './endpointslice-rows.js';
import {eventView} from './event-rows.js';
import type {KindView} from './kind-view.js';
import {namespaceView} from './namespace-rows.js';
import {networkPolicyView} from './networkpolicy-rows.js';
import {nodeView} from './node-rows.js';
import {kubectlJsonText, yamlText} from './output-text.js';
import {podView} from './pod-rows.js';
import {replicaSetView} from './replicaset-rows.js';
import {replicationControllerView} from './replicationcontroller-rows.js';
import {sanitize} from './sanitize.js';
import {type FieldReader, selectableFields} from './selectable-fields.js';
import {serviceView} from './service-rows.js';
import {statefulSetView} from './statefulset-rows.js';
import {formatTable} from './table.js';

export interface GetOptions {
	resource: ResourceName;
	name?: string;
	namespace: string;
	allNamespaces: boolean;
	selector?: string;
	/** `--field-selector`: `field=value`, `field==value`, `field!=value`, comma-separated. */
	fieldSelector?: string;
	/** `table` (or `text`, as source/command names it) is kubectl's default output. */
	output: 'table' | 'text' | 'wide' | 'json' | 'yaml';
}

/**
 * `warnings` are the API server's `Warning: …` lines kubectl prints to stderr before the output
 * (only `get endpoints` has one, S82).
 */
export type GetResult = {ok: true; text: string; json: unknown; warnings?: string[]} | {ok: false; error: string};

/** Sent by v1.33+ API servers on every use of the v1 Endpoints API (docs/semantics.md S82). */
export const ENDPOINTS_DEPRECATION_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

type GetError = {ok: false; error: string};

/** What `get` and the palette's completion need of a kind, bound to its renderer, so each KindView keeps its own item type. */
interface BoundKind {
	table(state: State, options: GetOptions): TableData | GetError;
	/** The names of its objects in `namespace` (null: all), as `get` lists them. */
	names(state: State, namespace: string | null): string[];
}

const bind = <T>(view: KindView<T>): BoundKind => ({
	table: tableOf(view),
	names: (state, namespace) => view.list(state, namespace).map(item => view.meta(state, item).name),
});

const KINDS_BOUND: {readonly [R in ResourceName]: BoundKind} = {
	services: bind(serviceView),
	endpoints: bind(endpointsView),
	endpointslices: bind(endpointSliceView),
	pods: bind(podView),
	nodes: bind(nodeView),
	namespaces: bind(namespaceView),
	deployments: bind(deploymentView),
	replicasets: bind(replicaSetView),
	replicationcontrollers: bind(replicationControllerView),
	statefulsets: bind(statefulSetView),
	networkpolicies: bind(networkPolicyView),
	events: bind(eventView),
};

/** The names of a kind's objects in `namespace` (null: all namespaces), from the renderer `get` lists it with. */
export const objectNames = (state: State, resource: ResourceName, namespace: string | null): string[] => KINDS_BOUND[resource].names(state, namespace);

/** Rows as data, for the TUI's panes: headers and sanitized cells, in kubectl's order. */
export type TableData = {
	ok: true;
	headers: string[];
	rows: string[][];
	/** The API objects behind the rows, same order. */
	objects: ApiObject[];
	/** Set when the rows came from a list (no NAME given). */
	list: boolean;
	/** kubectl's stderr line for an empty list. */
	empty: string;
};

export function getTable(state: State, options: GetOptions): TableData | GetError {
	return KINDS_BOUND[options.resource].table(state, options);
}

function tableOf<T>(view: KindView<T>): (state: State, options: GetOptions) => TableData | GetError {
	return (state, options) => kindTable(state, kindByResource(options.resource), view, options);
}

/** The kind's names and scope come from its descriptor (source/kinds/), the rows from its renderer. */
function kindTable<T>(state: State, kind: KindInfo, view: KindView<T>, options: GetOptions): TableData | GetError {
	if (options.name !== undefined && options.selector !== undefined) {
		return {ok: false, error: 'error: name cannot be provided when a selector is specified'};
	}
	if (options.name !== undefined && options.allNamespaces && kind.namespaced) {
		return {ok: false, error: 'error: a resource cannot be retrieved by name across all namespaces'};
	}
	let selector = null;
	if (options.selector !== undefined) {
		const parsed = parseSelector(options.selector);
		if (!parsed.ok) return {ok: false, error: parsed.error};
		selector = parsed.selector;
	}
	// Nodes are cluster-scoped: the namespace is ignored and no NAMESPACE column is added.
	const namespace = !kind.namespaced || options.allNamespaces ? null : options.namespace;
	const withNamespace = kind.namespaced && options.allNamespaces;
	const wide = options.output === 'wide';

	let items = view.list(state, namespace).map(item => ({item, meta: view.meta(state, item)}));
	if (options.name !== undefined) {
		items = items.filter(entry => entry.meta.name === options.name);
		if (items.length === 0) {
			return {ok: false, error: `Error from server (NotFound): ${qualifiedResource(kind)} "${sanitize(options.name)}" not found`};
		}
	}
	if (selector !== null) items = items.filter(entry => matchesSelector(entry.meta.labels, selector));
	// Within a namespace the API lists in name order (etcd key order); across them, by namespace.
	items.sort((a, b) => compare(a.meta.namespace, b.meta.namespace) || compare(a.meta.name, b.meta.name));
	let objects = items.map(entry => sortKeys(view.object(state, entry.item)));
	if (options.fieldSelector !== undefined) {
		const chosen = selectByFields(objects, options.fieldSelector, selectableFields(options.resource));
		if (!chosen.ok) return chosen;
		items = chosen.order.map(i => items[i] as (typeof items)[number]);
		objects = chosen.order.map(i => objects[i] as ApiObject);
	}

	const wideHeaders = (view as {wideHeaders?: readonly string[]}).wideHeaders;
	const headers = wide && wideHeaders ? [...wideHeaders] : [...view.columns, ...(wide ? view.wideColumns : [])];
	const rows = items.map(entry => {
		const cells = view.row(state, entry.item, wide).map(sanitize);
		return withNamespace ? [entry.meta.namespace, ...cells] : cells;
	});
	return {
		ok: true,
		headers: withNamespace ? ['NAMESPACE', ...headers] : headers,
		rows,
		objects,
		list: options.name === undefined,
		empty: namespace === null ? 'No resources found' : `No resources found in ${sanitize(namespace)} namespace.`,
	};
}

/**
 * The text and object `kubectl get` would print. `text` has no final newline; an empty list's
 * `No resources found…` (kubectl writes it to stderr) is the text of a table output.
 */
export function get(state: State, options: GetOptions): GetResult {
	const table = getTable(state, options);
	if (!table.ok) return table;
	const json = table.list ? {apiVersion: 'v1', items: table.objects, kind: 'List', metadata: {resourceVersion: ''}} : table.objects[0];
	let text: string;
	switch (options.output) {
		case 'json':
			text = kubectlJsonText(json);
			break;
		case 'yaml':
			text = yamlText(json);
			break;
		default:
			text = table.rows.length === 0 ? table.empty : formatTable(table.headers, table.rows);
	}
	// (A real NotFound for endpoints is warned about too; errors here carry one line only.)
	return options.resource === 'endpoints' ? {ok: true, text, json, warnings: [ENDPOINTS_DEPRECATION_WARNING]} : {ok: true, text, json};
}

/** The palette completes `--field-selector` from the same tables (ui/complete.ts imports it here). */
export {selectableFields};

type FieldTerm = {read: FieldReader; op: '=' | '!='; value: string};

/** apimachinery `pkg/fields/selector.go` ParseSelector: terms split on `,`, operators `!=`, `==`, `=`. */
function parseFieldSelector(text: string, fields: Readonly<Record<string, FieldReader>>): {ok: true; terms: FieldTerm[]} | GetError {
	const terms: FieldTerm[] = [];
	for (const part of text.split(',')) {
		if (part === '') continue;
		const match = /^(.*?)(!=|==|=)(.*)$/.exec(part);
		if (match === null) return {ok: false, error: `error: invalid selector: '${sanitize(text)}'; can't understand '${sanitize(part)}'`};
		const [, field = '', op, value = ''] = match;
		// Own keys only: `--field-selector constructor=x` names no field (Object.prototype's are not ours).
		const label = field.trim();
		const read = Object.hasOwn(fields, label) ? fields[label] : undefined;
		if (read === undefined) return {ok: false, error: `Error from server (BadRequest): field label not supported: ${sanitize(label)}`};
		terms.push({read, op: op === '!=' ? '!=' : '=', value: value.trim()});
	}
	return {ok: true, terms};
}

/** The rows `--field-selector` keeps, as the API server filters them. */
function selectByFields(objects: ApiObject[], selector: string, fields: Readonly<Record<string, FieldReader>>): {ok: true; order: number[]} | GetError {
	const parsed = parseFieldSelector(selector, fields);
	if (!parsed.ok) return parsed;
	const order = objects
		.map((_, i) => i)
		.filter(i =>
			parsed.terms.every(term => {
				const value = term.read(objects[i] as ApiObject);
				return term.op === '=' ? value === term.value : value !== term.value;
			}),
		);
	return {ok: true, order};
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
