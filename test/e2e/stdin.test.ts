// Standard input through a real shell pipe, from a producer that takes its time, as
// `kubectl get … -o yaml | k8s-svc-tui -` does (issue 11). The CLI must read it to its end,
// whether it holds the manifests (`-`) or the script (`--script -`). A synchronous read of fd 0
// returned EAGAIN here, with nothing or half the text.
//
// Each producer keeps the pipe open for a while after its last byte (HOLD): a reader that stops at
// the first empty read instead of the end then fails even when a busy machine starts the CLI late,
// after the data is there. The tests run one at a time so that they do not slow each other down.

import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import test from 'ava';
import {fromRoot, ROOT} from '../root.js';
// spawn-cli.ts builds dist/cli.js before the tests if `npm test` has not.
import {CLI} from './spawn-cli.js';

const HELLO = 'samples/hello.yaml';

interface Ran {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * `sh -c 'PRODUCER | node dist/cli.js ARGS'` from the project root: fd 0 of the CLI is a pipe
 * whose writer is a shell, not Node (so not a socket pair, as spawn's own stdin would be).
 */
function piped(producer: string, args: string[]): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const script = `(${producer}) | "$0" "$@"`;
		const child = spawn('sh', ['-c', script, process.execPath, CLI, ...args], {
			cwd: ROOT,
			env: {...process.env, NO_COLOR: '1'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

/** Seconds a producer keeps the pipe open after writing; the CLI starts in about 0.3 s. */
const HOLD = 'sleep 1.5';

const HELLO_SERVICES = [
	'NAME             TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE',
	'hello-node-svc   NodePort    10.108.246.108   <none>        80:30036/TCP   0s',
	'kubernetes       ClusterIP   10.96.0.1        <none>        443/TCP        0s',
	'',
].join('\n');

test.serial('check -: manifests that arrive after half a second are all read, and the OK line names <stdin> as its errors do', async t => {
	const r = await piped(`sleep 0.5; cat ${HELLO}; ${HOLD}`, ['check', '-']);
	t.deepEqual(r, {code: 0, stdout: '', stderr: '<stdin>: OK (1 Service, 1 workload, 0 bare pods)\n'});
});

test.serial('check -: manifests written in two parts with a pause between are read whole', async t => {
	// The first part ends inside the ReplicationController; the Service is in the second.
	const size = readFileSync(fromRoot(HELLO)).length;
	t.true(size > 400);
	const r = await piped(`head -c 300 ${HELLO}; ${HOLD}; tail -c +301 ${HELLO}`, ['check', '-']);
	t.deepEqual(r, {code: 0, stdout: '', stderr: '<stdin>: OK (1 Service, 1 workload, 0 bare pods)\n'});
});

test.serial('- with --script FILE: late manifests, then the script runs on them', async t => {
	const r = await piped(`sleep 0.5; cat ${HELLO}; ${HOLD}`, ['-', '--script', 'test/fixtures/cli/script.txt']);
	// script.txt's line 2 asks for Service "api", which hello.yaml does not have.
	t.is(r.code, 1, r.stderr);
	t.is(r.stderr, 'test/fixtures/cli/script.txt:2: Error from server (NotFound): services "api" not found\n');
});

test.serial('--script -: a command that arrives after half a second runs', async t => {
	const r = await piped(`sleep 0.5; echo 'get svc'; ${HOLD}`, [HELLO, '--script', '-']);
	t.deepEqual(r, {code: 0, stdout: HELLO_SERVICES, stderr: ''});
});

test.serial('--script -: commands written one at a time, with pauses, all run in order', async t => {
	const r = await piped(`echo 'get svc kubernetes'; ${HOLD}; echo 'wait 5s'; sleep 0.3; echo 'get svc hello-node-svc'`, [HELLO, '--script', '-', '--echo']);
	t.is(r.code, 0, r.stderr);
	t.deepEqual(r.stdout.split('\n'), [
		'$ get svc kubernetes',
		'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
		'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s',
		'$ wait 5s',
		'$ get svc hello-node-svc',
		'NAME             TYPE       CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE',
		'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   5s',
		'',
	]);
});

test.serial('a folder on standard input is named as one, exit 1', t => {
	// Node hands a folder on fd 0 to the program as an empty stream.
	const folder = spawnSync('sh', ['-c', '"$0" "$@" < /', process.execPath, CLI, 'check', '-'], {cwd: ROOT, encoding: 'utf8'});
	t.deepEqual({code: folder.status, stdout: folder.stdout, stderr: folder.stderr}, {code: 1, stdout: '', stderr: '<stdin>: is a directory\n'});
	const script = spawnSync('sh', ['-c', '"$0" "$@" < /', process.execPath, CLI, HELLO, '--script', '-'], {cwd: ROOT, encoding: 'utf8'});
	t.deepEqual(
		{code: script.status, stdout: script.stdout, stderr: script.stderr},
		{code: 1, stdout: '', stderr: 'error: cannot read script <stdin>: is a directory\n'},
	);
});

test.serial('empty standard input: kubectl apply -f - says there is nothing to apply', async t => {
	const r = await piped(HOLD, ['check', '-']);
	t.deepEqual(r, {code: 1, stdout: '', stderr: '<stdin>: no objects passed to apply\n'});
});

test.serial('check -: piped manifests that are not UTF-8 are refused at the byte, as the same file is', async t => {
	const r = await piped(`printf 'kind: Pod\\nmetadata:\\n  name: a\\377\\n'; ${HOLD}`, ['check', '-']);
	t.deepEqual(r, {code: 1, stdout: '', stderr: '<stdin>:3:10: invalid leading UTF-8 octet\n'});
});
