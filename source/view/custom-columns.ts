// `-o custom-columns=HEADER:PATH,…` as kubectl's CustomColumnsPrinter prints it
// (kubernetes/kubectl `pkg/cmd/get/customcolumn.go`): headers as written (not upper-cased), one
// row per object, a column's values joined by `,` in Go's `fmt.Sprint` form, `<none>` when the
// path finds nothing, laid out by the same tabwriter as `get`.

import {findValues, goSprint, parseTemplate, relaxedExpression} from './jsonpath.js';
import {sanitize} from './sanitize.js';
import {GET_LAYOUT, tabwrite} from './table.js';

type Column = {header: string; root: Exclude<ReturnType<typeof parseTemplate>, {ok: false}>['root']};

/** NewCustomColumnsPrinterFromSpec, then the jsonpath parse PrintObj does per column. */
function parseSpec(spec: string): {ok: true; columns: Column[]} | {ok: false; error: string} {
	if (spec === '') return {ok: false, error: 'error: custom-columns format specified but no custom columns given'};
	const columns: Column[] = [];
	for (const part of spec.split(',')) {
		const colon = part.indexOf(':');
		if (colon === -1) {
			return {ok: false, error: `error: unexpected custom-columns spec: ${sanitize(part)}, expected <header>:<json-path-expr>`};
		}
		const relaxed = relaxedExpression(part.slice(colon + 1));
		if (!relaxed.ok) return {ok: false, error: `error: ${relaxed.error}`};
		const parsed = parseTemplate(relaxed.expression);
		if (!parsed.ok) return {ok: false, error: `error: ${parsed.error}`};
		columns.push({header: part.slice(0, colon), root: parsed.root});
	}
	return {ok: true, columns};
}

/** The table for `objects` (the List's items, or the one object); the header line alone for none. */
export function customColumns(spec: string, objects: readonly unknown[], noHeaders: boolean): {ok: true; text: string} | {ok: false; error: string} {
	const parsed = parseSpec(spec);
	if (!parsed.ok) return parsed;
	const lines: string[][] = noHeaders ? [] : [parsed.columns.map(c => sanitize(c.header))];
	for (const object of objects) {
		const cells: string[] = [];
		for (const column of parsed.columns) {
			const found = findValues(column.root, object);
			if (!found.ok) return {ok: false, error: `error: ${sanitize(found.error)}`};
			const values = found.results.flat().map(v => sanitize(goSprint(v)));
			if (!found.results[0]?.length) values.unshift('<none>');
			cells.push(values.join(','));
		}
		lines.push(cells);
	}
	return {ok: true, text: tabwrite(lines, GET_LAYOUT)};
}
