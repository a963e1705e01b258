// `describe node` against kubectl's layout (kubernetes/kubectl pkg/describe/describe.go
// describeNode, describeNodeLease, describeNodeResource; release-1.34). The System Info lines, PodCIDR
// and the Non-terminated Pods table share one tabwriter block, so `  Namespace` lines up with them.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import {bootSources, sampleState} from '../session/sample-state.js';

test('describe node: node-1 of the hello sample, line for line', t => {
	t.deepEqual(execute(sampleState('hello.yaml'), 'describe node node-1').out, [
		'Name:               node-1',
		'Roles:              <none>',
		'Labels:             beta.kubernetes.io/arch=amd64',
		'                    beta.kubernetes.io/os=linux',
		'                    kubernetes.io/arch=amd64',
		'                    kubernetes.io/hostname=node-1',
		'                    kubernetes.io/os=linux',
		'Annotations:        <none>',
		'CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000',
		'Taints:             <none>',
		'Unschedulable:      false',
		'Lease:',
		'  HolderIdentity:  node-1',
		'  AcquireTime:     <unset>',
		'  RenewTime:       Thu, 01 Jan 2026 00:00:00 +0000',
		'Conditions:',
		'  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
		'  ----    ------  -----------------                 ------------------                ------         -------',
		'  Ready   True    Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady   kubelet is posting ready status',
		'Addresses:',
		'  InternalIP:  192.168.49.2',
		'  Hostname:    node-1',
		'Capacity:',
		'  pods:  110',
		'Allocatable:',
		'  pods:  110',
		'System Info:',
		'  Machine ID:                 ',
		'  System UUID:                ',
		'  Boot ID:                    ',
		'  Kernel Version:             6.8.0-85-generic',
		'  OS Image:                   Ubuntu 24.04.3 LTS',
		'  Operating System:           linux',
		'  Architecture:               amd64',
		'  Container Runtime Version:  containerd://2.1.4',
		'  Kubelet Version:            v1.34.0',
		'  Kube-Proxy Version:         ',
		'PodCIDR:                      10.244.0.0/24',
		'PodCIDRs:                     10.244.0.0/24',
		'Non-terminated Pods:          (1 in total)',
		'  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
		'  ---------                   ----                ------------  ----------  ---------------  -------------  ---',
		'  default                     hello-node-c4hwf    0 (0%)        0 (0%)      0 (0%)           0 (0%)         0s',
		'Allocated resources:',
		'  (Total limits may be over 100 percent, i.e., overcommitted.)',
		'  Resource           Requests  Limits',
		'  --------           --------  ------',
		'  cpu                0 (0%)    0 (0%)',
		'  memory             0 (0%)    0 (0%)',
		'  ephemeral-storage  0 (0%)    0 (0%)',
		'Events:              <none>',
	]);
});

test('describe node: a dumped node lists its non-terminated pods across namespaces, namespace then name', t => {
	const state = bootSources([{name: 'cluster.yaml', text: readFileSync('test/fixtures/dump/cluster.yaml', 'utf8')}]);
	const out = execute(state, 'describe node ip-10-0-0-11.ec2.internal').out;
	const from = out.indexOf('Non-terminated Pods:          (4 in total)');
	t.not(from, -1, out.join('\n'));
	t.deepEqual(
		out.slice(from + 3, from + 7).map(line => line.split(/ +/).slice(1, 3).join(' ')),
		['team-0 svc-0-lz6lp8qsfq-xlk46', 'team-0 svc-2-9hpxgnk4hq-mmcgp', 'team-1 svc-1-p6b2m58p2w-4jn8d', 'team-1 svc-1-p6b2m58p2w-ggrs5'],
	);
	// The dump's InternalDNS line widens the block (describeNode prints every recorded address).
	t.true(out.includes('  InternalIP:   10.0.0.11'), out.join('\n'));
});

test('describe node: a node that does not exist', t => {
	t.deepEqual(execute(sampleState('hello.yaml'), 'describe no node-9').err, ['Error from server (NotFound): nodes "node-9" not found']);
});

test('describe node: Capacity and Allocatable pods are the status.allocatable.pods a manifest records', t => {
	const node = [
		'apiVersion: v1',
		'kind: Node',
		'metadata:',
		'  name: ip-10-0-0-5',
		'status:',
		'  addresses: [{type: InternalIP, address: 10.0.0.5}]',
		'  allocatable: {pods: "58"}',
	].join('\n');
	const out = execute(bootSources([{name: 'node.yaml', text: node}]), 'describe no ip-10-0-0-5').out;
	const from = out.indexOf('Capacity:');
	t.deepEqual(out.slice(from, from + 4), ['Capacity:', '  pods:  58', 'Allocatable:', '  pods:  58']);
});

test('describe node: a node the IPAM controller had no block for (range_allocator.go CIDRNotAvailable) has a posting kubelet, Ready False with the runtime network not ready (kubelet.go updateRuntimeUp, setters.go ReadyCondition), no PodCIDR lines, and the event', t => {
	const cluster = ['apiVersion: k8s-svc-tui/v1', 'kind: Cluster', 'podCIDR: 10.244.0.0/24', 'nodes: [{name: a}, {name: b}]'].join('\n');
	const out = execute(bootSources([{name: 'cluster.yaml', text: cluster}]), 'describe node b').out;
	const at = (heading: string, count: number) => out.slice(out.indexOf(heading), out.indexOf(heading) + count);
	t.is(at('Lease:', 4).at(-1), '  RenewTime:       Thu, 01 Jan 2026 00:00:00 +0000');
	t.is(
		at('Conditions:', 4).at(-1),
		'  Ready   False   Thu, 01 Jan 2026 00:00:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletNotReady   container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
	);
	t.false(out.some(line => line.startsWith('PodCIDR')));
	t.deepEqual(out.slice(-4), [
		'Events:',
		'  Type     Reason            Age   From           Message',
		'  ----     ------            ----  ----           -------',
		'  Warning  CIDRNotAvailable  0s    cidrAllocator  Node b status is now: CIDRNotAvailable',
	]);
	// Node a got the only block, and says so.
	t.true(execute(bootSources([{name: 'cluster.yaml', text: cluster}]), 'describe node a').out.includes('PodCIDR:                      10.244.0.0/24'));
});

test('describe node: what a dump recorded, section by section as describeNode prints it: Annotations, Taints sorted by effect then key one a line (printNodeTaintsMultiline, Taint.ToString), Unschedulable, every condition in order, every address, Capacity and Allocatable sorted (SortableResourceNames), System Info, PodCIDRs joined with commas, ProviderID', t => {
	const node = [
		'apiVersion: v1',
		'kind: Node',
		'metadata:',
		'  name: w1',
		'  uid: 6b1d3c2e-0000-4000-8000-00000000000a',
		'  creationTimestamp: "2026-10-01T08:00:00Z"',
		'  labels: {node-role.kubernetes.io/gpu: ""}',
		'  annotations: {node.alpha.kubernetes.io/ttl: "0", csi.volume.kubernetes.io/nodeid: \'{"ebs.csi.aws.com":"i-0abc"}\'}',
		'spec:',
		'  podCIDR: 10.244.0.0/24',
		'  podCIDRs: [10.244.0.0/24, "fd00:10:244::/64"]',
		'  providerID: aws:///us-east-1a/i-0abc',
		'  unschedulable: true',
		'  taints:',
		'  - {key: node.kubernetes.io/unschedulable, effect: NoSchedule}',
		'  - {key: dedicated, value: gpu, effect: NoSchedule}',
		'  - {key: example.com/drain, effect: NoExecute}',
		'status:',
		'  addresses: [{type: InternalIP, address: 10.0.0.10}, {type: InternalDNS, address: ip-10-0-0-10.ec2.internal}, {type: Hostname, address: ip-10-0-0-10.ec2.internal}]',
		'  capacity: {cpu: "4", memory: 16186368Ki, pods: "110", hugepages-2Mi: "0"}',
		'  allocatable: {cpu: 3920m, memory: 15341056Ki, pods: "110", hugepages-2Mi: "0"}',
		'  conditions:',
		'  - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, message: kubelet has sufficient memory available, lastHeartbeatTime: "2026-10-02T07:53:20Z", lastTransitionTime: "2026-10-01T08:00:00Z"}',
		'  - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status, lastHeartbeatTime: "2026-10-02T07:53:20Z", lastTransitionTime: "2026-10-01T08:00:30Z"}',
		'  nodeInfo: {kubeletVersion: v1.31.2, kubeProxyVersion: v1.31.2, osImage: Amazon Linux 2023.6.20241111, kernelVersion: 6.1.112-124.190.amzn2023.x86_64, containerRuntimeVersion: containerd://1.7.22, operatingSystem: linux, architecture: arm64, machineID: ec2aa1, systemUUID: ec2bb2, bootID: cc3}',
	].join('\n');
	const out = execute(bootSources([{name: 'node.yaml', text: node}]), 'describe node w1').out;
	// Cordoned and tainted, w1 takes none of the cluster's CoreDNS pods (they tolerate neither).
	t.deepEqual(out.slice(0, out.indexOf('Non-terminated Pods:          (0 in total)')), [
		'Name:               w1',
		'Roles:              gpu',
		'Labels:             kubernetes.io/hostname=w1',
		'                    kubernetes.io/os=linux',
		'                    node-role.kubernetes.io/gpu=',
		'Annotations:        csi.volume.kubernetes.io/nodeid: {"ebs.csi.aws.com":"i-0abc"}',
		'                    node.alpha.kubernetes.io/ttl: 0',
		'CreationTimestamp:  Wed, 31 Dec 2025 00:06:40 +0000',
		'Taints:             example.com/drain:NoExecute',
		'                    dedicated=gpu:NoSchedule',
		'                    node.kubernetes.io/unschedulable:NoSchedule',
		'Unschedulable:      true',
		'Lease:',
		'  HolderIdentity:  w1',
		'  AcquireTime:     <unset>',
		'  RenewTime:       Thu, 01 Jan 2026 00:00:00 +0000',
		'Conditions:',
		'  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
		'  ----             ------  -----------------                 ------------------                ------                       -------',
		// The dump's newest time is t=0 (Thu, 01 Jan 2026); its other times keep their distance from it.
		'  MemoryPressure   False   Thu, 01 Jan 2026 00:00:00 +0000   Wed, 31 Dec 2025 00:06:40 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
		'  Ready            True    Thu, 01 Jan 2026 00:00:00 +0000   Wed, 31 Dec 2025 00:07:10 +0000   KubeletReady                 kubelet is posting ready status',
		'Addresses:',
		'  InternalIP:   10.0.0.10',
		'  InternalDNS:  ip-10-0-0-10.ec2.internal',
		'  Hostname:     ip-10-0-0-10.ec2.internal',
		'Capacity:',
		'  cpu:            4',
		'  hugepages-2Mi:  0',
		'  memory:         16186368Ki',
		'  pods:           110',
		'Allocatable:',
		'  cpu:            3920m',
		'  hugepages-2Mi:  0',
		'  memory:         15341056Ki',
		'  pods:           110',
		'System Info:',
		'  Machine ID:                 ec2aa1',
		'  System UUID:                ec2bb2',
		'  Boot ID:                    cc3',
		'  Kernel Version:             6.1.112-124.190.amzn2023.x86_64',
		'  OS Image:                   Amazon Linux 2023.6.20241111',
		'  Operating System:           linux',
		'  Architecture:               arm64',
		'  Container Runtime Version:  containerd://1.7.22',
		'  Kubelet Version:            v1.31.2',
		'  Kube-Proxy Version:         v1.31.2',
		'PodCIDR:                      10.244.0.0/24',
		'PodCIDRs:                     10.244.0.0/24,fd00:10:244::/64',
		'ProviderID:                   aws:///us-east-1a/i-0abc',
	]);
});

test("describe node: a recorded condition without times prints Go's zero time (describeNode formats metav1.Time as RFC1123Z); a posting kubelet's Ready heartbeat is now", t => {
	const node = [
		'apiVersion: v1',
		'kind: Node',
		'metadata: {name: w2}',
		'status: {conditions: [{type: Ready, status: "True"}, {type: NetworkUnavailable, status: "False", reason: RouteCreated}]}',
	].join('\n');
	const out = execute(bootSources([{name: 'node.yaml', text: node}]), 'describe node w2').out;
	const from = out.indexOf('Conditions:');
	t.deepEqual(out.slice(from + 3, from + 5), [
		// An empty Reason is still a `%v \t` cell, padded to the column as Go's tabwriter pads it.
		`  Ready                True    Thu, 01 Jan 2026 00:00:00 +0000   Mon, 01 Jan 0001 00:00:00 +0000   ${' '.repeat(15)}`,
		'  NetworkUnavailable   False   Mon, 01 Jan 0001 00:00:00 +0000   Mon, 01 Jan 0001 00:00:00 +0000   RouteCreated   ',
	]);
});

test("describe node on a dump (describe.go describeNodeResource, resourcehelper PodRequestsAndLimits): containers' requests and limits against allocatable, percentages truncated", t => {
	const state = bootSources([{name: 'cluster.json', text: readFileSync('test/fixtures/dump/cluster.json', 'utf8')}]);
	const out = execute(state, 'describe node ip-10-0-0-10.ec2.internal').out;
	const from = out.indexOf('Non-terminated Pods:          (5 in total)');
	t.not(from, -1, out.join('\n'));
	// 100m of 3920m is 2.55%, 256Mi of 15341056Ki 1.7%, 512Mi 3.4%: int64() truncates. coredns is the simulator's, without requests.
	t.deepEqual(out.slice(from + 3), [
		'  kube-system                 coredns-6c6dd8c559-4cjf4    0 (0%)        0 (0%)      0 (0%)           0 (0%)         0s',
		'  team-0                      svc-0-lz6lp8qsfq-56bh2      100m (2%)     0 (0%)      256Mi (1%)       512Mi (3%)     22h',
		'  team-0                      svc-0-lz6lp8qsfq-fl7ml      100m (2%)     0 (0%)      256Mi (1%)       512Mi (3%)     22h',
		'  team-0                      svc-2-9hpxgnk4hq-bq4qt      100m (2%)     0 (0%)      256Mi (1%)       512Mi (3%)     22h',
		'  team-1                      svc-1-p6b2m58p2w-wfdn9      100m (2%)     0 (0%)      256Mi (1%)       512Mi (3%)     22h',
		'Allocated resources:',
		'  (Total limits may be over 100 percent, i.e., overcommitted.)',
		'  Resource           Requests    Limits',
		'  --------           --------    ------',
		// Four pods' 256Mi is 1Gi: Quantity.String() takes the largest binary suffix that divides.
		'  cpu                400m (10%)  0 (0%)',
		'  memory             1Gi (6%)    2Gi (13%)',
		'  ephemeral-storage  0 (0%)      0 (0%)',
		'Events:              <none>',
	]);
});

test('describe node (describeNodeResource): hugepages get a share of allocatable, extended resources bare sums; a limit alone is also the request (defaults.go)', t => {
	const manifest = `apiVersion: v1
kind: Node
metadata: {name: big}
status:
  allocatable: {cpu: "2", memory: 4Gi, hugepages-2Mi: 1Gi, example.com/gpu: "4", pods: "110"}
  capacity: {cpu: "2", memory: 4Gi, hugepages-2Mi: 1Gi, example.com/gpu: "4", pods: "110"}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: default}
spec:
  nodeName: big
  containers:
  - name: a
    image: x
    resources:
      requests: {cpu: 1500m, example.com/gpu: 1}
      limits: {memory: 1.5Gi, hugepages-2Mi: 256Mi, example.com/gpu: 1}
  - name: b
    image: x
    resources: {requests: {cpu: 0.5}}
`;
	const out = execute(bootSources([{name: 'big.yaml', text: manifest}]), 'describe node big').out;
	const row = out.find(line => line.includes(' p '));
	t.is(row?.split(/ {2,}/).slice(3, 7).join(' | '), '2 (100%) | 0 (0%) | 1536Mi (37%) | 1536Mi (37%)', out.join('\n'));
	const from = out.indexOf('Allocated resources:');
	t.deepEqual(
		out.slice(from + 4, from + 9).map(line => line.trim().split(/ {2,}/).join(' | ')),
		[
			'cpu | 2 (100%) | 0 (0%)',
			'memory | 1536Mi (37%) | 1536Mi (37%)',
			'ephemeral-storage | 0 (0%) | 0 (0%)',
			'hugepages-2Mi | 256Mi (25%) | 256Mi (25%)',
			'example.com/gpu | 1 | 1',
		],
	);
});
