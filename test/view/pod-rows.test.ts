import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {type GetOptions, get} from '../../source/view/get.js';
import {podObject, readyCell, restartsCell, statusCell} from '../../source/view/pod-rows.js';
import {buildState, CLOCK, fixtureState, M, makeNode, makePod, S} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('pods', extra);

test('get pods -o wide: the S121 sample, byte for byte', t => {
	const state = buildState({
		nodes: [makeNode('worker-1', '192.168.49.3', '10.244.1.0/24'), makeNode('worker-2', '192.168.49.4', '10.244.2.0/24')],
		pods: [
			makePod('default', 'hello-node-7b87cd5f68-x2v4p', {nodeName: 'worker-1', podIP: '10.244.1.3', createdAt: CLOCK - 5 * M}),
			makePod('default', 'hello-node-7b87cd5f68-zq9l6', {nodeName: 'worker-2', podIP: '10.244.2.7', ready: false, createdAt: CLOCK - 20 * S}),
		],
	});
	t.is(
		text(get(state, options({output: 'wide'}))),
		[
			'NAME                          READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES',
			'hello-node-7b87cd5f68-x2v4p   1/1     Running   0          5m    10.244.1.3   worker-1   <none>           <none>',
			'hello-node-7b87cd5f68-zq9l6   0/1     Running   0          20s   10.244.2.7   worker-2   <none>           <none>',
		].join('\n'),
	);
});

test('get pods: Terminating, ContainerCreating, Pending, not-ready Running, restarts with their age', t => {
	t.is(
		text(get(fixtureState(), options())),
		[
			'NAME                   READY   STATUS              RESTARTS       AGE',
			'curl                   1/1     Running             0              10m',
			'db-0                   1/1     Running             0              61m',
			'db-1                   1/1     Running             0              60m',
			'hello-node-7b2qp       1/1     Running             2 (5m1s ago)   17m',
			'hello-node-g8w6c       1/1     Terminating         0              10m',
			'hello-node-x2k4z       1/1     Running             0              5m',
			'hello-node-zq9l6       0/1     Running             0              20s',
			'lonely                 0/1     Pending             0              45s',
			'slow                   0/1     Running             0              10m',
			'web-7b87cd5f68-x2v4p   1/1     Running             0              2m',
			'web-7b87cd5f68-zq9l6   0/1     ContainerCreating   0              3s',
		].join('\n'),
	);
});

test('get pods -A -o wide -l: NAMESPACE column, <none> for missing IP and node', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true, output: 'wide', selector: 'pod-template-hash'}))),
		[
			'NAMESPACE     NAME                       READY   STATUS              RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
			'default       web-7b87cd5f68-x2v4p       1/1     Running             0          2m    10.244.1.4   node-2   <none>           <none>',
			'default       web-7b87cd5f68-zq9l6       0/1     ContainerCreating   0          3s    <none>       node-1   <none>           <none>',
			'kube-system   coredns-668d6bf9bc-b6nzv   1/1     Running             0          12d   10.244.0.2   node-1   <none>           <none>',
			'kube-system   coredns-668d6bf9bc-wq7tx   1/1     Running             0          12d   10.244.0.3   node-1   <none>           <none>',
		].join('\n'),
	);
	t.is(
		text(get(fixtureState(), options({name: 'lonely', output: 'wide'}))).split('\n')[1],
		'lonely   0/1     Pending   0          45s   <none>   <none>   <none>           <none>',
	);
});

test('STATUS priority (S121, C4)', t => {
	const base = makePod('default', 'p', {nodeName: 'node-1', podIP: '10.244.0.9'});
	t.is(statusCell(base), 'Running');
	t.is(statusCell({...base, deletionTimestamp: 5}), 'Terminating');
	t.is(statusCell({...base, phase: 'Pending', containersRunning: false, ready: false, deletionTimestamp: 5}), 'Terminating');
	t.is(statusCell({...base, phase: 'Succeeded', deletionTimestamp: 5}), 'Succeeded');
	t.is(statusCell({...base, phase: 'Failed'}), 'Failed');
	t.is(statusCell({...base, phase: 'Pending', nodeName: null, podIP: null}), 'Pending');
	t.is(statusCell({...base, phase: 'Pending', podIP: null}), 'ContainerCreating');
	t.is(statusCell({...base, containersRunning: false, ready: false, restartCount: 3}), 'CrashLoopBackOff');
});

test("READY counts containers only when running and ready; RESTARTS shows the last restart's age", t => {
	const base = makePod('default', 'p', {});
	t.is(readyCell(base), '1/1');
	t.is(readyCell({...base, ready: false}), '0/1');
	t.is(readyCell({...base, containersRunning: false}), '0/1');
	t.is(restartsCell(base, CLOCK), '0');
	t.is(restartsCell({...base, restartCount: 4, lastRestartAt: CLOCK - 90 * S}, CLOCK), '4 (90s ago)');
});

test('Pod object: owner, generateName, deletion, status with IPs and conditions', t => {
	const state = fixtureState();
	const object = podObject(state, getRow(state.pods, 'default/hello-node-g8w6c')!);
	t.like(object, {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: 'hello-node-g8w6c',
			generateName: 'hello-node-',
			deletionTimestamp: '2026-01-01T02:00:20Z',
			deletionGracePeriodSeconds: 30,
			ownerReferences: [{apiVersion: 'v1', kind: 'ReplicationController', name: 'hello-node', uid: 'uid-replicationcontroller-hello-node', controller: true}],
		},
		spec: {nodeName: 'node-2', terminationGracePeriodSeconds: 30},
		status: {phase: 'Running', podIP: '10.244.1.2', podIPs: [{ip: '10.244.1.2'}], hostIP: '192.168.49.3'},
	});
	const conditions = (object.status as {conditions: Array<{type: string; status: string}>}).conditions;
	t.deepEqual(
		conditions.find(c => c.type === 'Ready'),
		{type: 'Ready', status: 'True'},
	);

	const notReady = podObject(state, getRow(state.pods, 'default/hello-node-zq9l6')!);
	t.deepEqual(
		(notReady.status as {conditions: Array<{type: string}>}).conditions.find(c => c.type === 'Ready'),
		{type: 'Ready', status: 'False'},
	);
	t.like(notReady.status as object, {containerStatuses: [{name: 'hello-node', ready: false, restartCount: 0, started: true}]});

	const restarted = podObject(state, getRow(state.pods, 'default/hello-node-7b2qp')!);
	t.like(restarted.status as object, {containerStatuses: [{restartCount: 2, lastState: {terminated: {finishedAt: '2026-01-01T01:54:59Z'}}}]});

	const unscheduled = podObject(state, getRow(state.pods, 'default/lonely')!);
	t.deepEqual(unscheduled.status, {phase: 'Pending', qosClass: 'BestEffort', conditions: [{type: 'PodScheduled', status: 'False', reason: 'Unschedulable'}]});
	t.false('ownerReferences' in (unscheduled.metadata as object));

	const rsPod = podObject(state, getRow(state.pods, 'default/web-7b87cd5f68-x2v4p')!);
	t.like(rsPod.metadata as object, {generateName: 'web-7b87cd5f68-', ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet'}]});

	// StatefulSet pods have fixed names, no generateName (C2).
	const stsPod = podObject(state, getRow(state.pods, 'default/db-0')!);
	t.false('generateName' in (stsPod.metadata as object));
	t.like(stsPod.spec as object, {hostname: 'db-0', subdomain: 'db'});
});
