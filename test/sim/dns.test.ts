import test from 'ava';
import type {ClientSpec, DnsResult, State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';

function lookup(state: State, name: string, qtype: DnsResult['qtype'] = 'A', from: ClientSpec = {kind: 'default'}): DnsResult {
	const result = run(state, {type: 'dnsQueried', name, qtype, from}).results[0]!;
	if (result.kind !== 'dns') throw new Error(JSON.stringify(result));
	return result.result;
}

const answers = (r: DnsResult) => r.answers.map(a => `${a.name} ${a.type} ${a.data}`);

const sts = {
	...helloRC,
	kind: 'StatefulSet' as const,
	meta: {...helloRC.meta, name: 'web'},
	serviceName: 'nginx',
	selector: {matchLabels: {app: 'nginx'}, matchExpressions: []},
	template: {...helloRC.template, labels: {app: 'nginx'}},
};
const cluster = () =>
	boot(
		input({
			namespaces: [{name: 'other'}],
			workloads: [helloRC, sts],
			services: [
				service('hello-node-svc', {}),
				service('nginx', {clusterIP: 'None', selector: {app: 'nginx'}}),
				service('db', {type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: []}),
				service('alias', {type: 'ExternalName', externalName: 'hello-node-svc.default.svc.cluster.local', selector: undefined, ports: []}),
				service('empty', {selector: {app: 'none'}}),
				service('web', {selector: {app: 'none'}}, 'other'),
			],
		}),
	);

test('F1/H8: <svc>.<ns>.svc.cluster.local is the ClusterIP, even with no endpoints', t => {
	const state = cluster();
	const ip = getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP!;
	t.deepEqual(answers(lookup(state, 'hello-node-svc.default.svc.cluster.local')), [`hello-node-svc.default.svc.cluster.local A ${ip}`]);
	t.is(lookup(state, 'empty').answers[0]!.data, getRow(state.services, 'default/empty')!.spec.clusterIP!);
});

test('F5/S112: search path with ndots:5 — short names from the same namespace, <svc>.<ns> from anywhere', t => {
	const state = cluster();
	const short = lookup(state, 'hello-node-svc');
	t.deepEqual(short.tried, [{name: 'hello-node-svc.default.svc.cluster.local', rcode: 'NOERROR'}]);
	const cross = lookup(state, 'web.other');
	t.deepEqual(cross.tried, [
		{name: 'web.other.default.svc.cluster.local', rcode: 'NXDOMAIN'},
		{name: 'web.other.svc.cluster.local', rcode: 'NOERROR'},
	]);
	const fromOther = lookup(state, 'hello-node-svc', 'A', {kind: 'default', namespace: 'other'});
	t.is(fromOther.rcode, 'NXDOMAIN');
	t.deepEqual(
		fromOther.tried.map(q => q.name),
		['hello-node-svc.other.svc.cluster.local', 'hello-node-svc.svc.cluster.local', 'hello-node-svc.cluster.local', 'hello-node-svc'],
	);
});

test('F2/H5: a headless name answers one A per ready pod; StatefulSet pods get <hostname>.<svc> names', t => {
	let state = cluster();
	const ips = livePods(state, 'web-')
		.map(p => p.podIP)
		.sort();
	t.deepEqual(
		lookup(state, 'nginx')
			.answers.map(a => a.data)
			.sort(),
		ips,
	);
	const web0 = getRow(state.pods, 'default/web-0')!;
	t.deepEqual(answers(lookup(state, 'web-0.nginx.default.svc.cluster.local')), [`web-0.nginx.default.svc.cluster.local A ${web0.podIP}`]);
	state = run(state, {type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 0}, wait(100)).state;
	t.is(lookup(state, 'nginx').rcode, 'NXDOMAIN', 'S104: no ready endpoints ⇒ NXDOMAIN');
});

test('F3/S103: SRV records for named ports (Service target for ClusterIP, pods for headless)', t => {
	const state = cluster();
	t.deepEqual(answers(lookup(state, '_http._tcp.hello-node-svc.default.svc.cluster.local', 'SRV')), [
		'_http._tcp.hello-node-svc.default.svc.cluster.local SRV 0 100 80 hello-node-svc.default.svc.cluster.local.',
	]);
	const headless = lookup(state, '_http._tcp.nginx.default.svc.cluster.local', 'SRV');
	t.deepEqual(headless.answers.map(a => a.data).sort(), [
		'0 33 8080 web-0.nginx.default.svc.cluster.local.',
		'0 33 8080 web-1.nginx.default.svc.cluster.local.',
		'0 33 8080 web-2.nginx.default.svc.cluster.local.',
	]);
	t.is(lookup(state, '_grpc._tcp.hello-node-svc.default.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
});

test('F4: ExternalName is a CNAME; an in-cluster target is followed by CoreDNS', t => {
	const state = cluster();
	t.deepEqual(answers(lookup(state, 'db')), ['db.default.svc.cluster.local CNAME db.example.com.']);
	const ip = getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP!;
	t.deepEqual(answers(lookup(state, 'alias')), [
		'alias.default.svc.cluster.local CNAME hello-node-svc.default.svc.cluster.local.',
		`hello-node-svc.default.svc.cluster.local A ${ip}`,
	]);
});

test('F5: pod A records <a-b-c-d>.<ns>.pod.cluster.local', t => {
	const state = cluster();
	t.deepEqual(answers(lookup(state, '10-244-1-5.default.pod.cluster.local')), ['10-244-1-5.default.pod.cluster.local A 10.244.1.5']);
	t.is(lookup(state, '10-244-1-5.nowhere.pod.cluster.local').rcode, 'NXDOMAIN');
});

test('F6/S110: unknown names, namespaces and shapes are NXDOMAIN; nodes and outside clients do not use cluster DNS', t => {
	const state = cluster();
	t.is(lookup(state, 'nope.default.svc.cluster.local').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'hello-node-svc.nowhere.svc.cluster.local').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'foo.bar.cluster.local').rcode, 'NXDOMAIN');
	t.is(lookup(state, 'hello-node-svc.default.svc.cluster.local', 'A', {kind: 'node', name: 'node-1'}).rcode, 'NXDOMAIN');
	t.is(lookup(state, 'hello-node-svc.default.svc.cluster.local', 'A', {kind: 'external'}).rcode, 'NXDOMAIN');
});

test('names outside the zone go upstream, which the simulator says it does not model', t => {
	const r = lookup(cluster(), 'example.com');
	t.true(r.upstream);
	t.is(r.tried.length, 4);
	t.deepEqual(r.answers, []);
});
