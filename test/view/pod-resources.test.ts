// Resources, QoS class and tolerations of a pod as the API server returns them and kubectl
// describes them: describeResources and printTolerationsMultilineWithIndent (kubernetes/kubectl
// pkg/describe/describe.go), ComputePodQOS (kubernetes/kubectl pkg/util/qos/qos.go), quantities in
// resource.Quantity's canonical form. The pods go through the loader, as a manifest's would.
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {sampleState} from '../session/sample-state.js';

/** A bare pod `p` whose one container has `resources` (YAML flow text), plus optional tolerations. */
function podWith(resources: string, tolerations = '', containers = ''): State {
	const extra = [
		'apiVersion: v1',
		'kind: Pod',
		'metadata: {name: p}',
		'spec:',
		'  containers:',
		`  - {name: app, image: nginx, resources: ${resources}}`,
		containers,
		tolerations === '' ? '' : `  tolerations: ${tolerations}`,
	]
		.filter(l => l !== '')
		.join('\n');
	return sampleState('hello.yaml', {extra});
}

const out = (state: State, line: string): string[] => {
	const result = execute(state, line);
	if (!result.ok) throw new Error(result.err.join('\n'));
	return result.out;
};

const qos = (state: State): string | undefined => out(state, 'describe pod p').find(l => l.startsWith('QoS Class:'));

test('ComputePodQOS: none is BestEffort; cpu and memory requests equal to limits Guaranteed; anything else Burstable', t => {
	t.is(qos(podWith('{}')), 'QoS Class:                    BestEffort');
	t.is(qos(podWith('{limits: {cpu: 500m, memory: 128Mi}}')), 'QoS Class:                    Guaranteed', 'requests default to the limits');
	t.is(
		qos(podWith('{requests: {cpu: "1", memory: 1Gi}, limits: {cpu: 1000m, memory: 1024Mi}}')),
		'QoS Class:                    Guaranteed',
		'equal as quantities',
	);
	t.is(qos(podWith('{requests: {cpu: 100m}}')), 'QoS Class:                    Burstable');
	t.is(qos(podWith('{limits: {cpu: 500m}}')), 'QoS Class:                    Burstable', 'cpu Guaranteed, memory BestEffort');
	t.is(qos(podWith('{requests: {cpu: 100m, memory: 70Mi}, limits: {memory: 170Mi}}')), 'QoS Class:                    Burstable');
	t.is(
		qos(podWith('{limits: {cpu: 500m, memory: 128Mi}}', '', '  - {name: side, image: busybox}')),
		'QoS Class:                    Burstable',
		'a Guaranteed container beside a BestEffort one',
	);
});

test('describe pod: Limits then Requests under the container, names sorted, quantities canonical', t => {
	const lines = out(podWith('{requests: {memory: 70Mi, cpu: "0.1"}, limits: {memory: 170Mi}}'), 'describe pod p');
	const from = lines.indexOf('    Limits:');
	t.deepEqual(lines.slice(from, from + 6), [
		'    Limits:',
		'      memory:  170Mi',
		'    Requests:',
		'      cpu:        100m',
		'      memory:     70Mi',
		'    Environment:  <none>',
	]);
	t.false(
		out(podWith('{}'), 'describe pod p').some(l => l.includes('Limits:') || l.includes('Requests:')),
		'no lists, no headings',
	);
});

test('-o json: resources as the API server serialises them, status.qosClass, and the tolerations admission stored', t => {
	const json = JSON.parse(out(podWith('{requests: {cpu: "0.25"}, limits: {memory: 1Gi}}'), 'get pod p -o json').join('\n'));
	t.deepEqual(json.spec.containers[0].resources, {limits: {memory: '1Gi'}, requests: {cpu: '250m', memory: '1Gi'}});
	t.is(json.status.qosClass, 'Burstable');
	t.deepEqual(json.spec.tolerations, [
		{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
		{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
	]);
	const bare = JSON.parse(out(podWith('{}'), 'get pod p -o json').join('\n'));
	// ResourceRequirements is a struct in core/v1, not a pointer: the API returns it empty.
	t.deepEqual(bare.spec.containers[0].resources, {});
	t.is(bare.status.qosClass, 'BestEffort');
});

// plugin/pkg/admission/defaulttolerationseconds: a toleration with the taint's key (or none) and
// effect NoExecute (or none) already covers it, so only the default for the other is added.
test('tolerations: the pod’s own ones and the admission defaults it lacks, sorted by key, printed as kubectl prints them', t => {
	const own =
		'{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}, {key: dedicated, value: gpu, effect: NoSchedule}, {key: CriticalAddonsOnly, operator: Exists}';
	const state = podWith('{}', `[${own}]`);
	const lines = out(state, 'describe pod p');
	const from = lines.findIndex(l => l.startsWith('Tolerations:'));
	t.deepEqual(lines.slice(from, from + 5), [
		'Tolerations:                  CriticalAddonsOnly op=Exists',
		'                              dedicated=gpu:NoSchedule',
		'                              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
		'                              node.kubernetes.io/unreachable:NoExecute op=Exists for 60s',
		'Events:',
	]);
	const json = JSON.parse(out(state, 'get pod p -o json').join('\n'));
	t.deepEqual(
		json.spec.tolerations.map((t: {key?: string}) => t.key),
		['node.kubernetes.io/unreachable', 'dedicated', 'CriticalAddonsOnly', 'node.kubernetes.io/not-ready'],
		'stored in admission order: its own, then the default it lacked',
	);
	// A toleration of everything (no key, no effect, Exists) covers both taints: nothing is added.
	const everything = podWith('{}', '[{operator: Exists}]');
	t.deepEqual(
		out(everything, 'describe pod p').filter(l => l.startsWith('Tolerations:')),
		['Tolerations:                  op=Exists'],
	);
	t.deepEqual(JSON.parse(out(everything, 'get pod p -o json').join('\n')).spec.tolerations, [{operator: 'Exists'}]);
});

test('describe deployment: the template’s tolerations as written, no admission defaults (a template is not admitted)', t => {
	const extra = [
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata: {name: d}',
		'spec:',
		'  selector: {matchLabels: {app: d}}',
		'  template:',
		'    metadata: {labels: {app: d}}',
		'    spec:',
		'      containers: [{name: app, image: nginx, resources: {limits: {cpu: "2"}}}]',
		'      tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]',
	].join('\n');
	const lines = out(sampleState('hello.yaml', {extra}), 'describe deploy d');
	t.true(lines.includes('  Tolerations:     dedicated=gpu:NoSchedule'), lines.join('\n'));
	t.true(lines.includes('    Limits:'), lines.join('\n'));
	const json = JSON.parse(out(sampleState('hello.yaml', {extra}), 'get deploy d -o json').join('\n'));
	t.deepEqual(json.spec.template.spec.tolerations, [{key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule'}]);
	t.deepEqual(json.spec.template.spec.containers[0].resources, {limits: {cpu: '2'}, requests: {cpu: '2'}});
});
