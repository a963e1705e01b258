// `k8s-svc-tui test` with the real binary (issue 13): the sample routing tests pass and write a
// JUnit report; a failing check says FILE:LINE and exits 1; --tap is TAP on stdout; a test file
// that checks nothing, or test without --script, is refused.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {cli, STACK} from './spawn-cli.js';

function tempDir(t: {teardown(fn: () => void): void}): string {
	const dir = mkdtempSync(join(tmpdir(), 'routing-tests-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

test('the sample routing tests pass: exit 0, a summary on stderr, a JUnit report with every check', async t => {
	const dir = tempDir(t);
	const report = join(dir, 'report.xml');
	const ran = await cli(['test', 'samples/hello.yaml', '--script', 'samples/hello-routes.txt', '--junit', report]);
	t.is(ran.code, 0, ran.stderr);
	t.is(ran.stderr, 'samples/hello-routes.txt: 11 checks, 11 passed, 0 failed\n');
	const xml = readFileSync(report, 'utf8');
	t.true(xml.includes('<testsuite name="samples/hello-routes.txt" id="0" tests="11" failures="0" errors="0" skipped="0" time="0">'));
	t.is((xml.match(/<testcase /g) ?? []).length, 11);
	// The same report xmllint accepts (test/headless/test-report.test.ts checks the schema).
	if (spawnSync('xmllint', ['--version']).status === 0) t.is(spawnSync('xmllint', ['--noout', report]).status, 0);
});

test('a failing check: FILE:LINE: expected …, got … on stderr, the run goes on, exit 1; --tap prints TAP and nothing else on stdout', async t => {
	const dir = tempDir(t);
	const script = join(dir, 'routes.txt');
	writeFileSync(
		script,
		[
			'curl hello-node-svc --expect ok',
			'scale rc hello-node --replicas=0',
			'wait 40s',
			'curl hello-node-svc --expect ok',
			'expect ep hello-node-svc ready=0',
			'',
		].join('\n'),
	);
	const ran = await cli(['test', 'samples/hello.yaml', '--script', script]);
	t.is(ran.code, 1);
	t.deepEqual(ran.stderr.split('\n').filter(Boolean), [
		`${script}:4: expected ok, got refused (no ready endpoints)`,
		`${script}: 3 checks, 2 passed, 1 failed`,
	]);
	t.false(STACK.test(ran.stderr));
	const tap = await cli(['test', 'samples/hello.yaml', '--script', script, '--tap']);
	t.is(tap.code, 1);
	t.is(tap.stderr, '');
	const lines = tap.stdout.split('\n');
	t.deepEqual(lines.slice(0, 3), ['TAP version 13', '1..3', `ok 1 - ${script}:1: curl hello-node-svc --expect ok`]);
	t.true(lines.includes(`not ok 2 - ${script}:4: curl hello-node-svc --expect ok`));
});

test('test needs --script; a script that checks nothing fails; --junit and --tap belong to test', async t => {
	const none = await cli(['test', 'samples/hello.yaml']);
	t.is(none.code, 2);
	t.is(none.stderr.split('\n')[0], 'error: test needs --script TESTS: the lines with --expect and expect are its test cases');
	const dir = tempDir(t);
	const script = join(dir, 'nothing.txt');
	writeFileSync(script, 'get svc\n');
	const empty = await cli(['test', 'samples/hello.yaml', '--script', script]);
	t.is(empty.code, 1);
	t.true(empty.stderr.includes(`error: ${script} checks nothing: give its lines --expect (curl, nslookup) or write expect ep SVC ready=N`));
	const stray = await cli(['samples/hello.yaml', '--script', script, '--junit', join(dir, 'r.xml')]);
	t.is(stray.code, 2);
	t.is(stray.stderr.split('\n')[0], 'error: --junit goes with test and check (k8s-svc-tui test FILES --script TESTS, k8s-svc-tui check FILES)');
	const unwritable = await cli(['test', 'samples/hello.yaml', '--script', 'samples/hello-routes.txt', '--junit', join(dir, 'missing', 'r.xml')]);
	t.is(unwritable.code, 1);
	t.true(unwritable.stderr.includes(`error: --junit ${join(dir, 'missing', 'r.xml')}: no such file or directory`), unwritable.stderr);
});
