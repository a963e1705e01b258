import test from 'ava';
import {tokenize} from '../../source/command/tokenize.js';

const splits = test.macro({
	exec(t, line: string, tokens: string[]) {
		t.deepEqual(tokenize(line), {ok: true, tokens});
	},
	title: (provided, line) => provided ?? `splits ${JSON.stringify(line)}`,
});

const refuses = test.macro({
	exec(t, line: string, error: string) {
		t.deepEqual(tokenize(line), {ok: false, error});
	},
	title: (provided, line) => provided ?? `refuses ${JSON.stringify(line)}`,
});

test(splits, 'get  svc\thello', ['get', 'svc', 'hello']);
test(splits, '   ', []);
test(splits, '', []);
test('a line that is only a comment has no tokens', splits, '# kill a pod', []);
test('a comment after the command is dropped', splits, 'get pods   # list them', ['get', 'pods']);
test('a # inside a word is kept (URL fragment)', splits, 'curl http://x/#top', ['curl', 'http://x/#top']);
test('a quoted # is kept', splits, 'curl \'#x\' "#y"', ['curl', '#x', '#y']);
test('single quotes are literal', splits, String.raw`label pod x 'a=b c' '\n'`, ['label', 'pod', 'x', 'a=b c', String.raw`\n`]);
test('double quotes honour \\" and \\\\ only', splits, String.raw`x "a \"b\" \\ \n"`, ['x', String.raw`a "b" \ \n`]);
test('quotes join with the word around them', splits, `-l'app'="web"`, ['-lapp=web']);
test('an empty quoted string is an argument', splits, `get pods ''`, ['get', 'pods', '']);
test('a backslash escapes a space outside quotes', splits, String.raw`curl a\ b`, ['curl', 'a b']);
test('a trailing backslash stays', splits, 'x a\\', ['x', 'a\\']);
test('a backslash escapes a backslash', splits, String.raw`x a\\b`, ['x', 'a\\b']);
test('a CRLF line ending is dropped', splits, 'get pods\r\n', ['get', 'pods']);
test('no-break and other Unicode spaces separate words', splits, 'get\u00a0pods\u2003-A', ['get', 'pods', '-A']);
test('a byte-order mark at the start of a script is ignored', splits, '\ufeffget pods', ['get', 'pods']);
test('a control character inside a comment is harmless', splits, 'wait 5s # \u001b[2J', ['wait', '5s']);
test('non-ASCII names pass through', splits, 'curl café.example', ['curl', 'café.example']);

test(refuses, "get pods 'x", "error: missing closing ' quote");
test(refuses, 'get pods "x', 'error: missing closing " quote');
test(refuses, 'get pods "x\\"', 'error: missing closing " quote');
test('an escape sequence is refused', refuses, 'get pods \u001b[31mred', 'error: the command contains a control character (U+001B)');
test('a control character inside single quotes is refused', refuses, "x '\u0007'", 'error: the command contains a control character (U+0007)');
test('a control character inside double quotes is refused', refuses, 'x "\u009b"', 'error: the command contains a control character (U+009B)');
test('an escaped control character is refused', refuses, 'x \\\u0000', 'error: the command contains a control character (U+0000)');
test('a bidi override is refused', refuses, 'curl a\u202eb', 'error: the command contains a control character (U+202E)');
test('a line separator is refused', refuses, 'get\u2028pods', 'error: the command contains a control character (U+2028)');
test('an embedded newline is refused', refuses, 'get pods\nwait 5s', 'error: the command contains a control character (U+000A)');
test('a lone surrogate is refused', refuses, 'x \ud800', 'error: the command contains a control character (U+D800)');
test('DEL is refused', refuses, 'x\u007f', 'error: the command contains a control character (U+007F)');
