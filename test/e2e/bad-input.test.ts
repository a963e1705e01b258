// The bad-input corpus (issue 5): every file in test/fixtures/bad/ (or folder) goes through the
// real binary and must fail the way its NAME.expected says: the exit code and the exact stderr
// lines, one per problem with FILE:LINE:COL, no stack trace, no raw control character, and no
// hang. Big and binary cases are generated at test time into a temporary folder.
//
// NAME.expected: optional `# comment` lines, then `exit N`, then optionally `$ ARGS` (the
// arguments to run instead of the default), then the stderr lines. By default each case runs
// twice, as `check NAME.ext` and as `NAME.ext --script /dev/null`, from the fixture's folder,
// and both must print the same.
//
// The runs go through cli-host.mjs: two node processes that run dist/cli.js again and again, so
// the corpus starts node and loads the CLI about 15 times instead of about 180 (0.3 s of CPU
// each). A run there is what `node dist/cli.js ARGS` does (same argv, cwd, environment, empty
// stdin), its exit code the one cli.js sets, and a run that leaves a timer or handle behind counts
// as a hang. So that the host cannot drift from the binary, the cases most likely to find a
// difference (the generated binary, deep and huge inputs, and the `$ ARGS` ones) also run as a
// process of their own and must print exactly what the host printed; so does the 60 MB dump.

import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {dumpObject, toKubectlYaml} from '../../bench/generate-dump.js';
import {RAW_CONTROL} from '../control-chars.js';
import {fromRoot, ROOT} from '../root.js';
import {buildIfMissing} from './build-dist.js';

const CLI = fileURLToPath(fromRoot('dist/cli.js'));
const BAD = fileURLToPath(fromRoot('test/fixtures/bad/'));
/** A hang guard, not a timing assertion: every case finishes in well under a second here. */
const HANG_GUARD_MS = 30_000;

test.before('build dist/ if `npm test` has not', buildIfMissing);

const scratch = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-bad-'));
test.after.always('remove generated files', () => rmSync(scratch, {recursive: true, force: true}));

interface Ran {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
	/** Active resources a host run left behind (they would keep the process from exiting). */
	lingering: string[];
}

// Two at a time: the machine's cores are shared.
let running = 0;
const queue: Array<() => void> = [];

async function twoAtATime<T>(work: () => Promise<T>): Promise<T> {
	if (running >= 2) await new Promise<void>(resolve => queue.push(resolve));
	running++;
	try {
		return await work();
	} finally {
		running--;
		queue.shift()?.();
	}
}

/** `node dist/cli.js ARGS` in `cwd`, a process of its own. */
const cli = (args: string[], cwd: string, guardMs = HANG_GUARD_MS) => twoAtATime(() => spawnCli(args, cwd, guardMs));

function spawnCli(args: string[], cwd: string, guardMs: number): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(process.execPath, [CLI, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}});
		const timer = setTimeout(() => child.kill('SIGKILL'), guardMs);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr, ms: Date.now() - started, lingering: []});
		});
		child.stdin.end();
	});
}

const HOST = fileURLToPath(fromRoot('test/e2e/cli-host.mjs'));

/** A cli-host.mjs process; one run at a time. A run that hangs kills it (the next run starts another). */
class Host {
	readonly #child: ChildProcess;
	#pending: {resolve: (ran: Ran) => void; timer: NodeJS.Timeout; started: number} | null = null;
	/** Output that bypassed the host's capture (or its dying words): charged to the current run. */
	#leaked = {stdout: '', stderr: ''};
	#alive = true;
	#runs = 0;

	constructor() {
		this.#child = spawn(process.execPath, [HOST], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe', 'ipc']});
		this.#child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.#leaked.stdout += chunk));
		this.#child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.#leaked.stderr += chunk));
		this.#child.on('message', ({code, stdout, stderr, ms, lingering}: Omit<Ran, 'code'> & {code: number | undefined}) => {
			// Let output still in the pipes arrive first. No exit code set means 0, as for a process.
			setImmediate(() => this.#settle({code: code ?? 0, stdout, stderr, ms, lingering}));
		});
		this.#child.on('exit', (code, signal) => {
			this.#alive = false;
			// The run ended the process (process.exit, an uncaught exception) or the hang guard did.
			setImmediate(() => this.#settle({code: signal ? null : code, stdout: '', stderr: '', ms: 0, lingering: []}));
		});
	}

	get idle() {
		return this.#alive && this.#pending === null;
	}

	run(args: string[], cwd: string, guardMs: number): Promise<Ran> {
		return new Promise(resolve => {
			const timer = setTimeout(() => this.#child.kill('SIGKILL'), guardMs);
			this.#pending = {resolve, timer, started: Date.now()};
			this.#child.send({id: ++this.#runs, args, cwd});
		});
	}

	#settle(ran: Ran) {
		const pending = this.#pending;
		if (pending === null) return;
		this.#pending = null;
		clearTimeout(pending.timer);
		const {stdout, stderr} = this.#leaked;
		this.#leaked = {stdout: '', stderr: ''};
		pending.resolve({...ran, stdout: ran.stdout + stdout, stderr: ran.stderr + stderr, ms: ran.ms || Date.now() - pending.started});
	}

	stop() {
		this.#child.kill('SIGKILL');
	}
}

const hosts: Host[] = [];
test.after.always('stop the CLI hosts', () => {
	for (const host of hosts) host.stop();
});

/** `node dist/cli.js ARGS` in `cwd`, run by a host. */
const hosted = (args: string[], cwd: string, guardMs = HANG_GUARD_MS) =>
	twoAtATime(() => {
		let host = hosts.find(h => h.idle);
		if (!host) {
			host = new Host();
			hosts.push(host);
		}
		return host.run(args, cwd, guardMs);
	});

const lines = (text: string) => text.split('\n').filter(l => l !== '');
/** A Node stack frame or an uncaught-error banner. */
const STACK = /^\s+at |node:internal|^\w*Error: /m;

// --- cases generated at test time: binary, huge or deep (kept out of git) ----------------

/** Deterministic bytes (a linear congruential generator). */
function noise(length: number, seed: number): Buffer {
	const bytes = Buffer.alloc(length);
	let x = seed;
	for (let i = 0; i < length; i++) {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		bytes[i] = x >>> 24;
	}
	return bytes;
}

const MB = 1024 * 1024;
const deepDocument = (padding: string) =>
	`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n${padding}`;
/** The same in JSON, one line; JSON.parse (the fast path) takes any depth, the `yaml` path does not. */
const deepJson = (padding: string) =>
	`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}\n${padding}`;
/** `depth` Lists, each the only item of the one before, around one Service. */
const nestedLists = (depth: number, padding: string) =>
	`${'{"apiVersion":"v1","kind":"List","items":['.repeat(depth)}{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80}]}}${']}'.repeat(depth)}\n${padding}`;

const blankLines = `${' '.repeat(150_000)}\n`.repeat(2);

const generated: Record<string, {file: string; make: (path: string) => void}> = {
	// A PNG handed over by mistake: its signature holds CR, LF and SUB (0x1a).
	'binary-file': {
		file: 'binary-file.yaml',
		make: path => writeFileSync(path, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), noise(64 * 1024, 7)])),
	},
	// Bytes from /dev/urandom-like noise, NULs included, with a .json name.
	'binary-json': {file: 'binary-json.json', make: path => writeFileSync(path, Buffer.concat([Buffer.from('{"a'), noise(4096, 11)]))},
	// A raw ESC sequence typed into an annotation: refused before it can reach a terminal.
	'raw-escape-sequence': {
		file: 'raw-escape-sequence.yaml',
		make: path =>
			writeFileSync(
				path,
				'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    title: "\u001b]0;pwned\u0007 \u001b[2J"\nspec:\n  ports:\n    - port: 80\n',
			),
	},
	// 20,000 nested flow sequences: far past the `yaml` parser's stack (small file) …
	'deeply-nested': {file: 'deeply-nested.yaml', make: path => writeFileSync(path, deepDocument(''))},
	// … and past js-yaml's limit on the fast path (over 1 MB): the same message and position.
	'deeply-nested-big': {file: 'deeply-nested-big.yaml', make: path => writeFileSync(path, deepDocument(`# ${'x'.repeat(MB)}\n`))},
	// JSON nested 20,000 deep, small (the `yaml` path) and past FAST_PATH_BYTES (JSON.parse, then
	// the depth check that path lacked): one answer, where js-yaml stops.
	'deeply-nested-json': {file: 'deeply-nested-json.json', make: path => writeFileSync(path, deepJson(''))},
	'deeply-nested-json-big': {file: 'deeply-nested-json-big.json', make: path => writeFileSync(path, deepJson(' '.repeat(300 << 10)))},
	// 5,000 Lists inside each other past the fast-path size: `internal error: Maximum call stack
	// size exceeded` (exit 70) before, as the loader visits a List's items recursively.
	'nested-lists-json-big': {file: 'nested-lists-json-big.json', make: path => writeFileSync(path, nestedLists(5_000, ' '.repeat(300 << 10)))},
	// A 10 MB single-line scalar as a Service name: reported quickly, and not echoed whole.
	'huge-name': {
		file: 'huge-name.yaml',
		make: path => writeFileSync(path, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${'a'.repeat(10 * MB)}\nspec:\n  ports:\n    - port: 80\n`),
	},
	// Latin-1 text in a UTF-8 file (é as the one byte 0xe9): go-yaml's reader stops at the byte
	// that cannot continue the sequence; Node's decoder would have made it U+FFFD and loaded it.
	'invalid-utf8': {
		file: 'invalid-utf8.yaml',
		make: path =>
			writeFileSync(
				path,
				Buffer.concat([
					Buffer.from('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    owner: Ren'),
					Buffer.from([0xe9]),
					Buffer.from('e\nspec:\n  ports:\n    - port: 80\n'),
				]),
			),
	},
	// A one-line JSON List past the fast-path size, the error in its last item: placed at the
	// value, not at 1:1 (the item's slice used to start at its line's start, the whole List).
	'compact-json-last-item-big': {
		file: 'compact-json-last-item-big.json',
		make: path => {
			const service = (name: string, port: number) =>
				`{"apiVersion":"v1","kind":"Service","metadata":{"name":"${name}"},"spec":{"ports":[{"port":${port},"targetPort":80}]}}`;
			writeFileSync(path, `{"apiVersion":"v1","kind":"List","items":[${service('a', 80)},${service('b', 0)}]}${' '.repeat(300 << 10)}\n`);
		},
	},
	// Two 150 KB lines of blanks past the fast-path size (issue 11): the guard that keeps odd keys
	// off js-yaml tried every split of such a line (68 s), in JSON with a syntax error after them
	// (read again as YAML, as kubectl does) and in YAML.
	'blank-lines-big-json': {
		file: 'blank-lines-big-json.json',
		make: path => writeFileSync(path, `{"apiVersion":"v1","kind":"List","items":[\n${blankLines}{"apiVersion":"v1","kind":"Service"}]]}\n`),
	},
	'blank-lines-big-yaml': {
		file: 'blank-lines-big-yaml.yaml',
		make: path => writeFileSync(path, `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${blankLines}spec:\n  ports:\n  - port: 0\n`),
	},
	// A 1 MB tag: the parser's message names it, cut as goQuote cuts values.
	'huge-tag': {
		file: 'huge-tag.yaml',
		make: path =>
			writeFileSync(
				path,
				`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: !${'x'.repeat(MB)} web\nspec:\n  ports:\n    - port: 80\n`,
			),
	},
	// A 10 MB single-line annotation: annotations hold at most 256 KiB together.
	'huge-annotation': {
		file: 'huge-annotation.yaml',
		make: path =>
			writeFileSync(
				path,
				`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    blob: ${'x'.repeat(10 * MB)}\nspec:\n  ports:\n    - port: 80\n`,
			),
	},
};

// --- the corpus ---------------------------------------------------------------------------

interface Expected {
	exit: number;
	args: string[] | null;
	stderr: string[];
}

function parseExpected(name: string): Expected {
	const text = readFileSync(join(BAD, `${name}.expected`), 'utf8');
	const all = text.split('\n');
	if (all.at(-1) === '') all.pop();
	while (all[0]?.startsWith('#')) all.shift();
	const exit = /^exit (\d+)$/.exec(all.shift() ?? '');
	if (!exit) throw new Error(`${name}.expected: the first line must be "exit N"`);
	const args = all[0]?.startsWith('$ ') ? all.shift()!.slice(2).split(' ') : null;
	return {exit: Number(exit[1]), args, stderr: all};
}

const entries = readdirSync(BAD);
const names = entries
	.filter(f => f.endsWith('.expected'))
	.map(f => f.slice(0, -'.expected'.length))
	.sort();

/** The fixture of a case: `NAME` (a folder) or `NAME.<ext>` next to its .expected file. */
function fixtureOf(name: string): string | null {
	return entries.find(f => f === name || (f.startsWith(`${name}.`) && !f.endsWith('.expected'))) ?? null;
}

test('the corpus holds at least 50 cases, and every fixture has its expectation', t => {
	t.true(names.length >= 50, `${names.length} cases`);
	const orphans = entries.filter(f => !f.endsWith('.expected') && !names.some(n => f === n || f.startsWith(`${n}.`)));
	t.deepEqual(orphans, []);
	for (const name of Object.keys(generated)) t.true(names.includes(name), `${name}.expected`);
});

for (const name of names) {
	test(`bad input: ${name}`, async t => {
		const expected = parseExpected(name);
		let cwd = BAD;
		let target: string | null = fixtureOf(name);
		const gen = generated[name];
		if (gen) {
			cwd = scratch;
			target = gen.file;
			gen.make(join(scratch, gen.file));
		}
		const runs: string[][] = [];
		if (expected.args) runs.push(expected.args);
		else {
			if (target === null) t.fail(`no fixture for ${name} and no "$ ARGS" line`);
			runs.push(['check', target!], [target!, '--script', '/dev/null']);
		}
		// The runs of one case are independent: start them together (still two at a time).
		const results = await Promise.all(runs.map(args => hosted(args, cwd)));
		if (results.length === 2) t.deepEqual(results[1]!, {...results[0]!, ms: results[1]!.ms}, 'check and --script print the same');
		if (gen || expected.args) {
			const real = await cli(runs[0]!, cwd);
			t.deepEqual(
				{code: real.code, stdout: real.stdout, stderr: real.stderr},
				{code: results[0]!.code, stdout: results[0]!.stdout, stderr: results[0]!.stderr},
				'the binary, run as a process of its own, prints the same',
			);
		}
		for (const [i, args] of runs.entries()) {
			const r = results[i]!;
			const shown = `k8s-svc-tui ${args.join(' ')} (${r.ms} ms)\n${r.stderr}`;
			t.not(r.code, null, `killed by the hang guard: ${shown}`);
			t.deepEqual(r.lingering, [], `left work behind that would keep the process from exiting: ${shown}`);
			t.is(r.code, expected.exit, shown);
			t.is(r.stdout, '', shown);
			t.deepEqual(lines(r.stderr), expected.stderr, shown);
			t.false(STACK.test(r.stderr), shown);
			t.false(RAW_CONTROL.test(r.stderr), JSON.stringify(r.stderr.match(RAW_CONTROL)));
			if (expected.exit === 1) {
				// One problem per line, each with its position (or the file, for whole-file problems).
				for (const line of lines(r.stderr)) t.regex(line, /^[^:\s]+(:\d+:\d+)?: \S/);
			}
		}
	});
}

// --- a 60 MB realistic dump with one bad Service in the middle -----------------------------

test.serial('a 60 MB kubectl dump with one bad Service: exactly that error, at its line and column', async t => {
	const dump = dumpObject({pods: 8_200}) as {items: Array<Record<string, any>>};
	const services = dump.items.filter(i => i.kind === 'Service' && i.metadata.name !== 'kubernetes');
	const victim = services[Math.floor(services.length / 2)]!;
	// 70000 appears nowhere else in the dump, so the line that holds it is found by search.
	victim.spec.ports[0].port = 70_000;
	const text = toKubectlYaml(dump);
	t.true(text.length >= 55 * MB, `${(text.length / MB).toFixed(1)} MB`);
	const textLines = text.split('\n');
	const row = textLines.findIndex(l => /^\s*(- )?port: 70000$/.test(l));
	t.not(row, -1);
	t.is(
		textLines.findIndex((l, i) => i > row && l.includes('70000')),
		-1,
		'the bad value is unique',
	);
	const col = textLines[row]!.indexOf('70000') + 1;
	writeFileSync(join(scratch, 'dump.yaml'), text);
	// A good load of this file takes a few seconds here; the guard only catches a hang.
	const r = await cli(['check', 'dump.yaml'], scratch, 120_000);
	t.not(r.code, null, 'killed by the hang guard');
	t.log(`check of a ${(text.length / MB).toFixed(0)} MB dump: ${r.ms} ms`);
	t.is(r.code, 1, r.stderr);
	t.deepEqual(lines(r.stderr), [
		`dump.yaml:${row + 1}:${col}: The Service "${victim.metadata.name}" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive`,
	]);
});
