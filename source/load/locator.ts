// Where a path is in a file. Small files keep the full `yaml` parse (yamlLocator). Big files,
// parsed by a fast parser that knows no positions, get a sliced locator: it finds the text of
// one document, or of one item of a `kind: List`, and parses only that slice with `yaml`, so a
// single bad object in a 60 MB dump costs milliseconds, not a 20-second re-parse.

import type {Path} from './types.js';
import {type DuplicateKey, documentStart, duplicateKeys, findPath, indexYaml, type LineCol, type PathPosition, type YamlIndex} from './yaml-positions.js';

export interface Locator {
	documentStart(docIndex: number): LineCol;
	find(docIndex: number, path: Path): PathPosition;
	/** The keys written twice in the object at `base` (a document, or `['items', i]` of a List),
	 *  paths from the document root. Asked only of documents the parser saw repeats in. */
	duplicates(docIndex: number, base: Path): DuplicateKey[];
	/** The full `yaml` index, when this file has one (small files). */
	yaml?: YamlIndex;
}

const under = (base: Path, path: Path) => base.every((part, i) => path[i] === part);

export function yamlLocator(index: YamlIndex): Locator {
	const cache = new Map<number, DuplicateKey[]>();
	return {
		yaml: index,
		documentStart: docIndex => documentStart(index, docIndex),
		find: (docIndex, path) => findPath(index, docIndex, path),
		duplicates(docIndex, base) {
			let all = cache.get(docIndex);
			if (!all) {
				all = duplicateKeys(index, docIndex);
				cache.set(docIndex, all);
			}
			return all.filter(d => under(base, d.path));
		},
	};
}

/** A document's text: [start, end) offsets into the file. */
export interface Range {
	start: number;
	end: number;
}

/** Offsets where lines start, for offset → line numbers. */
export class LineStarts {
	private starts: number[] | null = null;
	constructor(private readonly text: string) {}

	lineOf(offset: number): number {
		return this.locate(offset).line;
	}

	columnOf(offset: number): number {
		return offset - this.locate(offset).start + 1;
	}

	/** The line holding `offset` (1-based) and the offset it starts at. */
	private locate(offset: number): {line: number; start: number} {
		if (this.starts === null) {
			const starts = [0];
			for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
			this.starts = starts;
		}
		let lo = 0;
		let start = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			const midStart = this.starts[mid];
			if (midStart !== undefined && midStart <= offset) {
				lo = mid;
				start = midStart;
			} else hi = mid - 1;
		}
		return {line: lo + 1, start};
	}
}

/** One document or List item parsed on its own, and where its text starts in the file. */
interface Slice {
	index: YamlIndex;
	firstLine: number;
	/** Columns before the slice's first character on its first line. */
	firstCol: number;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Offsets of each `items` entry of a YAML List document, by scanning lines (no parse). */
function yamlItemStarts(text: string, range: Range): number[] {
	const starts: number[] = [];
	let pos = range.start;
	let dashIndent: number | null = null;
	let inItems = false;
	while (pos < range.end) {
		let next = text.indexOf('\n', pos);
		if (next === -1 || next > range.end) next = range.end;
		const line = text.slice(pos, next);
		if (!inItems) {
			if (/^items:\s*$/.test(line)) inItems = true;
		} else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
			const indent = line.length - line.trimStart().length;
			if (dashIndent === null && line.trimStart().startsWith('- ')) dashIndent = indent;
			if (dashIndent !== null && indent === dashIndent && line.trimStart().startsWith('-')) starts.push(pos);
			else if (dashIndent !== null && indent < dashIndent) break;
			else if (dashIndent !== null && indent === dashIndent && !line.trimStart().startsWith('-')) break;
		}
		pos = next + 1;
	}
	return starts;
}

/** Offsets of each element of the top-level `items` array of a JSON document, and where each
 *  ends (after its last character, before the comma or bracket that follows it). */
function jsonItemStarts(text: string, range: Range, ends: number[] = []): number[] {
	const starts: number[] = [];
	const endBefore = (at: number) => {
		let end = at;
		while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
		ends.push(end);
	};
	let depth = 0;
	let inString = false;
	let lastKey = '';
	let keyStart = -1;
	let itemsDepth = -1;
	let expectItem = false;
	for (let i = range.start; i < range.end; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash
			else if (c === 34) {
				inString = false;
				if (depth === 1) lastKey = text.slice(keyStart + 1, i);
			}
			continue;
		}
		if (c === 32 || c === 10 || c === 13 || c === 9) continue;
		if (expectItem) {
			starts.push(i);
			expectItem = false;
		}
		if (c === 34) {
			inString = true;
			keyStart = i;
		} else if (c === 123 || c === 91) {
			depth++;
			if (c === 91 && depth === 2 && lastKey === 'items' && itemsDepth === -1) {
				itemsDepth = 2;
				expectItem = true;
			}
		} else if (c === 125 || c === 93) {
			if (depth === itemsDepth && c === 93) {
				// An empty array recorded a start at its own `]`.
				if (starts.length > 0 && starts[starts.length - 1] === i) starts.pop();
				else endBefore(i);
				return starts;
			}
			depth--;
		} else if (c === 44 && depth === itemsDepth) {
			endBefore(i);
			expectItem = true;
		}
	}
	return starts;
}

/** The text of each item of a List document: [start, end) offsets. A JSON item ends where its
 *  own text does: the List's closing brackets after the last one are not part of it (a slice
 *  that held them would not parse, and its positions would fall back to the file's start). */
export function listItemRanges(text: string, range: Range, json: boolean): Range[] {
	const ends: number[] = [];
	const starts = json ? jsonItemStarts(text, range, ends) : yamlItemStarts(text, range);
	return starts.map((from, i) => ({start: from, end: json ? (ends[i] ?? range.end) : (starts[i + 1] ?? range.end)}));
}

export function slicedLocator(text: string, ranges: Range[], json: boolean): Locator {
	const lines = new LineStarts(text);
	const items = new Map<number, Range[]>();
	const slices = new Map<string, Slice>();

	/** Parse text[from, to) as one YAML document; positions shift back to the file. A YAML item
	 *  is read from its line's start (its indentation kept), a JSON item from its own first
	 *  character: in a one-line file the text before it on its line is the List and the items
	 *  before, which would not parse. */
	const sliceIndex = (key: string, from: number, to: number, item: boolean): Slice => {
		let cached = slices.get(key);
		if (!cached) {
			const begin = item && json ? from : lineStart(text, from);
			let slice = text.slice(begin, to);
			// `- apiVersion: v1` → `  apiVersion: v1`: the item becomes a document, columns unchanged.
			if (item && !json) slice = slice.replace(/^(\s*)-/, '$1 ');
			cached = {index: indexYaml(slice), firstLine: lines.lineOf(begin), firstCol: lines.columnOf(begin) - 1};
			slices.set(key, cached);
		}
		return cached;
	};
	const shift = (pos: LineCol, slice: Slice): LineCol => ({line: pos.line + slice.firstLine - 1, col: pos.line === 1 ? pos.col + slice.firstCol : pos.col});
	/** Each document's first character, found once: the walk over its leading blanks is as long
	 *  as they are, and a document's every position may ask for it (issue 11: 150 KB of blanks
	 *  before a List of 2,000 bad items took 35 s when each find walked them again). */
	const starts = new Map<number, LineCol>();
	const start = (docIndex: number): LineCol => {
		let found = starts.get(docIndex);
		if (!found) {
			found = firstCharacter(docIndex);
			starts.set(docIndex, found);
		}
		return found;
	};
	const firstCharacter = (docIndex: number): LineCol => {
		const range = ranges[docIndex];
		if (!range) return {line: 1, col: 1};
		let offset = range.start;
		while (offset < range.end && /\s/.test(text.charAt(offset))) offset++;
		// Skip a `---` marker line.
		if (!json && text.startsWith('---', offset)) {
			const next = text.indexOf('\n', offset);
			offset = next === -1 ? range.end : next + 1;
			while (offset < range.end && /\s/.test(text.charAt(offset))) offset++;
		}
		return {line: lines.lineOf(offset), col: lines.columnOf(offset)};
	};
	/** The text of item i of a List document, when `path` starts at one and the item is found. */
	const itemSlice = (docIndex: number, path: Path): {i: number; from: number; end: number} | null => {
		const range = ranges[docIndex];
		if (!range || path[0] !== 'items' || typeof path[1] !== 'number') return null;
		let itemRanges = items.get(docIndex);
		if (!itemRanges) {
			itemRanges = listItemRanges(text, range, json);
			items.set(docIndex, itemRanges);
		}
		const i = path[1];
		const item = itemRanges[i];
		return item ? {i, from: item.start, end: item.end} : null;
	};
	return {
		documentStart: start,
		find(docIndex, path) {
			const range = ranges[docIndex];
			if (!range) return {exact: null, nearest: start(docIndex)};
			const item = itemSlice(docIndex, path);
			if (item) {
				const slice = sliceIndex(`${docIndex}/${item.i}`, item.from, item.end, true);
				const found = findPath(slice.index, 0, path.slice(2));
				const itemStart = shift(documentStart(slice.index, 0), slice);
				return {
					exact: found.exact ? shift(found.exact, slice) : path.length === 2 ? itemStart : null,
					nearest: path.length === 2 ? itemStart : shift(found.nearest, slice),
				};
			}
			const slice = sliceIndex(String(docIndex), range.start, range.end, false);
			const found = findPath(slice.index, 0, path);
			return {exact: found.exact ? shift(found.exact, slice) : null, nearest: shift(found.nearest, slice)};
		},
		duplicates(docIndex, base) {
			const range = ranges[docIndex];
			if (!range) return [];
			const item = itemSlice(docIndex, base);
			if (item) {
				const slice = sliceIndex(`${docIndex}/${item.i}`, item.from, item.end, true);
				// Paths in the slice are from the item; `base` may go deeper (an object of a List
				// inside this List item), and only its own repeats are its.
				return duplicateKeys(slice.index, 0)
					.map(d => ({path: ['items', item.i, ...d.path], at: shift(d.at, slice)}))
					.filter(d => under(base, d.path));
			}
			const slice = sliceIndex(String(docIndex), range.start, range.end, false);
			return duplicateKeys(slice.index, 0)
				.filter(d => under(base, d.path))
				.map(d => ({path: d.path, at: shift(d.at, slice)}));
		},
	};
}
