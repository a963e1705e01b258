// `-o json` and `-o yaml` text. Both encoders escape C0 controls but pass DEL and C1 through
// raw, so those are escaped here as well (untrusted strings end up in the objects).

import {Document, type Scalar, visit} from 'yaml';

const DEL_AND_C1 = /[\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a string holding a control character (other than a newline) must be double-quoted to be escaped
const NEEDS_QUOTES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** go-yaml (YAML 1.1) quotes strings that would read back as timestamps; kubectl output shows them quoted. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** One compact line of JSON; `\u007f`-`\u009f` written as escapes (still valid JSON). */
export function jsonText(value: unknown): string {
	return JSON.stringify(value).replace(DEL_AND_C1, ch => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

/** kubectl-style YAML (sequences not indented under their key, no line folding). */
export function yamlText(value: unknown): string {
	const doc = new Document(value);
	// Only double-quoted YAML scalars can hold escapes, so any string with a control character
	// is forced into that style; the remaining raw DEL/C1 can then only sit inside such quotes.
	visit(doc, {
		Scalar(_key, node: Scalar) {
			if (typeof node.value === 'string' && (NEEDS_QUOTES.test(node.value) || TIMESTAMP.test(node.value))) {
				node.type = 'QUOTE_DOUBLE';
			}
		},
	});
	return doc
		.toString({indentSeq: false, lineWidth: 0})
		.replace(/\n$/, '')
		.replace(DEL_AND_C1, ch => `\\x${ch.charCodeAt(0).toString(16)}`);
}
