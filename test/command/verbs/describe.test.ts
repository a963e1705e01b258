// `describe` arguments as kubectl reads them (kubernetes/kubectl pkg/cmd/describe/describe.go:
// `TYPE [NAME_PREFIX | -l label] | TYPE/NAME`, `-A`; cli-runtime's resource builder for the errors).
import test from 'ava';
import {fails, parses} from '../macros.js';

const USAGE = 'Usage: describe TYPE [NAME_PREFIX ...] | TYPE/NAME ... [-n NS | -A] [-l SELECTOR]';
const base = {kind: 'describe', namespace: 'default', allNamespaces: false, output: 'text'} as const;
const one = (resource: 'services' | 'pods' | 'nodes' | 'deployments' | 'namespaces' | 'endpointslices', name: string) => ({
	...base,
	targets: [{resource, name}],
	resource,
	prefixMatch: true,
});

test(parses, 'describe svc hello-node-svc', one('services', 'hello-node-svc'));
test(parses, 'describe service hello-node-svc', one('services', 'hello-node-svc'));
test(parses, 'describe po web-0', one('pods', 'web-0'));
test(parses, 'describe no node-1', one('nodes', 'node-1'));
test(parses, 'describe deploy.apps web', one('deployments', 'web'));
test(parses, 'describe ns shop', one('namespaces', 'shop'));
test(parses, 'describe endpointslices web-abcde', one('endpointslices', 'web-abcde'));
test(parses, 'kubectl describe svc hello-node-svc -n web', {...one('services', 'hello-node-svc'), namespace: 'web'});
test(parses, 'describe svc hello-node-svc -o json', {...one('services', 'hello-node-svc'), output: 'json'});

test('TYPE NAME NAME: each name, no prefix matching (kubectl only falls back for exactly two arguments)', parses, 'describe pods a b', {
	...base,
	targets: [
		{resource: 'pods', name: 'a'},
		{resource: 'pods', name: 'b'},
	],
	resource: 'pods',
	prefixMatch: false,
});
test('TYPE/NAME: no prefix matching, types may differ', parses, 'describe pod/a svc/b', {
	...base,
	targets: [
		{resource: 'pods', name: 'a'},
		{resource: 'services', name: 'b'},
	],
	prefixMatch: false,
});
test('TYPE alone: every object in the namespace', parses, 'describe rs', {...base, targets: [], resource: 'replicasets', prefixMatch: false});
test('TYPE -A -l', parses, 'describe pods -A -l app=web', {
	...base,
	targets: [],
	resource: 'pods',
	prefixMatch: false,
	allNamespaces: true,
	selector: 'app=web',
});

test(fails, 'describe', `error: You must specify the type of resource to describe. ${USAGE}`);
test(fails, 'describe foo x', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'describe pods x -A', 'error: a resource cannot be retrieved by name across all namespaces');
test(fails, 'describe pods x -l app=web', 'error: name cannot be provided when a selector is specified');
test(fails, 'describe ev', 'error: events have no describer here; list them with: get events');
test(
	fails,
	'describe svc x pod/y',
	"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
);
