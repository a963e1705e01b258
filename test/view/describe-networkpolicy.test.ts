// `kubectl describe networkpolicy`: the policy of kubectl's TestDescribeNetworkPolicies
// (kubernetes/kubectl pkg/describe/describe_test.go), written as a manifest, prints kubectl's text.
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {initialState, type State} from '../../source/sim/index.js';
import {describeObjects} from '../../source/view/describe-kinds.js';

function loaded(manifest: string): State {
	const result = loadSources([{name: 'np.yaml', text: manifest}]);
	if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors));
	const init = initialState(result.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return init.state;
}

const selectors = [
	'    - namespaceSelector: {matchLabels: {id: ns1, id2: ns2}}',
	'      podSelector: {matchLabels: {id: pod1, id2: pod2}}',
	'    - podSelector: {matchLabels: {id: app2, id2: app3}}',
	'    - namespaceSelector: {matchLabels: {id: app2, id2: app3}}',
	'    - namespaceSelector:',
	'        matchLabels: {id: app2, id2: app3}',
	'        matchExpressions: [{key: foo, operator: In, values: [bar1, bar2]}]',
	'    - ipBlock: {cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24]}',
];

const UPSTREAM = [
	'apiVersion: networking.k8s.io/v1',
	'kind: NetworkPolicy',
	'metadata: {name: network-policy-1, namespace: default}',
	'spec:',
	'  podSelector:',
	'    matchLabels: {id1: app1, id2: app2}',
	'    matchExpressions:',
	'    - {key: foo, operator: In, values: [bar1, bar2]}',
	'    - {key: foo2, operator: NotIn, values: [bar1, bar2]}',
	'  ingress:',
	'  - ports: [{port: 80}, {port: 82, protocol: TCP}]',
	'    from:',
	...selectors,
	'  - {}',
	'  egress:',
	'  - ports: [{port: 80}, {port: 82, protocol: TCP}]',
	'    to:',
	...selectors,
	'  - {}',
	'',
].join('\n');

const describe = (state: State, name: string) =>
	describeObjects(state, {targets: [{resource: 'networkpolicies', name}], namespace: 'default', allNamespaces: false});

test('describe netpol: the text of kubectl TestDescribeNetworkPolicies (describe_test.go), times in UTC', t => {
	const result = describe(loaded(UPSTREAM), 'network-policy-1');
	t.deepEqual(result.errors, []);
	t.is(
		result.text,
		`Name:         network-policy-1
Namespace:    default
Created on:   2026-01-01 00:00:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2
  Allowing ingress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    From:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    From:
      PodSelector: id=app2,id2=app3
    From:
      NamespaceSelector: id=app2,id2=app3
    From:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Allowing egress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    To:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    To:
      PodSelector: id=app2,id2=app3
    To:
      NamespaceSelector: id=app2,id2=app3
    To:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    To:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    To: <any> (traffic not restricted by destination)
  Policy Types: Ingress, Egress`,
	);
});

test('describe netpol: an empty podSelector, no rules, an egress-free policy, port ranges and a protocol without a port', t => {
	const state = loaded(
		[
			'apiVersion: networking.k8s.io/v1',
			'kind: NetworkPolicy',
			'metadata: {name: deny, namespace: default}',
			'spec:',
			'  podSelector: {}',
			'---',
			'apiVersion: networking.k8s.io/v1',
			'kind: NetworkPolicy',
			'metadata: {name: range, namespace: default}',
			'spec:',
			'  podSelector: {}',
			'  policyTypes: [Egress]',
			'  egress:',
			'  - ports: [{port: 32000, endPort: 32768}, {protocol: UDP}]',
			'',
		].join('\n'),
	);
	t.is(
		describe(state, 'deny').text.split('\n').slice(5).join('\n'),
		[
			'Spec:',
			'  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
			'  Allowing ingress traffic:',
			'    <none> (Selected pods are isolated for ingress connectivity)',
			'  Not affecting egress traffic',
			'  Policy Types: Ingress',
		].join('\n'),
	);
	t.is(
		describe(state, 'range').text.split('\n').slice(7).join('\n'),
		[
			'  Not affecting ingress traffic',
			'  Allowing egress traffic:',
			'    To Port Range: 32000-32768/TCP',
			'    To Port: <nil>/UDP',
			'    To: <any> (traffic not restricted by destination)',
			'  Policy Types: Egress',
		].join('\n'),
	);
	t.deepEqual(describe(state, 'nope').errors, ['Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found']);
});
