// Fit a table into a pane's width, as k9s does on narrow terminals: drop the least important
// columns first, then shorten the first (name) column with an ellipsis.

export interface Fitted {
	/** Indexes of the columns kept, in display order. */
	columns: number[];
	widths: number[];
}

const GAP = 2;

/**
 * `priority[i]`: 0 = always kept; higher numbers are dropped first.
 */
export function fitColumns(headers: string[], rows: string[][], width: number, priority: number[], shrinkTo: number[] = []): Fitted {
	const natural = headers.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
	let columns = headers.map((_, i) => i);
	const total = () => columns.reduce((sum, i) => sum + natural[i]!, 0) + GAP * (columns.length - 1);
	// Long cells that read fine cut short (`53/UDP,53/TCP,91…`) give up width before any column goes.
	for (let i = 0; i < natural.length && total() > width; i++) {
		const min = shrinkTo[i];
		if (min !== undefined && natural[i]! > min) natural[i] = Math.max(min, natural[i]! - (total() - width));
	}
	// A column with nothing in any row (the Endpoints pane's CHANGE between changes, an
	// EXTERNAL-IP that is `<none>` everywhere) goes before any column that says something.
	const blank = (i: number) => rows.length > 0 && rows.every(r => (r[i] ?? '') === '' || r[i] === '<none>');
	while (total() > width) {
		const droppable = columns.filter(i => (priority[i] ?? 0) > 0);
		if (droppable.length === 0) break;
		const empty = droppable.find(blank);
		const drop = empty ?? droppable.reduce((a, b) => ((priority[b] ?? 0) >= (priority[a] ?? 0) ? b : a));
		columns = columns.filter(i => i !== drop);
	}
	const widths = columns.map(i => natural[i]!);
	const over = total() - width;
	if (over > 0 && widths.length > 0) widths[0] = Math.max(4, widths[0]! - over);
	return {columns, widths};
}

/** `middle`: cut the middle, not the end: generated names differ in their tails (`hello-node-4fp4j`). */
export function cell(text: string, width: number, middle = false): string {
	if (text.length <= width) return text.padEnd(width);
	if (width <= 1) return text.slice(0, width);
	if (!middle) return `${text.slice(0, width - 1)}…`;
	const tail = Math.ceil((width - 1) / 2);
	return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/** `middleFirst`: the first (name) column, the one `fitColumns` shortens, is cut in the middle. */
export function layoutRow(row: string[], fitted: Fitted, middleFirst = false): string {
	return fitted.columns
		.map((c, k) => cell(row[c] ?? '', fitted.widths[k]!, middleFirst && k === 0))
		.join(' '.repeat(GAP))
		.trimEnd();
}

/** The slice of rows to render so the cursor stays visible (only visible rows render). */
export function visibleWindow(count: number, cursor: number, height: number): {start: number; end: number} {
	if (count <= height) return {start: 0, end: count};
	const start = Math.max(0, Math.min(count - height, cursor - Math.floor(height / 2)));
	return {start, end: start + height};
}
