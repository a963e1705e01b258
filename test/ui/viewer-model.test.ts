// The viewer's scrolling, search and wrapping as pure functions of (viewer, key, page): the
// behaviour of k9s's details view (derailed/k9s internal/view/details.go: `n` / `N` go round at
// the ends, the title counts `[current:count]`, Esc while searching cancels the search).

import test from 'ava';
import type {State} from '../../source/sim/index.js';
import {emptyRows} from '../../source/sim/rows.js';
import {openViewer, outputMayDiffer, refreshViewer, type Viewer, viewerKey, viewerSearch, viewerStatus, visibleRows} from '../../source/ui/viewer-model.js';

const page = {width: 10, rows: 3};
/** The text of each shown row. */
const shown = (v: Viewer, p = page) => visibleRows(v, p).map(r => r.map(s => s.text).join(''));
const numbered = (n: number) => Array.from({length: n}, (_, i) => `line ${i + 1}`);

function keys(v: Viewer, ...commands: Parameters<typeof viewerKey>[1][]): Viewer {
	let at = v;
	for (const c of commands) {
		const next = viewerKey(at, c, page);
		if (next === null) throw new Error(`${c} closed the viewer`);
		at = next;
	}
	return at;
}

test('a line down and up, a page, top and bottom, all clamped to the text', t => {
	const v = openViewer('get x', numbered(10), false, null);
	t.deepEqual(shown(v), ['line 1', 'line 2', 'line 3']);
	t.deepEqual(shown(keys(v, 'lineDown')), ['line 2', 'line 3', 'line 4']);
	t.deepEqual(shown(keys(v, 'lineUp')), ['line 1', 'line 2', 'line 3'], 'no scrolling above the first line');
	t.deepEqual(shown(keys(v, 'pageDown')), ['line 4', 'line 5', 'line 6']);
	t.deepEqual(shown(keys(v, 'pageDown', 'pageDown', 'pageDown', 'pageDown')), ['line 8', 'line 9', 'line 10'], 'the last page ends at the last line');
	t.is(keys(v, 'pageDown', 'pageDown', 'pageDown', 'pageDown').top, 7);
	t.deepEqual(shown(keys(v, 'bottom')), ['line 8', 'line 9', 'line 10']);
	t.deepEqual(shown(keys(v, 'bottom', 'pageUp')), ['line 5', 'line 6', 'line 7']);
	t.deepEqual(shown(keys(v, 'bottom', 'top')), ['line 1', 'line 2', 'line 3']);
	t.is(viewerStatus(keys(v, 'pageDown'), page), 'lines 4-6 of 10 · wrap');
	t.is(viewerKey(v, 'close', page), null);
});

test('shorter than a page: nothing scrolls; an empty output says so', t => {
	const v = openViewer('get x', ['a', 'b'], false, null);
	t.is(keys(v, 'pageDown', 'lineDown', 'bottom').top, 0);
	t.deepEqual(shown(v), ['a', 'b']);
	t.is(viewerStatus(openViewer('get x', [], false, null), page), 'no output · wrap');
});

test('long lines wrap at the page width, wide characters by their columns; w turns wrapping off for ←/→', t => {
	const v = openViewer('x', ['abcdefghijklmnopqrstuvwxy', 'short'], false, null);
	t.deepEqual(shown(v), ['abcdefghij', 'klmnopqrst', 'uvwxy']);
	t.is(viewerStatus(v, page), 'lines 1-1 of 2 · wrap');
	// Hangul takes two columns: five to a row of ten; a wide character never straddles the edge.
	const hangul = openViewer('x', ['가나다라마바사', 'a가나다라마바'], false, null);
	t.deepEqual(shown(hangul, {width: 10, rows: 4}), ['가나다라마', '바사', 'a가나다라', '마바']);

	const flat = keys(v, 'toggleWrap');
	t.deepEqual(shown(flat), ['abcdefghij', 'short']);
	t.is(viewerStatus(flat, page), 'lines 1-2 of 2 · no wrap, col 1');
	const right = keys(flat, 'scrollRight');
	t.deepEqual(shown(right), ['fghijklmno', '']);
	t.is(viewerStatus(right, page), 'lines 1-2 of 2 · no wrap, col 6');
	t.deepEqual(shown(keys(right, 'scrollRight', 'scrollRight', 'scrollRight')), ['pqrstuvwxy', ''], 'stops where the widest line ends');
	t.deepEqual(shown(keys(right, 'scrollLeft', 'scrollLeft')), ['abcdefghij', 'short']);
	t.is(keys(v, 'scrollRight').left, 0, '←/→ do nothing while wrapping');
	// Toggling keeps the line at the top at the top.
	const more = openViewer('x', ['abcdefghijklmnopqrstuvwxy', 'short', 'a', 'b', 'c'], false, null);
	t.deepEqual(shown(keys(more, 'lineDown', 'lineDown', 'lineDown')), ['short', 'a', 'b']);
	t.deepEqual(shown(keys(more, 'lineDown', 'lineDown', 'lineDown', 'toggleWrap')), ['short', 'a', 'b']);
	t.deepEqual(shown(keys(more, 'lineDown', 'toggleWrap')), ['abcdefghij', 'short', 'a'], 'from the middle of a wrapped line, to its start');
});

test('/ search: Enter goes to the first match from the top of the page; n and N go round; highlights mark every match', t => {
	const v = openViewer('x', ['Port: 80', 'TargetPort', 'other', 'other', 'other', 'port 443'], false, null);
	const typed = viewerSearch(viewerSearch(keys(v, 'search'), {text: 'po'}, page), {text: 'rt'}, page);
	t.is(typed.typing, 'port');
	t.is(viewerStatus(typed, page), 'lines 1-3 of 6 · /port█ · wrap');
	const found = viewerSearch(typed, 'submit', page);
	t.is(found.query, 'port');
	t.is(found.match, 0);
	t.is(viewerStatus(found, page), 'lines 1-3 of 6 · /port [1:3] · wrap');
	// Case-insensitive, and every occurrence is marked; the current one differently.
	t.deepEqual(visibleRows(found, page)[0], [
		{text: 'Port', mark: 'current'},
		{text: ': 80', mark: 'none'},
	]);
	t.deepEqual(visibleRows(found, page)[1], [
		{text: 'Target', mark: 'none'},
		{text: 'Port', mark: 'match'},
	]);
	const second = keys(found, 'nextMatch');
	t.is(second.match, 1);
	t.is(second.top, 0, 'a match on the page does not scroll');
	const third = keys(second, 'nextMatch');
	t.is(third.match, 2);
	t.is(third.top, 3, 'a match below the page scrolls to it (the last page)');
	t.deepEqual(shown(third), ['other', 'other', 'port 443']);
	t.is(keys(third, 'nextMatch').match, 0, 'after the last, the first');
	t.is(keys(found, 'previousMatch').match, 2, 'before the first, the last');
	t.is(viewerStatus(keys(found, 'previousMatch'), page), 'lines 4-6 of 6 · /port [3:3] · wrap');

	// A search typed further down starts from the top of the page.
	const below = viewerSearch(viewerSearch(keys(v, 'bottom', 'search'), {text: 'port'}, page), 'submit', page);
	t.is(below.match, 2);
	// Backspace, ctrl-u, Esc.
	t.is(viewerSearch(typed, 'erase', page).typing, 'por');
	t.is(viewerSearch(typed, 'clear', page).typing, '');
	const cancelled = viewerSearch(viewerSearch(keys(found, 'search'), {text: 'zzz'}, page), 'cancel', page);
	t.like(cancelled, {typing: null, query: '', match: -1});
	const none = viewerSearch(viewerSearch(keys(v, 'search'), {text: 'nothing'}, page), 'submit', page);
	t.is(viewerStatus(none, page), 'lines 1-3 of 6 · /nothing no match · wrap');
	t.is(keys(none, 'nextMatch'), none);
	// Regular-expression characters are text.
	const dots = viewerSearch(viewerSearch(keys(openViewer('x', ['a.b', 'axb'], false, null), 'search'), {text: '.'}, page), 'submit', page);
	t.is(viewerStatus(dots, page), 'lines 1-2 of 2 · /. [1:1] · wrap');
});

test('a line wraps between words, as a reader does: a table cell stays whole on the next row (issue 10)', t => {
	const wide = {width: 24, rows: 6};
	const table = openViewer('get svc -o wide', ['NAME   TYPE      PORT(S)       AGE', 'web    NodePort  80:30036/TCP  16s'], false, null);
	t.deepEqual(shown(table, {width: 20, rows: 6}), ['NAME   TYPE      ', 'PORT(S)       AGE', 'web    NodePort  ', '80:30036/TCP  16s']);
	// Words of a message, and a wide character's columns counted as it wraps.
	t.deepEqual(shown(openViewer('x', ['컨테이너 이미지가 already present on machine'], false, null), wide), [
		'컨테이너 이미지가 ',
		'already present on ',
		'machine',
	]);
	// A word longer than a row, or a break that would leave a row under a third full, cuts at the edge.
	t.deepEqual(shown(openViewer('x', ['ab cdefghijklmnopqrstuvwxyz0123456789'], false, null), wide), ['ab cdefghijklmnopqrstuvw', 'xyz0123456789']);
	t.deepEqual(shown(openViewer('x', ['ok abcdefghijklmnopqrstuvwxyz'], false, null), wide), ['ok abcdefghijklmnopqrstu', 'vwxyz']);
});

test('a match in a wrapped line is found on its row; unwrapped, the page scrolls sideways to it', t => {
	const v = openViewer('x', ['a', 'b', 'c', 'd', `${'x'.repeat(25)}needle`], false, null);
	const found = viewerSearch(viewerSearch(keys(v, 'search'), {text: 'needle'}, page), 'submit', page);
	t.deepEqual(shown(found), ['xxxxxxxxxx', 'xxxxxneedl', 'e'], 'the match starts on the second row of the line; the page ends at the last row');
	t.deepEqual(visibleRows(found, page)[1], [
		{text: 'xxxxx', mark: 'none'},
		{text: 'needl', mark: 'current'},
	]);
	t.deepEqual(visibleRows(found, page)[2], [{text: 'e', mark: 'current'}]);
	const flat = viewerSearch(viewerSearch(keys(v, 'toggleWrap', 'search'), {text: 'needle'}, page), 'submit', page);
	t.true(flat.left > 0 && flat.left <= 25);
	t.true(shown(flat).at(-1)?.includes('needle'));
});

test('every shown line is sanitized: control characters from the output never reach the terminal', t => {
	const v = openViewer('get \u001b]0;x\u0007', ['name\u001b[2Jcleared', 'tab\there'], false, null);
	t.is(v.title, 'get ^[]0;x^G');
	t.deepEqual(shown(openViewer('x', ['a\u001b[2Jb', 'c\u009bd'], false, null), {width: 20, rows: 3}), ['a^[[2Jb', 'c\\x9bd']);
	// A tab reaches the terminal as the spaces it stands for (only nslookup's get past session/execute.ts).
	t.deepEqual(v.lines, ['name^[[2Jcleared', 'tab     here']);
	const searched = viewerSearch(viewerSearch(keys(v, 'search'), {text: '\u001b'}, page), 'submit', page);
	t.is(searched.query, '^[');
	t.deepEqual(refreshViewer(v, ['\u0007'], false).lines, ['^G']);
});

test('a refresh keeps the position and the search; output that did not change keeps the viewer', t => {
	const v = viewerSearch(viewerSearch(keys(openViewer('x', numbered(10), false, 'x'), 'pageDown', 'search'), {text: 'line 1'}, page), 'submit', page);
	t.is(v.match, 1, 'from line 4 on, the first match is line 10');
	t.is(refreshViewer(v, numbered(10), false), v);
	const shorter = refreshViewer(v, numbered(4), false);
	t.is(shorter.top, v.top, 'the position is kept; a page clamps it when drawn');
	t.deepEqual(shown(shorter), ['line 2', 'line 3', 'line 4']);
	t.is(shorter.match, 0, 'the match index stays within the matches left');
	t.is(viewerStatus(shorter, page), 'lines 2-4 of 4 · /line 1 [1:1] · wrap · live');
	t.is(refreshViewer(v, ['gone'], true).match, -1, 'no match left');
});

test('outputMayDiffer: a changed object table or another second, not a tick inside the same second', t => {
	const base = {
		clock: 1200,
		nodes: {},
		namespaces: {},
		pods: emptyRows(),
		workloads: emptyRows(),
		services: emptyRows(),
		endpoints: emptyRows(),
		events: {},
	} as unknown as State;
	t.false(outputMayDiffer(base, base));
	t.false(outputMayDiffer(base, {...base, clock: 1900, rng: 7} as State));
	t.true(outputMayDiffer(base, {...base, clock: 2000}));
	t.true(outputMayDiffer(base, {...base, pods: emptyRows()}));
	t.true(outputMayDiffer(base, {...base, endpoints: emptyRows()}));
	t.true(outputMayDiffer(base, {...base, events: {} as State['events']}));
});

test("nslookup's tabs (BIND's layout) are drawn as the spaces to the next multiple of 8 columns, as a terminal moves", t => {
	const v = openViewer(
		'nslookup web',
		['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', 'Name:\tweb.default.svc.cluster.local', 'wé\tb', '漢字\tx'],
		false,
		null,
	);
	t.deepEqual(v.lines, ['Server:         10.96.0.10', 'Address:        10.96.0.10#53', 'Name:   web.default.svc.cluster.local', 'wé      b', '漢字    x']);
	t.deepEqual(refreshViewer(v, ['a\tb'], false).lines, ['a       b']);
});
