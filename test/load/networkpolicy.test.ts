// NetworkPolicy documents: defaults (pkg/apis/networking/v1/defaults.go) and the API server's
// validation (pkg/apis/networking/validation/validation.go ValidateNetworkPolicy), with positions.
import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

const policy = (...spec: string[]) =>
	lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: np', '  namespace: shop', 'spec:', ...spec);
const invalid = 'The NetworkPolicy "np" is invalid: ';

test('defaults.go SetDefaults_NetworkPolicy: policyTypes [Ingress], plus Egress when egress rules exist; ports default to TCP', t => {
	const none = load(policy('  podSelector: {}'));
	t.deepEqual(none.errors, []);
	t.deepEqual(none.input.networkPolicies?.[0]?.spec.policyTypes, ['Ingress']);
	const withEgress = load(policy('  podSelector: {}', '  egress:', '  - ports: [{port: 53, protocol: UDP}, {port: 8080}]'));
	t.deepEqual(withEgress.input.networkPolicies?.[0]?.spec.policyTypes, ['Ingress', 'Egress']);
	t.deepEqual(withEgress.input.networkPolicies?.[0]?.spec.egress[0]?.ports, [
		{protocol: 'UDP', port: 53},
		{protocol: 'TCP', port: 8080},
	]);
	// Given policyTypes are kept as written: an egress-only policy.
	const egressOnly = load(policy('  podSelector: {}', '  policyTypes: [Egress]'));
	t.deepEqual(egressOnly.input.networkPolicies?.[0]?.spec.policyTypes, ['Egress']);
	t.deepEqual(egressOnly.skipped, Object.assign(Object.create(null), {}), 'no longer skipped');
});

test('ValidateNetworkPolicyPort: protocol, port range, endPort only with a numeric port and not below it', t => {
	t.deepEqual(
		errorsOf(
			policy(
				'  podSelector: {}',
				'  ingress:',
				'  - ports:',
				'    - {protocol: ICMP, port: 80}',
				'    - {port: 0}',
				'    - {port: 9000, endPort: 8000}',
				'    - {port: http, endPort: 90}',
				'    - {endPort: 90}',
				'    - {port: Not_A_Name}',
			),
		),
		[
			`t.yaml:10:18: ${invalid}spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"`,
			`t.yaml:11:14: ${invalid}spec.ingress[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
			`t.yaml:12:29: ${invalid}spec.ingress[0].ports[2].endPort: Invalid value: 8000: must be greater than or equal to \`port\``,
			`t.yaml:13:29: ${invalid}spec.ingress[0].ports[3].endPort: Invalid value: 90: may not be specified when \`port\` is non-numeric`,
			`t.yaml:14:17: ${invalid}spec.ingress[0].ports[4].endPort: Invalid value: 90: may not be specified when \`port\` is not specified`,
			`t.yaml:15:14: ${invalid}spec.ingress[0].ports[5].port: Invalid value: "Not_A_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
		],
	);
});

test('ValidateNetworkPolicyPeer: a peer must name something, and ipBlock stands alone; selectors are label selectors', t => {
	t.deepEqual(
		errorsOf(
			policy(
				'  podSelector: {matchLabels: {"bad key!": x}}',
				'  egress:',
				'  - to:',
				'    - {}',
				'    - ipBlock: {cidr: 10.0.0.0/8}',
				'      podSelector: {}',
				'    - namespaceSelector: {matchExpressions: [{key: team, operator: Equals}]}',
			),
		),
		[
			`t.yaml:7:31: ${invalid}spec.podSelector.matchLabels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
			`t.yaml:10:7: ${invalid}spec.egress[0].to[0]: Required value: must specify a peer`,
			`t.yaml:11:7: ${invalid}spec.egress[0].to[1]: Forbidden: may not specify both ipBlock and another peer`,
			`t.yaml:13:68: ${invalid}spec.egress[0].to[2].namespaceSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`,
		],
	);
});

test('ValidateIPBlock: cidr required and a CIDR; each except a CIDR strictly inside it', t => {
	t.deepEqual(
		errorsOf(
			policy(
				'  podSelector: {}',
				'  ingress:',
				'  - from:',
				'    - ipBlock: {cidr: ""}',
				'    - ipBlock: {cidr: 10.0.0.0/33}',
				'    - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24, 10.1.0.0/24, 10.0.0.0/16, 10.0.0.0/8, nope]}',
			),
		),
		[
			`t.yaml:10:23: ${invalid}spec.ingress[0].from[0].ipBlock.cidr: Required value`,
			`t.yaml:11:23: ${invalid}spec.ingress[0].from[1].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
			`t.yaml:12:58: ${invalid}spec.ingress[0].from[2].ipBlock.except[1]: Invalid value: "10.1.0.0/24": must be a strict subset of \`cidr\``,
			`t.yaml:12:71: ${invalid}spec.ingress[0].from[2].ipBlock.except[2]: Invalid value: "10.0.0.0/16": must be a strict subset of \`cidr\``,
			`t.yaml:12:84: ${invalid}spec.ingress[0].from[2].ipBlock.except[3]: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\``,
			`t.yaml:12:96: ${invalid}spec.ingress[0].from[2].ipBlock.except[4]: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
		],
	);
});

test('ValidateNetworkPolicySpec: policyTypes Ingress or Egress, at most two', t => {
	t.deepEqual(errorsOf(policy('  podSelector: {}', '  policyTypes: [Ingress, ingress]')), [
		`t.yaml:8:26: ${invalid}spec.policyTypes[1]: Unsupported value: "ingress": supported values: "Egress", "Ingress"`,
	]);
	t.deepEqual(errorsOf(policy('  podSelector: {}', '  policyTypes: [Ingress, Egress, Ingress]')), [
		`t.yaml:8:16: ${invalid}spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes`,
	]);
});

test('strict decoding knows the NetworkPolicy schema: a misspelt field is refused at its key', t => {
	t.deepEqual(errorsOf(policy('  podSelector: {}', '  ingress:', '  - form: [{podSelector: {}}]')), [
		't.yaml:9:5: NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingress[0].form"',
	]);
});

test('a dump of networking.k8s.io/v1 NetworkPolicies loads; a second of the same name is AlreadyExists', t => {
	const doc = policy('  podSelector: {matchLabels: {app: api}}');
	const twice = load(`${doc}---\n${doc}`);
	t.is(twice.input.networkPolicies?.length, 1);
	t.deepEqual(
		twice.errors.map(e => `${e.line}:${e.col}: ${e.message}`),
		['12:9: Error from server (AlreadyExists): networkpolicies.networking.k8s.io "np" already exists'],
	);
});
