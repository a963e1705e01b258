// Issue 11, "Terminal and files": the standard streams failing under the real binary. A reader
// that goes away (`… | head -1`, EPIPE) ends the run quietly, as kubectl and Unix tools do; a
// full disk (`> /dev/full`, ENOSPC) is one clear line on stderr and exit code 1, never a stack.
// (A closed terminal, EIO, is in terminal-files.test.ts.)

import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {fromRoot, ROOT} from '../root.js';
import {STACK} from './spawn-cli.js';

const CLI = fileURLToPath(fromRoot('dist/cli.js'));
const MANY = `${'get pods -o wide\n'.repeat(2000)}`;

/** Run the CLI with `stdout` as given (a file descriptor or a pipe), stdin holding the script. */
function run(stdout: number | 'pipe', onStdout?: (child: ReturnType<typeof spawn>) => void) {
	return new Promise<{code: number | null; stderr: string}>((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, 'samples/hello.yaml', '--script', '-'], {cwd: ROOT, stdio: ['pipe', stdout, 'pipe']});
		let stderr = '';
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stderr}));
		onStdout?.(child);
		child.stdin?.on('error', () => {});
		child.stdin?.end(MANY);
	});
}

test('stdout to a full disk (> /dev/full): one line naming the reason, exit 1, no stack', async t => {
	const full = openSync('/dev/full', 'w');
	t.teardown(() => closeSync(full));
	const r = await run(full);
	t.is(r.code, 1);
	t.is(r.stderr, 'error: cannot write standard output: no space left on device\n');
	t.false(STACK.test(r.stderr));
});

test('stdout closed by its reader (| head -1, EPIPE): quiet, exit 0', async t => {
	let first = '';
	const r = await run('pipe', child => {
		child.stdout?.setEncoding('utf8').once('data', (chunk: string) => {
			first = chunk;
			child.stdout?.destroy();
		});
	});
	t.true(first.startsWith('NAME '), first);
	t.is(r.stderr, '');
	t.is(r.code, 0);
});
