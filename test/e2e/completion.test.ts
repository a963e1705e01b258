// The completion scripts in the shells themselves: `k8s-svc-tui completion bash|zsh|fish` loaded,
// then asked what a partly typed line completes to, with the real program answering on PATH. bash
// runs its completion function with COMP_WORDS/COMP_CWORD set; zsh runs the function with its
// completion builtins (compadd, _files) standing in, since they only exist inside the line editor;
// fish answers `complete -C`. kubectl, when installed, runs kubectl_complete-svcsim itself
// (kubectl pkg/cmd/plugin/plugin_completion.go). A shell that is not installed is skipped with a
// message.

import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {fromRoot} from '../root.js';
import {CLI} from './spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svc-complete-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

// The programs by their installed names, as npm links them.
const bin = join(dir, 'bin');
mkdirSync(bin);
symlinkSync(CLI, join(bin, 'k8s-svc-tui'));
symlinkSync(fileURLToPath(fromRoot('bin/kubectl-svcsim.js')), join(bin, 'kubectl-svcsim'));
symlinkSync(fileURLToPath(fromRoot('bin/kubectl_complete-svcsim.js')), join(bin, 'kubectl_complete-svcsim'));
// A folder to complete file names in: two manifests, a text file and a folder.
const work = join(dir, 'work');
mkdirSync(join(work, 'manifests'), {recursive: true});
for (const name of ['app.yaml', 'dump.json', 'notes.txt']) writeFileSync(join(work, name), '');

const PATH = `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`;

function shell(command: string, args: string[]): {status: number | null; stdout: string; stderr: string} | null {
	const ran = spawnSync(command, args, {cwd: work, encoding: 'utf8', env: {...process.env, PATH, HOME: dir, XDG_CONFIG_HOME: dir}});
	if ((ran.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
	return {status: ran.status, stdout: ran.stdout, stderr: ran.stderr};
}

function missing(t: ExecutionContext, name: string): void {
	t.log(`skipped: ${name} is not installed, so its completion script is not run here`);
	t.pass();
}

/** Each line's completions, one line of output per case (sorted: shells order them their own way). */
const CASES: Array<[string, string[]]> = [
	['k8s-svc-tui ', ['check', 'completion', 'diff', 'samples', 'test']],
	['k8s-svc-tui c', ['check', 'completion']],
	['k8s-svc-tui --sample he', ['headless', 'hello']],
	['k8s-svc-tui check --s', ['--sample']],
	['k8s-svc-tui completion ', ['bash', 'fish', 'zsh']],
	['k8s-svc-tui check ', ['app.yaml', 'dump.json', 'manifests/']],
	['k8s-svc-tui --script ', ['app.yaml', 'dump.json', 'manifests/', 'notes.txt']],
	['k8s-svc-tui --seed ', []],
];

/** bash's words for a line: split at blanks, the last one empty after a trailing blank. */
const words = (line: string) => line.split(' ');

test('bash: complete -p names the function, and it completes verbs, flags, sample names and files', t => {
	const cases = CASES.map(([line]) => {
		const w = words(line);
		const array = w.map(x => `'${x}'`).join(' ');
		return `COMP_WORDS=(${array}); COMP_CWORD=${w.length - 1}; COMPREPLY=(); _k8s_svc_tui; printf '%s\\n' "\${COMPREPLY[@]}" | sort | paste -sd' ' -`;
	});
	const ran = shell('bash', ['--norc', '--noprofile', '-c', ['source <(k8s-svc-tui completion bash)', 'complete -p k8s-svc-tui', ...cases].join('\n')]);
	if (ran === null) return missing(t, 'bash');
	t.is(ran.status, 0, ran.stderr);
	const [registered, ...answers] = ran.stdout.split('\n');
	t.is(registered, 'complete -F _k8s_svc_tui k8s-svc-tui');
	// compgen marks no folder with a slash; readline does when it shows them (compopt -o filenames).
	const expected = CASES.map(([, want]) => want.map(w => w.replace(/\/$/, '')).join(' '));
	t.deepEqual(answers.slice(0, CASES.length), expected);
});

test('zsh: the function completes the same, through compadd and _files', t => {
	const stubs = [`source ${fileURLToPath(fromRoot('test/fixtures/completion/zsh-stubs.zsh'))}`];
	const cases = CASES.map(([line]) => {
		const w = words(line);
		return `words=(${w.map(x => `'${x}'`).join(' ')}); CURRENT=${w.length}; _k8s_svc_tui || print`;
	});
	const ran = shell('zsh', ['-f', '-c', [...stubs, 'source <(k8s-svc-tui completion zsh)', ...cases].join('\n')]);
	if (ran === null) return missing(t, 'zsh');
	t.is(ran.status, 0, ran.stderr);
	const expected = CASES.map(([, want]) => want.map(w => w.replace(/\/$/, '')).join(' '));
	t.deepEqual(ran.stdout.split('\n').slice(0, CASES.length), expected);
});

test('fish: complete -C answers the same', t => {
	const cases = CASES.map(([line]) => `echo (complete -C '${line}' | sort)`);
	const ran = shell('fish', ['--no-config', '-c', ['k8s-svc-tui completion fish | source', ...cases].join('\n')]);
	if (ran === null) return missing(t, 'fish');
	t.is(ran.status, 0, ran.stderr);
	t.deepEqual(
		ran.stdout.split('\n').slice(0, CASES.length),
		CASES.map(([, want]) => want.join(' ')),
	);
});

test('kubectl runs kubectl_complete-svcsim for `kubectl svcsim …` and reads its directive', t => {
	const listed = shell('kubectl', ['__complete', 'svc']);
	if (listed === null) return missing(t, 'kubectl');
	if (!listed.stdout.includes('svcsim')) {
		t.log(`skipped: this kubectl does not complete plugins (1.26+ does): ${listed.stdout}`);
		return t.pass();
	}
	t.regex(listed.stdout, /^svcsim\t/m, 'kubectl finds the plugin on PATH');
	const samples = shell('kubectl', ['__complete', 'svcsim', '--sample', 'he']);
	t.is(samples?.stdout, 'headless\nhello\n:4\n');
	const flags = shell('kubectl', ['__complete', 'svcsim', '--con']);
	t.is(flags?.stdout, '--context\n:4\n', "the plugin's own flags, not kubectl's globals");
});
