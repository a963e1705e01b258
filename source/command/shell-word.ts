// One word of the grammar (command/tokenize.ts reads it back whole) and of sh: a path with a space
// or a quote single-quoted, a plain one as it is. The TUI writes lines with paths in them
// (--watch's apply, e's edited file).

export function shellWord(text: string): string {
	return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
