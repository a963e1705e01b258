// Untrusted text must never reach a terminal as raw control characters: ESC starts CSI/OSC
// sequences that move the cursor, recolour, retitle the window or write to the clipboard, and
// 0x9b is a one-byte CSI on terminals that honour C1. Every string that comes from input (names,
// labels, annotations, externalName, images, script text) goes through `sanitize` before output.
//
// Notation, chosen to be visible and unambiguous at a glance:
//   0x00-0x1f  caret notation as `cat -v` prints it: NUL `^@`, TAB `^I`, LF `^J`, ESC `^[`, … `^_`
//   0x7f (DEL) `^?`
//   0x80-0x9f  `\x80` … `\x9f` (C1 controls have no caret form)
// Tab and newline are escaped too: inside a value they would break columns and lines.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding C0, DEL and C1 controls is what this sanitizer is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function sanitize(text: string): string {
	return text.replace(CONTROL, escapeControl);
}

export function hasControl(text: string): boolean {
	CONTROL.lastIndex = 0;
	const found = CONTROL.test(text);
	CONTROL.lastIndex = 0;
	return found;
}

function escapeControl(ch: string): string {
	const code = ch.charCodeAt(0);
	if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
	if (code === 0x7f) return '^?';
	return `\\x${code.toString(16)}`;
}
