// The package as a user gets it: `npm pack`, the tarball installed into an empty prefix, and the
// installed programs run from there: k8s-svc-tui headless on a bundled sample, `samples`, and
// kubectl-svcsim and kubectl_complete-svcsim as kubectl finds them on PATH. npm fetches what its
// cache lacks (--prefer-offline); without a network and a cache that fails, and the test is
// skipped outside CI with a message saying so.

import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import test from 'ava';
import {IN_CI} from '../prerequisites.js';
import {ROOT} from '../root.js';
import './spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svc-pack-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

const npm = (args: string[]) => spawnSync('npm', args, {cwd: ROOT, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}});

test('npm pack ships dist/, bin/ and samples/; installed into an empty prefix, its programs run', t => {
	// dist/ is built already (spawn-cli.ts, or npm test): pack it as it is.
	const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
	t.is(packed.status, 0, packed.stderr);
	const [info] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string; mode: number}>}>;
	const files = new Map(info?.files.map(f => [f.path, f.mode]));
	for (const path of [
		'dist/cli.js',
		'dist/completion.js',
		'bin/kubectl-svcsim.js',
		'bin/kubectl_complete-svcsim.js',
		'samples/hello.yaml',
		'samples/hello-routes.txt',
		'README.md',
	]) {
		t.true(files.has(path), `${path} is in the package`);
	}
	t.false(
		[...files.keys()].some(p => p.startsWith('test/') || p.startsWith('source/')),
		'tests and TypeScript sources stay out',
	);
	// The bundle alone (scripts/bundle.mjs): not tsc's module tree under it, nor the source maps.
	t.deepEqual(
		[...files.keys()].filter(p => p.startsWith('dist/source/') || p.endsWith('.map') || p === 'dist/meta.json'),
		[],
	);
	t.true(
		[...files.keys()].some(p => p.startsWith('dist/chunks/')),
		'the chunks cli.js imports are in the package',
	);

	const prefix = join(dir, 'prefix');
	const tarball = join(dir, info?.filename ?? '');
	const installed = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball]);
	if (installed.status !== 0 && /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(installed.stderr) && !IN_CI) {
		t.log(`skipped: npm could not fetch the dependencies (no network, and not in the cache):\n${installed.stderr}`);
		t.pass();
		return;
	}
	t.is(installed.status, 0, installed.stderr);
	const bin = join(prefix, 'bin');
	for (const name of ['k8s-svc-tui', 'kubectl-svcsim', 'kubectl_complete-svcsim']) t.true(existsSync(join(bin, name)), `${name} is installed`);

	// As a user runs them: by name on PATH, from a folder that is not the project's.
	const env = {...process.env, PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1'};
	const run = (command: string, args: string[], input = '') => spawnSync(command, args, {cwd: dir, env, input, encoding: 'utf8'});

	const script = run('k8s-svc-tui', ['--sample', 'hello', '--script', '-'], 'get svc hello-node-svc\ncurl hello-node-svc --count 10 --summary\n');
	t.is(script.status, 0, script.stderr);
	t.regex(script.stdout, /^NAME {13}TYPE {7}CLUSTER-IP {7}EXTERNAL-IP {3}PORT\(S\) {8}AGE\nhello-node-svc {3}NodePort/);
	t.regex(script.stdout, /10 requests: 10 ok/);

	const tests = run('k8s-svc-tui', ['test', '--sample', 'hello', '--script', join(prefix, 'lib/node_modules/k8s-svc-tui/samples/hello-routes.txt')]);
	t.is(tests.status, 0, tests.stderr);
	t.regex(tests.stderr, /checks, \d+ passed, 0 failed\n$/);

	const samples = run('k8s-svc-tui', ['samples']);
	t.is(samples.status, 0, samples.stderr);
	t.regex(samples.stdout, /^hello \(default\) +get pods -o wide/m);

	const version = run('kubectl-svcsim', ['--version']);
	t.is(version.status, 0, version.stderr);
	t.regex(version.stdout, /^kubectl svcsim \d+\.\d+\.\d+\nsimulates Kubernetes v1\.\d+\.\d+\n$/);

	const completion = run('kubectl_complete-svcsim', ['--sample', 'he']);
	t.is(completion.status, 0, completion.stderr);
	t.is(completion.stdout, 'headless\nhello\n:4\n');
});
