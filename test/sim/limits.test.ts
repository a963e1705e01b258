// sim/limits.ts: the cluster-wide pod bound at `scale` (MAX_PODS, Kubernetes' 150,000 pods of
// kubernetes.io "Considerations for large clusters"). The states hold workloads asking for many
// replicas whose pods are not built: the bound counts what the workloads ask for, so the tests
// need not build 150,000 pods.

import test from 'ava';
import type {State, Workload} from '../../source/sim/index.js';
import {getRow, listEntries, listRows} from '../../source/sim/index.js';
import {rowsFrom} from '../../source/sim/rows.js';
import {helloRC, input} from './hello-input.js';
import {boot, run, withRow} from './helpers.js';

/** The booted hello cluster plus a ReplicaSet asking for `replicas` (its pods never built). */
function withBig(replicas: number): State {
	const state = boot(input());
	const rc = getRow(state.workloads, 'ReplicationController/default/hello-node') as Workload;
	const big: Workload = {...rc, kind: 'ReplicaSet', name: 'big', uid: 'big-uid', replicas};
	return {...state, workloads: rowsFrom([...listEntries(state.workloads), ['ReplicaSet/default/big', big]])};
}

const scale = (name: string, kind: Workload['kind'], replicas: number) => ({type: 'replicasScaled', kind, namespace: 'default', name, replicas}) as const;

test('scale past 150,000 pods in the cluster is refused, saying how many it would make; up to it is not', t => {
	// CoreDNS asks for 2 and hello-node for its replicas: room for 2 more.
	const hello = helloRC.replicas;
	const state = withBig(150_000 - 2 - hello - 2);
	const refused = run(state, scale('hello-node', 'ReplicationController', hello + 3));
	t.deepEqual(refused.results[0], {kind: 'error', message: 'error: k8s-svc-tui simulates at most 150000 pods per cluster (this would make 150001)'});
	t.is(refused.state, state, 'nothing changed');
	const fits = run(state, scale('hello-node', 'ReplicationController', hello + 2));
	t.deepEqual(fits.results[0], {kind: 'scaled', workload: 'ReplicationController', name: 'hello-node'});
});

test('a cluster past the bound still scales down, and a workload keeps its count', t => {
	const state = withBig(150_000);
	const hello = helloRC.replicas;
	t.is(run(state, scale('hello-node', 'ReplicationController', hello - 1)).results[0]?.kind, 'scaled');
	t.is(run(state, scale('hello-node', 'ReplicationController', hello)).results[0]?.kind, 'scaled');
	t.is(run(state, scale('hello-node', 'ReplicationController', hello + 1)).results[0]?.kind, 'error');
});

test('bare pods count, one each; a Deployment counts its ReplicaSets once, through itself', t => {
	const hello = helloRC.replicas;
	// Room for one more replica (CoreDNS's Deployment counted once: its ReplicaSet is its count).
	const state = withBig(150_000 - 2 - hello - 1);
	t.truthy(listRows(state.workloads).find(w => w.kind === 'ReplicaSet' && w.owner?.kind === 'Deployment'));
	t.is(run(state, scale('hello-node', 'ReplicationController', hello + 1)).results[0]?.kind, 'scaled', 'its ReplicaSet is not counted twice');
	// A bare pod takes that room; a Terminating one does not.
	const pod = listRows(state.pods).find(p => p.name.startsWith('hello-node-'));
	if (!pod) throw new Error('no hello-node pod');
	const bare = {...state, pods: withRow(state.pods, 'default/bare', {...pod, name: 'bare', owner: null})};
	t.is(run(bare, scale('hello-node', 'ReplicationController', hello + 1)).results[0]?.kind, 'error');
	const leaving = {...state, pods: withRow(state.pods, 'default/bare', {...pod, name: 'bare', owner: null, deletionTimestamp: 0})};
	t.is(run(leaving, scale('hello-node', 'ReplicationController', hello + 1)).results[0]?.kind, 'scaled');
});
