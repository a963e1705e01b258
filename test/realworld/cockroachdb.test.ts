// #5 cockroachdb (kubernetes/examples, archived): a headless Service carrying the old
// `tolerate-unready-endpoints` annotation plus a ClusterIP Service, both with named ports, over a
// 3-replica StatefulSet. The annotation was removed in Kubernetes 1.24 (kubernetes#108020), so on
// a current cluster not-ready pods leave the headless Service's endpoints and DNS (D2, S104).
import test from 'ava';
import {isDynamicClusterIP, loadCluster, parseTable, podIPs, rowsByName, session} from './helpers.js';

const cluster = loadCluster('cockroachdb-statefulset.yaml');

const byIP = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FQDN = 'cockroachdb.default.svc.cluster.local';
const HEADER = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];

/** The A records of an nslookup answer, sorted (CoreDNS's loadbalance shuffles them, S100). */
const addresses = (out: string[]) =>
	out
		.filter(l => l.startsWith('Address: ') && !l.includes('#53'))
		.map(l => l.slice(9))
		.sort(byIP);

/** `a:26257,b:26257,c:26257 + 3 more...` for 3 pods × 2 ports (S122: ports outer, addresses inner). */
const cell = (ips: string[]) => {
	const all = ['26257', '8080'].flatMap(port => [...ips].sort(byIP).map(ip => `${ip}:${port}`));
	return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
};

test('the loader warns that the tolerate-unready annotation does nothing now; the PDB is skipped', t => {
	t.deepEqual(cluster.warnings, [
		'cockroachdb-statefulset.yaml:40:61: warning: Service "cockroachdb" uses the annotation service.alpha.kubernetes.io/tolerate-unready-endpoints, which a current cluster ignores (removed in Kubernetes 1.24): its not-ready pods stay out of its endpoints and DNS; set spec.publishNotReadyAddresses: true to publish them',
	]);
	t.is(cluster.skipped, 'skipped: 1 PodDisruptionBudget');
	t.deepEqual(cluster.lint, []);
});

test('get svc: the headless Service shows None; both carry 26257 and 8080', t => {
	const rows = rowsByName(session(cluster.state).out('get svc'));
	t.deepEqual(rows.cockroachdb, {
		NAME: 'cockroachdb',
		TYPE: 'ClusterIP',
		'CLUSTER-IP': 'None',
		'EXTERNAL-IP': '<none>',
		'PORT(S)': '26257/TCP,8080/TCP',
		AGE: '0s',
	});
	t.like(rows['cockroachdb-public'], {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '26257/TCP,8080/TCP'});
	t.true(isDynamicClusterIP(rows['cockroachdb-public']!['CLUSTER-IP']!));
});

test('the StatefulSet runs cockroachdb-0..2; both Services list the 3 pods on both ports', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.deepEqual(Object.keys(pods), ['cockroachdb-0', 'cockroachdb-1', 'cockroachdb-2']);
	t.deepEqual(s.out('get sts'), ['NAME          READY   AGE', 'cockroachdb   3/3     0s']);
	const ips = Object.values(pods).map(p => p.ip);
	const ep = rowsByName(s.out('get ep'));
	t.is(ep.cockroachdb!.ENDPOINTS, cell(ips));
	t.is(ep['cockroachdb-public']!.ENDPOINTS, cell(ips));
});

test('get ep cockroachdb -o yaml: hostnames from the StatefulSet (S77), the headless label, named ports', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const yaml = s.out('get ep cockroachdb -o yaml').join('\n');
	t.regex(yaml, /labels:\n {4}app: cockroachdb\n {4}service\.kubernetes\.io\/headless: ""\n/);
	for (const [name, pod] of Object.entries(pods)) {
		t.true(yaml.includes(`  - hostname: ${name}\n    ip: ${pod.ip}\n    nodeName: ${pod.node}\n`), name);
	}
	t.true(yaml.endsWith('  ports:\n  - name: grpc\n    port: 26257\n    protocol: TCP\n  - name: http\n    port: 8080\n    protocol: TCP'));
});

test('DNS: the headless name answers pod IPs, each pod has its own name, SRV targets the pods', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const all = Object.values(pods)
		.map(p => p.ip)
		.sort(byIP);
	// F2, H5: never a VIP for a headless name.
	t.deepEqual(addresses(s.out('nslookup cockroachdb')), all);
	for (const [name, pod] of Object.entries(pods)) {
		t.deepEqual(s.out(`nslookup ${name}.cockroachdb`), [...HEADER, `Name:\t${name}.${FQDN}`, `Address: ${pod.ip}`, '']);
	}
	const srv = s.out('nslookup _grpc._tcp.cockroachdb --type SRV').slice(3, -1).sort();
	t.deepEqual(
		srv,
		['cockroachdb-0', 'cockroachdb-1', 'cockroachdb-2'].map(h => `_grpc._tcp.${FQDN}\tservice = 0 33 26257 ${h}.${FQDN}.`),
	);
	const vip = rowsByName(s.out('get svc cockroachdb-public'))['cockroachdb-public']!['CLUSTER-IP'];
	t.deepEqual(s.out('nslookup cockroachdb-public'), [...HEADER, 'Name:\tcockroachdb-public.default.svc.cluster.local', `Address: ${vip}`, '']);
});

test('curl: the headless name goes straight to a pod, the public Service through its VIP', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const headless = s.out('curl cockroachdb:26257')[0]!;
	const m = /→ Headless (\S+):26257 → (cockroachdb-\d) \1:26257 on (node-\d) → ok \(headless: DNS returned pod IPs, no proxy involved\)$/.exec(headless);
	t.truthy(m, headless);
	t.is(pods[m![2]!]!.ip, m![1]!);
	const vip = rowsByName(s.out('get svc cockroachdb-public'))['cockroachdb-public']!['CLUSTER-IP'];
	const out = s.out('curl cockroachdb-public:8080 --count 30 --summary');
	t.is(out[0], '30 requests: 30 ok, 0 failed');
	t.true(s.out('curl cockroachdb-public:8080')[0]!.includes(`→ ClusterIP ${vip}:8080 → cockroachdb-`));
});

test('not ready (a crashed container): out of both Services and out of DNS — the annotation no longer helps', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.deepEqual(s.out('crash pod cockroachdb-1'), [`pod/cockroachdb-1 container restarted (restarts: 1, IP ${pods['cockroachdb-1']!.ip} kept)`]);
	const others = ['cockroachdb-0', 'cockroachdb-2'].map(n => pods[n]!.ip);
	const ep = rowsByName(s.out('get ep'));
	t.is(ep.cockroachdb!.ENDPOINTS, cell(others));
	t.is(ep['cockroachdb-public']!.ENDPOINTS, cell(others));
	// S71: the unready address moves to notReadyAddresses.
	t.regex(
		s.out('get ep cockroachdb -o yaml').join('\n'),
		new RegExp(`notReadyAddresses:\\n {2}- hostname: cockroachdb-1\\n {4}ip: ${pods['cockroachdb-1']!.ip.replace(/\./g, '\\.')}\\n`),
	);
	// S123: EndpointSlices still list it (not ready).
	const slices = parseTable(s.out('get endpointslices'));
	t.is(
		slices.find(r => r.NAME!.startsWith('cockroachdb-') && !r.NAME!.startsWith('cockroachdb-public'))!.ENDPOINTS,
		Object.values(pods)
			.map(p => p.ip)
			.sort(byIP)
			.join(','),
	);
	// S104: DNS publishes ready endpoints only.
	t.deepEqual(addresses(s.out('nslookup cockroachdb')), [...others].sort(byIP));
	t.deepEqual(s.out(`nslookup cockroachdb-1.${FQDN}`).slice(3), [`** server can't find cockroachdb-1.${FQDN}: NXDOMAIN`, '']);
	// C1: the restart keeps the pod and its IP; it is back once running again.
	s.out('wait 2s');
	t.deepEqual(s.out('nslookup cockroachdb-1.cockroachdb'), [...HEADER, `Name:\tcockroachdb-1.${FQDN}`, `Address: ${pods['cockroachdb-1']!.ip}`, '']);
	t.is(rowsByName(s.out('get ep')).cockroachdb!.ENDPOINTS, cell(Object.values(pods).map(p => p.ip)));
});

test('C2: a deleted StatefulSet pod terminates for its 60 s grace period, then returns under its name with a new IP', t => {
	const s = session(cluster.state);
	const old = podIPs(s)['cockroachdb-2']!;
	s.out('delete pod cockroachdb-2');
	t.is(podIPs(s)['cockroachdb-2']!.status, 'Terminating');
	t.deepEqual(s.out(`nslookup cockroachdb-2.${FQDN}`).slice(3), [`** server can't find cockroachdb-2.${FQDN}: NXDOMAIN`, '']);
	s.out('wait 59s');
	t.is(podIPs(s)['cockroachdb-2']!.status, 'Terminating', 'terminationGracePeriodSeconds: 60');
	s.out('wait 1s');
	t.like(podIPs(s)['cockroachdb-2'], {status: 'ContainerCreating', ip: '<none>'});
	s.out('wait 2s');
	const fresh = podIPs(s)['cockroachdb-2']!;
	t.is(fresh.status, 'Running');
	t.not(fresh.ip, old.ip);
	t.deepEqual(s.out('nslookup cockroachdb-2.cockroachdb'), [...HEADER, `Name:\tcockroachdb-2.${FQDN}`, `Address: ${fresh.ip}`, '']);
});
