// A pod's dnsPolicy decides which resolver its resolv.conf names (kubernetes/kubernetes
// pkg/kubelet/network/dns/dns.go getPodDNSType; docs/semantics.md F7), over
// test/fixtures/dns/dns-policy.yaml: the classic "my hostNetwork pod cannot resolve Services".
import {readFileSync} from 'node:fs';
import test from 'ava';
import type {Action, DnsResult, RequestTrace} from '../../source/sim/index.js';
import {bootSources} from '../session/sample-state.js';
import {run, wait} from './helpers.js';

const state = run(bootSources([{name: 'dns-policy.yaml', text: readFileSync('test/fixtures/dns/dns-policy.yaml', 'utf8')}]), wait(10)).state;
const from = (name: string) => ({kind: 'pod' as const, name, namespace: 'default'});

function lookup(pod: string, name: string): DnsResult {
	const action: Action = {type: 'dnsQueried', name, from: from(pod), qtype: 'A'};
	const [result] = run(state, action).results;
	if (result?.kind !== 'dns') throw new Error(JSON.stringify(result));
	return result.result;
}

function curl(pod: string, target: string): RequestTrace {
	const [result] = run(state, {type: 'requestSent', target, from: from(pod), count: 1}).results;
	if (result?.kind !== 'requests' || !result.requests[0]) throw new Error(JSON.stringify(result));
	return result.requests[0];
}

test('ClusterFirst on a hostNetwork pod falls back to Default: the node resolver, which knows no Service', t => {
	const dns = lookup('agent', 'web');
	t.like(dns, {rcode: 'NXDOMAIN', server: 'node resolver'});
	t.deepEqual(dns.tried, [{name: 'web', rcode: 'NXDOMAIN'}], 'no cluster search path either');
	t.regex(dns.resolverNote ?? '', /hostNetwork pod with dnsPolicy ClusterFirst falls back to its node's resolver/);
	const trace = curl('agent', 'web');
	t.is(trace.outcome, 'nxdomain');
	t.regex(trace.reason, /^NXDOMAIN: web not found; a hostNetwork pod with dnsPolicy ClusterFirst/);
});

test('ClusterFirstWithHostNet: the same hostNetwork pod asks the cluster DNS and reaches the Service', t => {
	t.like(lookup('agent-fixed', 'web'), {rcode: 'NOERROR', server: '10.96.0.10', canonicalName: 'web.default.svc.cluster.local'});
	t.is(lookup('agent-fixed', 'web').resolverNote, undefined);
	t.is(curl('agent-fixed', 'web').outcome, 'ok');
});

test('Default on an ordinary pod: the node resolver too', t => {
	t.like(lookup('plain-default', 'web.default.svc.cluster.local'), {rcode: 'NXDOMAIN', server: 'node resolver'});
});

test("None: dnsConfig's nameservers and searches alone; the cluster DNS only if it is listed first", t => {
	const custom = lookup('custom', 'web');
	t.like(custom, {rcode: 'NOERROR', server: '10.96.0.10', canonicalName: 'web.default.svc.cluster.local'});
	// No `options ndots:` line, so the C library's ndots:1 holds, not the kubelet's 5: `web.default`
	// has a dot and goes out as it is first, then with the one search domain.
	const dotted = lookup('custom', 'web.default');
	t.deepEqual(
		dotted.tried.map(q => q.name),
		['web.default', 'web.default.default.svc.cluster.local'],
	);
	t.is(dotted.ndots, 1);
	const outside = lookup('outside-dns', 'web');
	t.like(outside, {rcode: 'NXDOMAIN', server: '1.1.1.1'});
	t.regex(outside.resolverNote ?? '', /dnsPolicy None: this pod asks 1\.1\.1\.1 \(its dnsConfig\), not the cluster DNS 10\.96\.0\.10/);
});
