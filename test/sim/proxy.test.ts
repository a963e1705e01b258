import test from 'ava';
import {getRow, listKeys, listRows} from '../../source/sim/index.js';
import {parseTarget} from '../../source/sim/proxy.js';
import {helloRC, helloSvc, input, service} from './hello-input.js';
import {boot, curl, livePods, readyIPs, requests, run, wait} from './helpers.js';
import {hostAgent} from './host-network-input.js';

const outcome = (r: ReturnType<typeof requests>) => r.requests.map(x => `${x.outcome}: ${x.reason}`);

test('parseTarget: names, ports, URLs', t => {
	t.deepEqual(parseTarget('hello-node-svc'), {host: 'hello-node-svc', port: 80});
	t.deepEqual(parseTarget('hello-node-svc:8080'), {host: 'hello-node-svc', port: 8080});
	t.deepEqual(parseTarget('https://web.prod.svc.cluster.local/path?q=1'), {host: 'web.prod.svc.cluster.local', port: 443});
	t.deepEqual(parseTarget('http://10.96.0.1:443/'), {host: '10.96.0.1', port: 443});
	t.deepEqual(parseTarget(':80'), {error: 'curl: (3) URL rejected: Bad hostname or port in ":80"'});
	t.deepEqual(parseTarget('web:'), {host: 'web', port: 80}, 'an empty port is the default, as in curl');
	// curl lib/urlapi.c CURLUE_BAD_PORT_NUMBER: a port that is no number (a tour's NODEPORT placeholder typed as is) or past 65535.
	const badPort = {error: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535'};
	t.deepEqual(parseTarget('x:70000'), badPort);
	t.deepEqual(parseTarget('192.168.10.13:NODEPORT'), badPort);
	t.deepEqual(parseTarget('http://web:8o/'), badPort);
});

test('a request through the ClusterIP lands on a ready pod at its targetPort', t => {
	const state = boot(input());
	const r = requests(run(state, curl('hello-node-svc')).results[0]!);
	const [trace] = r.requests;
	t.is(trace!.via, 'ClusterIP');
	t.is(trace!.resolved, `${getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP}:80`);
	t.is(trace!.outcome, 'ok');
	t.is(trace!.endpoint!.port, 8080);
	t.true(livePods(state, 'hello-node-').some(p => p.name === trace!.endpoint!.pod && p.podIP === trace!.endpoint!.ip));
});

test('E1/H9: iptables mode spreads connections at random (all pods hit, not in strict rotation)', t => {
	const state = boot(input());
	const r = requests(run(state, curl('hello-node-svc', {kind: 'default'}, 3000)).results[0]!);
	const counts = Object.values(r.summary.byPod);
	t.is(counts.length, 3);
	for (const c of counts) t.true(c > 850 && c < 1150, `roughly uniform: ${counts}`);
	const sequence = r.requests.slice(0, 30).map(x => x.endpoint!.pod);
	const rotation = sequence.every((p, i) => i < 3 || p === sequence[i - 3]);
	t.false(rotation, 'iptables is not round robin');
});

test('E1: ipvs mode is round robin', t => {
	const state = boot(input({config: {proxyMode: 'ipvs'}}));
	const r = requests(run(state, curl('hello-node-svc', {kind: 'default'}, 9)).results[0]!);
	const seq = r.requests.map(x => x.endpoint!.ip);
	t.deepEqual(seq.slice(3, 6), seq.slice(0, 3));
	t.is(new Set(seq.slice(0, 3)).size, 3);
});

test('E2/S88/H8: no ready endpoints ⇒ connection refused at once, and DNS still answers the ClusterIP', t => {
	let state = boot(input());
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 0}, wait(30)).state;
	const r = requests(run(state, curl('hello-node-svc')).results[0]!);
	t.deepEqual(outcome(r), ['refused: no ready endpoints']);
	t.is(r.requests[0]!.dns!.rcode, 'NOERROR');
});

test('S84: with no ready endpoint left, serving-and-terminating ones still get traffic', t => {
	let state = boot(input());
	for (const pod of livePods(state, 'hello-node-')) {
		state = run(state, {type: 'podDeleted', namespace: 'default', name: pod.name}).state;
	}
	const r = requests(run(state, curl('hello-node-svc')).results[0]!);
	t.is(r.requests[0]!.outcome, 'ok');
	t.regex(r.requests[0]!.reason, /terminating endpoint/);
});

test('H2: never routes to a not-ready pod while ready ones exist', t => {
	let state = boot(input());
	const sick = livePods(state, 'hello-node-')[0]!;
	state = run(state, {type: 'probeSet', namespace: 'default', name: sick.name, passing: false}, wait(20)).state;
	const r = requests(run(state, curl('hello-node-svc', {kind: 'default'}, 500)).results[0]!);
	t.false(sick.name in r.summary.byPod);
	t.is(Object.keys(r.summary.byPod).length, 2);
});

test('E4/H3: from outside, a ClusterIP times out; cluster DNS names do not resolve', t => {
	const state = boot(input());
	const ip = getRow(state.services, 'default/hello-node-svc')!.spec.clusterIP!;
	const r = requests(run(state, curl(`${ip}:80`, {kind: 'external'})).results[0]!);
	t.deepEqual(outcome(r), ['timeout: ClusterIP is not reachable from outside the cluster']);
	const byName = requests(run(state, curl('hello-node-svc.default.svc.cluster.local', {kind: 'external'})).results[0]!);
	t.is(byName.requests[0]!.outcome, 'nxdomain');
});

test('E5/H6: every node accepts the NodePort, whether or not it runs a backing pod', t => {
	let state = boot(input());
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 1}, wait(31)).state;
	for (const node of Object.values(state.nodes)) {
		const r = requests(run(state, curl(`${node.internalIP}:30036`, {kind: 'external'})).results[0]!);
		t.is(r.requests[0]!.outcome, 'ok', node.name);
		t.is(r.requests[0]!.via, 'NodePort');
	}
});

test('E5/S91: externalTrafficPolicy Local drops outside traffic at nodes without a local endpoint; pods are short-circuited', t => {
	const local = service('hello-local', {
		type: 'NodePort',
		externalTrafficPolicy: 'Local',
		ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080}],
	});
	const state = boot(input({services: [local], workloads: [{...helloRC, replicas: 1}]}));
	const podNode = livePods(state, 'hello-node-')[0]!.nodeName;
	const other = Object.values(state.nodes).find(n => n.name !== podNode)!;
	const here = state.nodes[podNode!]!;
	t.is(requests(run(state, curl(`${here.internalIP}:30080`, {kind: 'external'})).results[0]!).requests[0]!.outcome, 'ok');
	const dropped = requests(run(state, curl(`${other.internalIP}:30080`, {kind: 'external'})).results[0]!);
	t.deepEqual(outcome(dropped), [`timeout: externalTrafficPolicy: Local and no ready endpoint on ${other.name}`]);
	const fromPod = requests(run(state, curl(`${other.internalIP}:30080`)).results[0]!);
	t.is(fromPod.requests[0]!.outcome, 'ok');
	// The receiving node's own traffic is short-circuited to every endpoint ...
	const fromItself = requests(run(state, curl(`${other.internalIP}:30080`, {kind: 'node', name: other.name})).results[0]!);
	t.is(fromItself.requests[0]!.outcome, 'ok');
	// ... but another node's traffic arrives from that node's IP, as external traffic does.
	const fromAnother = requests(run(state, curl(`${other.internalIP}:30080`, {kind: 'node', name: here.name})).results[0]!);
	t.deepEqual(outcome(fromAnother), [`timeout: externalTrafficPolicy: Local and no ready endpoint on ${other.name}`]);
});

test('E8: internalTrafficPolicy Local only uses endpoints on the client’s node; none there ⇒ dropped', t => {
	const svc = service('local-only', {internalTrafficPolicy: 'Local'});
	const state = boot(input({services: [svc], workloads: [{...helloRC, replicas: 1}]}));
	const pod = livePods(state, 'hello-node-')[0]!;
	const fromSame = requests(run(state, curl('local-only', {kind: 'node', name: pod.nodeName})).results[0]!);
	// Nodes do not use cluster DNS (F6): address the VIP directly.
	t.is(fromSame.requests[0]!.outcome, 'nxdomain');
	const vip = `${getRow(state.services, 'default/local-only')!.spec.clusterIP}:80`;
	t.is(requests(run(state, curl(vip, {kind: 'node', name: pod.nodeName})).results[0]!).requests[0]!.outcome, 'ok');
	const away = Object.keys(state.nodes).find(n => n !== pod.nodeName)!;
	const dropped = requests(run(state, curl(vip, {kind: 'node', name: away})).results[0]!);
	t.is(dropped.requests[0]!.outcome, 'timeout');
});

test('E3: ClientIP affinity pins a client to one pod while it keeps coming back within the timeout', t => {
	const svc = service('sticky', {sessionAffinity: 'ClientIP', sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}});
	let state = boot(input({services: [svc]}));
	const first = requests(run(state, curl('sticky', {kind: 'default'}, 50)).results[0]!);
	t.is(Object.keys(first.summary.byPod).length, 1);
	t.true(first.requests.slice(1).every(r => r.affinity === true));
	state = run(state, curl('sticky'), wait(50), curl('sticky'), wait(50)).state;
	const pinned = Object.keys(first.summary.byPod)[0]!;
	const again = requests(run(state, curl('sticky')).results[0]!);
	t.is(again.requests[0]!.endpoint!.pod, pinned, 'H9: timed from the last connection, not the first');
});

test('S98: each node keeps its own affinity table: an outside client entering by another node is not pinned there', t => {
	const sticky = service('sticky', {
		type: 'NodePort',
		sessionAffinity: 'ClientIP',
		sessionAffinityConfig: {clientIP: {timeoutSeconds: 90}},
		ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080}],
	});
	// A pick is random: across seeds, the second node sometimes picks the first node's pod and
	// sometimes another, and only the latter shows whose table a pin lives in.
	let differed = 0;
	for (let seed = 1; seed <= 12; seed++) {
		const state = boot(input({services: [sticky]}), seed);
		const [one, two] = Object.values(state.nodes);
		if (!one || !two) return t.fail('two nodes');
		const through = (node: typeof one, count: number) => curl(`${node.internalIP}:30080`, {kind: 'external'}, count);
		const after = run(state, through(one, 2), through(two, 2), through(one, 1));
		const [viaOne, viaTwo, backToOne] = after.results.map(r => requests(r).requests);
		if (!viaOne || !viaTwo || !backToOne) return t.fail('three batches');
		const ips = (list: typeof viaOne) => list.map(r => r.endpoint?.ip);
		const pinnedOne = viaOne[0]?.endpoint?.ip;
		const pinnedTwo = viaTwo[0]?.endpoint?.ip;
		// Through the first node: a fresh pick, then pinned to that same pod.
		t.deepEqual(
			viaOne.map(r => r.affinity === true),
			[false, true],
		);
		t.deepEqual(ips(viaOne), [pinnedOne, pinnedOne]);
		// Through the second node the first node's pin does not apply: a fresh random pick, which
		// that node then pins on its own.
		t.deepEqual(
			viaTwo.map(r => r.affinity === true),
			[false, true],
		);
		t.regex(viaTwo[0]?.reason ?? '', /^iptables random, 1 of 3/);
		t.is(viaTwo[1]?.reason, 'sessionAffinity: ClientIP');
		t.deepEqual(ips(viaTwo), [pinnedTwo, pinnedTwo]);
		// The second node's pick did not overwrite the first's: back through the first node, its own pod.
		t.is(backToOne[0]?.affinity, true);
		t.is(backToOne[0]?.endpoint?.ip, pinnedOne, `seed ${seed}`);
		// Two tables, one entry each, holding each node's pod.
		t.deepEqual(
			Object.values(after.state.affinity)
				.map(e => e.ip)
				.sort(),
			[pinnedOne, pinnedTwo].sort(),
		);
		if (pinnedOne !== pinnedTwo) differed++;
	}
	t.true(differed > 0, 'some seed has the two nodes pick different pods');
});

test('E2: a failure reason does not repeat its outcome (views print `<outcome>: <reason>`)', t => {
	const local = service('hello-local', {
		type: 'NodePort',
		externalTrafficPolicy: 'Local',
		ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080}],
	});
	let state = boot(input({services: [local]}));
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 0}, wait(30)).state;
	const refused = requests(run(state, curl('hello-local')).results[0]!).requests[0]!;
	t.is(refused.reason, 'no ready endpoints');
	const dropped = requests(run(state, curl('192.168.49.2:30080', {kind: 'external'})).results[0]!).requests[0]!;
	t.is(dropped.outcome, 'refused', 'no endpoints at all: REJECT, before any Local policy (S88)');
});

test('E3: the pin ends when its pod goes away', t => {
	const svc = service('sticky', {sessionAffinity: 'ClientIP', sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}});
	let state = boot(input({services: [svc]}));
	const first = requests(run(state, curl('sticky')).results[0]!);
	const pinned = first.requests[0]!.endpoint!.pod!;
	state = run(state, {type: 'podDeleted', namespace: 'default', name: pinned}).state;
	const after = requests(run(state, curl('sticky', {kind: 'default'}, 20)).results[0]!);
	t.false(pinned in after.summary.byPod);
});

test('E6/B4: a LoadBalancer address forwards from outside; pending LB still works through its NodePort', t => {
	const lb = service('web-lb', {type: 'LoadBalancer', externalTrafficPolicy: 'Cluster'});
	const state = boot(input({config: {loadBalancerPool: ['203.0.113.10']}, services: [lb, helloSvc]}));
	const r = requests(run(state, curl('203.0.113.10:80', {kind: 'external'})).results[0]!);
	t.is(r.requests[0]!.via, 'LoadBalancer');
	t.is(r.requests[0]!.outcome, 'ok');
	const pending = boot(input({services: [lb]}));
	const nodePort = getRow(pending.services, 'default/web-lb')!.spec.ports![0]!.nodePort!;
	const viaNode = requests(run(pending, curl(`192.168.49.2:${nodePort}`, {kind: 'external'})).results[0]!);
	t.is(viaNode.requests[0]!.outcome, 'ok');
});

test('E7/H4: an ExternalName Service is a CNAME, never proxied', t => {
	const ext = service('db', {type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: []});
	const state = boot(input({services: [ext]}));
	const r = requests(run(state, curl('db:5432')).results[0]!);
	t.is(r.requests[0]!.via, 'ExternalName');
	t.is(r.requests[0]!.endpoint, null);
	t.deepEqual(
		r.requests[0]!.dns!.answers.map(a => [a.type, a.data]),
		[['CNAME', 'db.example.com.']],
	);
});

test('H5: a headless name leads straight to a pod IP, no VIP', t => {
	const state = boot(input({services: [service('peers', {clusterIP: 'None'})]}));
	const r = requests(run(state, curl('peers:8080')).results[0]!);
	t.is(r.requests[0]!.via, 'Headless');
	t.true(livePods(state, 'hello-node-').some(p => p.podIP === r.requests[0]!.endpoint!.ip));
});

test('a port the Service does not have times out with a hint', t => {
	const state = boot(input());
	const r = requests(run(state, curl('hello-node-svc:8080')).results[0]!);
	t.is(r.requests[0]!.outcome, 'timeout');
	t.regex(r.requests[0]!.reason, /hello-node-svc has no port 8080 on .* \(ports: 80\/TCP\)/);
});

test('NXDOMAIN for an unknown name, and an error for an unknown client', t => {
	const state = boot(input());
	t.deepEqual(outcome(requests(run(state, curl('nope')).results[0]!)), ['nxdomain: NXDOMAIN: nope not found']);
	const bad = run(state, curl('hello-node-svc', {kind: 'external', name: 'laptop'}));
	t.deepEqual(bad.results[0], {kind: 'error', message: 'error: unknown client "laptop" (known: pod/NAME, node/NAME, external)'});
});

test('a request from a pod in another namespace reaches the Service by <svc>.<ns>', t => {
	const other = {...helloRC, meta: {...helloRC.meta, name: 'client', namespace: 'other'}, replicas: 1};
	const state = boot(input({namespaces: [{name: 'other'}], workloads: [helloRC, other]}));
	const client = livePods(state, 'client-')[0]!;
	const from = {kind: 'pod', name: client.name, namespace: 'other'};
	t.is(requests(run(state, curl('hello-node-svc', from)).results[0]!).requests[0]!.outcome, 'nxdomain');
	t.is(requests(run(state, curl('hello-node-svc.default', from)).results[0]!).requests[0]!.outcome, 'ok');
});

test('S86: a pod published while its container is down (publishNotReadyAddresses) refuses the connection (found by the property tests)', t => {
	let state = boot(input({services: [service('all', {publishNotReadyAddresses: true})]}));
	for (const pod of livePods(state, 'hello-node-')) state = run(state, {type: 'podCrashed', namespace: 'default', name: pod.name}).state;
	// Still listed as ready (S72), so kube-proxy still sends connections there; nothing accepts them.
	t.is(listRows(getRow(state.endpoints, 'default/all')!.addresses).filter(a => a.ready).length, 3);
	const r = requests(run(state, curl('all')).results[0]!);
	t.is(r.requests[0]!.outcome, 'refused');
	t.regex(r.requests[0]!.reason, /^pod hello-node-\w+ is not running: nothing accepts connections on 10\.244\.\d+\.\d+:8080$/);
	t.not(r.requests[0]!.endpoint, null);
	// A direct connection to the crashed pod's IP (its sandbox keeps it) is refused the same way.
	const ip = livePods(state, 'hello-node-')[0]!.podIP!;
	t.is(requests(run(state, curl(`${ip}:8080`)).results[0]!).requests[0]!.outcome, 'refused');
	// Once the containers are back, the same requests succeed.
	state = run(state, wait(5)).state;
	t.is(requests(run(state, curl('all')).results[0]!).requests[0]!.outcome, 'ok');
});

test("internalTrafficPolicy Local: this node's serving-and-terminating endpoint takes traffic while only other nodes have ready ones (CategorizeEndpoints; found by the property tests)", t => {
	let state = boot(input({services: [service('local', {internalTrafficPolicy: 'Local'})]}));
	const client = getRow(state.pods, listKeys(state.pods).find(k => getRow(state.pods, k)!.nodeName === 'node-1' && k.startsWith('default/hello-node-'))!)!;
	state = run(state, {type: 'podDeleted', namespace: 'default', name: client.name}).state;
	// The replacement lands on another node (or is not ready yet): node-1 has only the terminating pod.
	const onNode1 = listRows(getRow(state.endpoints, 'default/local')!.addresses).filter(a => a.nodeName === 'node-1');
	t.deepEqual(
		onNode1.map(a => [a.podName, a.ready, a.serving, a.terminating]),
		[[client.name, false, true, true]],
	);
	const r = requests(run(state, curl('local')).results[0]!).requests[0]!;
	t.is(r.outcome, 'ok');
	t.is(r.endpoint!.pod, client.name);
	t.is(r.reason, 'iptables random, 1 of 1, internalTrafficPolicy: Local, terminating endpoint (no ready ones on node-1)');
});

test('E1: each node’s IPVS table keeps its own round-robin cursor (pkg/proxy/ipvs/proxier.go: every kube-proxy programs its own virtual server, scheduler rr)', t => {
	const state = boot(input({config: {proxyMode: 'ipvs'}}));
	const [one, two] = Object.values(state.nodes);
	if (!one || !two) return t.fail('two nodes');
	const through = (node: typeof one, count: number) => curl(`${node.internalIP}:30036`, {kind: 'external'}, count);
	const after = run(state, through(one, 2), through(two, 3), through(one, 1));
	const [viaOne, viaTwo, backToOne] = after.results.map(r => requests(r).requests.map(x => x.endpoint!.ip));
	// The second node's table starts at its own first entry, whatever the first node did.
	t.deepEqual(viaTwo, [viaOne![0], viaOne![1], viaTwo![2]]);
	t.is(new Set(viaTwo).size, 3);
	// Back through the first node: its cursor went on from where it stopped (the third endpoint).
	t.deepEqual(backToOne, [viaTwo![2]]);
});

test('S90 (proxier.go, route_localnet): 127.0.0.1:nodePort from a node reaches the Service in iptables mode; in IPVS mode nothing listens there', t => {
	const state = boot(input());
	const [viaLoopback] = requests(run(state, curl('127.0.0.1:30036', {kind: 'node', name: 'node-2'})).results[0]!).requests;
	t.is(viaLoopback!.outcome, 'ok');
	t.is(viaLoopback!.via, 'NodePort');
	t.is(viaLoopback!.source!.snat, 'node-2');
	const ipvs = boot(input({config: {proxyMode: 'ipvs'}}));
	const [refused] = requests(run(ipvs, curl('127.0.0.1:30036', {kind: 'node', name: 'node-2'})).results[0]!).requests;
	t.is(refused!.outcome, 'refused');
	t.is(refused!.reason, 'nothing listens on 127.0.0.1:30036 on node-2: in IPVS mode kube-proxy does not accept node ports on localhost');
	// A port nothing on the node owns is refused at once, not dropped.
	t.is(requests(run(state, curl('127.0.0.1:31999', {kind: 'node', name: 'node-2'})).results[0]!).requests[0]!.outcome, 'refused');
});

// kubernetes/website docs/reference/networking/virtual-ips.md, "Migrating from iptables mode to
// nftables": nftables has no route_localnet, so localhost node ports are not served; endpoints are
// picked at random as in iptables mode (pkg/proxy/nftables/proxier.go, numgen random mod N).
test('proxyMode nftables: the same routing as iptables, endpoints at random, but 127.0.0.1:nodePort from a node is refused', t => {
	const state = boot(input({config: {proxyMode: 'nftables'}}));
	t.is(state.config.proxyMode, 'nftables');
	const [refused] = requests(run(state, curl('127.0.0.1:30036', {kind: 'node', name: 'node-2'})).results[0]!).requests;
	t.is(refused!.outcome, 'refused');
	t.is(refused!.reason, 'nothing listens on 127.0.0.1:30036 on node-2: in nftables mode kube-proxy does not accept node ports on localhost');
	const node = Object.values(state.nodes)[0]!;
	const [viaNodeIP] = requests(run(state, curl(`${node.internalIP}:30036`, {kind: 'external'})).results[0]!).requests;
	t.is(viaNodeIP!.outcome, 'ok', "the node port on the node's own address still answers");
	const [byVIP] = requests(run(state, curl('hello-node-svc')).results[0]!).requests;
	t.is(byVIP!.outcome, 'ok');
	t.regex(byVIP!.reason ?? '', /^nftables random, 1 of 3\b/);
	// The same seed picks the same pods as iptables mode: the same random draw, the same rule.
	const picks = (mode: 'iptables' | 'nftables') =>
		requests(run(boot(input({config: {proxyMode: mode}})), curl('hello-node-svc', undefined, 20)).results[0]!).requests.map(r => r.endpoint!.pod);
	t.deepEqual(picks('nftables'), picks('iptables'));
});

test('a pod’s loopback is its own: connection refused unless one of its containers listens on the port', t => {
	const state = boot(input());
	const pod = livePods(state, 'hello-node-')[0]!;
	const from = {kind: 'pod', name: pod.name, namespace: 'default'};
	const [own] = requests(run(state, curl('127.0.0.1:8080', from)).results[0]!).requests;
	t.is(own!.outcome, 'ok');
	t.deepEqual(own!.endpoint, {pod: pod.name, ip: '127.0.0.1', port: 8080, node: pod.nodeName});
	// The node port is the node's, not the pod's: refused, not a timeout.
	const [nodePort] = requests(run(state, curl('127.0.0.1:30036', from)).results[0]!).requests;
	t.is(nodePort!.outcome, 'refused');
	t.is(nodePort!.reason, `nothing listens on 127.0.0.1:30036 in pod ${pod.name}: a pod's loopback is its own, and no container of it listens on port 30036`);
	// The default client runs no server at all.
	t.is(requests(run(state, curl('127.0.0.1:8080')).results[0]!).requests[0]!.outcome, 'refused');
});

test('hostNetwork: endpoints carry the node IP, and NODEIP:containerPort reaches the pod straight from a pod, a node and outside; its loopback too, from that node', t => {
	const agentSvc = service('agent', {selector: {app: 'agent'}, ports: [{name: 'metrics', protocol: 'TCP', port: 9100, targetPort: 9100}]});
	let state = boot(
		input({workloads: [helloRC, hostAgent(3)], services: [helloSvc, agentSvc], config: {externalClients: [{name: 'laptop', ip: '198.51.100.7'}]}}),
	);
	const nodeIPs = Object.values(state.nodes)
		.map(n => n.internalIP)
		.sort();
	t.deepEqual(readyIPs(state, 'default/agent'), nodeIPs);
	const agent = livePods(state, 'agent-')[0]!;
	const node = state.nodes[agent.nodeName!]!;
	for (const from of [{kind: 'default'}, {kind: 'node', name: Object.keys(state.nodes)[2]}, {kind: 'external'}]) {
		const [trace] = requests(run(state, curl(`${node.internalIP}:9100`, from)).results[0]!).requests;
		t.like(trace, {outcome: 'ok', via: 'PodIP', endpoint: {pod: agent.name, ip: node.internalIP, port: 9100, node: node.name}}, JSON.stringify(from));
		t.is(trace!.reason, `hostNetwork pod ${agent.name} listens on its node's addresses, no proxy involved`);
	}
	const [local] = requests(run(state, curl('127.0.0.1:9100', {kind: 'node', name: node.name})).results[0]!).requests;
	t.like(local, {outcome: 'ok', endpoint: {pod: agent.name, node: node.name}});
	// A port nothing declares is still refused, and a nodePort wins over the node's own sockets.
	t.deepEqual(outcome(requests(run(state, curl(`${node.internalIP}:9101`)).results[0]!)), [
		`refused: nothing listens on ${node.internalIP}:9101 (no Service has nodePort 9101)`,
	]);
	t.is(requests(run(state, curl(`${node.internalIP}:30036`)).results[0]!).requests[0]!.via, 'NodePort');
	// Through the Service: kube-proxy DNATs to the node IP and the container's port.
	const [viaService] = requests(run(state, curl('agent:9100')).results[0]!).requests;
	t.like(viaService, {outcome: 'ok', via: 'ClusterIP'});
	t.true(nodeIPs.includes(viaService!.endpoint!.ip));
	// A crashed container: the node answers, nothing listens.
	state = run(state, {type: 'podCrashed', namespace: 'default', name: agent.name}).state;
	t.deepEqual(outcome(requests(run(state, curl(`${node.internalIP}:9100`)).results[0]!)), [
		`refused: pod ${agent.name} is not running: nothing accepts connections on ${node.internalIP}:9100`,
	]);
});
