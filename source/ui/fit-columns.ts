// Fit a table into a pane's width, as k9s does on narrow terminals: drop the least important
// columns first, then shorten the first (name) column with an ellipsis. Widths are display
// widths (text-width.ts): a Hangul or CJK name takes two columns a character.

import {fitWidth, textWidth} from './text-width.js';

export interface Fitted {
	/** Indexes of the columns kept, in display order. */
	columns: number[];
	widths: number[];
}

const GAP = 2;

/**
 * `priority[i]`: 0 = always kept; higher numbers are dropped first (of equal ones, the rightmost).
 * `nominal[i]`: the width column i is planned with. Which columns a pane shows then depends on its
 * width alone, not on what the rows say this second, so columns do not come and go as statuses
 * change (a pane that jumps loses the reader). Without it the column's content decides.
 */
export function fitColumns(headers: string[], rows: string[][], width: number, priority: number[], shrinkTo: number[] = [], nominal: number[] = []): Fitted {
	const all = headers.map((h, index) => {
		const content = Math.max(textWidth(h), ...rows.map(r => textWidth(r[index] ?? '')));
		const planned = nominal[index];
		return {index, content, width: planned === undefined ? content : Math.max(textWidth(h), planned), priority: priority[index] ?? 0};
	});
	let columns = all;
	const total = () => columns.reduce((sum, c) => sum + c.width, 0) + GAP * (columns.length - 1);
	// Long cells that read fine cut short (`53/UDP,53/TCP,91…`) give up width before any column goes.
	for (const column of all) {
		if (total() <= width) break;
		const min = shrinkTo[column.index];
		if (min !== undefined && column.width > min) column.width = Math.max(min, column.width - (total() - width));
	}
	while (total() > width) {
		const droppable = columns.filter(c => c.priority > 0);
		const [firstDroppable, ...others] = droppable;
		if (firstDroppable === undefined) break;
		const drop = others.reduce((a, b) => (b.priority >= a.priority ? b : a), firstDroppable);
		columns = columns.filter(c => c !== drop);
	}
	// Planned, the kept columns take what their cells need; cells wider than planned give the
	// excess back when the row is too long, the widest excess first; room left over pads the
	// columns out to their planned widths, so they stay put while statuses come and go.
	if (nominal.length > 0) {
		const planned = new Map(columns.map(c => [c.index, c.width]));
		const plannedOf = (c: {index: number; width: number}) => planned.get(c.index) ?? c.width;
		for (const c of columns) c.width = c.content;
		// Cells that read fine cut short (shrinkTo) go first, then the widest excess.
		const order = [...columns].sort((a, b) => b.content - plannedOf(b) - (a.content - plannedOf(a)));
		for (const c of columns) {
			const min = shrinkTo[c.index];
			const over = total() - width;
			if (over > 0 && min !== undefined && c.width > min) c.width = Math.max(min, c.width - over);
		}
		for (const c of order) {
			const over = total() - width;
			if (over <= 0) break;
			if (c.width > plannedOf(c)) c.width = Math.max(plannedOf(c), c.width - over);
		}
		for (const c of columns) {
			const spare = width - total();
			if (spare <= 0) break;
			if (c.width < plannedOf(c)) c.width += Math.min(spare, plannedOf(c) - c.width);
		}
	}
	const widths = columns.map(c => c.width);
	const over = total() - width;
	const [first, ...rest] = widths;
	return {columns: columns.map(c => c.index), widths: over > 0 && first !== undefined ? [Math.max(4, first - over), ...rest] : widths};
}

/** `middle`: cut the middle, not the end: generated names differ in their tails (`hello-node-4fp4j`). */
export const cell = (text: string, width: number, middle = false): string => fitWidth(text, width, middle);

/** `middleFirst`: the first (name) column, the one `fitColumns` shortens, is cut in the middle. */
export function layoutRow(row: string[], fitted: Fitted, middleFirst = false): string {
	// A column without a fitted width keeps its cell's own.
	return fitted.columns
		.map((c, k) => {
			const text = row[c] ?? '';
			return cell(text, fitted.widths[k] ?? textWidth(text), middleFirst && k === 0);
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
