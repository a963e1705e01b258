// The second pass over a streamed input (stream-scan.ts cut it): each slice parsed on its own by
// the fast parsers as fast-parse.ts configures them (JSON.parse, js-yaml with go-yaml's scalars,
// the same depth limit counted from the document's root, the same repeated-key checks), its
// positions moved to where the slice starts in the file. `exact: false` says the whole-text path
// might read the document otherwise (JSON that only YAML accepts, a syntax error whose place
// depends on the text around it): then a file that fits in a string is read whole instead
// (load-sources.ts), and one that does not is reported from the slice.

import type {WindowReader} from './byte-source.js';
import {depthMessage, jsonRepeats, keysInValue, loadSlice, loadYamlDocument, REPEATED_KEY} from './fast-parse.js';
import {LineStarts} from './locator.js';
import {parseDocuments, SAME_WORDS_BYTES} from './parse-documents.js';
import type {StreamDoc} from './stream-plan.js';

interface Problem {
	line: number;
	col: number;
	message: string;
}

export type Sliced = {exact: boolean} & ({value: unknown; repeats: boolean; items?: ReadonlySet<number> | null} | {problem: Problem});

/** An item's root is this deep in its document: the List is 1, its `items` 2. */
const ITEM_DEPTH = 3;

/** A position in a slice whose first line is the file's `line`, starting at column `col`. */
const moved = (at: Problem, line: number, col: number): Problem => ({
	line: at.line + line - 1,
	col: at.line === 1 ? at.col + col - 1 : at.col,
	message: at.message,
});

/**
 * js-yaml's problem with a slice, in the words and at the place the `yaml` path gives for it, as
 * parse-documents.ts does for a whole text: one wording for a syntax error whatever the size of
 * the file it is in (issue 11). A problem only js-yaml sees, or nesting too deep, stays js-yaml's.
 */
function inYamlWords(text: string, found: Problem): Problem {
	if (found.message === depthMessage || found.message === REPEATED_KEY || text.length > SAME_WORDS_BYTES) return found;
	const [first] = parseDocuments(text, Number.POSITIVE_INFINITY).problems;
	return first && first.message !== depthMessage ? {line: first.line, col: first.col, message: first.message} : found;
}

/** The YAML reading of a slice, for JSON that JSON.parse refuses (fast-parse.ts parseJson). */
function asYaml(text: string, line: number, col: number, depth: number): Sliced {
	const loaded = loadSlice(text, {start: 0, end: text.length}, new LineStarts(text), false, depth);
	if ('value' in loaded) return {exact: false, value: loaded.value, repeats: false};
	return {exact: false, problem: moved(inYamlWords(text, loaded), line, col)};
}

function jsonSlice(text: string, line: number, col: number, depth: number): Sliced {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return asYaml(text, line, col, depth);
	}
	const keys = keysInValue(value, depth);
	if (keys === null) {
		const found = asYaml(text, line, col, depth);
		return 'problem' in found ? found : {exact: false, problem: {line, col, message: depthMessage}};
	}
	return {exact: true, value, repeats: jsonRepeats(text, 0, text.length, keys)};
}

function yamlItem(text: string, line: number): Sliced {
	// `- apiVersion: v1` → `  apiVersion: v1`: the item is a document, its columns unchanged.
	const item = ` ${text.slice(1)}`;
	const lines = new LineStarts(item);
	const range = {start: 0, end: item.length};
	const loaded = loadSlice(item, range, lines, false, ITEM_DEPTH);
	if ('value' in loaded) return {exact: true, value: loaded.value, repeats: false};
	if (loaded.message !== REPEATED_KEY) return {exact: false, problem: moved(inYamlWords(item, loaded), line, 1)};
	const again = loadSlice(item, range, lines, true, ITEM_DEPTH);
	if ('value' in again) return {exact: true, value: again.value, repeats: true};
	return {exact: false, problem: moved(again, line, 1)};
}

/** Item k of a streamed List. */
export function parseItem(reader: WindowReader, doc: StreamDoc, k: number, json: boolean): Sliced {
	const items = doc.list?.items;
	if (!items) throw new Error('not a streamed List');
	const text = reader.text(items.starts[k] as number, items.ends[k] as number);
	const line = items.lines[k] as number;
	return json ? jsonSlice(text, line, items.cols[k] as number, ITEM_DEPTH) : yamlItem(text, line);
}

/** A streamed List without its items: the text before the first and after the last, joined. */
export function headerText(reader: WindowReader, doc: StreamDoc): {text: string; headLines: number} {
	const list = doc.list;
	if (!list) throw new Error('not a streamed List');
	const head = reader.text(list.head.start, list.head.end);
	let headLines = 0;
	for (let nl = head.indexOf('\n'); nl !== -1; nl = head.indexOf('\n', nl + 1)) headLines++;
	return {text: head + reader.text(list.tail.start, list.tail.end), headLines};
}

/** The List's own fields, with `items` empty; not exact when they repeat a key or `items` is
 *  not what the scan took it for. */
export function parseHeader(reader: WindowReader, doc: StreamDoc, json: boolean): Sliced {
	const {text} = headerText(reader, doc);
	const parsed = json ? jsonSlice(text, doc.line, doc.first.col, 1) : yamlHeader(text, doc.line);
	if ('problem' in parsed) return {...parsed, exact: false};
	const value = parsed.value as Record<string, unknown> | null;
	const items = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.items : undefined;
	const emptied = json ? Array.isArray(items) && items.length === 0 : items === null;
	if (!emptied || parsed.repeats) return {...parsed, exact: false};
	(value as Record<string, unknown>).items = [];
	return parsed;
}

function yamlHeader(text: string, line: number): Sliced {
	const loaded = loadSlice(text, {start: 0, end: text.length}, new LineStarts(text));
	if ('value' in loaded) return {exact: true, value: loaded.value, repeats: false};
	return {exact: false, problem: moved(inYamlWords(text, loaded), line, 1)};
}

/** A YAML document read whole, as fastParse reads each of a text's documents. */
export function parseDocument(reader: WindowReader, doc: StreamDoc): Sliced {
	const text = reader.text(doc.start, doc.end);
	const loaded = loadYamlDocument(text, {start: 0, end: text.length}, new LineStarts(text));
	if ('value' in loaded) return {exact: true, value: loaded.value, repeats: loaded.duplicates !== undefined, items: loaded.duplicates?.items ?? null};
	return {exact: true, problem: moved(inYamlWords(text, loaded), doc.line, 1)};
}
