import test from 'ava';
import {decodeUtf8} from '../../source/load/utf8.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

test('well-formed UTF-8 is the text, a byte-order mark kept for normalizeText', t => {
	t.is(decodeUtf8(bytes('a: é\n')), 'a: é\n');
	t.is(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a: 1')), '\ufeffa: 1');
});

test("each of go-yaml's reasons (readerc.go yaml_parser_update_buffer), at the line and column of the byte it names", t => {
	t.deepEqual(decodeUtf8(bytes('a: 1\nb: ', [0xff], '\n')), {line: 2, col: 4, message: 'invalid leading UTF-8 octet'});
	t.deepEqual(decodeUtf8(bytes('name: Ren', [0xe9], 'e\n')), {line: 1, col: 11, message: 'invalid trailing UTF-8 octet'});
	t.deepEqual(decodeUtf8(bytes('x: ', [0xe2, 0x82])), {line: 1, col: 4, message: 'incomplete UTF-8 octet sequence'});
	t.deepEqual(decodeUtf8(bytes('x: ', [0xc0, 0xaf])), {line: 1, col: 4, message: 'invalid length of a UTF-8 sequence'});
	t.deepEqual(decodeUtf8(bytes('é\nx: ', [0xed, 0xa0, 0x80])), {line: 2, col: 4, message: 'invalid Unicode character'});
});

test('a control character before the bad byte is left for the parser to report, as go-yaml reads in order', t => {
	t.is(typeof decodeUtf8(bytes('a: \u0001 ', [0xff])), 'string');
});
