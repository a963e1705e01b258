// Probes as `kubectl describe` prints them (kubernetes/kubectl pkg/describe/describe.go
// DescribeProbe and describeContainerProbe, release-1.34) and as `-o json|yaml` carries them
// (k8s.io/api core/v1 Probe with pkg/apis/core/v1/defaults.go SetDefaults_Probe and
// SetDefaults_HTTPGetAction). The expected texts follow DescribeProbe's format strings:
// `http-get <url.URL.String()>`, `exec %v`, `tcp-socket %s:%s`, `grpc <pod>:%d %s`, `unknown`.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {Probe} from '../../source/sim/index.js';
import {describeProbe} from '../../source/view/describe-containers.js';
import {bootSources} from '../session/sample-state.js';

const timing = {initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3};
const ATTRS = 'delay=0s timeout=1s period=10s #success=1 #failure=3';
const probe = (handler: Partial<Probe>): Probe => ({...timing, ...handler});

test('DescribeProbe: http-get builds the URL as net/url does (scheme lowered, JoinHostPort, escaped path)', t => {
	const http = (httpGet: Probe['httpGet']) => describeProbe(probe({httpGet}));
	t.is(http({path: '/healthz', port: 8080, scheme: 'HTTP'}), `http-get http://:8080/healthz ${ATTRS}`);
	t.is(http({path: '/stats', port: 'metrics', host: '10.0.0.1', scheme: 'HTTPS'}), `http-get https://10.0.0.1:metrics/stats ${ATTRS}`);
	// net.JoinHostPort brackets a host with a colon.
	t.is(http({path: '/', port: 8080, host: 'fd00::1', scheme: 'HTTP'}), `http-get http://[fd00::1]:8080/ ${ATTRS}`);
	// encodePath escapes `?` and spaces; URL.String adds the slash a host needs before a relative path.
	t.is(http({path: 'ready?full=1', port: 80, scheme: 'HTTP'}), `http-get http://:80/ready%3Ffull=1 ${ATTRS}`);
	t.is(http({path: '/a b/ü', port: 80, scheme: 'HTTP'}), `http-get http://:80/a%20b/%C3%BC ${ATTRS}`);
});

test('DescribeProbe: exec as %v of the command, tcp-socket host:port, grpc with its (defaulted) service', t => {
	t.is(describeProbe(probe({exec: {command: ['cat', '/tmp/ready']}})), `exec [cat /tmp/ready] ${ATTRS}`);
	t.is(describeProbe(probe({tcpSocket: {port: 8080}})), `tcp-socket :8080 ${ATTRS}`);
	t.is(describeProbe(probe({tcpSocket: {port: 'db', host: 'db.local'}})), `tcp-socket db.local:db ${ATTRS}`);
	// *probe.GRPC.Service is "" by default: two spaces before delay=.
	t.is(describeProbe(probe({grpc: {port: 9090, service: ''}})), `grpc <pod>:9090  ${ATTRS}`);
	t.is(describeProbe(probe({grpc: {port: 9090, service: 'health'}})), `grpc <pod>:9090 health ${ATTRS}`);
	t.is(
		describeProbe({exec: {command: []}, initialDelaySeconds: 5, timeoutSeconds: 3, periodSeconds: 7, successThreshold: 2, failureThreshold: 4}),
		'exec [] delay=5s timeout=3s period=7s #success=2 #failure=4',
	);
	t.is(describeProbe(probe({})), `unknown ${ATTRS}`);
});

const POD = [
	'apiVersion: v1',
	'kind: Pod',
	'metadata: {name: probed, labels: {app: p}}',
	'spec:',
	'  containers:',
	'  - name: app',
	'    image: nginx:1.25',
	'    ports: [{name: http, containerPort: 8080}]',
	'    startupProbe:',
	'      tcpSocket: {port: http}',
	'      failureThreshold: 30',
	'    readinessProbe:',
	'      grpc: {port: 9090}',
	'      initialDelaySeconds: 0',
	'      periodSeconds: 0',
	'    livenessProbe:',
	'      exec: {command: [cat, /tmp/healthy]}',
	'      initialDelaySeconds: 5',
	'      timeoutSeconds: 2',
	'  - name: side',
	'    image: busybox',
	'    readinessProbe:',
	'      httpGet: {port: 8081, httpHeaders: [{name: X-Probe, value: "1"}]}',
].join('\n');

test('describe pod: Liveness, Readiness, Startup in describeContainerProbe order, defaults filled', t => {
	const state = bootSources([{name: 'pod.yaml', text: POD}]);
	const out = execute(state, 'describe pod probed').out;
	const probes = out.filter(line => /^ {4}(Liveness|Readiness|Startup):/.test(line));
	t.deepEqual(probes, [
		'    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=2s period=10s #success=1 #failure=3',
		'    Readiness:      grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=3',
		'    Startup:        tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=30',
		'    Readiness:      http-get http://:8081/ delay=0s timeout=1s period=10s #success=1 #failure=3',
	]);
});

test('-o json: the probes as the API server returns them (defaults filled, initialDelaySeconds 0 omitted)', t => {
	const state = bootSources([{name: 'pod.yaml', text: POD}]);
	const pod = JSON.parse(execute(state, 'get pod probed -o json').out.join('\n'));
	const [app, side] = pod.spec.containers;
	t.deepEqual(app.livenessProbe, {
		exec: {command: ['cat', '/tmp/healthy']},
		failureThreshold: 3,
		initialDelaySeconds: 5,
		periodSeconds: 10,
		successThreshold: 1,
		timeoutSeconds: 2,
	});
	t.deepEqual(app.readinessProbe, {failureThreshold: 3, grpc: {port: 9090, service: ''}, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1});
	t.deepEqual(app.startupProbe, {failureThreshold: 30, periodSeconds: 10, successThreshold: 1, tcpSocket: {port: 'http'}, timeoutSeconds: 1});
	t.deepEqual(side.readinessProbe, {
		failureThreshold: 3,
		httpGet: {httpHeaders: [{name: 'X-Probe', value: '1'}], path: '/', port: 8081, scheme: 'HTTP'},
		periodSeconds: 10,
		successThreshold: 1,
		timeoutSeconds: 1,
	});
	// Keys as the API's encoder sorts them.
	t.deepEqual(Object.keys(side.readinessProbe.httpGet), ['httpHeaders', 'path', 'port', 'scheme']);
});

test('-o yaml of a Deployment carries its template probe the same way', t => {
	const text = [
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata: {name: web}',
		'spec:',
		'  selector: {matchLabels: {app: web}}',
		'  template:',
		'    metadata: {labels: {app: web}}',
		'    spec:',
		'      containers:',
		'      - name: web',
		'        image: nginx',
		'        readinessProbe: {httpGet: {path: /healthz, port: 8080, scheme: HTTPS}, periodSeconds: 5}',
	].join('\n');
	const out = execute(bootSources([{name: 'd.yaml', text}]), 'get deploy web -o yaml').out;
	const from = out.indexOf('        readinessProbe:');
	t.deepEqual(out.slice(from, from + 9), [
		'        readinessProbe:',
		'          failureThreshold: 3',
		'          httpGet:',
		'            path: /healthz',
		'            port: 8080',
		'            scheme: HTTPS',
		'          periodSeconds: 5',
		'          successThreshold: 1',
		'          timeoutSeconds: 1',
	]);
});

test('a dump round-trips: each recorded probe comes back from -o json as the API server returned it', t => {
	const text = readFileSync('test/fixtures/dump/cluster.json', 'utf8');
	const state = bootSources([{name: 'cluster.json', text}]);
	const pods = (
		JSON.parse(text).items as Array<{kind: string; metadata: {name: string; namespace: string}; spec: {containers: Array<Record<string, unknown>>}}>
	).filter(item => item.kind === 'Pod' && item.spec.containers.some(c => c.readinessProbe));
	t.true(pods.length > 0);
	for (const pod of pods) {
		const shown = JSON.parse(execute(state, `get pod ${pod.metadata.name} -n ${pod.metadata.namespace} -o json`).out.join('\n'));
		for (const [i, container] of pod.spec.containers.entries()) {
			for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
				t.deepEqual(shown.spec.containers[i][key], container[key], `${pod.metadata.name} ${key}`);
			}
		}
	}
});
