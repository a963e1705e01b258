import test from 'ava';
import {goQuote, goStringMap, goValue, goValueWithin, sanitize} from '../../source/load/go-format.js';

test('goQuote escapes like Go strconv.Quote', t => {
	t.is(goQuote('web'), '"web"');
	t.is(goQuote('a"b\\c'), '"a\\"b\\\\c"');
	t.is(goQuote('\u001b[31mred\n'), '"\\x1b[31mred\\n"');
	t.is(goQuote('\u202eevil'), '"\\u202eevil"');
	t.is(goQuote('café'), '"café"');
});

test('sanitize escapes control characters but keeps quotes', t => {
	t.is(sanitize('a "b"\tc\u0007'), 'a "b"\\tc\\a');
});

test('goValue prints strings quoted and numbers bare', t => {
	t.is(goValue('x'), '"x"');
	t.is(goValue(80), '80');
	t.is(goValue(true), 'true');
	t.is(goValue(null), 'null');
});

test('goStringMap sorts keys and prints nil', t => {
	t.is(goStringMap({tier: 'b', app: 'web'}), 'map[string]string{"app":"web", "tier":"b"}');
	t.is(goStringMap(null), 'map[string]string(nil)');
	t.is(goStringMap({}), 'map[string]string{}');
});

test('a very long string is cut in messages, with its length (a 10 MB name is not echoed whole)', t => {
	const name = 'a'.repeat(256);
	t.is(goQuote(name), `"${name}"`, '256 characters still print whole (DNS names are at most 253)');
	t.is(goQuote('b'.repeat(10 * 1024 * 1024)), `"${'b'.repeat(64)}"... (10485760 characters)`);
	t.is(goQuote(`\u001b${'c'.repeat(300)}`), `"\\x1b${'c'.repeat(63)}"... (301 characters)`);
});

test('goValueWithin renders small values like goValue and gives up on big or deep ones', t => {
	t.is(goValueWithin({port: 80}, 80), 'map[string]interface {}{"port":80}');
	t.is(goValueWithin(['a', 1], 80), goValue(['a', 1]));
	t.is(
		goValueWithin(
			Array.from({length: 50}, (_, i) => i),
			80,
		),
		null,
	);
	// 100,000 levels deep: no stack overflow, just "too big".
	let deep: unknown = 1;
	for (let i = 0; i < 100_000; i++) deep = [deep];
	t.is(goValueWithin(deep, 80), null);
});
