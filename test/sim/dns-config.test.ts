// spec.dnsConfig under each dnsPolicy, over test/fixtures/dns/dns-config.yaml: the kubelet appends
// its nameservers and searches to what the policy gives and merges its options over `ndots:5`
// (kubernetes/kubernetes pkg/kubelet/network/dns/dns.go appendDNSConfig, mergeDNSOptions;
// docs/semantics.md F7).
import {readFileSync} from 'node:fs';
import test from 'ava';
import type {Action, DnsResult, State} from '../../source/sim/index.js';
import {formatNslookup} from '../../source/view/nslookup.js';
import {bootSources} from '../session/sample-state.js';
import {run, wait} from './helpers.js';

const booted = run(bootSources([{name: 'dns-config.yaml', text: readFileSync('test/fixtures/dns/dns-config.yaml', 'utf8')}]), wait(10)).state;
const scaleCoreDNS = (replicas: number): Action => ({type: 'replicasScaled', kind: 'Deployment', namespace: 'kube-system', name: 'coredns', replicas});

function lookup(pod: string, name: string, state: State = booted): DnsResult {
	const action: Action = {type: 'dnsQueried', name, from: {kind: 'pod', name: pod, namespace: 'default'}, qtype: 'A'};
	const [result] = run(state, action).results;
	if (result?.kind !== 'dns') throw new Error(JSON.stringify(result));
	return result.result;
}

test('options ndots:1 (the usual fix for slow external lookups): example.com goes out as it is before any search domain', t => {
	const dns = lookup('ndots-one', 'example.com');
	t.is(dns.ndots, 1);
	t.deepEqual(
		dns.tried.map(q => q.name),
		['example.com'],
	);
	t.true(formatNslookup(dns, {verbose: true}).includes('search path (ndots:1):'), 'nslookup -v names the threshold it used');
	// Without the option the kubelet's ndots:5 sends it through the cluster's three search domains first.
	t.deepEqual(
		lookup('fallback', 'example.com').tried.map(q => q.name),
		['example.com.default.svc.cluster.local', 'example.com.svc.cluster.local', 'example.com.cluster.local', 'example.com'],
	);
});

test("searches are appended after the cluster's own: a short name from another namespace resolves, the pod's own namespace still first", t => {
	const dns = lookup('extra-search', 'web');
	t.like(dns, {rcode: 'NOERROR', canonicalName: 'web.shop.svc.cluster.local'});
	t.deepEqual(
		dns.tried.map(q => q.name),
		['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web.shop.svc.cluster.local'],
		'default.svc.cluster.local, already in the list, is not searched twice (dns.go omitDuplicates)',
	);
	t.is(lookup('ndots-one', 'web').rcode, 'NXDOMAIN', 'a pod without the search domain does not find it');
});

test('a second nameserver is asked only when the cluster DNS does not reply, and it does not know the cluster', t => {
	t.like(lookup('fallback', 'web.shop'), {rcode: 'NOERROR', server: '10.96.0.10'}, 'the cluster DNS answers while it runs');
	const down = run(booted, scaleCoreDNS(0), wait(60)).state;
	const external = lookup('fallback', 'example.com', down);
	t.like(external, {rcode: 'NOERROR', server: '8.8.8.8', upstream: true});
	t.regex(
		external.resolverNote ?? '',
		/the cluster DNS 10\.96\.0\.10 did not reply \(Service kube-system\/kube-dns has no ready endpoints: .*\); this pod's next nameserver 8\.8\.8\.8/,
	);
	t.like(lookup('fallback', 'web.shop.svc.cluster.local', down), {rcode: 'NXDOMAIN', server: '8.8.8.8'});
	t.like(lookup('ndots-one', 'example.com', down), {rcode: 'TIMEOUT'}, 'with no second nameserver the lookup times out');
});

test('None asks its first nameserver: the cluster DNS listed second is not the one that answers', t => {
	const dns = lookup('none-second', 'web');
	t.like(dns, {rcode: 'NXDOMAIN', server: '1.1.1.1'});
	t.regex(dns.resolverNote ?? '', /dnsPolicy None: this pod asks 1\.1\.1\.1, 10\.96\.0\.10 \(its dnsConfig\)/);
	t.false(formatNslookup(dns, {verbose: true}).includes('ndots'), 'no cluster ndots is claimed for a resolver we do not simulate');
});
