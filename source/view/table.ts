// kubectl's text layout: Go's text/tabwriter as kubectl configures it (docs/semantics.md S116).
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
	const write = (line: ReadonlyArray<string>): void => {
		let text = '';
		for (const [j, cell] of line.entries()) {
			text += cell;
			const columnWidth = widths[j];
			if (j < line.length - 1 && columnWidth !== undefined) text += ' '.repeat(Math.max(0, columnWidth - width(cell)));
		}
		out.push(text);
	};
	// Go's Writer.format: at column `widths.length`, a run of consecutive lines that all have a
	// tab-terminated cell there is one block, as wide as its widest cell, and is formatted again
	// one column further; a line without such a cell is written with the widths found so far.
	const format = (block: ReadonlyArray<ReadonlyArray<string>>): void => {
		const column = widths.length;
		let run: Array<ReadonlyArray<string>> = [];
		let runWidth = options.minWidth;
		const endRun = (): void => {
			if (run.length === 0) return;
			widths.push(runWidth);
			format(run);
			widths.pop();
			run = [];
			runWidth = options.minWidth;
		};
		for (const line of block) {
			const cell = line[column];
			if (cell !== undefined && column < line.length - 1) {
				run.push(line);
				runWidth = Math.max(runWidth, width(cell) + options.padding);
			} else {
				endRun();
				write(line);
			}
		}
		endRun();
	};
	format(lines);
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
