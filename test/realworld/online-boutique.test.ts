// #1 online-boutique (GoogleCloudPlatform/microservices-demo): 12 Deployments behind 11 ClusterIP
// Services and one LoadBalancer, readiness probes, and one targetPort that differs from its port.
import test from 'ava';
import {isDynamicClusterIP, isDynamicNodePort, loadCluster, parsePorts, podIPs, rowsByName, session, snatHop} from './helpers.js';

const cluster = loadCluster('online-boutique.yaml');

/** Service → [PORT(S) without nodePort, targetPort] as the manifest writes them. */
const SERVICES: Record<string, [string, number]> = {
	adservice: ['9555/TCP', 9555],
	cartservice: ['7070/TCP', 7070],
	checkoutservice: ['5050/TCP', 5050],
	currencyservice: ['7000/TCP', 7000],
	emailservice: ['5000/TCP', 8080],
	frontend: ['80/TCP', 8080],
	'frontend-external': ['80/TCP', 8080],
	paymentservice: ['50051/TCP', 50051],
	productcatalogservice: ['3550/TCP', 3550],
	recommendationservice: ['8080/TCP', 8080],
	'redis-cart': ['6379/TCP', 6379],
	shippingservice: ['50051/TCP', 50051],
};

/** Every Service selects `app: <its name>`, except frontend-external, which selects the frontend. */
const appOf = (service: string) => (service === 'frontend-external' ? 'frontend' : service);

function podOf(pods: ReturnType<typeof podIPs>, app: string) {
	const names = Object.keys(pods).filter(name => new RegExp(`^${app}-[a-z0-9]{8,10}-[a-z0-9]{5}$`).test(name));
	if (names.length !== 1) throw new Error(`expected one ${app} pod, got ${names.join(', ')}`);
	return {name: names[0]!, ...pods[names[0]!]!};
}

test('loads clean: 11 ServiceAccounts skipped, no warnings, nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, 'skipped: 11 ServiceAccount');
	t.deepEqual(cluster.lint, []);
});

test('get svc -A: 11 ClusterIP + 1 pending LoadBalancer, each with its port; kubeadm built-ins', t => {
	const s = session(cluster.state);
	const rows = rowsByName(s.out('get svc -A'));
	t.deepEqual(Object.keys(rows).sort(), [...Object.keys(SERVICES).map(name => `default/${name}`), 'default/kubernetes', 'kube-system/kube-dns'].sort());
	t.deepEqual(rows['default/kubernetes'], {
		NAMESPACE: 'default',
		NAME: 'kubernetes',
		TYPE: 'ClusterIP',
		'CLUSTER-IP': '10.96.0.1',
		'EXTERNAL-IP': '<none>',
		'PORT(S)': '443/TCP',
		AGE: '0s',
	});
	t.deepEqual(rows['kube-system/kube-dns'], {
		NAMESPACE: 'kube-system',
		NAME: 'kube-dns',
		TYPE: 'ClusterIP',
		'CLUSTER-IP': '10.96.0.10',
		'EXTERNAL-IP': '<none>',
		'PORT(S)': '53/UDP,53/TCP,9153/TCP',
		AGE: '0s',
	});
	const ips = new Set<string>();
	for (const [name, [ports]] of Object.entries(SERVICES)) {
		const row = rows[`default/${name}`]!;
		const lb = name === 'frontend-external';
		t.is(row.TYPE, lb ? 'LoadBalancer' : 'ClusterIP', name);
		t.true(isDynamicClusterIP(row['CLUSTER-IP']!), `${name}: ${row['CLUSTER-IP']}`);
		ips.add(row['CLUSTER-IP']!);
		// B4: no cloud controller and no pool ⇒ the LoadBalancer stays <pending>.
		t.is(row['EXTERNAL-IP'], lb ? '<pending>' : '<none>', name);
		if (lb) {
			// B3: a LoadBalancer gets a nodePort too.
			const [port] = parsePorts(row['PORT(S)']!);
			t.is(`${port!.port}/${port!.protocol}`, ports);
			t.true(isDynamicNodePort(port!.nodePort!), row['PORT(S)']);
		} else t.is(row['PORT(S)'], ports, name);
	}
	t.is(ips.size, 12, 'every ClusterIP is distinct');
});

test('12 Deployments × 1 = 12 pods, Running and Ready; loadgenerator has no Service', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.is(Object.keys(pods).length, 12);
	for (const [name, pod] of Object.entries(pods)) {
		t.regex(name, /^[a-z]+(-[a-z]+)?-[a-z0-9]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/, 'C2: <deploy>-<hash>-<5 chars>');
		t.is(pod.ready, '1/1', name);
		t.is(pod.status, 'Running', name);
		t.regex(pod.ip, /^10\.244\.[0-2]\.\d+$/);
	}
	t.truthy(podOf(pods, 'loadgenerator'));
	t.false(s.out('get svc').some(line => line.startsWith('loadgenerator')));
});

test('get ep: each Service has its one pod at the resolved targetPort (emailservice 5000 → 8080)', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const rows = rowsByName(s.out('get ep'));
	for (const [name, [, targetPort]] of Object.entries(SERVICES)) {
		t.is(rows[name]!.ENDPOINTS, `${podOf(pods, appOf(name)).ip}:${targetPort}`, name);
	}
	t.is(rows.kubernetes!.ENDPOINTS, '192.168.49.2:6443');
	const run = s.run('get ep emailservice');
	t.deepEqual(run.err, ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
});

test('curl: frontend → pod port 8080, emailservice:5000 → 8080, and a port the Service lacks times out', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const svc = rowsByName(s.out('get svc'));
	const frontend = podOf(pods, 'frontend');
	const email = podOf(pods, 'emailservice');
	const client = s.out('curl frontend')[0]!.split(' → ')[0]!;
	t.regex(client, /^pod\/curl \(10\.244\.0\.\d+ on node-1\)$/);
	const vip = svc.frontend!['CLUSTER-IP'];
	t.deepEqual(s.out('curl frontend'), [
		`${client} → frontend → A ${vip} → ClusterIP ${vip}:80 → ${frontend.name} ${frontend.ip}:8080 on ${frontend.node} → ok (iptables random, 1 of 1)`,
	]);
	const emailVip = svc.emailservice!['CLUSTER-IP'];
	t.deepEqual(s.out('curl emailservice:5000'), [
		`${client} → emailservice:5000 → A ${emailVip} → ClusterIP ${emailVip}:5000 → ${email.name} ${email.ip}:8080 on ${email.node} → ok (iptables random, 1 of 1)`,
	]);
	// S95: only the Service's own (protocol, port) pairs exist on the VIP.
	t.deepEqual(s.out('curl emailservice'), [
		`${client} → emailservice → A ${emailVip} → ClusterIP ${emailVip}:80 → timed out: emailservice has no port 80 on ${emailVip} (ports: 5000/TCP)`,
	]);
	// Service to Service, as the frontend itself talks to the cart.
	const cart = podOf(pods, 'cartservice');
	const cartVip = svc.cartservice!['CLUSTER-IP'];
	t.deepEqual(s.out(`curl cartservice:7070 --from pod/${frontend.name}`), [
		`pod/${frontend.name} (${frontend.ip} on ${frontend.node}) → cartservice:7070 → A ${cartVip} → ClusterIP ${cartVip}:7070 → ${cart.name} ${cart.ip}:7070 on ${cart.node} → ok (iptables random, 1 of 1)`,
	]);
});

test('frontend-external: pending LB, yet every node’s nodePort reaches the frontend; the ClusterIP does not route from outside', t => {
	const s = session(cluster.state);
	const frontend = podOf(podIPs(s), 'frontend');
	const row = rowsByName(s.out('get svc frontend-external'))['frontend-external']!;
	const nodePort = parsePorts(row['PORT(S)']!)[0]!.nodePort!;
	for (const [name, node] of [
		['node-1', '192.168.49.2'],
		['node-2', '192.168.49.3'],
		['node-3', '192.168.49.4'],
	] as const) {
		// E5, H6: every node accepts the nodePort; ETP Cluster forwards to the pod wherever it runs,
		// masqueraded by the node it entered.
		const hop = snatHop({name, ip: node}, frontend, 'externalTrafficPolicy: Cluster');
		t.deepEqual(s.out(`curl ${node}:${nodePort} --from external`), [
			`external/external (198.51.100.7) → ${node}:${nodePort} → NodePort ${node}:${nodePort} → ${frontend.name} ${frontend.ip}:8080 on ${frontend.node} ${hop} → ok (iptables random, 1 of 1)`,
		]);
	}
	// E4: a ClusterIP is not reachable from outside the cluster.
	t.deepEqual(s.out(`curl ${row['CLUSTER-IP']}:80 --from external`), [
		`external/external (198.51.100.7) → ${row['CLUSTER-IP']}:80 → timed out: ClusterIP is not reachable from outside the cluster`,
	]);
	// F6: outside clients do not use cluster DNS.
	t.deepEqual(s.out('curl frontend-external --from external'), [
		'external/external (198.51.100.7) → frontend-external → NXDOMAIN → could not resolve host: frontend-external',
	]);
});

test('describe svc frontend-external: LoadBalancer, targetPort 8080, a nodePort, ETP Cluster', t => {
	const s = session(cluster.state);
	const frontend = podOf(podIPs(s), 'frontend');
	const out = s.out('describe svc frontend-external');
	const ip = /^IP:\s+(\S+)$/m.exec(out.join('\n'))![1]!;
	const nodePort = /^NodePort:\s+http\s+(\d+)\/TCP$/m.exec(out.join('\n'))![1]!;
	t.deepEqual(out, [
		'Name:                     frontend-external',
		'Namespace:                default',
		'Labels:                   app=frontend',
		'Annotations:              <none>',
		'Selector:                 app=frontend',
		'Type:                     LoadBalancer',
		'IP Family Policy:         SingleStack',
		'IP Families:              IPv4',
		`IP:                       ${ip}`,
		`IPs:                      ${ip}`,
		'Port:                     http  80/TCP',
		'TargetPort:               8080/TCP',
		`NodePort:                 http  ${nodePort}/TCP`,
		`Endpoints:                ${frontend.ip}:8080`,
		'Session Affinity:         None',
		'External Traffic Policy:  Cluster',
		'Internal Traffic Policy:  Cluster',
		'Events:                   <none>',
	]);
});

test('DNS: ClusterIP names from the pod search path; SRV gives the Service port, not the targetPort', t => {
	const s = session(cluster.state);
	const vip = rowsByName(s.out('get svc redis-cart'))['redis-cart']!['CLUSTER-IP'];
	const answer = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '', 'Name:\tredis-cart.default.svc.cluster.local', `Address: ${vip}`, ''];
	t.deepEqual(s.out('nslookup redis-cart'), answer);
	t.deepEqual(s.out('nslookup redis-cart.default'), answer);
	// F5: four dots < ndots:5, so the search path is tried first.
	t.deepEqual(s.out('nslookup redis-cart.default.svc.cluster.local -v'), [
		'Server:\t\t10.96.0.10',
		'Address:\t10.96.0.10#53',
		'',
		';; k8s-svc-tui: search path (ndots:5):',
		';; k8s-svc-tui:   redis-cart.default.svc.cluster.local.default.svc.cluster.local: NXDOMAIN',
		';; k8s-svc-tui:   redis-cart.default.svc.cluster.local.svc.cluster.local: NXDOMAIN',
		';; k8s-svc-tui:   redis-cart.default.svc.cluster.local.cluster.local: NXDOMAIN',
		';; k8s-svc-tui:   redis-cart.default.svc.cluster.local: NOERROR',
		'Name:\tredis-cart.default.svc.cluster.local',
		`Address: ${vip}`,
		'',
	]);
	t.deepEqual(s.out('nslookup _grpc._tcp.emailservice --type SRV'), [
		'Server:\t\t10.96.0.10',
		'Address:\t10.96.0.10#53',
		'',
		'_grpc._tcp.emailservice.default.svc.cluster.local\tservice = 0 100 5000 emailservice.default.svc.cluster.local.',
		'',
	]);
	t.deepEqual(s.out('nslookup loadgenerator').slice(3), ["** server can't find loadgenerator: NXDOMAIN", '']);
});

test('readiness: a replacement frontend pod serves only after its probe’s 10 s initial delay', t => {
	const s = session(cluster.state);
	const old = podOf(podIPs(s), 'frontend');
	t.deepEqual(s.out(`delete pod ${old.name}`), [`pod "${old.name}" deleted`]);
	// C4: the deleted pod leaves the endpoints at once; the new one has no IP yet.
	t.is(rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS, '<none>');
	s.out('wait 2s');
	const pods = podIPs(s);
	const fresh = Object.entries(pods).find(([name, p]) => name.startsWith('frontend-') && p.status === 'Running')!;
	t.is(fresh[1].ready, '0/1');
	t.is(pods[old.name]!.status, 'Terminating');
	t.not(fresh[1].ip, old.ip, 'C1: a new pod, a new IP');
	// S122: only a not-ready address ⇒ an empty ENDPOINTS cell.
	t.is(rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS, '');
	// S84: with no ready endpoint, kube-proxy still uses the serving, terminating one.
	t.regex(
		s.out('curl frontend')[0]!,
		new RegExp(
			`→ ${old.name} ${old.ip.replace(/\./g, '\\.')}:8080 on ${old.node} → ok \\(iptables random, 1 of 1, terminating endpoint \\(no ready ones left\\)\\)$`,
		),
	);
	s.out('wait 9s');
	t.is(podIPs(s)[fresh[0]]!.ready, '0/1', 'still inside initialDelaySeconds: 10');
	s.out('wait 1s');
	t.is(podIPs(s)[fresh[0]]!.ready, '1/1');
	t.is(rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS, `${fresh[1].ip}:8080`);
	t.is(rowsByName(s.out('get ep frontend-external'))['frontend-external']!.ENDPOINTS, `${fresh[1].ip}:8080`);
});

test('emailservice’s terminationGracePeriodSeconds: 5 — the deleted pod is gone after 5 s, not 30', t => {
	const s = session(cluster.state);
	const old = podOf(podIPs(s), 'emailservice');
	s.out(`delete pod ${old.name}`);
	s.out('wait 4s');
	t.is(podIPs(s)[old.name]?.status, 'Terminating');
	s.out('wait 1s');
	t.falsy(podIPs(s)[old.name]);
});
