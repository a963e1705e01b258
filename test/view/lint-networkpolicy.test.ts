// `check` on NetworkPolicies (source/view/lint-networkpolicy.ts): the Service port written where
// the pods' targetPort belongs, egress isolation without DNS, a podSelector that selects nothing, a
// namespaceSelector that matches no namespace. Each warning is also checked against what the
// simulator then does, so the warning and the verdict cannot drift apart.
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {initialState, type State} from '../../source/sim/index.js';
import {lint} from '../../source/view/lint.js';
import {curl, requests, run} from '../sim/helpers.js';

const SHOP = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: web, image: web, ports: [{containerPort: 80}]}]
`;

const np = (ns: string, name: string, ...spec: string[]) =>
	['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: ${ns}}`, 'spec:', ...spec, ''].join('\n');

function load(...policies: string[]) {
	const loaded = loadSources([{name: 'shop.yaml', text: [SHOP, ...policies].join('---\n')}]);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return {state: run(init.state, {type: 'clockAdvanced', ms: 30_000}).state, loaded};
}

const cluster = (...policies: string[]): State => load(...policies).state;

const policyWarnings = (state: State) => lint(state).filter(w => w.kind === 'NetworkPolicy');

const API_80 = np('shop', 'api-80', '  podSelector: {matchLabels: {app: api}}', '  ingress:', '  - ports: [{port: 80}]');

test('a policy on the Service port (80) where the pods listen on targetPort http (8080): named, with the Service and its targetPort, at the rule port', t => {
	const {state, loaded} = load(API_80);
	const warnings = policyWarnings(state);
	t.deepEqual(warnings, [
		{
			kind: 'NetworkPolicy',
			namespace: 'shop',
			name: 'api-80',
			path: ['spec', 'ingress', 0, 'ports', 0, 'port'],
			check: 'netpol-service-port',
			// The TUI shows it beside Service shop/api too, in these words (view/lint.ts warningsAbout).
			service: 'shop/api',
			brief: 'policy api-80 allows port 80; traffic arrives on 8080',
			message:
				'NetworkPolicy "api-80" spec.ingress[0] port 80/TCP is the port of Service "api", which the pods it selects do not expose: policies see a connection after the Service translates it, on targetPort "http" (8080), so this port never matches it; allow 8080 (or the name "http") instead',
		},
	]);
	// check prints it at the value of the rule's `port:` (`  - ports: [{port: 80}]`, line 30 of the stream).
	const w = warnings[0]!;
	t.deepEqual(loaded.locate(w.kind, w.namespace, w.name, w.path), {file: 'shop.yaml', line: 30, col: 20});
	// And the simulator does drop the connection through the Service.
	t.is(requests(run(state, curl('api.shop')).results[0]!).requests[0]?.outcome, 'timeout');
});

test('the same rule on 8080 or on the name http is clean, and so is port 80 where the pods listen on 80', t => {
	for (const port of ['8080', 'http']) {
		const state = cluster(np('shop', 'api', '  podSelector: {matchLabels: {app: api}}', '  ingress:', `  - ports: [{port: ${port}}]`));
		t.deepEqual(policyWarnings(state), [], port);
		t.is(requests(run(state, curl('api.shop')).results[0]!).requests[0]?.outcome, 'ok');
	}
	t.deepEqual(policyWarnings(cluster(np('default', 'web', '  podSelector: {matchLabels: {app: web}}', '  ingress:', '  - ports: [{port: 80}]'))), []);
});

test('an egress rule towards the Service port of the pods its peers select: the Service named with its namespace', t => {
	const egress = np(
		'default',
		'to-api',
		'  podSelector: {}',
		'  policyTypes: [Egress]',
		'  egress:',
		'  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]',
		'    ports: [{port: 80}]',
		'  - ports: [{port: 53, protocol: UDP}]',
	);
	const warnings = policyWarnings(cluster(egress));
	t.deepEqual(
		warnings.map(w => [w.check, w.path.join('.')]),
		[['netpol-service-port', 'spec.egress.0.ports.0.port']],
	);
	t.regex(
		warnings[0]!.message,
		/^NetworkPolicy "to-api" spec\.egress\[0\] port 80\/TCP is the port of Service "shop\/api", which the pods spec\.egress\[0\] allows do not expose/,
	);
});

test("a default-deny egress without a DNS allowance is flagged at spec.policyTypes; an allowance in another policy clears it; the pods' lookups agree", t => {
	const deny = np('default', 'default-deny', '  podSelector: {}', '  policyTypes: [Egress]');
	const state = cluster(deny);
	t.deepEqual(policyWarnings(state), [
		{
			kind: 'NetworkPolicy',
			namespace: 'default',
			name: 'default-deny',
			path: ['spec', 'policyTypes'],
			check: 'netpol-no-dns',
			message:
				'NetworkPolicy "default-deny" isolates pod web for egress, and no egress rule of the policies selecting it allows port 53/UDP to the CoreDNS pods, so its DNS lookups time out; add an egress rule with ports 53/UDP and 53/TCP to pods k8s-app=kube-dns in namespace kubernetes.io/metadata.name=kube-system',
		},
	]);
	const lookup = (s: State) => run(s, {type: 'dnsQueried', name: 'api.shop', from: {kind: 'pod', name: 'web'}, qtype: 'A'}).results[0];
	t.like(lookup(state), {kind: 'dns', result: {rcode: 'TIMEOUT'}});
	const allowDns = np(
		'default',
		'allow-dns',
		'  podSelector: {}',
		'  policyTypes: [Egress]',
		'  egress:',
		'  - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]',
	);
	const allowed = cluster(deny, allowDns);
	t.deepEqual(policyWarnings(allowed), []);
	t.like(lookup(allowed), {kind: 'dns', result: {rcode: 'NOERROR'}});
});

test('a DNS allowance on TCP 53 only is still flagged (lookups go over UDP), pointing at spec.egress', t => {
	const tcp = np('default', 'tcp-dns', '  podSelector: {}', '  policyTypes: [Egress]', '  egress:', '  - ports: [{port: 53, protocol: TCP}]');
	t.deepEqual(
		policyWarnings(cluster(tcp)).map(w => [w.check, w.path.join('.')]),
		[['netpol-no-dns', 'spec.egress']],
	);
});

test('a policy whose podSelector selects no pod, at spec.podSelector; an empty one in a namespace without pods too', t => {
	const typo = np('shop', 'apii', '  podSelector: {matchLabels: {app: apii}}', '  ingress: [{}]');
	const empty = np('kube-public', 'deny-all', '  podSelector: {}');
	t.deepEqual(
		policyWarnings(cluster(typo, empty)).map(w => [w.name, w.check, w.path.join('.'), w.message]),
		[
			[
				'deny-all',
				'netpol-no-pods',
				'spec.podSelector',
				'NetworkPolicy "deny-all" selects no pods: no pod is in namespace "kube-public", so it isolates nothing',
			],
			[
				'apii',
				'netpol-no-pods',
				'spec.podSelector',
				'NetworkPolicy "apii" selects no pods: no pod in namespace "shop" has labels app=apii, so it isolates nothing',
			],
		],
	);
});

test("a namespaceSelector matching no namespace's labels, with the reminder that kubernetes.io/metadata.name exists", t => {
	const byName = np(
		'shop',
		'from-default',
		'  podSelector: {}',
		'  ingress:',
		'  - from: [{namespaceSelector: {matchLabels: {name: default}}}]',
		'    ports: [{port: 8080}]',
	);
	const state = cluster(byName);
	t.deepEqual(
		policyWarnings(state).map(w => [w.check, w.path.join('.'), w.message]),
		[
			[
				'netpol-no-namespace',
				'spec.ingress.0.from.0.namespaceSelector',
				'NetworkPolicy "from-default" spec.ingress[0].from[0]: namespaceSelector name=default matches no namespace\'s labels, so this peer matches nothing; every namespace carries kubernetes.io/metadata.name=<its name>, so kubernetes.io/metadata.name: default selects namespace "default"',
			],
		],
	);
	t.is(requests(run(state, curl('api.shop')).results[0]!).requests[0]?.outcome, 'timeout', 'the peer lets nothing in');
	const fixed = cluster(byName.replace('{name: default}', '{kubernetes.io/metadata.name: default}'));
	t.deepEqual(policyWarnings(fixed), []);
	t.is(requests(run(fixed, curl('api.shop')).results[0]!).requests[0]?.outcome, 'ok');
	const unknown = cluster(byName.replace('{name: default}', '{team: nobody}'));
	t.regex(
		policyWarnings(unknown)[0]?.message ?? '',
		/team=nobody matches no namespace's labels, so this peer matches nothing; every namespace carries kubernetes\.io\/metadata\.name=<its name>, which selects one by name$/,
	);
});

test('without policies nothing changes: the Service checks alone', t => {
	t.deepEqual(policyWarnings(cluster()), []);
});
