import test from 'ava';
import type {DnsResult} from '../../source/sim/types.js';
import {dnsJson, formatNslookup} from '../../source/view/nslookup.js';
import {input} from '../sim/hello-input.js';
import {boot, run} from '../sim/helpers.js';

const base: DnsResult = {
	question: 'hello-node-svc',
	qtype: 'A',
	tried: [{name: 'hello-node-svc.default.svc.cluster.local.', rcode: 'NOERROR'}],
	answers: [{name: 'hello-node-svc.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.104.23.171'}],
	rcode: 'NOERROR',
	canonicalName: 'hello-node-svc.default.svc.cluster.local.',
	upstream: false,
	server: '10.96.0.10',
};

test('an A record for a ClusterIP Service (F1)', t => {
	t.is(
		formatNslookup(base),
		['Server:    10.96.0.10', 'Address:   10.96.0.10#53', '', 'Name:      hello-node-svc.default.svc.cluster.local', 'Address:   10.104.23.171'].join('\n'),
	);
});

test('a headless Service answers one A record per ready pod (F2)', t => {
	const result: DnsResult = {
		...base,
		question: 'db',
		answers: [
			{name: 'db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.0.6'},
			{name: 'db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.5'},
		],
	};
	t.is(
		formatNslookup(result),
		[
			'Server:    10.96.0.10',
			'Address:   10.96.0.10#53',
			'',
			'Name:      db.default.svc.cluster.local',
			'Address:   10.244.0.6',
			'Name:      db.default.svc.cluster.local',
			'Address:   10.244.1.5',
		].join('\n'),
	);
});

test('ExternalName: canonical name, then the upstream answer (F4)', t => {
	const result: DnsResult = {
		...base,
		question: 'ext',
		upstream: true,
		answers: [
			{name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'example.com'},
			{name: 'example.com.', type: 'A', ttl: 300, data: '93.184.215.14'},
		],
	};
	t.is(
		formatNslookup(result),
		[
			'Server:    10.96.0.10',
			'Address:   10.96.0.10#53',
			'',
			'Non-authoritative answer:',
			'ext.default.svc.cluster.local canonical name = example.com.',
			'Name:      example.com',
			'Address:   93.184.215.14',
		].join('\n'),
	);
});

test('SRV records for a named port (F3)', t => {
	const result: DnsResult = {
		...base,
		question: '_http._tcp.web-lb',
		qtype: 'SRV',
		answers: [{name: '_http._tcp.web-lb.default.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 web-lb.default.svc.cluster.local'}],
	};
	t.is(formatNslookup(result).split('\n')[3], '_http._tcp.web-lb.default.svc.cluster.local service = 0 100 80 web-lb.default.svc.cluster.local.');
});

test('NXDOMAIN, with the search path only when verbose (F5, F6)', t => {
	const result: DnsResult = {
		...base,
		question: 'nosuch',
		rcode: 'NXDOMAIN',
		answers: [],
		canonicalName: undefined,
		tried: [
			{name: 'nosuch.default.svc.cluster.local.', rcode: 'NXDOMAIN'},
			{name: 'nosuch.svc.cluster.local.', rcode: 'NXDOMAIN'},
			{name: 'nosuch.cluster.local.', rcode: 'NXDOMAIN'},
			{name: 'nosuch.', rcode: 'NXDOMAIN'},
		],
	};
	t.is(formatNslookup(result), ['Server:    10.96.0.10', 'Address:   10.96.0.10#53', '', "** server can't find nosuch: NXDOMAIN"].join('\n'));
	t.is(
		formatNslookup(result, {verbose: true}),
		[
			'Server:    10.96.0.10',
			'Address:   10.96.0.10#53',
			'',
			';; nosuch.default.svc.cluster.local: NXDOMAIN',
			';; nosuch.svc.cluster.local: NXDOMAIN',
			';; nosuch.cluster.local: NXDOMAIN',
			';; nosuch: NXDOMAIN',
			'',
			"** server can't find nosuch: NXDOMAIN",
		].join('\n'),
	);
});

test('NOERROR without answers (NODATA)', t => {
	t.is(formatNslookup({...base, question: 'default.svc.cluster.local', answers: []}).split('\n')[3], "*** Can't find default.svc.cluster.local: No answer");
});

test('the question is sanitized', t => {
	t.is(formatNslookup({...base, question: 'a\u001b[2Jb', rcode: 'NXDOMAIN', answers: []}).split('\n')[3], "** server can't find a^[[2Jb: NXDOMAIN");
});

test('dnsJson', t => {
	t.deepEqual(dnsJson(base), {
		question: 'hello-node-svc',
		qtype: 'A',
		server: '10.96.0.10',
		rcode: 'NOERROR',
		tried: [{name: 'hello-node-svc.default.svc.cluster.local.', rcode: 'NOERROR'}],
		answers: [{name: 'hello-node-svc.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.104.23.171'}],
		upstream: false,
		canonicalName: 'hello-node-svc.default.svc.cluster.local.',
	});
});

test('NODATA from an ExternalName loop: the No answer line, then why (coredns plugin/backend_lookup.go A())', t => {
	const chain = ['a.default.svc.cluster.local', 'b.default.svc.cluster.local', 'a.default.svc.cluster.local'];
	const result: DnsResult = {...base, question: 'a', answers: [], cnameStop: {why: 'loop', chain}};
	t.deepEqual(formatNslookup(result).split('\n').slice(3), [
		"*** Can't find a: No answer",
		';; the ExternalName CNAMEs loop (a.default.svc.cluster.local → b.default.svc.cluster.local → a.default.svc.cluster.local): CoreDNS stops at the repeated target and answers with no records',
	]);
	t.deepEqual((dnsJson(result) as {cnameStop: unknown}).cnameStop, {why: 'loop', chain});
});

// BIND's nslookup when its only server never replies (bin/dig/dighost.c): no Server header, one
// verdict line; kube-proxy has no backend for kube-dns without a ready CoreDNS pod.
test('no ready CoreDNS endpoint: ";; connection timed out; no servers could be reached", then why (bin/dig/dighost.c)', t => {
	const down = boot(input({nodes: [{name: 'worker-1', ready: false}]}));
	const {results} = run(down, {type: 'dnsQueried', name: 'hello-node-svc', from: {kind: 'default'}, qtype: 'A'});
	const result = results[0]!.kind === 'dns' ? results[0]!.result : undefined;
	const lines = formatNslookup(result!).split('\n');
	t.is(lines[0], ';; connection timed out; no servers could be reached');
	t.regex(
		lines[1]!,
		/^;; no reply from 10\.96\.0\.10:53 \(glibc gives up after 2 tries of 5 s, musl after 5 s\): Service kube-system\/kube-dns has no ready endpoints: none of its 2 pods is ready \(coredns-\S+ Pending, not scheduled \(Unschedulable\); coredns-\S+ Pending, not scheduled \(Unschedulable\)\)$/,
	);
	t.is(lines.length, 2);
	t.like(dnsJson(result!), {rcode: 'TIMEOUT', answers: [], timedOut: {server: '10.96.0.10'}});
});

test('ExternalName out of the zone: the CNAME, then that its target is outside the simulation (coredns plugin/backend_lookup.go A() asks upstream)', t => {
	const result: DnsResult = {
		...base,
		question: 'db',
		answers: [{name: 'db.default.svc.cluster.local', type: 'CNAME', ttl: 30, data: 'db.example.com.'}],
		outside: 'db.example.com',
	};
	t.deepEqual(formatNslookup(result).split('\n').slice(3), [
		'db.default.svc.cluster.local canonical name = db.example.com.',
		';; db.example.com is outside the cluster: CoreDNS asks the upstream resolver for its records, which k8s-svc-tui does not simulate',
	]);
	t.is((dnsJson(result) as {outside: unknown}).outside, 'db.example.com');
});

test('dnsJson carries the SOA of a negative answer and the additional section of an SRV answer (backend_lookup.go SOA(), SRV())', t => {
	const soa = {name: 'cluster.local.', type: 'SOA' as const, ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30'};
	t.deepEqual((dnsJson({...base, rcode: 'NXDOMAIN', answers: [], authority: [soa]}) as {authority: unknown}).authority, [soa]);
	const extra = {name: 'web.default.svc.cluster.local.', type: 'A' as const, ttl: 30, data: '10.96.4.4'};
	t.deepEqual((dnsJson({...base, additional: [extra]}) as {additional: unknown}).additional, [extra]);
});
