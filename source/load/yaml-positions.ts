// Finding where a path is in a YAML/JSON document, for line:col in diagnostics.
// Kept apart from parsing to plain values (parse-documents.ts) so a faster parser can
// produce the values for big dumps and this module re-parses a file only when one of
// its documents has something to report.

import type {Node, Pair} from 'yaml';
import {type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments} from 'yaml';
import {cutWords} from './go-format.js';
import {binaryText, explicitFloat, invalidBinary, prefixedInt} from './go-scalars.js';
import type {Path} from './types.js';

export interface LineCol {
	line: number;
	col: number;
}

export interface YamlIndex {
	documents: Document.Parsed[];
	lineCounter: LineCounter;
}

/** Where a path is: `exact` if it exists (its value, or its key when the value is null);
 *  `nearest` is the key of the deepest element of the path that exists (the path's own key
 *  when it exists), or the document start. */
export interface PathPosition {
	exact: LineCol | null;
	nearest: LineCol;
}

/** A byte-order mark would shift every column by one. */
export function normalizeText(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const BINARY = 'tag:yaml.org,2002:binary';

/** The implicit type go-yaml gives a plain text, for its "cannot decode !!str `x`" (resolve.go). */
const implicitTag = (text: string) =>
	/^(?:~|null|Null|NULL|)$/.test(text)
		? 'null'
		: /^(?:[yYnN]|[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF)$/.test(text)
			? 'bool'
			: 'str';

// Without `default` and `test`, `yaml` uses these for the written-out tag only (go-scalars.ts).
const explicitFloatTag = {
	tag: 'tag:yaml.org,2002:float',
	resolve(text: string, onError: (message: string) => void) {
		const value = explicitFloat(text);
		if (value === null) onError(`cannot decode !!${implicitTag(text)} \`${cutWords(text)}\` as a !!float`);
		return value ?? text;
	},
};

// After `yaml`'s own ints, which take the lower-case 0b and 0x: the rest of Go's prefixes.
const prefixedIntTag = {
	tag: 'tag:yaml.org,2002:int',
	default: true,
	test: /^[-+]?0(?:[bB][01_]+|[oO][0-7_]+|[xX][0-9a-fA-F_]+)$/,
	resolve: (text: string) => prefixedInt(text) ?? text,
};

const binaryTag = {
	tag: BINARY,
	resolve(text: string, onError: (message: string) => void) {
		const value = binaryText(text);
		if (value === null) onError(invalidBinary);
		return value ?? text;
	},
};

/**
 * YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml is built on go-yaml v2):
 * `yes`/`on` are booleans and `010` is octal. Timestamps and base-60 numbers are left as
 * strings: go-yaml v2 does not turn `12:30` into 750, and a date stays text in JSON.
 */
const yamlParseOptions = {
	version: '1.1',
	prettyErrors: false,
	// Not `yaml`'s own check: it compares each key with every earlier one of its map (mapIncludes),
	// quadratic in a map's keys (300 KB of labels took 17 s; issue 11). hasRepeatedKey finds the
	// same repeats with a set per map.
	uniqueKeys: false,
	// Nothing of the library's own reaches stderr (a collection key's "will be stringified"
	// warning): what is wrong is reported as a problem, at its position (parse-documents.ts).
	logLevel: 'error',
	customTags: (tags: unknown[]) => [
		...tags.filter(tag => {
			const t = tag as {tag?: string; format?: string};
			return t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME' && t.tag !== BINARY;
		}),
		explicitFloatTag,
		binaryTag,
		prefixedIntTag,
	],
} as const;

export function indexYaml(text: string): YamlIndex {
	const lineCounter = new LineCounter();
	const parsed = parseAllDocuments(normalizeText(text), {...yamlParseOptions, lineCounter} as never) as unknown;
	const documents = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
	return {documents, lineCounter};
}

export function offsetToLineCol(index: YamlIndex, offset: number): LineCol {
	const {line, col} = index.lineCounter.linePos(offset);
	return {line, col};
}

export function documentStart(index: YamlIndex, docIndex: number): LineCol {
	const doc = index.documents[docIndex];
	if (!doc) return {line: 1, col: 1};
	const node = doc.contents as Node | null;
	const offset = node?.range?.[0] ?? doc.range[0];
	return offsetToLineCol(index, offset);
}

function resolveAlias(node: unknown, doc: Document.Parsed): unknown {
	let current = node;
	for (let hops = 0; isAlias(current) && hops < 100; hops++) {
		current = current.resolve(doc);
	}
	return current;
}

/** A mapping's pairs by key (the first pair of a key written twice) and its merge keys. */
interface PairIndex {
	byKey: Map<string, Pair>;
	merges: Pair[];
}

/** Made on a mapping's first lookup: a document's every error looks up keys, and a scan of the
 *  mapping per lookup was quadratic in its keys (3,000 bad labels took 8 s; issue 11). The
 *  parsed documents are never changed, so an index stays true. */
const pairIndexes = new WeakMap<object, PairIndex>();

function pairIndex(map: {items: unknown[]}): PairIndex {
	let index = pairIndexes.get(map);
	if (index) return index;
	index = {byKey: new Map(), merges: []};
	for (const item of map.items) {
		if (!isPair(item) || !isScalar(item.key)) continue;
		// yaml marks a merge key with a symbol value; its source text is still `<<`.
		if ((item.key.source ?? item.key.value) === '<<') index.merges.push(item as Pair);
		if (typeof item.key.value === 'symbol') continue;
		const key = String(item.key.value);
		if (!index.byKey.has(key)) index.byKey.set(key, item as Pair);
	}
	pairIndexes.set(map, index);
	return index;
}

function findPair(map: unknown, key: string, doc: Document.Parsed, depth = 0): Pair | null {
	if (!isMap(map) || depth > 10) return null;
	const index = pairIndex(map);
	const found = index.byKey.get(key);
	if (found) return found;
	// Merge keys (`<<: *defaults`) bring in the keys of other maps.
	for (const item of index.merges) {
		const sources = isSeq(item.value) ? item.value.items : [item.value];
		for (const source of sources) {
			const found = findPair(resolveAlias(source, doc), key, doc, depth + 1);
			if (found) return found;
		}
	}
	return null;
}

function nodeStart(node: unknown): number | null {
	const range = (node as Node | null)?.range;
	return range ? range[0] : null;
}

function isEmptyValue(node: unknown): boolean {
	return node === null || node === undefined || (isScalar(node) && node.value === null);
}

export function findPath(index: YamlIndex, docIndex: number, path: Path): PathPosition {
	const doc = index.documents[docIndex];
	const start = documentStart(index, docIndex);
	if (!doc) return {exact: null, nearest: start};
	let node: unknown = resolveAlias(doc.contents, doc);
	let nearest = start;
	for (const [i, part] of path.entries()) {
		const last = i === path.length - 1;
		if (typeof part === 'number' && isSeq(node)) {
			const item = node.items[part];
			if (item === undefined) return {exact: null, nearest};
			const offset = nodeStart(item);
			const here = offset === null ? nearest : offsetToLineCol(index, offset);
			if (last) return {exact: here, nearest: here};
			nearest = here;
			node = resolveAlias(item, doc);
			continue;
		}
		const pair = findPair(node, String(part), doc);
		if (!pair) return {exact: null, nearest};
		const keyOffset = nodeStart(pair.key);
		const keyPos = keyOffset === null ? nearest : offsetToLineCol(index, keyOffset);
		if (last) {
			const valueOffset = nodeStart(pair.value);
			const exact = isEmptyValue(pair.value) || valueOffset === null ? keyPos : offsetToLineCol(index, valueOffset);
			return {exact, nearest: keyPos};
		}
		nearest = keyPos;
		node = resolveAlias(pair.value, doc);
	}
	return {exact: nearest, nearest};
}

/** Where the first alias in a document is (for "excessive aliases" and unresolved ones). */
export function firstAliasPosition(index: YamlIndex, docIndex: number, unresolvedOnly: boolean): LineCol | null {
	const doc = index.documents[docIndex];
	if (!doc) return null;
	let found: number | null = null;
	const walk = (node: unknown, depth: number): void => {
		if (found !== null || depth > 200) return;
		if (isAlias(node)) {
			if (!unresolvedOnly || node.resolve(doc) === undefined) found = nodeStart(node);
			return;
		}
		if (isMap(node) || isSeq(node)) {
			for (const item of node.items) {
				if (isPair(item)) {
					walk(item.key, depth + 1);
					walk(item.value, depth + 1);
				} else walk(item, depth + 1);
			}
		}
	};
	walk(doc.contents, 0);
	return found === null ? null : offsetToLineCol(index, found);
}

/** A key written twice in one mapping: its path (from the document root) and where the
 *  repeat is. */
export interface DuplicateKey {
	path: Path;
	at: LineCol;
}

/** Whether any mapping of a document, at any depth, writes a key twice: what `yaml`'s
 *  uniqueKeys would call DUPLICATE_KEY (scalar keys whose values are ===, merge keys `<<`
 *  included, NaN never equal to itself), in one pass with a set per mapping. */
export function hasRepeatedKey(doc: Document.Parsed): boolean {
	const stack: unknown[] = [doc.contents];
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		if (isSeq(node)) {
			for (const item of node.items) stack.push(item);
			continue;
		}
		if (!isMap(node)) continue;
		const seen = new Set<unknown>();
		for (const item of node.items) {
			if (!isPair(item)) continue;
			if (isScalar(item.key) && !Number.isNaN(item.key.value)) {
				if (seen.has(item.key.value)) return true;
				seen.add(item.key.value);
			}
			stack.push(item.key, item.value);
		}
	}
	return false;
}

/** Every repeated key of a document, in document order (for strict decoding's
 *  `duplicate field`). Aliases are not followed: a merged map is not a repeat. */
export function duplicateKeys(index: YamlIndex, docIndex: number): DuplicateKey[] {
	const doc = index.documents[docIndex];
	if (!doc) return [];
	const found: DuplicateKey[] = [];
	const path: Array<string | number> = [];
	const walk = (node: unknown, depth: number): void => {
		if (depth > 200) return;
		if (isSeq(node)) {
			node.items.forEach((item, i) => {
				path.push(i);
				walk(item, depth + 1);
				path.pop();
			});
			return;
		}
		if (!isMap(node)) return;
		const seen = new Set<string>();
		for (const item of node.items) {
			if (!isPair(item) || !isScalar(item.key) || typeof item.key.value === 'symbol') continue;
			const key = String(item.key.value);
			path.push(key);
			if (seen.has(key)) {
				const offset = nodeStart(item.key);
				if (offset !== null) found.push({path: [...path], at: offsetToLineCol(index, offset)});
			}
			seen.add(key);
			walk(item.value, depth + 1);
			path.pop();
		}
	};
	walk(doc.contents, 0);
	return found;
}
