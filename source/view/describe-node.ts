// `kubectl describe node` (describe.go describeNode, describeNodeLease, describeNodeResource;
// release-1.34). The node's facts are node-facts.ts's: a dump's record where it has one (its
// annotations, taints, conditions, addresses, capacity, system info, providerID), the simulation's
// defaults elsewhere (Capacity lists pods only). Pods' requests and limits are their containers'
// (resourcehelper PodRequestsAndLimits), against the node's allocatable; a simulated node
// allocates pods only, so its percentages are 0.

import {addQuantity, formatQuantity, parseQuantity, type Quantity, quantityMilliValue, quantityValue} from '../apimachinery/quantity.js';
import {getRow} from '../sim/index.js';
import {members} from '../sim/index-sets.js';
import type {Node, Pod, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {describeWriter, rfc1123z, ZERO_TIME} from './describe-writer.js';
import {nodeAddresses, nodeConditions, nodeInfo, podCIDRs, taintText} from './node-facts.js';
import {resourceList, rolesCell} from './node-rows.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Non-terminated pods on the node, in the API's list order (namespace, then name). */
function nodePods(state: State, node: Node): Pod[] {
	const pods: Pod[] = [];
	for (const key of members(getRow(state.index.podsByNode, node.name))) {
		const pod = getRow(state.pods, key);
		if (pod && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') pods.push(pod);
	}
	return pods.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

type ResourceTotals = Map<string, Quantity>;

/** addResourceList: a resource's first quantity is copied, later ones added to it (keeping its format). */
function addTo(totals: ResourceTotals, list: Readonly<Record<string, string>> | ReadonlyMap<string, Quantity>): void {
	const entries = list instanceof Map ? [...list] : Object.entries(list).map(([name, text]) => [name, parseQuantity(text)] as const);
	for (const [name, quantity] of entries) {
		if (quantity === null) continue;
		const sum = totals.get(name);
		totals.set(name, sum === undefined ? quantity : addQuantity(sum, quantity));
	}
}

/** resourcehelper PodRequestsAndLimits over the containers the simulator keeps (app containers and sidecars). */
function podRequestsAndLimits(pod: Pod): {requests: ResourceTotals; limits: ResourceTotals} {
	const requests: ResourceTotals = new Map();
	const limits: ResourceTotals = new Map();
	for (const container of pod.spec.containers) {
		if (container.resources === undefined) continue;
		addTo(requests, container.resources.requests);
		addTo(limits, container.resources.limits);
	}
	return {requests, limits};
}

const ZERO: Quantity = {nanos: 0n, format: 'DecimalSI'};

/**
 * `QUANTITY (N%)` as describeNodeResource prints it: the share of allocatable, as float64
 * division truncated by int64(); CPU in milli-units, the rest in whole units; 0% without any.
 */
function share(quantity: Quantity | undefined, allocatable: Quantity | undefined, milli: boolean): string {
	const q = quantity ?? ZERO;
	const value = milli ? quantityMilliValue : quantityValue;
	const of = allocatable === undefined ? 0 : Number(value(allocatable));
	const percent = of === 0 ? 0 : Math.trunc((Number(value(q)) / of) * 100);
	return `${formatQuantity(q)} (${percent}%)`;
}

export function describeNode(state: State, node: Node): string {
	const info = nodeInfo(node);
	const {recorded} = node;
	const w = describeWriter();
	w.write(0, 'Name:', node.name);
	w.write(0, 'Roles:', rolesCell(node));
	w.labels('Labels', node.labels);
	w.annotations('Annotations', recorded?.annotations ?? {});
	w.write(0, 'CreationTimestamp:', rfc1123z(node.createdAt));
	// printNodeTaintsMultiline: sorted by `effect,key`, one a line under the first.
	const taints = [...(recorded?.taints ?? [])].sort((a, b) => compare(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
	if (taints.length === 0) w.write(0, 'Taints:', '<none>');
	for (const [i, taint] of taints.entries()) w.write(0, i === 0 ? 'Taints:' : '', taintText(taint));
	w.write(0, 'Unschedulable:', String(recorded?.unschedulable === true));
	const conditions = nodeConditions(node, state.clock);
	const ready = conditions.find(c => c.type === 'Ready');
	// The kubelet holds its own Lease in kube-node-lease and renews it while it posts status (Ready
	// True or False; Unknown means it stopped). A dump holds no Lease, and a stopped kubelet's last
	// renewal is not modelled.
	const posting = ready !== undefined && ready.status !== 'Unknown';
	w.write(0, 'Lease:');
	w.write(1, 'HolderIdentity:', node.name);
	w.write(1, 'AcquireTime:', '<unset>');
	w.write(1, 'RenewTime:', posting ? rfc1123z(state.clock) : '<unset>');
	w.write(0, 'Conditions:');
	w.write(1, 'Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message');
	w.write(1, '----', '------', '-----------------', '------------------', '------', '-------');
	const time = (ms: number | undefined) => (ms === undefined ? ZERO_TIME : rfc1123z(ms));
	// `%v \t%v \t%s \t%s \t%v \t%v\n`
	for (const c of conditions) w.write(1, `${c.type} `, `${c.status} `, `${time(c.heartbeat)} `, `${time(c.transition)} `, `${c.reason} `, c.message);
	w.write(0, 'Addresses:');
	for (const address of nodeAddresses(node)) w.write(1, `${address.type}:`, address.address);
	// Capacity and Allocatable, resource names sorted (SortableResourceNames); a list is printed only when it has entries.
	for (const [title, which] of [
		['Capacity:', 'capacity'],
		['Allocatable:', 'allocatable'],
	] as const) {
		const list = resourceList(state, node, which);
		const names = Object.keys(list).sort(compare);
		if (names.length === 0) continue;
		w.write(0, title);
		for (const name of names) w.write(1, `${name}:`, list[name] ?? '');
	}
	w.write(0, 'System Info:');
	w.write(1, 'Machine ID:', info.machineID ?? '');
	w.write(1, 'System UUID:', info.systemUUID ?? '');
	w.write(1, 'Boot ID:', info.bootID ?? '');
	w.write(1, 'Kernel Version:', info.kernelVersion ?? '');
	w.write(1, 'OS Image:', info.osImage ?? '');
	w.write(1, 'Operating System:', info.operatingSystem ?? '');
	w.write(1, 'Architecture:', info.architecture ?? '');
	w.write(1, 'Container Runtime Version:', info.containerRuntimeVersion ?? '');
	w.write(1, 'Kubelet Version:', info.kubeletVersion ?? '');
	w.write(1, 'Kube-Proxy Version:', info.kubeProxyVersion ?? '');
	// Each line only when set (describeNode `if len(node.Spec.PodCIDR) > 0`, PodCIDRs joined with ",", ProviderID).
	if (node.podCIDR !== '') {
		w.write(0, 'PodCIDR:', node.podCIDR);
		w.write(0, 'PodCIDRs:', podCIDRs(node).join(','));
	}
	if (recorded?.providerID) w.write(0, 'ProviderID:', recorded.providerID);
	const onNode = nodePods(state, node);
	w.write(0, 'Non-terminated Pods:', `(${onNode.length} in total)`);
	// The empty cell after Name is kubectl's own (`Name\t\tCPU Requests`).
	w.write(1, 'Namespace', 'Name', '', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age');
	w.write(1, '---------', '----', '', '------------', '----------', '---------------', '-------------', '---');
	const allocatable = new Map<string, Quantity>();
	addTo(allocatable, resourceList(state, node, 'allocatable'));
	const requests: ResourceTotals = new Map();
	const limits: ResourceTotals = new Map();
	for (const pod of onNode) {
		const own = podRequestsAndLimits(pod);
		addTo(requests, own.requests);
		addTo(limits, own.limits);
		const cell = (list: ResourceTotals, name: string) => share(list.get(name), allocatable.get(name), name === 'cpu');
		w.write(
			1,
			pod.namespace,
			pod.name,
			'',
			cell(own.requests, 'cpu'),
			cell(own.limits, 'cpu'),
			cell(own.requests, 'memory'),
			cell(own.limits, 'memory'),
			ageSince(state.clock, pod.createdAt),
		);
	}
	w.write(0, 'Allocated resources:');
	w.write(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
	w.write(1, 'Resource', 'Requests', 'Limits');
	w.write(1, '--------', '--------', '------');
	for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
		w.write(1, name, share(requests.get(name), allocatable.get(name), name === 'cpu'), share(limits.get(name), allocatable.get(name), name === 'cpu'));
	}
	// Then allocatable's hugepages-* (a share each) and extended resources (bare sums), each sorted.
	const names = [...allocatable.keys()].sort(compare);
	for (const name of names.filter(n => n.startsWith('hugepages-'))) {
		w.write(1, name, share(requests.get(name), allocatable.get(name), false), share(limits.get(name), allocatable.get(name), false));
	}
	const standard = ['cpu', 'memory', 'ephemeral-storage', 'pods'];
	for (const name of names.filter(n => !n.startsWith('hugepages-') && !standard.includes(n))) {
		w.write(1, name, formatQuantity(requests.get(name) ?? ZERO), formatQuantity(limits.get(name) ?? ZERO));
	}
	// NodeDescriber searches by the node's uid and again with its name as the uid (the kubelet's events): either matches.
	w.events(state, {kind: 'Node', namespace: '', name: node.name});
	return w.text();
}
