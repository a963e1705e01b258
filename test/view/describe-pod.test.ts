// `describe pod` against kubectl's layout (kubernetes/kubectl pkg/describe/describe.go describePod,
// release-1.34): field order, the tabwriter's blocks (a line without a tab ends one, so `IPs:`
// restarts the alignment), `%v \t%v \n` condition rows, probes as DescribeProbe prints them.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {bootSources, sampleState} from '../session/sample-state.js';

function run(state: State, ...lines: string[]): {state: State; out: string[]; err: string[]} {
	let out: string[] = [];
	let err: string[] = [];
	for (const line of lines) {
		const result = execute(state, line);
		state = result.state;
		out = result.out;
		err = result.err;
	}
	return {state, out, err};
}

const TOLERATIONS = [
	'Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
	'                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
];

test('describe pod: a running RC pod of the hello sample, line for line', t => {
	t.deepEqual(run(sampleState('hello.yaml'), 'describe pod hello-node-4fp4j').out, [
		'Name:             hello-node-4fp4j',
		'Namespace:        default',
		'Priority:         0',
		'Service Account:  default',
		'Node:             node-2/192.168.49.3',
		'Start Time:       Thu, 01 Jan 2026 00:00:00 +0000',
		'Labels:           app=hello-node',
		'Annotations:      <none>',
		'Status:           Running',
		'IP:               10.244.1.3',
		'IPs:',
		'  IP:           10.244.1.3',
		'Controlled By:  ReplicationController/hello-node',
		'Containers:',
		'  hello-node:',
		'    Container ID:   ',
		'    Image:          gcr.io/google-samples/node-hello:1.0',
		'    Image ID:       ',
		'    Port:           8080/TCP (http)',
		'    Host Port:      0/TCP (http)',
		'    State:          Running',
		'      Started:      Thu, 01 Jan 2026 00:00:00 +0000',
		'    Ready:          True',
		'    Restart Count:  0',
		'    Readiness:      http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
		'    Environment:    <none>',
		'    Mounts:         <none>',
		'Conditions:',
		'  Type                        Status',
		'  PodReadyToStartContainers   True ',
		'  Initialized                 True ',
		'  Ready                       True ',
		'  ContainersReady             True ',
		'  PodScheduled                True ',
		'Volumes:                      <none>',
		'QoS Class:                    BestEffort',
		'Node-Selectors:               <none>',
		...TOLERATIONS,
		'Events:',
		'  Type    Reason     Age   From               Message',
		'  ----    ------     ----  ----               -------',
		'  Normal  Scheduled  0s    default-scheduler  Successfully assigned default/hello-node-4fp4j to node-2',
		// Loaded from manifests, the pod started as after a fresh apply: the kubelet's sequence
		// (image_manager.go's "already present" Pulled, then Created, Started), fieldPath first.
		'  Normal  Pulled     0s    kubelet            spec.containers{hello-node}: Container image "gcr.io/google-samples/node-hello:1.0" already present on machine and can be accessed by the pod',
		'  Normal  Created    0s    kubelet            spec.containers{hello-node}: Container created',
		'  Normal  Started    0s    kubelet            spec.containers{hello-node}: Container started',
	]);
});

test('describe pod: after a crash, Last State Terminated (Error, exit 1) with when that run started, and the restart count; the pod’s Start Time stays', t => {
	const {out} = run(sampleState('hello.yaml'), 'wait 5s', 'crash pod hello-node-4fp4j', 'wait 30s', 'describe pod hello-node-4fp4j');
	const from = out.indexOf('    State:          Running');
	t.deepEqual(out.slice(from, from + 9), [
		'    State:          Running',
		'      Started:      Thu, 01 Jan 2026 00:00:07 +0000',
		'    Last State:     Terminated',
		'      Reason:       Error',
		'      Exit Code:    1',
		// The run that crashed: started with the pod, ended at the crash (kubelet's lastState).
		'      Started:      Thu, 01 Jan 2026 00:00:00 +0000',
		'      Finished:     Thu, 01 Jan 2026 00:00:05 +0000',
		'    Ready:          True',
		'    Restart Count:  1',
	]);
	// status.startTime is the pod's, which a container restart does not touch.
	t.true(out.includes('Start Time:       Thu, 01 Jan 2026 00:00:00 +0000'), out.join('\n'));
	const json = JSON.parse(
		run(sampleState('hello.yaml'), 'wait 5s', 'crash pod hello-node-4fp4j', 'wait 30s', 'get pod hello-node-4fp4j -o json').out.join('\n'),
	);
	t.is(json.status.startTime, '2026-01-01T00:00:00Z');
	t.deepEqual(json.status.containerStatuses[0].lastState, {
		terminated: {exitCode: 1, finishedAt: '2026-01-01T00:00:05Z', reason: 'Error', startedAt: '2026-01-01T00:00:00Z'},
	});
	t.deepEqual(json.status.containerStatuses[0].state, {running: {startedAt: '2026-01-01T00:00:07Z'}});
});

test('describe pod: a deleted pod is Terminating (lasts <invalid>) while its grace period runs', t => {
	const {out} = run(sampleState('hello.yaml'), 'delete pod hello-node-c4hwf', 'describe pod hello-node-c4hwf');
	// The deletionTimestamp lies 30 s ahead; kubectl's HumanDuration of a future time is <invalid>.
	t.true(out.includes('Status:                    Terminating (lasts <invalid>)'), out.join('\n'));
	t.true(out.includes('Termination Grace Period:  30s'), out.join('\n'));
});

test('describe pod: an unschedulable pod has no node, IP or container status; PodScheduled False', t => {
	const state = sampleState('hello.yaml', {extra: 'apiVersion: k8s-svc-tui/v1\nkind: Cluster\nnodes: 1\nmaxPodsPerNode: 1\n'});
	const {out} = run(state, 'describe pod hello-node-gxcjz');
	t.deepEqual(out.slice(0, 28), [
		'Name:             hello-node-gxcjz',
		'Namespace:        default',
		'Priority:         0',
		'Service Account:  default',
		'Node:             <none>',
		'Labels:           app=hello-node',
		'Annotations:      <none>',
		'Status:           Pending',
		'IP:               ',
		'IPs:              <none>',
		'Controlled By:    ReplicationController/hello-node',
		'Containers:',
		'  hello-node:',
		'    Image:        gcr.io/google-samples/node-hello:1.0',
		'    Port:         8080/TCP (http)',
		'    Host Port:    0/TCP (http)',
		'    Readiness:    http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
		'    Environment:  <none>',
		'    Mounts:       <none>',
		'Conditions:',
		'  Type           Status',
		'  PodScheduled   False ',
		'Volumes:         <none>',
		'QoS Class:       BestEffort',
		'Node-Selectors:  <none>',
		'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
		'                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
		'Events:',
	]);
});

test('describe pod: labels and annotations from input are sanitized', t => {
	const extra = [
		'apiVersion: v1',
		'kind: Pod',
		'metadata:',
		'  name: evil',
		'  labels: {app: web}',
		'  annotations: {note: "\\e[31mred"}',
		'spec:',
		'  containers: [{name: c, image: "img\\e[2J"}]',
	].join('\n');
	const {out} = run(sampleState('hello.yaml', {extra}), 'describe pod evil');
	t.true(out.includes('Annotations:      note: ^[[31mred'), out.join('\n'));
	t.true(out.includes('    Image:          img^[[2J'), out.join('\n'));
	t.false(out.some(line => line.includes('\u001b')));
});

test('Node-Selectors lists spec.nodeSelector as k=v lines (describePod printLabelsMultiline); -o yaml keeps it and the required affinity as written', t => {
	const text = readFileSync('test/fixtures/scheduling/node-selector.yaml', 'utf8');
	const {state} = run(bootSources([{name: 'node-selector.yaml', text}]), 'wait 30s');
	const db = run(state, 'describe pod -l app=db').out;
	const at = db.findIndex(l => l.startsWith('Node-Selectors:'));
	t.deepEqual(db.slice(at, at + 2), ['Node-Selectors:               disktype=ssd', '                              kubernetes.io/os=linux']);
	const web = JSON.parse(run(state, 'get pods -l app=web -o json').out.join('\n')).items[0].spec;
	t.deepEqual(web.affinity, {
		nodeAffinity: {
			requiredDuringSchedulingIgnoredDuringExecution: {
				nodeSelectorTerms: [
					{
						matchExpressions: [{key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a']}],
						matchFields: [{key: 'metadata.name', operator: 'NotIn', values: ['node-b']}],
					},
				],
			},
		},
	});
	t.is(web.nodeSelector, undefined);
	t.deepEqual(JSON.parse(run(state, 'get deploy db -o json').out.join('\n')).spec.template.spec.nodeSelector, {disktype: 'ssd', 'kubernetes.io/os': 'linux'});
});
