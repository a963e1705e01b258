// #10-#13 meteor (kubernetes/examples, archived), four JSON files loaded together: a LoadBalancer
// with ClientIP affinity (timeoutSeconds 90) and named targetPort `http-server` over a
// selector-less ReplicationController, and a ClusterIP Service over a bare Pod.
import test from 'ava';
import {isDynamicClusterIP, isDynamicNodePort, loadCluster, parsePorts, parseTable, podIPs, rowsByName, type Session, session} from './helpers.js';

const FILES = ['meteor-service.json', 'meteor-controller.json', 'meteor-mongo-pod.json', 'meteor-mongo-service.json'];
const cluster = loadCluster(...FILES);

const meteorPods = (s: Session) =>
	Object.entries(podIPs(s))
		.filter(([name]) => /^meteor-controller-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(name))
		.map(([name, p]) => ({name, ...p}))
		.sort((a, b) => (a.ip < b.ip ? -1 : 1));

/** The pod each request landed on, and whether affinity chose it (summary lines left out). */
const landed = (lines: string[]) =>
	lines
		.filter(line => line.includes(' → '))
		.map(line => {
			// From outside, the hop after the pod is the source address it sees (SNAT by the entry node).
			const m = /→ (meteor-controller-\w+) \S+ on node-\d( \(affinity\))?(?: → source [^→]+)? → ok/.exec(line);
			if (!m) throw new Error(`not a request to a meteor pod: ${line}`);
			return {pod: m[1]!, affinity: m[2] !== undefined};
		});

test('the four JSON files load clean together; nothing to lint', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, []);
});

test('get svc: a pending LoadBalancer with a nodePort, and the mongo ClusterIP', t => {
	const rows = rowsByName(session(cluster.state).out('get svc'));
	t.like(rows.meteor, {TYPE: 'LoadBalancer', 'EXTERNAL-IP': '<pending>'});
	const [port] = parsePorts(rows.meteor!['PORT(S)']!);
	t.like(port, {port: 80, protocol: 'TCP'});
	t.true(isDynamicNodePort(port!.nodePort!));
	t.like(rows.mongo, {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '27017/TCP'});
	t.true(isDynamicClusterIP(rows.meteor!['CLUSTER-IP']!));
	t.true(isDynamicClusterIP(rows.mongo!['CLUSTER-IP']!));
});

test('get ep: http-server resolves to 8080 on both RC pods; mongo to 27017 on the bare pod', t => {
	const s = session(cluster.state);
	const pods = podIPs(s);
	const meteor = meteorPods(s);
	t.is(meteor.length, 2, 'A13: the RC without a selector selects its template labels');
	t.is(Object.keys(pods).length, 3);
	const ep = rowsByName(s.out('get ep'));
	t.is(ep.meteor!.ENDPOINTS, meteor.map(p => `${p.ip}:8080`).join(','));
	t.is(ep.mongo!.ENDPOINTS, `${pods.mongo!.ip}:27017`);
	t.deepEqual(
		parseTable(s.out('get rc')).map(r => [r.NAME, r.DESIRED, r.READY]),
		[['meteor-controller', '2', '2']],
	);
});

test('describe svc meteor: named targetPort, ClientIP affinity; the 90 s timeout is kept', t => {
	const s = session(cluster.state);
	const out = s.out('describe svc meteor');
	t.deepEqual(
		out.filter(l => /^(Port|TargetPort|Session Affinity|External Traffic Policy|Type):/.test(l)),
		[
			'Type:                     LoadBalancer',
			'Port:                     <unset>  80/TCP',
			'TargetPort:               http-server/TCP',
			'Session Affinity:         ClientIP',
			'External Traffic Policy:  Cluster',
		],
	);
	t.regex(s.out('get svc meteor -o yaml').join('\n'), /\n {2}sessionAffinityConfig:\n {4}clientIP:\n {6}timeoutSeconds: 90\n/);
});

test('E3: the same client keeps its pod; another client is pinned on its own', t => {
	const s = session(cluster.state);
	const first = landed(s.out('curl meteor --count 10'));
	t.false(first[0]!.affinity, 'the first connection is a fresh pick');
	t.true(first.slice(1).every(r => r.affinity && r.pod === first[0]!.pod));
	const other = landed(s.out('curl meteor --from pod/mongo --count 5'));
	t.false(other[0]!.affinity);
	t.true(other.slice(1).every(r => r.affinity && r.pod === other[0]!.pod));
});

test('H9: the 90 s timeout counts from the last connection, not the first', t => {
	const s = session(cluster.state);
	const [pinned] = landed(s.out('curl meteor'));
	s.out('wait 60s');
	t.deepEqual(landed(s.out('curl meteor')), [{pod: pinned!.pod, affinity: true}]);
	s.out('wait 60s');
	t.deepEqual(landed(s.out('curl meteor')), [{pod: pinned!.pod, affinity: true}], '120 s after the first, 60 s after the last');
	s.out('wait 91s');
	t.false(landed(s.out('curl meteor'))[0]!.affinity, 'expired: a fresh pick');
	// Fresh picks after each expiry reach both pods sooner or later.
	const seen = new Set<string>();
	for (let i = 0; i < 20; i++) {
		s.out('wait 91s');
		seen.add(landed(s.out('curl meteor'))[0]!.pod);
	}
	t.deepEqual(
		[...seen].sort(),
		meteorPods(s)
			.map(p => p.name)
			.sort(),
	);
});

test('E3: the pin ends when its pod goes away; the RC replaces the pod', t => {
	const s = session(cluster.state);
	const [pinned] = landed(s.out('curl meteor'));
	const other = meteorPods(s).find(p => p.name !== pinned!.pod)!;
	s.out(`delete pod ${pinned!.pod}`);
	t.deepEqual(landed(s.out('curl meteor --count 3')), [
		{pod: other.name, affinity: false},
		{pod: other.name, affinity: true},
		{pod: other.name, affinity: true},
	]);
	s.out('wait 2s');
	t.is(meteorPods(s).filter(p => p.status === 'Running').length, 2);
});

test('S98: from outside, each node keeps its own affinity table; through one node the client stays put', t => {
	const s = session(cluster.state);
	const nodePort = parsePorts(rowsByName(s.out('get svc meteor')).meteor!['PORT(S)']!)[0]!.nodePort!;
	const nodes = parseTable(s.out('get nodes -o wide')).map(r => r['INTERNAL-IP']!);
	for (const ip of nodes) {
		const via = landed(s.out(`curl ${ip}:${nodePort} --from external --count 4`));
		t.false(via[0]!.affinity, `${ip}: no pin from the other nodes`);
		t.true(
			via.slice(1).every(r => r.affinity && r.pod === via[0]!.pod),
			ip,
		);
		t.true(via.every(r => meteorPods(s).some(p => p.name === r.pod)));
	}
});

test('mongo: the bare pod answers on 27017; deleted, nothing replaces it and the Service refuses', t => {
	const s = session(cluster.state);
	const mongo = podIPs(s).mongo!;
	const [meteor] = meteorPods(s);
	const vip = rowsByName(s.out('get svc mongo')).mongo!['CLUSTER-IP'];
	t.deepEqual(s.out(`curl mongo:27017 --from pod/${meteor!.name}`), [
		`pod/${meteor!.name} (${meteor!.ip} on ${meteor!.node}) → mongo:27017 → A ${vip} → ClusterIP ${vip}:27017 → mongo ${mongo.ip}:27017 on ${mongo.node} → ok (iptables random, 1 of 1)`,
	]);
	s.out('delete pod mongo');
	s.out('wait 30s');
	t.falsy(podIPs(s).mongo, 'C4: gone after the default 30 s grace period, and no controller brings it back');
	t.is(rowsByName(s.out('get ep mongo')).mongo!.ENDPOINTS, '<none>');
	t.regex(s.out('curl mongo:27017')[0]!, /→ connection refused: no ready endpoints$/);
});
