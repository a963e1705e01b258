// The `/` filter of every table, as k9s reads it (README "Filter out a resource view given a
// filter"; derailed/k9s internal/model/table.go): text matches anywhere in a row, `-l SELECTOR`
// matches labels as `kubectl get -l` does, and a leading `!` keeps the rows that do not match.

import {matchesSelector, parseSelector} from '../../sim/labels.js';
import type {Labels} from '../../sim/types.js';

export type RowFilter = {ok: true; matches(cells: ReadonlyArray<string>, labels: Labels): boolean} | {ok: false; error: string};

const everything: RowFilter = {ok: true, matches: () => true};

export function parseRowFilter(text: string): RowFilter {
	const trimmed = text.trim();
	if (trimmed === '') return everything;
	const label = /^-l(?:\s+|=)(.*)$/.exec(trimmed);
	if (label) {
		const parsed = parseSelector(label[1] ?? '');
		if (!parsed.ok) return {ok: false, error: parsed.error};
		const selector = parsed.selector;
		return {ok: true, matches: (_cells, labels) => matchesSelector(labels, selector)};
	}
	const inverse = trimmed.startsWith('!');
	const needle = (inverse ? trimmed.slice(1).trimStart() : trimmed).toLowerCase();
	// `!` alone keeps everything, as an empty filter does.
	if (needle === '') return everything;
	return {ok: true, matches: cells => cells.some(cell => cell.toLowerCase().includes(needle)) !== inverse};
}
