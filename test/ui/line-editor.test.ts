// The palette's line editor against GNU readline's emacs-mode commands as the bash manual
// ("Bindable Readline Commands") describes them; `|` marks the cursor in each case.

import test from 'ava';
import {applyEdit, type LineEdit, type LineState, lineAt, lineEditFor} from '../../source/ui/line-editor.js';

/** `get po|ds` → {text: 'get pods', cursor: 6}. */
function at(marked: string): LineState {
	const cursor = marked.indexOf('|');
	return {text: marked.slice(0, cursor) + marked.slice(cursor + 1), cursor};
}
const shown = (s: LineState) => `${s.text.slice(0, s.cursor)}|${s.text.slice(s.cursor)}`;
const keys = (start: string, ...names: string[]) =>
	shown(
		names.reduce((s, name) => {
			const edit: LineEdit = lineEditFor(name) ?? {op: 'insert', text: name};
			return applyEdit(s, edit);
		}, at(start)),
	);

test('typing inserts at the cursor, a pasted chunk whole', t => {
	t.is(keys('|', 'g', 'e', 't'), 'get|');
	t.is(keys('get |ods', 'p'), 'get p|ods');
	t.is(keys('get | -n web', 'pods svc'), 'get pods svc| -n web');
});

test('C-a / Home to the start, C-e / End to the end, C-b / ← and C-f / → one character', t => {
	t.is(keys('get po|ds', 'ctrl+a'), '|get pods');
	t.is(keys('get po|ds', 'home'), '|get pods');
	t.is(keys('get po|ds', 'ctrl+e'), 'get pods|');
	t.is(keys('get po|ds', 'end'), 'get pods|');
	t.is(keys('get po|ds', 'ctrl+b', 'left'), 'get |pods');
	t.is(keys('get po|ds', 'ctrl+f', 'right'), 'get pods|');
	// Neither moves past the ends.
	t.is(keys('|ab', 'left'), '|ab');
	t.is(keys('ab|', 'right'), 'ab|');
});

test('Rubout deletes the character behind the cursor; C-d / Delete the one under it', t => {
	t.is(keys('get pox|ds', 'backspace'), 'get po|ds');
	t.is(keys('|get', 'backspace'), '|get');
	t.is(keys('get pox|ds', 'ctrl+d'), 'get pox|s');
	t.is(keys('get pox|ds', 'delete'), 'get pox|s');
	t.is(keys('get|', 'delete'), 'get|');
});

test('C-u kills from the cursor back to the start; C-k from the cursor to the end', t => {
	t.is(keys('get pods |-n web', 'ctrl+u'), '|-n web');
	t.is(keys('get pods |-n web', 'ctrl+k'), 'get pods |');
	t.is(keys('|abc', 'ctrl+u'), '|abc');
	t.is(keys('abc|', 'ctrl+k'), 'abc|');
});

test('C-w kills the word behind the cursor with whitespace as the boundary (unix-word-rubout)', t => {
	t.is(keys('get pods|', 'ctrl+w'), 'get |');
	// Whitespace behind the cursor goes with the word before it.
	t.is(keys('get pods   |', 'ctrl+w'), 'get |');
	// Only whitespace delimits: slashes, dashes and dots are part of the word (unlike M-DEL).
	t.is(keys('describe svc/web-admin.x|', 'ctrl+w'), 'describe |');
	// From inside a word: the part behind the cursor; the rest stays.
	t.is(keys('get po|ds -n web', 'ctrl+w'), 'get |ds -n web');
	t.is(keys('get pods|', 'ctrl+w', 'ctrl+w'), '|');
	t.is(keys('   |x', 'ctrl+w'), '|x');
	t.is(keys('|get', 'ctrl+w'), '|get');
});

test('wide and combined characters: the cursor steps over a whole grapheme', t => {
	// Precomposed Hangul: one code unit per syllable.
	t.is(keys('안녕|', 'left'), '안|녕');
	t.is(keys('안녕|', 'backspace'), '안|');
	// An emoji with a skin-tone modifier is four code units; a conjoining-jamo syllable three;
	// an e with a combining acute two. Each is one step and one Backspace.
	const thumbs = '\u{1F44D}\u{1F3FD}';
	t.is(keys(`a${thumbs}b|`, 'left', 'left'), `a|${thumbs}b`);
	t.is(keys(`a${thumbs}|`, 'backspace'), 'a|');
	const han = '\u1112\u1161\u11AB';
	t.is(keys(`${han}|x`, 'left'), `|${han}x`);
	t.is(keys(`|${han}x`, 'delete'), '|x');
	t.is(keys('cafe\u0301|', 'backspace'), 'caf|');
	t.is(keys('caf|e\u0301', 'right'), 'cafe\u0301|');
});

test('lineAt puts the cursor in range, on a grapheme boundary, at the end by default', t => {
	t.deepEqual(lineAt('abc'), {text: 'abc', cursor: 3});
	t.deepEqual(lineAt('abc', 99), {text: 'abc', cursor: 3});
	t.deepEqual(lineAt('abc', -1), {text: 'abc', cursor: 0});
	// Inside a surrogate pair: back to the boundary before it.
	t.deepEqual(lineAt('a\u{1F44D}', 2), {text: 'a\u{1F44D}', cursor: 1});
});

test('keys that are not editing keys are not edits', t => {
	for (const name of ['a', 'enter', 'esc', 'tab', 'up', 'down', 'ctrl+c', 'ctrl+z']) t.is(lineEditFor(name), undefined, name);
});
