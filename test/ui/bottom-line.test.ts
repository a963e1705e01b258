// The palette line's drawing: the cursor's place in a line wider than the screen, by display
// width (a Hangul syllable takes two columns), and Tab's list bounded to the width with a count of
// what did not fit.

import test from 'ava';
import {completionsText, cursorParts} from '../../source/ui/bottom-line.js';

test('the cursor splits the line: before it, the character under it, after it', t => {
	t.deepEqual(cursorParts('get pods', 3, 80), {before: 'get', at: ' ', after: 'pods'});
	t.deepEqual(cursorParts('get pods', undefined, 80), {before: 'get pods', at: '', after: ''});
	t.deepEqual(cursorParts('get pods', 0, 80), {before: '', at: 'g', after: 'et pods'});
	// An emoji with its modifier is one character under the cursor.
	t.deepEqual(cursorParts('a\u{1F44D}\u{1F3FD}b', 1, 80), {before: 'a', at: '\u{1F44D}\u{1F3FD}', after: 'b'});
});

test('a line wider than the room loses its start, marked …, so the cursor stays in view', t => {
	// Room 5: `…` and three characters, then the cursor's cell.
	t.deepEqual(cursorParts('abcdefghij', undefined, 5), {before: '…hij', at: '', after: ''});
	// Two columns per syllable: `…` and two syllables (5 columns) and the cursor's cell make 6.
	t.deepEqual(cursorParts('안녕하세요', undefined, 6), {before: '…세요', at: '', after: ''});
	// What follows the cursor is cut by the line itself (Text wrap="truncate"), not here.
	t.deepEqual(cursorParts('abcdefghij', 2, 5), {before: 'ab', at: 'c', after: 'defghij'});
});

test('the list of candidates fits the width and says how many more there are', t => {
	t.is(completionsText({shown: ['services', 'statefulsets'], total: 2}, 80), 'services  statefulsets');
	const pods = Array.from({length: 20}, (_, i) => `pod-${String(i).padStart(2, '0')}`);
	// 150 matched, 20 kept: three fit in 40 columns with the count of the rest.
	t.is(completionsText({shown: pods, total: 150}, 40), 'pod-00  pod-01  pod-02  … 147 more');
	t.is(completionsText({shown: pods.slice(0, 3), total: 3}, 40), 'pod-00  pod-01  pod-02');
	// All that were kept fit, but more matched.
	t.is(completionsText({shown: pods.slice(0, 2), total: 5}, 80), 'pod-00  pod-01  … 3 more');
});
