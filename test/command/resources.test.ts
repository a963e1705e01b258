import test from 'ava';
import {parseResourceArgs, resolveResourceType} from '../../source/command/resources.js';
import type {ResourceName} from '../../source/kinds/registry.js';

const ALIASES: Array<[ResourceName, string[]]> = [
	['services', ['svc', 'service', 'services', 'Service', 'SVC']],
	['endpoints', ['ep', 'endpoints', 'Endpoints']],
	['endpointslices', ['endpointslice', 'endpointslices', 'EndpointSlice', 'endpointslices.discovery.k8s.io', 'endpointslice.v1.discovery.k8s.io']],
	['pods', ['po', 'pod', 'pods', 'Pod']],
	['nodes', ['no', 'node', 'nodes', 'Node']],
	['namespaces', ['ns', 'namespace', 'namespaces', 'Namespace', 'NS']],
	['events', ['ev', 'event', 'events', 'Event']],
	['deployments', ['deploy', 'deployment', 'deployments', 'Deployment', 'deployments.apps', 'deploy.apps', 'deployments.v1.apps']],
	['replicasets', ['rs', 'replicaset', 'replicasets', 'ReplicaSet', 'replicasets.apps']],
	['replicationcontrollers', ['rc', 'replicationcontroller', 'replicationcontrollers', 'ReplicationController']],
	['statefulsets', ['sts', 'statefulset', 'statefulsets', 'StatefulSet', 'statefulsets.apps', 'sts.v1.apps']],
];

for (const [name, words] of ALIASES) {
	for (const word of words) {
		test(`${JSON.stringify(word)} is ${name}`, t => {
			t.is(resolveResourceType(word), name);
		});
	}
}

// `endpoint` and `eps`: discovery lists no such words (the Endpoints singular is `endpoints`,
// client-go restmapper/discovery.go; EndpointSlice has no short name, its storage.go).
test('unknown words and wrong groups resolve to nothing', t => {
	for (const word of ['foo', 'svcs', 'configmaps', 'endpoint', 'eps', 'deployments.extensions', 'pods.apps', 'services.apps', 'deploy.v1', 'ns.v1', '']) {
		t.is(resolveResourceType(word), null, word);
	}
});

test('TYPE NAME… names every object', t => {
	t.deepEqual(parseResourceArgs(['po', 'a', 'b']), {
		ok: true,
		type: 'pods',
		targets: [
			{resource: 'pods', name: 'a'},
			{resource: 'pods', name: 'b'},
		],
	});
});

test('TYPE alone names nothing', t => {
	t.deepEqual(parseResourceArgs(['svc']), {ok: true, type: 'services', targets: []});
	t.deepEqual(parseResourceArgs([]), {ok: true, type: null, targets: []});
});

test('TYPE/NAME may mix types', t => {
	t.deepEqual(parseResourceArgs(['pod/a', 'node/b']), {
		ok: true,
		type: null,
		targets: [
			{resource: 'pods', name: 'a'},
			{resource: 'nodes', name: 'b'},
		],
	});
});

const refuses = test.macro({
	exec(t, args: string[], error: string) {
		t.deepEqual(parseResourceArgs(args), {ok: false, error});
	},
	title: (provided, args: string[]) => provided ?? `refuses ${args.join(' ')}`,
});

test(refuses, ['foo'], 'error: the server doesn\'t have a resource type "foo"');
test(refuses, ['Foo', 'x'], 'error: the server doesn\'t have a resource type "Foo"');
test(refuses, ['foo/x'], 'error: the server doesn\'t have a resource type "foo"');
test(refuses, ['svc,ep'], 'error: one resource type at a time here, not "svc,ep"');
test(refuses, ['all'], 'error: "all" is not supported here; name one resource type (svc, ep, pods, deploy, ...)');
test(refuses, ['pods', ''], 'error: resource name may not be empty');
test(refuses, ['pod/'], 'error: arguments in resource/name form must have a single resource and name');
test(refuses, ['/x'], 'error: arguments in resource/name form must have a single resource and name');
test(refuses, ['svc,ep/x'], 'error: arguments in resource/name form must have a single resource and name');
test(refuses, ['pod/a/b'], 'error: arguments in resource/name form may not have more than one slash');
test(
	"TYPE and TYPE/NAME do not mix (kubectl's text, unbalanced parenthesis and all)",
	refuses,
	['pod', 'pod/a'],
	"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
);
