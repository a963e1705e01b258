import test from 'ava';
import {goQuote, goStringMap, goValue, sanitize} from '../../source/load/go-format.js';

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
