// A real terminal for end-to-end tests: a private tmux server, sessions that print
// `EXITED=<code>` when the program ends, and polling until the screen shows what a test waits for.
// Tests that import this register the server's before/after hooks.

import {execFileSync, spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {IN_CI} from '../prerequisites.js';
import {fromRoot, ROOT} from '../root.js';
import {buildIfMissing} from './build-dist.js';

export {ROOT};

export const CLI = fileURLToPath(fromRoot('dist/cli.js'));
const HAVE_TMUX = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
// A private tmux server for this run: never touches the user's sessions.
const SOCKET = `k8s-svc-tui-test-${process.pid}`;
let sessions = 0;
export const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'});

test.before('build dist/ if `npm test` has not', buildIfMissing);

// tmux exits when its last session ends, and a new session started in that moment fails ("server
// exited unexpectedly"): a quiet session keeps the server up between tests (and ends by itself).
test.before('start the private tmux server', () => {
	if (HAVE_TMUX) tmux('new-session', '-d', '-s', 'keeper', 'exec sleep 900');
});

test.after.always('stop the private tmux server and remove its socket', () => {
	if (!HAVE_TMUX) return;
	const path = spawnSync('tmux', ['-L', SOCKET, 'display-message', '-p', '#{socket_path}'], {encoding: 'utf8'}).stdout.trim();
	spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
	if (path.endsWith(SOCKET)) rmSync(path, {force: true});
});

export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Terminal {
	name: string;
	screen(options?: {escapes?: boolean}): string;
	keys(...keys: string[]): void;
	/** `#{alternate_on} #{cursor_flag}` and friends. */
	display(format: string): string;
	/**
	 * Poll the screen until `done` holds (or fail with the screen after `ms`). The default is a hang
	 * guard, not a timing: under CI's parallel test workers the first frame once took over 10 s.
	 */
	waitFor(what: string, done: (screen: string) => boolean, ms?: number): Promise<string>;
}

/**
 * Run `command` (a shell line, from the project root) in a detached 100×30 tmux session; after it
 * ends the pane prints `EXITED=<code>` and stays, so the test can read it. Killed in teardown.
 */
export function terminal(t: ExecutionContext, command: string): Terminal {
	const name = `tui-${process.pid}-${++sessions}`;
	const line = `${command}; echo EXITED=$?; exec sleep 600`;
	tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-c', ROOT, `sh -c ${shellQuote(line)}`);
	t.teardown(() => {
		spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', name]);
	});
	const term: Terminal = {
		name,
		screen: ({escapes = false} = {}) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name),
		keys: (...keys) => {
			for (const key of keys) tmux('send-keys', '-t', name, key);
		},
		display: format => tmux('display-message', '-p', '-t', name, format).trim(),
		async waitFor(what, done, ms = 30_000) {
			const until = Date.now() + ms;
			let screen = term.screen();
			while (!done(screen)) {
				if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}; the screen:\n${screen}`);
				await sleep(100);
				screen = term.screen();
			}
			return screen;
		},
	};
	return term;
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Why a real-terminal test cannot run here. */
const NO_TMUX =
	'tmux is not installed (no `tmux` on PATH): the real-terminal tests drive the real binary inside tmux. Install it (apt-get install tmux; .ci/run does).';

/**
 * Call first in a real-terminal test; true (and the test is over) when tmux is missing. Under CI
 * (`CI` set) that fails the test: the e2e tests must run there. Elsewhere it passes with a log
 * line saying the test was skipped.
 */
export function skipWithoutTmux(t: ExecutionContext): boolean {
	if (HAVE_TMUX) return false;
	if (IN_CI) {
		t.fail(`${NO_TMUX} Under CI a missing tmux fails the test instead of skipping it.`);
	} else {
		t.log(`${NO_TMUX} Skipping this real-terminal test (under CI this fails).`);
		t.pass();
	}
	return true;
}
