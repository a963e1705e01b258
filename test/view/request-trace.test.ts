import test from 'ava';
import type {DnsResult, RequestSummary, RequestTrace} from '../../source/sim/types.js';
import {formatSummary} from '../../source/view/request-summary.js';
import {formatClient, formatTrace, formatTraces, requestsJson} from '../../source/view/request-trace.js';
import {input} from '../sim/hello-input.js';
import {boot, curl, requests, run, wait} from '../sim/helpers.js';

const dnsA: DnsResult = {
	question: 'hello-node-svc',
	qtype: 'A',
	tried: [{name: 'hello-node-svc.default.svc.cluster.local.', rcode: 'NOERROR'}],
	answers: [{name: 'hello-node-svc.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.104.23.171'}],
	rcode: 'NOERROR',
	canonicalName: 'hello-node-svc.default.svc.cluster.local.',
	upstream: false,
	server: '10.96.0.10',
};

const fromCurl: RequestTrace = {
	seq: 1,
	at: 0,
	client: {kind: 'pod', name: 'curl', namespace: 'default', ip: '10.244.0.5', nodeName: 'node-1'},
	target: 'hello-node-svc:80',
	dns: dnsA,
	resolved: '10.104.23.171:80',
	via: 'ClusterIP',
	service: 'default/hello-node-svc',
	servicePort: '',
	endpoint: {pod: 'hello-node-x2k4z', ip: '10.244.1.3', port: 8080, node: 'node-2'},
	outcome: 'ok',
	reason: '',
};

const fromLaptop: RequestTrace = {
	seq: 2,
	at: 0,
	client: {kind: 'external', name: 'laptop', ip: '203.0.113.50'},
	target: '10.104.23.171:80',
	resolved: '10.104.23.171:80',
	via: 'none',
	endpoint: null,
	outcome: 'timeout',
	reason: 'ClusterIP is not reachable from outside the cluster',
};

test("a successful request through a ClusterIP (the brief's first example)", t => {
	t.is(
		formatTrace(fromCurl),
		'pod/curl (10.244.0.5 on node-1) → hello-node-svc:80 → A 10.104.23.171 → ClusterIP 10.104.23.171:80 → hello-node-x2k4z 10.244.1.3:8080 on node-2 → ok',
	);
});

test("an outside client cannot reach a ClusterIP (E4, H3; the brief's second example)", t => {
	t.is(formatTrace(fromLaptop), 'external/laptop (203.0.113.50) → 10.104.23.171:80 → timed out: ClusterIP is not reachable from outside the cluster');
});

test('the simulator marks the external attempt as ClusterIP; the address is not repeated', t => {
	t.is(formatTrace({...fromLaptop, via: 'ClusterIP'}), formatTrace(fromLaptop));
	t.is(
		formatTrace({...fromCurl, target: '10.104.23.171:80', dns: undefined}),
		'pod/curl (10.244.0.5 on node-1) → 10.104.23.171:80 → ClusterIP 10.104.23.171:80 → hello-node-x2k4z 10.244.1.3:8080 on node-2 → ok',
	);
});

test('an endpoint pinned by session affinity is marked', t => {
	t.true(formatTrace({...fromCurl, affinity: true}).endsWith('→ hello-node-x2k4z 10.244.1.3:8080 on node-2 (affinity) → ok'));
});

test('connection refused with no endpoints; NXDOMAIN; NodePort from a node', t => {
	t.is(
		formatTrace({...fromCurl, endpoint: null, outcome: 'refused', reason: 'default/hello-node-svc has no ready endpoints'}),
		'pod/curl (10.244.0.5 on node-1) → hello-node-svc:80 → A 10.104.23.171 → ClusterIP 10.104.23.171:80 → connection refused: default/hello-node-svc has no ready endpoints',
	);
	t.is(
		formatTrace({
			...fromCurl,
			target: 'nosuch:80',
			dns: {...dnsA, question: 'nosuch', rcode: 'NXDOMAIN', answers: []},
			resolved: null,
			via: 'none',
			endpoint: null,
			outcome: 'nxdomain',
			reason: 'nosuch: NXDOMAIN',
		}),
		'pod/curl (10.244.0.5 on node-1) → nosuch:80 → NXDOMAIN → could not resolve host: nosuch: NXDOMAIN',
	);
	t.is(
		formatTrace({
			...fromCurl,
			client: {kind: 'node', name: 'node-3', ip: '192.168.49.4', nodeName: 'node-3'},
			target: '192.168.49.4:30036',
			dns: undefined,
			resolved: '192.168.49.4:30036',
			via: 'NodePort',
		}),
		'node/node-3 (192.168.49.4) → 192.168.49.4:30036 → NodePort 192.168.49.4:30036 → hello-node-x2k4z 10.244.1.3:8080 on node-2 → ok',
	);
});

test('headless answers list every pod IP; ExternalName shows the CNAME chain', t => {
	const headless: DnsResult = {
		...dnsA,
		question: 'db',
		answers: [
			{name: 'db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.0.6'},
			{name: 'db.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.5'},
		],
	};
	t.is(
		formatTrace({
			...fromCurl,
			target: 'db:5432',
			dns: headless,
			resolved: '10.244.0.6:5432',
			via: 'Headless',
			endpoint: {pod: 'db-1', ip: '10.244.0.6', port: 5432, node: 'node-1'},
		}),
		'pod/curl (10.244.0.5 on node-1) → db:5432 → A 10.244.0.6,10.244.1.5 → Headless 10.244.0.6:5432 → db-1 10.244.0.6:5432 on node-1 → ok',
	);
	const cname: DnsResult = {
		...dnsA,
		question: 'ext',
		upstream: true,
		answers: [
			{name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'example.com.'},
			{name: 'example.com.', type: 'A', ttl: 300, data: '93.184.215.14'},
		],
	};
	t.is(
		formatTrace({
			...fromCurl,
			target: 'ext:80',
			dns: cname,
			resolved: '93.184.215.14:80',
			via: 'ExternalName',
			endpoint: {pod: null, ip: '93.184.215.14', port: 80, node: null},
		}),
		'pod/curl (10.244.0.5 on node-1) → ext:80 → CNAME example.com → A 93.184.215.14 → ExternalName 93.184.215.14:80 → ok',
	);
});

test('a client pod outside default names its namespace', t => {
	t.is(formatClient({kind: 'pod', name: 'web', namespace: 'shop', ip: '10.244.2.9', nodeName: 'node-3'}), 'pod/web (10.244.2.9 on node-3, namespace shop)');
});

test('untrusted target text is sanitized', t => {
	const line = formatTrace({...fromLaptop, target: 'x\u001b]0;hi\u0007:80'});
	t.is(line, 'external/laptop (203.0.113.50) → x^[]0;hi^G:80 → timed out: ClusterIP is not reachable from outside the cluster');
	t.is(formatTraces([fromCurl, fromLaptop]).split('\n').length, 2);
});

const summary: RequestSummary = {
	total: 10,
	ok: 8,
	failed: 2,
	byPod: {'hello-node-x2k4z': 5, 'hello-node-7b2qp': 3},
	byReason: {'no ready endpoints': 2},
};

const traces: RequestTrace[] = [
	fromCurl,
	{...fromCurl, endpoint: {pod: 'hello-node-7b2qp', ip: '10.244.0.5', port: 8080, node: 'node-1'}},
	{...fromCurl, endpoint: null, outcome: 'refused', reason: 'no ready endpoints'},
];

test('summary: distribution per pod with counts, percentages and bars, then failures', t => {
	t.is(
		formatSummary(summary, traces),
		[
			'10 requests: 8 ok, 2 failed',
			'  hello-node-7b2qp (10.244.0.5 on node-1)   3   30.0%  #########',
			'  hello-node-x2k4z (10.244.1.3 on node-2)   5   50.0%  ###############',
			'failures:',
			'  connection refused: no ready endpoints    2   20.0%  ######',
		].join('\n'),
	);
});

test('summary of all-ok and of nothing', t => {
	t.is(
		formatSummary({total: 3, ok: 3, failed: 0, byPod: {'hello-node-x2k4z': 3}, byReason: {}}, traces),
		'3 requests: 3 ok, 0 failed\n  hello-node-x2k4z (10.244.1.3 on node-2)   3  100.0%  ##############################',
	);
	t.is(formatSummary({total: 0, ok: 0, failed: 0, byPod: {}, byReason: {}}, []), '0 requests: 0 ok, 0 failed');
});

test('requestsJson keeps the data, no formatting', t => {
	t.deepEqual(requestsJson([fromCurl, fromLaptop], summary), {
		requests: [
			{
				client: {kind: 'pod', name: 'curl', namespace: 'default', ip: '10.244.0.5', nodeName: 'node-1'},
				target: 'hello-node-svc:80',
				dns: {
					question: 'hello-node-svc',
					qtype: 'A',
					server: '10.96.0.10',
					rcode: 'NOERROR',
					tried: [{name: 'hello-node-svc.default.svc.cluster.local.', rcode: 'NOERROR'}],
					answers: [{name: 'hello-node-svc.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.104.23.171'}],
					upstream: false,
					canonicalName: 'hello-node-svc.default.svc.cluster.local.',
				},
				resolved: '10.104.23.171:80',
				via: 'ClusterIP',
				service: 'default/hello-node-svc',
				endpoint: {pod: 'hello-node-x2k4z', ip: '10.244.1.3', port: 8080, node: 'node-2'},
				outcome: 'ok',
				reason: '',
			},
			{
				client: {kind: 'external', name: 'laptop', ip: '203.0.113.50'},
				target: '10.104.23.171:80',
				resolved: '10.104.23.171:80',
				via: 'none',
				endpoint: null,
				outcome: 'timeout',
				reason: 'ClusterIP is not reachable from outside the cluster',
			},
		],
		summary,
	});
});

test('a lookup that timed out: the DNS step says so and the outcome is curl\'s "Could not resolve host", with why (sim/dns.ts clusterDnsDown)', t => {
	const {results} = run(
		boot(input()),
		{type: 'replicasScaled', kind: 'Deployment', namespace: 'kube-system', name: 'coredns', replicas: 0},
		wait(60),
		curl('hello-node-svc:80'),
	);
	const [trace] = requests(results[2]!).requests;
	t.is(
		formatTrace(trace!),
		`pod/curl (${trace!.client.ip} on ${trace!.client.nodeName}) → hello-node-svc:80 → DNS timed out → could not resolve host: no reply from 10.96.0.10:53 (glibc gives up after 2 tries of 5 s, musl after 5 s): Service kube-system/kube-dns has no ready endpoints: no pod in namespace "kube-system" has labels k8s-app=kube-dns`,
	);
});
