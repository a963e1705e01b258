import test from 'ava';
import type {Command} from '../../../source/command/types.js';
import {fails, parses} from '../macros.js';

const get = (fields: Partial<Extract<Command, {kind: 'get'}>>): Command => ({
	kind: 'get',
	resource: 'pods',
	namespace: 'default',
	allNamespaces: false,
	output: 'text',
	...fields,
});

const USAGE = 'Usage: get TYPE [NAME | TYPE/NAME] [-n NS | -A] [-l SELECTOR] [-o wide|json|yaml]';

const ALIASES: Array<[string, Extract<Command, {kind: 'get'}>['resource']]> = [
	['svc', 'services'],
	['service', 'services'],
	['services', 'services'],
	['ep', 'endpoints'],
	['endpoints', 'endpoints'],
	['endpointslice', 'endpointslices'],
	['endpointslices', 'endpointslices'],
	['po', 'pods'],
	['pod', 'pods'],
	['pods', 'pods'],
	['no', 'nodes'],
	['node', 'nodes'],
	['nodes', 'nodes'],
	['deploy', 'deployments'],
	['deployment', 'deployments'],
	['deployments', 'deployments'],
	['rs', 'replicasets'],
	['replicaset', 'replicasets'],
	['replicasets', 'replicasets'],
	['rc', 'replicationcontrollers'],
	['replicationcontroller', 'replicationcontrollers'],
	['replicationcontrollers', 'replicationcontrollers'],
	['sts', 'statefulsets'],
	['statefulset', 'statefulsets'],
	['statefulsets', 'statefulsets'],
	['deployments.apps', 'deployments'],
	['Service', 'services'],
];

for (const [word, resource] of ALIASES) {
	test(parses, `get ${word}`, get({resource}));
}

test(parses, 'get svc hello-node-svc', get({resource: 'services', name: 'hello-node-svc'}));
test(parses, 'get svc/hello-node-svc', get({resource: 'services', name: 'hello-node-svc'}));
test(parses, 'get ep/hello-node-svc', get({resource: 'endpoints', name: 'hello-node-svc'}));
test(parses, 'get pods -n kube-system', get({namespace: 'kube-system'}));
test(parses, 'get pods --namespace kube-system', get({namespace: 'kube-system'}));
test(parses, 'get pods --namespace=kube-system', get({namespace: 'kube-system'}));
test(parses, 'get pods -A', get({allNamespaces: true}));
test(parses, 'get pods --all-namespaces', get({allNamespaces: true}));
test(parses, 'get pods --all-namespaces=false', get({}));
test(parses, 'get pods -l app=hello-node', get({selector: 'app=hello-node'}));
test(parses, 'get pods --selector app=hello-node', get({selector: 'app=hello-node'}));
test(parses, 'get pods --selector=app=hello-node,tier!=db', get({selector: 'app=hello-node,tier!=db'}));
test(parses, 'get pods -lapp=web', get({selector: 'app=web'}));
test('an empty selector is no selector', parses, `get pods -l ''`, get({}));
test(parses, 'get pods -A -l app=web', get({allNamespaces: true, selector: 'app=web'}));
test(parses, 'get pods -o wide', get({output: 'wide'}));
test(parses, 'get pods -owide', get({output: 'wide'}));
test(parses, 'get pods --output=json', get({output: 'json'}));
test(parses, 'get pods -o yaml', get({output: 'yaml'}));
test('flags before the arguments', parses, 'get -n web -o wide svc x', get({resource: 'services', name: 'x', namespace: 'web', output: 'wide'}));
test('bundled -Ao', parses, 'get pods -Aowide', get({allNamespaces: true, output: 'wide'}));
test('nodes keep the namespace flag harmlessly', parses, 'get nodes -n web', get({resource: 'nodes', namespace: 'web'}));

test(fails, 'get', `error: You must specify the type of resource to get. ${USAGE}`);
test(fails, 'get -A', `error: You must specify the type of resource to get. ${USAGE}`);
test(fails, 'get foo', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'get configmaps', 'error: the server doesn\'t have a resource type "configmaps"');
test(fails, 'get svc,ep', 'error: one resource type at a time here, not "svc,ep"');
test(fails, 'get all', 'error: "all" is not supported here; name one resource type (svc, ep, pods, deploy, ...)');
test(fails, 'get pods a b', `error: unexpected argument "b". ${USAGE}`);
test(fails, 'get pod/a pod/b', `error: unexpected argument "pod/b". ${USAGE}`);
test(
	fails,
	'get pods pod/a',
	"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
);
test(fails, 'get pods x -l app=web', 'error: name cannot be provided when a selector is specified');
test(fails, 'get pods x -A', 'error: a resource cannot be retrieved by name across all namespaces');
test(fails, 'get pods -l "a b"', 'error: unable to parse requirement: "a b"');
test(fails, 'get pods -l "app in (a"', 'error: unable to parse requirement: "app in (a"');
test(fails, 'get pods --show-labels', 'error: unknown flag: --show-labels');
