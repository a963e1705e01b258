// The real binary, spawned: arguments, standard streams and exit codes (0 ok, 1 the manifests
// or the script failed, 2 usage). Messages are one clear line each, never a stack trace.

import {spawn} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import test from 'ava';
import {RAW_CONTROL} from '../control-chars.js';
import {fromRoot, ROOT} from '../root.js';
// spawn-cli.ts builds dist/cli.js before the tests if `npm test` has not.
import {CLI} from './spawn-cli.js';

const FIX = 'test/fixtures/cli';

interface Ran {
	code: number | null;
	stdout: string;
	stderr: string;
}

// Two at a time: the machine's cores are shared, and a crowd of node processes only waits.
let running = 0;
const queue: Array<() => void> = [];

async function cli(args: string[], input = ''): Promise<Ran> {
	if (running >= 2) await new Promise<void>(resolve => queue.push(resolve));
	running++;
	try {
		return await spawnCli(args, input);
	} finally {
		running--;
		queue.shift()?.();
	}
}

/** Run the CLI from the project root; stdin is a pipe (never a terminal) holding `input`. */
function spawnCli(args: string[], input: string): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.on('error', () => {}); // the CLI may exit before reading it
		child.stdin.end(input);
	});
}

const lines = (text: string) => text.split('\n').filter(l => l !== '');
/** A Node stack frame (`    at main (file:///…)`) or an uncaught-error banner. */
const STACK = /^\s+at |Error: .*\n\s+at |node:internal/m;

// --help and --version.

for (const flag of ['--help', '-h']) {
	test(`${flag}: usage on stdout, exit 0`, async t => {
		const r = await cli([flag]);
		t.is(r.code, 0, r.stderr);
		t.true(r.stdout.startsWith('Usage:\n  k8s-svc-tui [FILE|DIR|-]...'));
		t.true(r.stdout.includes('--script FILE|-'));
		t.is(r.stderr, '');
	});
}

test('--version prints the package version and the Kubernetes version it simulates (the kubelet version nodes report)', async t => {
	const r = await cli(['--version']);
	const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {version: string};
	t.is(r.code, 0, r.stderr);
	const nodes = await cli(['samples/hello.yaml', '--script', '-'], "get nodes -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion}'\n");
	t.regex(nodes.stdout, /^v1\.\d+\.\d+\n$/);
	t.is(r.stdout, `k8s-svc-tui ${pkg.version}\nsimulates Kubernetes ${nodes.stdout}`);
});

for (const verb of ['check', 'test', 'samples', 'completion']) {
	test(`${verb} --help: that verb's usage on stdout, exit 0`, async t => {
		const r = await cli([verb, '--help']);
		t.is(r.code, 0, r.stderr);
		t.true(r.stdout.startsWith(`Usage:\n  k8s-svc-tui ${verb}`), r.stdout);
		t.is(r.stderr, '');
	});
}

// Usage errors: exit 2, `error: …` and a pointer to --help, nothing on stdout.

for (const [args, message, input] of [
	[['samples/hello.yaml', '--bogus'], 'error: unknown flag: --bogus'],
	[['samples/hello.yaml', '-x'], 'error: unknown flag: -x'],
	[['check'], 'error: no manifests given: name at least one FILE, DIR or -, or --sample NAME'],
	[['test', '--script', '-'], 'error: no manifests given: name at least one FILE, DIR or -, or --sample NAME'],
	[['samples/hello.yaml', '--seed', 'x'], 'error: invalid --seed "x": want a whole number from 0 to 4294967295'],
	[['samples/hello.yaml', '--seed=-1'], 'error: invalid --seed "-1": want a whole number from 0 to 4294967295'],
	[['samples/hello.yaml', '--script'], 'error: flag needs an argument: --script'],
	[['-', '--script', '-'], 'error: standard input cannot hold both the manifests and the script', 'get svc\n'],
	[['check', 'samples/hello.yaml', '--script', 'x.txt'], 'error: check takes only manifests'],
	[
		['--sample', 'nope', '--script', '-'],
		'error: unknown sample "nope": the samples are affinity, clusterip, externalname, headless, hello, loadbalancer, multiport, netpol-cross-namespace, netpol-default-deny, netpol-wrong-port, nodeport, traffic-policy (k8s-svc-tui samples lists them)',
	],
	[['completion'], 'error: completion needs a shell: bash, zsh or fish'],
	[['completion', 'tcsh'], 'error: unsupported shell "tcsh": want bash, zsh or fish'],
	[['samples', 'hello'], 'error: samples takes no arguments (got "hello"); open one with --sample NAME'],
] as Array<[string[], string, string?]>) {
	test(`usage error, exit 2: ${args.join(' ') || '(no arguments)'}`, async t => {
		const r = await cli(args, input);
		t.is(r.code, 2, r.stderr);
		t.is(r.stdout, '');
		t.deepEqual(lines(r.stderr), [message, 'Run "k8s-svc-tui --help" for usage.']);
	});
}

test('usage errors never echo control characters from arguments', async t => {
	const r = await cli(['samples/hello.yaml', '--seed', '\u001b[2J']);
	t.is(r.code, 2, r.stderr);
	t.is(lines(r.stderr)[0], 'error: invalid --seed "^[[2J": want a whole number from 0 to 4294967295');
});

// The TUI needs a terminal.

test('without a terminal and without --script: exit 2 and a one-line hint, no stack', async t => {
	const r = await cli(['samples/hello.yaml']);
	t.is(r.code, 2, r.stderr);
	t.is(r.stdout, '');
	const err = lines(r.stderr);
	t.is(err.length, 1, r.stderr);
	t.true(err[0]!.startsWith('error: ') && err[0]!.includes('--script'), err[0]);
	t.false(STACK.test(r.stderr));
});

// Where manifests and scripts come from.

test('--script - reads the commands from stdin', async t => {
	const r = await cli(['samples/hello.yaml', '--script', '-'], '# list\nget svc hello-node-svc\n');
	t.is(r.code, 0, r.stderr);
	t.is(
		r.stdout,
		'NAME             TYPE       CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE\n' +
			'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   0s\n',
	);
	t.is(r.stderr, '');
});

test('--echo prints each command before its output', async t => {
	const r = await cli(['samples/hello.yaml', '--script=-', '--echo'], 'get svc kubernetes\nwait 5s\n');
	t.is(r.code, 0, r.stderr);
	t.deepEqual(lines(r.stdout), [
		'$ get svc kubernetes',
		'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
		'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s',
		'$ wait 5s',
	]);
});

test('manifests from stdin (-) with --script FILE', async t => {
	const manifests = readFileSync(fromRoot('samples/hello.yaml'), 'utf8');
	const r = await cli(['-', '--script', `${FIX}/script.txt`], manifests);
	// script.txt asks for Service "api", which hello.yaml does not have: line 2 fails.
	t.is(r.code, 1, r.stderr);
	t.deepEqual(lines(r.stderr), [`${FIX}/script.txt:2: Error from server (NotFound): services "api" not found`]);
});

test('a folder argument loads its *.yaml and *.json files, nothing else', async t => {
	const r = await cli([`${FIX}/folder`, '--script', `${FIX}/script.txt`]);
	t.is(r.code, 0, r.stderr);
	t.deepEqual(lines(r.stdout), [
		'NAME   TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE',
		'api    ClusterIP   10.108.246.108   <none>        80/TCP    0s',
		'NAME   ENDPOINTS                         AGE',
		'api    10.244.0.2:8080,10.244.2.3:8080   0s',
	]);
	t.deepEqual(lines(r.stderr), ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
});

test('a failing script line: exit 1, FILE:LINE: message, output up to that line', async t => {
	const r = await cli(['samples/hello.yaml', '--script', '-'], 'get svc kubernetes\n\ndelete pod nope\nget svc\n');
	t.is(r.code, 1, r.stderr);
	t.is(lines(r.stdout).length, 2);
	t.deepEqual(lines(r.stderr), ['<stdin>:3: Error from server (NotFound): pods "nope" not found']);
});

test('a missing script file: exit 1, one line', async t => {
	const r = await cli(['samples/hello.yaml', '--script', 'nope.txt']);
	t.is(r.code, 1, r.stderr);
	t.deepEqual(lines(r.stderr), ['error: cannot read script nope.txt: no such file or directory']);
});

// Manifests that do not load: exit 1, every problem as FILE:LINE:COL: message.

test('a missing manifest file: exit 1, one clear line, no stack trace', async t => {
	const r = await cli(['nope.yaml', '--script', '-'], 'get svc\n');
	t.is(r.code, 1, r.stderr);
	t.is(r.stdout, '');
	t.deepEqual(lines(r.stderr), ['nope.yaml: no such file or directory']);
});

test('a YAML syntax error: exit 1, FILE:LINE:COL: message', async t => {
	const r = await cli([`${FIX}/syntax-error.yaml`, '--script', '-']);
	t.is(r.code, 1, r.stderr);
	t.is(r.stdout, '');
	const err = lines(r.stderr);
	t.is(err.length, 1);
	t.regex(err[0]!, /^test\/fixtures\/cli\/syntax-error\.yaml:\d+:\d+: \S/);
	t.false(STACK.test(r.stderr));
});

test("a Service validation error: kubectl's message at the field's position (A2, A15)", async t => {
	const r = await cli([`${FIX}/invalid-type.yaml`, '--script', '-']);
	t.is(r.code, 1, r.stderr);
	t.deepEqual(lines(r.stderr), [
		`${FIX}/invalid-type.yaml:6:9: The Service "x" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
	]);
});

test('several errors across two files are all reported', async t => {
	const r = await cli([`${FIX}/errors-a.yaml`, `${FIX}/errors-b.yaml`, '--script', '-']);
	t.is(r.code, 1, r.stderr);
	t.is(r.stdout, '');
	t.deepEqual(lines(r.stderr), [
		`${FIX}/errors-a.yaml:5:9: The Service "Hello_Svc" is invalid: metadata.name: Invalid value: "Hello_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
		`${FIX}/errors-a.yaml:14:1: The Service "no-ports" is invalid: spec.ports: Required value`,
		`${FIX}/errors-b.yaml:9:17: The Service "cluster-np" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
	]);
});

// check.

test('check on a clean sample: exit 0 and a one-line summary', async t => {
	const r = await cli(['check', 'samples/hello.yaml']);
	t.is(r.code, 0, r.stderr);
	t.is(r.stdout, '');
	t.deepEqual(lines(r.stderr), ['samples/hello.yaml: OK (1 Service, 1 workload, 0 bare pods)']);
});

test('check on a folder counts everything in it', async t => {
	const r = await cli(['check', `${FIX}/folder`]);
	t.is(r.code, 0, r.stderr);
	t.deepEqual(lines(r.stderr), [`${FIX}/folder: OK (1 Service, 1 workload, 0 bare pods)`]);
});

test('check warns about routing mistakes at their position and still exits 0', async t => {
	const r = await cli(['check', `${FIX}/lint-warnings.yaml`]);
	t.is(r.code, 0, r.stderr);
	t.deepEqual(lines(r.stderr), [
		`${FIX}/lint-warnings.yaml:44:19: warning: Service "api" port 80: no selected pod has a TCP container port named "htp", so this port has no endpoints`,
		`${FIX}/lint-warnings.yaml:30:5: warning: Service "typo" selects no pods: no pod in namespace "default" has labels app=apii, so it has no endpoints and connections are refused`,
		`${FIX}/lint-warnings.yaml: OK (2 Services, 1 workload, 0 bare pods)`,
	]);
});

test('check on invalid manifests: exit 1', async t => {
	const r = await cli(['check', `${FIX}/invalid-type.yaml`]);
	t.is(r.code, 1, r.stderr);
	t.is(lines(r.stderr).length, 1);
});

// --seed: the only source of randomness.

const SEED_SCRIPT = 'get pods -o wide\ndelete pod -l app=hello-node\nget pods\ncurl hello-node-svc --count 20 --summary\n';

test('--seed changes the random picks; the same seed repeats byte for byte', async t => {
	const [one, two, twoAgain, defaultSeed] = await Promise.all([
		cli(['samples/hello.yaml', '--seed', '1', '--script', '-'], SEED_SCRIPT),
		cli(['samples/hello.yaml', '--seed', '2', '--script', '-'], SEED_SCRIPT),
		cli(['samples/hello.yaml', '--seed=2', '--script', '-'], SEED_SCRIPT),
		cli(['samples/hello.yaml', '--script', '-'], SEED_SCRIPT),
	]);
	for (const r of [one, two, twoAgain, defaultSeed]) t.is(r.code, 0, r.stderr);
	t.not(one.stdout, two.stdout);
	t.is(two.stdout, twoAgain.stdout);
	t.is(two.stderr, twoAgain.stderr);
	t.is(one.stdout, defaultSeed.stdout, 'the default seed is 1');
});

// Untrusted text.

test('control characters in annotations, images and client names never reach stdout raw', async t => {
	const script = ['describe svc web', 'get svc -o yaml', 'get deploy -o wide', 'get deploy -o json', 'get pods -o yaml', 'curl web --from laptop'].join('\n');
	const r = await cli([`${FIX}/control-chars.yaml`, '--script', '-'], script);
	t.is(r.code, 1, 'the last line names an unknown client');
	t.false(RAW_CONTROL.test(r.stdout), JSON.stringify(r.stdout.match(RAW_CONTROL)));
	t.false(RAW_CONTROL.test(r.stderr), JSON.stringify(r.stderr));
	t.true(r.stdout.includes('Annotations:              evil: ^[[31mred^[[0m^G'));
	t.true(r.stdout.includes('evil: "\\e[31mred\\e[0m\\a"'), 'YAML keeps its own escapes');
	t.true(lines(r.stderr).at(-1)!.endsWith('(known: pod/NAME, node/NAME, external, lap^[[31mtop)'));
});

test('an externalName with control characters is rejected without replaying them', async t => {
	const r = await cli([`${FIX}/control-externalname.yaml`, '--script', '-'], 'get svc\n');
	t.is(r.code, 1, r.stderr);
	t.is(r.stdout, '');
	t.false(RAW_CONTROL.test(r.stderr), JSON.stringify(r.stderr));
	t.deepEqual(lines(r.stderr).length, 1);
	t.true(
		r.stderr.startsWith(
			`${FIX}/control-externalname.yaml:9:17: The Service "evil" is invalid: spec.externalName: Invalid value: "db.example.com\\x1b]0;pwned\\a": `,
		),
	);
});

test('the built bin is executable, so `npx k8s-svc-tui` can run it (tsc writes it without the bit)', t => {
	t.truthy(statSync(CLI).mode & 0o111, 'npm run build sets the execute bit on dist/cli.js');
});
