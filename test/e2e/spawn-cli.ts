// The real binary as a child process, for the e2e tests of its streams and files: its exit code,
// stdout and stderr, with stdin a pipe holding `input` (never a terminal).

import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {fromRoot, ROOT} from '../root.js';
import {buildIfMissing} from './build-dist.js';

export const CLI = fileURLToPath(fromRoot('dist/cli.js'));

test.before('build dist/ if `npm test` has not', buildIfMissing);

export interface Ran {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** A Node stack frame (`    at main (file:///…)`) or an uncaught-error banner. */
export const STACK = /^\s+at |Error: .*\n\s+at |node:internal/m;

export function cli(args: string[], input = ''): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
		child.stdin.on('error', () => {}); // the CLI may exit before reading it
		child.stdin.end(input);
	});
}
