// kubectl's text layout: Go's text/tabwriter as kubectl configures it (K8S-SEMANTICS-DETAIL S116).
// Rows are data (arrays of cells); this file only lays them out.

import {sanitize} from './sanitize.js';

export interface TabwriterOptions {
	/** Smallest column width, padding included. */
	minWidth: number;
	/** Spaces added to the widest cell of a column. */
	padding: number;
}

/** `printers.GetNewTabWriter`: `kubectl get` tables. */
export const GET_LAYOUT: TabwriterOptions = {minWidth: 6, padding: 3};

/** `tabbedString` in kubectl's describe package. */
export const DESCRIBE_LAYOUT: TabwriterOptions = {minWidth: 0, padding: 2};

/**
 * Lays out lines the way Go's tabwriter does. Each line is its cells; every cell but the last was
 * tab-terminated and is aligned, the last one is printed as is (so no trailing padding). A column
 * is aligned over a run of consecutive lines that all have a cell in it, so a line with fewer
 * cells (like `Events:`) starts a new block. Widths count code points, as Go counts runes.
 * Cells are written verbatim: callers sanitize untrusted text first.
 */
export function tabwrite(lines: ReadonlyArray<ReadonlyArray<string>>, options: TabwriterOptions): string {
	const out: string[] = [];
	const widths: number[] = [];
	const writeLines = (from: number, to: number): void => {
		for (let i = from; i < to; i++) {
			const line = lines[i]!;
			let text = '';
			line.forEach((cell, j) => {
				text += cell;
				if (j < line.length - 1 && j < widths.length) text += ' '.repeat(Math.max(0, widths[j]! - width(cell)));
			});
			out.push(text);
		}
	};
	const format = (line0: number, line1: number): void => {
		const column = widths.length;
		let start = line0;
		for (let current = line0; current < line1; current++) {
			if (column >= lines[current]!.length - 1) continue;
			writeLines(start, current);
			start = current;
			let columnWidth = options.minWidth;
			for (; current < line1; current++) {
				const line = lines[current]!;
				if (column >= line.length - 1) break;
				columnWidth = Math.max(columnWidth, width(line[column]!) + options.padding);
			}
			widths.push(columnWidth);
			format(start, current);
			widths.pop();
			// Like Go, the loop's increment steps over the line that ended the block: it has no
			// cell in this column, so it is written with the lines that follow.
			start = current;
		}
		writeLines(start, line1);
	};
	format(0, lines.length);
	return out.join('\n');
}

/**
 * A `kubectl get` table: upper-case headers, left-aligned columns, untrusted cells sanitized.
 * Returns the lines joined by `\n`, without a final newline.
 */
export function formatTable(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
	const lines = [headers.map(h => h.toUpperCase()), ...rows.map(row => row.map(sanitize))];
	return tabwrite(lines, GET_LAYOUT);
}

function width(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}
