// One renderer per kind (k9s `internal/render` style): how to list a kind, the row kubectl prints
// for one object, and the object `-o json` prints. `get.ts` drives them generically; the kind's
// names and scope are its descriptor's (source/kinds/), not repeated here.

import type {Labels, State} from '../sim/types.js';
import type {ApiObject} from './api-object.js';

interface ListedMeta {
	/** '' for cluster-scoped kinds. */
	namespace: string;
	name: string;
	labels: Labels;
}

export interface KindView<T> {
	/** Column headers in kubectl's order; `wideColumns` are appended with `-o wide`. */
	columns: ReadonlyArray<string>;
	wideColumns: ReadonlyArray<string>;
	/** Every object of the kind in `namespace`, or in all namespaces for null (any order). */
	list(state: State, namespace: string | null): T[];
	meta(state: State, item: T): ListedMeta;
	/** The cells kubectl prints, raw (layout and sanitizing happen in table.ts). */
	row(state: State, item: T, wide: boolean): string[];
	object(state: State, item: T): ApiObject;
}

export function inNamespace<T extends {namespace: string}>(items: Iterable<T>, namespace: string | null): T[] {
	const out: T[] = [];
	for (const item of items) if (namespace === null || item.namespace === namespace) out.push(item);
	return out;
}
