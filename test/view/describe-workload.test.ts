// `describe deploy | rs | rc | sts` against kubectl's layout (kubernetes/kubectl pkg/describe/describe.go
// describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet,
// DescribePodTemplate; release-1.34): each describer's own Replicas line and field order.
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {sampleState} from '../session/sample-state.js';

function out(state: State, ...lines: string[]): string[] {
	let last: string[] = [];
	for (const line of lines) {
		const result = execute(state, line);
		state = result.state;
		last = [...result.out, ...result.err];
	}
	return last;
}

/** DescribePodTemplate's tail: `Mounts:\t<none>` keeps the block, so Volumes and the rest line up with it. */
const TEMPLATE_TAIL = [
	'    Environment:   <none>',
	'    Mounts:        <none>',
	'  Volumes:         <none>',
	'  Node-Selectors:  <none>',
	'  Tolerations:     <none>',
];

test('describe deploy: the clusterip sample, line for line', t => {
	t.deepEqual(out(sampleState('clusterip.yaml'), 'describe deploy web'), [
		'Name:                   web',
		'Namespace:              default',
		'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
		'Labels:                 app=web',
		'Annotations:            <none>',
		'Selector:               app=web',
		'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
		'StrategyType:           RollingUpdate',
		'MinReadySeconds:        0',
		'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
		'Pod Template:',
		'  Labels:  app=web',
		'  Containers:',
		'   nginx:',
		'    Image:         nginx:1.27',
		'    Port:          80/TCP (http)',
		'    Host Port:     0/TCP (http)',
		'    Readiness:     http-get http://:http/ delay=0s timeout=1s period=10s #success=1 #failure=3',
		...TEMPLATE_TAIL,
		'Conditions:',
		'  Type           Status  Reason',
		'  ----           ------  ------',
		'  Available      True    MinimumReplicasAvailable',
		'  Progressing    True    NewReplicaSetAvailable',
		'OldReplicaSets:  <none>',
		'NewReplicaSet:   web-545ffc774 (2/2 replicas created)',
		'Events:          <none>',
	]);
});

test('describe deploy: scaled up, Available is False until no more than 25% (rounded down) is missing', t => {
	const lines = out(sampleState('clusterip.yaml'), 'scale deploy web --replicas=3', 'describe deploy web');
	t.true(lines.includes('Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable'), lines.join('\n'));
	t.true(lines.includes('  Available      False   MinimumReplicasUnavailable'), lines.join('\n'));
	t.true(lines.includes('  Progressing    True    ReplicaSetUpdated'), lines.join('\n'));
	t.deepEqual(lines.slice(-4), [
		'Events:',
		'  Type    Reason             Age   From                   Message',
		'  ----    ------             ----  ----                   -------',
		'  Normal  ScalingReplicaSet  0s    deployment-controller  Scaled up replica set web-545ffc774 to 3 from 2',
	]);
});

test('describe rs: Controlled By the Deployment, Replicas current / desired, Pods Status by phase', t => {
	t.deepEqual(out(sampleState('clusterip.yaml'), 'describe rs web-545ffc774').slice(0, 18), [
		'Name:           web-545ffc774',
		'Namespace:      default',
		'Selector:       app=web,pod-template-hash=545ffc774',
		'Labels:         app=web',
		'                pod-template-hash=545ffc774',
		'Annotations:    <none>',
		'Controlled By:  Deployment/web',
		'Replicas:       2 current / 2 desired',
		'Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
		'Pod Template:',
		'  Labels:  app=web',
		'           pod-template-hash=545ffc774',
		'  Containers:',
		'   nginx:',
		'    Image:         nginx:1.27',
		'    Port:          80/TCP (http)',
		'    Host Port:     0/TCP (http)',
		'    Readiness:     http-get http://:http/ delay=0s timeout=1s period=10s #success=1 #failure=3',
	]);
});

test('describe rc: the hello sample, line for line, with its controller events', t => {
	t.deepEqual(out(sampleState('hello.yaml'), 'describe rc hello-node'), [
		'Name:         hello-node',
		'Namespace:    default',
		'Selector:     app=hello-node',
		'Labels:       app=hello-node',
		'Annotations:  <none>',
		'Replicas:     3 current / 3 desired',
		'Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
		'Pod Template:',
		'  Labels:  app=hello-node',
		'  Containers:',
		'   hello-node:',
		'    Image:         gcr.io/google-samples/node-hello:1.0',
		'    Port:          8080/TCP (http)',
		'    Host Port:     0/TCP (http)',
		'    Readiness:     http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
		...TEMPLATE_TAIL,
		'Events:',
		'  Type    Reason            Age   From                    Message',
		'  ----    ------            ----  ----                    -------',
		'  Normal  SuccessfulCreate  0s    replication-controller  Created pod: hello-node-c4hwf',
		'  Normal  SuccessfulCreate  0s    replication-controller  Created pod: hello-node-4fp4j',
		'  Normal  SuccessfulCreate  0s    replication-controller  Created pod: hello-node-vdtt6',
	]);
});

test('describe rc: a deleted pod still counts as Running in Pods Status while it terminates', t => {
	const lines = out(sampleState('hello.yaml'), 'delete pod hello-node-c4hwf', 'describe rc hello-node');
	// getPodStatusForController counts every controlled pod by phase; status.replicas only active ones.
	t.true(lines.includes('Replicas:     3 current / 3 desired'), lines.join('\n'));
	t.true(lines.includes('Pods Status:  3 Running / 1 Waiting / 0 Succeeded / 0 Failed'), lines.join('\n'));
});

test('describe sts: the headless sample, line for line', t => {
	t.deepEqual(out(sampleState('headless.yaml'), 'describe sts web'), [
		'Name:               web',
		'Namespace:          default',
		'CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000',
		'Selector:           app=nginx',
		'Labels:             <none>',
		'Annotations:        <none>',
		'Replicas:           3 desired | 3 total',
		'Update Strategy:    RollingUpdate',
		'  Partition:        0',
		'Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
		'Pod Template:',
		'  Labels:  app=nginx',
		'  Containers:',
		'   nginx:',
		'    Image:         registry.k8s.io/nginx-slim:0.24',
		'    Port:          80/TCP (web)',
		'    Host Port:     0/TCP (web)',
		'    Readiness:     tcp-socket :web delay=0s timeout=1s period=5s #success=1 #failure=3',
		...TEMPLATE_TAIL,
		'Volume Claims:     <none>',
		'Events:',
		'  Type    Reason            Age   From                    Message',
		'  ----    ------            ----  ----                    -------',
		'  Normal  SuccessfulCreate  0s    statefulset-controller  create Pod web-0 in StatefulSet web successful',
		'  Normal  SuccessfulCreate  0s    statefulset-controller  create Pod web-1 in StatefulSet web successful',
		'  Normal  SuccessfulCreate  0s    statefulset-controller  create Pod web-2 in StatefulSet web successful',
	]);
});

test('describe workloads: NotFound names the qualified resource', t => {
	const state = sampleState('hello.yaml');
	t.deepEqual(out(state, 'describe deploy nope'), ['Error from server (NotFound): deployments.apps "nope" not found']);
	t.deepEqual(out(state, 'describe sts/nope'), ['Error from server (NotFound): statefulsets.apps "nope" not found']);
	t.deepEqual(out(state, 'describe rc/nope'), ['Error from server (NotFound): replicationcontrollers "nope" not found']);
});
