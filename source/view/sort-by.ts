// `--sort-by=JSONPATH` with kubectl's sorter semantics (kubernetes/kubectl `pkg/cmd/get/sorter.go`):
// the path is relaxed (`.a.b`, `{.a.b}`), each object sorts by the first value it finds, objects
// without one come first, integers and floats compare numerically, strings as quantities when
// both parse as one (`100m` < `1`) and lexically otherwise. kubectl uses Go's unstable sort.Sort;
// a stable sort here keeps the API order among equals, so the output is deterministic.

import {findValues, parseTemplate, relaxedExpression} from './jsonpath.js';
import {sanitize} from './sanitize.js';

type Key = {found: false} | {found: true; value: unknown};

/**
 * The order to print `objects` in, as indexes. `table` selects the table printer's texts
 * (kubectl sorts server-side Tables with TableSorter, lists with SortObjects; they word a bad path
 * differently).
 */
export function sortOrder(objects: readonly unknown[], sortBy: string, table: boolean): {ok: true; order: number[]} | {ok: false; error: string} {
	const relaxed = relaxedExpression(sortBy);
	// get.go's NewRuntimeSorter falls back to the text as typed when it is not a relaxed path.
	if (!relaxed.ok && !table) return {ok: false, error: `error: ${relaxed.error}`};
	const field = relaxed.ok ? relaxed.expression : sortBy;
	const parsed = parseTemplate(field);
	if (!parsed.ok) return {ok: false, error: table ? `error: sorting error: ${parsed.error}` : `error: ${parsed.error}`};
	const keys: Key[] = [];
	for (const object of objects) {
		const found = findValues(parsed.root, object);
		if (!found.ok) return {ok: false, error: `error: ${sanitize(found.error)}`};
		const first = found.results[0];
		keys.push(first !== undefined && first.length > 0 ? {found: true, value: first[0]} : {found: false});
	}
	const order = objects.map((_, i) => i);
	if (objects.length === 0) return {ok: true, order};
	if (!keys.some(k => k.found)) {
		return {ok: false, error: `error: couldn't find any field with path ${JSON.stringify(sanitize(field))} in the list of objects`};
	}
	let failure: string | undefined;
	order.sort((a, b) => {
		const ka = keys[a] as Key;
		const kb = keys[b] as Key;
		if (!ka.found) return kb.found ? -1 : 0;
		if (!kb.found) return 1;
		const result = compareValues(ka.value, kb.value);
		if (typeof result === 'string') {
			failure ??= result;
			return 0;
		}
		return result;
	});
	if (failure !== undefined) return {ok: false, error: `error: Field ${sanitize(field)} is an unsortable type: ${failure}`};
	return {ok: true, order};
}

/** sorter.go's isLess for the values of unstructured objects (always interface values there). */
function compareValues(a: unknown, b: unknown): number | string {
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) === Number.isInteger(b)) return a - b;
	if (typeof a === 'string' && typeof b === 'string') {
		const qa = parseQuantity(a);
		const qb = parseQuantity(b);
		if (qa !== null && qb !== null) return qa - qb;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	if (typeof a === 'object' || typeof a === 'boolean') return `unsortable type: ${typeName(a)}`;
	return `unsortable interface: interface`;
}

function typeName(value: unknown): string {
	if (Array.isArray(value)) return '[]interface {}';
	return typeof value === 'boolean' ? 'bool' : 'map[string]interface {}';
}

const SUFFIX: Record<string, number> = {
	'': 1,
	n: 1e-9,
	u: 1e-6,
	m: 1e-3,
	k: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	P: 1e15,
	E: 1e18,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
	Pi: 2 ** 50,
	Ei: 2 ** 60,
};

/** resource.ParseQuantity's accepted forms (number, then a binary or decimal suffix or an exponent); null if not one. */
function parseQuantity(text: string): number | null {
	const match = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?|[eE]([+-]?[0-9]+))$/.exec(text);
	if (match === null) return null;
	const number = Number(match[1]);
	if (match[3] !== undefined) return number * 10 ** Number(match[3]);
	return number * (SUFFIX[match[2] ?? ''] ?? 1);
}
