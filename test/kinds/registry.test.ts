// The registry against the API server's discovery facts: names from each kind's
// pkg/registry/<group>/<kind>/storage/storage.go (ShortNames, SingularName), groups and scope from
// the API reference, and client-go's restmapper for how kubectl matches a type word.
import test from 'ava';
import {apiVersionOf, categoryMembers, KINDS, kindByResource, qualifiedResource, qualifiedSingular, resolveKind, wordsOf} from '../../source/kinds/registry.js';

type Fact = [kind: string, plural: string, singular: string, shortNames: string[], apiVersion: string, namespaced: boolean, scalable: boolean];

const FACTS: Fact[] = [
	['Service', 'services', 'service', ['svc'], 'v1', true, false],
	['Endpoints', 'endpoints', 'endpoints', ['ep'], 'v1', true, false],
	['EndpointSlice', 'endpointslices', 'endpointslice', [], 'discovery.k8s.io/v1', true, false],
	['Pod', 'pods', 'pod', ['po'], 'v1', true, false],
	['Node', 'nodes', 'node', ['no'], 'v1', false, false],
	['Namespace', 'namespaces', 'namespace', ['ns'], 'v1', false, false],
	['Deployment', 'deployments', 'deployment', ['deploy'], 'apps/v1', true, true],
	['ReplicaSet', 'replicasets', 'replicaset', ['rs'], 'apps/v1', true, true],
	['ReplicationController', 'replicationcontrollers', 'replicationcontroller', ['rc'], 'v1', true, true],
	['StatefulSet', 'statefulsets', 'statefulset', ['sts'], 'apps/v1', true, true],
	['NetworkPolicy', 'networkpolicies', 'networkpolicy', ['netpol'], 'networking.k8s.io/v1', true, false],
	['Event', 'events', 'event', ['ev'], 'v1', true, false],
];

test('each kind once, with its discovery names, version, scope and scale subresource', t => {
	t.deepEqual(
		KINDS.map((k): Fact => [k.kind, k.resource, k.singular, [...k.shortNames], apiVersionOf(k), k.namespaced, k.scalable]),
		FACTS,
	);
});

for (const [kind, plural, singular, shortNames] of FACTS) {
	test(`every word kubectl accepts for ${kind} resolves to it, in any case`, t => {
		for (const word of [plural, singular, ...shortNames, kind, kind.toUpperCase(), plural.toUpperCase()]) {
			t.is(resolveKind(word)?.kind, kind, word);
		}
	});
}

test('the plural comes first among the words (it names the type in messages)', t => {
	t.deepEqual(wordsOf(kindByResource('deployments')), ['deployments', 'deployment', 'deploy']);
	t.deepEqual(wordsOf(kindByResource('endpoints')), ['endpoints', 'ep']);
});

test('a word may carry its group, or version and group: deployments.apps, deploy.v1.apps', t => {
	for (const word of ['deployments.apps', 'deploy.apps', 'deploy.v1.apps', 'Deployment.v1.apps', 'deployments.v1beta1.apps']) {
		t.is(resolveKind(word)?.kind, 'Deployment', word);
	}
	t.is(resolveKind('sts.v1.apps')?.kind, 'StatefulSet');
	t.is(resolveKind('netpol.networking.k8s.io')?.kind, 'NetworkPolicy');
	t.is(resolveKind('netpol.apps'), null);
	t.is(resolveKind('endpointslices.discovery.k8s.io')?.kind, 'EndpointSlice');
	t.is(resolveKind('endpointslice.v1.discovery.k8s.io')?.kind, 'EndpointSlice');
});

// `eps` is a k9s alias, not the API server's; `endpoint` is no registered singular (the Endpoints
// kind's lower-case name is `endpoints`, client-go restmapper/discovery.go).
test('unknown words, other groups and the core group named resolve to nothing', t => {
	for (const word of [
		'eps',
		'endpoint',
		'svcs',
		'configmaps',
		'cm',
		'ds',
		'all',
		'',
		'deployments.extensions',
		'pods.apps',
		'svc.v1',
		'deploy.v1',
		'ns.core',
	]) {
		t.is(resolveKind(word), null, word);
	}
});

test('resource names with their group, as the API server and kubectl print them', t => {
	t.is(qualifiedResource(kindByResource('deployments')), 'deployments.apps');
	t.is(qualifiedResource(kindByResource('pods')), 'pods');
	t.is(qualifiedResource(kindByResource('endpointslices')), 'endpointslices.discovery.k8s.io');
	t.is(qualifiedSingular(kindByResource('statefulsets')), 'statefulset.apps');
	t.is(qualifiedSingular(kindByResource('replicationcontrollers')), 'replicationcontroller');
});

test('the scalable kinds name the controller that signs their events', t => {
	t.deepEqual(
		KINDS.flatMap(k => (k.scalable ? [[k.kind, k.controller]] : [])),
		[
			['Deployment', 'deployment-controller'],
			['ReplicaSet', 'replicaset-controller'],
			['ReplicationController', 'replication-controller'],
			['StatefulSet', 'statefulset-controller'],
		],
	);
});

test('old apiVersions that still load, with a warning (docs/semantics.md A13)', t => {
	const legacy = (resource: Parameters<typeof kindByResource>[0]) => kindByResource(resource).legacyVersions.map(v => v.apiVersion);
	t.deepEqual(legacy('deployments'), ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
	t.deepEqual(legacy('replicasets'), ['extensions/v1beta1', 'apps/v1beta2']);
	t.deepEqual(legacy('statefulsets'), ['apps/v1beta1', 'apps/v1beta2']);
	t.deepEqual(legacy('services'), []);
});

// The `all` category (each kind's pkg/registry/.../storage/storage.go Categories()), of the kinds
// simulated here, in the order discovery lists them: the core group alphabetically, then apps.
test('the all category: pods, replicationcontrollers, services, then the apps workloads', t => {
	t.deepEqual(categoryMembers('all'), ['pods', 'replicationcontrollers', 'services', 'deployments', 'replicasets', 'statefulsets']);
	t.deepEqual(categoryMembers('api-extensions'), []);
});
