import test from 'ava';
import {hasControl, sanitize} from '../../source/view/sanitize.js';

test('ESC of a CSI colour sequence becomes ^[', t => {
	t.is(sanitize('\u001b[31mred\u001b[0m'), '^[[31mred^[[0m');
});

test('an OSC window-title sequence is defused, BEL shown as ^G', t => {
	t.is(sanitize('\u001b]0;pwned\u0007name'), '^[]0;pwned^Gname');
});

test('OSC 52 clipboard write with ST terminator', t => {
	t.is(sanitize('\u001b]52;c;ZXZpbA==\u001b\\'), '^[]52;c;ZXZpbA==^[\\');
});

test('C1 controls (one-byte CSI 0x9b, OSC 0x9d) use \\xNN', t => {
	t.is(sanitize('a\u009b31mb\u009dc\u0080d\u009f'), 'a\\x9b31mb\\x9dc\\x80d\\x9f');
});

test('tab, newline, carriage return, NUL and DEL are escaped too', t => {
	t.is(sanitize('a\tb\nc\rd\u0000e\u007f'), 'a^Ib^Jc^Md^@e^?');
});

// Trojan Source (CVE-2021-42574): what the command tokenizer refuses, the sanitizer escapes.
test('bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) are escaped as \\uXXXX', t => {
	t.is(
		sanitize('a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j'),
		String.raw`a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j`,
	);
});

test('zero-width characters, the BOM, U+2028/U+2029 and the Arabic letter mark are escaped', t => {
	t.is(
		sanitize('a\u200bb\u200cc\u200dd\u200ee\u200ff\ufeffg\u2028h\u2029i\u061cj'),
		String.raw`a\u200bb\u200cc\u200dd\u200ee\u200ff\ufeffg\u2028h\u2029i\u061cj`,
	);
});

test('a format character past U+FFFF (a tag character) and a lone surrogate are escaped', t => {
	t.is(sanitize('x\u{e0041}y\ud800z'), String.raw`x\U000e0041y\ud800z`);
});

test('ordinary and non-ASCII text is untouched', t => {
	t.is(sanitize('hello-node-x2k4z héllo ✓ 10.244.1.3:8080 ^ \\ ~'), 'hello-node-x2k4z héllo ✓ 10.244.1.3:8080 ^ \\ ~');
});

test('sanitizing is idempotent', t => {
	const once = sanitize('\u001b[2J\u009b\u007f\u202e\u200b');
	t.is(sanitize(once), once);
	t.false(hasControl(once));
});

test('hasControl finds any C0, DEL, C1 or format character', t => {
	t.true(hasControl('x\u001by'));
	t.true(hasControl('x\u202ey'));
	t.true(hasControl('x\u2028y'));
	t.true(hasControl('x\u0085'));
	t.false(hasControl('plain'));
	// Repeated calls must not be thrown off by the global regex's lastIndex.
	t.true(hasControl('\u001b'));
	t.true(hasControl('\u001b'));
});
