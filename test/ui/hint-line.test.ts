// The bottom hint line: as many key hints as fit, from the key table, and always
// `: command  ? help  q quit` at the end so nobody is ever stuck (issue 10: the hint line always
// shows `:` and `?`).

import test from 'ava';
import {hintText} from '../../source/ui/hint-line.js';
import {KEYMAP} from '../../source/ui/keymap.js';

const TAIL = ': command  ? help  q quit';

test('at 100 and 80 columns: the Service actions (request, burst, from) and the kill come first', t => {
	t.is(hintText(100), 'tab pane  r request  b burst  f from  x kill pod  c crash  s scale  : command  ? help  q quit');
	// Issue 10: at 80 columns the line used to drop `b burst` and `f from`, the keys of the
	// Requests pane, while it showed crash and scale.
	t.is(hintText(80), 'tab pane  r request  b burst  f from  x kill pod  : command  ? help  q quit');
});

test('every width: ends with the palette, help and quit keys, and fits when it can', t => {
	for (let width = 0; width <= 240; width++) {
		const text = hintText(width);
		t.true(text.endsWith(TAIL), `${width}: ${text}`);
		if (width >= TAIL.length) t.true(text.length <= width, `${width}: ${text.length}`);
	}
	t.is(hintText(0), TAIL);
	t.is(hintText(TAIL.length + 9), TAIL, 'no room for `tab pane` and its gap');
	t.is(hintText(TAIL.length + 10), `tab pane  ${TAIL}`);
});

test('hints are the table’s hinted bindings, in table order; a wider line only adds to the end', t => {
	// Written from the key table by hand: the bindings marked for the hint line, in table order,
	// each by its first key; the palette, help and quit last.
	const all = hintText(1000);
	t.is(all, 'tab pane  r request  b burst  f from  x kill pod  c crash  s scale  n nslookup  u readiness  space pause  : command  ? help  q quit');
	t.deepEqual(
		KEYMAP.filter(b => b.hint === 'always').map(b => b.keys[0]),
		[':', '?', 'q'],
	);
	// Every hint is some binding's first key and label, none shows twice, and the bindings the
	// table does not mark never show, however wide the line.
	const items = all.split('  ');
	t.is(new Set(items).size, items.length);
	for (const item of items) {
		const binding = KEYMAP.find(b => `${b.keys[0]} ${b.label}` === item);
		t.truthy(binding?.hint, item);
	}
	for (const unmarked of ['l labels', '. step 1s', '/ filter', '+ +1', '- -1', '< slower', '> faster', 'enter select', 'up up', 'down down']) {
		t.false(items.includes(unmarked), unmarked);
	}
	let previous = '';
	for (let width = TAIL.length; width <= 200; width++) {
		const shown = hintText(width).slice(0, -TAIL.length);
		t.true(shown.startsWith(previous), `${width}`);
		previous = shown;
	}
});
