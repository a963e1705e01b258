// --validate through the real binary (cli.tsx → session/boot.ts → loadSources), as kubectl's
// flag behaves (pkg/cmd/util/helpers.go GetValidationDirective): strict (or true, the default)
// fails on an unknown field, warn prints it and goes on, ignore (or false) says nothing.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
// spawn-cli.ts builds dist/cli.js before the tests if `npm test` has not.
import {CLI} from './spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-validate-'));
test.after.always('remove the scratch folder', () => rmSync(dir, {recursive: true, force: true}));
writeFileSync(
	join(dir, 'svc.yaml'),
	['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '    - port: 80', '      targetport: 8080', ''].join('\n'),
);
writeFileSync(join(dir, 'script.txt'), 'get svc web\n');

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
const unknown = 'svc.yaml:8:7: Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"';

for (const flag of [[], ['--validate'], ['--validate=strict'], ['--validate=true'], ['--validate=STRICT']]) {
	test(`check ${flag.join(' ') || '(no flag)'}: an unknown field fails with the API server's text`, t => {
		const r = run('check', 'svc.yaml', ...flag);
		t.is(r.status, 1);
		t.is(r.stderr.trim(), unknown);
	});
}

test('--validate=warn: kubectl\'s "unknown field" warning, and the script runs on the loaded Service', t => {
	const r = run('svc.yaml', '--validate=warn', '--script', 'script.txt');
	t.is(r.status, 0, r.stderr);
	t.true(r.stderr.includes('svc.yaml:8:7: warning: unknown field "spec.ports[0].targetport"'), r.stderr);
	t.regex(r.stdout, /^NAME\s+TYPE\s+CLUSTER-IP/);
	t.regex(r.stdout, /\nweb\s+ClusterIP\s/);
});

for (const mode of ['false', 'ignore']) {
	test(`--validate=${mode}: nothing is said about the unknown field`, t => {
		const r = run('check', 'svc.yaml', `--validate=${mode}`);
		t.false(r.stderr.includes('unknown field'), r.stderr);
		t.false(r.stderr.includes('targetport'), r.stderr);
	});
}

test("an invalid --validate value is a usage error with kubectl's wording", t => {
	const r = run('check', 'svc.yaml', '--validate=sometimes');
	t.is(r.status, 2);
	t.true(r.stderr.includes('invalid - validate option "sometimes"; must be one of: strict (or true), warn, ignore (or false)'), r.stderr);
});
