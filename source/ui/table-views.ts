// The resource views' stack (k9s's page stack, derailed/k9s internal/view/app.go inject/PrevCmd):
// `:po` opens a view, Enter on a row pushes a narrower one, Esc pops. The home view, the Service
// view with its Endpoints / Pods / Requests panes, is the bottom and is not on the stack.

import {resolveKind} from '../kinds/registry.js';
import type {State} from '../sim/index.js';
import {type ResourceTable, resourceTable, type SortSpec, type ViewScope} from '../view/tui/resource-table.js';

export interface TableView {
	scope: ViewScope;
	cursor: number;
	/** The row under the cursor by identity (resource-table.ts objectKey), so it stays on its object. */
	cursorKey: string | null;
	filter: string;
	sort: SortSpec | null;
}

export const tableOf = (state: State, view: TableView): ResourceTable => resourceTable(state, view.scope, view.filter, view.sort);

export const newView = (scope: ViewScope): TableView => ({scope, cursor: 0, cursorKey: null, filter: '', sort: null});

/**
 * A palette line that names a view rather than a command, as k9s's `:` takes them
 * (`:po`, `:deploy kube-system`, `:svc -n web`, `:pods -l app=web`): a kind word, then
 * optionally a namespace (positional, `-n`, or `-A` for all, the default) and `-l SELECTOR`.
 * `svc` names the home view (the Service view), so it returns `home`. null: not a view.
 */
/** Words k9s opens views by that kubectl does not know (k9s's own aliases; kubectl's short names
 *  come from the kinds). `:eps` is in issue 10's list; `get eps` stays an error, as in kubectl. */
const K9S_ALIASES: Readonly<Record<string, string>> = Object.assign(Object.create(null), {eps: 'endpointslices'});

/** The shortest word `:` opens a kind's view by: k9s's alias, else kubectl's first short name. */
export function viewWord(kind: {resource: string; shortNames: readonly string[]}): string {
	const alias = Object.keys(K9S_ALIASES).find(a => K9S_ALIASES[a] === kind.resource);
	return alias ?? kind.shortNames[0] ?? kind.resource;
}

export function viewCommand(line: string): {home: true} | {scope: ViewScope} | {error: string} | null {
	const words = line.trim().split(/\s+/);
	const [word, ...rest] = words;
	if (word === undefined || word === '') return null;
	const kind = resolveKind(K9S_ALIASES[word.toLowerCase()] ?? word);
	if (kind === null) return null;
	let namespace: string | null = null;
	let selector: string | undefined;
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i] ?? '';
		if (arg === '-A' || arg === '--all-namespaces') namespace = null;
		else if (arg === '-n' || arg === '--namespace') namespace = rest[++i] ?? '';
		else if (arg.startsWith('--namespace=')) namespace = arg.slice('--namespace='.length);
		else if (arg === '-l' || arg === '--selector') selector = rest[++i] ?? '';
		else if (arg.startsWith('-l=') || arg.startsWith('--selector=')) selector = arg.slice(arg.indexOf('=') + 1);
		else if (!arg.startsWith('-') && namespace === null) namespace = arg;
		else return {error: `${arg}: a view takes a namespace, -n NS, -A or -l SELECTOR (:${kind.shortNames[0] ?? kind.resource} kube-system)`};
	}
	if (namespace === '' || selector === '') return {error: `${word}: a flag without its value`};
	if (kind.resource === 'services' && namespace === null && selector === undefined) return {home: true};
	if (!kind.namespaced) namespace = null;
	const crumb = namespace === null ? kind.resource : `${kind.resource}(${namespace})`;
	return {scope: {resource: kind.resource, namespace, ...(selector !== undefined ? {selector} : {}), crumb}};
}

/** Keep the view's cursor on its object as rows come, go and reorder (by key; gone, its index, clamped). */
export function anchored(state: State, view: TableView, movedByIndex: boolean): TableView {
	const {keys} = tableOf(state, view);
	let index = view.cursor;
	if (!movedByIndex && view.cursorKey !== null) {
		const at = keys[index] === view.cursorKey ? index : keys.indexOf(view.cursorKey);
		if (at >= 0) index = at;
	}
	index = Math.max(0, Math.min(index, keys.length - 1));
	const key = keys[index] ?? null;
	return index === view.cursor && key === view.cursorKey ? view : {...view, cursor: index, cursorKey: key};
}

/** k9s's column sort: a column's key sorts by it; the same key again reverses the order. */
export function sortedBy(view: TableView, column: string): TableView {
	const descending = view.sort?.column === column ? !view.sort.descending : false;
	return {...view, sort: {column, descending}};
}
