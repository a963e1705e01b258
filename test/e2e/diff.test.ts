// `k8s-svc-tui diff BEFORE… -- AFTER…` through the real binary (issue 13): the changed pairs on
// stdout and exit 1, nothing and exit 0 for the same files, -o json, and exit 2 for bad input
// with the loader's positioned message (kubectl diff's codes: kubectl/pkg/cmd/diff/diff.go).

import test from 'ava';
import {cli, STACK} from './spawn-cli.js';

const BEFORE = 'test/fixtures/diff/before';
const AFTER = 'test/fixtures/diff/after';

test('diff of a folder and its copy with web scaled to 0: the six pairs that now refuse, exit 1 (the CoreDNS pods of kube-system resolve no Service name on either side: dnsPolicy Default)', async t => {
	const ran = await cli(['diff', BEFORE, '--', AFTER]);
	t.is(ran.code, 1, ran.stderr);
	t.is(ran.stderr, '');
	const lines = ran.stdout.split('\n').filter(Boolean);
	const pairs = lines.filter(l => !l.startsWith('    why: '));
	t.deepEqual(
		pairs.map(l => l.replace(/^pod\/\S+( \(after: pod\/\S+\))?/, 'pod/…').replace(/: before .*/, '')),
		[
			'node/node-1 → default/web:80 (ClusterIP)',
			'node/node-2 → default/web:80 (ClusterIP)',
			'node/node-3 → default/web:80 (ClusterIP)',
			'pod/… -n default → default/web:80 (ClusterIP)',
			'pod/… -n default → default/web:80 (dns)',
			'pod/… -n kube-system → default/web:80 (ClusterIP)',
		],
	);
	t.true(pairs.every(l => l.endsWith(': before ok (3 pods of deployment/web on port 8080) → after refused (no ready endpoints)')));
	t.deepEqual(
		[...new Set(lines.filter(l => l.startsWith('    why: ')))],
		['    why: selector app=web now matches 0 pods (was 3)', '    why: deployment/web scaled to 0'],
	);
});

test('the same files on both sides: nothing printed, exit 0; -o json holds the same diff', async t => {
	const same = await cli(['diff', `${BEFORE}/shop.yaml`, '--', BEFORE]);
	t.deepEqual([same.code, same.stdout, same.stderr], [0, '', '']);
	const json = await cli(['diff', BEFORE, '--', AFTER, '-o', 'json']);
	t.is(json.code, 1);
	const parsed = JSON.parse(json.stdout) as {changes: Array<{target: string; before: {outcomes: string[]}; after: {outcomes: string[]; reason: string}}>};
	t.is(parsed.changes.length, 6);
	t.like(parsed.changes[0], {target: 'default/web:80 ClusterIP', before: {outcomes: ['ok']}, after: {outcomes: ['refused'], reason: 'no ready endpoints'}});
});

test('bad input: the positioned load error as the main command prints it, exit 2; usage errors exit 2', async t => {
	const bad = await cli(['diff', BEFORE, '--', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n    - port: 0\n');
	t.is(bad.code, 2);
	const main = await cli(['check', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n    - port: 0\n');
	t.is(bad.stderr, main.stderr, 'the same message check prints');
	t.regex(bad.stderr, /^<stdin>:7:\d+: /);
	t.false(STACK.test(bad.stderr));
	const noSeparator = await cli(['diff', BEFORE, AFTER]);
	t.is(noSeparator.code, 2);
	t.regex(noSeparator.stderr, /diff needs the files before, --, and the files after/);
	const format = await cli(['diff', BEFORE, '--', AFTER, '-o', 'yaml']);
	t.is(format.code, 2);
	const help = await cli(['diff', '--help']);
	t.is(help.code, 0);
	t.regex(help.stdout, /Exit status \(as kubectl diff\): 0 nothing changed, 1 something changed, 2/);
});
