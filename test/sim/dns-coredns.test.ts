// CoreDNS's own tables, asked of our cluster DNS: coredns/coredns plugin/kubernetes/handler_test.go
// (commonDnsTestCases, dnsTestCases), handler_case_test.go (dnsPreserveCaseCases),
// handler_pod_insecure_test.go (podModeInsecureCases) and reverse_test.go (TestReverse), with
// plugin/backend_lookup.go for how SRV and SOA records are built. The Services and Endpoints are
// ours, shaped like the tables' svc1, hdls1, hdlsprtls and external.

import test from 'ava';
import type {ClientSpec, DnsResult, EndpointsInput, ServiceInput, State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';

function lookup(state: State, name: string, qtype: DnsResult['qtype'] = 'A', from: ClientSpec = {kind: 'default'}): DnsResult {
	const result = run(state, {type: 'dnsQueried', name, qtype, from}).results[0]!;
	if (result.kind !== 'dns') throw new Error(JSON.stringify(result));
	return result.result;
}

const rr = (records: DnsResult['answers'] | undefined) => (records ?? []).map(a => `${a.name} ${a.type} ${a.data}`);
const sorted = (records: DnsResult['answers'] | undefined) => rr(records).sort();

const selectorless = (name: string, spec: Partial<ServiceInput['spec']> = {}): ServiceInput => service(name, {selector: undefined, ...spec});
const endpoints = (name: string, ips: Array<{ip: string; hostname?: string}>, ports: EndpointsInput['subsets'][number]['ports']): EndpointsInput => ({
	meta: {name, namespace: 'testns', labels: {}, annotations: {}},
	subsets: [{addresses: ips, notReadyAddresses: [], ports}],
});

const sts = {
	...helloRC,
	kind: 'StatefulSet' as const,
	meta: {...helloRC.meta, name: 'web'},
	replicas: 2,
	serviceName: 'nginx',
	selector: {matchLabels: {app: 'nginx'}, matchExpressions: []},
	template: {...helloRC.template, labels: {app: 'nginx'}},
};

const cluster = () =>
	boot(
		input({
			namespaces: [{name: 'testns'}],
			workloads: [helloRC, sts],
			services: [
				service('svc1', {}, 'testns'),
				// hdls1: headless without Service ports; its Endpoints carry them.
				selectorless('hdls1', {clusterIP: 'None', ports: []}),
				// hdlsprtls: headless, and no ports anywhere.
				service('hdlsprtls', {clusterIP: 'None', ports: [], selector: {app: 'hello-node'}}),
				service('external', {type: 'ExternalName', externalName: 'ext.interwebs.test', selector: undefined}, 'testns'),
				service('external-to-missing', {type: 'ExternalName', externalName: 'nope.testns.svc.cluster.local', selector: undefined}, 'testns'),
				service('nginx', {clusterIP: 'None', selector: {app: 'nginx'}}),
				service('hello-node-svc', {}),
				service('hello-again', {}),
			].map(s => (s.meta.name === 'hdls1' ? {...s, meta: {...s.meta, namespace: 'testns'}} : s)),
			endpoints: [
				endpoints(
					'hdls1',
					[{ip: '172.0.0.2'}, {ip: '172.0.0.3'}, {ip: '172.0.0.4', hostname: 'dup-name'}, {ip: '172.0.0.5', hostname: 'dup-name'}],
					[{name: 'http', port: 80, protocol: 'TCP'}],
				),
			],
		}),
	);

const KUBE_DNS = 'kube-dns.kube-system.svc.cluster.local';

test('backend_lookup.go SRV(): kube-dns answers 53 once (dns/UDP and dns-tcp/TCP share target and port), weights shared by all three ports', t => {
	const r = lookup(cluster(), `${KUBE_DNS}.`, 'SRV');
	t.is(r.rcode, 'NOERROR');
	t.deepEqual(rr(r.answers), [`${KUBE_DNS} SRV 0 33 53 ${KUBE_DNS}.`, `${KUBE_DNS} SRV 0 33 9153 ${KUBE_DNS}.`]);
	t.deepEqual(rr(r.additional), [`${KUBE_DNS}. A 10.96.0.10`], 'the target once in the additional section');
	const udp = lookup(cluster(), `_dns._udp.${KUBE_DNS}.`, 'SRV');
	t.deepEqual(rr(udp.answers), [`_dns._udp.${KUBE_DNS} SRV 0 100 53 ${KUBE_DNS}.`]);
});

test('handler_test.go "_http._tcp.svc1" SRV: the Service as target, its A record in the additional section', t => {
	const state = cluster();
	const ip = getRow(state.services, 'testns/svc1')!.spec.clusterIP!;
	const r = lookup(state, '_http._tcp.svc1.testns.svc.cluster.local.', 'SRV');
	t.deepEqual(rr(r.answers), ['_http._tcp.svc1.testns.svc.cluster.local SRV 0 100 80 svc1.testns.svc.cluster.local.']);
	t.deepEqual(rr(r.additional), [`svc1.testns.svc.cluster.local. A ${ip}`]);
	t.is(r.authority, undefined);
});

test('handler_test.go "_http._tcp.hdls1" SRV: a headless Service without ports answers from its Endpoints ports; dup-name is one SRV with two addresses', t => {
	const r = lookup(cluster(), '_http._tcp.hdls1.testns.svc.cluster.local.', 'SRV');
	const zone = 'hdls1.testns.svc.cluster.local';
	// Four endpoints share the weight (100/4) before the repeated dup-name target is dropped.
	t.deepEqual(sorted(r.answers), [
		`_http._tcp.${zone} SRV 0 25 80 172-0-0-2.${zone}.`,
		`_http._tcp.${zone} SRV 0 25 80 172-0-0-3.${zone}.`,
		`_http._tcp.${zone} SRV 0 25 80 dup-name.${zone}.`,
	]);
	t.deepEqual(sorted(r.additional), [
		`172-0-0-2.${zone}. A 172.0.0.2`,
		`172-0-0-3.${zone}. A 172.0.0.3`,
		`dup-name.${zone}. A 172.0.0.4`,
		`dup-name.${zone}. A 172.0.0.5`,
	]);
	t.deepEqual(sorted(lookup(cluster(), `dup-name.${zone}.`).answers), [`dup-name.${zone} A 172.0.0.4`, `dup-name.${zone} A 172.0.0.5`]);
	t.is(lookup(cluster(), `bogusendpoint.${zone}.`).rcode, 'NXDOMAIN');
});

test('handler_test.go "hdlsprtls": no ports anywhere, A answers the pods and SRV is NOERROR with no records (object/endpoint.go sentinel port -1)', t => {
	const state = cluster();
	const ips = livePods(state, 'hello-node-')
		.map(p => p.podIP)
		.sort();
	const name = 'hdlsprtls.default.svc.cluster.local.';
	t.deepEqual(
		lookup(state, name)
			.answers.map(a => a.data)
			.sort(),
		ips,
	);
	const srv = lookup(state, name, 'SRV');
	t.deepEqual({rcode: srv.rcode, answers: srv.answers, additional: srv.additional}, {rcode: 'NOERROR', answers: [], additional: undefined});
	t.is(lookup(state, `${ips[0]!.replace(/\./g, '-')}.${name}`).answers[0]?.data, ips[0]!);
	t.is(lookup(state, `_http._tcp.${name}`, 'SRV').rcode, 'NXDOMAIN', 'a named port that no slice has');
});

test('handler_test.go apex cases: svc.cluster.local, pod.cluster.local and <ns>.svc|pod.cluster.local are NOERROR with no records; an unknown namespace is NXDOMAIN', t => {
	const state = cluster();
	for (const name of ['svc.cluster.local.', 'pod.cluster.local.', 'testns.svc.cluster.local.', 'testns.pod.cluster.local.', 'cluster.local.']) {
		const r = lookup(state, name);
		t.deepEqual({rcode: r.rcode, answers: r.answers}, {rcode: 'NOERROR', answers: []}, name);
		t.is(r.authority?.[0]?.type, 'SOA', name);
	}
	t.is(lookup(state, 'nowhere.pod.cluster.local.').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'foo.cluster.local.').rcode, 'NXDOMAIN');
});

test('parse.go parseRequest: an A question on _port._proto.<svc> answers the Service A record (underscores optional), a port it lacks is NXDOMAIN', t => {
	const state = cluster();
	const ip = getRow(state.services, 'testns/svc1')!.spec.clusterIP!;
	t.deepEqual(rr(lookup(state, '_http._tcp.svc1.testns.svc.cluster.local.').answers), [`_http._tcp.svc1.testns.svc.cluster.local A ${ip}`]);
	t.deepEqual(rr(lookup(state, 'http.tcp.svc1.testns.svc.cluster.local.').answers), [`http.tcp.svc1.testns.svc.cluster.local A ${ip}`]);
	t.is(lookup(state, '_grpc._tcp.svc1.testns.svc.cluster.local.').rcode, 'NXDOMAIN');
	t.is(lookup(state, '_http._udp.svc1.testns.svc.cluster.local.').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'a.b.c.svc1.testns.svc.cluster.local.').rcode, 'NXDOMAIN', 'too long to answer');
});

test('kubernetes.go Services: SRV on an ExternalName is NOERROR with no records; port, protocol or endpoint labels under it are NXDOMAIN', t => {
	const state = cluster();
	const srv = lookup(state, 'external.testns.svc.cluster.local.', 'SRV');
	t.deepEqual({rcode: srv.rcode, answers: srv.answers}, {rcode: 'NOERROR', answers: []});
	t.is(lookup(state, '_http._tcp.external.testns.svc.cluster.local.', 'SRV').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'endpoint.external.testns.svc.cluster.local.', 'CNAME').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'subdomain.subdomain.external.testns.svc.cluster.local.', 'CNAME').rcode, 'NXDOMAIN');
	t.deepEqual(rr(lookup(state, 'external.testns.svc.cluster.local.', 'CNAME').answers), ['external.testns.svc.cluster.local CNAME ext.interwebs.test.']);
});

test('handler_test.go "CNAME External": the target is outside the zone, so the answer stops at the CNAME and says which name upstream would have to answer', t => {
	const r = lookup(cluster(), 'external.testns.svc.cluster.local.');
	t.deepEqual(rr(r.answers), ['external.testns.svc.cluster.local CNAME ext.interwebs.test.']);
	t.is(r.outside, 'ext.interwebs.test');
	// backend_lookup.go A(): an in-zone target without records leaves no CNAME: NOERROR, empty.
	const missing = lookup(cluster(), 'external-to-missing.testns.svc.cluster.local.');
	t.deepEqual({rcode: missing.rcode, answers: missing.answers, outside: missing.outside}, {rcode: 'NOERROR', answers: [], outside: undefined});
	t.is(missing.authority?.[0]?.type, 'SOA');
});

test('handler_case_test.go: answers keep the letters of the question, the SRV target and SOA keep the zone as asked', t => {
	const state = cluster();
	const ip = getRow(state.services, 'testns/svc1')!.spec.clusterIP!;
	t.deepEqual(rr(lookup(state, 'SvC1.TeStNs.SvC.cLuStEr.LoCaL.').answers), [`SvC1.TeStNs.SvC.cLuStEr.LoCaL A ${ip}`]);
	const srv = lookup(state, '_HtTp._TcP.sVc1.TeStNs.SvC.cLuStEr.LoCaL.', 'SRV');
	t.deepEqual(rr(srv.answers), ['_HtTp._TcP.sVc1.TeStNs.SvC.cLuStEr.LoCaL SRV 0 100 80 svc1.testns.svc.cLuStEr.LoCaL.']);
	t.deepEqual(rr(srv.additional), [`svc1.testns.svc.cLuStEr.LoCaL. A ${ip}`]);
	const nx = lookup(state, 'not-a-service.testns.svc.ClUsTeR.lOcAl.');
	t.regex(rr(nx.authority)[0]!, /^ClUsTeR\.lOcAl\. SOA ns\.dns\.ClUsTeR\.lOcAl\. hostmaster\.ClUsTeR\.lOcAl\. \d+ 7200 1800 86400 30$/);
	// Through the search path, the typed part keeps its case.
	t.deepEqual(
		rr(lookup(state, 'HELLO-node-svc').answers).map(a => a.split(' ')[0]),
		['HELLO-node-svc.default.svc.cluster.local'],
	);
});

test('backend_lookup.go SOA(): a negative answer carries cluster.local. SOA ns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 30 (kubeadm ttl 30)', t => {
	const state = cluster();
	const first = lookup(state, 'svc0.testns.svc.cluster.local.');
	t.is(first.rcode, 'NXDOMAIN');
	const [soa] = first.authority ?? [];
	t.like(soa, {name: 'cluster.local.', type: 'SOA', ttl: 30});
	const serial = Number(soa!.data.split(' ')[2]);
	t.is(soa!.data, `ns.dns.cluster.local. hostmaster.cluster.local. ${serial} 7200 1800 86400 30`);
	// Unix seconds, from the virtual clock's t=0 (2026-01-01T00:00:00Z).
	t.true(serial >= 1_767_225_600);
	const later = run(state, wait(120)).state;
	const serialLater = Number(lookup(later, 'svc0.testns.svc.cluster.local.').authority![0]!.data.split(' ')[2]);
	t.is(serialLater, serial + 120);
	t.is(lookup(state, 'svc1.testns.svc.cluster.local.').authority, undefined, 'an answer has no authority section');
	// The search path's NXDOMAINs end in the last name's: no SOA for the bare name from CoreDNS's zone.
	const searched = lookup(state, 'nosuch');
	t.is(searched.tried.length, 4);
	t.is(searched.authority, undefined, 'the last name is outside the zone (the upstream answer is not simulated)');
});

test('handler_pod_insecure_test.go: <a-b-c-d>.<ns>.pod answers any address; a label that is no address is NXDOMAIN', t => {
	const state = cluster();
	t.deepEqual(rr(lookup(state, '172-0-0-2.testns.pod.cluster.local.').answers), ['172-0-0-2.testns.pod.cluster.local A 172.0.0.2']);
	t.is(lookup(state, 'blah.testns.pod.cluster.local.').rcode, 'NXDOMAIN');
	t.is(lookup(state, '300-0-0-2.testns.pod.cluster.local.').rcode, 'NXDOMAIN', 'net.ParseIP refuses an octet above 255');
	t.is(lookup(state, '172-0-0-2.pod-nons.pod.cluster.local.').rcode, 'NXDOMAIN');
});

const ptr = (state: State, ip: string, from: ClientSpec = {kind: 'default'}) =>
	lookup(state, `${ip.split('.').reverse().join('.')}.in-addr.arpa.`, 'PTR', from);

test('reverse_test.go: a ClusterIP names its Service; a ready endpoint names <hostname or dashed IP>.<service>, once per Service selecting it', t => {
	const state = cluster();
	t.deepEqual(rr(ptr(state, '10.96.0.1').answers), ['1.0.96.10.in-addr.arpa PTR kubernetes.default.svc.cluster.local.']);
	const svc1 = getRow(state.services, 'testns/svc1')!.spec.clusterIP!;
	t.deepEqual(
		ptr(state, svc1).answers.map(a => a.data),
		['svc1.testns.svc.cluster.local.'],
	);
	// hello-node pods are behind hello-node-svc, hello-again and hdlsprtls: one PTR each ("double-ep").
	const pod = livePods(state, 'hello-node-')[0]!;
	const dashed = pod.podIP!.replace(/\./g, '-');
	t.deepEqual(
		ptr(state, pod.podIP!).answers.map(a => a.data),
		[
			`${dashed}.hdlsprtls.default.svc.cluster.local.`,
			`${dashed}.hello-again.default.svc.cluster.local.`,
			`${dashed}.hello-node-svc.default.svc.cluster.local.`,
		],
	);
	// A StatefulSet pod with hostname and subdomain: its hostname names it under its Service.
	const web0 = getRow(state.pods, 'default/web-0')!;
	t.deepEqual(
		rr(ptr(state, web0.podIP!).answers).map(a => a.split(' ')[2]),
		['web-0.nginx.default.svc.cluster.local.'],
	);
	t.deepEqual(
		ptr(state, '172.0.0.4').answers.map(a => a.data),
		['dup-name.hdls1.testns.svc.cluster.local.'],
	);
});

test('reverse_test.go "101.0.0.10": an address CoreDNS does not know falls through to the upstream resolver (kubeadm: fallthrough in-addr.arpa)', t => {
	const state = cluster();
	const r = ptr(state, '10.0.0.101');
	t.deepEqual({rcode: r.rcode, upstream: r.upstream, answers: r.answers}, {rcode: 'NOERROR', upstream: true, answers: []});
	// Nodes do not ask CoreDNS at all.
	const fromNode = ptr(state, '10.96.0.1', {kind: 'node', name: 'node-1'});
	t.deepEqual({upstream: fromNode.upstream, answers: fromNode.answers, server: fromNode.server}, {upstream: true, answers: [], server: 'node resolver'});
	// reverse_test.go "svc1.testns.svc.cluster.local." PTR: a forward name that exists is NOERROR, empty.
	const forward = lookup(state, 'svc1.testns.svc.cluster.local.', 'PTR');
	t.deepEqual({rcode: forward.rcode, answers: forward.answers}, {rcode: 'NOERROR', answers: []});
	t.is(lookup(state, '100.0.0.10.cluster.local.', 'PTR').rcode, 'NXDOMAIN');
});

test("kubernetes.go Services (isDefaultNS) and ns_test.go TestNsAddrs: ns.dns.cluster.local is CoreDNS itself, the ClusterIP of each Service over its pod and a headless one's endpoints", t => {
	const dnsPods = {'k8s-app': 'kube-dns'};
	const state = run(boot(input({services: [service('hdls-dns-service', {clusterIP: 'None', selector: dnsPods}, 'kube-system')]})), wait(30)).state;
	const coredns = livePods(state, 'coredns-')
		.map(p => p.podIP ?? '')
		.sort();
	t.is(coredns.length, 2);
	const r = lookup(state, 'ns.dns.cluster.local.');
	t.is(r.rcode, 'NOERROR');
	t.deepEqual(sorted(r.answers), ['ns.dns.cluster.local A 10.96.0.10', ...coredns.map(ip => `ns.dns.cluster.local A ${ip}`)].sort());
	// Reached by the search path too; SRV finds no service there (NODATA), PTR takes it for no name (NXDOMAIN).
	t.is(lookup(state, 'ns.dns').canonicalName, 'ns.dns.cluster.local');
	t.deepEqual([lookup(state, 'ns.dns.cluster.local.', 'SRV').rcode, lookup(state, 'ns.dns.cluster.local.', 'SRV').answers], ['NOERROR', []]);
	t.is(lookup(state, 'ns.dns.cluster.local.', 'PTR').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'x.ns.dns.cluster.local.').rcode, 'NXDOMAIN', 'only the name itself');
});
