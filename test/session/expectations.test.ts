// Routing tests for CI (issue 13): each `--expect` form and `expect ep` against what the
// simulator answers, through the real executor and the --script runner.

import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {listRows} from '../../source/sim/index.js';
import {sampleState} from './sample-state.js';

const hello = sampleState('hello.yaml');

function after(state: State, ...lines: string[]): State {
	for (const line of lines) state = execute(state, line).state;
	return state;
}

const check = (state: State, line: string) => {
	const result = execute(state, line);
	if (!result.ok) throw new Error(result.err.join('\n'));
	if (!result.expectation) throw new Error(`${line}: no expectation checked`);
	return result.expectation;
};

test('curl --expect: each outcome word holds exactly when every request ends so, and says what happened otherwise', t => {
	t.like(check(hello, 'curl hello-node-svc --expect ok'), {passed: true, expected: 'ok', got: 'ok'});
	t.like(check(hello, 'curl hello-node-svc --expect refused'), {passed: false, got: 'ok'});
	t.like(check(hello, 'curl nope --expect nxdomain'), {passed: true});
	const empty = after(hello, 'scale rc hello-node --replicas=0', 'wait 40s');
	t.deepEqual(check(empty, 'curl hello-node-svc --expect ok'), {passed: false, expected: 'ok', got: 'refused (no ready endpoints)'});
	t.like(check(empty, 'curl hello-node-svc --expect refused'), {passed: true});
	// ClusterIP from outside the cluster does not route (B1): a timeout.
	t.like(check(hello, 'curl 10.108.246.108 --from external --expect timeout'), {passed: true});
	// A burst: every one must hold; the count of each outcome is said.
	const half = after(hello, 'probe pod hello-node-c4hwf fail', 'wait 40s');
	t.like(check(half, 'curl hello-node-svc --count 50 --expect ok'), {passed: true}, 'a not-ready pod gets no traffic');
});

test('curl --expect pod=SELECTOR: every request answered by a pod the selector matches; the first that was not is named', t => {
	t.like(check(hello, 'curl hello-node-svc --count 30 --expect pod=app=hello-node'), {passed: true, got: 'all 30 answered by matching pods'});
	const relabeled = after(hello, 'label pod hello-node-c4hwf tier=canary');
	t.like(check(relabeled, 'curl hello-node-svc --count 60 --expect pod=tier!=canary'), {passed: false});
	const result = check(relabeled, 'curl hello-node-svc --count 60 --expect pod=tier!=canary');
	t.regex(result.got, /^\d+ of 60 not answered by a matching pod; the first: hello-node-c4hwf \(app=hello-node,tier=canary\)$/);
	t.like(check(after(hello, 'scale rc hello-node --replicas=0', 'wait 40s'), 'curl hello-node-svc --expect pod=app=hello-node'), {
		passed: false,
		got: 'refused: no ready endpoints',
	});
});

test('nslookup --expect: A=IP set (any order), CNAME=NAME, nxdomain', t => {
	t.like(check(hello, 'nslookup hello-node-svc --expect A=10.108.246.108'), {passed: true});
	t.like(check(hello, 'nslookup hello-node-svc --expect A=10.1.1.1'), {passed: false, got: 'A=10.108.246.108'});
	t.like(check(hello, 'nslookup nope --expect nxdomain'), {passed: true, got: 'nxdomain'});
	t.like(check(hello, 'nslookup hello-node-svc --expect nxdomain'), {passed: false});
	const external = sampleState('externalname.yaml');
	const cname = execute(external, 'nslookup catalog').steps?.[0]?.result;
	t.truthy(cname);
	t.like(check(external, 'nslookup catalog --expect CNAME=catalog.shop.svc.cluster.local'), {passed: true});
	t.like(check(external, 'nslookup catalog --expect CNAME=elsewhere.example.com.'), {passed: false});
	// Headless: every ready pod's A record, in whatever order DNS gives them.
	const headless = sampleState('headless.yaml');
	const ips = listRows(headless.pods)
		.filter(p => p.namespace === 'default' && p.ready && p.labels.app === 'nginx')
		.map(p => p.podIP ?? '');
	t.true(ips.length > 1);
	t.like(check(headless, `nslookup nginx --expect A=${[...ips].reverse().join(',')}`), {passed: true});
	t.like(check(headless, `nslookup nginx --expect A=${ips.slice(1).join(',')}`), {passed: false}, 'all of them, not some');
});

test('expect ep SVC ready=N counts ready endpoints as get ep lists them', t => {
	t.deepEqual(check(hello, 'expect ep hello-node-svc ready=3'), {passed: true, expected: 'ready=3', got: 'ready=3 (of 3)'});
	const failing = after(hello, 'probe pod hello-node-c4hwf fail', 'wait 40s');
	t.deepEqual(check(failing, 'expect ep hello-node-svc ready=3'), {passed: false, expected: 'ready=3', got: 'ready=2 (of 3)'});
	t.like(check(hello, 'expect ep nope ready=1'), {passed: false, got: 'no Service default/nope'});
	t.like(check(hello, 'expect endpoints kube-dns -n kube-system ready=2'), {passed: true});
});

test('the grammar refuses expectations it cannot read, with the words it takes', t => {
	const error = (line: string) => execute(hello, line).err[0];
	t.is(error('curl web --expect great'), 'error: --expect "great": curl expects one of ok, refused, timeout, nxdomain, error, pod=SELECTOR');
	t.is(error('curl web --expect pod='), 'error: --expect "pod=": an empty selector');
	t.is(error('nslookup web --expect A=10.1.1'), 'error: --expect "A=10.1.1": "10.1.1" is not an IPv4 address');
	t.is(error('nslookup web --expect MX=x'), 'error: --expect "MX=x": nslookup expects one of A=IP[,IP…], CNAME=NAME, nxdomain');
	t.is(error('expect ep web ready=many'), 'error: "ready=many": expect ep takes ready=N');
	t.is(error('expect svc web ready=1'), 'error: expect checks endpoints (ep), not svc. Usage: expect ep SVC ready=N [-n NS]');
});

test('--script: a failed expectation prints FILE:LINE: expected …, got …, the script goes on, and exits 1', t => {
	const err: string[] = [];
	const out: string[] = [];
	const script = [
		'curl hello-node-svc --expect ok',
		'scale rc hello-node --replicas=0',
		'wait 40s',
		'curl hello-node-svc --expect ok',
		'expect ep hello-node-svc ready=0',
		'get pods -A -o name',
	].join('\n');
	const result = runScript(hello, script, {out: l => out.push(l), err: l => err.push(l)}, {name: 'routes.txt'});
	t.is(result.exitCode, 1);
	t.deepEqual(err, ['routes.txt:4: expected ok, got refused (no ready endpoints)']);
	t.true(
		out.some(l => l.startsWith('pod/coredns-')),
		'the lines after the failure ran',
	);
	const passing = runScript(hello, 'curl hello-node-svc --expect ok\nexpect ep hello-node-svc ready=3', {out() {}, err: l => err.push(l)}, {name: 'ok.txt'});
	t.is(passing.exitCode, 0);
});
