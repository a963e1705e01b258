// The output viewer's state and what its keys do, as pure functions of (viewer, key, page size):
// what a palette command prints and what `d` / `y` open, scrolled, searched and wrapped the way
// k9s's details view does (derailed/k9s internal/view/details.go: wrapped text, `/` search with
// the matches highlighted, `n` / `N` to the next / previous match, going round at the ends, the
// match count `[2:5]` in the title, Esc back to the view it was opened from).
//
// Long lines wrap (nothing is cut); `w` turns wrapping off for ←/→ scrolling instead, for wide
// tables that read better unbroken. Widths are display columns (string-width, as Ink measures).

import stringWidth from 'string-width';
import type {State} from '../sim/index.js';
import {sanitize} from '../view/index.js';

export interface Viewer {
	/** The command line whose output this is. */
	title: string;
	/** Its output as `--script` prints it (stdout, then stderr), each line sanitized. */
	lines: string[];
	error: boolean;
	/** The query re-run as the clock moves (get, describe); null for an action's output (curl,
	 *  nslookup), which must not run a second time. */
	live: string | null;
	/** The first display row shown (a wrapped line takes several rows). */
	top: number;
	/** The first column shown while not wrapping. */
	left: number;
	wrap: boolean;
	/** The search being typed after `/`, or null. */
	typing: string | null;
	/** The search in force ('' for none), case-insensitive. */
	query: string;
	/** The current match, an index into `matchesOf(lines, query)`; -1 for none. */
	match: number;
}

/** The text area: columns per row and rows shown at once. */
export interface Page {
	width: number;
	rows: number;
}

/** What a viewer key does; keymap.ts binds keys to these. */
export type ViewerCommand =
	| 'lineDown'
	| 'lineUp'
	| 'pageDown'
	| 'pageUp'
	| 'top'
	| 'bottom'
	| 'scrollLeft'
	| 'scrollRight'
	| 'toggleWrap'
	| 'search'
	| 'nextMatch'
	| 'previousMatch'
	/** Leave the viewer for the palette or help (app.tsx): `:` and `?` work on every screen, as in k9s. */
	| 'palette'
	| 'help'
	| 'close';

/** A screen row: `lines[line]` from code unit `start` to `end`. */
interface Row {
	line: number;
	start: number;
	end: number;
}

interface Match {
	line: number;
	start: number;
	end: number;
}

export function openViewer(title: string, lines: readonly string[], error: boolean, live: string | null): Viewer {
	return {title: sanitize(title), lines: lines.map(shown), error, live, top: 0, left: 0, wrap: true, typing: null, query: '', match: -1};
}

/**
 * A tab that reached here is nslookup's own layout (session/execute.ts lets only those through):
 * the terminal would move to the next multiple of 8 columns, but Ink counts a tab as one column,
 * so the viewer writes it as the spaces the terminal would have skipped.
 */
function expandTabs(line: string): string {
	if (!line.includes('\t')) return line;
	const [first = '', ...rest] = line.split('\t');
	let out = first;
	for (const part of rest) out += ' '.repeat(8 - (stringWidth(out) % 8)) + part;
	return out;
}

const shown = (line: string) => sanitize(expandTabs(line));

/** Printable ASCII: one column per code unit, the fast path. */
const ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter();

/** [start, end, columns] of each user-perceived character. */
function cells(text: string): Array<[number, number, number]> {
	const out: Array<[number, number, number]> = [];
	for (const s of segmenter.segment(text)) out.push([s.index, s.index + s.segment.length, stringWidth(s.segment)]);
	return out;
}

/**
 * Where `text` breaks into rows of `width` columns: after the last space that fits, as a reader
 * wraps words (a table's `PORT(S)` stays whole on the next row; issue 10), unless that would
 * leave the row less than a third full, then at the edge. A wide character that does not fit moves
 * to the next row; the spaces a break falls on are not repeated at the start of the next row.
 */
function wrapLine(text: string, line: number, width: number, into: Row[]) {
	// Each user-perceived character: [start, end, columns]; ASCII is one column a character.
	const units = ASCII.test(text) ? null : cells(text);
	const count = units ? units.length : text.length;
	const from = (i: number) => (units ? (units[i]?.[0] ?? text.length) : i);
	const isSpace = (i: number) => text[from(i)] === ' ';
	let first = 0;
	while (first < count) {
		// The first unit that does not fit on this row.
		let past = first;
		for (let used = 0; past < count; past++) {
			const w = units ? (units[past]?.[2] ?? 1) : 1;
			if (used + w > width && past > first) break;
			used += w;
		}
		if (past < count && !isSpace(past) && !isSpace(past - 1)) {
			let space = past - 1;
			while (space > first && !isSpace(space)) space--;
			if (space > first && (space + 1 - first) * 3 >= width) past = space + 1;
		}
		into.push({line, start: from(first), end: from(past)});
		first = past;
		while (first < count && isSpace(first)) first++;
	}
	if (count === 0) into.push({line, start: 0, end: 0});
}

// Rows and matches are recomputed only when the lines, the width or the query change: the lines
// array of a viewer is never mutated, so it can key a cache (a key press costs the rows it shows).
const rowCache = new WeakMap<readonly string[], {width: number; wrap: boolean; rows: Row[]}>();
const matchCache = new WeakMap<readonly string[], {query: string; matches: Match[]}>();

function rowsOf(viewer: Viewer, width: number): Row[] {
	const cached = rowCache.get(viewer.lines);
	if (cached && cached.width === width && cached.wrap === viewer.wrap) return cached.rows;
	const rows: Row[] = [];
	for (const [i, text] of viewer.lines.entries()) {
		if (viewer.wrap) wrapLine(text, i, Math.max(1, width), rows);
		else rows.push({line: i, start: 0, end: text.length});
	}
	rowCache.set(viewer.lines, {width, wrap: viewer.wrap, rows});
	return rows;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of `query` in the lines, in reading order (case-insensitive). */
function matchesOf(lines: readonly string[], query: string): Match[] {
	if (query === '') return [];
	const cached = matchCache.get(lines);
	if (cached && cached.query === query) return cached.matches;
	const pattern = new RegExp(escapeRegExp(query), 'giu');
	const matches: Match[] = [];
	for (const [line, text] of lines.entries()) {
		for (const m of text.matchAll(pattern)) matches.push({line, start: m.index, end: m.index + m[0].length});
	}
	matchCache.set(lines, {query, matches});
	return matches;
}

const maxTop = (viewer: Viewer, page: Page) => Math.max(0, rowsOf(viewer, page.width).length - page.rows);
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** The viewer with its scroll position inside the text (the text or the page may have shrunk). */
function clamped(viewer: Viewer, page: Page): Viewer {
	const top = clamp(viewer.top, 0, maxTop(viewer, page));
	return top === viewer.top ? viewer : {...viewer, top};
}

/** The display row a match starts on. */
function rowOf(viewer: Viewer, page: Page, match: Match): number {
	const rows = rowsOf(viewer, page.width);
	// Rows are in line order: binary search for the last row starting at or before the match.
	let low = 0;
	let high = rows.length - 1;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		const row = rows[mid];
		if (row && (row.line < match.line || (row.line === match.line && row.start <= match.start))) low = mid;
		else high = mid - 1;
	}
	return low;
}

/** Make match `index` current and scroll it into view (to the top row, unless it is shown already). */
function goToMatch(viewer: Viewer, page: Page, index: number): Viewer {
	const match = matchesOf(viewer.lines, viewer.query)[index];
	if (!match) return {...viewer, match: -1};
	const row = rowOf(viewer, page, match);
	const shown = row >= viewer.top && row < viewer.top + page.rows;
	let left = viewer.left;
	if (!viewer.wrap) {
		const column = stringWidth(viewer.lines[match.line]?.slice(0, match.start) ?? '');
		if (column < left || column >= left + page.width) left = Math.max(0, column - Math.floor(page.width / 3));
	}
	return clamped({...viewer, match: index, left, top: shown ? viewer.top : row}, page);
}

/** The first match at or after the top row: where a new search starts. */
function firstMatchFrom(viewer: Viewer, page: Page): number {
	const matches = matchesOf(viewer.lines, viewer.query);
	const row = rowsOf(viewer, page.width)[viewer.top];
	const at = row ? matches.findIndex(m => m.line > row.line || (m.line === row.line && m.end > row.start)) : -1;
	return matches.length === 0 ? -1 : Math.max(at, 0);
}

/** A key in the viewer: the next viewer, or null when it closes. */
export function viewerKey(viewer: Viewer, command: ViewerCommand, page: Page): Viewer | null {
	const v = clamped(viewer, page);
	const scroll = (delta: number) => clamped({...v, top: v.top + delta}, page);
	switch (command) {
		case 'lineDown':
			return scroll(1);
		case 'lineUp':
			return scroll(-1);
		case 'pageDown':
			return scroll(page.rows);
		case 'pageUp':
			return scroll(-page.rows);
		case 'top':
			return {...v, top: 0};
		case 'bottom':
			return {...v, top: maxTop(v, page)};
		case 'scrollLeft':
		case 'scrollRight': {
			if (v.wrap) return v;
			const widest = Math.max(0, ...v.lines.map(l => stringWidth(l)));
			const step = Math.max(1, Math.floor(page.width / 2));
			return {...v, left: clamp(v.left + (command === 'scrollLeft' ? -step : step), 0, Math.max(0, widest - page.width))};
		}
		case 'toggleWrap': {
			// The line at the top stays at the top.
			const line = rowsOf(v, page.width)[v.top]?.line ?? 0;
			const next = {...v, wrap: !v.wrap, left: 0};
			const top = rowsOf(next, page.width).findIndex(r => r.line === line);
			return clamped({...next, top: Math.max(0, top)}, page);
		}
		case 'search':
			return {...v, typing: ''};
		case 'nextMatch':
		case 'previousMatch': {
			const count = matchesOf(v.lines, v.query).length;
			if (count === 0) return v;
			const delta = command === 'nextMatch' ? 1 : -1;
			return goToMatch(v, page, v.match < 0 ? firstMatchFrom(v, page) : (v.match + delta + count) % count);
		}
		case 'palette':
		case 'help':
		case 'close':
			return null;
	}
}

/** Typing a search after `/`: `text` typed, `erase` one character, Enter `submit`s, Esc `cancel`s
 *  (and clears the search, as k9s's Esc does while its search buffer is active). */
export function viewerSearch(viewer: Viewer, edit: {text: string} | 'erase' | 'clear' | 'submit' | 'cancel', page: Page): Viewer {
	const typing = viewer.typing ?? '';
	if (edit === 'cancel') return {...viewer, typing: null, query: '', match: -1};
	if (edit === 'submit') {
		const searched = {...viewer, typing: null, query: typing, match: -1};
		return typing === '' ? searched : goToMatch(searched, page, firstMatchFrom(clamped(searched, page), page));
	}
	if (edit === 'clear') return {...viewer, typing: ''};
	if (edit === 'erase')
		return {
			...viewer,
			typing: Array.from(segmenter.segment(typing), s => s.segment)
				.slice(0, -1)
				.join(''),
		};
	return {...viewer, typing: typing + sanitize(edit.text)};
}

/** Fresh output for a live viewer (a query re-run): the position, wrapping and search stay. */
export function refreshViewer(viewer: Viewer, lines: readonly string[], error: boolean): Viewer {
	const fresh = lines.map(shown);
	if (error === viewer.error && fresh.length === viewer.lines.length && fresh.every((l, i) => l === viewer.lines[i])) return viewer;
	const count = matchesOf(fresh, viewer.query).length;
	return {...viewer, lines: fresh, error, match: Math.min(viewer.match, count - 1)};
}

/**
 * Whether a live viewer's query can print something new in `next`: an object table changed
 * (copy-on-write keeps an unchanged table the same object), or the clock reached another second
 * (ages and event times print in whole seconds at best). A tick that changes neither costs one
 * comparison per table, not a re-run.
 */
export function outputMayDiffer(prev: State, next: State): boolean {
	if (prev === next) return false;
	if (Math.floor(prev.clock / 1000) !== Math.floor(next.clock / 1000)) return true;
	return (
		prev.nodes !== next.nodes ||
		prev.namespaces !== next.namespaces ||
		prev.pods !== next.pods ||
		prev.workloads !== next.workloads ||
		prev.services !== next.services ||
		prev.endpoints !== next.endpoints ||
		prev.events !== next.events
	);
}

/** A piece of a shown row: plain text, a match, or the current match. */
export interface Segment {
	text: string;
	mark: 'none' | 'match' | 'current';
}

/** [start, end) code units of `text` that fall in columns [from, from + width), and the columns skipped before. */
function columnRange(text: string, from: number, width: number): {start: number; end: number} {
	if (ASCII.test(text)) return {start: Math.min(from, text.length), end: Math.min(from + width, text.length)};
	let start = text.length;
	let end = text.length;
	let column = 0;
	for (const [a, , w] of cells(text)) {
		if (column >= from && start === text.length) start = a;
		if (column + w > from + width) {
			end = a;
			break;
		}
		column += w;
	}
	return {start: Math.min(start, end), end};
}

/** The rows the page shows, cut into segments by the matches. */
export function visibleRows(viewer: Viewer, page: Page): Segment[][] {
	const v = clamped(viewer, page);
	const rows = rowsOf(v, page.width).slice(v.top, v.top + page.rows);
	const matches = matchesOf(v.lines, v.query);
	const out: Segment[][] = [];
	let m = 0;
	for (const row of rows) {
		const text = v.lines[row.line] ?? '';
		const {start, end} = v.wrap ? row : columnRange(text, v.left, page.width);
		// Matches before this row are behind us (rows come in reading order).
		while (m < matches.length && (matches[m]?.line ?? 0) < row.line) m++;
		const segments: Segment[] = [];
		let at = start;
		for (let i = m; i < matches.length; i++) {
			const match = matches[i];
			if (!match || match.line !== row.line || match.start >= end) break;
			if (match.end <= at) continue;
			const from = Math.max(at, match.start);
			if (from > at) segments.push({text: text.slice(at, from), mark: 'none'});
			const to = Math.min(end, match.end);
			segments.push({text: text.slice(from, to), mark: i === v.match ? 'current' : 'match'});
			at = to;
		}
		if (at < end || segments.length === 0) segments.push({text: text.slice(at, end), mark: 'none'});
		out.push(segments);
	}
	return out;
}

/** The footer: where the page is, the search and its count (k9s's `[current:count]`), wrap and live. */
export function viewerStatus(viewer: Viewer, page: Page): string {
	const v = clamped(viewer, page);
	const rows = rowsOf(v, page.width);
	const first = rows[v.top];
	const last = rows[Math.min(rows.length, v.top + page.rows) - 1];
	const where = first && last ? `lines ${first.line + 1}-${last.line + 1} of ${v.lines.length}` : 'no output';
	const parts = [where];
	if (v.typing !== null) parts.push(`/${v.typing}█`);
	else if (v.query !== '') {
		const count = matchesOf(v.lines, v.query).length;
		parts.push(count === 0 ? `/${v.query} no match` : `/${v.query} [${v.match >= 0 ? v.match + 1 : '-'}:${count}]`);
	}
	parts.push(v.wrap ? 'wrap' : `no wrap, col ${v.left + 1}`);
	if (v.live) parts.push('live');
	return parts.join(' · ');
}
