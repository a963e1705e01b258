// Issue 11, "Terminal and files": `--record FILE` through the real binary in --script mode. A
// path that cannot be written is refused before the session starts, with the system's reason
// (the TUI's side of it is in terminal-files.test.ts); a write that fails later says so at the
// end; file names in the header are quoted so the record stays one valid script; and --script
// records its own commands as the TUI does, so the record replays to the same state.

import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {fromRoot} from '../root.js';
import {cli, STACK} from './spawn-cli.js';

const HELLO = 'samples/hello.yaml';
const HEADER = ['# k8s-svc-tui session; replay it with:', '#   k8s-svc-tui samples/hello.yaml --seed 1 --script THIS_FILE'];

function scratch(t: ExecutionContext): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-record-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

const cases: Array<[string, (dir: string) => string, string]> = [
	['/dev/full', () => '/dev/full', 'no space left on device'],
	['a directory', dir => dir, 'is a directory'],
	['a file in a missing folder', dir => join(dir, 'missing', 'session.txt'), 'no such file or directory'],
	['a path through a file', () => `${fromRoot(HELLO).pathname}/session.txt`, 'not a directory'],
];

for (const [what, pathIn, reason] of cases) {
	test(`--record to ${what}: one line with the system's reason, exit 1, before any command runs`, async t => {
		const path = pathIn(scratch(t));
		const r = await cli([HELLO, '--script', '-', '--record', path], 'get pods\n');
		t.is(r.code, 1);
		t.is(r.stdout, '', 'no command ran');
		t.is(r.stderr, `error: --record ${path}: ${reason}\n`);
	});
}

const SCRIPT = [
	'wait 2s',
	'get pods',
	'delete pod -l app=hello-node',
	'# a comment',
	'describe rc hello-node',
	'scale rc hello-node --replicas=5',
	'wait 1s',
	'scale rc hello-node --replicas=2',
	'wait 3s',
];

test('--script with --record: the commands that change the cluster are recorded, as the TUI records them', async t => {
	const file = join(scratch(t), 'session.txt');
	const r = await cli([HELLO, '--script', '-', '--record', file], `${SCRIPT.join('\n')}\n`);
	t.is(r.code, 0, r.stderr);
	t.deepEqual(readFileSync(file, 'utf8').split('\n'), [
		...HEADER,
		'wait 2s',
		'delete pod -l app=hello-node',
		'scale rc hello-node --replicas=5',
		'wait 1s',
		'scale rc hello-node --replicas=2',
		'wait 3s',
		'',
	]);
});

test('the record of a --script run replays to the same cluster', async t => {
	const file = join(scratch(t), 'session.txt');
	const look = 'get pods -o wide';
	const original = await cli([HELLO, '--script', '-', '--record', file], `${[...SCRIPT, look].join('\n')}\n`);
	const replayed = await cli([HELLO, '--script', '-'], `${readFileSync(file, 'utf8')}${look}\n`);
	t.is(replayed.code, 0, replayed.stderr);
	const pods = original.stdout.slice(original.stdout.lastIndexOf('NAME '));
	t.regex(pods, /Terminating/, 'the deleted pods are still terminating');
	t.is(replayed.stdout.slice(replayed.stdout.lastIndexOf('NAME ')), pods);
});

test('a script that fails keeps the line that changed the cluster before failing, and exits 1', async t => {
	const file = join(scratch(t), 'session.txt');
	const r = await cli([HELLO, '--script', '-', '--record', file], 'scale rc hello-node --replicas=4\ndelete pod nope\nwait 1s\n');
	t.is(r.code, 1);
	t.is(r.stderr, '<stdin>:2: Error from server (NotFound): pods "nope" not found\n');
	t.deepEqual(readFileSync(file, 'utf8').split('\n'), [...HEADER, 'scale rc hello-node --replicas=4', '']);
});

test('a write that fails mid-run (file size limit) says so at the end: one line, exit 1, no stack', async t => {
	const file = join(scratch(t), 'session.txt');
	// 512-byte file size limit (sh's `ulimit -f 1`), SIGXFSZ ignored so the write fails with EFBIG.
	const waits = Array.from({length: 150}, (_, i) => `wait ${i + 1}ms`).join('\n');
	const r = spawnSync('sh', ['-c', `trap '' XFSZ; ulimit -f 1; exec "$0" dist/cli.js ${HELLO} --script - --record "$1"`, process.execPath, file], {
		input: `${waits}\n`,
		encoding: 'utf8',
	});
	t.is(r.status, 1);
	t.is(r.stderr, `error: --record ${file}: file too large; the session is not fully saved\n`);
	t.false(STACK.test(r.stderr));
	t.is(readFileSync(file).length, 512, 'what fitted was written');
});

test("a manifest whose name holds a newline cannot inject a command into the header: bash $'…' quoting", async t => {
	const dir = scratch(t);
	const evil = join(dir, 'my app\ndelete pod -l app=hello-node\n\u001b[2J\u202e.yaml');
	copyFileSync(fromRoot(HELLO), evil);
	const file = join(dir, 'session.txt');
	const r = await cli([evil, '--script', '-', '--record', file], 'scale rc hello-node --replicas=2\n');
	t.is(r.code, 0, r.stderr);
	const lines = readFileSync(file, 'utf8').split('\n');
	const word = String.raw`$'${dir}/my app\ndelete pod -l app=hello-node\n\E[2J\u202e.yaml'`;
	t.deepEqual(lines, [HEADER[0], `#   k8s-svc-tui ${word} --seed 1 --script THIS_FILE`, 'scale rc hello-node --replicas=2', '']);
	// The quoted word is the file's name to a shell, so the header's command line is right.
	const bash = spawnSync('bash', ['-c', `printf %s ${word}`], {encoding: 'utf8'});
	if (bash.status === 0) t.is(bash.stdout, evil);
	// And the record is still a script that replays without an error.
	const replayed = await cli([evil, '--script', file]);
	t.is(replayed.code, 0, replayed.stderr);
});

test("a name with a space or a quote is single-quoted ('it'\\''s.yaml')", async t => {
	const dir = scratch(t);
	const named = join(dir, "it's here.yaml");
	copyFileSync(fromRoot(HELLO), named);
	const file = join(dir, 'session.txt');
	const r = await cli([named, '--script', '-', '--record', file], 'wait 1s\n');
	t.is(r.code, 0, r.stderr);
	t.is(readFileSync(file, 'utf8').split('\n')[1], `#   k8s-svc-tui '${dir}/it'\\''s here.yaml' --seed 1 --script THIS_FILE`);
});
