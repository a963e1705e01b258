// `kubectl describe node` (describe.go describeNode, describeNodeLease, describeNodeResource;
// release-1.34). The model holds a node's addresses, pod CIDR, readiness and pod capacity, not its
// CPU or memory: Capacity lists pods only, and every pod's requests are 0 as BestEffort pods' are.

import {getRow} from '../sim/index.js';
import {members} from '../sim/index-sets.js';
import type {Node, Pod, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {describeWriter, rfc1123z} from './describe-writer.js';
import {nodeObject, readyCondition, rolesCell} from './node-rows.js';

interface NodeInfo {
	kubeletVersion: string;
	osImage: string;
	kernelVersion: string;
	containerRuntimeVersion: string;
	operatingSystem: string;
	architecture: string;
}

/** Non-terminated pods on the node, in the API's list order (namespace, then name). */
function nodePods(state: State, node: Node): Pod[] {
	const pods: Pod[] = [];
	for (const key of members(getRow(state.index.podsByNode, node.name))) {
		const pod = getRow(state.pods, key);
		if (pod && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') pods.push(pod);
	}
	const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
	return pods.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

export function describeNode(state: State, node: Node): string {
	const object = nodeObject(node);
	const nodeInfo = (object.status as {nodeInfo: NodeInfo}).nodeInfo;
	const w = describeWriter();
	w.write(0, 'Name:', node.name);
	w.write(0, 'Roles:', rolesCell(node));
	w.labels('Labels', node.labels);
	w.write(0, 'Annotations:', '<none>');
	w.write(0, 'CreationTimestamp:', rfc1123z(node.createdAt));
	w.write(0, 'Taints:', '<none>');
	w.write(0, 'Unschedulable:', 'false');
	// Ready True or False is the kubelet's own report; Unknown means it stopped posting.
	const condition = readyCondition(node);
	const posting = condition.status !== 'Unknown';
	// The kubelet holds its own Lease in kube-node-lease and renews it while it runs; a stopped
	// kubelet's last renewal is not modelled.
	w.write(0, 'Lease:');
	w.write(1, 'HolderIdentity:', node.name);
	w.write(1, 'AcquireTime:', '<unset>');
	w.write(1, 'RenewTime:', posting ? rfc1123z(state.clock) : '<unset>');
	w.write(0, 'Conditions:');
	w.write(1, 'Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message');
	w.write(1, '----', '------', '-----------------', '------------------', '------', '-------');
	// The Ready condition of nodeObject; the model keeps no heartbeats, so the node's creation is
	// its last transition and a posting kubelet's heartbeat is now.
	const {status, reason, message} = condition;
	const heartbeat = rfc1123z(posting ? state.clock : node.createdAt);
	// `%v \t%v \t%s \t%s \t%v \t%v\n`
	w.write(1, 'Ready ', `${status} `, `${heartbeat} `, `${rfc1123z(node.createdAt)} `, `${reason} `, message);
	w.write(0, 'Addresses:');
	w.write(1, 'InternalIP:', node.internalIP);
	w.write(1, 'Hostname:', node.name);
	// status.allocatable.pods as a dump recorded it, else the kubelet's --max-pods the cluster was given.
	const pods = String(node.maxPods ?? state.config.maxPodsPerNode);
	w.write(0, 'Capacity:');
	w.write(1, 'pods:', pods);
	w.write(0, 'Allocatable:');
	w.write(1, 'pods:', pods);
	w.write(0, 'System Info:');
	// Machine ID, System UUID and Boot ID are not modelled: empty, as in the Node object.
	w.write(1, 'Machine ID:', '');
	w.write(1, 'System UUID:', '');
	w.write(1, 'Boot ID:', '');
	w.write(1, 'Kernel Version:', nodeInfo.kernelVersion);
	w.write(1, 'OS Image:', nodeInfo.osImage);
	w.write(1, 'Operating System:', nodeInfo.operatingSystem);
	w.write(1, 'Architecture:', nodeInfo.architecture);
	w.write(1, 'Container Runtime Version:', nodeInfo.containerRuntimeVersion);
	w.write(1, 'Kubelet Version:', nodeInfo.kubeletVersion);
	// Deprecated in 1.31: kubelets no longer report it.
	w.write(1, 'Kube-Proxy Version:', '');
	// Both lines only when set (describeNode `if len(node.Spec.PodCIDR) > 0`).
	if (node.podCIDR !== '') {
		w.write(0, 'PodCIDR:', node.podCIDR);
		w.write(0, 'PodCIDRs:', node.podCIDR);
	}
	const onNode = nodePods(state, node);
	w.write(0, 'Non-terminated Pods:', `(${onNode.length} in total)`);
	// The empty cell after Name is kubectl's own (`Name\t\tCPU Requests`).
	w.write(1, 'Namespace', 'Name', '', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age');
	w.write(1, '---------', '----', '', '------------', '----------', '---------------', '-------------', '---');
	for (const pod of onNode) w.write(1, pod.namespace, pod.name, '', '0 (0%)', '0 (0%)', '0 (0%)', '0 (0%)', ageSince(state.clock, pod.createdAt));
	w.write(0, 'Allocated resources:');
	w.write(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
	w.write(1, 'Resource', 'Requests', 'Limits');
	w.write(1, '--------', '--------', '------');
	for (const resource of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, resource, '0 (0%)', '0 (0%)');
	// NodeDescriber searches by the node's uid and again with its name as the uid (the kubelet's events): either matches.
	w.events(state, {kind: 'Node', namespace: '', name: node.name});
	return w.text();
}
