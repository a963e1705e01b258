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
	const chars = Array.from(text);
	const tokens: string[] = [];
	let word = '';
	let inWord = false;
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i]!;
		if (SPACE.test(ch)) {
			if (inWord) tokens.push(word);
			word = '';
			inWord = false;
			continue;
		}
		if (ch === '#' && !inWord) break;
		if (FORBIDDEN.test(ch)) return controlError(ch);
		inWord = true;
		if (ch === "'") {
			const end = chars.indexOf("'", i + 1);
			if (end === -1) return {ok: false, error: "error: missing closing ' quote"};
			for (let j = i + 1; j < end; j++) {
				if (FORBIDDEN.test(chars[j]!)) return controlError(chars[j]!);
				word += chars[j];
			}
			i = end;
		} else if (ch === '"') {
			let j = i + 1;
			for (; j < chars.length && chars[j] !== '"'; j++) {
				let c = chars[j]!;
				if (c === '\\' && j + 1 < chars.length && DOUBLE_QUOTE_ESCAPABLE.has(chars[j + 1]!)) c = chars[++j]!;
				if (FORBIDDEN.test(c)) return controlError(c);
				word += c;
			}
			if (j >= chars.length) return {ok: false, error: 'error: missing closing " quote'};
			i = j;
		} else if (ch === '\\' && i + 1 < chars.length) {
			const next = chars[++i]!;
			if (FORBIDDEN.test(next)) return controlError(next);
			// An escaped space stays inside the word.
			word += next;
		} else {
			word += ch;
		}
	}
	if (inWord) tokens.push(word);
	return {ok: true, tokens};
}

function controlError(ch: string): ParseError {
	const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return {ok: false, error: `error: the command contains a control character (U+${code})`};
}
