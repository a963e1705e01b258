import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {formatLabelSelector, selectorString} from '../../source/view/workload-columns.js';
import {fixtureState} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('replicasets', extra);

test('get rs: DESIRED spec, CURRENT active pods, READY ready pods', t => {
	t.is(
		text(get(fixtureState(), options())),
		['NAME             DESIRED   CURRENT   READY   AGE', 'web-7b87cd5f68   2         2         1       2m'].join('\n'),
	);
});

test('get rs -A -o wide', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true, output: 'wide'}))),
		[
			'NAMESPACE     NAME                 DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                                    SELECTOR',
			'default       web-7b87cd5f68       2         2         1       2m    nginx        nginx:1.27                                app=web,pod-template-hash=7b87cd5f68',
			'kube-system   coredns-668d6bf9bc   2         2         2       12d   coredns      registry.k8s.io/coredns/coredns:v1.12.1   k8s-app=kube-dns,pod-template-hash=668d6bf9bc',
		].join('\n'),
	);
});

test('ReplicaSet object points at its Deployment', t => {
	const result = get(fixtureState(), options({name: 'web-7b87cd5f68', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	t.like(result.json as object, {
		apiVersion: 'apps/v1',
		kind: 'ReplicaSet',
		metadata: {ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deployment-web', controller: true}]},
		spec: {replicas: 2, selector: {matchLabels: {app: 'web', 'pod-template-hash': '7b87cd5f68'}}},
		status: {replicas: 2, readyReplicas: 1, availableReplicas: 1},
	});
});

test('selectors print as apimachinery does: sorted by key, set operators, values sorted', t => {
	const selector = {
		matchLabels: {tier: 'web', app: 'shop'},
		matchExpressions: [
			{key: 'env', operator: 'In' as const, values: ['prod', 'canary']},
			{key: 'track', operator: 'NotIn' as const, values: ['beta']},
			{key: 'zone', operator: 'Exists' as const, values: []},
			{key: 'debug', operator: 'DoesNotExist' as const, values: []},
		],
	};
	t.is(selectorString(selector), 'app=shop,!debug,env in (canary,prod),tier=web,track notin (beta),zone');
	t.is(formatLabelSelector({matchLabels: {}, matchExpressions: []}), '<none>');
});
