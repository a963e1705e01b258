// `kubectl get nodes` and the Node object. Nodes are cluster-scoped.

import type {Node} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import type {KindView} from './kind-view.js';

/** The Kubernetes release whose behaviour the simulator follows (the sources cited are release-1.34). */
export const KUBERNETES_VERSION = 'v1.34.0';

/** What every simulated node reports: a kubeadm cluster on Ubuntu with containerd. */
const NODE_INFO = {
	kubeletVersion: KUBERNETES_VERSION,
	osImage: 'Ubuntu 24.04.3 LTS',
	kernelVersion: '6.8.0-85-generic',
	containerRuntimeVersion: 'containerd://2.1.4',
	operatingSystem: 'linux',
	architecture: 'amd64',
} as const;

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** ROLES from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels (printers.go findNodeRoles). */
export function rolesCell(node: Node): string {
	const roles = new Set<string>();
	for (const [key, value] of Object.entries(node.labels)) {
		if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
		else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
	}
	return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

/**
 * The node's Ready condition. A node without a podCIDR has a running kubelet whose runtime reports
 * the network not ready: its CNI agent (flannel: "pod cidr not assigned") writes no config, so
 * containerd says `cni plugin not initialized` (internal/cri/server/status.go) and the kubelet
 * posts False with its runtime's words (kubelet.go updateRuntimeUp, nodestatus/setters.go
 * ReadyCondition). Any other NotReady node's kubelet has stopped posting.
 */
export function readyCondition(node: Node): {status: string; reason: string; message: string} {
	if (node.ready) return {status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status'};
	if (node.podCIDR === '') {
		return {
			status: 'False',
			reason: 'KubeletNotReady',
			message:
				'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
		};
	}
	return {status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.'};
}

export function nodeObject(node: Node): ApiObject {
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: objectMeta(node),
		// Both fields are omitempty: a node the IPAM controller had no block for shows neither.
		spec: node.podCIDR === '' ? {} : {podCIDR: node.podCIDR, podCIDRs: [node.podCIDR]},
		status: {
			addresses: [
				{type: 'InternalIP', address: node.internalIP},
				{type: 'Hostname', address: node.name},
			],
			conditions: [{type: 'Ready', ...readyCondition(node)}],
			nodeInfo: {...NODE_INFO},
		},
	};
}

export const nodeView: KindView<Node> = {
	columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
	wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
	list: state => Object.values(state.nodes),
	meta: (_state, node) => ({namespace: '', name: node.name, labels: node.labels}),
	row(state, node, wide) {
		const cells = [node.name, node.ready ? 'Ready' : 'NotReady', rolesCell(node), ageSince(state.clock, node.createdAt), NODE_INFO.kubeletVersion];
		if (wide) cells.push(node.internalIP, '<none>', NODE_INFO.osImage, NODE_INFO.kernelVersion, NODE_INFO.containerRuntimeVersion);
		return cells;
	},
	object: (_state, node) => nodeObject(node),
};
