// Resource bounds of the real binary (issue 11, README "Limits"): inputs that used to run until
// killed, fill the memory, or take time quadratic in their size are refused or answered within a
// bound on the child's own CPU time and peak memory, measured by /usr/bin/time (or, without it,
// by the child itself at exit: process.resourceUsage). Never wall-clock time: a busy machine
// slows a run down without making it use more CPU. Big inputs are generated here into a
// temporary folder; sparse files cost no disk.
//
// Each bound sits between what the fixed code uses here and what the code before the fix used
// (the numbers in each test's comment), with room for a slower machine on the fixed side.

import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {ROOT} from '../root.js';
import {CLI} from './spawn-cli.js';

const TIME = '/usr/bin/time';
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'limits-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

interface Measured {
	code: number | null;
	stdout: string;
	stderr: string;
	/** User + system CPU seconds of the CLI's own process. */
	cpu: number;
	/** Its peak resident memory, in MB. */
	rssMB: number;
}

/** Without /usr/bin/time: the child writes its own usage to USAGE_FILE as it exits. */
const reportUsage = `data:text/javascript,${encodeURIComponent(
	"import {writeFileSync} from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.USAGE_FILE, [u.maxRSS, u.userCPUTime / 1e6, u.systemCPUTime / 1e6].join(' ')); });",
)}`;

let runs = 0;

/** `node dist/cli.js ARGS` from the project root, stdin from `stdinPath` (else empty). */
function measure(args: string[], stdinPath = '/dev/null'): Promise<Measured> {
	const usage = join(dir, `usage-${runs++}.txt`);
	const command = existsSync(TIME)
		? [TIME, '-o', usage, '-f', '%M %U %S', process.execPath, CLI, ...args]
		: [process.execPath, '--import', reportUsage, CLI, ...args];
	const stdin = openSync(stdinPath, 'r');
	return new Promise((resolve, reject) => {
		const child = spawn(command[0] as string, command.slice(1), {
			cwd: ROOT,
			env: {...process.env, NO_COLOR: '1', USAGE_FILE: usage},
			stdio: [stdin, 'pipe', 'pipe'],
		});
		closeSync(stdin);
		let stdout = '';
		let stderr = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => {
			// /usr/bin/time exits with the command's code; its report goes to the -o file.
			const [kb, user, system] = readFileSync(usage, 'utf8').trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
			resolve({code, stdout, stderr, cpu: user + system, rssMB: kb / 1024});
		});
	});
}

const lines = (text: string) => text.split('\n').filter(line => line !== '');

/** The outcome, then the bounds, each failing with what was measured. */
function within(t: import('ava').ExecutionContext, run: Measured, bounds: {cpu: number; rssMB: number}): void {
	t.log(`CPU ${run.cpu.toFixed(2)} s, peak RSS ${run.rssMB.toFixed(0)} MB`);
	t.true(run.cpu <= bounds.cpu, `CPU ${run.cpu.toFixed(2)} s, bound ${bounds.cpu} s`);
	t.true(run.rssMB <= bounds.rssMB, `peak RSS ${run.rssMB.toFixed(0)} MB, bound ${bounds.rssMB} MB`);
}

/** What a NUL at the start says: manifests are scanned as they are read (source/load/stream-scan.ts). */
const NUL = '1:1: control characters are not allowed (found "\\x00")';

// Before: read until killed (20 s and still growing); then 128 MiB read and refused. Now the
// scan of its first chunk finds a NUL and reading stops there.
test('/dev/zero as a manifest stops at its first byte, a control character', async t => {
	const run = await measure(['check', '/dev/zero']);
	t.deepEqual({code: run.code, stdout: run.stdout, stderr: lines(run.stderr)}, {code: 1, stdout: '', stderr: [`/dev/zero:${NUL}`]});
	within(t, run, {cpu: 3, rssMB: 400});
});

test('/dev/urandom as a script is refused past its budget, /dev/zero on standard input at its first byte', async t => {
	const script = await measure(['samples/hello.yaml', '--script', '/dev/urandom']);
	t.deepEqual(
		{code: script.code, stdout: script.stdout, stderr: lines(script.stderr)},
		{code: 1, stdout: '', stderr: ['error: cannot read script /dev/urandom: file too large: k8s-svc-tui reads at most 128 MiB of a script']},
	);
	within(t, script, {cpu: 4, rssMB: 400});
	const stdin = await measure(['check', '-'], '/dev/zero');
	t.deepEqual({code: stdin.code, stderr: lines(stdin.stderr)}, {code: 1, stderr: [`<stdin>:${NUL}`]});
	within(t, stdin, {cpu: 3, rssMB: 400});
});

// Before: 2.9 s and 677 MB to say `1:1: invalid UTF-8` (V8 cannot build a 600 MB string); then
// refused by its size, unread. Now within the manifests' budget (4096 MiB, streamed), it is
// scanned and stops at its first NUL; as a script it is still refused by its size.
test('a 600 MB file of NULs, as manifest or on standard input, stops at its first byte; as script it is refused by its size', async t => {
	const big = join(dir, 'big.yaml');
	writeFileSync(big, '');
	truncateSync(big, 600 * MB);
	const asManifest = await measure(['check', big]);
	t.deepEqual({code: asManifest.code, stderr: lines(asManifest.stderr)}, {code: 1, stderr: [`${big}:${NUL}`]});
	within(t, asManifest, {cpu: 2, rssMB: 130});
	const onStdin = await measure(['check', '-'], big);
	t.deepEqual({code: onStdin.code, stderr: lines(onStdin.stderr)}, {code: 1, stderr: [`<stdin>:${NUL}`]});
	within(t, onStdin, {cpu: 2, rssMB: 130});
	const asScript = await measure(['samples/hello.yaml', '--script', big]);
	t.deepEqual(
		{code: asScript.code, stderr: lines(asScript.stderr)},
		{code: 1, stderr: [`error: cannot read script ${big}: file too large: k8s-svc-tui reads at most 128 MiB of a script`]},
	);
	within(t, asScript, {cpu: 2, rssMB: 130});
});

/** A kind: List of `count` Services on one line; every tenth has port 70000. */
function oneLineList(count: number): string {
	const items = Array.from({length: count}, (_, i) => ({
		apiVersion: 'v1',
		kind: 'Service',
		metadata: {name: `svc-${i}`, namespace: 'default', labels: {app: `app-${i}`, tier: 'backend'}, annotations: {'example.com/note': 'x'.repeat(100)}},
		spec: {
			selector: {app: `app-${i}`},
			ports: [
				{name: 'http', port: i % 10 === 9 ? 70000 : 80, targetPort: 8080, protocol: 'TCP'},
				{name: 'https', port: 443, targetPort: 8443, protocol: 'TCP'},
			],
		},
	}));
	return `${JSON.stringify({apiVersion: 'v1', kind: 'List', items})}\n`;
}

// Before (7ed763f^): 12.2 s CPU and 1.17 GB, each error's position parsed the line from its start
// up to its item. Now 0.6 s and 80 MB: each item with an error is parsed alone.
test('100 errors in a 287 KB one-line JSON List are placed in linear time', async t => {
	const path = join(dir, 'one-line.json');
	writeFileSync(path, oneLineList(640));
	t.true(readFileSync(path).length > 280_000);
	const run = await measure(['check', path]);
	const errors = lines(run.stderr);
	t.is(run.code, 1);
	within(t, run, {cpu: 3, rssMB: 300});
	t.is(errors.length, 64);
	t.regex(
		errors[0] ?? '',
		/^.*one-line\.json:1:\d+: The Service "svc-9" is invalid: spec\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535, inclusive$/,
	);
	// Each at its own item: columns grow along the line.
	const columns = errors.map(line => Number(/:1:(\d+): /.exec(line)?.[1]));
	t.deepEqual(
		columns,
		[...columns].sort((a, b) => a - b),
	);
	t.is(new Set(columns).size, 64);
});

// Before: 34 s CPU and 1.4 GB to build a million Pending pods, exit 0. Now 0.3 s, 64 MB.
test('ten workloads of 100,000 replicas are refused at load, at the first past 150,000 pods', async t => {
	const run = await measure(['check', 'test/fixtures/bad/pods-past-cluster-limit.yaml']);
	t.deepEqual(
		{code: run.code, stderr: lines(run.stderr)},
		{
			code: 1,
			stderr: [
				'test/fixtures/bad/pods-past-cluster-limit.yaml:29:13: The Deployment "web-1" is invalid: spec.replicas: Invalid value: 100000: k8s-svc-tui simulates at most 150000 pods per cluster (this would make 200000)',
			],
		},
	);
	within(t, run, {cpu: 2, rssMB: 200});
});

const statefulSet = (nodes: number) => `apiVersion: k8s-svc-tui/v1
kind: Cluster
nodes: ${nodes}
podCIDR: 10.0.0.0/8
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx}]}
`;

test('scale past 150,000 pods in the cluster is refused; the pods a StatefulSet has not made yet count', async t => {
	// No nodes: web-0 stays Pending, so the StatefulSet makes no other pod, yet asks for 100,000.
	const manifest = join(dir, 'no-nodes.yaml');
	writeFileSync(manifest, statefulSet(0));
	const script = join(dir, 'scale.txt');
	writeFileSync(script, 'scale sts web --replicas=100000\nscale deploy api --replicas=49998\nscale deploy api --replicas=49999\n');
	const run = await measure([manifest, '--script', script]);
	t.deepEqual(
		{code: run.code, stdout: lines(run.stdout), stderr: lines(run.stderr)},
		{
			code: 1,
			stdout: ['statefulset.apps/web scaled', 'deployment.apps/api scaled'],
			stderr: [`${script}:3: error: k8s-svc-tui simulates at most 150000 pods per cluster (this would make 150001)`],
		},
	);
	within(t, run, {cpu: 8, rssMB: 600});
});

// Before: 8,000 pods starting one by one took 19.6 s CPU, a scale-down of 4,000 10.4 s (each pod
// change listed every pod and walked from ordinal 0). Now about 2.5 s for both together.
test('a StatefulSet of 6,000 starts one pod at a time and scales to 0 in linear time', async t => {
	const manifest = join(dir, 'sts.yaml');
	writeFileSync(manifest, statefulSet(100));
	const script = join(dir, 'sts.txt');
	writeFileSync(script, 'scale sts web --replicas=6000\nwait 18000s\nget sts web\nscale sts web --replicas=0\nwait 200000s\nget sts web\n');
	const run = await measure([manifest, '--script', script]);
	t.is(run.code, 0, run.stderr);
	t.deepEqual(
		lines(run.stdout).filter(line => line.startsWith('web ')),
		['web    6000/6000   5h      ', 'web    0/0     2d12h   '].map(line => line.trimEnd()),
	);
	within(t, run, {cpu: 8, rssMB: 600});
});
