// Shell-like splitting of one command line: '…' is literal, "…" honours \" \\ \$ \`, a
// backslash outside quotes escapes the next character, and an unquoted `#` at the start of a
// word begins a comment (so `curl http://x/#top` keeps its fragment).
//
// Script files are untrusted input: a control, format or line-separator character anywhere
// outside a comment is refused here, so no later message or view can echo one to a terminal.

import type {ParseError} from './types.js';

export type TokenizeResult = {ok: true; tokens: string[]} | ParseError;

/** Unicode spaces (and a byte-order mark) separate words, so text pasted from a web page
 *  with no-break spaces still splits the way it reads. */
const SPACE = /^[\t\p{Zs}\uFEFF]$/u;
const FORBIDDEN = /^[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u;
const DOUBLE_QUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`']);

export function tokenize(line: string): TokenizeResult {
	// A script written on Windows ends its lines with CRLF.
	const text = line.replace(/\r?\n?$/, '');
	// By code point, so a refused character is reported whole.
	const chars = text[Symbol.iterator]();
	const next = (): string | undefined => chars.next().value;
	const tokens: string[] = [];
	let word = '';
	let inWord = false;
	for (let ch = next(); ch !== undefined; ch = next()) {
		if (SPACE.test(ch)) {
			if (inWord) tokens.push(word);
			word = '';
			inWord = false;
			continue;
		}
		if (ch === '#' && !inWord) break;
		const refused = refuse(ch);
		if (refused !== null) return refused;
		inWord = true;
		if (ch === "'") {
			// An unclosed quote is reported before anything inside it.
			let quoted = '';
			let c = next();
			for (; c !== undefined && c !== "'"; c = next()) quoted += c;
			if (c === undefined) return {ok: false, error: "error: missing closing ' quote"};
			for (const q of quoted) {
				const refusedInQuotes = refuse(q);
				if (refusedInQuotes !== null) return refusedInQuotes;
			}
			word += quoted;
		} else if (ch === '"') {
			let c = next();
			while (c !== undefined && c !== '"') {
				let after = next();
				if (c === '\\' && after !== undefined && DOUBLE_QUOTE_ESCAPABLE.has(after)) {
					c = after;
					after = next();
				}
				const refusedInQuotes = refuse(c);
				if (refusedInQuotes !== null) return refusedInQuotes;
				word += c;
				c = after;
			}
			if (c === undefined) return {ok: false, error: 'error: missing closing " quote'};
		} else if (ch === '\\') {
			// An escaped space stays inside the word; a backslash at the end is itself.
			const escaped = next();
			if (escaped === undefined) {
				word += ch;
				break;
			}
			const refusedEscape = refuse(escaped);
			if (refusedEscape !== null) return refusedEscape;
			word += escaped;
		} else {
			word += ch;
		}
	}
	if (inWord) tokens.push(word);
	return {ok: true, tokens};
}

/** The error for a character a command may not contain, or null when `ch` is allowed. */
function refuse(ch: string): ParseError | null {
	const code = ch.codePointAt(0);
	if (code === undefined || !FORBIDDEN.test(ch)) return null;
	return {ok: false, error: `error: the command contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`};
}
