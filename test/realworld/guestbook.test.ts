// #3 guestbook (kubernetes/examples, Deployments): a NodePort `frontend` whose nodePort is
// allocated, two redis ClusterIP Services whose selectors differ only in `role`.
import test from 'ava';
import {isDynamicClusterIP, isDynamicNodePort, loadCluster, parsePorts, podIPs, rowsByName, session} from './helpers.js';

const cluster = loadCluster('guestbook-all-in-one.yaml');

const NODES = ['192.168.49.2', '192.168.49.3', '192.168.49.4'];

const ipsOf = (pods: ReturnType<typeof podIPs>, prefix: string) =>
	Object.entries(pods)
		.filter(([name]) => name.startsWith(prefix))
		.map(([, p]) => p.ip)
		.sort();

test('loads clean: nothing skipped, no warnings, nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, []);
});

test('get svc: frontend is a NodePort with an allocated nodePort; redis Services are ClusterIP', t => {
	const rows = rowsByName(session(cluster.state).out('get svc'));
	t.deepEqual(Object.keys(rows), ['frontend', 'kubernetes', 'redis-master', 'redis-replica']);
	t.is(rows.frontend!.TYPE, 'NodePort');
	t.is(rows.frontend!['EXTERNAL-IP'], '<none>');
	const [port] = parsePorts(rows.frontend!['PORT(S)']!);
	t.like(port, {port: 80, protocol: 'TCP'});
	t.true(isDynamicNodePort(port!.nodePort!), `B3: allocated at random from the dynamic band: ${port!.nodePort}`);
	for (const name of ['frontend', 'redis-master', 'redis-replica']) t.true(isDynamicClusterIP(rows[name]!['CLUSTER-IP']!));
	t.is(rows['redis-master']!['PORT(S)'], '6379/TCP');
	t.is(rows['redis-replica']!['PORT(S)'], '6379/TCP');
});

test('get ep: 3 frontends at :80, the master alone behind redis-master, the 2 replicas behind redis-replica', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.is(Object.keys(pods).length, 6);
	const rows = rowsByName(s.out('get ep'));
	t.is(
		rows.frontend!.ENDPOINTS,
		ipsOf(pods, 'frontend-')
			.map(ip => `${ip}:80`)
			.join(','),
	);
	t.is(
		rows['redis-master']!.ENDPOINTS,
		ipsOf(pods, 'redis-master-')
			.map(ip => `${ip}:6379`)
			.join(','),
	);
	t.is(
		rows['redis-replica']!.ENDPOINTS,
		ipsOf(pods, 'redis-replica-')
			.map(ip => `${ip}:6379`)
			.join(','),
	);
	t.is(ipsOf(pods, 'redis-replica-').length, 2);
});

test('describe svc frontend: unnamed port, targetPort defaulted to 80, the nodePort, ETP Cluster', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const out = s.out('describe svc frontend');
	const text = out.join('\n');
	const ip = /^IP:\s+(\S+)$/m.exec(text)![1];
	const nodePort = /^NodePort:\s+<unset>\s+(\d+)\/TCP$/m.exec(text)![1];
	t.deepEqual(out, [
		'Name:                     frontend',
		'Namespace:                default',
		'Labels:                   app=guestbook',
		'                          tier=frontend',
		'Annotations:              <none>',
		'Selector:                 app=guestbook,tier=frontend',
		'Type:                     NodePort',
		'IP Family Policy:         SingleStack',
		'IP Families:              IPv4',
		`IP:                       ${ip}`,
		`IPs:                      ${ip}`,
		'Port:                     <unset>  80/TCP',
		'TargetPort:               80/TCP',
		`NodePort:                 <unset>  ${nodePort}/TCP`,
		`Endpoints:                ${ipsOf(pods, 'frontend-')
			.map(a => `${a}:80`)
			.join(',')}`,
		'Session Affinity:         None',
		'External Traffic Policy:  Cluster',
		'Internal Traffic Policy:  Cluster',
		'Events:                   <none>',
	]);
});

test('E5: every node’s nodePort reaches all three frontends from outside (ETP Cluster)', t => {
	const s = session(cluster.state);
	const nodePort = parsePorts(rowsByName(s.out('get svc frontend')).frontend!['PORT(S)']!)[0]!.nodePort!;
	for (const node of NODES) {
		const out = s.out(`curl ${node}:${nodePort} --from external --count 60 --summary`);
		t.is(out[0], '60 requests: 60 ok, 0 failed', node);
		t.is(out.filter(line => /^ {2}frontend-/.test(line)).length, 3, node);
	}
	t.regex(
		s.out(`curl ${NODES[0]}:${nodePort} --from node/node-3`)[0]!,
		new RegExp(
			`^node/node-3 \\(192\\.168\\.49\\.4\\) → ${NODES[0]}:${nodePort} → NodePort ${NODES[0]}:${nodePort} → frontend-\\S+ 10\\.244\\.\\d+\\.\\d+:80 on node-\\d → source (?:10\\.244\\.0\\.1|192\\.168\\.49\\.2) \\(SNAT by node-1: externalTrafficPolicy: Cluster\\) → ok`,
		),
	);
	// A port no Service holds is refused by the node itself.
	const unused = nodePort === 32767 ? 32766 : nodePort + 1;
	t.deepEqual(s.out(`curl ${NODES[1]}:${unused} --from external`), [
		`external/external (198.51.100.7) → ${NODES[1]}:${unused} → connection refused: nothing listens on ${NODES[1]}:${unused} (no Service has nodePort ${unused})`,
	]);
});

test('the frontends reach redis by name; scaling frontend to 1 shrinks its endpoints at once (C4)', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const frontend = Object.keys(pods).find(name => name.startsWith('frontend-'))!;
	const master = Object.entries(pods).find(([name]) => name.startsWith('redis-master-'))!;
	const vip = rowsByName(s.out('get svc redis-master'))['redis-master']!['CLUSTER-IP'];
	t.true(
		s
			.out(`curl redis-master:6379 --from pod/${frontend}`)[0]!
			.endsWith(
				`→ redis-master:6379 → A ${vip} → ClusterIP ${vip}:6379 → ${master[0]} ${master[1].ip}:6379 on ${master[1].node} → ok (iptables random, 1 of 1)`,
			),
	);
	t.deepEqual(s.out('scale deploy frontend --replicas=1'), ['deployment.apps/frontend scaled']);
	const left = rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS!;
	t.regex(left, /^10\.244\.\d+\.\d+:80$/);
	t.is(Object.values(podIPs(s)).filter(p => p.status === 'Terminating').length, 2);
});
