// #2 bookinfo (istio/istio): 4 ClusterIP Services without `type` or `targetPort`; `reviews` is
// backed by three Deployments (v1, v2, v3) that share its selector `app: reviews`.
import test from 'ava';
import {isDynamicClusterIP, loadCluster, podIPs, rowsByName, session} from './helpers.js';

const cluster = loadCluster('bookinfo.yaml');

const podsOf = (pods: ReturnType<typeof podIPs>, prefix: string) =>
	Object.entries(pods)
		.filter(([name]) => name.startsWith(prefix))
		.map(([name, p]) => ({name, ...p}));

const byIP = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

test('loads clean: 4 ServiceAccounts skipped (the trailing empty document is fine), nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, 'skipped: 4 ServiceAccount');
	t.deepEqual(cluster.lint, []);
});

test('get svc: four ClusterIP Services on 9080 (type and targetPort defaulted)', t => {
	const s = session(cluster.state);
	const rows = rowsByName(s.out('get svc'));
	t.deepEqual(Object.keys(rows).sort(), ['details', 'kubernetes', 'productpage', 'ratings', 'reviews']);
	for (const name of ['details', 'productpage', 'ratings', 'reviews']) {
		const row = rows[name]!;
		t.is(row.TYPE, 'ClusterIP');
		t.true(isDynamicClusterIP(row['CLUSTER-IP']!), row['CLUSTER-IP']);
		t.is(row['EXTERNAL-IP'], '<none>');
		t.is(row['PORT(S)'], '9080/TCP');
	}
	t.deepEqual(
		s.out('get svc reviews -o wide').map(line => line.replace(/\s+/g, ' ')),
		['NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR', `reviews ClusterIP ${rows.reviews!['CLUSTER-IP']} <none> 9080/TCP 0s app=reviews`],
	);
});

test('get ep reviews: the v1, v2 and v3 pods, each at 9080 (S1: targetPort = port)', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	t.is(Object.keys(pods).length, 6);
	const reviews = podsOf(pods, 'reviews-');
	t.deepEqual(
		reviews.map(p => p.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')),
		['reviews-v1', 'reviews-v2', 'reviews-v3'],
	);
	const rows = rowsByName(s.out('get ep'));
	t.is(
		rows.reviews!.ENDPOINTS,
		reviews
			.map(p => p.ip)
			.sort(byIP)
			.map(ip => `${ip}:9080`)
			.join(','),
	);
	for (const app of ['details', 'productpage', 'ratings']) {
		const [pod] = podsOf(pods, `${app}-v1-`);
		t.is(rows[app]!.ENDPOINTS, `${pod!.ip}:9080`, app);
	}
});

test('curl reviews:9080 spreads over all three versions at random (E1), and 80 is not a port of it', t => {
	const s = session(cluster.state);
	const out = s.out('curl reviews:9080 --count 300 --summary');
	t.is(out[0], '300 requests: 300 ok, 0 failed');
	const rows = out.slice(1).map(line => /^ {2}(reviews-(v[123])-\S+) \((\S+) on (node-\d)\)\s+(\d+)\s/.exec(line));
	t.deepEqual(
		rows.map(m => m?.[2]),
		['v1', 'v2', 'v3'],
	);
	for (const m of rows) t.true(Number(m![5]) > 70 && Number(m![5]) < 130, `roughly a third each: ${m![0]}`);
	t.regex(s.out('curl reviews')[0]!, /→ timed out: reviews has no port 80 on 10\.\d+\.\d+\.\d+ \(ports: 9080\/TCP\)$/);
});

test('productpage calls details and reviews by their short names from its own pod', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const [page] = podsOf(pods, 'productpage-v1-');
	const [details] = podsOf(pods, 'details-v1-');
	const vip = rowsByName(s.out('get svc details')).details!['CLUSTER-IP'];
	t.deepEqual(s.out(`curl details:9080 --from pod/${page!.name}`), [
		`pod/${page!.name} (${page!.ip} on ${page!.node}) → details:9080 → A ${vip} → ClusterIP ${vip}:9080 → ${details!.name} ${details!.ip}:9080 on ${details!.node} → ok (iptables random, 1 of 1)`,
	]);
	t.regex(
		s.out(`curl http://reviews:9080/reviews/0 --from pod/${page!.name}`)[0]!,
		/→ reviews-v[123]-\S+ 10\.244\.\d+\.\d+:9080 on node-\d → ok \(iptables random, 1 of 3\)$/,
	);
});

test('deleting reviews-v2’s pod: traffic stays on v1 and v3 until the replacement runs, then all three again', t => {
	const s = session(cluster.state);
	const [v2] = podsOf(podIPs(s), 'reviews-v2-');
	s.out(`delete pod ${v2!.name}`);
	const during = s.out('curl reviews:9080 --count 60 --summary');
	t.is(during[0], '60 requests: 60 ok, 0 failed');
	t.deepEqual(
		during.slice(1).map(line => /reviews-(v[123])-/.exec(line)?.[1]),
		['v1', 'v3'],
	);
	// No readiness probe: Ready as soon as it runs (C3), after the 2 s start.
	s.out('wait 2s');
	const fresh = podsOf(podIPs(s), 'reviews-v2-').find(p => p.status === 'Running')!;
	t.not(fresh.name, v2!.name);
	t.is(fresh.ready, '1/1');
	t.true(rowsByName(s.out('get ep reviews')).reviews!.ENDPOINTS!.includes(`${fresh.ip}:9080`));
	const after = s.out('curl reviews:9080 --count 60 --summary');
	t.deepEqual(
		after.slice(1).map(line => /reviews-(v[123])-/.exec(line)?.[1]),
		['v1', 'v2', 'v3'],
	);
});
