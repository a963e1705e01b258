// Go's %q, which the API server and kubectl use to echo user input inside their messages. Anything a terminal
// could act on (C0/C1 controls, format and separator characters, …) comes out escaped, so a
// hostile script line cannot reach the terminal raw through an error message.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
	'\u0007': '\\a',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\v': '\\v',
};

// The API server prints a bad value whole, but it also refuses requests over 3 MiB; a
// multi-megabyte scalar (a 10 MB name, a pasted binary) must not become a 10 MB line. Values
// longer than this are cut to their start, with their length.
const MAX_QUOTED = 256;
const SHOWN_WHEN_CUT = 64;

/** Go's strconv.Quote, as field errors print strings (a very long string is cut). */
export function goQuote(text: string): string {
	if (text.length > MAX_QUOTED) return `${quote(text.slice(0, SHOWN_WHEN_CUT))}... (${text.length} characters)`;
	return quote(text);
}

/** Free text (a parser's message, a kind) with every word longer than goQuote takes cut as
 *  goQuote cuts it: a 1 MB tag or kind is not echoed whole. */
export function cutWords(text: string): string {
	if (text.length <= MAX_QUOTED) return text;
	return text.replace(/\S+/g, word => (word.length > MAX_QUOTED ? `${word.slice(0, SHOWN_WHEN_CUT)}... (${word.length} characters)` : word));
}

/** A message that echoes values in quotes (`pods "NAME" not found`) with each quoted value longer
 *  than goQuote takes cut as goQuote cuts it, then any other long word as cutWords does. */
const LONG_QUOTED = new RegExp(`"([^"\\\\]{${MAX_QUOTED + 1},})"`, 'g');

export function cutQuoted(text: string): string {
	if (text.length <= MAX_QUOTED) return text;
	const quotedCut = text.replace(LONG_QUOTED, (_whole, inner: string) => `"${inner.slice(0, SHOWN_WHEN_CUT)}"... (${inner.length} characters)`);
	return cutWords(quotedCut);
}

/** Escapes what a terminal could act on in free text (file names, parser messages), unquoted. */
export function escapeUnprintable(text: string): string {
	let out = '';
	for (const ch of text) out += ch === '"' || ch === '\\' || PRINTABLE.test(ch) ? ch : escapeRune(ch);
	return out;
}

export function quote(text: string): string {
	let out = '"';
	for (const ch of text) {
		if (ch === '"' || ch === '\\') out += `\\${ch}`;
		else if (PRINTABLE.test(ch)) out += ch;
		else out += escapeRune(ch);
	}
	return `${out}"`;
}

/** Go's %q of a single rune: `'x'`, as pflag prints an unknown shorthand. */
export function quoteRune(ch: string): string {
	if (ch === "'" || ch === '\\') return `'\\${ch}'`;
	return PRINTABLE.test(ch) ? `'${ch}'` : `'${escapeRune(ch)}'`;
}

function escapeRune(ch: string): string {
	const short = SHORT_ESCAPES[ch];
	if (short !== undefined) return short;
	const cp = ch.codePointAt(0);
	if (cp === undefined) return '';
	if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
	if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
	return `\\U${hex(cp, 8)}`;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
