// Issue 11, "Terminal and files", in a real terminal (tmux): a --record path that cannot be
// written is refused before the screen is taken; a record write that fails during the session is
// said after the terminal is back; closing the terminal (SIGHUP, then EIO on every write) exits
// quietly with the session saved; and the command that ended a session is in the record.

import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {CLI, shellQuote, skipWithoutTmux, sleep, terminal, tmux} from './tmux.js';

const started = (s: string) => s.includes('Services (all namespaces)') && /hello-node-[a-z0-9]{5}/.test(s);
const exited = (s: string) => /EXITED=\d+/.test(s);
const STACK = /^\s+at |node:internal/m;

function scratch(t: ExecutionContext): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-termfiles-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

for (const [what, path, reason] of [
	['/dev/full', () => '/dev/full', 'no space left on device'],
	['a missing folder', (dir: string) => `${dir}/missing/session.txt`, 'no such file or directory'],
	['a directory', (dir: string) => dir, 'is a directory'],
] as const) {
	test.serial(`--record to ${what}: refused before the TUI starts, exit 1, the normal screen never left`, async t => {
		if (skipWithoutTmux(t)) return;
		const file = path(scratch(t));
		const term = terminal(t, `node dist/cli.js samples/hello.yaml --record ${shellQuote(file)}`);
		const screen = await term.waitFor('the exit line', exited);
		t.is(term.display('#{alternate_on}'), '0');
		t.deepEqual(
			screen.split('\n').filter(l => l !== ''),
			[`error: --record ${file}: ${reason}`, 'EXITED=1'],
		);
	});
}

test.serial('a record write that fails during the session is said after the terminal is restored (exit 1)', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = scratch(t);
	const fifo = join(dir, 'session.fifo');
	const replay = join(dir, 'replay.txt');
	// The record is a pipe whose reader leaves after 300 bytes: the writes after that fail with
	// EPIPE. Each p runs (and records) one line of the replay.
	writeFileSync(replay, Array.from({length: 20}, (_, i) => `scale rc hello-node --replicas=${(i % 3) + 2}`).join('\n'));
	const term = terminal(
		t,
		`mkfifo ${shellQuote(fifo)}; (head -c 300 ${shellQuote(fifo)} >/dev/null &); node dist/cli.js samples/hello.yaml --replay ${shellQuote(replay)} --record ${shellQuote(fifo)}`,
	);
	await term.waitFor('the Services pane', started);
	for (let i = 0; i < 20; i++) term.keys('p');
	await term.waitFor('the last replay line', s => s.includes('done, all 20 lines run'));
	term.keys('q');
	const after = await term.waitFor('the exit line', exited);
	t.is(term.display('#{alternate_on}'), '0');
	t.false(STACK.test(after), after);
	t.deepEqual(
		after
			.replace(/\n(?!EXITED)/g, '')
			.split('\n')
			.filter(l => l !== ''),
		[`error: --record ${fifo}: broken pipe; the session is not fully saved`, 'EXITED=1'],
	);
});

test.serial('closing the terminal (SIGHUP, then EIO): exits quietly, no `write EIO`, the record complete', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = scratch(t);
	const file = join(dir, 'session.txt');
	const err = join(dir, 'stderr.txt');
	const code = join(dir, 'code.txt');
	// The shell outlives the terminal (it ignores SIGHUP) to write down how the program ended.
	const term = terminal(
		t,
		`trap '' HUP; node ${shellQuote(CLI)} samples/hello.yaml --record ${shellQuote(file)} 2>${shellQuote(err)}; echo $? >${shellQuote(code)}`,
	);
	await term.waitFor('the Services pane', started);
	term.keys(':scale rc hello-node --replicas=4', 'Enter');
	await term.waitFor('the scale', s => s.includes('scaled'));
	tmux('kill-session', '-t', term.name);
	const until = Date.now() + 10_000;
	while (!existsSync(code) || readFileSync(code, 'utf8') === '') {
		if (Date.now() > until) t.fail('the program did not end after its terminal closed');
		await sleep(100);
	}
	t.is(readFileSync(err, 'utf8'), '', 'nothing on stderr: no write EIO, no stack');
	t.is(readFileSync(code, 'utf8').trim(), '0');
	const lines = readFileSync(file, 'utf8').split('\n');
	t.regex(lines.at(-3) ?? '', /^scale rc hello-node --replicas=4$/, lines.join('\n'));
	t.regex(lines.at(-2) ?? '', /^wait \d+ms$/, 'the time after the last command is kept too');
});

test.serial('the command that ended the session is recorded, and the record replays to its state', async t => {
	if (skipWithoutTmux(t)) return;
	const file = join(scratch(t), 'session.txt');
	const term = terminal(t, `node dist/cli.js samples/hello.yaml --record ${shellQuote(file)}`);
	await term.waitFor('the Services pane', started);
	// Typed in one burst, as a fast typist or a paste sends it: the last command, then :q.
	term.keys(':scale rc hello-node --replicas=1', 'Enter', ':q', 'Enter');
	t.regex(await term.waitFor('the exit line', exited), /EXITED=0/);
	const recorded = readFileSync(file, 'utf8');
	t.regex(recorded, /\nscale rc hello-node --replicas=1\n(wait \d+ms\n)?$/);
	const replay = spawnSync(process.execPath, [CLI, 'samples/hello.yaml', '--script', '-'], {input: `${recorded}get rc\n`, encoding: 'utf8'});
	t.is(replay.status, 0, replay.stderr);
	t.regex(replay.stdout, /^hello-node {3}1 {9}1 /m);
});
