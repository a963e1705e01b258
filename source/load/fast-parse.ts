// The fast path for big inputs (K8S dumps of thousands of pods): JSON.parse for JSON, js-yaml
// for YAML, each ~15× faster than `yaml` and a tenth of its memory (docs/conventions.md). They
// know no positions, so positions come from a sliced locator (locator.ts) when something needs
// reporting. Small files keep the `yaml` path: exact positions, alias limits.

import jsyaml from 'js-yaml';
import {cutWords} from './go-format.js';
import {binaryText, explicitFloat, invalidBinary, prefixedInt} from './go-scalars.js';
import {LineStarts, type Locator, listItemRanges, type Range, slicedLocator} from './locator.js';

/** Files at least this big take the fast path. */
export const FAST_PATH_BYTES = 256 << 10;

/** js-yaml's default nesting limit; the `yaml` path enforces the same (parse-documents.ts). */
export const maxDepth = 100;

/** What both paths say of a document nested deeper than maxDepth (js-yaml's wording). */
export const depthMessage = `nesting exceeded maxDepth (${maxDepth})`;

interface FastDocument {
	index: number;
	value: unknown;
	/** As in parse-documents.ts: where keys are written twice. */
	duplicates?: {items: ReadonlySet<number> | null};
}

interface FastProblemAt {
	line: number;
	col: number;
	message: string;
}

interface FastProblem extends FastProblemAt {
	document: number;
}

export interface FastParsed {
	documents: FastDocument[];
	problems: FastProblem[];
	locator: Locator;
}

// --- YAML 1.1 scalars exactly as source/load/yaml-positions.ts configures `yaml`: booleans
// include y/yes/on, `010` is octal, `0b…` binary; timestamps and base-60 numbers stay strings.

const bool = new jsyaml.Type('tag:yaml.org,2002:bool', {
	kind: 'scalar',
	resolve: (data: string | null) => data !== null && /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON|N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/.test(data),
	construct: (data: string) => /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/.test(data),
	predicate: (value: unknown) => typeof value === 'boolean',
	represent: {lowercase: (b: object) => (b ? 'true' : 'false')},
	defaultStyle: 'lowercase',
});

const INT = /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$/;

function intValue(text: string): number {
	const sign = text.startsWith('-') ? -1 : 1;
	const digits = text.replace(/^[-+]/, '').replace(/_/g, '');
	if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
	if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
	if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
	return sign * Number(digits);
}

const int = new jsyaml.Type('tag:yaml.org,2002:int', {
	kind: 'scalar',
	resolve: (data: string | null) => data !== null && (INT.test(data) || prefixedInt(data) !== null),
	construct: (data: string) => prefixedInt(data) ?? intValue(data),
	predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
	represent: {decimal: (n: object) => String(n)},
	defaultStyle: 'decimal',
});

// Digits alone are a float when they are no int: go-yaml v2's resolve (sigs.k8s.io/yaml
// goyaml.v2/resolve.go) tries strconv.ParseInt(s, 0, 64), which refuses `08` and `0089` as bad
// octal, and then its yamlStyleFloat, which takes them: `targetPort: 08` is the number 8, as on the
// `yaml` path, not the port name "08".
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const float = new jsyaml.Type('tag:yaml.org,2002:float', {
	kind: 'scalar',
	resolve: (data: string | null) => data !== null && FLOAT.test(data) && data !== '.',
	construct: (data: string) => {
		const text = data.replace(/_/g, '').toLowerCase();
		if (text.endsWith('.inf')) return text.startsWith('-') ? -Infinity : Infinity;
		if (text === '.nan') return NaN;
		return Number(text);
	},
	predicate: (value: unknown) => typeof value === 'number' && !Number.isInteger(value),
	represent: {decimal: (n: object) => String(n)},
	defaultStyle: 'decimal',
});

// Written out (`!!float 80`, `!!binary aGk=`), go-yaml's reading (go-scalars.ts). js-yaml takes
// an explicit type over an implicit one of the same tag, so implicit floats keep their pattern.
const explicitFloatType = new jsyaml.Type('tag:yaml.org,2002:float', {
	kind: 'scalar',
	resolve: (data: string | null) => data !== null && explicitFloat(data) !== null,
	construct: (data: string) => explicitFloat(data),
});

const binary = new jsyaml.Type('tag:yaml.org,2002:binary', {
	kind: 'scalar',
	resolve: (data: string | null) => data !== null && binaryText(data) !== null,
	construct: (data: string) => binaryText(data),
});

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const builtin = (jsyaml as unknown as {types: Record<'null' | 'merge' | 'omap' | 'pairs' | 'set', jsyaml.Type>}).types;

const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
	implicit: [builtin.null, bool, int, float, builtin.merge],
	explicit: [explicitFloatType, binary, builtin.omap, builtin.pairs, builtin.set],
});

/** Anchors and aliases need `yaml`'s alias limit ("billion laughs"); kubectl never writes them.
 *  Nor merge keys, which js-yaml takes from a list of lists (`<<: [[a]]`) where go-yaml and `yaml`
 *  refuse anything but maps: they go to the `yaml` path with them. */
export const MAY_HAVE_ALIASES = /(^|[\s[{,:-])[&*][^\s,[\]{}]|(^|[\s[{,])<<[ \t]*:/m;

/** A key go-yaml cannot give to JSON may be here: a null one (`~:`, `null:`, an empty key) or a
 *  collection (`? …`, `[a, b]: …`). js-yaml turns both into strings without a word; the `yaml`
 *  path finds them exactly and refuses them as kubectl does (parse-documents.ts keyProblem).
 *  kubectl never writes them either, so a dump stays on the fast path. No two runs of blanks
 *  meet in the pattern: an empty key's colon follows the indent directly (blanks before it are
 *  the indent's), for `^[ \t]*[ \t]*:` would make V8's backtracking try every split of a line of
 *  blanks, quadratic in its length (two 150 KB lines of spaces took 68 s; issue 11). */
export const MAY_HAVE_ODD_KEYS = /(?:^[ \t]*(?:-[ \t]+)*|[{,[][ \t]*)(?:\?|(?:~|null|Null|NULL)[ \t]*:|:)(?:[ \t\r]|$)|[\]}][ \t]*:(?:[ \t\r]|$)/m;

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/** Document ranges of a multi-document YAML text: split at `---` lines. */
function yamlDocuments(text: string): Range[] {
	const ranges: Range[] = [];
	const marker = /^---(?=\s|$)/gm;
	let start = 0;
	let first = true;
	for (let m = marker.exec(text); m !== null; m = marker.exec(text)) {
		// A marker at the very start opens the first document rather than ending an empty one.
		if (!(first && text.slice(0, m.index).trim() === '')) ranges.push({start, end: m.index});
		first = false;
		start = m.index;
	}
	ranges.push({start, end: text.length});
	return ranges;
}

/** The `yaml` path's wording where the two parsers report the same problem; a long tag cut. */
function yamlWording(reason: string): string {
	if (reason === 'cannot resolve a node with !<tag:yaml.org,2002:binary> explicit tag') return invalidBinary;
	const tag = /^unknown tag !<(.*)>$/.exec(reason);
	return cutWords(tag ? `Unresolved tag: ${tag[1]}` : reason);
}

/** One document with js-yaml: its value, or its problem with a position in the whole text.
 *  `repeats`: a key written twice keeps its last value (js-yaml's `json` mode) instead of failing.
 *  `depth`: how deep the slice's root is in its document (1; an item of a List is 3), so that a
 *  List's item read alone is cut where the whole List would be (stream-parse.ts). */
export function loadSlice(
	text: string,
	range: Range,
	lines: LineStarts,
	repeats = false,
	depth = 1,
): {value: unknown} | {line: number; col: number; message: string} {
	try {
		// @types/js-yaml predates the maxDepth option. js-yaml counts the root as 1.
		const options = {schema: SCHEMA, maxDepth: maxDepth - (depth - 1), json: repeats} as jsyaml.LoadOptions;
		return {value: jsyaml.load(text.slice(range.start, range.end), options) ?? null};
	} catch (error) {
		const e = error as {reason?: string; mark?: {line: number; column: number}; message?: string};
		const line = e.mark?.line ?? 0;
		const column = (e.mark?.column ?? 0) + (line === 0 ? lines.columnOf(range.start) - 1 : 0);
		const reason = e.reason ?? e.message ?? 'invalid YAML';
		// The limit js-yaml names is the whole document's, whatever depth the slice starts at.
		const message = depth > 1 && reason.startsWith('nesting exceeded maxDepth') ? depthMessage : yamlWording(reason);
		return {line: line + lines.lineOf(range.start), col: column + 1, message};
	}
}

/** Where js-yaml finds the first problem in text[start, end): for a document too deep for the
 *  `yaml` parser's stack, so both paths point at the same place. */
export function jsyamlProblem(text: string, start: number, end: number): {line: number; col: number; message: string} | null {
	const loaded = loadSlice(text, {start, end}, new LineStarts(text));
	return 'value' in loaded ? null : loaded;
}

export const REPEATED_KEY = 'duplicated mapping key';

/** Whether a parsed JSON text[start, end) writes more keys than the `parsed` ones. A cheap count
 *  first: a key ends with `":`, and a quote inside a string is escaped. It misses only keys with
 *  blanks before their colon (`"a" : 1`); when any may be there, the exact scan decides. A key
 *  broken from its colon by a newline is not looked for (no JSON writer does that). */
export function jsonRepeats(text: string, start: number, end: number, parsed: number): boolean {
	let quick = 0;
	for (let at = text.indexOf('":', start); at !== -1 && at < end; at = text.indexOf('":', at + 2)) {
		let backslashes = 0;
		while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
		if (backslashes % 2 === 0) quick++;
	}
	if (quick !== parsed) return jsonKeysInText(text, start, end) !== parsed;
	const blank = [text.indexOf('" :', start), text.indexOf('"\t:', start)].some(at => at !== -1 && at < end);
	return blank && jsonKeysInText(text, start, end) !== parsed;
}

/** The keys a JSON text[start, end) holds: each string followed by a colon. The text parsed, so
 *  strings are well formed and every quote outside one opens the next. */
function jsonKeysInText(text: string, start: number, end: number): number {
	let count = 0;
	let open = text.indexOf('"', start);
	while (open !== -1 && open < end) {
		let close = text.indexOf('"', open + 1);
		for (;;) {
			let backslashes = 0;
			while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
			if (backslashes % 2 === 0) break;
			close = text.indexOf('"', close + 1);
		}
		if (close === -1) break;
		let next = close + 1;
		for (let c = text.charCodeAt(next); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++next));
		if (text.charCodeAt(next) === 58) count++;
		open = text.indexOf('"', next);
	}
	return count;
}

/**
 * The keys a parsed value holds, at every depth; null when it nests deeper than maxDepth, counted
 * as parse-documents.ts tooDeep counts for the `yaml` path (the root is 1, a collection's keys
 * and values one more), so that a JSON text gets one answer whichever path reads it. JSON.parse
 * itself takes any depth, and what reads the value afterwards (a List of Lists is visited
 * recursively) would overflow the stack. One walk for both, with parallel stacks: no pair
 * allocated per node of a 100 MB dump. `rootDepth`: as loadSlice's `depth`.
 */
export function keysInValue(value: unknown, rootDepth = 1): number | null {
	if (value === null || typeof value !== 'object') return 0;
	let count = 0;
	const values: object[] = [value];
	const depths: number[] = [rootDepth];
	while (values.length > 0) {
		const v = values.pop() as object;
		const depth = depths.pop() ?? 1;
		// Keys and values are one level down: a non-empty collection at maxDepth is too deep.
		if (Array.isArray(v)) {
			if (v.length > 0 && depth >= maxDepth) return null;
			for (const item of v) {
				if (item !== null && typeof item === 'object') {
					values.push(item);
					depths.push(depth + 1);
				}
			}
			continue;
		}
		for (const key in v) {
			if (depth >= maxDepth) return null;
			count++;
			const child = (v as Record<string, unknown>)[key];
			if (child !== null && typeof child === 'object') {
				values.push(child);
				depths.push(depth + 1);
			}
		}
	}
	return count;
}

const listItems = (value: unknown): unknown[] | null => {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
	const items = (value as Record<string, unknown>).items;
	return Array.isArray(items) ? items : null;
};

/** Which items of a List hold the repeats `check` finds, so that only those are re-read for
 *  positions; null: the repeats may be anywhere (not a List, or outside its items). */
function repeatedIn(text: string, range: Range, value: unknown, json: boolean, check: (item: unknown, at: Range) => number): Set<number> | null {
	const items = listItems(value);
	if (!items) return null;
	const ranges = listItemRanges(text, range, json);
	if (ranges.length !== items.length) return null;
	const found = new Set<number>();
	ranges.forEach((at, i) => {
		if (check(items[i], at) > 0) found.add(i);
	});
	return found.size > 0 ? found : null;
}

/** A JSON text's value; undefined when JSON.parse refuses it. kubectl reads such a text again as
 *  YAML (apimachinery util/yaml YAMLOrJSONDecoder falls back when the JSON decoder fails on the
 *  first object), and so does the `yaml` path: a trailing comma is YAML's, not an error. So the
 *  text goes on to js-yaml, as YAML. */
function parseJson(text: string): {value: unknown} | undefined {
	try {
		return {value: JSON.parse(text)};
	} catch {
		return undefined;
	}
}

/** One YAML document of a text with js-yaml: its value (and where keys are written twice), or
 *  its problem. fastParse reads each document so, and so does a stream (stream-parse.ts). */
export function loadYamlDocument(text: string, range: Range, lines: LineStarts): Omit<FastDocument, 'index'> | FastProblemAt {
	const loaded = loadSlice(text, range, lines);
	if ('value' in loaded) return {value: loaded.value};
	if (loaded.message !== REPEATED_KEY) return loaded;
	// Read again keeping the last value; the items that hold a repeat are those js-yaml
	// refuses on their own (one more pass, paid only by a document with a repeat).
	const again = loadSlice(text, range, lines, true);
	if (!('value' in again)) return again;
	const check = (_item: unknown, at: Range) => {
		const begin = text.lastIndexOf('\n', at.start - 1) + 1;
		const item = `${text.slice(begin, at.end).replace(/^(\s*)-/, '$1 ')}`;
		const one = loadSlice(item, {start: 0, end: item.length}, new LineStarts(item));
		return 'value' in one || one.message !== REPEATED_KEY ? 0 : 1;
	};
	return {value: again.value, duplicates: {items: repeatedIn(text, range, again.value, false, check)}};
}

/**
 * Where a JSON text first nests deeper than maxDepth (outside strings), or -1. One pass, no
 * allocation: a 100 MB text of `[[[…` is refused from this, where JSON.parse and js-yaml over the
 * whole of it took a minute and 5 GB.
 */
function tooDeepAt(text: string): number {
	let depth = 0;
	let inString = false;
	let escaped = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (escaped) escaped = false;
			else if (c === 92) escaped = true;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			if (++depth > maxDepth) return i;
		} else if (c === 125 || c === 93) depth--;
	}
	return -1;
}

/** null: not a candidate for the fast path (small, or may hold aliases). `minBytes` is for tests. */
export function fastParse(text: string, minBytes = FAST_PATH_BYTES): FastParsed | null {
	if (text.length < minBytes) return null;
	const deep = looksLikeJson(text) ? tooDeepAt(text) : -1;
	// js-yaml says where, as the `yaml` path does; it stops at the limit, so the text up to just
	// past it gives the same place, read in a moment (should it say anything else, the whole text
	// is read as before).
	const head = deep === -1 ? '' : text.slice(0, deep + 1);
	const at = deep === -1 ? null : jsyamlProblem(head, 0, head.length);
	if (at?.message === depthMessage) {
		return {documents: [], problems: [{...at, document: 0}], locator: slicedLocator(text, [{start: 0, end: text.length}], true)};
	}
	const json = looksLikeJson(text) ? parseJson(text) : undefined;
	if (json !== undefined) {
		const {value} = json;
		const locator = slicedLocator(text, [{start: 0, end: text.length}], true);
		const keys = keysInValue(value);
		if (keys === null) {
			// As the `yaml` path does (parse-documents.ts): js-yaml stops at the limit and says where.
			// It counts the root one deeper than tooDeep, so it always finds what keysInValue found;
			// the text's start is only a fallback.
			const at = jsyamlProblem(text, 0, text.length) ?? {line: 1, col: 1, message: depthMessage};
			return {documents: [], problems: [{...at, document: 0}], locator};
		}
		const document: FastDocument = {index: 0, value};
		// JSON.parse keeps the last of a repeated key without a word: fewer keys parsed than
		// written means a repeat. Counting costs a scan; finding where is left to the locator.
		if (jsonRepeats(text, 0, text.length, keys)) {
			// An item of a value that is not too deep is not either.
			const check = (item: unknown, at: Range) => jsonKeysInText(text, at.start, at.end) - (keysInValue(item) ?? 0);
			document.duplicates = {items: repeatedIn(text, {start: 0, end: text.length}, value, true, check)};
		}
		return {documents: [document], problems: [], locator};
	}
	if (MAY_HAVE_ALIASES.test(text) || MAY_HAVE_ODD_KEYS.test(text)) return null;
	const ranges = yamlDocuments(text);
	const locator = slicedLocator(text, ranges, false);
	const lines = new LineStarts(text);
	const documents: FastDocument[] = [];
	const problems: FastProblem[] = [];
	ranges.forEach((range, index) => {
		const loaded = loadYamlDocument(text, range, lines);
		if ('value' in loaded) documents.push({index, ...loaded});
		else problems.push({...loaded, document: index});
	});
	return {documents, problems, locator};
}
