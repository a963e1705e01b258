// Issue 11, bounded time on hostile input: what made a load quadratic in a line's length or in a
// mapping's keys, checked by counting work or by what is shared, never by timing (files of long
// blank lines are in the bad-input corpus, test/e2e/bad-input.test.ts, under its hang guard).

import test from 'ava';
import {MAY_HAVE_ODD_KEYS} from '../../source/load/fast-parse.js';

/** The guard as it was written before issue 11: `^[ \t]*` then an empty key's `[ \t]*:`, two
 *  runs of blanks that V8 tried every split of (two 150 KB lines of spaces took 68 s). */
const AMBIGUOUS_ODD_KEYS = /(?:^[ \t]*(?:-[ \t]+)*|[{,[][ \t]*)(?:\?|(?:~|null|Null|NULL)?[ \t]*:)(?:[ \t\r]|$)|[\]}][ \t]*:(?:[ \t\r]|$)/m;

test('the odd-key guard, its blank runs apart, takes exactly the texts the ambiguous form took', t => {
	const pieces = [' ', '\t', '-', ':', '?', '~', 'null', 'N', '{', ',', '[', ']', '}', '\n', '\r', 'a', '\n- '];
	let x = 1;
	let found = 0;
	for (let n = 0; n < 200_000; n++) {
		let text = '';
		for (let i = 0, length = 1 + (n % 12); i < length; i++) {
			x = (Math.imul(x, 1103515245) + 12345) >>> 0;
			text += pieces[(x >>> 16) % pieces.length];
		}
		const expected = AMBIGUOUS_ODD_KEYS.test(text);
		if (expected) found++;
		if (MAY_HAVE_ODD_KEYS.test(text) !== expected) return t.fail(JSON.stringify(text));
	}
	t.true(found > 10_000, `${found} texts that may hold an odd key`);
});
