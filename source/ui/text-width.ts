// Text measured as the terminal shows it: East Asian wide characters (Hangul, CJK, most emoji)
// take two columns, combining marks none. Ink lays out and cuts with `string-width`, so the
// panes measure with it too; a count of UTF-16 units (`.length`) puts a wide-character name one
// column per character off and pushes the right border out of line.

import stringWidth from 'string-width';

// Printable ASCII is a column per character. Most of what the panes measure is (names, IPs,
// hops), and string-width segments every string into graphemes first: measuring the request log
// that way was most of a frame's CPU time (issue 15, bench/RESULTS.md).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// The rest is measured once: a frame measures the same cells as the frame before it (a row with
// an arrow or an ellipsis in it, a Korean name). Bounded, so a long session cannot grow it.
const measured = new Map<string, number>();
const MEASURED_MAX = 10_000;

/** Columns `text` takes on screen. */
export function textWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	let width = measured.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (measured.size >= MEASURED_MAX) measured.clear();
		measured.set(text, width);
	}
	return width;
}

const segmenter = new Intl.Segmenter();

/** User-perceived characters, so a cut never splits a base character from its combining marks. */
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), s => s.segment);

/** The longest start of `text` that fits in `width` columns. */
function head(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const g of graphemes(text)) {
		const w = textWidth(g);
		if (used + w > width) break;
		out += g;
		used += w;
	}
	return out;
}

/** The longest end of `text` that fits in `width` columns. */
function tail(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const g of graphemes(text).reverse()) {
		const w = textWidth(g);
		if (used + w > width) break;
		out = g + out;
		used += w;
	}
	return out;
}

/** `text` padded with spaces to `width` columns (never cut). */
export const padWidth = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - textWidth(text)));

/**
 * `text` in exactly `width` columns: padded, or cut with an ellipsis (at the end, or with
 * `middle` in the middle, for names that differ in their tails). A wide character that would
 * straddle the edge is left out and the gap padded.
 */
export function fitWidth(text: string, width: number, middle = false): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return padWidth(text, width);
	if (width === 1) return padWidth(head(text, 1), 1);
	if (!middle) return padWidth(`${head(text, width - 1)}…`, width);
	const end = tail(text, Math.ceil((width - 1) / 2));
	return padWidth(`${head(text, width - 1 - textWidth(end))}…${end}`, width);
}

/** `text` cut (with an ellipsis) to at most `width` columns, not padded. */
export const clipWidth = (text: string, width: number): string => (textWidth(text) <= width ? text : fitWidth(text, width).trimEnd());

/** `text` broken between words into lines of at most `width` columns; a word longer than a whole
 *  line (a host name) fills the line it starts on and runs on into the next, as Ink's own
 *  `wrap` (wrap-ansi, hard) breaks it, so nothing of it is lost. */
export function wrapWidth(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line === '' ? word : `${line} ${word}`;
		if (textWidth(next) <= width) {
			line = next;
			continue;
		}
		if (textWidth(word) <= width) {
			lines.push(line);
			line = word;
			continue;
		}
		// Too long for any line: cut it at the edges, after a `.`, `-` or `/` when one falls in the
		// second half of the line (`nginx.default.svc.cluster.` / `local`), else anywhere.
		let rest = next;
		while (textWidth(rest) > width) {
			let piece = head(rest, Math.max(1, width));
			const breakAt = Math.max(piece.lastIndexOf('.'), piece.lastIndexOf('-'), piece.lastIndexOf('/')) + 1;
			if (breakAt < piece.length && textWidth(piece.slice(0, breakAt)) * 2 >= width) piece = piece.slice(0, breakAt);
			lines.push(piece);
			rest = rest.slice(piece.length);
		}
		line = rest;
	}
	lines.push(line);
	return lines;
}
