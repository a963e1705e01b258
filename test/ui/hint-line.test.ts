// The bottom hint line: as many key hints as fit, from the key table, and always `? help  q quit`
// at the end so nobody is ever stuck.

import test from 'ava';
import {hintText} from '../../source/ui/hint-line.js';
import {KEYMAP} from '../../source/ui/keymap.js';

const TAIL = '? help  q quit';

test('at 100 and 80 columns', t => {
	t.is(hintText(100), 'tab pane  x kill pod  c crash  s scale  r request  b burst  f from  n nslookup  ? help  q quit');
	t.is(hintText(80), 'tab pane  x kill pod  c crash  s scale  r request  b burst  ? help  q quit');
});

test('every width: ends with the help and quit keys, and fits when it can', t => {
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
	const all = hintText(1000);
	const expected = KEYMAP.filter(b => b.hint && b.label !== 'help' && b.label !== 'quit').map(b => `${b.keys[0] === 'space' ? 'space' : b.keys[0]} ${b.label}`);
	t.is(all, [...expected, TAIL].join('  '));
	t.true(all.includes('space pause'));
	let previous = '';
	for (let width = TAIL.length; width <= 200; width++) {
		const items = hintText(width).slice(0, -TAIL.length);
		t.true(items.startsWith(previous), `${width}`);
		previous = items;
	}
});
