// `-o json` and `-o yaml` text. Both encoders escape C0 controls but pass DEL, C1, format
// characters (bidi overrides, zero-width ones, the BOM) and U+2028/U+2029 through raw, so those
// are escaped here as well, in each format's own escapes: the output stays valid JSON or YAML
// and reads back to the same strings (untrusted strings end up in the objects).

import {Document, type Scalar, visit} from 'yaml';

/** What JSON.stringify and the YAML encoder leave raw that view/sanitize.ts would escape. */
const RAW_UNSAFE = /[\u007f-\u009f\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a string holding a control character (other than a newline) must be double-quoted to be escaped
const NEEDS_QUOTES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** go-yaml (YAML 1.1) quotes strings that would read back as timestamps; kubectl output shows them quoted. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** One compact line of JSON; DEL, C1 and format characters written as `\u202e` escapes (still valid JSON). */
export function jsonText(value: unknown): string {
	return escapeJson(JSON.stringify(value));
}

/** `kubectl get -o json`: four spaces of indent, as its JSONPrinter's json.MarshalIndent(obj, "", "    "). */
export function kubectlJsonText(value: unknown): string {
	return escapeJson(JSON.stringify(value, null, 4));
}

// By UTF-16 unit: JSON spells a character past U+FFFF as its surrogate pair.
const escapeJson = (text: string): string => text.replace(RAW_UNSAFE, ch => [...Array(ch.length).keys()].map(i => `\\u${hex(ch.charCodeAt(i), 4)}`).join(''));

/** kubectl-style YAML (sequences not indented under their key, no line folding). */
export function yamlText(value: unknown): string {
	const doc = new Document(value);
	// Only double-quoted YAML scalars can hold escapes, so any string with a control character
	// or format character is forced into that style; what is left raw can then only sit inside such quotes.
	visit(doc, {
		Scalar(_key, node: Scalar) {
			if (typeof node.value === 'string' && (NEEDS_QUOTES.test(node.value) || TIMESTAMP.test(node.value))) {
				node.type = 'QUOTE_DOUBLE';
			}
		},
	});
	return doc.toString({indentSeq: false, lineWidth: 0}).replace(/\n$/, '').replace(RAW_UNSAFE, yamlEscape);
}

/** YAML's double-quoted escapes: `\x85`, `\u202e`, `\U000e0041`. */
function yamlEscape(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code <= 0xff) return `\\x${hex(code, 2)}`;
	return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
