// `kubectl describe networkpolicy` (kubernetes/kubectl pkg/describe/describe.go
// describeNetworkPolicy, describeNetworkPolicySpec, printNetworkPolicySpecIngressFrom / EgressTo,
// release-1.34; its expected text is TestDescribeNetworkPolicies in describe_test.go). Only the
// first lines hold tabs; the rest are plain, indented by hand as kubectl's format strings do.

import type {NetworkPolicy, NetworkPolicyRule} from '../sim/types.js';
import {describeWriter} from './describe-writer.js';
import {goTime} from './timestamp.js';
import {formatLabelSelector} from './workload-columns.js';

type Writer = ReturnType<typeof describeWriter>;

/** One direction's rules: `From`/`To` and the words kubectl uses for an empty list. */
function writeRules(w: Writer, rules: readonly NetworkPolicyRule[], direction: 'ingress' | 'egress'): void {
	const peer = direction === 'ingress' ? 'From' : 'To';
	if (rules.length === 0) {
		w.write(2, `<none> (Selected pods are isolated for ${direction} connectivity)`);
		return;
	}
	rules.forEach((rule, i) => {
		if (rule.ports.length === 0) w.write(2, 'To Port: <any> (traffic allowed to all ports)');
		for (const port of rule.ports) {
			// A nil *IntOrString prints as <nil> (intstr.IntOrString.String on a nil pointer).
			const number = port.port === undefined ? '<nil>' : String(port.port);
			if (port.endPort === undefined) w.write(2, `To Port: ${number}/${port.protocol}`);
			else w.write(2, `To Port Range: ${number}-${port.endPort}/${port.protocol}`);
		}
		if (rule.peers.length === 0) {
			w.write(2, direction === 'ingress' ? 'From: <any> (traffic not restricted by source)' : 'To: <any> (traffic not restricted by destination)');
		}
		for (const p of rule.peers) {
			w.write(2, `${peer}:`);
			if (p.namespaceSelector) w.write(3, `NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}`);
			if (p.podSelector) w.write(3, `PodSelector: ${formatLabelSelector(p.podSelector)}`);
			if (p.ipBlock && !p.podSelector && !p.namespaceSelector) {
				w.write(3, 'IPBlock:');
				w.write(4, `CIDR: ${p.ipBlock.cidr}`);
				w.write(4, `Except: ${p.ipBlock.except.join(', ')}`);
			}
		}
		if (i !== rules.length - 1) w.write(2, '----------');
	});
}

export function describeNetworkPolicy(policy: NetworkPolicy): string {
	const w = describeWriter();
	w.write(0, 'Name:', policy.name);
	w.write(0, 'Namespace:', policy.namespace);
	w.write(0, 'Created on:', goTime(policy.createdAt));
	w.labels('Labels', policy.labels);
	w.annotations('Annotations', policy.annotations);
	const {spec} = policy;
	w.write(0, 'Spec:');
	const selector = formatLabelSelector(spec.podSelector);
	w.write(1, `PodSelector:     ${selector === '<none>' ? '<none> (Allowing the specific traffic to all pods in this namespace)' : selector}`);
	for (const direction of ['ingress', 'egress'] as const) {
		if (spec.policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress')) {
			w.write(1, `Allowing ${direction} traffic:`);
			writeRules(w, direction === 'ingress' ? spec.ingress : spec.egress, direction);
		} else {
			w.write(1, `Not affecting ${direction} traffic`);
		}
	}
	w.write(1, `Policy Types: ${spec.policyTypes.join(', ')}`);
	return w.text();
}
