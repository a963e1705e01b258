// `-o custom-columns` as kubernetes/kubectl pkg/cmd/get/customcolumn.go prints it; the expected
// texts follow customcolumn_test.go's cases and kubectl's tabwriter layout.
import test from 'ava';
import {customColumns} from '../../source/view/custom-columns.js';

const pods = [
	{
		kind: 'Pod',
		metadata: {name: 'web-1', labels: {app: 'web', tier: 'fe'}},
		spec: {
			containers: [
				{name: 'app', image: 'nginx:1.27'},
				{name: 'sidecar', image: 'envoy:1.30'},
			],
		},
		status: {podIP: '10.244.0.5'},
	},
	{kind: 'Pod', metadata: {name: 'db-0'}, spec: {containers: [{name: 'pg', image: 'postgres:17'}]}, status: {}},
];

test('headers as written, one row per object, <none> for a path that finds nothing', t => {
	t.deepEqual(customColumns('NAME:.metadata.name,IP:.status.podIP', pods, false), {
		ok: true,
		text: ['NAME    IP', 'web-1   10.244.0.5', 'db-0    <none>'].join('\n'),
	});
});

test('the four path spellings (RelaxedJSONPathExpression) mean the same', t => {
	for (const path of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) {
		t.deepEqual(customColumns(`n:${path}`, pods, true), {ok: true, text: 'web-1\ndb-0'}, path);
	}
});

test('several values joined by commas; maps in Go form', t => {
	t.deepEqual(customColumns('IMAGES:.spec.containers[*].image,LABELS:.metadata.labels', pods, false), {
		ok: true,
		text: ['IMAGES                  LABELS', 'nginx:1.27,envoy:1.30   map[app:web tier:fe]', 'postgres:17             <none>'].join('\n'),
	});
});

test('no objects: the header line alone; --no-headers: nothing', t => {
	t.deepEqual(customColumns('NAME:.metadata.name', [], false), {ok: true, text: 'NAME'});
	t.deepEqual(customColumns('NAME:.metadata.name', [], true), {ok: true, text: ''});
});

test("kubectl's errors", t => {
	t.deepEqual(customColumns('', pods, false), {ok: false, error: 'error: custom-columns format specified but no custom columns given'});
	t.deepEqual(customColumns('NAME', pods, false), {ok: false, error: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'});
	t.deepEqual(customColumns('NAME:{.a}{.b}', pods, false), {
		ok: false,
		error: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
	});
	t.deepEqual(customColumns('N:.spec.containers[9].name', pods, false), {ok: false, error: 'error: array index out of bounds: index 9, length 2'});
});

test('cells and headers are sanitized', t => {
	t.deepEqual(customColumns('N\u001b:.metadata.name', [{metadata: {name: 'x\u001b[2J'}}], false), {ok: true, text: 'N^[\nx^[[2J'});
});
