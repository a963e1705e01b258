// `k8s-svc-tui test`'s reports (issue 13): JUnit XML that validates against the JUnit schema CI
// systems read (xmllint --schema test/fixtures/junit/junit.xsd; .ci/run installs xmllint, and
// under CI a missing one fails these tests), and TAP version 13.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {type LineReport, runScript} from '../../source/headless/run-script.js';
import {junitXml, type Suite, tapText} from '../../source/headless/test-report.js';
import {IN_CI} from '../prerequisites.js';
import {fromRoot} from '../root.js';
import {sampleState} from '../session/sample-state.js';

const SCHEMA = fileURLToPath(fromRoot('test/fixtures/junit/junit.xsd'));
const HAVE_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

function suiteOf(name: string, script: string): {suite: Suite; exitCode: number} {
	const cases: LineReport[] = [];
	const run = runScript(sampleState('hello.yaml'), script, {out() {}, err() {}}, {name, report: c => cases.push(c)});
	return {suite: {name, cases}, exitCode: run.exitCode};
}

const SCRIPT = [
	'# routes that must hold',
	'curl hello-node-svc --expect ok',
	'nslookup hello-node-svc --expect A=10.108.246.108',
	'scale rc hello-node --replicas=0',
	'wait 40s',
	'curl hello-node-svc --expect ok',
	'expect ep hello-node-svc ready=0',
	'get pods',
	'curl nope-<&>-svc --expect ok',
].join('\n');

/** xmllint's verdict on a report, or null where there is no xmllint (a developer's machine). */
function validate(t: ExecutionContext, xml: string): {status: number | null; stderr: string} | null {
	if (!HAVE_XMLLINT) {
		if (IN_CI) t.fail('xmllint is not installed (Debian: libxml2-utils); .ci/run installs it. Under CI a missing xmllint fails this test.');
		else t.log('xmllint is not installed (Debian: libxml2-utils): the schema check is skipped (under CI this fails).');
		return null;
	}
	const dir = mkdtempSync(join(tmpdir(), 'junit-'));
	try {
		const file = join(dir, 'report.xml');
		writeFileSync(file, xml);
		const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], {encoding: 'utf8'});
		return {status: r.status, stderr: r.stderr};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

test('one test case per line that checked something, passed or failed with the line’s trace; the run exits 1', t => {
	const {suite, exitCode} = suiteOf('routes.txt', SCRIPT);
	t.is(exitCode, 1);
	t.deepEqual(
		suite.cases.map(c => [c.number, c.status]),
		[
			[2, 'passed'],
			[3, 'passed'],
			[6, 'failed'],
			[7, 'passed'],
			[9, 'failed'],
		],
	);
	t.is(suite.cases[2]?.message, 'expected ok, got refused (no ready endpoints)');
	t.true(suite.cases[2]?.output.some(l => l.includes('connection refused: no ready endpoints')));
});

test('JUnit XML: counts, names FILE LINE and command, failures with the expectation as message and the trace as text; valid against the schema', t => {
	const {suite} = suiteOf('routes.txt', SCRIPT);
	const xml = junitXml([suite]);
	t.true(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="k8s-svc-tui" tests="5" failures="2" errors="0" time="0">'));
	t.true(xml.includes('<testsuite name="routes.txt" id="0" tests="5" failures="2" errors="0" skipped="0" time="0">'));
	t.true(xml.includes('<testcase classname="routes.txt" name="2: curl hello-node-svc --expect ok" time="0"/>'));
	t.true(xml.includes('<failure message="expected ok, got refused (no ready endpoints)" type="expectation">pod/curl'));
	// Markup in a line is escaped, in attributes and in text.
	t.true(xml.includes('name="9: curl nope-&lt;&amp;&gt;-svc --expect ok"'), xml);
	const verdict = validate(t, xml);
	if (verdict) t.is(verdict.status, 0, verdict.stderr);
});

test('the schema check can fail: a report without its testsuite name is refused', t => {
	const {suite} = suiteOf('routes.txt', SCRIPT);
	const broken = junitXml([suite]).replace('<testsuite name="routes.txt" ', '<testsuite ');
	const verdict = validate(t, broken);
	if (verdict) {
		t.not(verdict.status, 0);
		t.regex(verdict.stderr, /attribute 'name' is required/);
	}
});

test('a line that fails is an error case (the run stops there), and control characters stay out of the XML', t => {
	const {suite} = suiteOf('broken.txt', 'curl hello-node-svc --expect ok\nscale rc nope --replicas=2\ncurl hello-node-svc --expect ok');
	t.deepEqual(
		suite.cases.map(c => c.status),
		['passed', 'error'],
	);
	const xml = junitXml([suite, {name: 'odd\u0001name.txt', cases: []}]);
	t.true(xml.includes('errors="1"'));
	t.true(xml.includes('<error message="Error from server (NotFound): replicationcontrollers &quot;nope&quot; not found" type="command">'), xml);
	t.false(xml.includes('\u0001'));
	const verdict = validate(t, xml);
	if (verdict) t.is(verdict.status, 0, verdict.stderr);
});

test('TAP version 13: a plan, ok / not ok per case, the message and output in a YAML block', t => {
	const {suite} = suiteOf('routes.txt', SCRIPT);
	const lines = tapText([suite]).split('\n');
	t.deepEqual(lines.slice(0, 4), [
		'TAP version 13',
		'1..5',
		'ok 1 - routes.txt:2: curl hello-node-svc --expect ok',
		'ok 2 - routes.txt:3: nslookup hello-node-svc --expect A=10.108.246.108',
	]);
	const failed = lines.indexOf('not ok 3 - routes.txt:6: curl hello-node-svc --expect ok');
	t.true(failed > 0);
	t.deepEqual(lines.slice(failed + 1, failed + 5), ['  ---', '  message: "expected ok, got refused (no ready endpoints)"', '  severity: fail', '  output: |']);
});
