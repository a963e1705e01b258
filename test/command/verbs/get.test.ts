import test from 'ava';
import type {Command} from '../../../source/command/types.js';
import {get as getVerb} from '../../../source/command/verbs/get.js';
import {fails, parses} from '../macros.js';

const get = (fields: Partial<Extract<Command, {kind: 'get'}>>): Command => ({
	kind: 'get',
	resource: 'pods',
	namespace: 'default',
	allNamespaces: false,
	output: 'text',
	...fields,
});

const USAGE = `Usage: ${getVerb.usage}`;

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
test(
	fails,
	'get pods pod/a',
	"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
);
test(fails, 'get pods x -l app=web', 'error: name cannot be provided when a selector is specified');
test(
	'a name with -A parses: the view refuses it for namespaced kinds only (builder.go visitByName)',
	parses,
	'get pods x -A',
	get({name: 'x', allNamespaces: true}),
);
test(fails, 'get pods -l "a b"', 'error: unable to parse requirement: "a b"');
test(fails, 'get pods -l "app in (a"', 'error: unable to parse requirement: "app in (a"');

// Lists and names, as cli-runtime's builder.go ResourceTypeOrNameArgs reads them.
const r = (resource: Extract<Command, {kind: 'get'}>['resource'], ...names: string[]) => ({resource, names});
test('comma list: each type in turn', parses, 'get svc,ep', get({resource: 'services', requests: [r('services'), r('endpoints')]}));
test(
	'a type repeated as typed counts once (SplitResourceArgument)',
	parses,
	'get svc,svc,po',
	get({resource: 'services', requests: [r('services'), r('pods')]}),
);
test(
	'comma list with a name: each type with that name (normalizeMultipleResourcesArgs)',
	parses,
	'get svc,pods web',
	get({resource: 'services', requests: [r('services', 'web'), r('pods', 'web')]}),
);
test(parses, 'get svc,pods a b', get({resource: 'services', requests: [r('services', 'a'), r('services', 'b'), r('pods', 'a'), r('pods', 'b')]}));
test('several names of one type', parses, 'get pods a b', get({requests: [r('pods', 'a', 'b')]}));
test('TYPE/NAME of mixed types', parses, 'get svc/a pod/b', get({resource: 'services', requests: [r('services', 'a'), r('pods', 'b')]}));
test(parses, 'get pod/a pod/b', get({requests: [r('pods', 'a'), r('pods', 'b')]}));
test(
	"all: kubectl's category in discovery order, the kinds simulated here",
	parses,
	'get all',
	get({requests: [r('pods'), r('replicationcontrollers'), r('services'), r('deployments'), r('replicasets'), r('statefulsets')]}),
);
test(
	parses,
	'get all -A',
	get({allNamespaces: true, requests: [r('pods'), r('replicationcontrollers'), r('services'), r('deployments'), r('replicasets'), r('statefulsets')]}),
);
test(
	parses,
	'get ALL,no',
	get({requests: [r('pods'), r('replicationcontrollers'), r('services'), r('deployments'), r('replicasets'), r('statefulsets'), r('nodes')]}),
);
test(fails, 'get all web', 'error: you must specify only one resource');
test(fails, 'get svc,foo', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'get svc/a foo/b', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'get svc,ep/a', 'error: arguments in resource/name form must have a single resource and name');
test(fails, 'get svc/a/b', 'error: arguments in resource/name form may not have more than one slash');
test(fails, 'get svc/a -l app=web', 'error: selectors and the all flag cannot be used when passing resource/name arguments');
test(fails, 'get svc,pods web -l app=web', 'error: selectors and the all flag cannot be used when passing resource/name arguments');
test(fails, 'get pods a b -l app=web', 'error: name cannot be provided when a selector is specified');

// Printer flags (kubectl pkg/cmd/get/get_flags.go, humanreadable_flags.go) and get.go Validate.
test(parses, 'get pods --show-labels', get({showLabels: true}));
test(parses, 'get pods --show-labels -o wide', get({showLabels: true, output: 'wide'}));
test(parses, 'get pods -L app', get({labelColumns: ['app']}));
test(
	'-L takes a comma list and repeats (pflag StringSlice)',
	parses,
	'get pods -L app,tier --label-columns=x/y -Lz',
	get({labelColumns: ['app', 'tier', 'x/y', 'z']}),
);
test(parses, 'get pods --no-headers', get({noHeaders: true}));
test(parses, 'get pods --sort-by=.metadata.name', get({sortBy: '.metadata.name'}));
test(parses, "get pods --sort-by '{.status.podIP}'", get({sortBy: '{.status.podIP}'}));
test(fails, 'get pods --show-labels -o json', 'error: --show-labels option cannot be used with json printer');
test(fails, 'get pods --show-labels -o name', 'error: --show-labels option cannot be used with name printer');
test(fails, 'get pods --show-labels -o=jsonpath={.a}', 'error: --show-labels option cannot be used with jsonpath={.a} printer');
test(fails, 'get pods -L app -o custom-columns=N:.a', 'error: --label-columns option cannot be used with custom-columns=N:.a printer');
test('-L is ignored by other printers', parses, 'get pods -L app -o json', get({labelColumns: ['app'], output: 'json'}));

// -o values that carry a template (cli-runtime jsonpath_flags.go, kubectl customcolumn_flags.go).
test(parses, 'get pods -o name', get({output: 'name'}));
test(parses, "get pods -o jsonpath='{.items[*].metadata.name}'", get({output: 'jsonpath', template: '{.items[*].metadata.name}'}));
test('-o=jsonpath=… (only the first = splits)', parses, `get pods '-o=jsonpath={.a}{"="}'`, get({output: 'jsonpath', template: '{.a}{"="}'}));
test(parses, 'get pods --output=jsonpath-as-json={.a}', get({output: 'jsonpath-as-json', template: '{.a}'}));
test(
	parses,
	'get pods -o \'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}\'',
	get({output: 'jsonpath', template: '{range .items[*]}{.metadata.name}{"\\n"}{end}'}),
);
test('a bare jsonpath has an empty template (the view says so)', parses, 'get pods -o jsonpath', get({output: 'jsonpath', template: ''}));
test(
	parses,
	'get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP',
	get({output: 'custom-columns', template: 'NAME:.metadata.name,IP:.status.podIP'}),
);
test(
	fails,
	'get pods -o go-template={{.a}}',
	'error: unable to match a printer suitable for the output format "go-template={{.a}}", allowed formats are: custom-columns,json,jsonpath,jsonpath-as-json,name,wide,yaml',
);
test(
	fails,
	'get pods -o json=x',
	'error: unable to match a printer suitable for the output format "json=x", allowed formats are: custom-columns,json,jsonpath,jsonpath-as-json,name,wide,yaml',
);
