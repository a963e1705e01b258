// The NodeAffinity filter (sim/node-affinity.ts), held against the cases of kubernetes/kubernetes
// staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity_test.go and
// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go, in our own words; and the
// scheduler with it, over test/fixtures/scheduling/node-selector.yaml.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {nodeAffinityAllows} from '../../source/sim/node-affinity.js';
import {listRows} from '../../source/sim/rows.js';
import type {Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec} from '../../source/sim/types.js';
import {bootSources} from '../session/sample-state.js';
import {run, wait} from './helpers.js';

const node = (name: string, labels: Record<string, string>): Node => ({
	name,
	uid: name,
	labels,
	internalIP: '10.0.0.1',
	podCIDR: '10.244.0.0/24',
	ready: true,
	createdAt: 0,
});
const spec = (extra: Partial<PodSpec>): PodSpec => ({containers: [], terminationGracePeriodSeconds: 30, ...extra});
const expr = (key: string, operator: NodeSelectorRequirement['operator'], ...values: string[]): NodeSelectorRequirement => ({key, operator, values});
const term = (matchExpressions: NodeSelectorRequirement[], matchFields: NodeSelectorRequirement[] = []): NodeSelectorTerm => ({matchExpressions, matchFields});

const foo = node('node-1', {foo: 'bar', gpu: '4', zone: 'a'});

test('nodeSelector: every label must be on the node with that value (labels.SelectorFromSet)', t => {
	t.true(nodeAffinityAllows(spec({}), foo), 'no selector: any node');
	t.true(nodeAffinityAllows(spec({nodeSelector: {foo: 'bar'}}), foo));
	t.true(nodeAffinityAllows(spec({nodeSelector: {foo: 'bar', zone: 'a'}}), foo));
	t.false(nodeAffinityAllows(spec({nodeSelector: {foo: 'bar', zone: 'b'}}), foo), 'one label off is enough to refuse');
	t.false(nodeAffinityAllows(spec({nodeSelector: {baz: 'bar'}}), foo));
	t.false(nodeAffinityAllows(spec({nodeSelector: {constructor: 'x'}}), foo), "a key named like Object.prototype's is just absent");
});

test('matchExpressions operators: In, NotIn, Exists, DoesNotExist, and Gt/Lt on integers only', t => {
	const allows = (...requirements: NodeSelectorRequirement[]) => nodeAffinityAllows(spec({requiredNodeAffinity: [term(requirements)]}), foo);
	t.true(allows(expr('foo', 'In', 'value1', 'bar')));
	t.false(allows(expr('foo', 'In', 'value1', 'value2')));
	t.false(allows(expr('kernel', 'In', 'value1')), 'In needs the label');
	t.true(allows(expr('foo', 'NotIn', 'value1')));
	t.true(allows(expr('kernel', 'NotIn', 'value1')), 'NotIn holds for a node without the label');
	t.false(allows(expr('foo', 'NotIn', 'bar')));
	t.true(allows(expr('foo', 'Exists')));
	t.false(allows(expr('foo', 'DoesNotExist')));
	t.true(allows(expr('kernel', 'DoesNotExist')));
	t.true(allows(expr('gpu', 'Gt', '3')));
	t.false(allows(expr('gpu', 'Gt', '4')), 'strictly greater');
	t.true(allows(expr('gpu', 'Lt', '10')), 'as numbers, not strings');
	t.false(allows(expr('foo', 'Gt', '1')), 'a label that is not an integer never compares');
	t.false(allows(expr('gpu', 'Gt', 'x')));
	t.false(allows(expr('kernel', 'Lt', '1')));
	t.false(allows(expr('foo', 'In', 'bar'), expr('zone', 'In', 'b')), 'the expressions of one term are ANDed');
});

test('terms are ORed; a term with no requirements matches no node; matchFields name the node', t => {
	const allows = (...terms: NodeSelectorTerm[]) => nodeAffinityAllows(spec({requiredNodeAffinity: terms}), foo);
	t.true(allows(term([expr('zone', 'In', 'b')]), term([expr('foo', 'Exists')])));
	t.false(allows(term([])), 'nodeSelectorTerms.Match: an empty term selects nothing');
	t.true(allows(term([], [expr('metadata.name', 'In', 'node-1')])));
	t.false(allows(term([], [expr('metadata.name', 'NotIn', 'node-1')])));
	t.false(allows(term([expr('foo', 'Exists')], [expr('metadata.name', 'In', 'node-2')])), 'fields and labels of one term are ANDed');
	t.false(
		nodeAffinityAllows(spec({nodeSelector: {zone: 'b'}, requiredNodeAffinity: [term([expr('foo', 'Exists')])]}), foo),
		'nodeSelector and affinity must both hold',
	);
});

const cluster = () =>
	run(bootSources([{name: 'node-selector.yaml', text: readFileSync('test/fixtures/scheduling/node-selector.yaml', 'utf8')}]), wait(30)).state;

test('the scheduler places pods only where their selector and affinity allow (node_affinity.go Filter)', t => {
	const state = cluster();
	const nodesOf = (prefix: string) => [
		...new Set(
			listRows(state.pods)
				.filter(p => p.name.startsWith(prefix))
				.map(p => p.nodeName),
		),
	];
	t.deepEqual(nodesOf('db-'), ['node-b'], 'disktype=ssd and kubernetes.io/os=linux: node-b only');
	t.deepEqual(nodesOf('web-'), ['node-a'], 'zone-a but not node-b by name');
	t.deepEqual(nodesOf('trainer-'), [null]);
});

test('no node matches: Pending, PodScheduled False, and FailedScheduling in kube-scheduler words (UnschedulableAndUnresolvable: preemption cannot help)', t => {
	const state = cluster();
	const trainers = listRows(state.pods).filter(p => p.name.startsWith('trainer-'));
	t.is(trainers.length, 2);
	for (const pod of trainers) {
		t.is(pod.phase, 'Pending');
		t.deepEqual(
			listEvents(state)
				.filter(e => e.involved.name === pod.name && e.reason === 'FailedScheduling')
				.map(e => e.message),
			[
				"0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
			],
		);
	}
});

test('label node: a node that now carries the label takes the Pending pods; taking it off moves no running pod (IgnoredDuringExecution)', t => {
	const pending = (state: ReturnType<typeof cluster>) => listRows(state.pods).filter(p => p.name.startsWith('trainer-') && p.nodeName === null).length;
	let state = cluster();
	t.is(pending(state), 2);
	state = run(state, {type: 'nodeLabeled', name: 'node-c', set: {accelerator: 'nvidia-a100'}, remove: [], overwrite: false}).state;
	// analytics' pod, tried first, still fits nowhere; that says nothing about pods that ask for other labels.
	t.is(pending(state), 0, 'scheduled at once');
	t.deepEqual(
		listRows(state.pods)
			.filter(p => p.name.startsWith('analytics-'))
			.map(p => p.nodeName),
		[null],
	);
	t.deepEqual(
		[
			...new Set(
				listRows(state.pods)
					.filter(p => p.name.startsWith('trainer-'))
					.map(p => p.nodeName),
			),
		],
		['node-c'],
	);
	state = run(state, wait(10), {type: 'nodeLabeled', name: 'node-c', set: {}, remove: ['accelerator'], overwrite: false}, wait(60)).state;
	t.deepEqual(
		listRows(state.pods)
			.filter(p => p.name.startsWith('trainer-'))
			.map(p => [p.nodeName, p.phase]),
		[
			['node-c', 'Running'],
			['node-c', 'Running'],
		],
	);
});
