// What a Node says of itself, as recorded where a dump or manifest recorded it and simulated
// elsewhere (source/view/node-facts.ts), through `get nodes` (kubernetes/kubernetes
// pkg/printers/internalversion/printers.go printNode, getNodeInternalIP, getNodeExternalIP) and
// the Node object `-o yaml|json` prints.
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/types.js';
import {nodeConditions} from '../../source/view/node-facts.js';
import {nodeObject} from '../../source/view/node-rows.js';
import {bootSources} from '../session/sample-state.js';

/** A worker as a cloud cluster's dump records it; `extra` lines are spliced in under `status:`. */
function recordedNode(name: string, status: string[] = [], spec: string[] = []): string {
	return [
		'apiVersion: v1',
		'kind: Node',
		'metadata:',
		`  name: ${name}`,
		'  uid: 6b1d3c2e-0000-4000-8000-00000000000a',
		'  creationTimestamp: "2026-10-01T08:00:00Z"',
		'  annotations: {node.alpha.kubernetes.io/ttl: "0"}',
		'spec:',
		'  podCIDR: 10.244.0.0/24',
		'  podCIDRs: [10.244.0.0/24]',
		'  providerID: aws:///us-east-1a/i-0abc',
		...spec,
		'status:',
		'  addresses: [{type: InternalIP, address: 10.0.0.10}, {type: ExternalIP, address: 203.0.113.7}, {type: InternalDNS, address: ip-10-0-0-10.ec2.internal}, {type: Hostname, address: ip-10-0-0-10.ec2.internal}]',
		'  capacity: {cpu: "4", ephemeral-storage: 104845292Ki, memory: 16186368Ki, pods: "110"}',
		'  allocatable: {cpu: 3920m, ephemeral-storage: "95551679124", memory: 15341056Ki, pods: "58"}',
		'  nodeInfo: {kubeletVersion: v1.31.2, kubeProxyVersion: v1.31.2, osImage: Amazon Linux 2023.6.20241111, kernelVersion: 6.1.112-124.190.amzn2023.x86_64, containerRuntimeVersion: containerd://1.7.22, operatingSystem: linux, architecture: arm64, machineID: ec2aa1, systemUUID: ec2bb2, bootID: cc3}',
		...status,
	].join('\n');
}

const READY_TRUE = [
	'  conditions:',
	'  - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, message: kubelet has sufficient memory available, lastHeartbeatTime: "2026-10-02T07:53:20Z", lastTransitionTime: "2026-10-01T08:00:00Z"}',
	'  - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status, lastHeartbeatTime: "2026-10-02T07:53:20Z", lastTransitionTime: "2026-10-01T08:00:30Z"}',
];

const boot = (...texts: string[]): State => bootSources(texts.map((text, i) => ({name: `n${i}.yaml`, text})));
const objectOf = (state: State, name: string) =>
	nodeObject(state, state.nodes[name]!) as {metadata: Record<string, unknown>; spec: Record<string, unknown>; status: Record<string, unknown>};

test("get nodes -o wide shows the dump's VERSION, INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION and CONTAINER-RUNTIME (printers.go printNode); a Cluster document's node keeps the simulated ones", t => {
	const cluster = ['apiVersion: k8s-svc-tui/v1', 'kind: Cluster', 'nodes: [{name: node-1}]'].join('\n');
	t.deepEqual(execute(boot(recordedNode('ip-10-0-0-10.ec2.internal', READY_TRUE), cluster), 'get nodes -o wide').out, [
		'NAME                        STATUS   ROLES    AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE                       KERNEL-VERSION                    CONTAINER-RUNTIME',
		'ip-10-0-0-10.ec2.internal   Ready    <none>   23h   v1.31.2   10.0.0.10      203.0.113.7   Amazon Linux 2023.6.20241111   6.1.112-124.190.amzn2023.x86_64   containerd://1.7.22',
		'node-1                      Ready    <none>   0s    v1.34.0   192.168.49.2   <none>        Ubuntu 24.04.3 LTS             6.8.0-85-generic                  containerd://2.1.4',
	]);
});

test('get nodes: a cordoned node is Ready,SchedulingDisabled; nodeInfo strings a record left empty are <unknown> in the wide columns, and VERSION stays empty (printers.go printNode)', t => {
	const node = [
		'apiVersion: v1',
		'kind: Node',
		'metadata: {name: bare}',
		'spec: {unschedulable: true}',
		'status:',
		'  addresses: [{type: InternalIP, address: 10.0.0.9}]',
		'  nodeInfo: {osImage: Flatcar}',
		'  conditions: [{type: Ready, status: "True"}]',
	].join('\n');
	t.deepEqual(execute(boot(node), 'get nodes -o wide').out, [
		'NAME   STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME',
		'bare   Ready,SchedulingDisabled   <none>   0s              10.0.0.9      <none>        Flatcar    <unknown>        <unknown>',
	]);
});

test('the Node object of a dumped node: its uid, annotations, providerID, taints, every address in order, capacity and allocatable, conditions and nodeInfo as recorded', t => {
	const state = boot(recordedNode('w1', READY_TRUE, ['  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]']));
	const object = objectOf(state, 'w1');
	t.like(object.metadata, {uid: '6b1d3c2e-0000-4000-8000-00000000000a', annotations: {'node.alpha.kubernetes.io/ttl': '0'}});
	t.deepEqual(object.spec, {
		podCIDR: '10.244.0.0/24',
		podCIDRs: ['10.244.0.0/24'],
		providerID: 'aws:///us-east-1a/i-0abc',
		taints: [{key: 'dedicated', value: 'gpu', effect: 'NoSchedule'}],
	});
	t.deepEqual(object.status.addresses, [
		{type: 'InternalIP', address: '10.0.0.10'},
		{type: 'ExternalIP', address: '203.0.113.7'},
		{type: 'InternalDNS', address: 'ip-10-0-0-10.ec2.internal'},
		{type: 'Hostname', address: 'ip-10-0-0-10.ec2.internal'},
	]);
	t.deepEqual(object.status.capacity, {cpu: '4', 'ephemeral-storage': '104845292Ki', memory: '16186368Ki', pods: '110'});
	t.deepEqual(object.status.allocatable, {cpu: '3920m', 'ephemeral-storage': '95551679124', memory: '15341056Ki', pods: '58'});
	t.like(object.status.nodeInfo, {kubeletVersion: 'v1.31.2', kubeProxyVersion: 'v1.31.2', architecture: 'arm64', machineID: 'ec2aa1'});
	// The dump's newest heartbeat is the simulation's t=0; the kubelet goes on posting, so Ready's heartbeat is now.
	t.deepEqual(object.status.conditions, [
		{
			type: 'MemoryPressure',
			status: 'False',
			reason: 'KubeletHasSufficientMemory',
			message: 'kubelet has sufficient memory available',
			lastHeartbeatTime: '2026-01-01T00:00:00Z',
			lastTransitionTime: '2025-12-31T00:06:40Z',
		},
		{
			type: 'Ready',
			status: 'True',
			reason: 'KubeletReady',
			message: 'kubelet is posting ready status',
			lastHeartbeatTime: '2026-01-01T00:00:00Z',
			lastTransitionTime: '2025-12-31T00:07:10Z',
		},
	]);
	// The simulation also schedules against the record: allocatable pods is its capacity.
	t.is(state.nodes.w1?.maxPods, 58);
});

test('get node -o json prints the same object', t => {
	const state = boot(recordedNode('w1', READY_TRUE));
	const printed = JSON.parse(execute(state, 'get node w1 -o json').out.join('\n'));
	t.deepEqual(printed, JSON.parse(JSON.stringify(objectOf(state, 'w1'))));
	t.is(printed.status.nodeInfo.osImage, 'Amazon Linux 2023.6.20241111');
});

test("Ready: a NotReady node keeps the dump's words (its kubelet said why); the simulation's stands where it disagrees with the record", t => {
	const pleg = [
		'  conditions:',
		'  - {type: Ready, status: "False", reason: KubeletNotReady, message: "PLEG is not healthy: pleg was last seen active 3m0s ago", lastHeartbeatTime: "2026-10-02T07:53:20Z", lastTransitionTime: "2026-10-02T07:50:00Z"}',
	];
	const sick = boot(recordedNode('sick', pleg));
	t.deepEqual(
		nodeConditions(sick.nodes.sick!, sick.clock).map(c => [c.type, c.status, c.reason, c.message]),
		[['Ready', 'False', 'KubeletNotReady', 'PLEG is not healthy: pleg was last seen active 3m0s ago']],
	);
	t.is(execute(sick, 'get nodes').out[1]?.split(/ +/)[1], 'NotReady');
	// The cluster's pod CIDR has one /24 and two nodes want one: the second gets none, so its
	// runtime reports the network not ready, whatever the dump said (view/node-facts.ts readyCondition).
	const cluster = ['apiVersion: k8s-svc-tui/v1', 'kind: Cluster', 'podCIDR: 10.244.0.0/24', 'nodes: [{name: a}]'].join('\n');
	const state = boot(cluster, recordedNode('w1', READY_TRUE).replace('  podCIDR: 10.244.0.0/24\n  podCIDRs: [10.244.0.0/24]\n', ''));
	const ready = nodeConditions(state.nodes.w1!, state.clock).find(c => c.type === 'Ready');
	t.like(ready, {status: 'False', reason: 'KubeletNotReady'});
	t.deepEqual(objectOf(state, 'w1').spec, {providerID: 'aws:///us-east-1a/i-0abc'});
});

test("addresses: a record without an InternalIP gets the one the simulation routes to, first; dual-stack podCIDRs are kept while the first is the node's", t => {
	const node = [
		'apiVersion: v1',
		'kind: Node',
		'metadata: {name: edge}',
		'spec: {podCIDR: 10.244.5.0/24, podCIDRs: [10.244.5.0/24, "fd00:10:244:5::/64"]}',
		'status: {addresses: [{type: Hostname, address: edge}]}',
	].join('\n');
	const state = boot(node);
	const object = objectOf(state, 'edge');
	t.deepEqual(object.status.addresses, [
		{type: 'InternalIP', address: state.nodes.edge!.internalIP},
		{type: 'Hostname', address: 'edge'},
	]);
	t.deepEqual(object.spec.podCIDRs, ['10.244.5.0/24', 'fd00:10:244:5::/64']);
	// Nothing recorded of nodeInfo or capacity: the simulation's.
	t.like(object.status.nodeInfo, {kubeletVersion: 'v1.34.0', osImage: 'Ubuntu 24.04.3 LTS'});
	t.deepEqual(object.status.capacity, {pods: '110'});
});
