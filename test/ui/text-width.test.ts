// Text measured in terminal columns (string-width, as Ink measures): East Asian wide characters
// take two, combining marks none; cuts and wraps never split a character or lose a word.

import test from 'ava';
import stringWidth from 'string-width';
import {clipWidth, fitWidth, padWidth, textWidth, wrapWidth} from '../../source/ui/text-width.js';

test('textWidth counts columns, not UTF-16 units', t => {
	t.is(textWidth('abc'), 3);
	t.is(textWidth('서비스'), 6);
	t.is(textWidth('e\u0301'), 1);
	t.is('서비스'.length, 3, 'what .length would have said');
});

test('fitWidth pads or cuts to exactly the width; clipWidth only cuts; padWidth only pads', t => {
	t.is(fitWidth('서비스', 7), '서비스 ');
	t.is(fitWidth('서비스', 5), '서비…');
	t.is(textWidth(fitWidth('서비스서비스', 8, true)), 8);
	t.is(clipWidth('서비스', 4), '서…');
	t.is(clipWidth('abc', 10), 'abc');
	t.is(padWidth('서', 4), '서  ');
});

test('wrapWidth breaks between words by display width, and runs a too-long word on, after a dot, dash or slash where one is in the line’s second half', t => {
	t.deepEqual(wrapWidth('IP 10.244.1.3 → 10.244.1.4 (pod replaced)', 29), ['IP 10.244.1.3 → 10.244.1.4', '(pod replaced)']);
	t.deepEqual(wrapWidth('a orders.cluster-c9x2k3m4n5p6.example.com. b', 12), ['a orders.', 'cluster-', 'c9x2k3m4n5p6', '.example.', 'com. b']);
	t.deepEqual(wrapWidth('nginx.default.svc.cluster.local → 3 A records', 29), ['nginx.default.svc.cluster.', 'local → 3 A records']);
	// No break in the second half: cut at the edge.
	t.deepEqual(wrapWidth('ab.cdefghijklmnop', 8), ['ab.cdefg', 'hijklmnop'.slice(0, 8), 'p']);
	t.deepEqual(wrapWidth('서비스 서비스', 8), ['서비스', '서비스']);
});

// textWidth skips string-width for printable ASCII (issue 15): the shortcut must say what
// string-width says for every character it admits, and leave every other one to it.
test('textWidth agrees with string-width on every ASCII character and on strings outside the shortcut', t => {
	for (let code = 0; code < 128; code++) {
		const s = `a${String.fromCharCode(code)}b`;
		t.is(textWidth(s), stringWidth(s), `U+${code.toString(16).padStart(4, '0')}`);
	}
	for (const s of ['→ 10.244.0.2', 'hello\u200bnode', '\u202eevil', 'ok ✓', '서비스 svc', 'a\tb', '\x1b[31mred']) {
		t.is(textWidth(s), stringWidth(s), JSON.stringify(s));
		t.is(textWidth(s), stringWidth(s), `${JSON.stringify(s)} again, from the memo`);
	}
});
