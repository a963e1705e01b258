import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {buildState, fixtureState} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('namespaces', extra);

// printers.go namespaceColumnDefinitions: Name, Status, Age; no -o wide columns.
test('get namespaces: NAME STATUS AGE, every namespace Active, in name order', t => {
	const expected = ['NAME          STATUS   AGE', 'default       Active   12d', 'kube-system   Active   12d', 'shop          Active   12d'].join('\n');
	t.is(text(get(fixtureState(), options())), expected);
	t.is(text(get(fixtureState(), options({output: 'wide'}))), expected, 'no wide columns');
	t.is(text(get(fixtureState(), options({allNamespaces: true, namespace: 'shop'}))), expected, 'cluster-scoped: no NAMESPACE column, no filter');
});

test('get ns NAME: one row; a missing one is NotFound with the resource name', t => {
	t.is(text(get(fixtureState(), options({name: 'shop', namespace: 'default'}))), 'NAME   STATUS   AGE\nshop   Active   12d');
	t.deepEqual(get(fixtureState(), options({name: 'nope'})), {ok: false, error: 'Error from server (NotFound): namespaces "nope" not found'});
});

test('every namespace carries kubernetes.io/metadata.name (pkg/registry/core/namespace/strategy.go), so -l finds it', t => {
	const state = buildState({namespaces: ['default', 'shop']});
	const bare = {...state, namespaces: {...state.namespaces, shop: {...state.namespaces.shop!, labels: {team: 'a'}}}};
	t.is(text(get(bare, options({selector: 'kubernetes.io/metadata.name=shop'}))), 'NAME   STATUS   AGE\nshop   Active   12d');
	t.is(text(get(bare, options({selector: 'team=a'}))).split('\n').length, 2);
	t.is(text(get(bare, options({selector: 'team=b'}))), 'No resources found');
});

test('get ns -o yaml: the object as the API server returns it', t => {
	const state = buildState({namespaces: ['shop']});
	const labelled = {...state, namespaces: {shop: {...state.namespaces.shop!, labels: {team: 'a'}}}};
	t.is(
		text(get(labelled, options({name: 'shop', output: 'yaml'}))),
		[
			'apiVersion: v1',
			'kind: Namespace',
			'metadata:',
			'  creationTimestamp: "2025-12-20T00:00:00Z"',
			'  labels:',
			'    kubernetes.io/metadata.name: shop',
			'    team: a',
			'  name: shop',
			'  uid: uid-ns-shop',
			'spec:',
			'  finalizers:',
			'  - kubernetes',
			'status:',
			'  phase: Active',
		].join('\n'),
	);
});
