// Bare Pods: ValidatePodSpec's rules that matter here, and what a dump's status records.
import test from 'ava';
import {errorsOf, lines, load} from './helpers.js';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: mongo', 'spec:', ...spec);
const invalid = 'The Pod "mongo" is invalid: ';

test('a Pod needs containers, each with a name and an image', t => {
	t.deepEqual(errorsOf(pod('  hostname: db')), [`t.yaml:5:1: ${invalid}spec.containers: Required value`]);
	t.deepEqual(errorsOf(pod('  containers:', '  - name: mongo')), [`t.yaml:7:5: ${invalid}spec.containers[0].image: Required value`]);
	t.deepEqual(errorsOf(pod('  containers: []')), [`t.yaml:6:15: ${invalid}spec.containers: Required value`]);
});

test('Pod names are DNS-1123 subdomains (a leading digit and dots are fine)', t => {
	const named = (name: string) => lines('apiVersion: v1', 'kind: Pod', `metadata: {name: ${name}}`, 'spec: {containers: [{name: c, image: i}]}');
	t.deepEqual(errorsOf(named('1.mongo')), []);
	t.regex(errorsOf(named('Mongo'))[0]!, /^t\.yaml:3:18: The Pod "Mongo" is invalid: metadata\.name: Invalid value: "Mongo": a lowercase RFC 1123 subdomain/);
});

test('hostname, subdomain and nodeName rules; restartPolicy values', t => {
	const text = pod('  hostname: Web_0', '  subdomain: a.b', '  nodeName: Node_1', '  restartPolicy: Sometimes', '  containers: [{name: c, image: i}]');
	t.deepEqual(errorsOf(text), [
		`t.yaml:6:13: ${invalid}spec.hostname: Invalid value: "Web_0": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
		`t.yaml:7:14: ${invalid}spec.subdomain: Invalid value: "a.b": must not contain dots`,
		`t.yaml:8:13: ${invalid}spec.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
		`t.yaml:9:18: ${invalid}spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"`,
	]);
});

test('validateDNSPolicy, validatePullPolicy, the termination message policy and the service account name (pkg/apis/core/validation/validation.go)', t => {
	const text = pod(
		'  dnsPolicy: ClusterLast',
		'  serviceAccountName: Robot_1',
		'  containers:',
		'  - {name: c, image: i, imagePullPolicy: Sometimes, terminationMessagePolicy: Log}',
	);
	t.deepEqual(errorsOf(text), [
		// In ValidatePodSpec's order: the containers first, then dnsPolicy, then serviceAccountName.
		`t.yaml:9:42: ${invalid}spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`,
		`t.yaml:9:79: ${invalid}spec.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "FallbackToLogsOnError", "File"`,
		`t.yaml:6:14: ${invalid}spec.dnsPolicy: Unsupported value: "ClusterLast": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"`,
		`t.yaml:7:23: ${invalid}spec.serviceAccountName: Invalid value: "Robot_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
	]);
});

test('validatePodDNSConfig: dnsPolicy None takes its resolver from dnsConfig, which must name a nameserver', t => {
	const containers = '  containers: [{name: c, image: i}]';
	t.deepEqual(errorsOf(pod('  dnsPolicy: None', containers)), [
		`t.yaml:5:1: ${invalid}spec.dnsConfig: Required value: must provide \`dnsConfig\` when \`dnsPolicy\` is None`,
	]);
	t.deepEqual(errorsOf(pod('  dnsPolicy: None', '  dnsConfig: {searches: [svc.cluster.local]}', containers)), [
		`t.yaml:7:3: ${invalid}spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when \`dnsPolicy\` is None`,
	]);
	t.deepEqual(errorsOf(pod('  dnsPolicy: None', '  dnsConfig: {nameservers: [1.1.1.1]}', containers)), []);
});

test('the pod spec fields kept as written, for -o yaml (the view shows the defaults of the others)', t => {
	const text = pod(
		'  dnsPolicy: ClusterFirstWithHostNet',
		'  restartPolicy: Never',
		'  schedulerName: my-scheduler',
		'  serviceAccountName: robot',
		'  enableServiceLinks: false',
		'  securityContext: {runAsUser: 1000}',
		'  containers:',
		'  - {name: c, image: i, imagePullPolicy: Never, terminationMessagePath: /tmp/why, terminationMessagePolicy: FallbackToLogsOnError}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.like(result.input.pods[0]?.spec, {
		dnsPolicy: 'ClusterFirstWithHostNet',
		restartPolicy: 'Never',
		schedulerName: 'my-scheduler',
		serviceAccountName: 'robot',
		enableServiceLinks: false,
		securityContext: {runAsUser: 1000},
		containers: [{imagePullPolicy: 'Never', terminationMessagePath: '/tmp/why', terminationMessagePolicy: 'FallbackToLogsOnError'}],
	});
});

test('a probe with two handlers, a negative probe field, a negative grace period', t => {
	const text = pod(
		'  terminationGracePeriodSeconds: -5',
		'  containers:',
		'  - name: c',
		'    image: i',
		'    readinessProbe:',
		'      exec: {command: [/bin/true]}',
		'      httpGet: {port: 80}',
		'      failureThreshold: -1',
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:12:16: ${invalid}spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type`,
		`t.yaml:13:25: ${invalid}spec.containers[0].readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0`,
		`t.yaml:6:34: ${invalid}spec.terminationGracePeriodSeconds: Invalid value: -5: must be greater than or equal to 0`,
	]);
});

test('probe handlers as validateHandler checks them (pkg/apis/core/validation/validation.go): the first is validated, later ones Forbidden', t => {
	const text = pod(
		'  containers:', // 6
		'  - name: c',
		'    image: i',
		'    livenessProbe:', // 9
		'      httpGet: {port: 0, scheme: FTP, httpHeaders: [{name: "Bad Header", value: x}]}', // 10
		'      successThreshold: 2',
		'    readinessProbe:', // 12
		'      tcpSocket: {port: Not_A_Name}',
		'      exec: {command: [x]}', // 14
		'      grpc: {port: 70000}',
		'    startupProbe:', // 16
		'      exec: {command: []}',
		'      timeoutSeconds: -1', // 18
	);
	const at = `${invalid}spec.containers[0]`;
	t.deepEqual(errorsOf(text), [
		`t.yaml:10:23: ${at}.livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive`,
		`t.yaml:10:34: ${at}.livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"`,
		`t.yaml:10:52: ${at}.livenessProbe.httpGet.httpHeaders: Invalid value: "Bad Header": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')`,
		`t.yaml:11:25: ${at}.livenessProbe.successThreshold: Invalid value: 2: must be 1`,
		`t.yaml:13:18: ${at}.readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type`,
		`t.yaml:15:13: ${at}.readinessProbe.grpc: Forbidden: may not specify more than 1 handler type`,
		`t.yaml:17:23: ${at}.startupProbe.exec.command: Required value`,
		`t.yaml:18:23: ${at}.startupProbe.timeoutSeconds: Invalid value: -1: must be greater than or equal to 0`,
	]);
});

test('probe ports: a number in range or an IANA_SVC_NAME (ValidatePortNumOrName)', t => {
	const text = pod('  containers:', '  - name: c', '    image: i', '    readinessProbe: {tcpSocket: {port: Not_A_Name}}');
	t.deepEqual(errorsOf(text), [
		`t.yaml:9:40: ${invalid}spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Not_A_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
	]);
});

test('the spec and status a dump recorded are kept', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Pod',
		'metadata:',
		'  name: web-0',
		'  namespace: shop',
		'  uid: 1f1e-22',
		'  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, uid: abc, controller: true}]',
		'spec:',
		'  hostname: web-0',
		'  subdomain: nginx',
		'  nodeName: node-2',
		'  hostNetwork: false',
		'  containers: [{name: nginx, image: nginx, ports: [{name: web, containerPort: 80}]}]',
		'status:',
		'  phase: Running',
		'  podIP: 10.244.2.7',
		'  hostIP: 192.168.49.3',
		'  conditions: [{type: Ready, status: "True"}]',
		'  containerStatuses: [{name: nginx, restartCount: 2}]',
		'---',
		'apiVersion: v1',
		'kind: Namespace',
		'metadata: {name: shop}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.pods[0], {
		meta: {
			name: 'web-0',
			namespace: 'shop',
			labels: {},
			annotations: {},
			uid: '1f1e-22',
			ownerReferences: [{kind: 'StatefulSet', name: 'web', uid: 'abc', controller: true}],
		},
		spec: {
			containers: [{name: 'nginx', image: 'nginx', ports: [{name: 'web', containerPort: 80, protocol: 'TCP'}]}],
			terminationGracePeriodSeconds: 30,
			hostname: 'web-0',
			subdomain: 'nginx',
			nodeName: 'node-2',
			hostNetwork: false,
		},
		status: {phase: 'Running', podIP: '10.244.2.7', hostIP: '192.168.49.3', ready: true, restartCount: 2},
	});
});

test('containers[].resources (resource.ParseQuantity, pkg/apis/core/v1/defaults.go SetDefaults_Pod): quantities kept as written, a limit alone is also the request, a non-quantity is refused where it stands', t => {
	const text = pod('  containers:', '  - name: c', '    image: i', '    resources:', '      requests: {cpu: 100m}', '      limits: {memory: 512Mi, cpu: 1}');
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.pods[0]?.spec.containers[0]?.resources, {requests: {cpu: '100m', memory: '512Mi'}, limits: {memory: '512Mi', cpu: '1'}});
	t.deepEqual(errorsOf(pod('  containers:', '  - name: c', '    image: i', '    resources: {requests: {memory: lots}}')), [
		`t.yaml:9:36: ${invalid}spec.containers[0].resources.requests.memory: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
	]);
	t.is(load(pod('  containers: [{name: c, image: i}]')).input.pods[0]?.spec.containers[0]?.resources, undefined);
});
