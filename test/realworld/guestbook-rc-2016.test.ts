// #4 guestbook, 2016 (ReplicationControllers without spec.selector): the selector defaults to the
// template's labels (A13), pods are `<rc>-<5 chars>` (C2), three ClusterIP Services.
import test from 'ava';
import {isDynamicClusterIP, loadCluster, podIPs, rowsByName, session} from './helpers.js';

const cluster = loadCluster('guestbook-all-in-one-rc-2016.yaml');

const ipsOf = (pods: ReturnType<typeof podIPs>, rc: string) =>
	Object.entries(pods)
		.filter(([name]) => new RegExp(`^${rc}-[bcdfghjklmnpqrstvwxz2456789]{5}$`).test(name))
		.map(([, p]) => p.ip)
		.sort();

test('loads clean: nothing skipped, no warnings, nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, []);
});

test('get rc -o wide: replicas 1/2/3, selectors defaulted from the template labels', t => {
	t.deepEqual(session(cluster.state).out('get rc -o wide'), [
		'NAME           DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                                   SELECTOR',
		'frontend       3         3         3       0s    php-redis    gcr.io/google_samples/gb-frontend:v3     app=guestbook,tier=frontend',
		'redis-master   1         1         1       0s    master       gcr.io/google_containers/redis:e2e       app=redis,role=master,tier=backend',
		'redis-slave    2         2         2       0s    slave        gcr.io/google_samples/gb-redisslave:v1   app=redis,role=slave,tier=backend',
	]);
});

test('get svc and get ep: three ClusterIP Services, each over its own RC’s pods', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.is(Object.keys(pods).length, 6);
	const svc = rowsByName(s.out('get svc'));
	t.deepEqual(
		Object.values(svc).map(r => `${r.NAME} ${r.TYPE} ${r['EXTERNAL-IP']} ${r['PORT(S)']}`),
		[
			'frontend ClusterIP <none> 80/TCP',
			'kubernetes ClusterIP <none> 443/TCP',
			'redis-master ClusterIP <none> 6379/TCP',
			'redis-slave ClusterIP <none> 6379/TCP',
		],
	);
	for (const name of ['frontend', 'redis-master', 'redis-slave']) t.true(isDynamicClusterIP(svc[name]!['CLUSTER-IP']!));
	const ep = rowsByName(s.out('get ep'));
	t.is(
		ep.frontend!.ENDPOINTS,
		ipsOf(pods, 'frontend')
			.map(ip => `${ip}:80`)
			.join(','),
	);
	t.is(
		ep['redis-master']!.ENDPOINTS,
		ipsOf(pods, 'redis-master')
			.map(ip => `${ip}:6379`)
			.join(','),
	);
	t.is(
		ep['redis-slave']!.ENDPOINTS,
		ipsOf(pods, 'redis-slave')
			.map(ip => `${ip}:6379`)
			.join(','),
	);
	t.deepEqual([ipsOf(pods, 'frontend').length, ipsOf(pods, 'redis-master').length, ipsOf(pods, 'redis-slave').length], [3, 1, 2]);
});

test('C1: deleting a frontend pod brings a new name and a new IP; a crash keeps both', t => {
	const s = session(cluster.state);
	const before = podIPs(s);
	const [victim, crashed] = Object.keys(before).filter(name => name.startsWith('frontend-'));
	t.deepEqual(s.out(`delete pod ${victim}`), [`pod "${victim}" deleted`]);
	t.deepEqual(s.out(`crash pod ${crashed}`), [`pod/${crashed} container restarted (restarts: 1, IP ${before[crashed!]!.ip} kept)`]);
	// C4: the deleted pod and the crashed one are out of the ready endpoints at once.
	t.is(
		rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS,
		ipsOf(before, 'frontend')
			.filter(ip => ip !== before[victim!]!.ip && ip !== before[crashed!]!.ip)
			.map(ip => `${ip}:80`)
			.join(','),
	);
	s.out('wait 2s');
	const after = podIPs(s);
	const fresh = Object.keys(after).filter(name => name.startsWith('frontend-') && !(name in before));
	t.is(fresh.length, 1);
	t.not(after[fresh[0]!]!.ip, before[victim!]!.ip);
	t.is(after[crashed!]!.ip, before[crashed!]!.ip);
	t.regex(after[crashed!]!.status, /^Running$/);
	t.is(rowsByName(s.out('get ep frontend')).frontend!.ENDPOINTS!.split(',').length, 3);
	t.deepEqual(
		s
			.out('get rc frontend')
			.slice(1)
			.map(l => l.replace(/\s+/g, ' ')),
		['frontend 3 3 3 2s'],
	);
});

test('the frontend reaches redis-master by its short name', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const frontend = Object.keys(pods).find(name => name.startsWith('frontend-'))!;
	const [master] = Object.keys(pods).filter(name => name.startsWith('redis-master-'));
	t.regex(
		s.out(`curl redis-master:6379 --from pod/${frontend}`)[0]!,
		new RegExp(`→ ${master} ${pods[master!]!.ip.replace(/\./g, '\\.')}:6379 on ${pods[master!]!.node} → ok \\(iptables random, 1 of 1\\)$`),
	);
	t.regex(
		s.out(`curl redis-slave:6379 --from pod/${frontend}`)[0]!,
		/→ redis-slave-[a-z0-9]{5} 10\.244\.\d+\.\d+:6379 on node-\d → ok \(iptables random, 1 of 2\)$/,
	);
});
