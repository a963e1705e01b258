import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {fixtureState} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('replicationcontrollers', extra);

test('get rc: the terminating pod counts for neither CURRENT nor READY, the not-ready one only for CURRENT (S61)', t => {
	t.is(text(get(fixtureState(), options())), ['NAME         DESIRED   CURRENT   READY   AGE', 'hello-node   3         3         2       17m'].join('\n'));
});

test('get rc -o wide: selector is a plain label map', t => {
	t.is(
		text(get(fixtureState(), options({output: 'wide'}))),
		[
			'NAME         DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                                         SELECTOR',
			'hello-node   3         3         2       17m   hello-node   registry.k8s.io/e2e-test-images/agnhost:2.39   app=hello-node',
		].join('\n'),
	);
});

test('ReplicationController object: v1, selector map, status counts', t => {
	const result = get(fixtureState(), options({name: 'hello-node', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	t.like(result.json as object, {
		apiVersion: 'v1',
		kind: 'ReplicationController',
		spec: {replicas: 3, selector: {app: 'hello-node'}},
		status: {replicas: 3, readyReplicas: 2, availableReplicas: 2, fullyLabeledReplicas: 3},
	});
	t.deepEqual(get(fixtureState(), options({name: 'x'})), {ok: false, error: 'Error from server (NotFound): replicationcontrollers "x" not found'});
});

test('no RC in a namespace', t => {
	t.is(text(get(fixtureState(), options({namespace: 'kube-system'}))), 'No resources found in kube-system namespace.');
});
