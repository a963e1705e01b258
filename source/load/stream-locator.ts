// Positions in a streamed input, found as locator.ts slicedLocator finds them in a text: the
// slice that holds the path (an item of a List, the List's own fields, a document) is read again
// from the file and parsed alone with `yaml`, its positions moved to where it starts. A few
// slices are kept, for the questions asked of one object in a row; nothing else stays.

import {type ByteSource, WindowReader} from './byte-source.js';
import {type Locator, slicedLocator} from './locator.js';
import {headerText} from './stream-parse.js';
import type {StreamDoc, StreamPlan} from './stream-plan.js';
import type {Path} from './types.js';
import {documentStart, duplicateKeys, findPath, indexYaml, type LineCol, type YamlIndex} from './yaml-positions.js';

/** A slice's `yaml` index and how its positions map to the file's. */
interface Slice {
	index: YamlIndex;
	map: (at: LineCol) => LineCol;
}

const KEPT = 8;

const under = (base: Path, path: Path) => base.every((part, i) => path[i] === part);

export function streamLocator(bytes: ByteSource, plan: StreamPlan): Locator {
	const reader = new WindowReader(bytes, 1 << 20);
	const kept = new Map<string, Slice | Locator>();
	const keep = <T extends Slice | Locator>(key: string, make: () => T): T => {
		const found = kept.get(key) as T | undefined;
		if (found) {
			kept.delete(key);
			kept.set(key, found);
			return found;
		}
		const made = make();
		kept.set(key, made);
		if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
		return made;
	};

	const itemSlice = (d: number, doc: StreamDoc, k: number): Slice | null => {
		const items = doc.list?.items;
		if (!items || k < 0 || k >= items.starts.length) return null;
		return keep(`${d}/${k}`, () => {
			let text = reader.text(items.starts[k] as number, items.ends[k] as number);
			if (!plan.json) text = ` ${text.slice(1)}`;
			const line = items.lines[k] as number;
			const col = items.cols[k] as number;
			return {index: indexYaml(text), map: at => ({line: at.line + line - 1, col: at.line === 1 ? at.col + col - 1 : at.col})};
		});
	};

	/** The List's own fields: the text around its items, positions mapped across the cut. */
	const headerSlice = (d: number, doc: StreamDoc): Slice =>
		keep(`${d}/head`, () => {
			const {text, headLines} = headerText(reader, doc);
			const tail = doc.list?.tail ?? {line: 1, col: 1};
			const head = reader.text(doc.list?.head.start ?? 0, doc.list?.head.end ?? 0);
			const headLastLength = head.length - (head.lastIndexOf('\n') + 1);
			const map = (at: LineCol): LineCol => {
				if (at.line <= headLines || (at.line === headLines + 1 && at.col <= headLastLength)) {
					return {line: at.line + doc.line - 1, col: at.line === 1 ? at.col + doc.first.col - 1 : at.col};
				}
				if (at.line === headLines + 1) return {line: tail.line, col: at.col - headLastLength + tail.col - 1};
				return {line: tail.line + at.line - headLines - 1, col: at.col};
			};
			return {index: indexYaml(text), map};
		});

	/** A document read whole: slicedLocator over its text, lines moved. */
	const wholeDoc = (d: number, doc: StreamDoc): Locator =>
		keep(`${d}`, () => {
			const text = reader.text(doc.start, doc.end);
			return slicedLocator(text, [{start: 0, end: text.length}], false);
		});
	const down = (doc: StreamDoc, at: LineCol): LineCol => ({line: at.line + doc.line - 1, col: at.col});

	return {
		documentStart: d => plan.docs[d]?.first ?? {line: 1, col: 1},
		find(d, path) {
			const doc = plan.docs[d];
			if (!doc) return {exact: null, nearest: {line: 1, col: 1}};
			if (!doc.list) {
				const found = wholeDoc(d, doc).find(0, path);
				return {exact: found.exact ? down(doc, found.exact) : null, nearest: down(doc, found.nearest)};
			}
			const item = path[0] === 'items' && typeof path[1] === 'number' ? itemSlice(d, doc, path[1]) : null;
			if (item) {
				const found = findPath(item.index, 0, path.slice(2));
				const itemStart = item.map(documentStart(item.index, 0));
				return {
					exact: found.exact ? item.map(found.exact) : path.length === 2 ? itemStart : null,
					nearest: path.length === 2 ? itemStart : item.map(found.nearest),
				};
			}
			const header = headerSlice(d, doc);
			const found = findPath(header.index, 0, path);
			return {exact: found.exact ? header.map(found.exact) : null, nearest: header.map(found.nearest)};
		},
		duplicates(d, base) {
			const doc = plan.docs[d];
			if (!doc) return [];
			if (!doc.list)
				return wholeDoc(d, doc)
					.duplicates(0, base)
					.map(dup => ({path: dup.path, at: down(doc, dup.at)}));
			const item = base[0] === 'items' && typeof base[1] === 'number' ? itemSlice(d, doc, base[1]) : null;
			// Paths in the item are from the item; `base` may go deeper (an object of a List inside
			// this List item), and only its own repeats are its.
			if (item) {
				return duplicateKeys(item.index, 0)
					.map(dup => ({path: ['items', base[1] as number, ...dup.path], at: item.map(dup.at)}))
					.filter(dup => under(base, dup.path));
			}
			const header = headerSlice(d, doc);
			return duplicateKeys(header.index, 0)
				.filter(dup => under(base, dup.path))
				.map(dup => ({path: dup.path, at: header.map(dup.at)}));
		},
	};
}
