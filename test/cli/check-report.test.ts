// `check`'s OK line counts what the cluster was asked for (source/cli/check-report.ts): a dump's
// pods that name a loaded ReplicaSet or RC as controller (ownerReferences, as
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go GetControllerOf reads them)
// are not bare, and a Deployment's recorded ReplicaSets count with the Deployment.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {checkCounts, okLine} from '../../source/cli/check-report.js';
import {loadSources} from '../../source/load/index.js';

const load = (path: string) => {
	const result = loadSources([{name: path, text: readFileSync(path, 'utf8')}]);
	if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors));
	return result.input;
};

test('a kubectl dump (controller_ref.go GetControllerOf): pods owned by loaded ReplicaSets are not bare; ReplicaSets count with their Deployment', t => {
	const input = load('test/fixtures/dump/cluster.json');
	t.is(input.pods.length, 12);
	t.is(input.workloads.length, 6, 'three Deployments and their three ReplicaSets');
	t.deepEqual(checkCounts(input), {services: 4, workloads: 3, barePods: 0, networkPolicies: 0});
	t.is(okLine('cluster.json', checkCounts(input)), 'cluster.json: OK (4 Services, 3 workloads, 0 bare pods)');
});

test('a dump pod whose controller is not loaded, or marked controller: false, is bare', t => {
	const input = load('test/fixtures/dump/cluster.json');
	const [first, second] = input.pods;
	if (first === undefined || second === undefined) throw new Error('fixture pods');
	const orphan = {...first, meta: {...first.meta, ownerReferences: [{kind: 'ReplicaSet', name: 'gone'}]}};
	const notController = {...second, meta: {...second.meta, ownerReferences: (second.meta.ownerReferences ?? []).map(r => ({...r, controller: false}))}};
	t.is(checkCounts({...input, pods: [orphan, notController, ...input.pods.slice(2)]}).barePods, 2);
	const otherNamespace = {...first, meta: {...first.meta, namespace: 'elsewhere'}};
	t.is(checkCounts({...input, pods: [otherNamespace]}).barePods, 1, "an owner's name is looked up in the pod's own namespace");
});

test("manifests: hello.yaml's RC makes its pods, none is bare (the line stays as it was)", t => {
	t.is(okLine('samples/hello.yaml', checkCounts(load('samples/hello.yaml'))), 'samples/hello.yaml: OK (1 Service, 1 workload, 0 bare pods)');
	t.is(okLine('x', checkCounts(load('samples/netpol-default-deny.yaml'))), 'x: OK (1 Service, 1 workload, 2 bare pods, 4 NetworkPolicies)');
});
