import test from 'ava';
import {type GetOptions, get, getTable} from '../../source/view/get.js';
import {RAW_CONTROL} from '../control-chars.js';
import {buildState, fixtureState, makePod} from './fixture-state.js';
import {getOptions} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('pods', extra);

test('NotFound as kubectl prints it', t => {
	t.deepEqual(get(fixtureState(), options({name: 'nope'})), {ok: false, error: 'Error from server (NotFound): pods "nope" not found'});
	t.deepEqual(get(fixtureState(), options({resource: 'endpointslices', name: 'nope'})), {
		ok: false,
		error: 'Error from server (NotFound): endpointslices.discovery.k8s.io "nope" not found',
	});
	// A pod of that name exists, but in another namespace.
	t.false(get(fixtureState(), options({name: 'coredns-668d6bf9bc-b6nzv'})).ok);
});

test('client-side errors: a name with a selector, a name across all namespaces, a bad selector', t => {
	t.deepEqual(get(fixtureState(), options({name: 'curl', selector: 'run=curl'})), {
		ok: false,
		error: 'error: name cannot be provided when a selector is specified',
	});
	t.deepEqual(get(fixtureState(), options({name: 'curl', allNamespaces: true})), {
		ok: false,
		error: 'error: a resource cannot be retrieved by name across all namespaces',
	});
	t.deepEqual(get(fixtureState(), options({selector: 'app in (a'})), {ok: false, error: 'unable to parse requirement: "app in (a"'});
});

test("an empty list: kubectl's message as text, an empty List as JSON", t => {
	const result = get(fixtureState(), options({selector: 'app=nothing'}));
	t.deepEqual(result, {
		ok: true,
		text: 'No resources found in default namespace.',
		json: {apiVersion: 'v1', items: [], kind: 'List', metadata: {resourceVersion: ''}},
	});
	t.like(get(fixtureState(), options({allNamespaces: true, selector: 'app=nothing'})), {ok: true, text: 'No resources found'});
	t.like(get(fixtureState(), options({namespace: 'nowhere'})), {ok: true, text: 'No resources found in nowhere namespace.'});
	t.like(get(fixtureState(), options({selector: 'app=nothing', output: 'json'})), {
		ok: true,
		text: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}',
	});
	t.like(get(fixtureState(), options({selector: 'app=nothing', output: 'yaml'})), {
		ok: true,
		text: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""',
	});
});

test('-o json of a list is a v1 List of the objects, in table order', t => {
	const result = get(fixtureState(), options({selector: 'app=hello-node', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	const list = result.json as {apiVersion: string; kind: string; items: Array<{kind: string; metadata: {name: string}}>; metadata: unknown};
	t.is(list.kind, 'List');
	t.deepEqual(list.metadata, {resourceVersion: ''});
	t.deepEqual(
		list.items.map(i => `${i.kind}/${i.metadata.name}`),
		['Pod/hello-node-7b2qp', 'Pod/hello-node-g8w6c', 'Pod/hello-node-x2k4z', 'Pod/hello-node-zq9l6'],
	);
	t.deepEqual(JSON.parse(result.text), result.json);
	// cli-runtime printers/json.go: json.MarshalIndent(obj, "", "    ").
	t.is(result.text, JSON.stringify(result.json, null, 4));
});

test('-o yaml: kubectl layout (sequences flush with their key, timestamps quoted)', t => {
	const result = get(fixtureState(), options({resource: 'statefulsets', output: 'yaml'}));
	if (!result.ok) return t.fail(result.error);
	t.true(
		result.text.startsWith('apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata:\n    creationTimestamp: "2026-01-01T00:58:00Z"\n'),
	);
	t.true(result.text.endsWith('\nkind: List\nmetadata:\n  resourceVersion: ""'));
	t.true(
		result.text.includes(
			'\n      spec:\n        containers:\n        - image: postgres:17\n          imagePullPolicy: IfNotPresent\n          name: postgres\n',
		),
	);
});

test('untrusted names and labels never reach the output as control characters', t => {
	const evil = 'evil\u001b]0;pwned\u0007\u009b2J';
	const state = buildState({pods: [makePod('default', evil, {labels: {note: 'x\u001b[31m'}, nodeName: 'n', podIP: '10.244.0.9'})]});
	const table = get(state, options());
	t.like(table, {ok: true, text: 'NAME                     READY   STATUS    RESTARTS   AGE\nevil^[]0;pwned^G\\x9b2J   1/1     Running   0          10m'});
	const json = get(state, options({output: 'json'}));
	if (!json.ok) return t.fail();
	t.false(RAW_CONTROL.test(json.text));
	t.is((JSON.parse(json.text) as {items: Array<{metadata: {name: string}}>}).items[0]!.metadata.name, evil);
	const yaml = get(state, options({output: 'yaml'}));
	if (!yaml.ok) return t.fail();
	t.false(RAW_CONTROL.test(yaml.text));
	t.true(yaml.text.includes('name: "evil\\e]0;pwned\\a\\x9b2J"'));
	t.deepEqual(get(state, options({name: '\u001b[2Jx'})), {ok: false, error: 'Error from server (NotFound): pods "^[[2Jx" not found'});
	t.deepEqual(get(state, options({namespace: 'n\u001bs', selector: 'a=b'})), {
		ok: true,
		text: 'No resources found in n^[s namespace.',
		json: {apiVersion: 'v1', items: [], kind: 'List', metadata: {resourceVersion: ''}},
	});
});

test('getTable gives the rows as data for the TUI, cells sanitized', t => {
	const table = getTable(buildState({pods: [makePod('default', 'a\u001bb', {})]}), options({allNamespaces: true}));
	if (!table.ok) return t.fail(table.error);
	t.deepEqual(table.headers, ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
	t.deepEqual(table.rows, [['default', 'a^[b', '1/1', 'Running', '0', '10m']]);
	t.is(table.objects.length, 1);
	t.true(table.list);
});

test('output "text" (source/command\'s name for the default) is the table', t => {
	t.deepEqual(get(fixtureState(), options({output: 'text'})), get(fixtureState(), options()));
});

test('every resource answers in every output format', t => {
	const resources = [
		'services',
		'endpoints',
		'endpointslices',
		'pods',
		'nodes',
		'deployments',
		'replicasets',
		'replicationcontrollers',
		'statefulsets',
	] as const;
	for (const resource of resources) {
		for (const output of ['table', 'wide', 'json', 'yaml'] as const) {
			const result = get(fixtureState(), options({resource, output, allNamespaces: true}));
			t.true(result.ok && result.text.length > 0, `${resource} -o ${output}`);
		}
	}
});
