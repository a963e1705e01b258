// Document markers as kubectl reads them, before either parser sees the text. kubectl does not
// give a file to a YAML parser whole: apimachinery's YAMLReader (pkg/util/yaml/decoder.go) cuts
// it at every line that starts with `---` and hands each piece to go-yaml, which reads one
// document from it. So, whatever a YAML library would do with the same text:
// - a `...` line ends the piece's document, and go-yaml never reads what follows it up to the
//   next `---` line (it is not even scanned: a syntax error there goes unnoticed);
// - a `%YAML` or `%TAG` directive is cut from the `---` that must follow it, and its piece
//   fails: `yaml: line 1: did not find expected <document start>` (kubernetes/kubernetes#135998).
// Both parse paths read the text this returns, so a small and a big file agree.

import {LineStarts} from './locator.js';

export interface MarkedText {
	/** The text with what go-yaml would not read blanked (line breaks kept: positions hold). */
	text: string;
	/** Where a directive left its piece without a document start. */
	problem: {line: number; col: number; message: string} | null;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/** Whether text[start, end) is only blanks, or a comment. */
function blankOrComment(text: string, start: number, end: number): boolean {
	let i = start;
	while (i < end && isBlank(text.charCodeAt(i))) i++;
	return i === end || text.charCodeAt(i) === 35;
}

/** Whether the line at `start` is the three-character marker `mark` alone or followed by a blank. */
function marker(text: string, start: number, end: number, mark: string): boolean {
	return text.startsWith(mark, start) && (start + 3 === end || isBlank(text.charCodeAt(start + 3)));
}

export function applyDocumentMarkers(text: string): MarkedText {
	// Most files have neither: one search each instead of a walk over every line.
	if (!/^(?:\.\.\.|%)/m.test(text)) return {text, problem: null};
	const cuts: Array<[number, number]> = [];
	let pieceStart = true;
	let directive = false;
	let skipFrom = -1;
	const fail = (offset: number): MarkedText => {
		const lines = new LineStarts(text);
		return {text, problem: {line: lines.lineOf(offset), col: lines.columnOf(offset), message: 'did not find expected <document start>'}};
	};
	for (let start = 0; start <= text.length; ) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		if (marker(text, start, end, '---')) {
			if (directive) return fail(start);
			if (skipFrom !== -1) cuts.push([skipFrom, start]);
			skipFrom = -1;
			pieceStart = true;
		} else if (skipFrom === -1) {
			if (pieceStart && text.charCodeAt(start) === 37) directive = true;
			else if (!blankOrComment(text, start, end)) {
				if (directive) return fail(start);
				if (marker(text, start, end, '...')) skipFrom = end;
				pieceStart = false;
			}
		}
		start = end + 1;
	}
	if (directive) return fail(text.length);
	if (skipFrom !== -1) cuts.push([skipFrom, text.length]);
	if (cuts.length === 0) return {text, problem: null};
	let out = '';
	let from = 0;
	for (const [start, end] of cuts) {
		// Each skipped line becomes empty; its line break stays.
		out += text.slice(from, start) + text.slice(start, end).replace(/[^\n]+/g, '');
		from = end;
	}
	return {text: out + text.slice(from), problem: null};
}
