// A Node's facts as the views print them: what a dump or manifest recorded (sim/types.ts
// RecordedNode) where it recorded it, the simulation's defaults where it did not, and the
// simulation's own live facts (the Ready condition it runs, its pod capacity) always.

import type {Node} from '../sim/types.js';

/** The Kubernetes release whose behaviour the simulator follows (the sources cited are release-1.34). */
export const KUBERNETES_VERSION = 'v1.34.0';

/** What a simulated node reports when nothing recorded its status.nodeInfo: a kubeadm cluster on Ubuntu with containerd. */
const SIMULATED_NODE_INFO: Readonly<Record<string, string>> = {
	machineID: '',
	systemUUID: '',
	bootID: '',
	kernelVersion: '6.8.0-85-generic',
	osImage: 'Ubuntu 24.04.3 LTS',
	containerRuntimeVersion: 'containerd://2.1.4',
	kubeletVersion: KUBERNETES_VERSION,
	// Deprecated in 1.31: kubelets no longer report it.
	kubeProxyVersion: '',
	operatingSystem: 'linux',
	architecture: 'amd64',
};

/** status.nodeInfo: every NodeSystemInfo string, '' where a recorded one left it out (as the API's empty fields). */
export function nodeInfo(node: Node): Readonly<Record<string, string>> {
	const recorded = node.recorded?.nodeInfo;
	if (!recorded) return SIMULATED_NODE_INFO;
	return Object.fromEntries(Object.keys(SIMULATED_NODE_INFO).map(key => [key, recorded[key] ?? '']));
}

export interface NodeAddress {
	type: string;
	address: string;
}

/**
 * status.addresses: the recorded ones in their order (InternalDNS, ExternalIP, … included). The
 * simulation routes to node.internalIP, which load took from the first InternalIP; a record
 * without one gets the address the simulation gave it, first, as the kubelet lists it.
 */
export function nodeAddresses(node: Node): NodeAddress[] {
	const recorded = node.recorded?.addresses;
	const internal = {type: 'InternalIP', address: node.internalIP};
	if (!recorded) return [internal, {type: 'Hostname', address: node.name}];
	return recorded.some(a => a.type === 'InternalIP') ? [...recorded] : [internal, ...recorded];
}

/** The first address of a type, or kubectl's `<none>` (printers.go getNodeInternalIP, getNodeExternalIP). */
export function addressCell(node: Node, type: string): string {
	return nodeAddresses(node).find(a => a.type === type)?.address ?? '<none>';
}

/** spec.podCIDRs: the recorded list while it starts with the node's podCIDR (dual-stack nodes list two), else that one. */
export function podCIDRs(node: Node): string[] {
	if (node.podCIDR === '') return [];
	const recorded = node.recorded?.podCIDRs;
	return recorded && recorded[0] === node.podCIDR ? [...recorded] : [node.podCIDR];
}

export interface NodeConditionView {
	type: string;
	status: string;
	reason: string;
	message: string;
	/** Virtual ms; undefined when the record had none (Go's zero time). */
	heartbeat: number | undefined;
	transition: number | undefined;
}

/**
 * The Ready condition the simulation runs. A node without a podCIDR has a running kubelet whose
 * runtime reports the network not ready: its CNI agent (flannel: "pod cidr not assigned") writes
 * no config, so containerd says `cni plugin not initialized` (internal/cri/server/status.go) and
 * the kubelet posts False with its runtime's words (kubelet.go updateRuntimeUp,
 * nodestatus/setters.go ReadyCondition). Any other NotReady node's kubelet has stopped posting.
 */
function readyCondition(node: Node): {status: string; reason: string; message: string} {
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

/**
 * status.conditions at virtual time `clock`: the recorded ones as the dump's moment left them,
 * with Ready the simulation's. While the simulation agrees with the record on readiness, Ready
 * keeps the record's words and transition (why it is NotReady is the dump's to say); a kubelet
 * that posts (True or False) renews its heartbeat, so that one is `clock`. Where they disagree (the
 * node IPAM controller had no block for a node the dump called Ready) the simulation's condition
 * stands. Without a record: the simulation's Ready alone, transitioned at the node's creation.
 */
export function nodeConditions(node: Node, clock: number): NodeConditionView[] {
	const recorded = node.recorded?.conditions ?? [];
	const ms = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1000);
	const recordedReady = recorded.find(c => c.type === 'Ready');
	let ready: NodeConditionView;
	if (recordedReady && (recordedReady.status === 'True') === node.ready) {
		const posting = recordedReady.status !== 'Unknown';
		ready = {
			type: 'Ready',
			status: recordedReady.status,
			reason: recordedReady.reason ?? '',
			message: recordedReady.message ?? '',
			heartbeat: posting ? clock : ms(recordedReady.lastHeartbeatSeconds),
			transition: ms(recordedReady.lastTransitionSeconds),
		};
	} else {
		const live = readyCondition(node);
		ready = {type: 'Ready', ...live, heartbeat: live.status === 'Unknown' ? node.createdAt : clock, transition: node.createdAt};
	}
	const out = recorded.map(c =>
		c.type === 'Ready'
			? ready
			: {
					type: c.type,
					status: c.status,
					reason: c.reason ?? '',
					message: c.message ?? '',
					heartbeat: ms(c.lastHeartbeatSeconds),
					transition: ms(c.lastTransitionSeconds),
				},
	);
	return recordedReady ? out : [...out, ready];
}

/** `key=value:effect`, or `key:effect` without a value (core/v1 Taint.ToString). */
export function taintText(taint: {key: string; value?: string; effect: string}): string {
	return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}
