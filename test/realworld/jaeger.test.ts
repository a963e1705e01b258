// #14 jaeger all-in-one (jaegertracing/jaeger-kubernetes, archived): a `kind: List` whose
// Deployment uses the removed extensions/v1beta1 API without a selector (A13), a LoadBalancer, a
// 3-port ClusterIP, and two headless Services, one of them with UDP ports.
import test from 'ava';
import {isDynamicClusterIP, isDynamicNodePort, loadCluster, parsePorts, parseTable, podIPs, rowsByName, type Session, session, snatHop} from './helpers.js';

const cluster = loadCluster('jaeger-all-in-one-list.yml');
const HEADER = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];

function jaegerPod(s: Session) {
	const pods = podIPs(s);
	const names = Object.keys(pods).filter(n => n.startsWith('jaeger-'));
	if (names.length !== 1) throw new Error(`one jaeger pod expected: ${names.join(', ')}`);
	return {name: names[0]!, ...pods[names[0]!]!};
}

test('the loader warns about extensions/v1beta1; check notes the two undeclared collector ports', t => {
	t.deepEqual(cluster.warnings, [
		'jaeger-all-in-one-list.yml:18:15: warning: Deployment "jaeger" uses extensions/v1beta1, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1',
	]);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, [
		'jaeger-all-in-one-list.yml:95:19: warning: Service "jaeger-collector" port "jaeger-collector-tchannel": targetPort 14267 is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on 14267)',
		'jaeger-all-in-one-list.yml:99:19: warning: Service "jaeger-collector" port "jaeger-collector-http": targetPort 14268 is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on 14268)',
	]);
});

test('get svc: LoadBalancer <pending>, a 3-port ClusterIP, two headless Services (UDP ports shown as such)', t => {
	const rows = rowsByName(session(cluster.state).out('get svc'));
	const query = rows['jaeger-query']!;
	t.like(query, {TYPE: 'LoadBalancer', 'EXTERNAL-IP': '<pending>'});
	const [port] = parsePorts(query['PORT(S)']!);
	t.like(port, {port: 80, protocol: 'TCP'});
	t.true(isDynamicNodePort(port!.nodePort!));
	t.like(rows['jaeger-collector'], {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '14267/TCP,14268/TCP,9411/TCP'});
	for (const name of ['jaeger-query', 'jaeger-collector']) t.true(isDynamicClusterIP(rows[name]!['CLUSTER-IP']!));
	t.like(rows['jaeger-agent'], {TYPE: 'ClusterIP', 'CLUSTER-IP': 'None', 'EXTERNAL-IP': '<none>', 'PORT(S)': '5775/UDP,6831/UDP,6832/UDP,5778/TCP'});
	t.like(rows.zipkin, {TYPE: 'ClusterIP', 'CLUSTER-IP': 'None', 'EXTERNAL-IP': '<none>', 'PORT(S)': '9411/TCP'});
});

test('A13: the legacy Deployment’s selector defaults to its template labels; one pod behind all four Services', t => {
	const s = session(cluster.state);
	t.deepEqual(
		s.out('get deploy -o wide').map(l => l.replace(/\s+/g, ' ')),
		[
			'NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR',
			'jaeger 1/1 1 1 0s jaeger jaegertracing/all-in-one app=jaeger,app.kubernetes.io/component=all-in-one,app.kubernetes.io/name=jaeger',
		],
	);
	const {ip} = jaegerPod(s);
	const ep = rowsByName(s.out('get ep'));
	t.is(ep['jaeger-query']!.ENDPOINTS, `${ip}:16686`);
	t.is(ep['jaeger-collector']!.ENDPOINTS, `${ip}:14267,${ip}:14268,${ip}:9411`);
	t.is(ep['jaeger-agent']!.ENDPOINTS, `${ip}:5775,${ip}:6831,${ip}:6832 + 1 more...`);
	t.is(ep.zipkin!.ENDPOINTS, `${ip}:9411`);
	t.regex(s.out('get ep jaeger-agent -o yaml').join('\n'), /- name: agent-compact\n {4}port: 6831\n {4}protocol: UDP\n/);
});

test('curl: jaeger-query’s port 80 → 16686 (in the cluster and through every nodePort), the collector by port', t => {
	const s = session(cluster.state);
	const pod = jaegerPod(s);
	const row = rowsByName(s.out('get svc jaeger-query'))['jaeger-query']!;
	const vip = row['CLUSTER-IP'];
	const nodePort = parsePorts(row['PORT(S)']!)[0]!.nodePort!;
	const client = s.out('curl jaeger-query')[0]!.split(' → ')[0];
	t.deepEqual(s.out('curl jaeger-query'), [
		`${client} → jaeger-query → A ${vip} → ClusterIP ${vip}:80 → ${pod.name} ${pod.ip}:16686 on ${pod.node} → ok (iptables random, 1 of 1)`,
	]);
	for (const row of parseTable(s.out('get nodes -o wide'))) {
		const node = row['INTERNAL-IP']!;
		const hop = snatHop({name: row.NAME!, ip: node}, pod, 'externalTrafficPolicy: Cluster');
		t.true(
			s
				.out(`curl ${node}:${nodePort} --from external`)[0]!
				.endsWith(`→ NodePort ${node}:${nodePort} → ${pod.name} ${pod.ip}:16686 on ${pod.node} ${hop} → ok (iptables random, 1 of 1)`),
		);
	}
	const collector = rowsByName(s.out('get svc jaeger-collector'))['jaeger-collector']!['CLUSTER-IP'];
	for (const port of [14267, 14268, 9411]) {
		t.true(
			s
				.out(`curl jaeger-collector:${port}`)[0]!
				.endsWith(`→ ClusterIP ${collector}:${port} → ${pod.name} ${pod.ip}:${port} on ${pod.node} → ok (iptables random, 1 of 1)`),
		);
	}
});

test('headless: zipkin and jaeger-agent resolve to the pod IP; SRV records carry the protocol (F3)', t => {
	const s = session(cluster.state);
	const pod = jaegerPod(s);
	const dashed = pod.ip.replace(/\./g, '-');
	t.deepEqual(s.out('nslookup zipkin'), [...HEADER, 'Name:\tzipkin.default.svc.cluster.local', `Address: ${pod.ip}`, '']);
	t.deepEqual(s.out('nslookup jaeger-agent'), [...HEADER, 'Name:\tjaeger-agent.default.svc.cluster.local', `Address: ${pod.ip}`, '']);
	const agent = 'jaeger-agent.default.svc.cluster.local';
	t.deepEqual(s.out('nslookup _agent-compact._udp.jaeger-agent --type SRV').slice(3), [
		`_agent-compact._udp.${agent}\tservice = 0 100 6831 ${dashed}.${agent}.`,
		'',
	]);
	t.deepEqual(s.out(`nslookup _agent-compact._tcp.${agent} --type SRV`).slice(3), [`** server can't find _agent-compact._tcp.${agent}: NXDOMAIN`, '']);
	// S106: the pod's own name under the headless Service is its dashed IP.
	t.deepEqual(s.out(`nslookup ${dashed}.zipkin`).slice(3), [`Name:\t${dashed}.zipkin.default.svc.cluster.local`, `Address: ${pod.ip}`, '']);
	t.deepEqual(s.out('curl zipkin:9411'), [
		`${s.out('curl zipkin:9411')[0]!.split(' → ')[0]} → zipkin:9411 → A ${pod.ip} → Headless ${pod.ip}:9411 → ${pod.name} ${pod.ip}:9411 on ${pod.node} → ok (headless: DNS returned pod IPs, no proxy involved)`,
	]);
});

test('readiness: a replacement pod joins every Service after its probe’s 5 s initial delay; headless DNS waits too', t => {
	const s = session(cluster.state);
	const old = jaegerPod(s);
	s.out(`delete pod ${old.name}`);
	s.out('wait 2s');
	const fresh = Object.entries(podIPs(s)).find(([n, p]) => n.startsWith('jaeger-') && p.status === 'Running')!;
	t.is(fresh[1].ready, '0/1');
	t.deepEqual(s.out('nslookup zipkin.default.svc.cluster.local').slice(3), ["** server can't find zipkin.default.svc.cluster.local: NXDOMAIN", '']);
	s.out('wait 5s');
	t.is(podIPs(s)[fresh[0]]!.ready, '1/1');
	t.is(rowsByName(s.out('get ep'))['jaeger-query']!.ENDPOINTS, `${fresh[1].ip}:16686`);
	t.deepEqual(s.out('nslookup zipkin').slice(3), ['Name:\tzipkin.default.svc.cluster.local', `Address: ${fresh[1].ip}`, '']);
});
