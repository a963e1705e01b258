// The one-line editor behind the palette, the filter and the s/l prompts: text plus a cursor, and
// the edits of GNU readline's emacs mode that a shell user's hands expect (bash manual, "Bindable
// Readline Commands": beginning-of-line C-a, end-of-line C-e, forward-char C-f, backward-char C-b,
// backward-delete-char Rubout, delete-char C-d, unix-line-discard C-u, kill-line C-k,
// unix-word-rubout C-w). Pure: a state and an edit give the next state.
//
// The cursor is a UTF-16 offset that always sits on a grapheme boundary, so ←/→ and Backspace step
// over a whole user-perceived character (a Hangul syllable, an emoji with modifiers) at once.

export interface LineState {
	text: string;
	/** Offset into `text` (UTF-16 code units), on a grapheme boundary; `text.length` is the end. */
	cursor: number;
}

export type LineEdit =
	| {op: 'insert'; text: string}
	| {op: 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'killToStart' | 'killToEnd' | 'killWordBack'};

/** Editing keys by key name (keymap.ts keyName), as readline binds them in emacs mode. */
const LINE_KEYS: Readonly<Record<string, LineEdit['op']>> = {
	left: 'left',
	'ctrl+b': 'left',
	right: 'right',
	'ctrl+f': 'right',
	home: 'home',
	'ctrl+a': 'home',
	end: 'end',
	'ctrl+e': 'end',
	backspace: 'backspace',
	delete: 'delete',
	'ctrl+d': 'delete',
	'ctrl+u': 'killToStart',
	'ctrl+k': 'killToEnd',
	'ctrl+w': 'killWordBack',
};

/** The edit a key stands for in a line being typed, if it is an editing key. */
export function lineEditFor(name: string): LineEdit | undefined {
	const op = LINE_KEYS[name];
	return op === undefined || op === 'insert' ? undefined : {op};
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The grapheme boundaries of `text`, from 0 to `text.length`. */
function boundaries(text: string): number[] {
	const out: number[] = [];
	for (const s of segmenter.segment(text)) out.push(s.index);
	out.push(text.length);
	return out;
}

/** The boundary before `cursor` (0 at the start). */
function previousBoundary(text: string, cursor: number): number {
	let previous = 0;
	for (const b of boundaries(text)) {
		if (b >= cursor) break;
		previous = b;
	}
	return previous;
}

/** The boundary after `cursor` (the end at the end). */
function nextBoundary(text: string, cursor: number): number {
	for (const b of boundaries(text)) if (b > cursor) return b;
	return text.length;
}

/** A state whose cursor is in range and on a grapheme boundary (the nearest one before it). */
export function lineAt(text: string, cursor = text.length): LineState {
	const clamped = Math.max(0, Math.min(text.length, cursor));
	const on = boundaries(text).includes(clamped) ? clamped : previousBoundary(text, clamped);
	return {text, cursor: on};
}

const isSpace = (ch: string) => /\s/u.test(ch);

export function applyEdit(state: LineState, edit: LineEdit): LineState {
	const {text, cursor} = lineAt(state.text, state.cursor);
	const before = text.slice(0, cursor);
	const after = text.slice(cursor);
	switch (edit.op) {
		case 'insert':
			// A pasted chunk goes in whole; the cursor ends after it.
			return lineAt(before + edit.text + after, cursor + edit.text.length);
		case 'left':
			return {text, cursor: previousBoundary(text, cursor)};
		case 'right':
			return {text, cursor: nextBoundary(text, cursor)};
		case 'home':
			return {text, cursor: 0};
		case 'end':
			return {text, cursor: text.length};
		case 'backspace': {
			const at = previousBoundary(text, cursor);
			return {text: text.slice(0, at) + after, cursor: at};
		}
		case 'delete':
			return {text: before + text.slice(nextBoundary(text, cursor)), cursor};
		case 'killToStart':
			return {text: after, cursor: 0};
		case 'killToEnd':
			return {text: before, cursor};
		case 'killWordBack': {
			// unix-word-rubout: back over whitespace, then over the non-whitespace before it.
			let at = before.length;
			while (at > 0 && isSpace(before[at - 1] ?? '')) at--;
			while (at > 0 && !isSpace(before[at - 1] ?? '')) at--;
			return {text: before.slice(0, at) + after, cursor: at};
		}
	}
}
