// What the backend sees as the client's address, after kube-proxy's masquerade rules
// (kubernetes/kubernetes pkg/proxy/iptables/proxier.go syncProxyRules: the EXT chain's
// "masquerade traffic for … external destinations", "masquerade LOCAL traffic for …", the
// clusterIP's localDetector.IfNotLocal rule and each endpoint chain's hairpin rule;
// kubernetes/website tutorials/services/source-ip.md).
import test from 'ava';
import type {RequestTrace, State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {formatTrace, requestsJson} from '../../source/view/request-trace.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, curl, livePods, requests, run} from './helpers.js';

const nodePortSvc = (policy: 'Cluster' | 'Local') =>
	service('web', {
		type: 'NodePort',
		externalTrafficPolicy: policy,
		ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080}],
	});

/** One hello-node pod: its node, and another node without an endpoint. */
function onePod(policy: 'Cluster' | 'Local', extra: Partial<Parameters<typeof input>[0]> = {}) {
	const state = boot(input({services: [nodePortSvc(policy)], workloads: [{...helloRC, replicas: 1}], ...extra}));
	const pod = livePods(state, 'hello-node-')[0]!;
	const here = state.nodes[pod.nodeName!]!;
	const other = Object.values(state.nodes).find(n => n.name !== here.name)!;
	return {state, pod, here, other};
}

const one = (state: State, ...args: Parameters<typeof curl>): RequestTrace => requests(run(state, curl(...args)).results[0]!).requests[0]!;

test('proxier.go EXT chain, policy Cluster: an outside client through another node is masqueraded to that node’s IP', t => {
	const {state, here, other} = onePod('Cluster');
	const trace = one(state, `${other.internalIP}:30080`, {kind: 'external'});
	t.is(trace.outcome, 'ok');
	t.deepEqual(trace.source, {ip: other.internalIP, snat: other.name, reason: 'externalTrafficPolicy: Cluster'});
	t.not(trace.source!.ip, trace.client.ip);
	t.is(trace.endpoint!.node, here.name);
	t.regex(
		formatTrace(trace),
		new RegExp(` → source ${other.internalIP.replace(/\./g, '\\.')} \\(SNAT by ${other.name}: externalTrafficPolicy: Cluster\\) → ok`),
	);
});

test('source-ip.md: policy Cluster through the endpoint’s own node, the pod sees that node’s bridge address (.1 of its podCIDR)', t => {
	const {state, here} = onePod('Cluster');
	const trace = one(state, `${here.internalIP}:30080`, {kind: 'external'});
	const bridge = here.podCIDR.replace(/\.0\/24$/, '.1');
	t.deepEqual(trace.source, {ip: bridge, snat: here.name, reason: 'externalTrafficPolicy: Cluster'});
});

test('proxier.go EXT chain, policy Local: an outside client’s address is kept (the reason Local exists)', t => {
	const {state, here} = onePod('Local');
	const trace = one(state, `${here.internalIP}:30080`, {kind: 'external'});
	t.is(trace.outcome, 'ok');
	t.deepEqual(trace.source, {ip: trace.client.ip});
	t.true(formatTrace(trace).includes(` → source ${trace.client.ip} (client IP kept) → ok`));
});

test('proxier.go EXT chain, policy Local: pod traffic is short-circuited without SNAT; the node’s own traffic is masqueraded ("masquerade LOCAL traffic")', t => {
	const {state, here, other} = onePod('Local');
	const fromPod = one(state, `${other.internalIP}:30080`);
	t.is(fromPod.outcome, 'ok');
	t.deepEqual(fromPod.source, {ip: fromPod.client.ip});
	const fromNode = one(state, `${other.internalIP}:30080`, {kind: 'node', name: other.name});
	t.is(fromNode.outcome, 'ok');
	t.deepEqual(fromNode.source, {ip: other.internalIP, snat: other.name, reason: 'from the node itself'});
	// Another node's traffic arrives with that node's address and is not marked.
	const fromThere = one(state, `${here.internalIP}:30080`, {kind: 'node', name: other.name});
	t.deepEqual(fromThere.source, {ip: other.internalIP});
});

test('proxier.go clusterIP rules: a pod’s own address reaches the backend; a node’s traffic (not in the pod network) is masqueraded', t => {
	const {state, here, other} = onePod('Cluster');
	const vip = `${getRow(state.services, 'default/web')!.spec.clusterIP}:80`;
	const fromPod = one(state, 'web');
	t.deepEqual(fromPod.source, {ip: fromPod.client.ip});
	// Nothing to teach in the text when the client's own address arrives through a ClusterIP.
	t.false(formatTrace(fromPod).includes('source '));
	const fromNode = one(state, vip, {kind: 'node', name: other.name});
	t.deepEqual(fromNode.source, {ip: other.internalIP, snat: other.name, reason: 'from outside the pod network'});
	const fromItsNode = one(state, vip, {kind: 'node', name: here.name});
	t.is(fromItsNode.source!.ip, here.podCIDR.replace(/\.0\/24$/, '.1'));
});

test('proxier.go endpoint chain `-s <endpoint IP> -j KUBE-MARK-MASQ`: a pod balanced back to itself is masqueraded (hairpin, S97)', t => {
	const {state, pod} = onePod('Cluster');
	const trace = one(state, 'web', {kind: 'pod', name: pod.name, namespace: 'default'});
	t.is(trace.endpoint!.ip, pod.podIP!);
	t.deepEqual(trace.source, {
		ip: state.nodes[pod.nodeName!]!.podCIDR.replace(/\.0\/24$/, '.1'),
		snat: pod.nodeName!,
		reason: 'hairpin: the pod reached itself',
	});
});

test('a pod IP dialled directly involves no proxy: the client’s address arrives', t => {
	const {state, pod} = onePod('Cluster');
	const trace = one(state, `${pod.podIP}:8080`, {kind: 'node', name: 'node-1'});
	t.deepEqual(trace.source, {ip: trace.client.ip});
});

test('-o json of curl carries the source and who masqueraded it', t => {
	const {state, other} = onePod('Cluster');
	const trace = one(state, `${other.internalIP}:30080`, {kind: 'external'});
	const json = requestsJson([trace], {total: 1, ok: 1, failed: 0, byPod: {}, byReason: {}}) as {requests: Array<Record<string, unknown>>};
	t.deepEqual(json.requests[0]!.source, {ip: other.internalIP, snat: other.name, reason: 'externalTrafficPolicy: Cluster'});
	t.is(json.requests[0]!.service, 'default/web');
});
