// `kubectl get` over several types and names, with the printer flags: the flow of kubernetes/kubectl
// `pkg/cmd/get/get.go` Run (tables, one per type in turn) and printGeneric (one List for json,
// yaml, name, jsonpath, custom-columns). The per-kind tables come from get.ts.
//
// Tables (get.go Run): each type is its own table, a blank line between tables that printed
// something (none with --no-headers); an empty table prints nothing; when the objects are of more
// than one type, NAME cells read `service/x`, `deployment.apps/x` (tableprinter.go decorateTable);
// -L and --show-labels add columns after the kind's (and -o wide's) own; --sort-by sorts within
// each table. `No resources found…` only when nothing at all was printed. A name that is not
// found is an error after the output (kubectl continues on error) unless it was the only one.
//
// The others (get.go printGeneric): every object in one `kind: List`, unless one name was asked
// for; --sort-by sorts that list's items across types.

import type {ResourceName} from '../kinds/registry.js';
import type {State} from '../sim/types.js';
import type {ApiObject} from './api-object.js';
import {customColumns} from './custom-columns.js';
import {ENDPOINTS_DEPRECATION_WARNING, type GetOptions, getTable, type TableData} from './get.js';
import {executeTemplate} from './jsonpath.js';
import {kubectlJsonText, yamlText} from './output-text.js';
import {sanitize} from './sanitize.js';
import {sortOrder} from './sort-by.js';
import {GET_LAYOUT, tabwrite} from './table.js';

/** One type and the names asked for; no names lists the type. */
interface GetRequest {
	resource: ResourceName;
	names: readonly string[];
}

export interface KubectlGetOptions extends Omit<GetOptions, 'output'> {
	output: GetOptions['output'] | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns';
	/** Every (type, names) in order; without it, `resource` and `name`. */
	requests?: readonly GetRequest[];
	/** The text after `jsonpath=` / `custom-columns=`. */
	template?: string;
	showLabels?: boolean;
	labelColumns?: readonly string[];
	noHeaders?: boolean;
	sortBy?: string;
}

/** `errors` are printed after the output (names not found among others); the command then fails. */
export type KubectlGetResult = {ok: true; text: string; json: unknown; warnings?: string[]; errors?: string[]} | {ok: false; error: string};

type Info = {resource: ResourceName; table: TableData};

export function kubectlGet(state: State, options: KubectlGetOptions): KubectlGetResult {
	const requests = options.requests ?? [{resource: options.resource, names: options.name === undefined ? [] : [options.name]}];
	const [firstRequest] = requests;
	const singleItemImplied = requests.length === 1 && firstRequest?.names.length === 1;
	const tableOutput = options.output === 'wide' ? 'wide' : 'table';
	const base = {
		namespace: options.namespace,
		allNamespaces: options.allNamespaces,
		output: tableOutput,
		...(options.selector === undefined ? {} : {selector: options.selector}),
		...(options.fieldSelector === undefined ? {} : {fieldSelector: options.fieldSelector}),
	} as const;

	const infos: Info[] = [];
	const errors: string[] = [];
	for (const request of requests) {
		const names = request.names.length === 0 ? [undefined] : request.names;
		for (const name of names) {
			const table = getTable(state, {...base, resource: request.resource, ...(name === undefined ? {} : {name})});
			if (table.ok) infos.push({resource: request.resource, table});
			else if (name !== undefined && table.error.startsWith('Error from server (NotFound)')) errors.push(table.error);
			else return table;
		}
	}
	if (singleItemImplied && errors.length > 0) return {ok: false, error: errors[0] as string};
	const warnings = requests.some(r => r.resource === 'endpoints') ? {warnings: [ENDPOINTS_DEPRECATION_WARNING]} : {};
	const failed = errors.length > 0 ? {errors} : {};

	const objects = infos.flatMap(info => info.table.objects);
	const isList = !(singleItemImplied && infos.length === 1);
	const printed =
		options.output === 'table' || options.output === 'text' || options.output === 'wide'
			? printTables(infos, options, errors.length > 0)
			: printGeneric(objects, isList, options);
	if (!printed.ok) return printed;
	return {ok: true, text: printed.text, json: printed.json, ...warnings, ...failed};
}

type Printed = {ok: true; text: string; json: unknown} | {ok: false; error: string};

function listOf(items: readonly unknown[]): ApiObject {
	return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}};
}

function printGeneric(objects: ApiObject[], isList: boolean, options: KubectlGetOptions): Printed {
	let items = objects;
	if (isList && options.sortBy !== undefined && options.sortBy !== '') {
		const sorted = sortOrder(items, options.sortBy, false);
		if (!sorted.ok) return sorted;
		items = sorted.order.map(i => objects[i] as ApiObject);
	}
	const json = isList ? listOf(items) : items[0];
	const template = options.template ?? '';
	switch (options.output) {
		case 'json':
			return {ok: true, text: kubectlJsonText(json), json};
		case 'yaml':
			return {ok: true, text: yamlText(json), json};
		case 'name':
			return {ok: true, text: items.map(resourceName).join('\n'), json};
		case 'custom-columns': {
			const table = customColumns(template, isList ? items : [json], options.noHeaders === true);
			return table.ok ? {ok: true, text: table.text, json} : table;
		}
		default: {
			if (template === '') return {ok: false, error: 'error: template format specified but no template given'};
			const result = executeTemplate(template, json, {asJson: options.output === 'jsonpath-as-json'});
			// The front ends end every line; a template's own final newline is that end.
			return result.ok ? {ok: true, text: result.text.replace(/\n$/, ''), json} : result;
		}
	}
}

/** `kind.group` in lower case, as `-o name` and multi-type tables print it (printers/name.go). */
function kindPrefix(object: ApiObject): string {
	const apiVersion = String(object.apiVersion ?? '');
	const slash = apiVersion.indexOf('/');
	const kind = String(object.kind ?? '<unknown>').toLowerCase();
	return slash === -1 ? kind : `${kind}.${apiVersion.slice(0, slash)}`;
}

function nameOf(object: ApiObject): string {
	const metadata = object.metadata as {name?: unknown} | undefined;
	const name = typeof metadata?.name === 'string' && metadata.name !== '' ? metadata.name : '<unknown>';
	return sanitize(name);
}

function resourceName(object: ApiObject): string {
	return `${kindPrefix(object)}/${nameOf(object)}`;
}

function labelsOf(object: ApiObject): Record<string, string> {
	const metadata = object.metadata as {labels?: Record<string, string>} | undefined;
	return metadata?.labels ?? {};
}

/** labels.FormatLabels: `k=v` sorted by key, comma-joined; `<none>` for none. */
function formatLabels(labels: Record<string, string>): string {
	const keys = Object.keys(labels).sort();
	return keys.length === 0 ? '<none>' : keys.map(k => `${k}=${labels[k]}`).join(',');
}

function printTables(infos: readonly Info[], options: KubectlGetOptions, failed: boolean): Printed {
	const withKind = new Set(infos.map(i => i.resource)).size > 1;
	const labelColumns = options.labelColumns ?? [];
	// Consecutive objects of one type share a table (get.go starts a new printer when the mapping changes).
	const groups: Array<{headers: string[]; rows: string[][]}> = [];
	let last: ResourceName | undefined;
	for (const info of infos) {
		let {rows, objects} = info.table;
		if (options.sortBy !== undefined && options.sortBy !== '') {
			const sorted = sortOrder(objects, options.sortBy, true);
			if (!sorted.ok) return sorted;
			rows = sorted.order.map(i => rows[i] as string[]);
			objects = sorted.order.map(i => objects[i] as ApiObject);
		}
		const nameColumn = info.table.headers.indexOf('NAME');
		const decorated = rows.map((row, i) => {
			const object = objects[i] as ApiObject;
			const cells = [...row];
			if (withKind && nameColumn !== -1) cells[nameColumn] = `${kindPrefix(object)}/${cells[nameColumn]}`;
			const labels = labelsOf(object);
			for (const key of labelColumns) cells.push(sanitize(Object.hasOwn(labels, key) ? (labels[key] ?? '') : ''));
			if (options.showLabels === true) cells.push(sanitize(formatLabels(labels)));
			return cells;
		});
		if (last !== info.resource || groups.length === 0) {
			const headers = [
				...info.table.headers,
				...labelColumns.map(key => (key.split('/').at(-1) ?? '').toUpperCase()),
				...(options.showLabels === true ? ['LABELS'] : []),
			];
			groups.push({headers: headers.map(sanitize), rows: []});
			last = info.resource;
		}
		groups.at(-1)?.rows.push(...decorated);
	}
	const texts = groups
		.filter(group => group.rows.length > 0)
		.map(group => tabwrite(options.noHeaders === true ? group.rows : [group.headers, ...group.rows], GET_LAYOUT));
	const objects = infos.flatMap(info => info.table.objects);
	const isList = !(infos.length === 1 && !infos[0]?.table.list);
	const json = isList ? listOf(objects) : objects[0];
	if (texts.length === 0 && failed) return {ok: true, text: '', json};
	if (texts.length === 0) {
		// get.go: `in NS namespace` only when every type asked for is namespaced and not -A.
		const empty = infos.some(info => info.table.empty === 'No resources found') ? 'No resources found' : (infos[0]?.table.empty ?? 'No resources found');
		return {ok: true, text: empty, json};
	}
	return {ok: true, text: texts.join(options.noHeaders === true ? '\n' : '\n\n'), json};
}
