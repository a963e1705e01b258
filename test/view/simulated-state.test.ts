// The view over states the real simulator produces (loader → initialState → reduce), asserting
// the Kubernetes facts the tables must show rather than exact IPs, which the seed decides.

import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {initialState, step} from '../../source/sim/index.js';
import type {State} from '../../source/sim/types.js';
import {describeService} from '../../source/view/describe-service.js';
import {type GetOptions, get} from '../../source/view/get.js';
import {formatTraces} from '../../source/view/request-trace.js';
import {text} from './get-helpers.js';

const MANIFEST = `
apiVersion: v1
kind: ReplicationController
metadata:
  name: hello-node
spec:
  replicas: 3
  selector:
    app: hello-node
  template:
    metadata:
      labels:
        app: hello-node
    spec:
      containers:
        - name: hello-node
          image: gcr.io/google-samples/node-hello:1.0
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: hello-node-svc
spec:
  selector:
    app: hello-node
  type: NodePort
  ports:
    - name: http
      port: 80
      targetPort: 8080
      nodePort: 30036
`;

function settled(seed = 1): State {
	const loaded = loadSources([{name: 'hello.yaml', text: MANIFEST}]);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return step(init.state, {type: 'clockAdvanced', ms: 60_000}).state;
}

const options = (extra: Partial<GetOptions>): GetOptions => ({resource: 'pods', namespace: 'default', allNamespaces: false, output: 'table', ...extra});

const rows = (table: string): string[][] =>
	table
		.split('\n')
		.slice(1)
		.map(line => line.trim().split(/\s{2,}/));

test('a settled RC + NodePort Service: three Running pods, all in the endpoints', t => {
	const state = settled();
	const pods = rows(text(get(state, options({selector: 'app=hello-node', output: 'wide'}))));
	t.is(pods.length, 3);
	for (const pod of pods) t.deepEqual(pod.slice(1, 4), ['1/1', 'Running', '0']);
	const ips = pods.map(p => p[5]!).sort();
	const svc = rows(text(get(state, options({resource: 'services', name: 'hello-node-svc'}))))[0]!;
	t.deepEqual([svc[1], svc[3], svc[4]], ['NodePort', '<none>', '80:30036/TCP']);
	const endpoints = rows(text(get(state, options({resource: 'endpoints', name: 'hello-node-svc'}))))[0]![1]!;
	t.deepEqual(
		endpoints
			.split(',')
			.map(e => e.replace(':8080', ''))
			.sort(),
		ips,
	);
	const describe = describeService(state, 'default', 'hello-node-svc');
	if (!describe.ok) return t.fail(describe.error);
	t.regex(describe.text, /\nNodePort: {17}http {2}30036\/TCP\nEndpoints: {16}(\d+\.){3}\d+:8080,(\d+\.){3}\d+:8080,(\d+\.){3}\d+:8080\n/);
});

test('deleting a pod: Terminating, gone from Endpoints, still in the EndpointSlice; a replacement appears (C1, C4, H2)', t => {
	const state = settled();
	const victim = rows(text(get(state, options({selector: 'app=hello-node', output: 'wide'}))))[0]!;
	const after = step(state, {type: 'podDeleted', namespace: 'default', name: victim[0]!}).state;
	const pods = rows(text(get(after, options({selector: 'app=hello-node', output: 'wide'}))));
	t.is(pods.length, 4);
	t.deepEqual(pods.find(p => p[0] === victim[0])!.slice(2, 3), ['Terminating']);
	const endpoints = rows(text(get(after, options({resource: 'endpoints'})))).find(r => r[0] === 'hello-node-svc')![1]!;
	t.false(endpoints.includes(`${victim[5]}:8080`));
	const slices = text(get(after, options({resource: 'endpointslices', selector: 'kubernetes.io/service-name=hello-node-svc', output: 'json'})));
	const endpointsOfSlice = (JSON.parse(slices) as {items: Array<{endpoints: Array<{addresses: string[]; conditions: unknown}>}>}).items.flatMap(
		i => i.endpoints,
	);
	t.deepEqual(endpointsOfSlice.find(e => e.addresses[0] === victim[5])?.conditions, {ready: false, serving: true, terminating: true});
});

test("requests from a pod reach the Service's pods; the same seed renders byte-identical output", t => {
	const result = step(settled(), {type: 'requestSent', target: 'hello-node-svc:80', from: {kind: 'default'}, count: 5}).result;
	if (result.kind !== 'requests') return t.fail(result.kind);
	const lines = formatTraces(result.requests).split('\n');
	t.is(lines.length, 5);
	for (const line of lines)
		t.regex(line, /^pod\/\S+ \(\S+ on node-\d\) → hello-node-svc:80 → A \S+ → ClusterIP \S+:80 → hello-node-\w{5} \S+:8080 on node-\d → ok/);
	const again = step(settled(), {type: 'requestSent', target: 'hello-node-svc:80', from: {kind: 'default'}, count: 5}).result;
	t.is(again.kind === 'requests' ? formatTraces(again.requests) : '', formatTraces(result.requests));
	t.is(text(get(settled(7), options({output: 'yaml', allNamespaces: true}))), text(get(settled(7), options({output: 'yaml', allNamespaces: true}))));
});
