// #9 kube-prometheus's prometheus-k8s Service alone: ClientIP affinity, two named targetPorts, a
// namespace no document defines, and a selector that matches nothing (the operator would create
// the pods). DNS still answers (H8); connections are refused (E2, S88).
import test from 'ava';
import {isDynamicClusterIP, loadCluster, parseTable, rowsByName, session} from './helpers.js';

const cluster = loadCluster('kube-prometheus-prometheus-service.yaml');
const FQDN = 'prometheus-k8s.monitoring.svc.cluster.local';
const SELECTOR =
	'app.kubernetes.io/component=prometheus,app.kubernetes.io/instance=k8s,app.kubernetes.io/name=prometheus,app.kubernetes.io/part-of=kube-prometheus';

const vipOf = (s: ReturnType<typeof session>) => rowsByName(s.out('get svc -n monitoring'))['prometheus-k8s']!['CLUSTER-IP']!;

test('the loader creates the undefined namespace with a warning; check flags the empty selector', t => {
	t.deepEqual(cluster.warnings, ['kube-prometheus-prometheus-service.yaml:11:14: warning: namespace "monitoring" is not defined by any document; creating it']);
	t.is(cluster.skipped, null);
	t.deepEqual(cluster.lint, [
		`kube-prometheus-prometheus-service.yaml:21:5: warning: Service "prometheus-k8s" selects no pods: no pod in namespace "monitoring" has labels ${SELECTOR}, so it has no endpoints and connections are refused`,
	]);
});

test('get svc -A: a ClusterIP Service with two ports in monitoring; get ep: <none>', t => {
	const s = session(cluster.state);
	const row = rowsByName(s.out('get svc -A'))['monitoring/prometheus-k8s']!;
	t.like(row, {TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '9090/TCP,8080/TCP'});
	t.true(isDynamicClusterIP(row['CLUSTER-IP']!));
	t.deepEqual(s.out('get ep -n monitoring'), ['NAME             ENDPOINTS   AGE', 'prometheus-k8s   <none>      0s']);
	// S78, S123: the controller still keeps one empty placeholder slice.
	t.deepEqual(
		parseTable(s.out('get endpointslices -n monitoring')).map(r => [r.NAME!.replace(/-[a-z0-9]{5}$/, '-*'), r.PORTS, r.ENDPOINTS]),
		[['prometheus-k8s-*', '<unset>', '<unset>']],
	);
	t.deepEqual(
		parseTable(s.out('get pods -A')).filter(r => r.NAMESPACE === 'monitoring'),
		[],
	);
});

test('describe svc: named targetPorts, empty Endpoints (S124), ClientIP affinity with the default 3 h timeout', t => {
	const s = session(cluster.state);
	const vip = vipOf(s);
	t.deepEqual(s.out('describe svc prometheus-k8s -n monitoring'), [
		'Name:                     prometheus-k8s',
		'Namespace:                monitoring',
		'Labels:                   app.kubernetes.io/component=prometheus',
		'                          app.kubernetes.io/instance=k8s',
		'                          app.kubernetes.io/name=prometheus',
		'                          app.kubernetes.io/part-of=kube-prometheus',
		'                          app.kubernetes.io/version=3.13.2',
		'Annotations:              <none>',
		`Selector:                 ${SELECTOR}`,
		'Type:                     ClusterIP',
		'IP Family Policy:         SingleStack',
		'IP Families:              IPv4',
		`IP:                       ${vip}`,
		`IPs:                      ${vip}`,
		'Port:                     web  9090/TCP',
		'TargetPort:               web/TCP',
		'Endpoints:                ',
		'Port:                     reloader-web  8080/TCP',
		'TargetPort:               reloader-web/TCP',
		'Endpoints:                ',
		'Session Affinity:         ClientIP',
		'Internal Traffic Policy:  Cluster',
		'Events:                   <none>',
	]);
	// A10, S2: timeoutSeconds defaulted to 10800.
	t.regex(
		s.out('get svc prometheus-k8s -n monitoring -o yaml').join('\n'),
		/\n {2}sessionAffinity: ClientIP\n {2}sessionAffinityConfig:\n {4}clientIP:\n {6}timeoutSeconds: 10800\n/,
	);
});

test('H8: DNS answers the ClusterIP although nothing is behind it; SRV for both named ports', t => {
	const s = session(cluster.state);
	const vip = vipOf(s);
	t.deepEqual(s.out('nslookup prometheus-k8s.monitoring').slice(3), [`Name:\t${FQDN}`, `Address: ${vip}`, '']);
	t.deepEqual(s.out('nslookup _web._tcp.prometheus-k8s.monitoring --type SRV').slice(3), [`_web._tcp.${FQDN}\tservice = 0 100 9090 ${FQDN}.`, '']);
	t.deepEqual(s.out('nslookup _reloader-web._tcp.prometheus-k8s.monitoring --type SRV').slice(3), [
		`_reloader-web._tcp.${FQDN}\tservice = 0 100 8080 ${FQDN}.`,
		'',
	]);
	// From a pod in the namespace the short name works (F5), with one NXDOMAIN first for <svc>.<ns>.
	t.deepEqual(s.out('nslookup prometheus-k8s.monitoring -n monitoring -v').slice(3, 6), [
		';; k8s-svc-tui: search path (ndots:5):',
		`;; k8s-svc-tui:   prometheus-k8s.monitoring.monitoring.svc.cluster.local: NXDOMAIN`,
		`;; k8s-svc-tui:   ${FQDN}: NOERROR`,
	]);
	t.deepEqual(s.out('nslookup prometheus-k8s -n monitoring').slice(3), [`Name:\t${FQDN}`, `Address: ${vip}`, '']);
});

test('E2/S88: both ports refuse connections at once, ClientIP affinity or not', t => {
	const s = session(cluster.state);
	const vip = vipOf(s);
	const client = s.out('curl prometheus-k8s.monitoring:9090')[0]!.split(' → ')[0];
	t.deepEqual(s.out('curl prometheus-k8s.monitoring:9090'), [
		`${client} → prometheus-k8s.monitoring:9090 → A ${vip} → ClusterIP ${vip}:9090 → connection refused: no ready endpoints`,
	]);
	t.deepEqual(s.out('curl prometheus-k8s.monitoring:8080 --count 4 --summary'), [
		'4 requests: 0 ok, 4 failed',
		'failures:',
		'  connection refused: no ready endpoints   4  100.0%  ##############################',
	]);
	t.regex(s.out('curl prometheus-k8s.monitoring')[0]!, /→ timed out: prometheus-k8s has no port 80 on \S+ \(ports: 9090\/TCP,8080\/TCP\)$/);
});
