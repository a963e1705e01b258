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
	const all = headers.map((h, index) => ({
		index,
		width: Math.max(h.length, ...rows.map(r => (r[index] ?? '').length)),
		priority: priority[index] ?? 0,
	}));
	let columns = all;
	const total = () => columns.reduce((sum, c) => sum + c.width, 0) + GAP * (columns.length - 1);
	// Long cells that read fine cut short (`53/UDP,53/TCP,91…`) give up width before any column goes.
	for (const column of all) {
		if (total() <= width) break;
		const min = shrinkTo[column.index];
		if (min !== undefined && column.width > min) column.width = Math.max(min, column.width - (total() - width));
	}
	// A column with nothing in any row (the Endpoints pane's CHANGE between changes, an
	// EXTERNAL-IP that is `<none>` everywhere) goes before any column that says something.
	const blank = (i: number) => rows.length > 0 && rows.every(r => (r[i] ?? '') === '' || r[i] === '<none>');
	while (total() > width) {
		const droppable = columns.filter(c => c.priority > 0);
		const [firstDroppable, ...others] = droppable;
		if (firstDroppable === undefined) break;
		// Of equal priorities, the rightmost goes first.
		const drop = droppable.find(c => blank(c.index)) ?? others.reduce((a, b) => (b.priority >= a.priority ? b : a), firstDroppable);
		columns = columns.filter(c => c !== drop);
	}
	const widths = columns.map(c => c.width);
	const over = total() - width;
	const [first, ...rest] = widths;
	return {columns: columns.map(c => c.index), widths: over > 0 && first !== undefined ? [Math.max(4, first - over), ...rest] : widths};
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
	// A column without a fitted width keeps its cell's own.
	return fitted.columns
		.map((c, k) => {
			const text = row[c] ?? '';
			return cell(text, fitted.widths[k] ?? text.length, middleFirst && k === 0);
		})
		.join(' '.repeat(GAP))
		.trimEnd();
}

/** The slice of rows to render so the cursor stays visible (only visible rows render). */
export function visibleWindow(count: number, cursor: number, height: number): {start: number; end: number} {
	if (count <= height) return {start: 0, end: count};
	const start = Math.max(0, Math.min(count - height, cursor - Math.floor(height / 2)));
	return {start, end: start + height};
}
