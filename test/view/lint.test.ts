import {readFileSync} from 'node:fs';
import test from 'ava';
import {listRows} from '../../source/sim/index.js';
import {lint} from '../../source/view/lint.js';
import {bootSources} from '../session/sample-state.js';
import {helloRC, input, service} from '../sim/hello-input.js';
import {boot, run, wait} from '../sim/helpers.js';

test('a selector that matches no pods is reported at spec.selector', t => {
	const state = boot(input({services: [service('orphan', {selector: {app: 'nothing'}})]}));
	t.deepEqual(lint(state), [
		{
			kind: 'Service',
			namespace: 'default',
			name: 'orphan',
			path: ['spec', 'selector'],
			check: 'no-pods',
			message: 'Service "orphan" selects no pods: no pod in namespace "default" has labels app=nothing, so it has no endpoints and connections are refused',
		},
	]);
});

test('a named targetPort that no selected pod exposes', t => {
	const svc = service('web', {ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 'web'}]});
	const [warning] = lint(boot(input({services: [svc]})));
	t.deepEqual(warning!.path, ['spec', 'ports', 0, 'targetPort']);
	t.is(warning!.message, 'Service "web" port "http": no selected pod has a TCP container port named "web", so this port has no endpoints');
});

test('a numeric targetPort no selected container declares', t => {
	const svc = service('web', {ports: [{name: '', protocol: 'TCP', port: 80, targetPort: 9999}]});
	const [warning] = lint(boot(input({services: [svc]})));
	t.regex(warning!.message, /^Service "web" port 80: targetPort 9999 is not declared by any selected container/);
});

test('the seed example is clean', t => {
	t.deepEqual(lint(boot(input({workloads: [helloRC]}))), []);
});

// coredns/coredns plugin/backend_lookup.go A(): these names answer NOERROR with no records.
const alias = (name: string, target: string) => service(name, {type: 'ExternalName', externalName: target, selector: undefined, ports: []});

test('ExternalName CNAMEs that CoreDNS will not follow (itself, a loop, past 11) are reported at spec.externalName', t => {
	const chain = Array.from({length: 12}, (_, i) => alias(`c${i}`, `c${i + 1}.default.svc.cluster.local`));
	const services = [
		alias('self', 'self.default.svc.cluster.local'),
		alias('a', 'b.default.svc.cluster.local'),
		alias('b', 'a.default.svc.cluster.local'),
		...chain,
	];
	const warnings = lint(boot(input({services: [...services, service('c12', {})]})));
	t.deepEqual(
		warnings.map(w => [w.name, w.check, w.path.join('.')]),
		[
			['a', 'cname-stop', 'spec.externalName'],
			['b', 'cname-stop', 'spec.externalName'],
			['c0', 'cname-stop', 'spec.externalName'],
			['self', 'cname-stop', 'spec.externalName'],
		],
		'c1 … c11 are 11 CNAMEs or fewer from c12: they resolve',
	);
	t.deepEqual(
		warnings.map(w => w.message),
		[
			'Service "a" has no address in DNS: the ExternalName CNAMEs loop (a.default.svc.cluster.local → b.default.svc.cluster.local → a.default.svc.cluster.local): CoreDNS stops at the repeated target and answers with no records',
			'Service "b" has no address in DNS: the ExternalName CNAMEs loop (b.default.svc.cluster.local → a.default.svc.cluster.local → b.default.svc.cluster.local): CoreDNS stops at the repeated target and answers with no records',
			'Service "c0" has no address in DNS: the ExternalName CNAMEs go on past 11 (c0.default.svc.cluster.local → … → c12.default.svc.cluster.local): CoreDNS follows at most 11 and answers with no records',
			'Service "self" has no address in DNS: self.default.svc.cluster.local is an ExternalName for itself: CoreDNS drops such a CNAME (a direct loop) and answers with no records',
		],
	);
});

test('an ExternalName to outside the cluster, or to a Service that resolves, is clean', t => {
	t.deepEqual(
		lint(
			boot(input({services: [alias('db', 'db.example.com'), alias('to-hello', 'hello-node-svc.default.svc.cluster.local'), service('hello-node-svc', {})]})),
		),
		[],
	);
});

// pkg/controller/endpoint: a Pending pod has no IP and so no address; it is still selected.
test('pods that exist but are Pending are not "no pods": check says none is ready, and why', t => {
	const warnings = lint(boot(input({nodes: [{name: 'worker-1', ready: false}]})));
	const byName = new Map(warnings.map(w => [w.name, w]));
	const web = byName.get('hello-node-svc')!;
	t.is(web.check, 'none-ready');
	t.deepEqual(web.path, ['spec', 'selector']);
	t.regex(
		web.message,
		/^Service "hello-node-svc" has no ready endpoints: 3 pods have labels app=hello-node but none is ready \(3 pods Pending, not scheduled: 0\/1 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}\), so connections are refused$/,
	);
	const dns = byName.get('kube-dns')!;
	t.is(dns.check, 'none-ready');
	t.regex(
		dns.message,
		/^Service "kube-dns" has no ready endpoints: 2 pods have labels k8s-app=kube-dns but none is ready \(2 pods Pending, not scheduled: .*\), so pods' DNS lookups time out$/,
	);
	t.false(
		warnings.some(w => w.check === 'no-pods' || w.check === 'no-port'),
		'no false "selects no pods" or "no port"',
	);
});

test('Running pods that all fail their readiness probe: none is ready (Running, not Ready)', t => {
	const state = boot(input());
	const pods = listRows(state.pods).filter(p => p.labels.app === 'hello-node');
	const {state: after} = run(state, ...pods.map(p => ({type: 'probeSet' as const, namespace: 'default', name: p.name, passing: false})), wait(60));
	const [warning] = lint(after).filter(w => w.name === 'hello-node-svc');
	t.is(warning?.check, 'none-ready');
	t.regex(warning!.message, /none is ready \(hello-node-\S+ Running, not Ready; .*\), so connections are refused$/);
});

test('publishNotReadyAddresses: not-ready pods are ready addresses, so no warning; with no pod at all, still "selects no pods"', t => {
	const state = boot(
		input({
			services: [
				service('peers', {publishNotReadyAddresses: true, clusterIP: 'None'}),
				service('none', {publishNotReadyAddresses: true, selector: {app: 'nothing'}}),
			],
		}),
	);
	const pods = listRows(state.pods).filter(p => p.labels.app === 'hello-node');
	const {state: after} = run(state, ...pods.map(p => ({type: 'probeSet' as const, namespace: 'default', name: p.name, passing: false})), wait(60));
	t.deepEqual(
		lint(after).map(w => [w.name, w.check]),
		[['none', 'no-pods']],
	);
});

test('pods no node takes say why once, in the scheduler words (a nodeSelector no node satisfies; docs/semantics.md C6)', t => {
	const text = readFileSync('test/fixtures/scheduling/node-selector.yaml', 'utf8');
	const warnings = lint(run(bootSources([{name: 'node-selector.yaml', text}]), wait(30)).state);
	t.deepEqual(
		warnings.map(w => w.message),
		[
			`Service "trainer" has no ready endpoints: 2 pods have labels app=trainer but none is ready (2 pods Pending, not scheduled: 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector), so connections are refused`,
		],
	);
});
