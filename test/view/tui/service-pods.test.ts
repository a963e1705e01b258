// The Pods pane: the pods a Service's selector matches (Pending and Terminating included), as
// `kubectl get pods -o wide` cells, and the workloads behind them.

import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import {getRow} from '../../../source/sim/index.js';
import {servicePods, topWorkload, workloadRef} from '../../../source/view/tui/index.js';
import {sampleState} from '../../session/sample-state.js';

const hello = sampleState('hello.yaml');
const svc = getRow(hello.services, 'default/hello-node-svc')!;

test('hello: NAME READY STATUS RESTARTS AGE IP NODE, and the RC behind them', t => {
	const list = servicePods(hello, svc);
	t.deepEqual(list.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);
	t.deepEqual(
		list.items.map(i => i.cells),
		[
			['hello-node-4fp4j', '1/1', 'Running', '0', '0s', '10.244.1.3', 'node-2'],
			['hello-node-c4hwf', '1/1', 'Running', '0', '0s', '10.244.0.2', 'node-1'],
			['hello-node-vdtt6', '1/1', 'Running', '0', '0s', '10.244.2.3', 'node-3'],
		],
	);
	t.is(list.items[0]!.pod, getRow(hello.pods, 'default/hello-node-4fp4j')!);
	t.deepEqual(list.workloads.map(workloadRef), ['rc/hello-node']);
});

test('a killed pod stays listed as Terminating beside its ContainerCreating replacement (C4, G3)', t => {
	const next = execute(hello, 'delete pod hello-node-4fp4j').state;
	const rows = servicePods(next, svc).items.map(i => i.cells.slice(0, 3).concat(i.cells[5]!));
	t.is(rows.length, 4);
	t.deepEqual(rows[0], ['hello-node-4fp4j', '1/1', 'Terminating', '10.244.1.3']);
	t.true(rows.some(r => r[2] === 'ContainerCreating' && r[3] === '<none>'));
});

test('no pods for ExternalName or a Service without selector', t => {
	const state = sampleState('externalname.yaml');
	t.deepEqual(servicePods(state, getRow(state.services, 'default/catalog')!).items, []);
	t.deepEqual(servicePods(state, undefined), {headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'], items: [], workloads: []});
	const manual = sampleState('hello.yaml', {extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n    - port: 80\n'});
	t.deepEqual(servicePods(manual, getRow(manual.services, 'default/manual')!).items, []);
});

test('Deployments, not their ReplicaSets, are what gets scaled', t => {
	const state = sampleState('multiport.yaml');
	const list = servicePods(state, getRow(state.services, 'default/shop')!);
	t.deepEqual(list.workloads.map(workloadRef), ['deploy/shop-v1', 'deploy/shop-v2']);
	const pod = list.items[0]!.pod;
	t.is(pod.owner?.kind, 'ReplicaSet');
	t.is(topWorkload(state, pod)?.kind, 'Deployment');
	t.is(topWorkload(state, {...pod, owner: null}), null);
	const sts = sampleState('headless.yaml');
	t.deepEqual(servicePods(sts, getRow(sts.services, 'default/nginx')!).workloads.map(workloadRef), ['sts/web']);
});
