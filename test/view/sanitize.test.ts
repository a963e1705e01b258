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

test('ordinary and non-ASCII text is untouched', t => {
	t.is(sanitize('hello-node-x2k4z héllo ✓ 10.244.1.3:8080 ^ \\ ~'), 'hello-node-x2k4z héllo ✓ 10.244.1.3:8080 ^ \\ ~');
});

test('sanitizing is idempotent', t => {
	const once = sanitize('\u001b[2J\u009b\u007f');
	t.is(sanitize(once), once);
	t.false(hasControl(once));
});

test('hasControl finds any C0, DEL or C1 character', t => {
	t.true(hasControl('x\u001by'));
	t.true(hasControl('x\u0085'));
	t.false(hasControl('plain'));
	// Repeated calls must not be thrown off by the global regex's lastIndex.
	t.true(hasControl('\u001b'));
	t.true(hasControl('\u001b'));
});
