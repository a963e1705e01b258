import {spawnSync} from 'node:child_process';
import test from 'ava';
import {osReason, shellWord} from '../../source/session/record-file.js';

const bash = (word: string) => spawnSync('bash', ['-c', `printf %s ${word}`], {encoding: 'utf8'});

for (const [name, text, word] of [
	['a plain path stays as it is', 'samples/hello.yaml', 'samples/hello.yaml'],
	['a space or a $ is single-quoted', 'my $HOME.yaml', "'my $HOME.yaml'"],
	['a single quote is closed, escaped and reopened', "it's.yaml", "'it'\\''s.yaml'"],
	["a newline, a tab and ESC use $'…' escapes", 'a\nb\tc\u001bd', "$'a\\nb\\tc\\Ed'"],
	["a bidi override and a C1 control are spelled out, \\ and ' escaped", "x\u202e\u0085'\\", "$'x\\u202e\\u0085\\'\\\\'"],
	['the empty name is two quotes', '', "''"],
] as const) {
	test(`shellWord: ${name}, and bash reads it back`, t => {
		t.is(shellWord(text), word);
		const read = bash(word);
		if (read.status === 0) t.is(read.stdout, text);
	});
}

test('osReason: the system words for a code, else the description Node gives', t => {
	t.is(osReason(Object.assign(new Error("EISDIR: illegal operation on a directory, open '/tmp'"), {code: 'EISDIR'})), 'is a directory');
	t.is(osReason(Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), {code: 'EXDEV'})), 'cross-device link not permitted');
});
