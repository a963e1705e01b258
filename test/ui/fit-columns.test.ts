// Fitting a table into a pane: the least important columns go first, by priority (planned
// widths keep the set steady as rows change); priority-0 columns always stay; the first (name) column shrinks last, cut in the
// middle so generated names keep their distinguishing tail.

import test from 'ava';
import {cell, fitColumns, layoutRow, visibleWindow} from '../../source/ui/fit-columns.js';

const HEADERS = ['NAME', 'READY', 'STATUS', 'IP', 'NODE'];
const ROWS = [
	['hello-node-4fp4j', '1/1', 'Running', '10.244.1.3', 'node-2'],
	['hello-node-gjtk9', '0/1', 'ContainerCreating', '<none>', 'node-2'],
];
// NAME and IP always; READY goes first, then NODE, then STATUS.
const PRIORITY = [0, 3, 1, 0, 2];

test('everything fits: natural widths, nothing dropped', t => {
	const fitted = fitColumns(HEADERS, ROWS, 200, PRIORITY);
	t.deepEqual(fitted, {columns: [0, 1, 2, 3, 4], widths: [16, 5, 17, 10, 6]});
	t.is(layoutRow(ROWS[1]!, fitted), 'hello-node-gjtk9  0/1    ContainerCreating  <none>      node-2');
	t.is(layoutRow(HEADERS, fitted), 'NAME              READY  STATUS             IP          NODE');
});

test('the exact width still fits; one less drops the highest priority number first', t => {
	const natural = 16 + 5 + 17 + 10 + 6 + 2 * 4;
	t.deepEqual(fitColumns(HEADERS, ROWS, natural, PRIORITY).columns, [0, 1, 2, 3, 4]);
	t.deepEqual(fitColumns(HEADERS, ROWS, natural - 1, PRIORITY).columns, [0, 2, 3, 4]);
});

test('columns go in priority order, then the name column shrinks', t => {
	// Without READY: 16+17+10+6 + 6 = 55.
	t.deepEqual(fitColumns(HEADERS, ROWS, 55, PRIORITY), {columns: [0, 2, 3, 4], widths: [16, 17, 10, 6]});
	// Without NODE: 16+17+10 + 4 = 47.
	t.deepEqual(fitColumns(HEADERS, ROWS, 54, PRIORITY), {columns: [0, 2, 3], widths: [16, 17, 10]});
	t.deepEqual(fitColumns(HEADERS, ROWS, 47, PRIORITY), {columns: [0, 2, 3], widths: [16, 17, 10]});
	// STATUS has priority 1: dropped before NAME shrinks. 16+10+2 = 28.
	t.deepEqual(fitColumns(HEADERS, ROWS, 46, PRIORITY), {columns: [0, 3], widths: [16, 10]});
	// Only priority-0 columns left: the first one gives way, down to 4 characters.
	t.deepEqual(fitColumns(HEADERS, ROWS, 20, PRIORITY), {columns: [0, 3], widths: [8, 10]});
	t.deepEqual(fitColumns(HEADERS, ROWS, 5, PRIORITY), {columns: [0, 3], widths: [4, 10]});
});

test('planned widths: the columns shown depend on the width, not on what the rows say (no jumping)', t => {
	// The Endpoints pane: CHANGE (priority 1) is empty between changes and full during one; POD (2).
	const headers = ['ADDRESS', 'NODE', 'POD', 'STATE', 'CHANGE'];
	const priority = [0, 3, 2, 0, 1];
	const nominal = [15, 6, 16, 11, 14];
	const quiet = [
		['10.244.0.2:8080', 'node-1', 'hello-node-c4hwf', 'ready', ''],
		['10.244.1.3:8080', 'node-2', 'hello-node-4fp4j', 'ready', ''],
	];
	const busy = [
		['10.244.0.2:8080', 'node-1', 'hello-node-c4hwf', 'ready', ''],
		['10.244.1.3:8080', 'node-2', 'hello-node-4fp4j', 'terminating', '→ 10.244.1.4'],
		['10.244.1.4:8080', 'node-2', 'hello-node-gjtk9', 'ready', 'was 10.244.1.3'],
	];
	// Planned 15+6+16+11+14 + 8 = 70; without NODE 62; without POD too 44.
	for (const width of [80, 70, 69, 62, 61, 44, 43, 30]) {
		t.deepEqual(
			fitColumns(headers, quiet, width, priority, [], nominal).columns,
			fitColumns(headers, busy, width, priority, [], nominal).columns,
			`width ${width}`,
		);
	}
	t.deepEqual(fitColumns(headers, quiet, 62, priority, [], nominal).columns, [0, 2, 3, 4]);
	t.deepEqual(fitColumns(headers, quiet, 61, priority, [], nominal).columns, [0, 3, 4]);
	// Kept columns keep their planned widths, busy or quiet, so nothing shifts sideways either…
	t.deepEqual(fitColumns(headers, quiet, 44, priority, [], nominal), {columns: [0, 3, 4], widths: [15, 11, 14]});
	t.deepEqual(fitColumns(headers, busy, 44, priority, [], nominal), {columns: [0, 3, 4], widths: [15, 11, 14]});
	// …unless a cell is wider, and there is room: then it takes what it needs.
	const long = [['10.244.100.100:8080', 'node-1', 'x', 'ready', '']];
	t.deepEqual(fitColumns(headers, long, 80, priority, [], nominal).widths, [19, 6, 16, 11, 14]);
	// Narrow, the wide cell keeps its width and the padding gives way.
	t.deepEqual(fitColumns(headers, long, 44, priority, [], nominal), {columns: [0, 3, 4], widths: [19, 11, 10]});
	// Without planned widths the rows decide, as before: a wide cell pushes a column out.
	t.notDeepEqual(fitColumns(headers, quiet, 54, priority).columns, fitColumns(headers, busy, 54, priority).columns);
});

test('widths are display widths: a Hangul cell takes two columns a character', t => {
	const fitted = fitColumns(['NAME', 'IP'], [['서비스-가', '10.0.0.1']], 200, [0, 0]);
	t.deepEqual(fitted.widths, [9, 8]);
	t.is(layoutRow(['서비스-가', '10.0.0.1'], fitted), '서비스-가  10.0.0.1');
	t.is(layoutRow(['ab', '10.0.0.1'], fitted), 'ab         10.0.0.1');
	// Cut to an odd width, the wide character that would straddle the edge gives way to a space.
	t.is(cell('서비스서비스', 6), '서비… ');
	t.is(cell('서비스서비스', 7, true), '서비…스');
	t.is(cell('e\u0301clair', 6), 'e\u0301clair', 'a combining accent takes no column');
});

test('with no rows at all, priority decides (headers alone are not "blank")', t => {
	// Headers alone: 4+5+6+2+4 + 8 = 29.
	t.deepEqual(fitColumns(HEADERS, [], 29, PRIORITY).columns, [0, 1, 2, 3, 4]);
	t.deepEqual(fitColumns(HEADERS, [], 20, PRIORITY).columns, [0, 2, 3]);
});

test('a blank priority-0 column is never dropped', t => {
	const fitted = fitColumns(['A', 'B'], [['aaaaaaaaaa', '']], 5, [0, 0]);
	t.deepEqual(fitted.columns, [0, 1]);
});

test('cell pads, or cuts with an ellipsis at the end or in the middle', t => {
	t.is(cell('abc', 5), 'abc  ');
	t.is(cell('abcdef', 6), 'abcdef');
	t.is(cell('hello-node-4fp4j', 10), 'hello-nod…');
	t.is(cell('hello-node-4fp4j', 14, true), 'hello-…e-4fp4j');
	t.is(cell('hello-node-4fp4j', 14, true).length, 14);
	t.is(cell('abcdef', 2, true), '…f');
	t.is(cell('abcdef', 1), 'a');
	t.is(cell('abcdef', 0), '');
});

test('layoutRow cuts only the first column in the middle, and trims the end', t => {
	const fitted = {columns: [0, 2], widths: [14, 8]};
	t.is(layoutRow(['hello-node-4fp4j', 'x', 'Running'], fitted, true), 'hello-…e-4fp4j  Running');
	t.is(layoutRow(['hello-node-4fp4j', 'x', 'Running'], fitted), 'hello-node-4f…  Running');
	t.is(layoutRow(['a', 'x', 'b'], fitted), 'a               b');
});

test('visibleWindow keeps the cursor in view, centred when it can', t => {
	t.deepEqual(visibleWindow(3, 2, 5), {start: 0, end: 3});
	t.deepEqual(visibleWindow(100, 0, 10), {start: 0, end: 10});
	t.deepEqual(visibleWindow(100, 50, 10), {start: 45, end: 55});
	t.deepEqual(visibleWindow(100, 99, 10), {start: 90, end: 100});
	for (let cursor = 0; cursor < 30; cursor++) {
		const {start, end} = visibleWindow(30, cursor, 7);
		t.true(start <= cursor && cursor < end && end - start === 7, `cursor ${cursor}: ${start}-${end}`);
	}
});
