// YAML/JSON text → plain JS values, one per document, plus syntax problems with their
// positions. Positions of fields are found separately and lazily (yaml-positions.ts).

import {type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node} from 'yaml';
import {applyDocumentMarkers} from './document-markers.js';
import {depthMessage, FAST_PATH_BYTES, fastParse, jsyamlProblem, maxDepth} from './fast-parse.js';
import {cutWords, goQuote, goValueWithin} from './go-format.js';
import {LineStarts, type Locator, yamlLocator} from './locator.js';
import {firstAliasPosition, hasRepeatedKey, indexYaml, type LineCol, normalizeText, offsetToLineCol} from './yaml-positions.js';

/** Aliases beyond this count in one document are a "billion laughs" bomb, not a manifest. */
const maxAliasCount = 100;

interface ParsedDocument {
	/** Index among the file's documents (as yaml-positions.ts counts them). */
	index: number;
	/** The document as plain data; null for an empty document. */
	value: unknown;
	/** The parser saw a key written twice (the value keeps the last, as Go's decoder does):
	 *  in the items listed, or anywhere in the document (null). Absent: no repeats. */
	duplicates?: {items: ReadonlySet<number> | null};
}

interface SyntaxProblem extends LineCol {
	/** The document it was found in. */
	document: number;
	message: string;
}

export interface ParsedFile {
	documents: ParsedDocument[];
	problems: SyntaxProblem[];
	/** Positions: from the yaml parse this module made anyway, or sliced for big files. */
	locator: Locator;
}

function firstLine(message: string): string {
	const newline = message.indexOf('\n');
	const line = (newline === -1 ? message : message.slice(0, newline)).trim();
	return line === '' ? 'invalid YAML' : cutWords(line);
}

// What go-yaml's reader refuses before parsing anything ("yaml: control characters are not
// allowed"): everything outside YAML's printable set (TAB, LF, CR, NEL, and the rest of
// Unicode but C0/C1 controls, DEL and U+FFFE/U+FFFF). A binary file stops here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters go-yaml refuses is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

export function controlCharacter(text: string): SyntaxProblem | null {
	const found = CONTROL.exec(text);
	if (!found) return null;
	const lines = new LineStarts(text);
	return {
		line: lines.lineOf(found.index),
		col: lines.columnOf(found.index),
		document: 0,
		message: `control characters are not allowed (found ${goQuote(found[0])})`,
	};
}

const nothingToLocate: Locator = {
	documentStart: () => ({line: 1, col: 1}),
	find: () => ({exact: null, nearest: {line: 1, col: 1}}),
	duplicates: () => [],
};

/** The first node nested deeper than maxDepth, counted as js-yaml counts (the root is 1, a
 *  collection's keys and values one more), so both parsers refuse the same documents. */
function tooDeep(doc: Document.Parsed): number | null {
	const stack: Array<[unknown, number]> = [[doc.contents, 1]];
	for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
		const [node, depth] = entry;
		if (node === null || node === undefined) continue;
		if (depth > maxDepth) return (node as {range?: [number]}).range?.[0] ?? doc.range[0];
		if (isAlias(node)) continue;
		if (isMap(node) || isSeq(node)) {
			for (const item of node.items) {
				if (isPair(item)) {
					stack.push([item.key, depth + 1], [item.value, depth + 1]);
				} else stack.push([item, depth + 1]);
			}
		}
	}
	return null;
}

/** Go's %#v of a value decoded into interface{}, as sigs.k8s.io/yaml prints a key's value. */
function goSharpV(value: unknown): string {
	if (value === null || value === undefined) return 'interface {}(nil)';
	const text = goValueWithin(value, 256);
	if (text === null) return Array.isArray(value) ? '[]interface {}{…}' : 'map[interface {}]interface {}{…}';
	// go-yaml decodes a mapping into map[interface {}]interface {}, not JSON's map[string]….
	return text.replaceAll('map[string]interface {}', 'map[interface {}]interface {}');
}

/**
 * The first key go-yaml cannot hand to JSON, where it is written: a collection (go-yaml v2's
 * decoder: `invalid map key: []interface {}{"a", "b"}`), else a null one, `~:` or an empty key
 * (sigs.k8s.io/yaml convertToJSONableObject: `unsupported map key of type: %!s(<nil>), key:
 * <nil>, value: …`). The `yaml` package would stringify both ("[ a, b ]", "") and print a
 * warning of its own; js-yaml would say "a,b" and "null". Collections first: go-yaml fails on
 * them while decoding, before the conversion looks at null keys.
 */
function keyProblem(doc: Document.Parsed): {offset: number; message: string} | null {
	let nullKey: {offset: number; message: string} | null = null;
	let collection: {offset: number; message: string} | null = null;
	const stack: unknown[] = [doc.contents];
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		if (!isMap(node) && !isSeq(node)) continue;
		for (const item of node.items) {
			if (!isPair(item)) {
				stack.push(item);
				continue;
			}
			const key = isAlias(item.key) ? item.key.resolve(doc) : item.key;
			// A value toJS cannot build (a bad merge) is reported by toJS itself, below.
			const plain = (node: unknown): {value: unknown} | null => {
				try {
					return {value: node === null || node === undefined || isAlias(node) ? null : (node as Node).toJS(doc, {maxAliasCount})};
				} catch {
					return null;
				}
			};
			const at = (item.key as Node | null)?.range?.[0] ?? (item.value as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
			if (isMap(key) || isSeq(key)) {
				const shown = plain(key);
				if (shown && (collection === null || at < collection.offset)) {
					collection = {offset: at, message: `invalid map key: ${goSharpV(shown.value)}`};
				}
			} else if (key === null || key === undefined || (isScalar(key) && key.value === null)) {
				const shown = plain(item.value);
				if (shown && (nullKey === null || at < nullKey.offset)) {
					nullKey = {offset: at, message: `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSharpV(shown.value)}`};
				}
			}
			stack.push(item.key, item.value);
		}
	}
	return collection ?? nullKey;
}

/** A document's first problem. kubectl (go-yaml) stops at the first, and `yaml`'s later ones are
 *  mostly echoes of it (an unclosed bracket reports once per enclosing collection). */
function firstProblem(doc: Document.Parsed): {offset: number; message: string} | null {
	// An unknown tag (`!Ref`, `!vault`) means a template that needs rendering first: the text
	// under it is not what the cluster would get. js-yaml (the fast path) refuses it too.
	// A repeated key is not a syntax error (nor one of `yaml`'s: uniqueKeys is off, see
	// yaml-positions.ts): strict decoding reports it (`duplicate field`), or not, as --validate says.
	const found = [...doc.errors, ...doc.warnings.filter(w => w.code === 'TAG_RESOLVE_FAILED')];
	if (found.length === 0) return null;
	const first = found.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
	const message = firstLine(first.message);
	return {offset: first.pos[0], message};
}

/** Flow nesting past this is refused before `yaml` sees it (far past maxDepth, far short of its stack). */
const FLOW_DEPTH_GUARD = 1000;

/** Whether `[` / `{` nest deeper than `limit` anywhere in the text, quoted scalars and comments aside. */
function flowDepthExceeds(text: string, limit: number): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x5b || c === 0x7b) {
			if (++depth > limit) return true;
		} else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
		else if (c === 0x22 || c === 0x27) {
			// A quoted scalar: "…" with backslash escapes, '…' with '' for a quote.
			for (i++; i < text.length && text.charCodeAt(i) !== c; i++) if (c === 0x22 && text.charCodeAt(i) === 0x5c) i++;
		} else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
			const end = text.indexOf('\n', i);
			i = end === -1 ? text.length : end;
		}
	}
	return false;
}

/** Which document (0-based) of the text holds a line: the `---` lines before it. */
function documentAt(text: string, line: number): number {
	let documents = 0;
	let at = 0;
	for (let n = 1; n < line && at !== -1; n++) {
		at = text.indexOf('\n', at);
		if (at === -1) break;
		at++;
		if (text.startsWith('---', at)) documents++;
	}
	return documents;
}

/** `fastPathBytes`: from what size the fast path is taken (tests lower it to compare the paths). */
/** Up to this size a syntax error found by the fast path is worded by the `yaml` path (8 MiB: the
 *  size from which read-sources.ts streams an input). */
export const SAME_WORDS_BYTES = 8 << 20;

export function parseDocuments(text: string, fastPathBytes = FAST_PATH_BYTES): ParsedFile {
	const control = controlCharacter(normalizeText(text));
	if (control) return {documents: [], problems: [control], locator: nothingToLocate};
	const marked = applyDocumentMarkers(normalizeText(text));
	if (marked.problem) return {documents: [], problems: [{...marked.problem, document: 0}], locator: nothingToLocate};
	const normalized = marked.text;
	const fast = fastParse(normalized, fastPathBytes);
	// A text the fast path finds broken is read again by the `yaml` path, which small files go
	// through: one wording and one position for a syntax error whatever the file's size (issue
	// 11). It is refused either way, so the slower parser is paid once, and only up to the size
	// from which inputs are streamed; a text too deep keeps js-yaml's answer, which both agree on.
	const broken = fast !== null && fast.problems.length > 0 && !fast.problems.some(p => p.message === depthMessage);
	if (fast && !(broken && normalized.length <= SAME_WORDS_BYTES)) return fast;
	// Flow nesting thousands deep runs `yaml` out of stack, and a stack that runs out while V8
	// compiles a regular expression can end the process (RegExpCompiler "out of memory", seen in
	// CI on 20,000 nested arrays). js-yaml stops at maxDepth and says where, as for big files.
	if (flowDepthExceeds(normalized, FLOW_DEPTH_GUARD)) {
		const found = jsyamlProblem(normalized, 0, normalized.length);
		if (found) return {documents: [], problems: [{...found, document: documentAt(normalized, found.line)}], locator: nothingToLocate};
	}
	const yaml = indexYaml(normalized);
	const documents: ParsedDocument[] = [];
	const problems: SyntaxProblem[] = [];
	yaml.documents.forEach((doc, index) => {
		const problem = firstProblem(doc);
		if (problem && !problem.message.startsWith('Maximum call stack size exceeded')) {
			problems.push({...offsetToLineCol(yaml, problem.offset), document: index, message: problem.message});
			return;
		}
		// Any problem left is `yaml`'s stack overflow: too deep, as below.
		const deep = problem ? problem.offset : tooDeep(doc);
		const key = deep === null ? keyProblem(doc) : null;
		if (key) {
			problems.push({...offsetToLineCol(yaml, key.offset), document: index, message: key.message});
			return;
		}
		if (deep !== null) {
			// `yaml` runs out of stack on nesting far beyond maxDepth. js-yaml stops at the limit and
			// says where, as it does for big files, so both paths give the same position.
			const found = jsyamlProblem(normalized, doc.range[0], doc.range[2]);
			problems.push({...(found ?? offsetToLineCol(yaml, deep)), document: index, message: found?.message ?? depthMessage});
			return;
		}
		try {
			const parsed: ParsedDocument = {index, value: doc.toJS({maxAliasCount})};
			if (hasRepeatedKey(doc)) parsed.duplicates = {items: null};
			documents.push(parsed);
		} catch (error) {
			const message = firstLine(error instanceof Error ? error.message : String(error));
			const unresolved = message.startsWith('Unresolved alias');
			const at = firstAliasPosition(yaml, index, unresolved) ?? offsetToLineCol(yaml, doc.range[0]);
			problems.push({...at, document: index, message});
		}
	});
	return {documents, problems, locator: yamlLocator(yaml)};
}
