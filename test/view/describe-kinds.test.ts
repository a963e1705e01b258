// `kubectl describe` over several objects (kubernetes/kubectl pkg/cmd/describe/describe.go Run and
// DescribeMatchingResources, release-1.34): descriptions joined by "\n\n", NotFound errors after what
// could be described, `No resources found…` when a list is empty, the NAME_PREFIX fallback for
// exactly `TYPE NAME`, `-l` and `-A`.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import {describeObjects} from '../../source/view/describe-kinds.js';
import {bootSources, sampleState} from '../session/sample-state.js';

const hello = sampleState('hello.yaml');
const names = (out: string[]) => out.filter(line => line.startsWith('Name:')).map(line => line.split(/ +/)[1]);

test('describe TYPE: every object in the namespace, in name order, two blank lines between them', t => {
	const result = execute(hello, 'describe pods');
	t.true(result.ok);
	t.deepEqual(names(result.out), ['hello-node-4fp4j', 'hello-node-c4hwf', 'hello-node-vdtt6']);
	const second = result.out.indexOf('Name:             hello-node-c4hwf');
	t.deepEqual(result.out.slice(second - 3, second), [result.out[second - 3], '', '']);
	t.not(result.out[second - 3], '');
	t.not(result.out.at(-1), '');
});

test('describe TYPE NAME NAME: the found ones, then each NotFound; the command fails', t => {
	const result = execute(hello, 'describe svc nope hello-node-svc other');
	t.false(result.ok);
	t.deepEqual(names(result.out), ['hello-node-svc']);
	t.deepEqual(result.err, ['Error from server (NotFound): services "nope" not found', 'Error from server (NotFound): services "other" not found']);
});

test('describe TYPE NAME_PREFIX: every object whose name starts with it, each followed by one blank line', t => {
	const result = execute(hello, 'describe po hello-node-');
	t.true(result.ok);
	t.deepEqual(result.err, []);
	t.deepEqual(names(result.out), ['hello-node-4fp4j', 'hello-node-c4hwf', 'hello-node-vdtt6']);
	const second = result.out.indexOf('Name:             hello-node-c4hwf');
	t.is(result.out[second - 1], '');
	t.not(result.out[second - 2], '');
	t.is(result.out.at(-1), '');
});

test('describe TYPE/NAME: no prefix fallback, the NotFound stands', t => {
	const result = execute(hello, 'describe pod/hello-node-');
	t.false(result.ok);
	t.deepEqual(result.err, ['Error from server (NotFound): pods "hello-node-" not found']);
	t.deepEqual(result.out, []);
});

test('describe TYPE/NAME of different types, in the order given', t => {
	const result = execute(hello, 'describe svc/hello-node-svc no/node-2 ns/default');
	t.deepEqual(names(result.out), ['hello-node-svc', 'node-2', 'default']);
});

test('describe -l: only the matching objects; an empty match is the notice on stderr', t => {
	t.deepEqual(names(execute(hello, 'describe svc -l component=apiserver').out), ['kubernetes']);
	const none = execute(hello, 'describe pods -l app=none');
	t.true(none.ok);
	t.deepEqual(none.out, []);
	t.deepEqual(none.err, ['No resources found in default namespace.']);
	t.deepEqual(execute(hello, 'describe pods -n empty').err, ['No resources found in empty namespace.']);
});

test('describe -A: across namespaces, namespace then name (the dump fixture)', t => {
	const dump = bootSources([{name: 'cluster.yaml', text: readFileSync('test/fixtures/dump/cluster.yaml', 'utf8')}]);
	const out = execute(dump, 'describe deploy -A').out;
	const namespaces = out.filter(line => line.startsWith('Namespace:')).map(line => line.split(/ +/)[1]);
	t.deepEqual(namespaces, ['kube-system', 'team-0', 'team-0', 'team-1']);
	t.deepEqual(names(out), ['coredns', 'svc-0', 'svc-2', 'svc-1']);
	t.deepEqual(execute(dump, 'describe pods -A -l app=none').err, ['No resources found']);
});

test('describe NAME -o json: the object; several: a List', t => {
	const one = JSON.parse(execute(hello, 'describe no node-1 -o json').out.join('\n'));
	t.is(one.kind, 'Node');
	t.is(one.metadata.name, 'node-1');
	const many = JSON.parse(execute(hello, 'describe pods -o json').out.join('\n'));
	t.is(many.kind, 'List');
	t.deepEqual(
		many.items.map((item: {metadata: {name: string}}) => item.metadata.name),
		['hello-node-4fp4j', 'hello-node-c4hwf', 'hello-node-vdtt6'],
	);
});

test('describe: a name from input that matches an Object.prototype key is not found, not a crash', t => {
	t.deepEqual(execute(hello, 'describe no constructor').err, ['Error from server (NotFound): nodes "constructor" not found']);
	t.deepEqual(execute(hello, 'describe ns __proto__').err, ['Error from server (NotFound): namespaces "__proto__" not found']);
});

test('describe: NotFound names are sanitized (the view does it; the command line already refuses control characters)', t => {
	const query = {targets: [{resource: 'pods', name: 'a\u001b[2Jb'}], namespace: 'default', allNamespaces: false} as const;
	t.deepEqual(describeObjects(hello, query).errors, ['Error from server (NotFound): pods "a^[[2Jb" not found']);
});

test('describe: NotFound names the resource with its API group, as the API server does (deployments.apps, endpointslices.discovery.k8s.io)', t => {
	t.deepEqual(execute(hello, 'describe deploy nope').err, ['Error from server (NotFound): deployments.apps "nope" not found']);
	t.deepEqual(execute(hello, 'describe endpointslices nope').err, ['Error from server (NotFound): endpointslices.discovery.k8s.io "nope" not found']);
	t.deepEqual(execute(hello, 'describe rc nope').err, ['Error from server (NotFound): replicationcontrollers "nope" not found']);
});
