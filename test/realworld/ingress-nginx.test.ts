// #6 ingress-nginx (cloud provider deploy.yaml, controller v1.15.1): a LoadBalancer with named
// targetPorts http/https, appProtocol and externalTrafficPolicy: Local, plus the admission
// webhook's ClusterIP Service (targetPort `webhook`), both over one controller pod.
import test from 'ava';
import {isDynamicClusterIP, isDynamicNodePort, loadCluster, parsePorts, parseTable, podIPs, rowsByName, type Session, session, snatHop} from './helpers.js';

const cluster = loadCluster('ingress-nginx-cloud-deploy.yaml');
const NS = 'ingress-nginx';

function controllerPod(s: Session) {
	const pods = podIPs(s, NS);
	const names = Object.keys(pods);
	if (names.length !== 1) throw new Error(`one controller pod expected: ${names.join(', ')}`);
	return {name: names[0]!, ...pods[names[0]!]!};
}

const nodeIPs = (s: Session): Record<string, string> => Object.fromEntries(parseTable(s.out('get nodes -o wide')).map(r => [r.NAME!, r['INTERNAL-IP']!]));

function nodePorts(s: Session) {
	const row = rowsByName(s.out(`get svc ingress-nginx-controller -n ${NS}`))['ingress-nginx-controller']!;
	const [http, https] = parsePorts(row['PORT(S)']!);
	return {http: http!.nodePort!, https: https!.nodePort!, vip: row['CLUSTER-IP']!};
}

test('19 documents: 15 skipped by kind, the Namespace used; no warnings; nothing to lint', t => {
	t.is(
		cluster.skipped,
		'skipped: 2 ClusterRole, 2 ClusterRoleBinding, 2 Job, 2 Role, 2 RoleBinding, 2 ServiceAccount, 1 ConfigMap, 1 IngressClass, 1 ValidatingWebhookConfiguration',
	);
	t.deepEqual(cluster.warnings, []);
	t.deepEqual(cluster.lint, []);
});

test('get svc -A: a pending LoadBalancer with two nodePorts and the admission ClusterIP', t => {
	const rows = rowsByName(session(cluster.state).out('get svc -A'));
	const lb = rows[`${NS}/ingress-nginx-controller`]!;
	t.like(lb, {TYPE: 'LoadBalancer', 'EXTERNAL-IP': '<pending>'});
	t.true(isDynamicClusterIP(lb['CLUSTER-IP']!));
	const ports = parsePorts(lb['PORT(S)']!);
	t.deepEqual(
		ports.map(p => `${p.port}/${p.protocol}`),
		['80/TCP', '443/TCP'],
	);
	t.true(ports.every(p => isDynamicNodePort(p.nodePort!)));
	t.not(ports[0]!.nodePort, ports[1]!.nodePort);
	const admission = rows[`${NS}/ingress-nginx-controller-admission`]!;
	t.like(admission, {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '443/TCP'});
	t.true(isDynamicClusterIP(admission['CLUSTER-IP']!));
});

test('get ep: the named targetPorts resolve on the pod: http → 80, https → 443, webhook → 8443', t => {
	const s = session(cluster.state);
	const pod = controllerPod(s);
	t.regex(pod.name, /^ingress-nginx-controller-[a-z0-9]{8,10}-[a-z0-9]{5}$/);
	t.is(pod.ready, '1/1');
	t.deepEqual(
		s.out(`get ep -n ${NS}`).map(l => l.replace(/\s+/g, ' ').trim()),
		['NAME ENDPOINTS AGE', `ingress-nginx-controller ${pod.ip}:80,${pod.ip}:443 0s`, `ingress-nginx-controller-admission ${pod.ip}:8443 0s`],
	);
});

test('describe svc: named targetPorts, appProtocol, ETP Local and its healthCheckNodePort', t => {
	const s = session(cluster.state);
	const pod = controllerPod(s);
	const {http, https, vip} = nodePorts(s);
	const out = s.out(`describe svc ingress-nginx-controller -n ${NS}`);
	const health = Number(/^HealthCheck NodePort:\s+(\d+)$/m.exec(out.join('\n'))![1]);
	// B3: ETP Local on a LoadBalancer allocates a healthCheckNodePort from the same range.
	t.true(isDynamicNodePort(health));
	t.false([http, https].includes(health));
	t.deepEqual(out, [
		'Name:                     ingress-nginx-controller',
		'Namespace:                ingress-nginx',
		'Labels:                   app.kubernetes.io/component=controller',
		'                          app.kubernetes.io/instance=ingress-nginx',
		'                          app.kubernetes.io/name=ingress-nginx',
		'                          app.kubernetes.io/part-of=ingress-nginx',
		'                          app.kubernetes.io/version=1.15.1',
		'Annotations:              <none>',
		'Selector:                 app.kubernetes.io/component=controller,app.kubernetes.io/instance=ingress-nginx,app.kubernetes.io/name=ingress-nginx',
		'Type:                     LoadBalancer',
		'IP Family Policy:         SingleStack',
		'IP Families:              IPv4',
		`IP:                       ${vip}`,
		`IPs:                      ${vip}`,
		'Port:                     http  80/TCP',
		'TargetPort:               http/TCP',
		'AppProtocol:              http',
		`NodePort:                 http  ${http}/TCP`,
		`Endpoints:                ${pod.ip}:80`,
		'Port:                     https  443/TCP',
		'TargetPort:               https/TCP',
		'AppProtocol:              https',
		`NodePort:                 https  ${https}/TCP`,
		`Endpoints:                ${pod.ip}:443`,
		'Session Affinity:         None',
		'External Traffic Policy:  Local',
		'Internal Traffic Policy:  Cluster',
		`HealthCheck NodePort:     ${health}`,
		'Events:                   <none>',
	]);
});

test('E5/S91: from outside, only the node running the controller answers; the others drop the traffic', t => {
	const s = session(cluster.state);
	const pod = controllerPod(s);
	const nodes = nodeIPs(s);
	const {http, https} = nodePorts(s);
	for (const [node, ip] of Object.entries(nodes)) {
		for (const [nodePort, target] of [
			[http, 80],
			[https, 443],
		] as const) {
			const expected =
				node === pod.node
					? `NodePort ${ip}:${nodePort} → ${pod.name} ${pod.ip}:${target} on ${pod.node} → source 198.51.100.7 (client IP kept) → ok (iptables random, 1 of 1, externalTrafficPolicy: Local)`
					: `timed out: externalTrafficPolicy: Local and no ready endpoint on ${node}`;
			t.deepEqual(
				s.out(`curl ${ip}:${nodePort} --from external`),
				[`external/external (198.51.100.7) → ${ip}:${nodePort} → ${expected}`],
				`${node}:${nodePort}`,
			);
		}
	}
});

test('S91: a node’s own traffic to its node port is short-circuited; another node’s is treated as external', t => {
	const s = session(cluster.state);
	const pod = controllerPod(s);
	const nodes = nodeIPs(s);
	const {http} = nodePorts(s);
	const [away] = Object.keys(nodes).filter(n => n !== pod.node);
	// The node's own connection is masqueraded to its address (kube-proxy: Local keeps only outside clients' addresses).
	const landed = `→ ${pod.name} ${pod.ip}:80 on ${pod.node} ${snatHop({name: away!, ip: nodes[away!]!}, pod, 'from the node itself')} → ok (iptables random, 1 of 1)`;
	t.deepEqual(s.out(`curl ${nodes[away!]}:${http} --from node/${away}`), [
		`node/${away} (${nodes[away!]}) → ${nodes[away!]}:${http} → NodePort ${nodes[away!]}:${http} ${landed}`,
	]);
	t.deepEqual(s.out(`curl ${nodes[away!]}:${http} --from node/${pod.node}`), [
		`node/${pod.node} (${nodes[pod.node]}) → ${nodes[away!]}:${http} → timed out: externalTrafficPolicy: Local and no ready endpoint on ${away}`,
	]);
	t.deepEqual(s.out(`curl ${nodes[pod.node]}:${http} --from node/${away}`), [
		`node/${away} (${nodes[away!]}) → ${nodes[pod.node]}:${http} → NodePort ${nodes[pod.node]}:${http} → ${pod.name} ${pod.ip}:80 on ${pod.node} → source ${nodes[away!]} (client IP kept) → ok (iptables random, 1 of 1, externalTrafficPolicy: Local)`,
	]);
});

test('in the cluster: the controller and the webhook by <svc>.<ns>, http and https; the short name only from its namespace', t => {
	const s = session(cluster.state);
	const pod = controllerPod(s);
	const {vip} = nodePorts(s);
	const client = s.out('curl ingress-nginx-controller.ingress-nginx')[0]!.split(' → ')[0];
	t.deepEqual(s.out('curl https://ingress-nginx-controller.ingress-nginx/healthz'), [
		`${client} → https://ingress-nginx-controller.ingress-nginx/healthz → A ${vip} → ClusterIP ${vip}:443 → ${pod.name} ${pod.ip}:443 on ${pod.node} → ok (iptables random, 1 of 1)`,
	]);
	t.regex(
		s.out('curl ingress-nginx-controller-admission.ingress-nginx:443')[0]!,
		new RegExp(`→ ${pod.name} ${pod.ip.replace(/\./g, '\\.')}:8443 on ${pod.node} → ok`),
	);
	t.deepEqual(s.out('nslookup ingress-nginx-controller').slice(3), ["** server can't find ingress-nginx-controller: NXDOMAIN", '']);
	t.deepEqual(s.out(`nslookup ingress-nginx-controller -n ${NS}`).slice(3), [
		'Name:\tingress-nginx-controller.ingress-nginx.svc.cluster.local',
		`Address: ${vip}`,
		'',
	]);
});
