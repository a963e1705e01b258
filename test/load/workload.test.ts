// ReplicationController, ReplicaSet, Deployment, StatefulSet: defaults, legacy API versions
// (docs/semantics.md A13) and the selector rules of ValidateDeploymentSpec and friends.
import test from 'ava';
import {errorsOf, lines, load, warningsOf} from './helpers.js';

const deployment = (...spec: string[]) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', ...spec);
const invalid = 'The Deployment "web" is invalid: ';
const template = ['  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers: [{name: web, image: nginx}]'];

test('apps/v1 without a selector: Required, and the template labels then match nothing', t => {
	t.deepEqual(errorsOf(deployment(...template)), [
		`t.yaml:5:1: ${invalid}spec.selector: Required value`,
		`t.yaml:8:15: ${invalid}spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: \`selector\` does not match template \`labels\``,
	]);
});

test('a selector that does not match the template labels', t => {
	t.deepEqual(errorsOf(deployment('  selector:', '    matchLabels: {app: api}', ...template)), [
		`t.yaml:10:15: ${invalid}spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: \`selector\` does not match template \`labels\``,
	]);
	const noLabels = deployment('  selector: {matchLabels: {app: web}}', '  template:', '    spec:', '      containers: [{name: web}]');
	t.deepEqual(errorsOf(noLabels), [
		`t.yaml:7:3: ${invalid}spec.template.metadata.labels: Invalid value: map[string]string(nil): \`selector\` does not match template \`labels\``,
	]);
});

test('an empty selector is invalid (for deployment, for statefulset)', t => {
	t.deepEqual(errorsOf(deployment('  selector: {}', ...template)), [
		`t.yaml:6:13: ${invalid}spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment`,
	]);
	const sts = lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  selector: {matchLabels: {}}', ...template);
	t.deepEqual(errorsOf(sts), [
		`t.yaml:5:13: The StatefulSet "db" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset`,
	]);
});

test('matchExpressions rules', t => {
	const text = deployment(
		'  selector:',
		'    matchExpressions:',
		'    - {key: app, operator: In}', // line 8
		'    - {key: tier, operator: Exists, values: [x]}', // line 9
		'    - {key: env, operator: Near}', // line 10
		...template,
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:8:7: ${invalid}spec.selector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
		`t.yaml:9:45: ${invalid}spec.selector.matchExpressions[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
		`t.yaml:10:28: ${invalid}spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator`,
		// The selector cannot be converted, so the template is not checked.
		`t.yaml:7:5: ${invalid}spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string(nil)}, v1.LabelSelectorRequirement{Key:"tier", Operator:"Exists", Values:[]string{"x"}}, v1.LabelSelectorRequirement{Key:"env", Operator:"Near", Values:[]string(nil)}}}: invalid label selector`,
	]);
	const ok = deployment('  selector:', '    matchExpressions: [{key: app, operator: In, values: [web, api]}]', ...template);
	t.deepEqual(errorsOf(ok), []);
	t.deepEqual(load(ok).input.workloads[0]!.selector, {
		matchLabels: {},
		matchExpressions: [{key: 'app', operator: 'In', values: ['web', 'api']}],
	});
});

test('replicas: a wrong type, a negative number', t => {
	t.deepEqual(errorsOf(deployment('  replicas: "three"', '  selector: {matchLabels: {app: web}}', ...template)), [
		`t.yaml:6:13: ${invalid}spec.replicas: Invalid value: "three": must be an integer`,
	]);
	t.deepEqual(errorsOf(deployment('  replicas: -1', '  selector: {matchLabels: {app: web}}', ...template)), [
		`t.yaml:6:13: ${invalid}spec.replicas: Invalid value: -1: must be greater than or equal to 0`,
	]);
});

test('a template with no containers, and a template that may not restart', t => {
	const text = deployment(
		'  selector: {matchLabels: {app: web}}',
		'  template:',
		'    metadata: {labels: {app: web}}',
		'    spec:',
		'      restartPolicy: Never',
	);
	t.deepEqual(errorsOf(text), [
		`t.yaml:9:5: ${invalid}spec.template.spec.containers: Required value`,
		`t.yaml:10:22: ${invalid}spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"`,
	]);
});

test('containers: names, ports, probes', t => {
	const text = deployment(
		'  selector: {matchLabels: {app: web}}',
		'  template:',
		'    metadata: {labels: {app: web}}',
		'    spec:',
		'      containers:',
		'      - name: web', // 11
		'        ports:',
		'        - {containerPort: 70000, name: http}', // 13
		'        - {name: http, containerPort: 81}', // 14
		'        - {name: Metrics_Port}', // 15
		'        readinessProbe: {periodSeconds: 5}', // 16
		'      - image: nginx', // 17
		'      - name: web', // 18
	);
	const at = `${invalid}spec.template.spec.containers`;
	t.deepEqual(errorsOf(text), [
		`t.yaml:13:27: ${at}[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
		`t.yaml:14:18: ${at}[0].ports[1].name: Duplicate value: "http"`,
		`t.yaml:15:18: ${at}[0].ports[2].name: Invalid value: "Metrics_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
		`t.yaml:15:11: ${at}[0].ports[2].containerPort: Required value`,
		`t.yaml:16:25: ${at}[0].readinessProbe: Required value: must specify a handler type`,
		`t.yaml:17:9: ${at}[1].name: Required value`,
		`t.yaml:18:15: ${at}[2].name: Duplicate value: "web"`,
	]);
});

test('defaults: replicas, grace period, probe handler and timings (SetDefaults_Probe), sidecar ports', t => {
	const text = deployment(
		'  selector: {matchLabels: {app: web}}',
		'  template:',
		'    metadata: {labels: {app: web}, annotations: {a: b}}',
		'    spec:',
		'      initContainers:',
		'      - name: init',
		'        ports: [{name: ignored, containerPort: 1}]',
		'      - name: proxy',
		'        restartPolicy: Always',
		'        ports: [{name: proxy, containerPort: 15001}]',
		'      containers:',
		'      - name: web',
		'        image: nginx',
		'        ports: [{name: http, containerPort: 8080}, {containerPort: 53, protocol: UDP}]',
		'        readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 0, initialDelaySeconds: 5}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.input.workloads[0], {
		kind: 'Deployment',
		meta: {name: 'web', namespace: 'default', labels: {}, annotations: {}},
		replicas: 1,
		selector: {matchLabels: {app: 'web'}, matchExpressions: []},
		template: {
			labels: {app: 'web'},
			annotations: {a: 'b'},
			spec: {
				terminationGracePeriodSeconds: 30,
				containers: [
					{
						name: 'web',
						image: 'nginx',
						ports: [
							{name: 'http', containerPort: 8080, protocol: 'TCP'},
							{containerPort: 53, protocol: 'UDP'},
						],
						readinessProbe: {
							tcpSocket: {port: 8080},
							initialDelaySeconds: 5,
							timeoutSeconds: 1,
							periodSeconds: 10,
							failureThreshold: 3,
							successThreshold: 1,
						},
					},
					{name: 'proxy', image: '', ports: [{name: 'proxy', containerPort: 15001, protocol: 'TCP'}]},
				],
			},
		},
	});
});

test('ReplicationController: the selector and labels default to the template labels', t => {
	const rc = lines(
		'apiVersion: v1',
		'kind: ReplicationController',
		'metadata: {name: redis}',
		'spec:',
		'  replicas: 2',
		'  template:',
		'    metadata: {labels: {app: redis, role: master}}',
		'    spec: {containers: [{name: redis, image: redis}]}',
	);
	const result = load(rc);
	t.deepEqual(result.errors, []);
	const workload = result.input.workloads[0]!;
	t.deepEqual(workload.selector, {matchLabels: {app: 'redis', role: 'master'}, matchExpressions: []});
	t.deepEqual(workload.meta.labels, {app: 'redis', role: 'master'});
	t.is(workload.replicas, 2);
	t.is(workload.legacyApiVersion, undefined);
});

test('ReplicationController: a mismatched selector, a missing template', t => {
	const mismatch = lines(
		'apiVersion: v1',
		'kind: ReplicationController',
		'metadata: {name: redis}',
		'spec:',
		'  selector: {app: cache}',
		'  template:',
		'    metadata: {labels: {app: redis}}',
		'    spec: {containers: [{name: redis}]}',
	);
	t.deepEqual(errorsOf(mismatch), [
		't.yaml:7:24: The ReplicationController "redis" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"redis"}: `selector` does not match template `labels`',
	]);
	const empty = lines('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: redis}', 'spec: {replicas: 1}');
	t.deepEqual(errorsOf(empty), [
		't.yaml:4:1: The ReplicationController "redis" is invalid: spec.selector: Required value',
		't.yaml:4:1: The ReplicationController "redis" is invalid: spec.template: Required value',
	]);
});

test('A13: extensions/v1beta1 loads with one warning, selector and labels from the template', t => {
	const text = lines(
		'apiVersion: extensions/v1beta1',
		'kind: Deployment',
		'metadata: {name: jaeger}',
		'spec:',
		'  template:',
		'    metadata: {labels: {app: jaeger}}',
		'    spec: {containers: [{name: jaeger, image: jaeger}]}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.warnings.length, 1);
	t.deepEqual(warningsOf(text), [
		't.yaml:1:13: warning: Deployment "jaeger" uses extensions/v1beta1, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1',
	]);
	const workload = result.input.workloads[0]!;
	t.is(workload.legacyApiVersion, 'extensions/v1beta1');
	t.deepEqual(workload.selector, {matchLabels: {app: 'jaeger'}, matchExpressions: []});
	t.deepEqual(workload.meta.labels, {app: 'jaeger'});
});

test('A13: apps/v1beta2 already required the selector', t => {
	const text = lines(
		'apiVersion: apps/v1beta2',
		'kind: StatefulSet',
		'metadata: {name: db}',
		'spec:',
		'  serviceName: db',
		'  template:',
		'    metadata: {labels: {app: db}}',
		'    spec: {containers: [{name: db, image: db}]}',
	);
	t.deepEqual(warningsOf(text), [
		't.yaml:1:13: warning: StatefulSet "db" uses apps/v1beta2, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1',
	]);
	t.deepEqual(errorsOf(text), [
		't.yaml:4:1: The StatefulSet "db" is invalid: spec.selector: Required value',
		't.yaml:7:24: The StatefulSet "db" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`',
	]);
});

test('StatefulSet keeps its serviceName', t => {
	const text = lines(
		'apiVersion: apps/v1',
		'kind: StatefulSet',
		'metadata: {name: web}',
		'spec:',
		'  serviceName: nginx',
		'  replicas: 3',
		'  selector: {matchLabels: {app: nginx}}',
		'  template:',
		'    metadata: {labels: {app: nginx}}',
		'    spec: {containers: [{name: nginx, image: nginx}], terminationGracePeriodSeconds: 10}',
	);
	const sts = load(text).input.workloads[0]!;
	t.is(sts.kind, 'StatefulSet');
	t.is(sts.serviceName, 'nginx');
	t.is(sts.replicas, 3);
	t.is(sts.template.spec.terminationGracePeriodSeconds, 10);
});

test('ReplicaSet: apps/v1 rules, and extensions/v1beta1 defaulting', t => {
	const empty = lines('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: web-7b87cd5f68}', 'spec:', '  selector: {}', ...template);
	t.deepEqual(errorsOf(empty), [
		't.yaml:5:13: The ReplicaSet "web-7b87cd5f68" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
	]);
	const legacy = lines('apiVersion: extensions/v1beta1', 'kind: ReplicaSet', 'metadata: {name: web}', 'spec:', '  replicas: 4', ...template);
	const result = load(legacy);
	t.deepEqual(result.errors, []);
	t.deepEqual(
		result.warnings.map(w => w.message),
		['ReplicaSet "web" uses extensions/v1beta1, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1'],
	);
	t.deepEqual(result.input.workloads[0]!.selector.matchLabels, {app: 'web'});
	t.is(result.input.workloads[0]!.replicas, 4);
});

test('a type error inside the template is reported even when the selector is unusable', t => {
	const text = deployment(
		'  selector: {matchExpressions: [{key: app, operator: Near}]}',
		'  template:',
		'    metadata: {labels: {app: web}}',
		'    spec: {containers: [{name: web, ports: [{containerPort: http}]}]}',
	);
	t.deepEqual(errorsOf(text), [`t.yaml:9:61: ${invalid}spec.template.spec.containers[0].ports[0].containerPort: Invalid value: "http": must be an integer`]);
});

test('generateName alone cannot name an object here', t => {
	const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {generateName: web-}', 'spec: {containers: [{name: c, image: i}]}');
	t.deepEqual(errorsOf(text), [
		't.yaml:3:1: The Pod "" is invalid: metadata.name: Required value: generateName is not supported (as with kubectl apply); set metadata.name',
	]);
});
