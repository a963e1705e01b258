// #15 kubectl's own test list (kubernetes/kubernetes hack/testdata/list.yaml): a `kind: List`
// with one ClusterIP Service (no port name, no targetPort) and an nginx Deployment whose
// container declares no ports. A numeric targetPort needs no declared containerPort (S73).
import test from 'ava';
import {isDynamicClusterIP, loadCluster, podIPs, rowsByName, session} from './helpers.js';

const cluster = loadCluster('kubectl-list.yaml');

test('loads clean; check only notes that port 80 is not declared by the container', t => {
	t.deepEqual(cluster.warnings, []);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, [
		'kubectl-list.yaml:7:11: warning: Service "list-service-test" port 80: targetPort 80 is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on 80)',
	]);
});

test('get svc and -o yaml: an unnamed port whose targetPort defaulted to 80', t => {
	const s = session(cluster.state);
	const row = rowsByName(s.out('get svc'))['list-service-test']!;
	t.like(row, {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '80/TCP'});
	t.true(isDynamicClusterIP(row['CLUSTER-IP']!));
	const yaml = s.out('get svc list-service-test -o yaml').join('\n');
	t.true(
		yaml.includes(
			'\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: list-deployment-test\n  sessionAffinity: None\n  type: ClusterIP\n',
		),
	);
});

test('the Deployment runs one pod; the Service reaches it on 80 though no containerPort says so', t => {
	const s = session(cluster.state);
	t.deepEqual(
		s.out('get deploy').map(l => l.replace(/\s+/g, ' ')),
		['NAME READY UP-TO-DATE AVAILABLE AGE', 'list-deployment-test 1/1 1 1 0s'],
	);
	const pods = podIPs(s);
	const [name] = Object.keys(pods);
	t.regex(name!, /^list-deployment-test-[a-z0-9]{8,10}-[a-z0-9]{5}$/);
	const pod = pods[name!]!;
	t.is(rowsByName(s.out('get ep'))['list-service-test']!.ENDPOINTS, `${pod.ip}:80`);
	const vip = rowsByName(s.out('get svc'))['list-service-test']!['CLUSTER-IP'];
	const client = s.out('curl list-service-test')[0]!.split(' → ')[0];
	t.deepEqual(s.out('curl list-service-test'), [
		`${client} → list-service-test → A ${vip} → ClusterIP ${vip}:80 → ${name} ${pod.ip}:80 on ${pod.node} → ok (iptables random, 1 of 1)`,
	]);
	t.deepEqual(
		s.out('describe svc list-service-test').filter(l => /^(Port|TargetPort|Endpoints):/.test(l)),
		['Port:                     <unset>  80/TCP', 'TargetPort:               80/TCP', `Endpoints:                ${pod.ip}:80`],
	);
});
