// Strict decoding (source/load/schema/strict.ts, load-sources.ts): unknown and repeated fields,
// worded as the API server's strict decoder words them
// (staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go → sigs.k8s.io/json
// UnmarshalStrict; expected texts as in kubernetes test/integration/apiserver/field_validation_test.go),
// on the small-file (`yaml`) path and the big-file fast path (js-yaml / JSON.parse) alike.

import test from 'ava';
import {dumpObject, toKubectlJson, toKubectlYaml} from '../../bench/generate-dump.js';
import {generateTree, renderTree} from '../../bench/generate-schema.js';
import {FAST_PATH_BYTES} from '../../source/load/fast-parse.js';
import {formatDiagnostic, loadSources, type ValidateMode} from '../../source/load/index.js';
import {fieldTreeJson} from '../../source/load/schema/fields.generated.js';
import {knownPath, unknownFields} from '../../source/load/schema/strict.js';
import {lines} from './helpers.js';

/** Both paths: as written (small: `yaml`), and padded past FAST_PATH_BYTES (js-yaml or JSON.parse)
 *  with a trailing comment or blanks, which moves no position. */
const paths = [
	['small', (text: string) => text],
	['big', (text: string) => (text.trimStart().startsWith('{') ? text + ' '.repeat(FAST_PATH_BYTES) : `${text}# ${'x'.repeat(FAST_PATH_BYTES)}\n`)],
] as const;

function run(text: string, validate?: ValidateMode, name = 't.yaml') {
	const r = loadSources([{name, text}], validate ? {validate} : {});
	return {errors: r.errors.map(formatDiagnostic), warnings: r.warnings.map(formatDiagnostic), result: r};
}

const svcPrefix = 'Service in version "v1" cannot be handled as a Service: strict decoding error: ';
const deployPrefix = 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ';

const typos = lines(
	'apiVersion: v1',
	'kind: Service',
	'metdata:',
	'  name: web',
	'spec:',
	'  ports:',
	'    - port: 80',
	'      targetport: 8080',
	'---',
	'apiVersion: apps/v1',
	'kind: Deployment',
	'metadata:',
	'  name: web',
	'spec:',
	'  selector:',
	'    matchLabels: {app: web}',
	'  template:',
	'    metadata:',
	'      labels: {app: web}',
	'    spec:',
	'      containers:',
	'        - name: web',
	'          image: nginx',
	'          imagePullPolcy: Always',
);

for (const [which, pad] of paths) {
	test(`${which} file: typos at the top, in a list item, deep in a pod template; each at its key`, t => {
		const {errors, result} = run(pad(typos));
		t.deepEqual(errors, [
			`t.yaml:3:1: ${svcPrefix}unknown field "metdata"`,
			`t.yaml:8:7: ${svcPrefix}unknown field "spec.ports[0].targetport"`,
			`t.yaml:24:11: ${deployPrefix}unknown field "spec.template.spec.containers[0].imagePullPolcy"`,
		]);
		// Strict decoding fails the request: the objects are not loaded.
		t.is(result.input.services.length + result.input.workloads.length, 0);
	});

	test(`${which} file: --validate=warn prints kubectl's warning text and loads the objects`, t => {
		const {errors, warnings, result} = run(pad(typos.replace('metdata', 'metadata')), 'warn');
		t.deepEqual(errors, []);
		t.deepEqual(warnings, [
			't.yaml:8:7: warning: unknown field "spec.ports[0].targetport"',
			't.yaml:24:11: warning: unknown field "spec.template.spec.containers[0].imagePullPolcy"',
		]);
		t.is(result.input.services.length, 1);
		t.is(result.input.workloads.length, 1);
	});

	test(`${which} file: --validate=ignore says nothing`, t => {
		const {errors, warnings} = run(pad(typos.replace('metdata', 'metadata')), 'ignore');
		t.deepEqual([...errors, ...warnings], []);
	});

	test(`${which} YAML file: a repeated key is a duplicate field at the repeat; the last value wins when allowed`, t => {
		const text = lines(
			'apiVersion: apps/v1',
			'kind: Deployment',
			'metadata:',
			'  name: web',
			'spec:',
			'  replicas: 1',
			'  replicas: 3',
			'  selector:',
			'    matchLabels: {app: web}',
			'  template:',
			'    metadata:',
			'      labels: {app: web}',
			'    spec:',
			'      containers: [{name: web, image: nginx}]',
		);
		t.deepEqual(run(pad(text)).errors, [`t.yaml:7:3: ${deployPrefix}duplicate field "spec.replicas"`]);
		const warned = run(pad(text), 'warn');
		t.deepEqual(warned.warnings, ['t.yaml:7:3: warning: duplicate field "spec.replicas"']);
		t.is(warned.result.input.workloads[0]?.replicas, 3);
		t.is(run(pad(text), 'ignore').result.input.workloads[0]?.replicas, 3);
	});

	test(`${which} JSON file: a repeated key (JSON.parse keeps the last silently) is found too`, t => {
		const text = lines(
			'{"apiVersion": "v1", "kind": "Service",',
			' "metadata": {"name": "web", "name": "web2"},',
			' "spec": {"ports": [{"port": 80, "bogus": 1, "bogus": 2}]}}',
		);
		// Both unknown and repeated: unknown only, as for typed objects upstream.
		t.deepEqual(run(pad(text), undefined, 't.json').errors, [
			`t.json:2:30: ${svcPrefix}duplicate field "metadata.name"`,
			`t.json:3:34: ${svcPrefix}unknown field "spec.ports[0].bogus"`,
		]);
	});

	test(`${which} file: List items are checked each against its kind, and the List's own fields too`, t => {
		const text = lines(
			'apiVersion: v1',
			'kind: List',
			'metadata:',
			'  resourceVersion: ""',
			'  bogus: 1',
			'items:',
			'- apiVersion: v1',
			'  kind: Service',
			'  metadata:',
			'    name: a',
			'  spec:',
			'    ports:',
			'    - port: 80',
			'- apiVersion: v1',
			'  kind: Service',
			'  metadata:',
			'    name: b',
			'  spec:',
			'    ports:',
			'    - port: 80',
			'      port: 81',
			'    clusterIp: 10.0.0.1',
		);
		t.deepEqual(run(pad(text)).errors, [
			't.yaml:5:3: List in version "v1" cannot be handled as a List: strict decoding error: unknown field "metadata.bogus"',
			`t.yaml:21:7: ${svcPrefix}duplicate field "spec.ports[0].port"`,
			`t.yaml:22:5: ${svcPrefix}unknown field "spec.clusterIp"`,
		]);
	});
}

test('free-form maps (labels, annotations, selectors, resources, managedFields) are not checked', t => {
	const text = lines(
		'apiVersion: v1',
		'kind: Pod',
		'metadata:',
		'  name: web',
		'  labels: {anything: goes}',
		'  annotations: {also: this}',
		'  managedFields:',
		'  - manager: kubectl',
		'    fieldsV1: {"f:spec": {"f:whatever": {}}}',
		'spec:',
		'  nodeSelector: {disk: ssd}',
		'  containers:',
		'  - name: web',
		'    image: nginx',
		'    resources: {limits: {cpu: 1, example.com/gpu: 1}}',
		'status:',
		'  phase: Running',
		'  podIP: 10.1.0.5',
		'  conditions: [{type: Ready, status: "True"}]',
	);
	t.deepEqual(run(text).errors, []);
	t.deepEqual(run(text).warnings, []);
});

test('a wrong type is reported alone: the API server fails to decode before it looks at strictness', t => {
	const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '    - port: "80"', '      targetport: 8080');
	t.deepEqual(run(text).errors, ['t.yaml:7:13: The Service "web" is invalid: spec.ports[0].port: Invalid value: "80": must be an integer']);
});

test('strict errors come before validation: a strict error hides the ValidateService findings', t => {
	const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: Web', 'spec:', '  bogus: 1', '  ports:', '    - port: 80');
	t.deepEqual(run(text).errors, [`t.yaml:6:3: ${svcPrefix}unknown field "spec.bogus"`]);
	t.is(run(text, 'warn').errors.length, 1, 'with warn, validation runs');
});

test('kubectl dumps (YAML and JSON, fast path) load with no warning: status, managedFields and all', t => {
	const dump = dumpObject({pods: 60});
	for (const [name, text] of [
		['dump.yaml', toKubectlYaml(dump)],
		['dump.json', toKubectlJson(dump)],
	] as const) {
		for (const padded of [
			text,
			text.endsWith('}\n') || text.endsWith('}') ? text + ' '.repeat(FAST_PATH_BYTES) : `${text}# ${'x'.repeat(FAST_PATH_BYTES)}\n`,
		]) {
			const r = loadSources([{name, text: padded}]);
			t.deepEqual(r.errors.map(formatDiagnostic), [], name);
			t.deepEqual(r.warnings.map(formatDiagnostic), [], name);
			t.is(r.input.pods.length, 60);
		}
	}
});

test('the schema: known and unknown paths, lists and maps, the inline volumeClaimTemplates type', t => {
	t.deepEqual(unknownFields('Service', {spec: {ports: [{port: 1, targetport: 2}], selector: {x: 'y'}}, foo: {bar: 1}}), [
		['spec', 'ports', 0, 'targetport'],
		['foo'],
	]);
	t.true(knownPath('StatefulSet', ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage']));
	t.false(knownPath('Pod', ['spec', 'containers', 0, 'imagePullPolcy']));
	// Names that are also Object.prototype keys are fields like any other.
	t.deepEqual(unknownFields('Pod', {constructor: 1, metadata: {toString: 'x', labels: {constructor: 'y'}}}), [['constructor'], ['metadata', 'toString']]);
});

test('the committed field tree is what kubernetes-models generates (regenerate with bench/generate-schema.ts)', t => {
	const rendered = renderTree(generateTree());
	t.true(rendered.includes(`'${fieldTreeJson.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`), 'fields.generated.ts is stale');
	const tree = JSON.parse(fieldTreeJson) as {source: string};
	t.regex(tree.source, /^kubernetes-models@4\./);
});

test('generateName is validated as a name prefix: a trailing dash is allowed, the rest is the name rule (objectmeta.go)', t => {
	const pod = (generateName: string) =>
		lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', `  generateName: ${generateName}`, 'spec:', '  containers: [{name: a, image: nginx}]');
	t.deepEqual(run(pod('web-')).errors, []);
	const errors = run(pod('Web-')).errors;
	t.is(errors.length, 1);
	t.true(errors[0]?.startsWith('t.yaml:5:17: The Pod "web" is invalid: metadata.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain'));
	// Services take DNS-1035 labels: no leading digit, even in a prefix.
	const svc = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  generateName: 1web-', 'spec:', '  ports: [{port: 80}]');
	t.true(run(svc).errors[0]?.startsWith('t.yaml:5:17: The Service "web" is invalid: metadata.generateName: Invalid value: "1web-": a DNS-1035 label'));
});
