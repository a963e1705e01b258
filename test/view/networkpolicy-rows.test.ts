// `kubectl get networkpolicies` (printers.go networkPolicyColumnDefinitions: NAME, POD-SELECTOR, AGE)
// and the object `-o yaml|json` prints, from loaded manifests.
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {initialState, type State} from '../../source/sim/index.js';
import {get} from '../../source/view/get.js';
import {getOptions, text} from './get-helpers.js';

const MANIFEST = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-allow, namespace: shop, labels: {team: a}}
spec:
  podSelector:
    matchLabels: {app: api}
    matchExpressions: [{key: tier, operator: In, values: [web, edge]}]
  ingress:
  - {}
  - ports: [{port: 8000, endPort: 8100}, {port: http, protocol: TCP}]
    from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}
      podSelector: {matchLabels: {run: curl}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
`;

function loaded(manifest: string): State {
	const result = loadSources([{name: 'np.yaml', text: manifest}]);
	if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors));
	const init = initialState(result.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return init.state;
}

test('get netpol: NAME POD-SELECTOR AGE, <none> for the empty selector, selector.String() otherwise; -o wide the same', t => {
	const state = loaded(MANIFEST);
	const expected = [
		'NAME           POD-SELECTOR                 AGE',
		'api-allow      app=api,tier in (edge,web)   0s',
		'default-deny   <none>                       0s',
	].join('\n');
	t.is(text(get(state, getOptions('networkpolicies', {namespace: 'shop'}))), expected);
	t.is(text(get(state, getOptions('networkpolicies', {namespace: 'shop', output: 'wide'}))), expected);
	t.is(text(get(state, getOptions('networkpolicies'))), 'No resources found in default namespace.');
	t.regex(text(get(state, getOptions('networkpolicies', {allNamespaces: true}))), /^NAMESPACE {3}NAME/);
	t.is(text(get(state, getOptions('networkpolicies', {namespace: 'shop', selector: 'team=a'}))).split('\n').length, 2);
});

test('get netpol -o yaml: defaults filled (protocol TCP, policyTypes), empty lists left out, an empty rule as {}', t => {
	const state = loaded(MANIFEST);
	const result = get(state, getOptions('networkpolicies', {namespace: 'shop', name: 'api-allow', output: 'json'}));
	if (!result.ok) throw new Error(result.error);
	const object = result.json as {apiVersion: string; kind: string; spec: unknown};
	t.is(object.apiVersion, 'networking.k8s.io/v1');
	t.is(object.kind, 'NetworkPolicy');
	t.deepEqual(object.spec, {
		ingress: [
			{},
			{
				from: [
					{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'default'}}, podSelector: {matchLabels: {run: 'curl'}}},
					{ipBlock: {cidr: '10.0.0.0/8', except: ['10.1.0.0/16']}},
				],
				ports: [
					{endPort: 8100, port: 8000, protocol: 'TCP'},
					{port: 'http', protocol: 'TCP'},
				],
			},
		],
		podSelector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['web', 'edge']}], matchLabels: {app: 'api'}},
		policyTypes: ['Ingress'],
	});
	const deny = get(state, getOptions('networkpolicies', {namespace: 'shop', name: 'default-deny', output: 'yaml'}));
	t.true(text(deny).includes('spec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  - Egress'));
});
