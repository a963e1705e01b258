// Untrusted text must never reach a terminal raw. ESC starts CSI/OSC sequences that move the
// cursor, recolour, retitle the window or write to the clipboard, and 0x9b is a one-byte CSI on
// terminals that honour C1. Format characters do their harm silently: bidi overrides and isolates
// (U+202A-U+202E, U+2066-U+2069, the "Trojan Source" set) reorder what the eye reads, zero-width
// ones (U+200B-U+200F, U+FEFF) hide text inside a value, and U+2028/U+2029 break lines on some
// terminals. Every string that comes from input (names, labels, annotations, externalName,
// images, script text) goes through `sanitize` before output: session/execute.ts applies it to
// every line a command prints, so the describe writers, tables, custom-columns and jsonpath all
// pass through it.
//
// What is escaped is what the command tokenizer refuses (command/tokenize.ts): Unicode controls
// (Cc), format characters (Cf), lone surrogates (Cs) and the line and paragraph separators
// (Zl, Zp). Notation, chosen to be visible and unambiguous at a glance:
//   0x00-0x1f  caret notation as `cat -v` prints it: NUL `^@`, TAB `^I`, LF `^J`, ESC `^[`, … `^_`
//   0x7f (DEL) `^?`
//   0x80-0x9f  `\x80` … `\x9f` (C1 controls have no caret form)
//   the rest   `\u202e`, `\U000e0041`: Go's %q spelling, as the loader's messages quote them
// Tab and newline are escaped too: inside a value they would break columns and lines.

const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

export function sanitize(text: string): string {
	return text.replace(UNSAFE, escapeUnsafe);
}

export function hasControl(text: string): boolean {
	UNSAFE.lastIndex = 0;
	const found = UNSAFE.test(text);
	UNSAFE.lastIndex = 0;
	return found;
}

function escapeUnsafe(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
	if (code === 0x7f) return '^?';
	if (code <= 0x9f) return `\\x${code.toString(16)}`;
	if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
	return `\\U${code.toString(16).padStart(8, '0')}`;
}
