// The cluster-wide pod bound at load (sim/limits.ts MAX_PODS): what each object asks for is
// counted in file order, and the first object past it is refused where it asks, before any pod
// is built; dumps' ReplicaSets and pods are counted through the workloads that own them.

import test from 'ava';
import {errorsOf, lines} from './helpers.js';

const workload = (kind: string, name: string, replicas: number, ...metadata: string[]) =>
	lines(
		'---',
		'apiVersion: apps/v1',
		`kind: ${kind}`,
		'metadata:',
		`  name: ${name}`,
		...metadata,
		'spec:',
		`  replicas: ${replicas}`,
		'  selector: {matchLabels: {app: x}}',
		'  template:',
		'    metadata: {labels: {app: x}}',
		'    spec: {containers: [{name: c, image: nginx}]}',
	);

const pod = (name: string, ...metadata: string[]) =>
	lines('---', 'apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, ...metadata, 'spec: {containers: [{name: c, image: nginx}]}');

test('a bare pod past 150,000 is refused at its name, the first one only', t => {
	const text = workload('Deployment', 'a', 100_000) + workload('StatefulSet', 'b', 49_999) + pod('fits') + pod('one-too-many') + pod('two-too-many');
	t.deepEqual(errorsOf(text), ['t.yaml:33:9: k8s-svc-tui simulates at most 150000 pods per cluster (this would make 150001)']);
});

test('a workload past it is refused at spec.replicas with its count', t => {
	const text = workload('Deployment', 'a', 100_000) + workload('StatefulSet', 'b', 50_001);
	t.deepEqual(errorsOf(text), [
		't.yaml:18:13: The StatefulSet "b" is invalid: spec.replicas: Invalid value: 50001: k8s-svc-tui simulates at most 150000 pods per cluster (this would make 150001)',
	]);
});

test("a dump's ReplicaSet of a Deployment and the pods of a workload are not counted again", t => {
	const owned = (kind: string, name: string) => ['  ownerReferences:', `    - {apiVersion: apps/v1, kind: ${kind}, name: ${name}, uid: u, controller: true}`];
	const text =
		workload('Deployment', 'a', 100_000) +
		workload('ReplicaSet', 'a-5d4f8', 100_000, ...owned('Deployment', 'a')) +
		workload('StatefulSet', 'b', 50_000) +
		pod('b-0', ...owned('StatefulSet', 'b')) +
		pod('a-5d4f8-xk2p9', ...owned('ReplicaSet', 'a-5d4f8'));
	t.deepEqual(errorsOf(text), []);
	// A ReplicaSet no Deployment owns asks for its own pods.
	t.is(errorsOf(workload('Deployment', 'a', 100_000) + workload('ReplicaSet', 'c', 50_001)).length, 1);
});
