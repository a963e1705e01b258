// `kubectl get nodes` and the Node object. Nodes are cluster-scoped. What a node says of itself
// comes from node-facts.ts: the record where there is one, the simulation's defaults elsewhere.

import type {Node, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import type {KindView} from './kind-view.js';
import {addressCell, nodeAddresses, nodeConditions, nodeInfo, podCIDRs} from './node-facts.js';
import {apiTimestamp} from './timestamp.js';

/** `kubectl version`'s server line (cli.tsx) says which release this is. */
export {KUBERNETES_VERSION} from './node-facts.js';

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

/** status.capacity / status.allocatable: as recorded, else the pods the kubelet's --max-pods allows (the only resource modelled). */
export function resourceList(state: State, node: Node, which: 'capacity' | 'allocatable'): Readonly<Record<string, string>> {
	return node.recorded?.[which] ?? {pods: String(node.maxPods ?? state.config.maxPodsPerNode)};
}

export function nodeObject(state: State, node: Node): ApiObject {
	const {recorded} = node;
	const spec: ApiObject = {};
	// podCIDR and podCIDRs are omitempty: a node the IPAM controller had no block for shows neither.
	if (node.podCIDR !== '') {
		spec.podCIDR = node.podCIDR;
		spec.podCIDRs = podCIDRs(node);
	}
	if (recorded?.providerID) spec.providerID = recorded.providerID;
	if (recorded?.taints) spec.taints = recorded.taints.map(t => ({...t}));
	if (recorded?.unschedulable) spec.unschedulable = true;
	const conditions = nodeConditions(node, state.clock).map(c => {
		const out: ApiObject = {type: c.type, status: c.status};
		if (c.heartbeat !== undefined) out.lastHeartbeatTime = apiTimestamp(c.heartbeat);
		if (c.transition !== undefined) out.lastTransitionTime = apiTimestamp(c.transition);
		if (c.reason !== '') out.reason = c.reason;
		if (c.message !== '') out.message = c.message;
		return out;
	});
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: objectMeta({...node, ...(recorded?.annotations ? {annotations: recorded.annotations} : {})}),
		spec,
		status: {
			addresses: nodeAddresses(node),
			allocatable: {...resourceList(state, node, 'allocatable')},
			capacity: {...resourceList(state, node, 'capacity')},
			conditions,
			nodeInfo: {...nodeInfo(node)},
		},
	};
}

/** kubectl prints an empty nodeInfo string as `<unknown>` in the wide columns (printers.go printNode). */
const orUnknown = (value: string | undefined): string => (value ? value : '<unknown>');

export const nodeView: KindView<Node> = {
	columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
	wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
	list: state => Object.values(state.nodes),
	meta: (_state, node) => ({namespace: '', name: node.name, labels: node.labels}),
	row(state, node, wide) {
		const info = nodeInfo(node);
		// printNode: the Ready condition's status, then SchedulingDisabled for a cordoned node.
		const status = `${node.ready ? 'Ready' : 'NotReady'}${node.recorded?.unschedulable ? ',SchedulingDisabled' : ''}`;
		const cells = [node.name, status, rolesCell(node), ageSince(state.clock, node.createdAt), info.kubeletVersion ?? ''];
		if (wide) {
			cells.push(
				addressCell(node, 'InternalIP'),
				addressCell(node, 'ExternalIP'),
				orUnknown(info.osImage),
				orUnknown(info.kernelVersion),
				orUnknown(info.containerRuntimeVersion),
			);
		}
		return cells;
	},
	object: (state, node) => nodeObject(state, node),
};
