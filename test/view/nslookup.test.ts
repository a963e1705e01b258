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

// Expected bytes from BIND 9's bin/dig/nslookup.c (printmessage, printsection, printaddr) and main()'s final puts("").
const HEADER = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];

test('bin/dig/nslookup.c printmessage: an A record for a ClusterIP Service, byte for byte (F1)', t => {
	t.is(formatNslookup(base), 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\thello-node-svc.default.svc.cluster.local\nAddress: 10.104.23.171\n');
});

test('bin/dig/nslookup.c printsection: a headless Service answers one Name/Address pair per ready pod (F2)', t => {
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
		[...HEADER, 'Name:\tdb.default.svc.cluster.local', 'Address: 10.244.0.6', 'Name:\tdb.default.svc.cluster.local', 'Address: 10.244.1.5', ''].join('\n'),
	);
});

test('bin/dig/nslookup.c printsection: ExternalName out of the zone, the CNAME as BIND prints it, then our line for the upstream answer we do not have (F4)', t => {
	const result: DnsResult = {
		...base,
		question: 'ext',
		answers: [{name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'example.com'}],
		outside: 'example.com',
	};
	t.is(
		formatNslookup(result),
		[
			...HEADER,
			'ext.default.svc.cluster.local\tcanonical name = example.com.',
			';; k8s-svc-tui: example.com is outside the cluster: CoreDNS asks the upstream resolver for its records, which k8s-svc-tui does not simulate',
			'',
		].join('\n'),
	);
	t.is((dnsJson(result) as {outside: unknown}).outside, 'example.com');
});

test('bin/dig/nslookup.c printmessage: a forwarded reply has no AA bit, so "Non-authoritative answer:" heads it, then the answers or our line', t => {
	const answered: DnsResult = {...base, question: 'example.com', upstream: true, answers: [{name: 'example.com.', type: 'A', ttl: 300, data: '93.184.215.14'}]};
	t.deepEqual(formatNslookup(answered).split('\n').slice(3), ['Non-authoritative answer:', 'Name:\texample.com', 'Address: 93.184.215.14', '']);
	const forwarded: DnsResult = {...base, question: 'example.com', upstream: true, answers: [], canonicalName: 'example.com'};
	t.deepEqual(formatNslookup(forwarded).split('\n').slice(3), [
		'Non-authoritative answer:',
		';; k8s-svc-tui: example.com is outside the cluster: forwarded to the upstream resolver, which k8s-svc-tui does not simulate',
		'',
	]);
});

test('bin/dig/nslookup.c printsection: SRV is "NAME<tab>service = priority weight port target." (F3)', t => {
	const result: DnsResult = {
		...base,
		question: '_http._tcp.web-lb',
		qtype: 'SRV',
		answers: [{name: '_http._tcp.web-lb.default.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 web-lb.default.svc.cluster.local.'}],
		additional: [{name: 'web-lb.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.4.4'}],
	};
	t.deepEqual(formatNslookup(result).split('\n'), [
		...HEADER,
		'_http._tcp.web-lb.default.svc.cluster.local\tservice = 0 100 80 web-lb.default.svc.cluster.local.',
		'',
	]);
	// AA is set, so BIND prints no "Authoritative answers can be found from:" block: the additional section is ours, under -v.
	t.is(formatNslookup(result, {verbose: true}).split('\n').at(-2), ';; k8s-svc-tui: additional: web-lb.default.svc.cluster.local. 30 IN A 10.96.4.4');
});

test('bin/dig/nslookup.c printmessage: an address, the PTR lookup prints no Server lines (default lookups, rdtype PTR), then "NAME<tab>name = TARGET."', t => {
	const result: DnsResult = {
		...base,
		question: '1.0.96.10.in-addr.arpa.',
		qtype: 'PTR',
		tried: [{name: '1.0.96.10.in-addr.arpa', rcode: 'NOERROR'}],
		answers: [{name: '1.0.96.10.in-addr.arpa', type: 'PTR', ttl: 30, data: 'kubernetes.default.svc.cluster.local.'}],
	};
	t.is(formatNslookup(result), '1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local.\n');
	const nx: DnsResult = {...result, answers: [], rcode: 'NXDOMAIN'};
	t.is(formatNslookup(nx), "** server can't find 1.0.96.10.in-addr.arpa: NXDOMAIN\n");
});

test('bin/dig/nslookup.c printmessage: NXDOMAIN names the name as typed (dighost.c next_origin); -v adds the search path and the SOA, as our lines (F5, F6)', t => {
	const result: DnsResult = {
		...base,
		question: 'nosuch',
		rcode: 'NXDOMAIN',
		answers: [],
		canonicalName: undefined,
		ndots: 5,
		tried: [
			{name: 'nosuch.default.svc.cluster.local', rcode: 'NXDOMAIN'},
			{name: 'nosuch.svc.cluster.local', rcode: 'NXDOMAIN'},
			{name: 'nosuch.cluster.local', rcode: 'NXDOMAIN'},
			{name: 'nosuch', rcode: 'NXDOMAIN'},
		],
	};
	t.is(formatNslookup(result), [...HEADER, "** server can't find nosuch: NXDOMAIN", ''].join('\n'));
	const soa = {name: 'cluster.local.', type: 'SOA' as const, ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30'};
	t.is(
		formatNslookup({...result, authority: [soa]}, {verbose: true}),
		[
			...HEADER,
			';; k8s-svc-tui: search path (ndots:5):',
			';; k8s-svc-tui:   nosuch.default.svc.cluster.local: NXDOMAIN',
			';; k8s-svc-tui:   nosuch.svc.cluster.local: NXDOMAIN',
			';; k8s-svc-tui:   nosuch.cluster.local: NXDOMAIN',
			';; k8s-svc-tui:   nosuch: NXDOMAIN',
			"** server can't find nosuch: NXDOMAIN",
			';; k8s-svc-tui: authority: cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30',
			'',
		].join('\n'),
	);
});

test('bin/dig/nslookup.c printmessage (a_noanswer): NOERROR without answers (NODATA), the AAAA lookup that follows prints No answer for the name that answered; -type=SRV for the name typed', t => {
	const nodata: DnsResult = {...base, question: 'default.svc.cluster.local', answers: [], canonicalName: 'default.svc.cluster.local'};
	t.deepEqual(formatNslookup(nodata).split('\n').slice(3), ["*** Can't find default.svc.cluster.local: No answer", '']);
	t.deepEqual(
		formatNslookup({...nodata, question: 'db', qtype: 'SRV', canonicalName: 'db.default.svc.cluster.local'})
			.split('\n')
			.slice(3),
		["*** Can't find db: No answer", ''],
	);
});

test('the question is sanitized, and a tab from input stays escaped', t => {
	t.is(formatNslookup({...base, question: 'a\u001b[2Jb', tried: [], rcode: 'NXDOMAIN', answers: []}).split('\n')[3], "** server can't find a^[[2Jb: NXDOMAIN");
	const tab: DnsResult = {...base, answers: [{name: 'x\ty.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.0.0.1'}]};
	t.is(formatNslookup(tab).split('\n')[3], 'Name:\tx^Iy.default.svc.cluster.local');
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
	const result: DnsResult = {...base, question: 'a', tried: [], answers: [], canonicalName: 'a.default.svc.cluster.local', cnameStop: {why: 'loop', chain}};
	t.deepEqual(formatNslookup(result).split('\n').slice(3), ["*** Can't find a.default.svc.cluster.local: No answer", ''], 'why is ours, under -v');
	t.deepEqual(formatNslookup(result, {verbose: true}).split('\n').slice(3), [
		"*** Can't find a.default.svc.cluster.local: No answer",
		';; k8s-svc-tui: the ExternalName CNAMEs loop (a.default.svc.cluster.local → b.default.svc.cluster.local → a.default.svc.cluster.local): CoreDNS stops at the repeated target and answers with no records',
		'',
	]);
	t.deepEqual((dnsJson(result) as {cnameStop: unknown}).cnameStop, {why: 'loop', chain});
});

// kube-proxy has no backend for kube-dns without a ready CoreDNS pod, so no reply ever comes.
test('bin/dig/dighost.c recv_done: no ready CoreDNS endpoint, three "communications error … timed out" (resolv.conf attempts) and "no servers could be reached"; -v adds why', t => {
	const down = boot(input({nodes: [{name: 'worker-1', ready: false}]}));
	const {results} = run(down, {type: 'dnsQueried', name: 'hello-node-svc', from: {kind: 'default'}, qtype: 'A'});
	const result = results[0]!.kind === 'dns' ? results[0]!.result : undefined;
	const timedOut = ';; communications error to 10.96.0.10#53: timed out\n';
	t.is(formatNslookup(result!), `${timedOut}${timedOut}${timedOut};; no servers could be reached\n`);
	const lines = formatNslookup(result!, {verbose: true}).split('\n');
	t.is(lines[3], ';; no servers could be reached');
	t.regex(
		lines[4]!,
		/^;; k8s-svc-tui: no reply from 10\.96\.0\.10:53 \(glibc gives up after 2 tries of 5 s, musl after 5 s\): Service kube-system\/kube-dns has no ready endpoints: none of its 2 pods is ready \(2 pods Pending, not scheduled: 0\/1 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}\)$/,
	);
	t.is(lines.length, 6);
	t.like(dnsJson(result!), {rcode: 'TIMEOUT', answers: [], timedOut: {server: '10.96.0.10'}});
});

test('dnsJson carries the SOA of a negative answer and the additional section of an SRV answer (backend_lookup.go SOA(), SRV())', t => {
	const soa = {name: 'cluster.local.', type: 'SOA' as const, ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30'};
	t.deepEqual((dnsJson({...base, rcode: 'NXDOMAIN', answers: [], authority: [soa]}) as {authority: unknown}).authority, [soa]);
	const extra = {name: 'web.default.svc.cluster.local.', type: 'A' as const, ttl: 30, data: '10.96.4.4'};
	t.deepEqual((dnsJson({...base, additional: [extra]}) as {additional: unknown}).additional, [extra]);
});
