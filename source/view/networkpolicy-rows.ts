// `kubectl get networkpolicies` and the NetworkPolicy object. Columns from printers.go
// networkPolicyColumnDefinitions: NAME, POD-SELECTOR (metav1.FormatLabelSelector), AGE; no wide ones.

import type {NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, labelSelectorObject, objectMeta} from './api-object.js';
import {inNamespace, type KindView} from './kind-view.js';
import {formatLabelSelector} from './workload-columns.js';

function portObject(port: NetworkPolicyPort): ApiObject {
	const out: ApiObject = {protocol: port.protocol};
	if (port.port !== undefined) out.port = port.port;
	if (port.endPort !== undefined) out.endPort = port.endPort;
	return out;
}

function peerObject(peer: NetworkPolicyPeer): ApiObject {
	const out: ApiObject = {};
	if (peer.podSelector) out.podSelector = labelSelectorObject(peer.podSelector);
	if (peer.namespaceSelector) out.namespaceSelector = labelSelectorObject(peer.namespaceSelector);
	if (peer.ipBlock) out.ipBlock = peer.ipBlock.except.length > 0 ? {cidr: peer.ipBlock.cidr, except: [...peer.ipBlock.except]} : {cidr: peer.ipBlock.cidr};
	return out;
}

/** Lists are `omitempty`: an empty rule prints as `{}`. */
function ruleObject(rule: NetworkPolicyRule, peersKey: 'from' | 'to'): ApiObject {
	const out: ApiObject = {};
	if (rule.ports.length > 0) out.ports = rule.ports.map(portObject);
	if (rule.peers.length > 0) out[peersKey] = rule.peers.map(peerObject);
	return out;
}

export function networkPolicyObject(policy: NetworkPolicy): ApiObject {
	const spec: ApiObject = {podSelector: labelSelectorObject(policy.spec.podSelector), policyTypes: [...policy.spec.policyTypes]};
	if (policy.spec.ingress.length > 0) spec.ingress = policy.spec.ingress.map(rule => ruleObject(rule, 'from'));
	if (policy.spec.egress.length > 0) spec.egress = policy.spec.egress.map(rule => ruleObject(rule, 'to'));
	return {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: objectMeta(policy), spec};
}

export const networkPolicyView: KindView<NetworkPolicy> = {
	columns: ['NAME', 'POD-SELECTOR', 'AGE'],
	wideColumns: [],
	list: (state, namespace) => inNamespace(Object.values(state.networkPolicies), namespace),
	meta: (_state, policy) => ({namespace: policy.namespace, name: policy.name, labels: policy.labels}),
	row: (state, policy) => [policy.name, formatLabelSelector(policy.spec.podSelector), ageSince(state.clock, policy.createdAt)],
	object: (_state, policy) => networkPolicyObject(policy),
};
