// Parsing, kind dispatch, lists, duplicates, namespaces, skipped kinds, ordering, locate().
import test from 'ava';
import {formatDiagnostic, formatSkipped, loadSources} from '../../source/load/index.js';
import {ANY_CONTROL} from '../control-chars.js';
import {errorsOf, lines, load, service, warningsOf} from './helpers.js';

test('a YAML syntax error is one positioned line', t => {
	t.deepEqual(errorsOf(lines('apiVersion: v1', 'kind: Service', 'metadata: {name: x', 'spec: {}')), [
		't.yaml:4:1: Flow map in block collection must be sufficiently indented and end with a }',
	]);
});

test('a tab-indented file is one positioned error', t => {
	t.deepEqual(errorsOf('apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n'), ['t.yaml:4:1: Tabs are not allowed as indentation']);
});

test('an alias bomb is an error, not a hang', t => {
	let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
	for (let i = 0; i < 9; i++) {
		const prev = String.fromCharCode(97 + i);
		const next = String.fromCharCode(98 + i);
		bomb += `${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
	}
	const started = process.hrtime.bigint();
	t.deepEqual(errorsOf(bomb), ['t.yaml:2:8: Excessive alias count indicates a resource exhaustion attack']);
	t.true(process.hrtime.bigint() - started < 2_000_000_000n);
	t.deepEqual(errorsOf('a: *nowhere\n'), ['t.yaml:1:4: Unresolved alias (the anchor must be set before the alias): nowhere']);
});

test('a bad document does not stop the others', t => {
	const text = lines('kind: [', '---', ...service('web', '  ports: [{port: 80}]').trimEnd().split('\n'));
	const result = load(text);
	t.is(result.errors.length, 1);
	t.is(result.errors[0]!.line, 2);
	t.is(result.input.services.length, 1);
});

test('JSON loads too, with positions', t => {
	const text = '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "web"},\n  "spec": {"ports": [{"port": 0}]}\n}\n';
	t.deepEqual(errorsOf(text, 'svc.json'), [
		'svc.json:5:31: The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
		// S1 defaults the omitted targetPort to the port, so the API server reports it too,
		// at the port entry since the document does not write it.
		'svc.json:5:22: The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
	]);
});

test('empty documents are skipped silently; non-mappings are errors', t => {
	const result = load(lines('---', '# only a comment', '---', '---', '- a', '---', 'hello', '---', '42'));
	t.deepEqual(result.errors.map(formatDiagnostic), [
		't.yaml:5:1: json: cannot unmarshal array into Go value of type map[string]interface {}',
		't.yaml:7:1: json: cannot unmarshal string into Go value of type map[string]interface {}',
		't.yaml:9:1: json: cannot unmarshal number into Go value of type map[string]interface {}',
	]);
	// Empty documents among others are fine; input with no object at all is refused (next test).
	t.deepEqual(errorsOf(lines('---', '# only a comment', '---', ...service('web', '  ports: [{port: 80}]').trimEnd().split('\n'))), []);
});

test('input holding no object at all is refused as kubectl does: each empty file named once', t => {
	t.deepEqual(errorsOf(''), ['t.yaml: no objects passed to apply']);
	t.deepEqual(errorsOf('# only comments\n---\n'), ['t.yaml: no objects passed to apply']);
	t.deepEqual(errorsOf('apiVersion: v1\nkind: List\nitems: []\n'), ['t.yaml: no objects passed to apply']);
	const two = loadSources([
		{name: 'a.yaml', text: ''},
		{name: 'b.yaml', text: 'hello\n'},
		{name: 'c.yaml', text: '---\n'},
	]);
	// b.yaml already says what is wrong with it.
	t.deepEqual(two.errors.map(formatDiagnostic), [
		'a.yaml: no objects passed to apply',
		'b.yaml:1:1: json: cannot unmarshal string into Go value of type map[string]interface {}',
		'c.yaml: no objects passed to apply',
	]);
	// One file with objects is enough: an empty file beside it is not an error.
	const mixed = loadSources([
		{name: 'a.yaml', text: ''},
		{name: 'b.yaml', text: service('web', '  ports: [{port: 80}]')},
	]);
	t.deepEqual(mixed.errors, []);
	t.is(mixed.input.services.length, 1);
});

test('apiVersion and kind must be set', t => {
	t.deepEqual(errorsOf(lines('# header', 'metadata: {name: x}')), ['t.yaml:2:1: apiVersion not set', 't.yaml:2:1: kind not set']);
	t.deepEqual(errorsOf(lines('apiVersion: v1', 'metadata: {name: x}')), ['t.yaml:1:1: kind not set']);
	t.deepEqual(errorsOf(lines('apiVersion: 1', 'kind: Service')), ['t.yaml:1:13: apiVersion: Invalid value: 1: must be a string']);
});

test('versions a cluster does not serve; other groups are other resources', t => {
	t.deepEqual(errorsOf(lines('apiVersion: apps/v2', 'kind: Deployment', 'metadata: {name: x}')), [
		't.yaml:1:13: no matches for kind "Deployment" in version "apps/v2"',
	]);
	t.deepEqual(errorsOf(lines('apiVersion: v1', 'kind: Deployment', 'metadata: {name: x}')), ['t.yaml:1:13: no matches for kind "Deployment" in version "v1"']);
	const knative = load(lines('apiVersion: serving.knative.dev/v1', 'kind: Service', 'metadata: {name: x}'));
	t.deepEqual(knative.errors, []);
	t.deepEqual(knative.skipped, {Service: 1});
});

test('kind: List items load, with positions inside items', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: List',
		'items:',
		'- apiVersion: v1',
		'  kind: Service',
		'  metadata: {name: a}',
		'  spec: {ports: [{port: 80}]}',
		'- apiVersion: v1',
		'  kind: ServiceList',
		'  items:',
		'  - apiVersion: v1',
		'    kind: Service',
		'    metadata: {name: b}',
		'    spec:',
		'      ports: [{port: 99999}]',
		'- null',
		'- 7',
	);
	const result = load(text);
	t.deepEqual(
		result.input.services.map(s => s.meta.name),
		['a'],
	);
	t.deepEqual(result.errors.map(formatDiagnostic), [
		't.yaml:15:22: The Service "b" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive',
		't.yaml:15:15: The Service "b" is invalid: spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive',
		't.yaml:17:3: json: cannot unmarshal number into Go value of type map[string]interface {}',
	]);
});

test('the same object twice: AlreadyExists, at the second name', t => {
	const text = lines(
		...service('web', '  ports: [{port: 80}]').trimEnd().split('\n'),
		'---',
		...service('web', '  ports: [{port: 81}]').trimEnd().split('\n'),
		'---',
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata: {name: web}',
		'spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c}]}}}',
		'---',
		'apiVersion: extensions/v1beta1',
		'kind: Deployment',
		'metadata: {name: web}',
		'spec: {template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c}]}}}',
	);
	const result = load(text);
	t.deepEqual(result.errors.map(formatDiagnostic), [
		't.yaml:11:9: Error from server (AlreadyExists): services "web" already exists',
		't.yaml:22:18: Error from server (AlreadyExists): deployments.apps "web" already exists',
	]);
	t.is(result.input.services[0]!.spec.ports![0]!.port, 80);
	t.is(result.input.workloads.length, 1);
	// The same name in another namespace is another object.
	const other = lines(
		service('web', '  ports: [{port: 80}]').trimEnd(),
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: web, namespace: default2}',
		'spec: {ports: [{port: 80}]}',
	);
	t.deepEqual(load(other).errors, []);
});

test('a namespace used but not defined: created, with one warning at its first use', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: a, namespace: monitoring}',
		'spec: {ports: [{port: 80}]}',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: b, namespace: monitoring}',
		'spec: {ports: [{port: 80}]}',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: c, namespace: kube-system}',
		'spec: {ports: [{port: 80}]}',
		'---',
		'apiVersion: v1',
		'kind: Service',
		'metadata: {name: d, namespace: shop}',
		'spec: {ports: [{port: 80}]}',
		'---',
		'apiVersion: v1',
		'kind: Namespace',
		'metadata: {name: shop, labels: {team: a}}',
	);
	const result = load(text);
	t.deepEqual(result.warnings.map(formatDiagnostic), ['t.yaml:3:32: warning: namespace "monitoring" is not defined by any document; creating it']);
	t.deepEqual(result.input.namespaces, [{name: 'shop', labels: {team: 'a'}}, {name: 'monitoring'}]);
	t.deepEqual(
		result.input.services.map(s => `${s.meta.namespace}/${s.meta.name}`),
		['monitoring/a', 'monitoring/b', 'kube-system/c', 'shop/d'],
	);
});

test('built-in namespaces are listed only when a document defines them', t => {
	const text = lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: kube-system}');
	t.deepEqual(load(text).input.namespaces, [{name: 'kube-system'}]);
	t.deepEqual(load(service('web', '  ports: [{port: 80}]')).input.namespaces, []);
	t.deepEqual(errorsOf(lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: a.b}')), [
		't.yaml:3:18: The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
	]);
});

test('kinds the simulator does not model are counted, EndpointSlice too', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: ServiceAccount',
		'metadata: {name: a}',
		'---',
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata: {name: a}',
		'---',
		'apiVersion: discovery.k8s.io/v1',
		'kind: EndpointSlice',
		'metadata: {name: a}',
		'---',
		'apiVersion: v1',
		'kind: ServiceAccount',
		'metadata: {name: b}',
	);
	const result = load(text);
	t.deepEqual(result.skipped, {ServiceAccount: 2, ConfigMap: 1, EndpointSlice: 1});
	t.is(formatSkipped(result.skipped), 'skipped: 2 ServiceAccount, 1 ConfigMap, 1 EndpointSlice');
});

test('kubectl -o yaml output (server-set fields) loads without a warning', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Service',
		'metadata:',
		'  creationTimestamp: "2024-05-01T10:00:00Z"',
		'  name: web',
		'  namespace: default',
		'  resourceVersion: "1234"',
		'  uid: 6f1c1a2e-1111-2222-3333-444455556666',
		'  managedFields: [{manager: kubectl, operation: Update}]',
		'spec:',
		'  clusterIP: 10.104.23.171',
		'  clusterIPs: [10.104.23.171]',
		'  internalTrafficPolicy: Cluster',
		'  ipFamilies: [IPv4]',
		'  ipFamilyPolicy: SingleStack',
		'  ports: [{port: 8080, protocol: TCP, targetPort: 8080, nodePort: 30036}]',
		'  selector: {app: hello-node}',
		'  sessionAffinity: None',
		'  type: NodePort',
		'  externalTrafficPolicy: Cluster',
		'status: {loadBalancer: {}}',
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.warnings, []);
	const web = result.input.services[0]!;
	t.is(web.meta.uid, '6f1c1a2e-1111-2222-3333-444455556666');
	// Recorded times are relative to the newest one in the files (the dump's "now").
	t.is(web.meta.createdAtSeconds, 0);
	t.is(web.spec.clusterIP, '10.104.23.171');
});

test('diagnostics come in file and document order, across files', t => {
	const result = loadSources([
		{name: 'a.yaml', text: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: x, namespace: extra}', 'spec: {}', '---', 'kind: Service')},
		{name: 'b.yaml', text: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: "Y"}', 'spec: {ports: [{port: 80}]}')},
	]);
	t.deepEqual(result.errors.map(formatDiagnostic), [
		'a.yaml:4:1: The Service "x" is invalid: spec.ports: Required value',
		'a.yaml:6:1: apiVersion not set',
		"b.yaml:3:18: The Service \"Y\" is invalid: metadata.name: Invalid value: \"Y\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
	]);
	// An invalid object is not loaded, so it creates no namespace.
	t.deepEqual(result.input.namespaces, []);
});

test('untrusted text never reaches the terminal raw', t => {
	const text = lines('apiVersion: v1', 'kind: "Evil\\e]0;pwned\\a"', 'metadata: {name: x}');
	const result = load(text, 'bad\u001bname.yaml');
	t.deepEqual(result.skipped, {'Evil\u001b]0;pwned\u0007': 1});
	t.is(formatSkipped(result.skipped), 'skipped: 1 Evil\\x1b]0;pwned\\a');
	const named = service('"\\e[2J"', '  ports: [{port: 80}]');
	const [line] = errorsOf(named, 'bad\u001bname.yaml');
	t.true(line!.startsWith('bad\\x1bname.yaml:4:9: The Service "\\x1b[2J" is invalid: metadata.name: Invalid value: "\\x1b[2J"'));
	// eslint-disable-next-line no-control-regex
	t.false(ANY_CONTROL.test(line!));
});

test('locate: the field, its clusterIP alias, the name, the object start', t => {
	const text = lines(
		'apiVersion: v1', // 1
		'kind: List',
		'items:',
		'- apiVersion: v1', // 4
		'  kind: Service',
		'  metadata: {name: web, namespace: shop}', // 6
		'  spec:',
		'    type: NodePort',
		'    clusterIP: 10.0.0.1', // 9
		'    ports: [{port: 80, nodePort: 80}]', // 10
		'---',
		'apiVersion: v1', // 12
		'kind: Node',
		'metadata: {name: n1}', // 14
	);
	const result = load(text);
	t.deepEqual(result.errors, []);
	const at = (path: Array<string | number>) => result.locate('Service', 'shop', 'web', path);
	t.deepEqual(at(['spec', 'ports', 0, 'nodePort']), {file: 't.yaml', line: 10, col: 34});
	t.deepEqual(at(['spec', 'clusterIPs']), {file: 't.yaml', line: 9, col: 16});
	t.deepEqual(at(['spec', 'clusterIPs', 0]), {file: 't.yaml', line: 9, col: 16});
	t.deepEqual(at(['spec', 'healthCheckNodePort']), {file: 't.yaml', line: 6, col: 20});
	t.deepEqual(result.locate('Node', '', 'n1', ['spec', 'podCIDR']), {file: 't.yaml', line: 14, col: 18});
	t.deepEqual(result.locate('Service', 'default', 'nope', []), {file: '', line: 0, col: 0});
	// Inside a one-line List item, a missing field falls back to the item's name.
	const bare = load(lines('apiVersion: v1', 'kind: List', 'items:', '- {apiVersion: v1, kind: Namespace, metadata: {name: x}}'));
	t.deepEqual(bare.locate('Namespace', '', 'x', ['spec']), {file: 't.yaml', line: 4, col: 54});
});

test('warnings are formatted with `warning:`', t => {
	t.deepEqual(warningsOf(service('web', '  externalName: a.b', '  ports: [{port: 80}]')), [
		't.yaml:6:17: warning: spec.externalName is ignored when spec.type is not "ExternalName"',
	]);
});

test('a 200,000-level value in a big JSON file: the depth limit of small files, at the same place (issue 11)', t => {
	// JSON.parse takes any depth (encoding/json stops at 10,000, scanner.go maxNestingDepth); the
	// loader's one limit is js-yaml's, on both paths (fast-parse.ts maxDepth).
	const json = (n: number) =>
		`{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"selector":{"app":${'['.repeat(n)}${']'.repeat(n)}},"ports":[{"port":80}]}}`;
	t.deepEqual(errorsOf(json(200_000), 'deep.json'), ['deep.json:1:185: nesting exceeded maxDepth (100)']);
	t.deepEqual(errorsOf(json(2_000), 'small.json'), ['small.json:1:185: nesting exceeded maxDepth (100)']);
});
