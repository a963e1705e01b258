import test from 'ava';
import {quote, quoteRune} from '../../source/apimachinery/quote.js';

test('plain text is double-quoted', t => {
	t.is(quote('hello-node'), '"hello-node"');
	t.is(quote(''), '""');
});

test('quotes and backslashes are escaped as Go does', t => {
	t.is(quote('a"b\\c'), String.raw`"a\"b\\c"`);
});

test('controls are escaped, never emitted raw', t => {
	t.is(quote('\u001b[2J'), String.raw`"\x1b[2J"`);
	t.is(quote('a\nb\tc\r'), String.raw`"a\nb\tc\r"`);
	t.is(quote('\u0007\u007f'), String.raw`"\a\x7f"`);
	t.is(quote('\u009b'), String.raw`"\u009b"`);
	t.is(quote('\u202e'), String.raw`"\u202e"`);
	t.is(quote('\u00a0'), String.raw`"\u00a0"`);
	t.is(quote('\u{e0001}'), String.raw`"\U000e0001"`);
});

test('printable Unicode is kept', t => {
	t.is(quote('café ünï 漢字 ✓'), '"café ünï 漢字 ✓"');
});

test('quoteRune prints a rune as pflag does', t => {
	t.is(quoteRune('x'), "'x'");
	t.is(quoteRune("'"), String.raw`'\''`);
	t.is(quoteRune('\u001b'), String.raw`'\x1b'`);
});
