// A 9,000-long chain of ExternalName Services through the real binary (issue 11): `check` and
// `nslookup` once overflowed the stack (`internal error: Maximum call stack size exceeded`, exit
// 70). CoreDNS follows at most 11 CNAMEs (coredns/coredns plugin/backend_lookup.go A()), so every
// Service more than 11 links from the end answers with no records, and `check` says so for each.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {fromRoot, ROOT} from '../root.js';
import {buildIfMissing} from './build-dist.js';

const CLI = fileURLToPath(fromRoot('dist/cli.js'));
const LINKS = 9000;
const ZONE = 'default.svc.cluster.local';

test.before('build dist/ if `npm test` has not', buildIfMissing);

/** s0 → s1 → … → s9000, the last a ClusterIP Service, as one YAML stream. */
const manifests = [
	...Array.from(
		{length: LINKS},
		(_, i) => `kind: Service\napiVersion: v1\nmetadata: {name: s${i}}\nspec: {type: ExternalName, externalName: s${i + 1}.${ZONE}}\n`,
	),
	`kind: Service\napiVersion: v1\nmetadata: {name: s${LINKS}}\nspec: {ports: [{port: 80}]}\n`,
].join('---\n');

const cli = (args: string[], input: string) =>
	spawnSync(process.execPath, [CLI, ...args], {cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20, env: {...process.env, NO_COLOR: '1'}});

test('check -: exit 0, a warning for each of the 8,989 Services more than 11 CNAMEs from an address', t => {
	const r = cli(['check', '-'], manifests);
	t.is(r.status, 0, r.stderr.slice(-500));
	const lines = r.stderr.split('\n').filter(l => l !== '');
	t.is(lines.length, LINKS - 11 + 1);
	t.is(
		lines[0],
		`<stdin>:4:42: warning: Service "s0" has no address in DNS: the ExternalName CNAMEs go on past 11 (s0.${ZONE} → … → s12.${ZONE}): CoreDNS follows at most 11 and answers with no records`,
	);
	t.is(lines.at(-1), `<stdin>: OK (${LINKS + 1} Services, 0 workloads, 0 bare pods)`);
	t.false(
		lines.some(l => /"s(?:899[0-9]|8989)"/.test(l)),
		'the last 11 links resolve',
	);
});

test('--script: nslookup and curl at the head of the chain: no answer (why under -v), exit 0; 11 links from the end, the address', t => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-cname-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'chain.yaml');
	writeFileSync(file, manifests);
	const r = cli([file, '--script', '-'], 'nslookup s0\ncurl s0\nnslookup s8989\nnslookup s0 -v\n');
	t.is(r.status, 0, r.stderr.slice(-500));
	t.is(r.stderr, '');
	const why = `the ExternalName CNAMEs go on past 11 (s0.${ZONE} → … → s12.${ZONE}): CoreDNS follows at most 11 and answers with no records`;
	const out = r.stdout.split('\n');
	t.deepEqual(out.slice(0, 5), ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '', `*** Can't find s0.${ZONE}: No answer`, '']);
	t.is(out[5], `pod/curl (10.244.0.254 on node-1) → s0 → no answer → could not resolve host: no address for s0: ${why}`);
	t.deepEqual(
		out.slice(9, 20),
		Array.from({length: 11}, (_, i) => `s${8989 + i}.${ZONE}\tcanonical name = s${8990 + i}.${ZONE}.`),
	);
	t.is(out[20], `Name:\ts9000.${ZONE}`);
	t.regex(out[21] ?? '', /^Address: 10\.\d+\.\d+\.\d+$/);
	t.is(out.at(-4), `*** Can't find s0.${ZONE}: No answer`);
	t.is(out.at(-3), `;; k8s-svc-tui: ${why}`);
});
