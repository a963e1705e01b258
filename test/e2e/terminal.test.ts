// Issue 5 "Terminal and process": signals, resize storms, a tiny terminal and a crash while
// drawing, each in a real terminal (tmux). The terminal must come back every time, and with
// --record the session so far must be saved.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {shellQuote, skipWithoutTmux, sleep, type Terminal, terminal, tmux} from './tmux.js';

const started = (s: string) => s.includes('Services (all namespaces)') && /hello-node-[a-z0-9]{5}/.test(s);
const exited = (s: string) => /EXITED=\d+/.test(s);

function recordFile(t: ExecutionContext): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-term-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return join(dir, 'session.txt');
}

/** The pid of the TUI started with this record file (the shell around it is not it). */
function pidOf(file: string): string {
	return execFileSync('pgrep', ['-f', `dist/cli.js samples/hello.yaml --record ${file}`], {encoding: 'utf8'})
		.trim()
		.split('\n')[0]!;
}

async function killPodThenSignal(t: ExecutionContext, term: Terminal, file: string, signal: string) {
	await term.waitFor('the Services pane', started);
	term.keys('x');
	await term.waitFor('the kill', s => s.includes('Terminating'));
	execFileSync('kill', [`-${signal}`, pidOf(file)]);
	const after = await term.waitFor('the exit line', exited);
	t.regex(after, /EXITED=0/);
	t.is(term.display('#{alternate_on}'), '0', 'back on the normal screen');
	t.false(after.includes('Services (all namespaces)'), 'no half-drawn screen left behind');
	const script = readFileSync(file, 'utf8');
	t.regex(script, /^delete pod hello-node-[a-z0-9]{5} -n default$/m, 'the session so far is saved');
}

for (const signal of ['TERM', 'INT']) {
	test.serial(`SIG${signal}: the terminal is restored and --record keeps the session`, async t => {
		if (skipWithoutTmux(t)) return;
		const file = recordFile(t);
		const term = terminal(t, `node dist/cli.js samples/hello.yaml --record ${shellQuote(file)}`);
		await killPodThenSignal(t, term, file, signal);
	});
}

test.serial('a resize storm: the screen keeps up, never garbles, and ends at the new size', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, 'node dist/cli.js samples/hello.yaml');
	await term.waitFor('the Services pane', started);
	const sizes = [
		[80, 24],
		[140, 40],
		[40, 12],
		[120, 30],
		[79, 23],
		[200, 60],
		[90, 26],
	];
	for (let round = 0; round < 4; round++) {
		for (const [x, y] of sizes) tmux('resize-window', '-t', term.name, '-x', String(x), '-y', String(y));
	}
	await sleep(300);
	tmux('resize-window', '-t', term.name, '-x', '100', '-y', '30');
	const screen = await term.waitFor('a full frame at 100×30', s => started(s) && s.includes('q quit'));
	const lines = screen.split('\n').filter(l => l !== '');
	t.true(lines.length <= 30, `${lines.length} lines`);
	t.true(
		lines.every(l => [...l].length <= 100),
		'no line wider than the terminal',
	);
	// The app's own name gives way first where the line is short (header.tsx).
	t.regex(lines[0]!, /^(k8s-svc-tui · )?hello\.yaml · 3 nodes · /, 'the header is the first line');
	term.keys('q');
	t.regex(await term.waitFor('the exit line', exited), /EXITED=0/);
});

test.serial('a 40×12 terminal: the TUI says what size it needs instead of garbling; q still quits', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, 'node dist/cli.js samples/hello.yaml');
	tmux('resize-window', '-t', term.name, '-x', '40', '-y', '12');
	const screen = await term.waitFor('the size message', s => s.includes('needs a terminal'));
	t.regex(screen.replace(/\s+/g, ' '), /needs a terminal of at least 80×24; this one is 40×12/);
	t.false(screen.includes('Services (all namespaces)'));
	term.keys('q');
	t.regex(await term.waitFor('the exit line', exited), /EXITED=0/);
});

test.serial('an exception while drawing: the terminal is restored, one readable message, the session kept', async t => {
	if (skipWithoutTmux(t)) return;
	const file = recordFile(t);
	const term = terminal(t, `K8S_SVC_TUI_FAULT=render:1 node dist/cli.js samples/hello.yaml --record ${shellQuote(file)}`);
	await term.waitFor('the Services pane', started);
	term.keys('x');
	const after = await term.waitFor('the exit line', exited);
	t.regex(after, /EXITED=70/);
	t.is(term.display('#{alternate_on}'), '0');
	t.regex(after, /k8s-svc-tui: the screen failed to draw: injected render fault after 1 command\(s\)/);
	t.regex(after.replace(/\n/g, ''), /The session so far is in .*session\.txt; replay it with --script to reproduce\./, 'the line wraps at 100 columns');
	t.false(/^\s+at /m.test(after), 'no stack trace');
	t.regex(readFileSync(file, 'utf8'), /^delete pod hello-node-[a-z0-9]{5} -n default$/m);
});

test.serial('a big load shows its progress on a terminal’s stderr', async t => {
	if (skipWithoutTmux(t)) return;
	const {dumpObject, toKubectlJson} = await import('../../bench/generate-dump.js');
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-big-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'dump.json');
	writeFileSync(file, toKubectlJson(dumpObject({pods: 600})));
	const term = terminal(t, `node dist/cli.js ${shellQuote(file)} --script /dev/null`);
	const screen = (await term.waitFor('the exit line', exited)).replace(/\n(?!k8s-svc-tui|EXITED)/g, '');
	t.regex(screen, /k8s-svc-tui: loading \d+ MB…/);
	t.regex(screen, /k8s-svc-tui: parsed and validated 600 pods, 61 Services, 120 workloads; settling the cluster… \(\d+\.\d s\)/);
	t.regex(screen, /k8s-svc-tui: ready: 602 pods on 6 nodes \(\d+\.\d s\)/);
	t.regex(screen, /EXITED=0/);
});
