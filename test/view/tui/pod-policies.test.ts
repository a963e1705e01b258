// The NetworkPolicies over the Pods pane name what isolates the pod under the cursor (issue 14),
// by the API's rule: a policy selects pods in its own namespace by podSelector, for the
// directions in its policyTypes (kubernetes/kubernetes staging/src/k8s.io/api/networking/v1/types.go).

import test from 'ava';
import {listRows} from '../../../source/sim/index.js';
import type {Pod} from '../../../source/sim/types.js';
import {podPolicyLines} from '../../../source/view/tui/pod-policies.js';
import {sampleState} from '../../session/sample-state.js';

const deny = sampleState('netpol-default-deny.yaml');
const podNamed = (name: string, namespace: string): Pod => {
	const pod = listRows(deny.pods).find(p => p.namespace === namespace && p.name.startsWith(name));
	if (!pod) throw new Error(`no pod ${namespace}/${name}`);
	return pod;
};

test('a pod every policy of its namespace selects: each direction names its policies', t => {
	t.deepEqual(podPolicyLines(deny, podNamed('web-', 'shop')), ['NetworkPolicy ingress: default-deny, web-from-client', 'egress: allow-dns, default-deny']);
	t.deepEqual(podPolicyLines(deny, podNamed('batch', 'shop')), ['NetworkPolicy ingress: default-deny', 'egress: allow-dns, default-deny']);
});

test('a pod in a namespace without policies is not isolated; a cluster without any says nothing', t => {
	const coredns = listRows(deny.pods).find(p => p.namespace === 'kube-system');
	t.truthy(coredns);
	if (coredns) t.deepEqual(podPolicyLines(deny, coredns), ['NetworkPolicy ingress: not isolated (all allowed)', 'egress: not isolated (all allowed)']);
	const hello = sampleState('hello.yaml');
	const pod = listRows(hello.pods)[0];
	t.truthy(pod);
	if (pod) t.is(podPolicyLines(hello, pod), null);
});
