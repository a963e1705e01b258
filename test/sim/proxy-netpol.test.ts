// NetworkPolicy on the request paths of source/sim/proxy.ts: the verdict is taken on the
// translated connection (endpoint pod and targetPort, not the ClusterIP and Service port), with
// the source the pod sees after SNAT (sim/source-nat.ts), and a dropped connection times out.
// Scenes from kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, named in titles.
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {getRow, initialState, type State} from '../../source/sim/index.js';
import {requestsJson} from '../../source/view/request-trace.js';
import {curl, requests, run, withRow} from './helpers.js';

const SHOP = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  nodeName: node-2
  containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  type: NodePort
  selector: {app: api}
  ports: [{port: 80, targetPort: http, nodePort: 30080}]
`;

function cluster(...docs: string[]): State {
	const loaded = loadSources([{name: 'shop.yaml', text: [SHOP, ...docs].join('---\n')}]);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return run(init.state, {type: 'clockAdvanced', ms: 30_000}).state;
}

const np = (ns: string, name: string, ...spec: string[]) =>
	['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: ${ns}}`, 'spec:', ...spec, ''].join('\n');

const only = (state: State, target: string, from: object = {kind: 'default'}) => {
	const r = requests(run(state, curl(target, from)).results[0]!);
	return r.requests[0]!;
};

test('a policy written against the Service port (80) drops the connection: it is judged at the endpoint on targetPort 8080; the trace names it and times out', t => {
	const state = cluster(np('shop', 'api-80', '  podSelector: {matchLabels: {app: api}}', '  ingress:', '  - ports: [{port: 80}]'));
	const trace = only(state, 'api.shop');
	t.is(trace.outcome, 'timeout');
	t.is(trace.reason, 'dropped by NetworkPolicy shop/api-80 (ingress of pod api, no rule allows from pod/curl in default on port 8080/TCP)');
	t.is(trace.endpoint?.port, 8080, 'the endpoint was chosen; the packets never got through');
	t.false(trace.networkPolicy?.allowed);
});

test('e2e: should allow ingress access on one named port, through a Service: the named port and the number both let it through, and the trace names the rule', t => {
	for (const port of ['http', '8080']) {
		const state = cluster(np('shop', 'api-allow', '  podSelector: {matchLabels: {app: api}}', '  ingress:', `  - ports: [{port: ${port}}]`));
		const trace = only(state, 'api.shop');
		t.is(trace.outcome, 'ok', port);
		t.true(trace.reason.endsWith(', ingress allowed by NetworkPolicy shop/api-allow spec.ingress[0]'), trace.reason);
		const json = requestsJson([trace], {total: 1, ok: 1, failed: 0, byPod: {}, byReason: {}}) as {requests: Array<{networkPolicy: unknown}>};
		t.deepEqual(json.requests[0]?.networkPolicy, {
			allowed: true,
			egress: {direction: 'egress', pod: 'default/curl', policies: [], allowed: true},
			ingress: {direction: 'ingress', pod: 'shop/api', policies: ['shop/api-allow'], allowed: true, rule: {policy: 'shop/api-allow', index: 0}},
		});
	}
});

test("e2e: should deny egress from all pods in a namespace: the client's egress drops the request to the Service (the default client is `kubectl run curl`'s pod, run=curl)", t => {
	const state = cluster(np('default', 'deny-egress', '  podSelector: {matchLabels: {run: curl}}', '  policyTypes: [Egress]'));
	const trace = only(state, `${getRow(state.services, 'shop/api')!.spec.clusterIP}:80`);
	t.is(trace.outcome, 'timeout');
	t.is(trace.reason, 'dropped by NetworkPolicy default/deny-egress (egress of pod curl, no rule allows to pod/api in shop on port 8080/TCP)');
	t.is(only(state, `${getRow(state.services, 'shop/api')!.spec.clusterIP}:80`, {kind: 'node', name: 'node-1'}).outcome, 'ok', 'a node has no policies');
});

test('NodePort from outside: the source the pod sees decides an ipBlock rule (Cluster: SNAT to the entry node; Local: client IP kept; its own node always allowed)', t => {
	const allowOutside = np('shop', 'from-outside', '  podSelector: {matchLabels: {app: api}}', '  ingress:', '  - from: [{ipBlock: {cidr: 198.51.100.0/24}}]');
	const state = cluster(allowOutside);
	const nodeIP = (name: string) => state.nodes[name]!.internalIP;
	const viaNode1 = only(state, `${nodeIP('node-1')}:30080`, {kind: 'external'});
	t.is(viaNode1.source?.snat, 'node-1');
	t.is(viaNode1.outcome, 'timeout');
	t.is(
		viaNode1.reason,
		`dropped by NetworkPolicy shop/from-outside (ingress of pod api, no rule allows from node/node-1 (${nodeIP('node-1')}) on port 8080/TCP)`,
	);
	const viaNode2 = only(state, `${nodeIP('node-2')}:30080`, {kind: 'external'});
	t.is(viaNode2.outcome, 'ok', 'SNAT to the pod bridge of its own node: the local node is always allowed');
	t.true(viaNode2.reason.endsWith("ingress from the pod's own node (always allowed)"), viaNode2.reason);
	const local = getRow(state.services, 'shop/api')!;
	const withLocal = {...state, services: withRow(state.services, 'shop/api', {...local, spec: {...local.spec, externalTrafficPolicy: 'Local' as const}})};
	const kept = only(withLocal, `${nodeIP('node-2')}:30080`, {kind: 'external'});
	t.is(kept.source?.ip, '198.51.100.7');
	t.true(kept.reason.endsWith('ingress allowed by NetworkPolicy shop/from-outside spec.ingress[0]'), kept.reason);
});

test('straight to the pod IP: judged as well; with no policy at all, traces carry no verdict', t => {
	const state = cluster(np('shop', 'deny', '  podSelector: {}'));
	const ip = getRow(state.pods, 'shop/api')!.podIP!;
	t.is(only(state, `${ip}:8080`).outcome, 'timeout');
	const open = cluster();
	const trace = only(open, `${ip}:8080`);
	t.is(trace.outcome, 'ok');
	t.is(trace.networkPolicy, undefined);
});
