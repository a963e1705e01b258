// Service defaulting and ValidateService, rule by rule: exact kubectl text and line:col.
import test from 'ava';
import {errorsOf, lines, load, service, warningsOf} from './helpers.js';

const invalid = (name: string) => `The Service "${name}" is invalid: `;

test('S3: a Service name must be a DNS-1035 label', t => {
	t.deepEqual(errorsOf(service('Hello_Svc', '  ports: [{port: 80}]')), [
		`t.yaml:4:9: ${invalid('Hello_Svc')}metadata.name: Invalid value: "Hello_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
	]);
	t.regex(errorsOf(service('1svc', '  ports: [{port: 80}]'))[0]!, /^t\.yaml:4:9: .*"1svc": a DNS-1035 label/);
	t.deepEqual(errorsOf(service('a'.repeat(64), '  ports: [{port: 80}]')), [
		`t.yaml:4:9: ${invalid('a'.repeat(64))}metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
	]);
});

test('S4: a missing name is reported at metadata', t => {
	const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  labels: {app: x}', 'spec:', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(text), ['t.yaml:3:1: The Service "" is invalid: metadata.name: Required value: name or generateName is required']);
});

test('S18: unsupported type', t => {
	t.deepEqual(errorsOf(service('web', '  type: Foo', '  ports: [{port: 80}]')), [
		`t.yaml:6:9: ${invalid('web')}spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
	]);
});

test('S5: ports are required except for headless and ExternalName', t => {
	t.deepEqual(errorsOf(service('web', '  selector: {app: web}')), [`t.yaml:5:1: ${invalid('web')}spec.ports: Required value`]);
	t.deepEqual(errorsOf(service('web', '  clusterIP: None', '  selector: {app: web}')), []);
	t.deepEqual(errorsOf(service('web', '  type: ExternalName', '  externalName: db.example.com')), []);
});

test('S6-S8: port names required with several ports, DNS-1123 labels, unique', t => {
	const text = service(
		'web',
		'  ports:',
		'  - port: 80', // line 7
		'  - port: 81',
		'    name: Web.1', // line 9
		'  - port: 82',
		'    name: 2-metrics-port-with-a-long-name', // line 11: digits first and long are fine
		'  - port: 83',
		'    name: 2-metrics-port-with-a-long-name', // line 13
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:7:5: ${invalid('web')}spec.ports[0].name: Required value`,
		`t.yaml:9:11: ${invalid('web')}spec.ports[1].name: Invalid value: "Web.1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
		`t.yaml:13:11: ${invalid('web')}spec.ports[3].name: Duplicate value: "2-metrics-port-with-a-long-name"`,
	]);
	t.deepEqual(errorsOf(service('web', '  ports:', '  - port: 80', '    name: a.b', '  - {port: 81, name: b}')), [
		`t.yaml:8:11: ${invalid('web')}spec.ports[0].name: Invalid value: "a.b": must not contain dots`,
	]);
});

test('S9-S11: port range, protocol, numeric targetPort range', t => {
	const text = service('web', '  ports:', '  - port: 0', '    protocol: HTTP', '    targetPort: 70000');
	t.deepEqual(errorsOf(text), [
		`t.yaml:7:11: ${invalid('web')}spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
		`t.yaml:8:15: ${invalid('web')}spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`,
		`t.yaml:9:17: ${invalid('web')}spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
	]);
	t.deepEqual(errorsOf(service('web', '  ports: [{port: 53, protocol: tcp}]')), [
		`t.yaml:6:32: ${invalid('web')}spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"`,
	]);
});

test('S12: each broken IANA name rule of a named targetPort is its own error', t => {
	const text = service('web', '  ports:', '  - port: 80', '    targetPort: -Web--Server-Port-');
	const at = `t.yaml:8:17: ${invalid('web')}spec.ports[0].targetPort: Invalid value: "-Web--Server-Port-": `;
	t.deepEqual(errorsOf(text), [
		`${at}must be no more than 15 characters`,
		`${at}must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
		`${at}must not contain consecutive hyphens`,
		`${at}must not begin or end with a hyphen`,
	]);
	// A quoted number is a name, and a name needs a letter (intstr: a JSON string is a name).
	t.deepEqual(errorsOf(service('web', '  ports:', '  - port: 80', '    targetPort: "8080"')), [
		`t.yaml:8:17: ${invalid('web')}spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)`,
	]);
});

test('S13: the same port and protocol twice; 53/TCP with 53/UDP is fine', t => {
	const text = service('dns', '  ports:', '  - {name: a, port: 53}', '  - {name: b, port: 53, protocol: UDP}', '  - {name: c, port: 53}');
	t.deepEqual(errorsOf(text), [
		`t.yaml:9:5: ${invalid('dns')}spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:53, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
	]);
});

test('S14: validation.go duplicate nodePort (protocol, nodePort) is reached only where alloc.go initNodePorts allocated without error', t => {
	// Two numbers asking for one node port: the allocator refuses it first (sim/services.ts), so
	// validation never reports it on a NodePort or LoadBalancer Service.
	const twoNumbers = service('web', '  type: NodePort', '  ports:', '  - {name: a, port: 80, nodePort: 30080}', '  - {name: b, port: 81, nodePort: 30080}');
	t.deepEqual(errorsOf(twoNumbers), []);
	// One number and protocol twice: one allocation, so validation sees both repeats.
	const sameNumber = service('web', '  type: NodePort', '  ports:', '  - {name: a, port: 80, nodePort: 30080}', '  - {name: b, port: 80, nodePort: 30080}');
	t.deepEqual(errorsOf(sameNumber), [
		`t.yaml:9:35: ${invalid('web')}spec.ports[1].nodePort: Duplicate value: 30080`,
		`t.yaml:9:5: ${invalid('web')}spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
	]);
	// TCP and UDP of one number: neither check objects.
	const tcpUdp = service(
		'dns',
		'  type: NodePort',
		'  ports:',
		'  - {name: a, port: 53, nodePort: 30053}',
		'  - {name: b, port: 53, nodePort: 30053, protocol: UDP}',
	);
	t.deepEqual(errorsOf(tcpUdp), []);
	t.deepEqual(
		load(tcpUdp).input.services[0]!.spec.ports!.map(p => p.nodePort),
		[30053, 30053],
	);
	// No allocation on a ClusterIP Service: every repeat is reported, next to the Forbidden ones.
	const clusterIP = service('web', '  ports:', '  - {name: a, port: 80, nodePort: 30080}', '  - {name: b, port: 81, nodePort: 30080}');
	t.deepEqual(errorsOf(clusterIP), [
		`t.yaml:7:35: ${invalid('web')}spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
		`t.yaml:8:35: ${invalid('web')}spec.ports[1].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
		`t.yaml:8:35: ${invalid('web')}spec.ports[1].nodePort: Duplicate value: 30080`,
	]);
});

test('S15: nodePort on a ClusterIP Service', t => {
	t.deepEqual(errorsOf(service('web', '  ports:', '  - port: 80', '    nodePort: 30080')), [
		`t.yaml:8:15: ${invalid('web')}spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
	]);
});

test('S20: headless NodePort and LoadBalancer, reported at clusterIP', t => {
	t.deepEqual(errorsOf(service('web', '  type: NodePort', '  clusterIP: None', '  ports: [{port: 80}]')), [
		`t.yaml:7:14: ${invalid('web')}spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
	]);
	t.deepEqual(errorsOf(service('web', '  type: LoadBalancer', '  clusterIP: None', '  ports: [{port: 80}]')), [
		`t.yaml:7:14: ${invalid('web')}spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
	]);
});

test('S21: a clusterIP that is not an IP', t => {
	t.deepEqual(errorsOf(service('web', '  clusterIP: 10.96.0.300', '  ports: [{port: 80}]')), [
		`t.yaml:6:14: ${invalid('web')}spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
	]);
});

test('S19: clusterIPs from a dump must agree with clusterIP', t => {
	t.deepEqual(errorsOf(service('web', '  clusterIP: 10.96.5.5', '  clusterIPs: [10.96.5.5]', '  ports: [{port: 80}]')), []);
	t.deepEqual(errorsOf(service('web', '  clusterIP: 10.96.5.5', '  clusterIPs: [10.96.5.6]', '  ports: [{port: 80}]')), [
		`t.yaml:7:15: ${invalid('web')}spec.clusterIPs: Invalid value: []string{"10.96.5.6"}: first value must match \`clusterIP\``,
	]);
});

test('ValidateServiceClusterIPsRelatedFields: clusterIPs without clusterIP (strategy.go NormalizeClusterIPs never fills clusterIP in)', t => {
	t.deepEqual(errorsOf(service('web', '  clusterIPs: [10.96.5.5]', '  ports: [{port: 80}]')), [
		`t.yaml:6:15: ${invalid('web')}spec.clusterIPs: Invalid value: []string{"10.96.5.5"}: must be empty when \`clusterIP\` is not specified`,
	]);
});

test('S24: ExternalName needs a DNS-1123 subdomain; one trailing dot is allowed', t => {
	t.deepEqual(errorsOf(service('db', '  type: ExternalName')), [`t.yaml:5:1: ${invalid('db')}spec.externalName: Required value`]);
	t.deepEqual(errorsOf(service('db', '  type: ExternalName', '  externalName: My_DB')), [
		`t.yaml:7:17: ${invalid('db')}spec.externalName: Invalid value: "My_DB": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
	]);
	t.deepEqual(errorsOf(service('db', '  type: ExternalName', '  externalName: db.example.com.')), []);
});

test('S25: ExternalName with a clusterIP', t => {
	const text = service('db', '  type: ExternalName', '  externalName: db.example.com', '  clusterIP: 10.96.0.5');
	t.deepEqual(errorsOf(text), [`t.yaml:8:14: ${invalid('db')}spec.clusterIPs: Forbidden: may not be set for ExternalName services`]);
});

test('S28: selector keys and values follow label syntax, reported on spec.selector', t => {
	const text = service('web', '  selector:', '    "my key": "my app"', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(text), [
		`t.yaml:7:5: ${invalid('web')}spec.selector: Invalid value: "my key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
		`t.yaml:7:15: ${invalid('web')}spec.selector: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
	]);
});

test('S30-S32: sessionAffinity values and the ClientIP timeout range', t => {
	t.deepEqual(errorsOf(service('web', '  sessionAffinity: Cookie', '  ports: [{port: 80}]')), [
		`t.yaml:6:20: ${invalid('web')}spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"`,
	]);
	const withTimeout = (seconds: number) =>
		service('web', '  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', `      timeoutSeconds: ${seconds}`, '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(withTimeout(90000)), [
		`t.yaml:9:23: ${invalid('web')}spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400`,
	]);
	t.deepEqual(errorsOf(withTimeout(0)), [
		`t.yaml:9:23: ${invalid('web')}spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400`,
	]);
	// S31: 86400 itself is accepted although the message says "less than".
	t.deepEqual(errorsOf(withTimeout(86400)), []);
	// S32: with affinity None, defaulting drops sessionAffinityConfig.
	const none = service('web', '  sessionAffinityConfig: {clientIP: {timeoutSeconds: 5}}', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(none), []);
});

test('S33: externalIPs must be valid, non-special IPs', t => {
	const text = service('web', '  externalIPs: [1.2.3, 127.0.0.1, 203.0.113.7]', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(text), [
		`t.yaml:6:17: ${invalid('web')}spec.externalIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
		`t.yaml:6:24: ${invalid('web')}spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)`,
	]);
});

test('S35: load-balancer fields only for type LoadBalancer (the API server spells LoadBalancerSourceRanges with a capital L)', t => {
	const text = service(
		'web',
		'  loadBalancerSourceRanges: [10.0.0.0/8]',
		'  allocateLoadBalancerNodePorts: false',
		'  loadBalancerClass: example.com/lb',
		'  ports: [{port: 80}]',
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:6:29: ${invalid('web')}spec.LoadBalancerSourceRanges: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
		`t.yaml:7:34: ${invalid('web')}spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
		`t.yaml:8:22: ${invalid('web')}spec.loadBalancerClass: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
	]);
	t.deepEqual(errorsOf(service('web', '  type: LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/33]', '  ports: [{port: 80}]')), [
		`t.yaml:7:30: ${invalid('web')}spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
	]);
});

test('S36: externalTrafficPolicy only for externally accessible Services', t => {
	t.deepEqual(errorsOf(service('web', '  externalTrafficPolicy: Local', '  ports: [{port: 80}]')), [
		`t.yaml:6:26: ${invalid('web')}spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services`,
	]);
	t.deepEqual(errorsOf(service('web', '  type: NodePort', '  externalTrafficPolicy: Nearest', '  ports: [{port: 80}]')), [
		`t.yaml:7:26: ${invalid('web')}spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"`,
	]);
	// A ClusterIP Service with externalIPs is externally accessible (S1).
	t.deepEqual(errorsOf(service('web', '  externalIPs: [203.0.113.7]', '  externalTrafficPolicy: Local', '  ports: [{port: 80}]')), []);
});

test('S37: healthCheckNodePort only for LoadBalancer with externalTrafficPolicy Local', t => {
	t.deepEqual(errorsOf(service('web', '  type: NodePort', '  healthCheckNodePort: 30500', '  ports: [{port: 80}]')), [
		`t.yaml:7:24: ${invalid('web')}spec.healthCheckNodePort: Invalid value: 30500: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
	]);
	const ok = service('web', '  type: LoadBalancer', '  externalTrafficPolicy: Local', '  healthCheckNodePort: 30500', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(ok), []);
	t.is(load(ok).input.services[0]!.spec.healthCheckNodePort, 30500);
	// validateServiceExternalTrafficPolicy's IsValidPortNum is never reached on create: the node-port
	// allocator refuses 70000 first (alloc.go allocHealthCheckNodePort; test/sim/services.test.ts).
	const big = service('web', '  type: LoadBalancer', '  externalTrafficPolicy: Local', '  healthCheckNodePort: 70000', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(big), []);
});

test('S38: internalTrafficPolicy values', t => {
	t.deepEqual(errorsOf(service('web', '  internalTrafficPolicy: Node', '  ports: [{port: 80}]')), [
		`t.yaml:6:26: ${invalid('web')}spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"`,
	]);
});

test('wrong types are Invalid value errors with one wording, and only they are reported', t => {
	// The API server cannot decode such an object, so it never validates the rest.
	t.deepEqual(errorsOf(service('web', '  ports:', '  - port: "80"', '    name: 80', '  type: Foo')), [
		`t.yaml:7:11: ${invalid('web')}spec.ports[0].port: Invalid value: "80": must be an integer`,
		`t.yaml:8:11: ${invalid('web')}spec.ports[0].name: Invalid value: 80: must be a string`,
	]);
	t.deepEqual(errorsOf(service('web', '  ports: {port: 80}')), [
		`t.yaml:6:10: ${invalid('web')}spec.ports: Invalid value: map[string]interface {}{"port":80}: must be a list`,
	]);
	t.deepEqual(errorsOf(service('web', '  ports: [{port: 1.5}]')), [`t.yaml:6:18: ${invalid('web')}spec.ports[0].port: Invalid value: 1.5: must be an integer`]);
	// YAML 1.1, as Kubernetes reads it: an unquoted `yes` is a boolean, not a label value.
	const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  labels:', '    enabled: yes', 'spec:', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(text), [`t.yaml:6:14: ${invalid('web')}metadata.labels[enabled]: Invalid value: true: must be a string`]);
});

test('all problems of a Service are reported, in the API server order', t => {
	// Headless, so ports may be missing (S5) even though the type forbids headless.
	const text = service('web', '  type: NodePort', '  clusterIP: None', '  sessionAffinity: Sticky');
	t.deepEqual(errorsOf(text), [
		`t.yaml:7:14: ${invalid('web')}spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
		`t.yaml:8:20: ${invalid('web')}spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"`,
	]);
});

test('S1, S2: defaults', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Service',
		'metadata:',
		'  name: web',
		'spec:',
		'  selector: {app: web}',
		'  ports: [{port: 80}]',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: np}',
		'spec:',
		'  type: NodePort',
		'  sessionAffinity: ClientIP',
		'  ports: [{port: 80, targetPort: http, protocol: UDP}]',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: lb}',
		'spec: {type: LoadBalancer, ports: [{port: 443, targetPort: 0}]}',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: ext}',
		'spec: {type: ExternalName, externalName: example.com}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	const [web, np, lb, ext] = result.input.services;
	t.deepEqual(web, {
		meta: {name: 'web', namespace: 'default', labels: {}, annotations: {}},
		spec: {
			type: 'ClusterIP',
			selector: {app: 'web'},
			ports: [{protocol: 'TCP', port: 80, targetPort: 80}],
			sessionAffinity: 'None',
			internalTrafficPolicy: 'Cluster',
		},
	});
	t.is(web!.spec.externalTrafficPolicy, undefined);
	t.deepEqual(np!.spec.ports, [{protocol: 'UDP', port: 80, targetPort: 'http'}]);
	t.is(np!.spec.externalTrafficPolicy, 'Cluster');
	t.is(np!.spec.sessionAffinity, 'ClientIP');
	t.deepEqual(np!.spec.sessionAffinityConfig, {clientIP: {timeoutSeconds: 10800}});
	t.is(np!.spec.selector, undefined);
	t.is(lb!.spec.allocateLoadBalancerNodePorts, true);
	t.is(lb!.spec.ports![0]!.targetPort, 443);
	t.is(lb!.spec.externalTrafficPolicy, 'Cluster');
	t.is(ext!.spec.internalTrafficPolicy, undefined);
	t.is(ext!.spec.externalName, 'example.com');
	t.is(ext!.spec.clusterIP, undefined);
});

test('D2: the tolerate-unready-endpoints annotation is ignored since 1.24 (kubernetes#108020), with a warning', t => {
	const text = (value: string, spec = '{clusterIP: None, ports: [{port: 5432}]}') =>
		lines(
			'apiVersion: v1',
			'kind: Service',
			'metadata:',
			'  name: db',
			'  annotations:',
			`    service.alpha.kubernetes.io/tolerate-unready-endpoints: "${value}"`,
			`spec: ${spec}`,
		);
	const db = load(text('true')).input.services[0]!;
	t.is(db.spec.publishNotReadyAddresses, undefined);
	t.is(db.spec.clusterIP, 'None');
	t.deepEqual(warningsOf(text('true')), [
		't.yaml:6:61: warning: Service "db" uses the annotation service.alpha.kubernetes.io/tolerate-unready-endpoints, which a current cluster ignores (removed in Kubernetes 1.24): its not-ready pods stay out of its endpoints and DNS; set spec.publishNotReadyAddresses: true to publish them',
	]);
	// strconv.ParseBool spellings count; "false" and a Service that already publishes say nothing.
	t.is(warningsOf(text('T')).length, 1);
	t.deepEqual(warningsOf(text('false')), []);
	const both = '{clusterIP: None, publishNotReadyAddresses: true, ports: [{port: 5432}]}';
	t.deepEqual(warningsOf(text('true', both)), []);
	t.true(load(text('true', both)).input.services[0]!.spec.publishNotReadyAddresses);
});

test('S29: an empty selector means no managed endpoints, like no selector', t => {
	t.is(load(service('web', '  selector: {}', '  ports: [{port: 80}]')).input.services[0]!.spec.selector, undefined);
});

test("a dump's status.loadBalancer.ingress is kept", t => {
	const text = lines(
		service('web', '  type: LoadBalancer', '  ports: [{port: 80, nodePort: 31380}]').trimEnd(),
		'status:',
		'  loadBalancer:',
		'    ingress: [{ip: 203.0.113.10}, {hostname: lb.example.com}]',
	);
	const web = load(text).input.services[0]!;
	t.deepEqual(web.status?.loadBalancer.ingress, [
		{ip: '203.0.113.10', ipMode: 'VIP'},
		{ip: 'lb.example.com', ipMode: 'VIP'},
	]);
	t.is(web.spec.ports![0]!.nodePort, 31380);
});

test('S23, S27: the API server warnings for ignored fields', t => {
	t.deepEqual(warningsOf(service('db', '  clusterIP: None', '  sessionAffinity: ClientIP', '  externalIPs: [203.0.113.7]', '  ports: [{port: 80}]')), [
		't.yaml:7:20: warning: spec.SessionAffinity is ignored for headless services',
		't.yaml:8:16: warning: spec.externalIPs is ignored for headless services',
	]);
	t.deepEqual(warningsOf(service('web', '  externalName: example.com', '  ports: [{port: 80}]')), [
		't.yaml:6:17: warning: spec.externalName is ignored when spec.type is not "ExternalName"',
	]);
	t.deepEqual(warningsOf(service('db', '  type: ExternalName', '  externalName: example.com', '  externalIPs: [203.0.113.7]')), [
		't.yaml:8:16: warning: spec.externalIPs is ignored when spec.type is "ExternalName"',
	]);
});

const withAnnotation = (value: string, ...spec: string[]): string =>
	lines(
		'apiVersion: v1',
		'kind: Service',
		'metadata:',
		'  name: web',
		'  annotations:',
		`    service.beta.kubernetes.io/load-balancer-source-ranges: "${value}"`,
		'spec:',
		...spec,
	);

test('S35: loadBalancerSourceRanges kept as given (kube-proxy and the cloud trim each entry, pkg/proxy/serviceport.go); validated trimmed', t => {
	const text = service('web', '  type: LoadBalancer', '  loadBalancerSourceRanges: [" 10.0.0.0/8", 192.168.0.0/16]', '  ports: [{port: 80}]');
	t.deepEqual(errorsOf(text), []);
	t.deepEqual(load(text).input.services[0]!.spec.loadBalancerSourceRanges, [' 10.0.0.0/8', '192.168.0.0/16']);
	t.is(load(service('web', '  type: LoadBalancer', '  ports: [{port: 80}]')).input.services[0]!.spec.loadBalancerSourceRanges, undefined);
});

test('ValidateService: without the field the source-ranges annotation is checked under its key, each entry of its comma list; Forbidden off LoadBalancer', t => {
	const key = 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]';
	t.deepEqual(errorsOf(withAnnotation('10.0.0.0/8, 1.2.3.4,bad', '  type: LoadBalancer', '  ports: [{port: 80}]')), [
		`t.yaml:6:61: ${invalid('web')}${key}: Invalid value: "1.2.3.4": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
		`t.yaml:6:61: ${invalid('web')}${key}: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
	]);
	t.deepEqual(errorsOf(withAnnotation('10.0.0.0/8', '  ports: [{port: 80}]')), [
		`t.yaml:6:61: ${invalid('web')}${key}: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
	]);
	// An empty annotation allows all; with the field set the annotation is not looked at.
	t.deepEqual(errorsOf(withAnnotation(' ', '  type: LoadBalancer', '  ports: [{port: 80}]')), []);
	t.deepEqual(errorsOf(withAnnotation('bad', '  type: LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]', '  ports: [{port: 80}]')), []);
});

test('S27: spec.externalName on a ClusterIP Service is kept (warned about, never used), so -o json shows it', t => {
	const text = service('web', '  externalName: db.example.com', '  ports: [{port: 80}]');
	t.deepEqual(warningsOf(text).length, 1);
	t.is(load(text).input.services[0]!.spec.externalName, 'db.example.com');
});
