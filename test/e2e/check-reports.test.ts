// `check`'s reports for CI with the real binary (issue 13, "Routing tests for CI"): -o json on
// stdout, --junit valid against the JUnit schema CI systems read, exit 1 on errors, and the OK
// line's NetworkPolicy count.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {IN_CI} from '../prerequisites.js';
import {fromRoot} from '../root.js';
import {cli, STACK} from './spawn-cli.js';

const FIX = 'test/fixtures/cli';
const SCHEMA = fileURLToPath(fromRoot('test/fixtures/junit/junit.xsd'));
const HAVE_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

const ERRORS_A = [
	`The Service "Hello_Svc" is invalid: metadata.name: Invalid value: "Hello_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
	'The Service "no-ports" is invalid: spec.ports: Required value',
];
const ERROR_B = `The Service "cluster-np" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`;
const WRONG_PORT =
	'NetworkPolicy "api-from-frontend" spec.ingress[0] port 80/TCP is the port of Service "api", which the pods it selects do not expose: policies see a connection after the Service translates it, on targetPort "http" (8080), so this port never matches it; allow 8080 (or the name "http") instead';

function tempDir(t: ExecutionContext): string {
	const dir = mkdtempSync(join(tmpdir(), 'check-reports-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

/** xmllint --schema's verdict on a report file; skipped (logged) without xmllint, failed under CI. */
function assertSchemaValid(t: ExecutionContext, file: string): void {
	if (!HAVE_XMLLINT) {
		if (IN_CI) t.fail('xmllint is not installed (Debian: libxml2-utils); under CI a missing xmllint fails this test.');
		else t.log('xmllint is not installed: the schema check is skipped (under CI this fails).');
		return;
	}
	const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], {encoding: 'utf8'});
	t.is(r.status, 0, r.stderr);
}

// netpol-default-deny.yaml holds four (default-deny, allow-dns, web-from-client, client-to-web), netpol-wrong-port.yaml one.
test('the OK line counts NetworkPolicies when there are some, and reads as before when there are none', async t => {
	const [policies, none] = await Promise.all([cli(['check', 'samples/netpol-default-deny.yaml']), cli(['check', 'samples/hello.yaml'])]);
	t.is(policies.code, 0, policies.stderr);
	t.is(policies.stderr, 'samples/netpol-default-deny.yaml: OK (1 Service, 1 workload, 2 bare pods, 4 NetworkPolicies)\n');
	t.is(none.stderr, 'samples/hello.yaml: OK (1 Service, 1 workload, 0 bare pods)\n');
	const one = await cli(['check', 'samples/netpol-wrong-port.yaml']);
	t.true(one.stderr.endsWith('samples/netpol-wrong-port.yaml: OK (1 Service, 1 workload, 1 bare pod, 1 NetworkPolicy)\n'), one.stderr);
});

test('check -o json: one document on stdout with the files, counts and warnings check prints, nothing on stderr, exit 0', async t => {
	const r = await cli(['check', 'samples/netpol-default-deny.yaml', 'samples/netpol-wrong-port.yaml', '-o', 'json']);
	t.is(r.code, 0, r.stderr);
	t.is(r.stderr, '');
	t.true(r.stdout.endsWith('}\n') && r.stdout.indexOf('\n') === r.stdout.length - 1, 'one line, one document');
	t.deepEqual(JSON.parse(r.stdout), {
		files: ['samples/netpol-default-deny.yaml', 'samples/netpol-wrong-port.yaml'],
		ok: true,
		counts: {services: 2, workloads: 2, barePods: 3, networkPolicies: 5},
		skipped: {},
		diagnostics: [{file: 'samples/netpol-wrong-port.yaml', line: 22, col: 17, severity: 'warning', message: WRONG_PORT}],
	});
	// The same words as the text output's warning line.
	const text = await cli(['check', 'samples/netpol-wrong-port.yaml']);
	t.true(text.stderr.startsWith(`samples/netpol-wrong-port.yaml:22:17: warning: ${WRONG_PORT}\n`), text.stderr);
	// pflag's other spellings.
	for (const flags of [['-ojson'], ['-o=json'], ['--output=json'], ['--output', 'json']]) {
		const again = await cli(['check', 'samples/hello.yaml', ...flags]);
		t.is(again.code, 0, `${flags.join(' ')}: ${again.stderr}`);
		t.like(JSON.parse(again.stdout), {ok: true, counts: {services: 1, workloads: 1, barePods: 0, networkPolicies: 0}});
	}
});

test('check -o json with errors: every error positioned, a file that is missing too, counts null, exit 1', async t => {
	const r = await cli(['check', `${FIX}/errors-a.yaml`, `${FIX}/errors-b.yaml`, `${FIX}/no-such.yaml`, '-o', 'json']);
	t.is(r.code, 1);
	t.is(r.stderr, '');
	t.false(STACK.test(r.stdout));
	const doc = JSON.parse(r.stdout);
	t.false(doc.ok);
	t.is(doc.counts, null);
	t.deepEqual(doc.files, [`${FIX}/errors-a.yaml`, `${FIX}/errors-b.yaml`, `${FIX}/no-such.yaml`]);
	// Read errors first, then validation's in file order: the order the text output prints them.
	t.deepEqual(doc.diagnostics, [
		{file: `${FIX}/no-such.yaml`, line: 0, col: 0, severity: 'error', message: 'no such file or directory'},
		{file: `${FIX}/errors-a.yaml`, line: 5, col: 9, severity: 'error', message: ERRORS_A[0]},
		{file: `${FIX}/errors-a.yaml`, line: 14, col: 1, severity: 'error', message: ERRORS_A[1]},
		{file: `${FIX}/errors-b.yaml`, line: 9, col: 17, severity: 'error', message: ERROR_B},
	]);
});

test('check --junit: a test case per file, failed by its errors (all in one failure), warnings as system-out; valid against the schema; exit 1 on errors', async t => {
	const dir = tempDir(t);
	const report = join(dir, 'check.xml');
	const r = await cli(['check', `${FIX}/errors-a.yaml`, `${FIX}/errors-b.yaml`, '--junit', report]);
	t.is(r.code, 1);
	// stderr is what check prints without --junit.
	t.deepEqual(r.stderr.split('\n').filter(Boolean), [
		`${FIX}/errors-a.yaml:5:9: ${ERRORS_A[0]}`,
		`${FIX}/errors-a.yaml:14:1: ${ERRORS_A[1]}`,
		`${FIX}/errors-b.yaml:9:17: ${ERROR_B}`,
	]);
	const xml = readFileSync(report, 'utf8');
	assertSchemaValid(t, report);
	t.true(xml.includes('<testsuite name="check" id="0" tests="2" failures="2" errors="0" skipped="0" time="0">'), xml);
	t.true(xml.includes(`<testcase classname="check" name="${FIX}/errors-a.yaml" time="0">`), xml);
	t.true(xml.includes(`<failure message="${FIX}/errors-a.yaml:5:9: The Service &quot;Hello_Svc&quot; is invalid: `), xml);
	t.true(xml.includes(' (and 1 more error)" type="validation">'), xml);
	t.true(xml.includes(`\n${FIX}/errors-a.yaml:14:1: The Service "no-ports" is invalid: spec.ports: Required value</failure>`), xml);
	t.is((xml.match(/<failure /g) ?? []).length, 2);

	const clean = join(dir, 'clean.xml');
	const ok = await cli(['check', 'samples/hello.yaml', 'samples/netpol-wrong-port.yaml', '--junit', clean]);
	t.is(ok.code, 0, ok.stderr);
	assertSchemaValid(t, clean);
	const cleanXml = readFileSync(clean, 'utf8');
	t.true(cleanXml.includes('<testsuite name="check" id="0" tests="2" failures="0" errors="0" skipped="0" time="0">'), cleanXml);
	t.true(cleanXml.includes('<testcase classname="check" name="samples/hello.yaml" time="0"/>'), cleanXml);
	t.true(
		cleanXml.includes(
			'<testcase classname="check" name="samples/netpol-wrong-port.yaml" time="0">\n      <system-out>samples/netpol-wrong-port.yaml:22:17: warning: NetworkPolicy "api-from-frontend"',
		),
		cleanXml,
	);
});

test('check --junit: a file with errors and warnings has its failure, then its warnings as system-out, in the order the schema wants', async t => {
	const dir = tempDir(t);
	const manifest = join(dir, 'mixed.yaml');
	writeFileSync(
		manifest,
		[
			'apiVersion: v1',
			'kind: Service',
			'metadata: {name: ok}',
			'spec:',
			'  selector: {app: a}',
			'  bogus: 1',
			'  ports: [{port: 80}]',
			'---',
			'apiVersion: v1',
			'kind: Service',
			'metadata: {name: bad}',
			'spec:',
			'  type: Foo',
			'  ports: [{port: 80}]',
			'',
		].join('\n'),
	);
	const report = join(dir, 'mixed.xml');
	const r = await cli(['check', manifest, '--validate=warn', '--junit', report]);
	t.is(r.code, 1);
	assertSchemaValid(t, report);
	const xml = readFileSync(report, 'utf8');
	const failure = xml.indexOf(`<failure message="${manifest}:13:9: The Service &quot;bad&quot; is invalid: spec.type: Unsupported value: `);
	const warning = xml.indexOf(`<system-out>${manifest}:6:3: warning: unknown field "spec.bogus"</system-out>`);
	t.true(failure > 0 && warning > failure, xml);
	// The same warning in the JSON document, with the error.
	const json = JSON.parse((await cli(['check', manifest, '--validate=warn', '-o', 'json'])).stdout);
	t.deepEqual(
		json.diagnostics.map((d: {line: number; severity: string}) => [d.line, d.severity]),
		[
			[6, 'warning'],
			[13, 'error'],
		],
	);
});

test('check --junit to a folder that does not exist: the reason, exit 1; -o and --tap belong to their verbs', async t => {
	const dir = tempDir(t);
	const missing = join(dir, 'missing', 'r.xml');
	const r = await cli(['check', 'samples/hello.yaml', '--junit', missing]);
	t.is(r.code, 1);
	t.true(r.stderr.includes(`error: --junit ${missing}: no such file or directory`), r.stderr);
	const yaml = await cli(['check', 'samples/hello.yaml', '-o', 'yaml']);
	t.is(yaml.code, 2);
	t.is(yaml.stderr.split('\n')[0], 'error: unable to match a printer suitable for the output format "yaml", allowed formats are: json,text');
	const stray = await cli(['samples/hello.yaml', '--script', '/dev/null', '-o', 'json']);
	t.is(stray.code, 2);
	t.is(stray.stderr.split('\n')[0], 'error: -o goes with check and diff (k8s-svc-tui check FILES -o json)');
	const tap = await cli(['check', 'samples/hello.yaml', '--tap']);
	t.is(tap.code, 2);
	t.is(tap.stderr.split('\n')[0], 'error: --tap goes with test (k8s-svc-tui test FILES --script TESTS)');
});
