import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {buildState, fixtureState, fixtureWorkloads, makePod} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('deployments', extra);

test("get deploy: READY ready/desired, UP-TO-DATE and AVAILABLE from the ReplicaSets' pods", t => {
	t.is(text(get(fixtureState(), options())), ['NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    1/2     2            1           2m'].join('\n'));
});

test('get deploy -A -o wide: CONTAINERS, IMAGES, SELECTOR', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true, output: 'wide'}))),
		[
			'NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                                    SELECTOR',
			'default       web       1/2     2            1           2m    nginx        nginx:1.27                                app=web',
			'kube-system   coredns   2/2     2            2           12d   coredns      registry.k8s.io/coredns/coredns:v1.12.1   k8s-app=kube-dns',
		].join('\n'),
	);
});

test('pods of an old ReplicaSet count as ready but not up to date; terminating pods not at all', t => {
	const workloads = fixtureWorkloads().filter(w => w.namespace === 'default' && (w.name === 'web' || w.name === 'web-7b87cd5f68'));
	const oldRs = {...workloads.find(w => w.kind === 'ReplicaSet')!, name: 'web-5d4c9b8f7', uid: 'uid-old-rs'};
	const pod = (name: string, rs: string, extra = {}) =>
		makePod('default', name, {labels: {app: 'web'}, owner: {kind: 'ReplicaSet', name: rs}, nodeName: 'node-1', podIP: `10.244.0.${name.length}`, ...extra});
	const state = buildState({
		workloads: [...workloads, oldRs],
		pods: [pod('new-a', 'web-7b87cd5f68'), pod('old-b', 'web-5d4c9b8f7'), pod('old-cc', 'web-5d4c9b8f7', {deletionTimestamp: 1})],
	});
	t.is(text(get(state, options())).split('\n')[1], 'web    2/2     1            2           2m');
	const result = get(state, options({name: 'web', output: 'json'}));
	if (!result.ok) return t.fail();
	t.deepEqual((result.json as {status: unknown}).status, {availableReplicas: 2, readyReplicas: 2, replicas: 2, updatedReplicas: 1});
});

test('Deployment object: apps/v1, selector, template, omitempty status', t => {
	const result = get(fixtureState(), options({name: 'web', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	t.deepEqual(result.json, {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {creationTimestamp: '2026-01-01T01:58:00Z', labels: {app: 'web'}, name: 'web', namespace: 'default', uid: 'uid-deployment-web'},
		spec: {
			replicas: 2,
			selector: {matchLabels: {app: 'web'}},
			template: {
				metadata: {labels: {app: 'web'}},
				spec: {
					containers: [
						{
							image: 'nginx:1.27',
							// setDefaults_Container (pkg/apis/core/v1/defaults.go): a tag other than latest.
							imagePullPolicy: 'IfNotPresent',
							name: 'nginx',
							ports: [
								{containerPort: 8080, name: 'http', protocol: 'TCP'},
								{containerPort: 8443, name: 'https', protocol: 'TCP'},
							],
							resources: {},
							terminationMessagePath: '/dev/termination-log',
							terminationMessagePolicy: 'File',
						},
					],
					// SetDefaults_PodSpec; a template gets no service account or priority (admission is for Pods).
					dnsPolicy: 'ClusterFirst',
					restartPolicy: 'Always',
					schedulerName: 'default-scheduler',
					securityContext: {},
					terminationGracePeriodSeconds: 30,
				},
			},
		},
		status: {availableReplicas: 1, readyReplicas: 1, replicas: 2, unavailableReplicas: 1, updatedReplicas: 2},
	});
});

test('NotFound names the API group', t => {
	t.deepEqual(get(fixtureState(), options({name: 'nope'})), {ok: false, error: 'Error from server (NotFound): deployments.apps "nope" not found'});
});
