// Names from input never meet Object.prototype (issue 9; the symptoms are issue 11's): a node,
// namespace, pod or Service named `constructor`, or a label key `toString`, is an ordinary name,
// and a name that only Object.prototype has (`hasOwnProperty`, `__proto__`) names nothing.
// docs/architecture.md: tables keyed by names from input are prototype-free.

import test from 'ava';
import fc from 'fast-check';
import {formatSkipped, loadSources} from '../../source/load/index.js';
import {execute} from '../../source/session/execute.js';
import {type ClusterInput, getRow, initialState, listRows, type State, step} from '../../source/sim/index.js';
import {bootSources, sampleState} from '../session/sample-state.js';
import {helloRC, input} from './hello-input.js';

// Through the real loader: every name here is valid where it stands (object names are DNS labels,
// so `constructor` is the one Object.prototype name they can take; label keys are qualified names,
// so `constructor`, `toString` and `valueOf` are valid keys, `__proto__` is not).
const MANIFEST = `apiVersion: v1
kind: Node
metadata:
  name: constructor
  labels:
    toString: node-label
---
apiVersion: v1
kind: Namespace
metadata:
  name: constructor
---
apiVersion: v1
kind: Pod
metadata:
  name: constructor
  namespace: constructor
  labels:
    toString: web
    valueOf: v1
spec:
  containers:
  - name: app
    image: nginx
    ports:
    - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: constructor
  namespace: constructor
spec:
  selector:
    toString: web
  ports:
  - port: 80
    targetPort: 8080
`;

const cluster = bootSources([{name: 'prototype.yaml', text: MANIFEST}]);

function run(state: State, line: string) {
	const result = execute(state, line);
	return {ok: result.ok, out: result.out, err: result.err, state: result.state};
}

test('delete node: a name only Object.prototype has is NotFound, like any unknown name', t => {
	for (const name of ['nope', 'hasOwnProperty', 'toString', '__proto__', 'valueOf']) {
		const result = run(cluster, `delete node ${name}`);
		t.false(result.ok, name);
		t.deepEqual(result.err, [`Error from server (NotFound): nodes "${name}" not found`], name);
		t.is(result.state, cluster, `${name}: the state is left alone`);
	}
});

test('delete node constructor deletes the node that exists, and only once', t => {
	const first = run(cluster, 'delete node constructor');
	t.true(first.ok);
	t.deepEqual(first.out, ['node "constructor" deleted']);
	t.deepEqual(Object.keys(first.state.nodes), []);
	const again = run(first.state, 'delete node constructor');
	t.deepEqual(again.err, ['Error from server (NotFound): nodes "constructor" not found']);
});

test('pods on a node named constructor get addresses from its podCIDR (its IP table is its own)', t => {
	t.deepEqual(
		Object.values(cluster.nodes).map(n => [n.name, n.podCIDR]),
		[['constructor', '10.244.0.0/24']],
	);
	const ips = listRows(cluster.pods)
		.map(p => p.podIP)
		.sort();
	t.deepEqual(ips, ['10.244.0.2', '10.244.0.3', '10.244.0.4']);
	t.true(
		listRows(cluster.pods).every(p => p.ready),
		'every pod Running and Ready at t=0',
	);
	t.deepEqual(run(cluster, 'get ep constructor -n constructor').out, ['NAME          ENDPOINTS         AGE', 'constructor   10.244.0.2:8080   0s']);
});

test("label: a key named like Object.prototype's members is unset until set", t => {
	const set = run(cluster, 'label pod constructor constructor=y hasOwnProperty=z -n constructor');
	t.deepEqual({ok: set.ok, out: set.out, err: set.err}, {ok: true, out: ['pod/constructor labeled'], err: []});
	t.deepEqual(getRow(set.state.pods, 'constructor/constructor')?.labels, {toString: 'web', valueOf: 'v1', constructor: 'y', hasOwnProperty: 'z'});
	// Now it has a value, kubectl's refusal (kubectl `pkg/cmd/label/label.go` validateNoOverwrites).
	const again = run(set.state, 'label pod constructor constructor=w -n constructor');
	t.deepEqual(again.err, ["error: 'constructor' already has a value (y), and --overwrite is false"]);
	// Removing a key the pod does not have warns, as kubectl does.
	const remove = run(cluster, 'label pod constructor toLocaleString- -n constructor');
	t.deepEqual(remove.out, ['label "toLocaleString" not found.', 'pod/constructor not labeled']);
});

test('DNS: a namespace answers only when it exists (S109, S110)', t => {
	const answer = (state: State, name: string) =>
		run(state, `nslookup ${name}`)
			.out.filter(line => line.startsWith('Address:') || line.includes('NXDOMAIN'))
			.slice(1);
	// CoreDNS lower-cases the name, so `constructor` and `__proto__` are the prototype names a query can hold.
	const hello = sampleState('hello.yaml');
	for (const namespace of ['constructor', '__proto__']) {
		const name = `10-244-0-9.${namespace}.pod.cluster.local`;
		t.deepEqual(answer(hello, name), [`** server can't find ${name}: NXDOMAIN`], `no namespace ${namespace} in hello.yaml`);
		t.deepEqual(answer(hello, `kubernetes.${namespace}`), [`** server can't find kubernetes.${namespace}: NXDOMAIN`]);
	}
	t.deepEqual(answer(cluster, '10-244-0-9.constructor.pod.cluster.local'), ['Address: 10.244.0.9'], 'the namespace constructor exists here');
	t.deepEqual(answer(cluster, 'constructor.constructor'), [`Address: ${getRow(cluster.services, 'constructor/constructor')?.spec.clusterIP}`]);
});

test('get in a namespace or by a name that only Object.prototype has finds nothing', t => {
	t.deepEqual(run(cluster, 'get pods -n toString').err, ['No resources found in toString namespace.']);
	t.deepEqual(run(cluster, 'get pods -n __proto__').err, ['No resources found in __proto__ namespace.']);
	t.deepEqual(run(cluster, 'get svc __proto__').err, ['Error from server (NotFound): services "__proto__" not found']);
	t.deepEqual(run(cluster, 'get svc hasOwnProperty -n constructor').err, ['Error from server (NotFound): services "hasOwnProperty" not found']);
	t.deepEqual(run(cluster, 'get pods -n constructor').out, ['NAME          READY   STATUS    RESTARTS   AGE', 'constructor   1/1     Running   0          0s']);
});

test('-l and --field-selector: Object.prototype names are keys like any other', t => {
	// A selector `__proto__=a` requires that label; no pod has it.
	t.deepEqual(run(cluster, 'get pods -A -l __proto__=a').err, ['No resources found']);
	t.deepEqual(run(cluster, 'get pods -A -l constructor').err, ['No resources found']);
	t.deepEqual(run(cluster, 'get pods -A -l toString=web').out, [
		'NAMESPACE     NAME          READY   STATUS    RESTARTS   AGE',
		'constructor   constructor   1/1     Running   0          0s',
	]);
	// apimachinery `pkg/registry/generic` ObjectMetaFieldsSet: only metadata.name and metadata.namespace.
	t.deepEqual(run(cluster, 'get pods -A --field-selector constructor=x').err, ['Error from server (BadRequest): field label not supported: constructor']);
});

test('curl: the request summary counts a pod named constructor from zero', t => {
	const result = execute(cluster, 'curl constructor.constructor --count 3');
	t.true(result.ok, JSON.stringify(result.err));
	const summary = step(cluster, {type: 'requestSent', target: 'constructor.constructor', from: {kind: 'default'}, count: 3}).result;
	t.is(summary.kind, 'requests');
	if (summary.kind === 'requests') t.deepEqual({...summary.summary.byPod}, {constructor: 3});
});

// A Service port named `constructor` (a valid IANA_SVC_NAME) that its user-supplied Endpoints
// do not list: the address's port table (merged per address, sim/services.ts userEndpoints) has
// no such key, so kube-proxy has no endpoint for it; before, the inherited Object constructor
// was taken for the target port (`10.1.2.3:function Object() { [native code] }`).
const SELECTORLESS = `apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  ports:
  - {name: constructor, port: 80}
  - {name: http, port: 81}
---
apiVersion: v1
kind: Endpoints
metadata: {name: ext}
subsets:
- addresses: [{ip: 10.1.2.3}]
  ports: [{name: http, port: 8081}]
- addresses: [{ip: 10.1.2.3}]
  ports: [{name: metrics, port: 9090}]
`;

test('a Service port named constructor that the Endpoints do not list has no endpoint (iptables REJECT)', t => {
	const state = bootSources([{name: 'ext.yaml', text: SELECTORLESS}]);
	const port80 = run(state, 'curl ext:80');
	t.deepEqual(port80.out, [
		'pod/curl (10.244.0.254 on node-1) → ext:80 → A 10.108.246.108 → ClusterIP 10.108.246.108:80 → connection refused: no ready endpoints',
	]);
	const port81 = run(state, 'curl ext:81');
	t.deepEqual(port81.out, [
		'pod/curl (10.244.0.254 on node-1) → ext:81 → A 10.108.246.108 → ClusterIP 10.108.246.108:81 → 10.1.2.3:8081 → ok (iptables random, 1 of 1)',
	]);
	t.deepEqual(
		Object.keys(getRow(getRow(state.endpoints, 'default/ext')!.addresses, '10.1.2.3')!.ports).sort(),
		['http', 'metrics'],
		'both subsets merged into one address',
	);
});

test('loader: documents of kinds named like Object.prototype members are counted as skipped from zero', t => {
	const doc = (kind: string) => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: x}\n`;
	const text = ['constructor', 'toString', 'toString', '__proto__', 'ConfigMap'].map(doc).join('---\n');
	const loaded = loadSources([{name: 'kinds.yaml', text}]);
	t.deepEqual(loaded.errors, []);
	t.deepEqual(Object.entries(loaded.skipped), [
		['constructor', 1],
		['toString', 2],
		['__proto__', 1],
		['ConfigMap', 1],
	]);
	t.is(formatSkipped(loaded.skipped), 'skipped: 2 toString, 1 ConfigMap, 1 __proto__, 1 constructor');
});

test('events: a pod and namespace named constructor have their own event log entries', t => {
	const deleted = run(cluster, 'delete pod constructor -n constructor');
	t.deepEqual(deleted.out, ['pod "constructor" deleted']);
	const events = run(deleted.state, 'get events -n constructor').out;
	t.true(events.length > 1, events.join('\n'));
	t.true(
		events.some(line => /\bKilling\b/.test(line) && line.includes('pod/constructor')),
		events.join('\n'),
	);
	t.deepEqual(run(deleted.state, 'get events -n toString').err, ['No resources found in toString namespace.']);
});

// The same at the sim's level, without the loader's checks: any name, even `__proto__`, is an
// ordinary key. Random clusters whose node, namespace and label names come from a list holding
// Object.prototype's member names behave as the same clusters with ordinary names do.

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const NAMES = [...PROTOTYPE_NAMES, 'web', 'db'];

function clusterOf(nodes: string[], namespaces: string[], labelKey: string): ClusterInput {
	const labels = {[labelKey]: 'on'};
	return input({
		config: {nodes: nodes.map(name => ({name}))},
		namespaces: namespaces.map(name => ({name})),
		workloads: namespaces.map(namespace => ({
			...helloRC,
			meta: {...helloRC.meta, namespace},
			replicas: 2,
			selector: {matchLabels: labels, matchExpressions: []},
			template: {...helloRC.template, labels},
		})),
		services: [],
	});
}

test('property: Object.prototype member names behave as ordinary names (nodes, namespaces, label keys)', t => {
	const unique = fc.uniqueArray(fc.constantFrom(...NAMES), {minLength: 1, maxLength: 4});
	fc.assert(
		fc.property(unique, unique, fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), (nodes, namespaces, labelKey, probe) => {
			const init = initialState(clusterOf(nodes, namespaces, labelKey), {seed: 1});
			if (!init.ok) throw new Error(JSON.stringify(init.errors));
			const state = init.state;
			t.deepEqual(Object.keys(state.nodes).sort(), [...nodes].sort());
			for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', ...namespaces]) t.truthy(state.namespaces[ns]);
			// Each namespace's controller made its two pods, Running with an address of their node.
			for (const ns of namespaces) {
				const pods = listRows(state.pods).filter(p => p.namespace === ns && p.labels[labelKey] === 'on');
				t.is(pods.length, 2, `pods in ${ns}`);
				for (const pod of pods) {
					t.is(pod.phase, 'Running');
					t.regex(pod.podIP ?? '', /^10\.244\.\d+\.\d+$/);
				}
			}
			// A node that exists is deleted; one that does not is NotFound.
			const deleted = step(state, {type: 'nodeDeleted', name: probe}).result;
			t.is(deleted.kind === 'error', !nodes.includes(probe), `delete node ${probe}`);
			// A label key the pods do not have is set without an overwrite error.
			const pod = listRows(state.pods).find(p => p.namespace === namespaces[0]);
			if (pod) {
				const labeled = step(state, {type: 'podLabeled', namespace: pod.namespace, name: pod.name, set: {[probe]: 'x'}, remove: [], overwrite: false}).result;
				t.is(labeled.kind === 'error', probe === labelKey, `label ${probe}=x on a pod labelled ${labelKey}=on`);
			}
		}),
		{numRuns: 60},
	);
});
