// NetworkPolicy on a pod's DNS lookups (source/sim/dns.ts): the query is a UDP packet to the
// kube-dns ClusterIP on port 53, DNATed to a CoreDNS pod, so it needs the client's egress and that
// pod's ingress to allow UDP 53 there. The classic case is a default-deny egress that forgets DNS:
// kubernetes-sigs/network-policy-api policy-assistant's generator adds its AllowDNSRule (UDP 53, to
// anyone) to every egress policy for that reason.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {type Action, getRow, initialState, type State} from '../../source/sim/index.js';
import type {ClientSpec, DnsResult, StepResult} from '../../source/sim/types.js';
import {dnsJson, formatNslookup} from '../../source/view/nslookup.js';
import {fromRoot} from '../root.js';
import {curl, requests, run} from './helpers.js';

const HELLO = readFileSync(fromRoot('samples/hello.yaml'), 'utf8');

const np = (ns: string, name: string, ...spec: string[]) =>
	['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: ${ns}}`, 'spec:', ...spec, ''].join('\n');

const DENY_EGRESS = np('default', 'default-deny-egress', '  podSelector: {}', '  policyTypes: [Egress]');

function cluster(...policies: string[]): State {
	const loaded = loadSources([{name: 'hello.yaml', text: [HELLO, ...policies].join('\n---\n')}]);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return run(init.state, {type: 'clockAdvanced', ms: 30_000}).state;
}

const lookup = (name: string, from: ClientSpec = {kind: 'default'}): Action => ({type: 'dnsQueried', name, from, qtype: 'A'});

function dnsOf(result: StepResult | undefined): DnsResult {
	if (result?.kind !== 'dns') throw new Error(`expected a lookup, got ${JSON.stringify(result)}`);
	return result.result;
}

const DROPPED =
	/^dropped by NetworkPolicy default\/default-deny-egress \(egress of pod curl, no rule allows to pod\/(coredns-\S+) in kube-system on port 53\/UDP\)$/;

test('a default-deny egress without a DNS allowance: the lookup times out, and the reason names the policy and the CoreDNS pod on 53/UDP', t => {
	const state = cluster(DENY_EGRESS);
	const dns = dnsOf(run(state, lookup('hello-node-svc')).results[0]);
	t.is(dns.rcode, 'TIMEOUT');
	t.deepEqual(dns.answers, []);
	t.is(dns.timedOut?.server, '10.96.0.10');
	const [, pod] = DROPPED.exec(dns.timedOut?.reason ?? '') ?? [];
	t.truthy(pod, dns.timedOut?.reason);
	t.like(getRow(state.pods, `kube-system/${pod}`), {labels: {'k8s-app': 'kube-dns'}}, 'a CoreDNS pod behind kube-dns');
	t.like(dns.timedOut?.networkPolicy, {
		allowed: false,
		egress: {direction: 'egress', pod: 'default/curl', policies: ['default/default-deny-egress'], allowed: false},
	});
});

test('curl by name fails at its DNS step with the policy as the reason (the connection is never tried)', t => {
	const [trace] = requests(run(cluster(DENY_EGRESS), curl('hello-node-svc')).results[0]!).requests;
	t.is(trace?.outcome, 'nxdomain');
	t.is(trace?.resolved, null);
	t.is(trace?.endpoint, null);
	const prefix = 'no reply from 10.96.0.10:53 (glibc gives up after 2 tries of 5 s, musl after 5 s): ';
	t.true(trace?.reason.startsWith(prefix), trace?.reason);
	t.regex(trace?.reason.slice(prefix.length) ?? '', DROPPED);
});

test('nslookup prints BIND\'s three timeouts and "no servers could be reached" (dighost.c), then our line naming the policy, without -v', t => {
	const dns = dnsOf(run(cluster(DENY_EGRESS), lookup('hello-node-svc')).results[0]);
	const lines = formatNslookup(dns).split('\n');
	t.deepEqual(lines.slice(0, 4), [
		';; communications error to 10.96.0.10#53: timed out',
		';; communications error to 10.96.0.10#53: timed out',
		';; communications error to 10.96.0.10#53: timed out',
		';; no servers could be reached',
	]);
	t.true(lines[4]?.startsWith(';; k8s-svc-tui: no reply from 10.96.0.10:53 '), lines[4]);
	t.true(lines[4]?.includes('dropped by NetworkPolicy default/default-deny-egress (egress of pod curl,'), lines[4]);
	t.deepEqual(lines.slice(5), ['']);
	t.like(dnsJson(dns), {rcode: 'TIMEOUT', timedOut: {networkPolicy: {allowed: false}}});
});

test('policy-assistant AllowDNSRule (UDP 53, any peer) next to the default-deny lets the lookup through; the connection after it is still dropped', t => {
	const allowDns = np('default', 'allow-dns', '  podSelector: {}', '  policyTypes: [Egress]', '  egress:', '  - ports: [{protocol: UDP, port: 53}]');
	const {results} = run(cluster(DENY_EGRESS, allowDns), lookup('hello-node-svc'), curl('hello-node-svc'));
	const dns = dnsOf(results[0]);
	t.is(dns.timedOut, undefined);
	t.is(dns.rcode, 'NOERROR');
	const [trace] = requests(results[1]!).requests;
	t.is(trace?.outcome, 'timeout');
	t.regex(
		trace?.reason ?? '',
		/^dropped by NetworkPolicies default\/allow-dns, default\/default-deny-egress \(egress of pod curl, no rule allows to pod\/hello-node-\S+ in default on port 8080\/TCP\)$/,
	);
});

test('allowing only TCP 53 is not enough: the resolver asks over UDP (TCP only after a truncated reply)', t => {
	const tcpOnly = np('default', 'allow-dns-tcp', '  podSelector: {}', '  policyTypes: [Egress]', '  egress:', '  - ports: [{protocol: TCP, port: 53}]');
	const dns = dnsOf(run(cluster(DENY_EGRESS, tcpOnly), lookup('hello-node-svc')).results[0]);
	t.is(dns.rcode, 'TIMEOUT');
	t.regex(
		dns.timedOut?.reason ?? '',
		/^dropped by NetworkPolicies default\/allow-dns-tcp, default\/default-deny-egress \(egress of pod curl, .* on port 53\/UDP\)$/,
	);
});

test('the allowance by namespaceSelector kubernetes.io/metadata.name: kube-system and podSelector k8s-app: kube-dns matches the CoreDNS pods', t => {
	const allowDns = np(
		'default',
		'allow-dns',
		'  podSelector: {}',
		'  policyTypes: [Egress]',
		'  egress:',
		'  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]',
		'    ports: [{protocol: UDP, port: 53}]',
	);
	const dns = dnsOf(run(cluster(DENY_EGRESS, allowDns), lookup('hello-node-svc')).results[0]);
	t.is(dns.rcode, 'NOERROR');
	// The same peer without the namespaceSelector means pods of the policy's own namespace: no CoreDNS there.
	const wrong = allowDns.replace('namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, ', '');
	t.is(dnsOf(run(cluster(DENY_EGRESS, wrong), lookup('hello-node-svc')).results[0]).rcode, 'TIMEOUT');
});

test("a default-deny ingress on kube-system drops every pod's lookup at the CoreDNS pod's ingress; nodes ask their own resolver", t => {
	const denyIngress = np('kube-system', 'default-deny', '  podSelector: {}', '  policyTypes: [Ingress]');
	const {results} = run(cluster(denyIngress), lookup('hello-node-svc'), lookup('example.com', {kind: 'node', name: 'node-1'}));
	t.regex(
		dnsOf(results[0]).timedOut?.reason ?? '',
		/^dropped by NetworkPolicy kube-system\/default-deny \(ingress of pod coredns-\S+, no rule allows from pod\/curl in default on port 53\/UDP\)$/,
	);
	t.is(dnsOf(results[1]).timedOut, undefined);
});

test("a policy selects pods of its own namespace only: a default-deny egress in kube-public leaves the default client's lookups alone", t => {
	const other = np('kube-public', 'deny', '  podSelector: {}', '  policyTypes: [Egress]');
	const dns = dnsOf(run(cluster(other), lookup('hello-node-svc')).results[0]);
	t.is(dns.timedOut, undefined);
	t.is(dns.rcode, 'NOERROR');
	t.is(dns.answers.length, 1);
});
