// How the API server prints values inside field errors (K8S-SEMANTICS-DETAIL F2): strings
// with Go's %q, numbers bare, structs and maps in Go %#v syntax. Go's %q also escapes every
// control and format character, which keeps untrusted text from reaching a terminal raw.

const escapes: Record<string, string> = {
	'\u0007': '\\a',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\v': '\\v',
	'"': '\\"',
	'\\': '\\\\',
};

// Control (Cc), format (Cf, e.g. bidi overrides), unassigned, private-use, surrogates and
// line/paragraph separators: everything Go's strconv.IsPrint rejects that matters here.
const unprintable = /[\p{C}\u2028\u2029]/u;

function escapeCodePoint(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
	if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
	return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Go's strconv.Quote. */
export function goQuote(text: string): string {
	let out = '"';
	for (const ch of text) {
		const simple = escapes[ch];
		if (simple !== undefined) out += simple;
		else if (unprintable.test(ch)) out += escapeCodePoint(ch);
		else out += ch;
	}
	return out + '"';
}

/** Escapes control characters in free text (file names, parser messages) without quoting. */
export function sanitize(text: string): string {
	let out = '';
	for (const ch of text) {
		if (ch === '\\' || ch === '"') out += ch;
		else if (escapes[ch] !== undefined) out += escapes[ch];
		else if (unprintable.test(ch)) out += escapeCodePoint(ch);
		else out += ch;
	}
	return out;
}

/** A value as `Invalid value: <value>` prints it: strings quoted, numbers and booleans bare. */
export function goValue(value: unknown): string {
	if (typeof value === 'string') return goQuote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[]interface {}{${value.map(goValue).join(', ')}}`;
	if (typeof value === 'object') {
		const entries = Object.keys(value)
			.sort()
			.map(k => `${goQuote(k)}:${goValue((value as Record<string, unknown>)[k])}`);
		return `map[string]interface {}{${entries.join(', ')}}`;
	}
	return goQuote(String(value));
}

/** Go %#v of a map[string]string (keys sorted, as fmt prints maps); nil prints as `(nil)`. */
export function goStringMap(map: Readonly<Record<string, string>> | null): string {
	if (map === null) return 'map[string]string(nil)';
	const entries = Object.keys(map)
		.sort()
		.map(k => `${goQuote(k)}:${goQuote(map[k]!)}`);
	return `map[string]string{${entries.join(', ')}}`;
}

/** Go %#v of a []string. */
export function goStringSlice(values: readonly string[]): string {
	return `[]string{${values.map(goQuote).join(', ')}}`;
}
