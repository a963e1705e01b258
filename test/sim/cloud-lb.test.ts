// Outside clients reach a load-balancer or external IP through a node: the cloud balancer's pick
// among the nodes that pass its health check (kubernetes/website tutorials/services/source-ip.md
// "Source IP for Services with Type=LoadBalancer"; the check is kube-proxy's healthCheckNodePort,
// pkg/proxy/healthcheck/service_health.go), the network's route for an externalIP, or --via.
import test from 'ava';
import type {RequestTrace} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, curl, livePods, requests, run} from './helpers.js';

const lb = (policy: 'Cluster' | 'Local', extra = {}) => service('web', {type: 'LoadBalancer', externalTrafficPolicy: policy, ...extra});

function cluster(policy: 'Cluster' | 'Local', replicas = 1, seed = 1) {
	const state = boot(input({config: {loadBalancerPool: ['203.0.113.10']}, services: [lb(policy)], workloads: [{...helloRC, replicas}]}), seed);
	const pod = livePods(state, 'hello-node-')[0]!;
	return {state, podNode: pod.nodeName!};
}

const burst = (state: ReturnType<typeof cluster>['state'], from: object, count: number, target = '203.0.113.10:80'): RequestTrace[] =>
	requests(run(state, curl(target, from, count)).results[0]!).requests;

test('source-ip.md: with Local, the health check takes nodes without an endpoint out of rotation: every connection enters by the pod’s node and keeps the client IP', t => {
	const {state, podNode} = cluster('Local');
	const traces = burst(state, {kind: 'external'}, 40);
	t.true(traces.every(r => r.outcome === 'ok'));
	t.deepEqual([...new Set(traces.map(r => r.entryNode?.name))], [podNode]);
	t.is(traces[0]!.entryNode!.chosenBy, 'load balancer');
	t.true(traces.every(r => r.source?.ip === r.client.ip && r.source.snat === undefined));
});

test('with Cluster every node is in rotation: the seeded pick spreads connections, each masqueraded by the node it entered', t => {
	const {state} = cluster('Cluster');
	const traces = burst(state, {kind: 'external'}, 60);
	t.true(traces.every(r => r.outcome === 'ok'));
	t.deepEqual([...new Set(traces.map(r => r.entryNode!.name))].sort(), Object.keys(state.nodes).sort());
	t.true(traces.every(r => r.source?.snat === r.entryNode!.name));
	// Same seed, same picks.
	t.deepEqual(
		burst(state, {kind: 'external'}, 60).map(r => r.entryNode!.name),
		traces.map(r => r.entryNode!.name),
	);
});

test('proxier.go "has no local endpoints" DROP: --via a node without a local endpoint times out, naming it', t => {
	const {state, podNode} = cluster('Local');
	const away = Object.keys(state.nodes).find(n => n !== podNode)!;
	const [dropped] = burst(state, {kind: 'external', via: away}, 1);
	t.is(dropped!.outcome, 'timeout');
	t.is(dropped!.reason, `externalTrafficPolicy: Local and no ready endpoint on ${away}`);
	t.deepEqual(dropped!.entryNode, {name: away, chosenBy: 'via'});
	const [there] = burst(state, {kind: 'external', via: podNode}, 1);
	t.is(there!.outcome, 'ok');
});

test('an externalIP is routed by the network to one node (the first by name); --via names another', t => {
	const svc = service('ext', {type: 'ClusterIP', externalIPs: ['198.51.100.20']});
	const state = boot(input({services: [svc]}));
	const [routed] = burst(state, {kind: 'external'}, 1, '198.51.100.20:80');
	t.is(routed!.via, 'ExternalIP');
	t.deepEqual(routed!.entryNode, {name: 'node-1', chosenBy: 'route'});
	const [named] = burst(state, {kind: 'external', via: 'node-2'}, 1, '198.51.100.20:80');
	t.deepEqual(named!.entryNode, {name: 'node-2', chosenBy: 'via'});
	t.is(named!.source!.snat, 'node-2');
});

test('--via: only for outside clients, only to a load-balancer or external IP, only an existing node', t => {
	const {state} = cluster('Cluster');
	const fromPod = run(state, curl('203.0.113.10:80', {kind: 'default', via: 'node-1'}));
	t.deepEqual(fromPod.results[0], {kind: 'error', message: "error: --via applies to outside clients (--from external or an external client's name)"});
	const unknown = run(state, curl('203.0.113.10:80', {kind: 'external', via: 'node-9'}));
	t.deepEqual(unknown.results[0], {kind: 'error', message: 'Error from server (NotFound): nodes "node-9" not found'});
	const [nodePort] = burst(state, {kind: 'external', via: 'node-1'}, 1, '192.168.49.2:30036');
	t.is(nodePort!.outcome, 'error');
	t.regex(nodePort!.reason, /^--via node\/node-1: 192\.168\.49\.2 is not a load-balancer or external IP/);
});

test('in-cluster clients are not sent through the balancer: their own node captures the load-balancer IP (E6)', t => {
	const {state} = cluster('Local');
	const traces = burst(state, {kind: 'default'}, 10);
	t.true(traces.every(r => r.outcome === 'ok' && r.entryNode === undefined));
});

test('cloud-provider-gcp translateAffinityType: with sessionAffinity ClientIP the balancer hashes the client address, so its connections keep one node and one pinned pod', t => {
	const sticky = lb('Cluster', {sessionAffinity: 'ClientIP', sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}});
	const state = boot(input({config: {loadBalancerPool: ['203.0.113.10']}, services: [sticky]}));
	const traces = burst(state, {kind: 'external'}, 30);
	t.is(new Set(traces.map(r => r.entryNode!.name)).size, 1);
	t.is(new Set(traces.map(r => r.endpoint!.ip)).size, 1);
	t.true(traces.slice(1).every(r => r.affinity === true));
});

function guarded(extra: object, annotations: Record<string, string> = {}) {
	const svc = {...lb('Cluster', {ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080}], ...extra})};
	svc.meta = {...svc.meta, annotations};
	const clients = [
		{name: 'office', ip: '198.51.100.7'},
		{name: 'stranger', ip: '203.0.113.99'},
	];
	return boot(input({config: {loadBalancerPool: ['203.0.113.10'], externalClients: clients}, services: [svc]}));
}

const outcomes = (traces: RequestTrace[]) => traces.map(r => `${r.outcome}: ${r.reason}`);

test('loadBalancerSourceRanges: the cloud firewall drops an outside client outside the ranges (times out, reason named); one inside gets through; entries are read trimmed', t => {
	const state = guarded({loadBalancerSourceRanges: [' 198.51.100.0/24 ']});
	t.deepEqual(outcomes(burst(state, {kind: 'external', name: 'stranger'}, 1)), [
		"timeout: the load balancer's firewall drops 203.0.113.99: not in loadBalancerSourceRanges 198.51.100.0/24",
	]);
	t.is(burst(state, {kind: 'external', name: 'office'}, 1)[0]!.outcome, 'ok');
	// kube-proxy's firewall chain guards only the load-balancer IP: the node port stays open to all.
	const nodeIP = Object.values(state.nodes)[0]!.internalIP;
	t.is(burst(state, {kind: 'external', name: 'stranger'}, 1, `${nodeIP}:30080`)[0]!.outcome, 'ok');
	// 0.0.0.0/0 holds every address.
	t.is(burst(guarded({loadBalancerSourceRanges: ['0.0.0.0/0']}), {kind: 'external', name: 'stranger'}, 1)[0]!.outcome, 'ok');
});

test('loadBalancerSourceRanges: kube-proxy applies the field to in-cluster clients of the LB IP too (proxier.go firewall chain), and to an outside client sent with --via', t => {
	const state = guarded({loadBalancerSourceRanges: ['198.51.100.0/24']});
	const [fromPod] = burst(state, {kind: 'default'}, 1);
	t.is(fromPod!.outcome, 'timeout');
	t.regex(fromPod!.reason, /^kube-proxy's firewall on node-1 drops 10\.244\.0\.\d+: not in loadBalancerSourceRanges 198\.51\.100\.0\/24$/);
	t.deepEqual(outcomes(burst(state, {kind: 'external', name: 'stranger', via: 'node-2'}, 1)), [
		"timeout: kube-proxy's firewall on node-2 drops 203.0.113.99: not in loadBalancerSourceRanges 198.51.100.0/24",
	]);
	// The ClusterIP is no load-balancer address: no firewall there.
	const clusterIP = getRow(state.services, 'default/web')!.spec.clusterIP!;
	t.is(burst(state, {kind: 'default'}, 1, `${clusterIP}:80`)[0]!.outcome, 'ok');
});

test('the source-ranges annotation is the cloud provider’s only (GetLoadBalancerSourceRanges: field wins, else annotation): outside clients are filtered, in-cluster ones and --via are not', t => {
	const key = 'service.beta.kubernetes.io/load-balancer-source-ranges';
	const state = guarded({}, {[key]: '10.0.0.0/8, 198.51.100.7/32'});
	t.deepEqual(outcomes(burst(state, {kind: 'external', name: 'stranger'}, 1)), [
		`timeout: the load balancer's firewall drops 203.0.113.99: not in ${key} 10.0.0.0/8,198.51.100.7/32`,
	]);
	t.is(burst(state, {kind: 'external', name: 'office'}, 1)[0]!.outcome, 'ok');
	t.is(burst(state, {kind: 'default'}, 1)[0]!.outcome, 'ok');
	t.is(burst(state, {kind: 'external', name: 'stranger', via: 'node-2'}, 1)[0]!.outcome, 'ok');
	// With the field set, the annotation is ignored by everyone.
	const both = guarded({loadBalancerSourceRanges: ['203.0.113.0/24']}, {[key]: '198.51.100.7/32'});
	t.is(burst(both, {kind: 'external', name: 'stranger'}, 1)[0]!.outcome, 'ok');
	t.is(burst(both, {kind: 'external', name: 'office'}, 1)[0]!.outcome, 'timeout');
});
