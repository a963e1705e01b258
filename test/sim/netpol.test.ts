// The verdict engine (source/sim/netpol.ts) on the e2e suite's cluster (netpol-cluster.ts). Cases
// are taken from kubernetes/kubernetes test/e2e/network/netpol/network_policy.go ("e2e: …") and
// kubernetes-sigs/network-policy-api cmd/policy-assistant/pkg/matcher/policy_tests.go
// ("policy-assistant: …"), rewritten for this engine; each title names its source.
import test from 'ava';
import fc from 'fast-check';
import {allowedReason, type Connection, droppedReason, judge, type PolicyEnd} from '../../source/sim/netpol.js';
import type {Protocol, State} from '../../source/sim/types.js';
import {netpolCluster, podOf, policy} from './netpol-cluster.js';

const pod = (state: State, key: string): PolicyEnd => ({kind: 'pod', pod: podOf(state, key)});
const conn = (state: State, from: string, to: string, port = 80, protocol: Protocol = 'TCP'): Connection => ({
	from: pod(state, from),
	to: pod(state, to),
	port,
	protocol,
});
const allowed = (state: State, from: string, to: string, port = 80, protocol: Protocol = 'TCP') => judge(state, conn(state, from, to, port, protocol)).allowed;

const DENY_INGRESS = policy('x', 'deny-ingress', '  podSelector: {}');

test("e2e: should support a 'default-deny-ingress' policy (x is isolated for ingress, its egress is not)", t => {
	const state = netpolCluster(DENY_INGRESS);
	t.false(allowed(state, 'y/b', 'x/a'));
	t.false(allowed(state, 'x/b', 'x/a'), 'its own namespace too');
	t.true(allowed(state, 'x/a', 'y/b'), 'egress from x is not isolated');
	const c = conn(state, 'y/b', 'x/a');
	t.is(droppedReason(judge(state, c), c), 'dropped by NetworkPolicy x/deny-ingress (ingress of pod a, no rule allows from pod/b in y on port 80/TCP)');
});

test("e2e: should support a 'default-deny-all' policy (both directions; the client's egress is judged first)", t => {
	const state = netpolCluster(policy('x', 'deny-all', '  podSelector: {}', '  policyTypes: [Ingress, Egress]'));
	const out = conn(state, 'x/a', 'y/b');
	const verdict = judge(state, out);
	t.false(verdict.allowed);
	t.is(verdict.ingress?.policies.length, 0, 'y is not isolated');
	t.is(droppedReason(verdict, out), 'dropped by NetworkPolicy x/deny-all (egress of pod a, no rule allows to pod/b in y on port 80/TCP)');
	t.false(allowed(state, 'y/b', 'x/a'));
	t.true(allowed(state, 'y/a', 'y/b'));
});

test('e2e: should enforce policy to allow traffic from pods within server namespace based on PodSelector', t => {
	const state = netpolCluster(
		policy('x', 'allow-b', '  podSelector: {matchLabels: {pod: a}}', '  ingress:', '  - from: [{podSelector: {matchLabels: {pod: b}}}]'),
	);
	t.true(allowed(state, 'x/b', 'x/a'));
	t.false(allowed(state, 'y/b', 'x/a'), 'a podSelector alone selects in the policy namespace only');
	t.false(allowed(state, 'x/c', 'x/a'));
	t.true(allowed(state, 'x/c', 'x/b'), 'x/b is not selected');
	const verdict = judge(state, conn(state, 'x/b', 'x/a'));
	t.deepEqual(verdict.ingress?.rule, {policy: 'x/allow-b', index: 0});
	t.is(allowedReason(verdict), 'ingress allowed by NetworkPolicy x/allow-b spec.ingress[0]');
});

test('e2e: should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector; and with the default kubernetes.io/metadata.name label', t => {
	for (const selector of ['{matchLabels: {ns: "y"}}', '{matchLabels: {kubernetes.io/metadata.name: "y"}}']) {
		const state = netpolCluster(policy('x', 'from-y', '  podSelector: {matchLabels: {pod: a}}', '  ingress:', `  - from: [{namespaceSelector: ${selector}}]`));
		t.true(allowed(state, 'y/a', 'x/a'), selector);
		t.true(allowed(state, 'y/c', 'x/a'), selector);
		t.false(allowed(state, 'z/a', 'x/a'), selector);
		t.false(allowed(state, 'x/b', 'x/a'), `${selector}: its own namespace is not y`);
	}
});

test('e2e: should enforce policy based on PodSelector and NamespaceSelector (one peer: AND) versus PodSelector or NamespaceSelector (two peers: OR)', t => {
	const and = netpolCluster(
		policy(
			'x',
			'and',
			'  podSelector: {matchLabels: {pod: a}}',
			'  ingress:',
			'  - from:',
			'    - namespaceSelector: {matchLabels: {ns: "y"}}',
			'      podSelector: {matchLabels: {pod: b}}',
		),
	);
	t.true(allowed(and, 'y/b', 'x/a'));
	t.false(allowed(and, 'y/c', 'x/a'));
	t.false(allowed(and, 'x/b', 'x/a'), 'pod b, but not in y');
	const or = netpolCluster(
		policy(
			'x',
			'or',
			'  podSelector: {matchLabels: {pod: a}}',
			'  ingress:',
			'  - from:',
			'    - namespaceSelector: {matchLabels: {ns: "y"}}',
			'    - podSelector: {matchLabels: {pod: b}}',
		),
	);
	t.true(allowed(or, 'y/c', 'x/a'));
	t.true(allowed(or, 'x/b', 'x/a'));
	t.false(allowed(or, 'z/b', 'x/a'));
});

test('e2e: should allow ingress access on one named port (resolved against the server pod: serve-81-tcp is 81/TCP, not 81/UDP)', t => {
	const state = netpolCluster(policy('x', 'named', '  podSelector: {matchLabels: {pod: a}}', '  ingress:', '  - ports: [{port: serve-81-tcp}]'));
	t.true(allowed(state, 'y/b', 'x/a', 81));
	t.false(allowed(state, 'y/b', 'x/a', 80));
	t.false(allowed(state, 'y/b', 'x/a', 81, 'UDP'), 'the rule protocol defaults to TCP');
	const udp = netpolCluster(policy('x', 'named', '  podSelector: {matchLabels: {pod: a}}', '  ingress:', '  - ports: [{port: serve-81-tcp, protocol: UDP}]'));
	t.false(allowed(udp, 'y/b', 'x/a', 81, 'UDP'), 'policy-assistant portmatcher.go: a name on the wrong protocol matches nothing');
	t.false(allowed(udp, 'y/b', 'x/a', 81, 'TCP'));
});

test('e2e: should allow egress access on one named port (resolved against the destination pod)', t => {
	const state = netpolCluster(
		policy('x', 'egress-named', '  podSelector: {matchLabels: {pod: a}}', '  policyTypes: [Egress]', '  egress:', '  - ports: [{port: serve-80-tcp}]'),
	);
	t.true(allowed(state, 'x/a', 'y/b', 80));
	t.false(allowed(state, 'x/a', 'y/b', 81));
	const outside: Connection = {from: pod(state, 'x/a'), to: {kind: 'host', ip: '203.0.113.9', node: null, label: '203.0.113.9'}, port: 80, protocol: 'TCP'};
	t.false(judge(state, outside).allowed, 'an outside address has no named ports');
});

test('policy-assistant: allowing a protocol implicitly denies the others (a rule with only protocol: SCTP), from pods and from addresses', t => {
	const state = netpolCluster(policy('x', 'sctp', '  podSelector: {}', '  ingress:', '  - ports: [{protocol: SCTP}]'));
	t.true(allowed(state, 'y/a', 'x/a', 103, 'SCTP'));
	t.false(allowed(state, 'y/a', 'x/a', 103, 'TCP'));
	const fromIP = (protocol: Protocol): Connection => ({
		from: {kind: 'host', ip: '1.2.3.4', node: null, label: '1.2.3.4'},
		to: pod(state, 'x/b'),
		port: 103,
		protocol,
	});
	t.true(judge(state, fromIP('SCTP')).allowed);
	t.false(judge(state, fromIP('TCP')).allowed);
});

test('policy-assistant example policies/features/portrange1.yaml: port with endPort allows the inclusive range on its protocol', t => {
	const state = netpolCluster(policy('x', 'range', '  podSelector: {}', '  ingress:', '  - ports: [{port: 80, endPort: 81, protocol: UDP}]'));
	t.true(allowed(state, 'y/a', 'x/a', 80, 'UDP'));
	t.true(allowed(state, 'y/a', 'x/a', 81, 'UDP'));
	t.false(allowed(state, 'y/a', 'x/a', 82, 'UDP'));
	t.false(allowed(state, 'y/a', 'x/a', 80, 'TCP'));
});

test('e2e: should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', t => {
	const state = netpolCluster(
		policy('x', 'deny-egress', '  podSelector: {matchLabels: {pod: a}}', '  policyTypes: [Egress]'),
		policy('y', 'allow-all-ingress', '  podSelector: {}', '  ingress: [{}]'),
	);
	const c = conn(state, 'x/a', 'y/b');
	const verdict = judge(state, c);
	t.false(verdict.allowed);
	t.true(verdict.ingress?.allowed, 'the server side allows');
	t.is(droppedReason(verdict, c), 'dropped by NetworkPolicy x/deny-egress (egress of pod a, no rule allows to pod/b in y on port 80/TCP)');
});

test('e2e: should support allow-all policy (an empty rule allows everything) against an empty rule list (allows nothing)', t => {
	const allowAll = netpolCluster(DENY_INGRESS, policy('x', 'allow-all', '  podSelector: {}', '  ingress: [{}]'));
	t.true(allowed(allowAll, 'y/a', 'x/a', 81, 'UDP'));
	t.deepEqual(judge(allowAll, conn(allowAll, 'y/a', 'x/a')).ingress?.policies, ['x/allow-all', 'x/deny-ingress'], 'both select; the rules add up');
	const none = netpolCluster(policy('x', 'no-rules', '  podSelector: {}', '  ingress: []'));
	t.false(allowed(none, 'y/a', 'x/a'));
});

test('e2e: should enforce except clause while egress access to server in CIDR block (ipBlock matches pod addresses too, per types.go IPBlock)', t => {
	const base = netpolCluster();
	const server = podOf(base, 'y/b').podIP as string;
	const block = (except: string) =>
		netpolCluster(
			policy(
				'x',
				'cidr',
				'  podSelector: {matchLabels: {pod: a}}',
				'  policyTypes: [Egress]',
				'  egress:',
				`  - to: [{ipBlock: {cidr: 10.244.0.0/16${except}}}]`,
			),
		);
	t.true(allowed(block(''), 'x/a', 'y/b'), `${server} is in 10.244.0.0/16`);
	t.false(allowed(block(`, except: [${server}/32]`), 'x/a', 'y/b'));
	t.true(allowed(block(`, except: [${server}/32]`), 'x/a', 'y/c'));
});

test("types.go NetworkPolicySpec.ingress: traffic from the pod's local node is always allowed; another node's is judged", t => {
	const state = netpolCluster(DENY_INGRESS);
	const a = podOf(state, 'x/a');
	const node = (name: string): PolicyEnd => ({kind: 'host', ip: state.nodes[name]!.internalIP, node: name, label: `node/${name}`});
	const own = judge(state, {from: node(a.nodeName!), to: {kind: 'pod', pod: a}, port: 80, protocol: 'TCP'});
	t.true(own.allowed);
	t.true(own.ingress?.localNode);
	t.is(allowedReason(own), "ingress from the pod's own node (always allowed)");
	const other = Object.keys(state.nodes).find(n => n !== a.nodeName)!;
	t.false(judge(state, {from: node(other), to: {kind: 'pod', pod: a}, port: 80, protocol: 'TCP'}).allowed);
});

test('the verdict is the same whichever order the policies were loaded in (fast-check)', t => {
	const pool = [
		DENY_INGRESS,
		policy('x', 'allow-b', '  podSelector: {matchLabels: {pod: a}}', '  ingress:', '  - from: [{podSelector: {matchLabels: {pod: b}}}]'),
		policy('x', 'from-y-81', '  podSelector: {}', '  ingress:', '  - ports: [{port: 81}]', '    from: [{namespaceSelector: {matchLabels: {ns: "y"}}}]'),
		policy('y', 'egress-dns-only', '  podSelector: {matchLabels: {pod: c}}', '  policyTypes: [Egress]', '  egress:', '  - ports: [{port: 53, protocol: UDP}]'),
		policy('y', 'egress-to-x', '  podSelector: {}', '  egress:', '  - to: [{namespaceSelector: {matchLabels: {ns: "x"}}}]'),
		policy('z', 'all', '  podSelector: {}', '  ingress: [{}]', '  egress: [{}]'),
		policy('x', 'udp-range', '  podSelector: {matchLabels: {pod: c}}', '  ingress:', '  - ports: [{port: 80, endPort: 81, protocol: UDP}]'),
	];
	const keys = ['x/a', 'x/b', 'x/c', 'y/a', 'y/c', 'z/b'];
	const verdicts = (state: State) =>
		keys.flatMap(from =>
			keys.flatMap(to => [80, 81].flatMap(port => (['TCP', 'UDP'] as const).map(protocol => judge(state, conn(state, from, to, port, protocol))))),
		);
	fc.assert(
		fc.property(fc.subarray(pool, {minLength: 1}), fc.func(fc.integer()), (chosen, rank) => {
			const shuffled = [...chosen].sort((a, b) => rank(a) - rank(b));
			t.deepEqual(verdicts(netpolCluster(...shuffled)), verdicts(netpolCluster(...chosen)));
		}),
		{numRuns: 25, seed: 14},
	);
});
