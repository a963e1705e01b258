// kubectl svcsim (bin/kubectl-svcsim.js) with no file takes a snapshot of the cluster by running
// kubectl. No cluster runs here: a stand-in `kubectl` first on PATH records its arguments and
// environment and prints a recorded dump (test/fixtures/dump/cluster.json, with a NetworkPolicy,
// which loads, and a ConfigMap added: a real dump holds kinds the simulator does not model);
// another fails as kubectl does when the API server is unreachable; a PATH without kubectl gives ENOENT.

import {spawn} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {RAW_CONTROL} from '../control-chars.js';
import {fromRoot, ROOT} from '../root.js';
import {CLI, STACK} from './spawn-cli.js';
import {skipWithoutTmux, terminal} from './tmux.js';

const PLUGIN = fileURLToPath(fromRoot('bin/kubectl-svcsim.js'));
const RESOURCES = 'nodes,pods,services,endpointslices,deployments,replicasets,statefulsets,networkpolicies';

const dir = mkdtempSync(join(tmpdir(), 'svcsim-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

/** The recorded dump: kubectl prints JSON with four-space indents. */
const dump = (() => {
	const list = JSON.parse(readFileSync(fromRoot('test/fixtures/dump/cluster.json'), 'utf8')) as {items: unknown[]};
	list.items.push(
		{
			apiVersion: 'networking.k8s.io/v1',
			kind: 'NetworkPolicy',
			metadata: {name: 'deny-all', namespace: 'team-0'},
			spec: {podSelector: {}, policyTypes: ['Ingress']},
		},
		{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'kube-root-ca.crt', namespace: 'default'}, data: {'ca.crt': '…'}},
	);
	return `${JSON.stringify(list, null, 4)}\n`;
})();
const DUMP = join(dir, 'dump.json');
writeFileSync(DUMP, dump);
/** The same dump with a Service the API server refuses (a port of 0). */
const BAD_DUMP = join(dir, 'bad-dump.json');
writeFileSync(BAD_DUMP, dump.replace('"port": 80,', '"port": 0,'));

/** A folder holding a `kubectl` that runs `script` (sh), for the front of PATH. */
function standIn(name: string, script: string): string {
	const bin = join(dir, name);
	mkdirSync(bin);
	writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\n${script}\n`);
	chmodSync(join(bin, 'kubectl'), 0o755);
	return bin;
}
const ARGS = join(dir, 'args');
/** Records each argument on a line, then KUBECONFIG, and prints the dump named by $DUMP_FILE. */
const RECORDING = standIn('recording', `printf '%s\\n' "$@" > "${ARGS}"\nprintf 'KUBECONFIG=%s\\n' "$KUBECONFIG" >> "${ARGS}"\nexec cat "$DUMP_FILE"`);
/** As kubectl says it when the API server does not answer (repeated discovery errors, then the summary). */
const UNREACHABLE = standIn(
	'unreachable',
	[
		`for i in 1 2 3 4 5; do echo 'E1202 12:00:00.000000   4242 memcache.go:265] "Unhandled Error" err="couldn'"'"'t get current server API group list: Get \\"https://127.0.0.1:6443/api?timeout=32s\\": dial tcp 127.0.0.1:6443: connect: connection refused"' >&2; done`,
		`printf 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\\033]0;pwned\\007\\n' >&2`,
		'exit 1',
	].join('\n'),
);
const EMPTY = join(dir, 'empty');
mkdirSync(EMPTY);

interface Ran {
	code: number | null;
	stdout: string;
	stderr: string;
}

function run(entry: string, args: string[], {path, input = '', env = {}}: {path: string; input?: string; env?: Record<string, string>}): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [entry, ...args], {
			cwd: ROOT,
			env: {...process.env, NO_COLOR: '1', KUBECONFIG: '', DUMP_FILE: DUMP, ...env, PATH: path},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.on('error', () => {});
		child.stdin.end(input);
	});
}
const withKubectl = (bin: string) => `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`;
const recorded = () => readFileSync(ARGS, 'utf8').trimEnd().split('\n');

const SCRIPT = 'get svc -A\nget endpointslices -n team-0\ncurl svc-0.team-0 --from external --count 5 --summary\n';

test.serial('no file: runs the snapshot command of issue 16 and loads its output as the same file would load', async t => {
	const plugin = await run(PLUGIN, ['--script', '-'], {path: withKubectl(RECORDING), input: SCRIPT});
	t.is(plugin.code, 0, plugin.stderr);
	t.deepEqual(recorded(), ['get', RESOURCES, '-A', '-o', 'json', 'KUBECONFIG=']);
	// The dump as a file, through k8s-svc-tui: the same objects, the same answers.
	const file = await run(CLI, [DUMP, '--script', '-'], {path: withKubectl(EMPTY), input: SCRIPT});
	t.is(file.code, 0, file.stderr);
	t.is(plugin.stdout, file.stdout);
	t.true(plugin.stdout.includes('svc-0'));
	// Kinds it does not model are skipped and counted, not refused; no progress lines off a terminal.
	t.is(plugin.stderr, 'skipped: 1 ConfigMap\n');
});

test.serial('--context, --kubeconfig and -n reach kubectl (as --flag=value; -n in place of -A); KUBECONFIG passes through', async t => {
	for (const [args, expected] of [
		[
			['--context', 'kind-kind', '--kubeconfig=/home/me/.kube/other'],
			['--context=kind-kind', '--kubeconfig=/home/me/.kube/other', 'get', RESOURCES, '-A', '-o', 'json'],
		],
		[
			['-n', 'team-0'],
			['get', RESOURCES, '--namespace=team-0', '-o', 'json'],
		],
		[['-nteam-0'], ['get', RESOURCES, '--namespace=team-0', '-o', 'json']],
		[
			['--namespace=team-0', '--context=prod'],
			['--context=prod', 'get', RESOURCES, '--namespace=team-0', '-o', 'json'],
		],
	] as Array<[string[], string[]]>) {
		const r = await run(PLUGIN, ['check', ...args], {path: withKubectl(RECORDING), env: {KUBECONFIG: '/etc/a:/etc/b'}});
		t.is(r.code, 0, r.stderr);
		t.deepEqual(recorded(), [...expected, 'KUBECONFIG=/etc/a:/etc/b'], args.join(' '));
		t.true(r.stderr.endsWith('<kubectl snapshot>: OK (4 Services, 3 workloads, 0 bare pods, 1 NetworkPolicy)\n'), r.stderr);
	}
});

test.serial('--save FILE keeps the snapshot byte for byte, and messages then name that file', async t => {
	const saved = join(dir, 'saved.json');
	const r = await run(PLUGIN, ['check', '--save', saved], {path: withKubectl(RECORDING)});
	t.is(r.code, 0, r.stderr);
	t.is(readFileSync(saved, 'utf8'), dump);
	t.true(r.stderr.endsWith(`${saved}: OK (4 Services, 3 workloads, 0 bare pods, 1 NetworkPolicy)\n`), r.stderr);
});

test.serial('an invalid object in the snapshot: the loader message with its line and column, in the snapshot or the saved file', async t => {
	const direct = await run(CLI, ['check', BAD_DUMP], {path: withKubectl(EMPTY)});
	t.is(direct.code, 1);
	t.regex(direct.stderr, new RegExp(`^${BAD_DUMP}:\\d+:\\d+: .*port`, 'm'));
	const unsaved = await run(PLUGIN, ['check'], {path: withKubectl(RECORDING), env: {DUMP_FILE: BAD_DUMP}});
	t.is(unsaved.code, 1);
	t.is(
		unsaved.stderr,
		`${direct.stderr.replaceAll(BAD_DUMP, '<kubectl snapshot>')}(kubectl svcsim --save FILE keeps the snapshot, to read the lines named above)\n`,
	);
	const file = join(dir, 'bad-saved.json');
	const saved = await run(PLUGIN, ['check', '--save', file], {path: withKubectl(RECORDING), env: {DUMP_FILE: BAD_DUMP}});
	t.is(saved.code, 1);
	t.is(saved.stderr, direct.stderr.replaceAll(BAD_DUMP, file));
});

test('kubectl failing (an unreachable API server): its standard error, cut and made safe, and exit 1', async t => {
	const r = await run(PLUGIN, ['--script', '-'], {path: withKubectl(UNREACHABLE), input: 'get svc\n'});
	t.is(r.code, 1);
	t.is(r.stdout, '');
	const lines = r.stderr.trimEnd().split('\n');
	t.is(lines[0], `error: kubectl get ${RESOURCES} -A -o json failed (exit status 1):`);
	t.is(lines.at(-2), '  The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?^[]0;pwned^G');
	t.regex(lines.at(-1) ?? '', /^kubectl svcsim asks the cluster of kubectl's current context/);
	t.is(lines.length, 8, 'five discovery errors, the summary, the heading and the hint');
	t.notRegex(r.stderr, RAW_CONTROL);
	t.notRegex(r.stderr, STACK);
});

test('no kubectl on PATH: one clear line, exit 1', async t => {
	const r = await run(PLUGIN, ['check'], {path: EMPTY});
	t.is(r.code, 1);
	t.is(
		r.stderr,
		'error: kubectl not found: kubectl svcsim takes its snapshot with kubectl, and there is none on PATH; install it (https://kubernetes.io/docs/tasks/tools/) or open a saved dump: kubectl svcsim FILE\n',
	);
});

test('with a FILE or --sample, kubectl svcsim runs no kubectl; the snapshot flags then are a usage error', async t => {
	const r = await run(PLUGIN, ['--sample', 'hello', '--script', '-'], {path: EMPTY, input: 'get svc hello-node-svc -o name\n'});
	t.is(r.code, 0, r.stderr);
	t.is(r.stdout, 'service/hello-node-svc\n');
	const flagged = await run(PLUGIN, ['samples/hello.yaml', '-n', 'x', '--script', '-'], {path: EMPTY});
	t.is(flagged.code, 2);
	t.is(
		flagged.stderr,
		'error: -n: --context, --kubeconfig, -n/--namespace and --save shape the snapshot kubectl svcsim takes when no FILE (or --sample) is given\nRun "kubectl svcsim --help" for usage.\n',
	);
	const tui = await run(CLI, ['--context', 'x', '--script', '-'], {path: EMPTY});
	t.is(tui.code, 2);
	t.is(tui.stderr.split('\n')[0], 'error: --context goes with kubectl svcsim: it shapes the snapshot of a cluster that kubectl svcsim takes');
});

test('kubectl svcsim --help describes the snapshot and its flags', async t => {
	const r = await run(PLUGIN, ['--help'], {path: EMPTY});
	t.is(r.code, 0);
	t.true(r.stdout.startsWith('Usage:\n  kubectl svcsim [FILE|DIR|-]...'));
	t.true(r.stdout.includes(`kubectl get ${RESOURCES} -A -o json`));
	for (const flag of ['--context NAME', '--kubeconfig FILE', '-n, --namespace NS', '--save FILE']) t.true(r.stdout.includes(flag), flag);
});

test.serial('in a terminal: progress on standard error, then the TUI names the snapshot in its header', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `PATH=${withKubectl(RECORDING)} DUMP_FILE=${DUMP} node bin/kubectl-svcsim.js --context kind-kind`);
	const screen = await term.waitFor('the header', s => s.includes('Services (all namespaces)') && s.includes('svc-0'));
	// The app's own name gives way first where the line is short (header.tsx).
	t.regex(screen.split('\n')[0] ?? '', /^(k8s-svc-tui · )?snapshot of context kind-kind · 3 nodes · /);
	term.keys('q');
	const after = await term.waitFor('the exit code', s => s.includes('EXITED='), 5000);
	t.regex(after, /^EXITED=0$/m);
	// tmux wraps the long line at 100 columns.
	const joined = after.replaceAll('\n', '');
	t.true(
		joined.startsWith(`kubectl svcsim: taking a snapshot: kubectl --context=kind-kind get ${RESOURCES} -A -o json…kubectl svcsim: snapshot read: `),
		after,
	);
	t.regex(joined, /snapshot read: \d+ KiB in \d+\.\d s; loading it…EXITED=0/);
});
