import test from 'ava';
import type {WorkloadInput} from '../../source/sim/index.js';
import {getRow, listKeys, listRows} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';

const deployment: WorkloadInput = {...helloRC, kind: 'Deployment', meta: {...helloRC.meta, name: 'web'}};

const statefulSet: WorkloadInput = {
	...helloRC,
	kind: 'StatefulSet',
	meta: {...helloRC.meta, name: 'web'},
	serviceName: 'nginx',
	template: {...helloRC.template, labels: {app: 'nginx'}},
	selector: {matchLabels: {app: 'nginx'}, matchExpressions: []},
};

test('C2/S60: Deployment pods are <deploy>-<pod-template-hash>-<5 chars> through a ReplicaSet', t => {
	const state = boot(input({workloads: [deployment]}));
	const rs = listRows(state.workloads).find(w => w.kind === 'ReplicaSet' && w.owner?.name === 'web')!;
	t.regex(rs.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
	const pods = livePods(state, 'web-');
	t.is(pods.length, 3);
	for (const pod of pods) {
		t.regex(pod.name, new RegExp(`^${rs.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
		t.is(pod.labels['pod-template-hash'], rs.name.slice(4));
		t.deepEqual(pod.owner, {kind: 'ReplicaSet', name: rs.name});
	}
});

test('scheduling spreads a workload over the nodes', t => {
	const state = boot(input());
	t.deepEqual(
		livePods(state, 'hello-node-')
			.map(p => p.nodeName)
			.sort(),
		['node-1', 'node-2', 'node-3'],
	);
});

test('C3: scaling down removes not-ready pods first, then the newest; scaling up adds pods', t => {
	let state = boot(input());
	const [a, b] = livePods(state, 'hello-node-');
	state = run(state, {type: 'probeSet', namespace: 'default', name: b!.name, passing: false}, wait(20)).state;
	t.false(getRow(state.pods, `default/${b!.name}`)!.ready);
	const scaled = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 2});
	t.deepEqual(scaled.results[0], {kind: 'scaled', workload: 'ReplicationController', name: 'hello-node'});
	t.truthy(getRow(scaled.state.pods, `default/${b!.name}`)!.deletionTimestamp !== null);
	t.is(livePods(scaled.state, 'hello-node-').length, 2);
	t.truthy(livePods(scaled.state, 'hello-node-').find(p => p.name === a!.name));
	const up = run(scaled.state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 5}, wait(3));
	t.is(livePods(up.state, 'hello-node-').filter(p => p.ready).length, 5);
});

test('scale to 0 and back: endpoints empty, then full again with new IPs', t => {
	let state = boot(input());
	const before = livePods(state, 'hello-node-').map(p => p.podIP);
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 0}, wait(31)).state;
	t.deepEqual(listKeys(getRow(state.endpoints, 'default/hello-node-svc')!.addresses), []);
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 3}, wait(2)).state;
	const after = livePods(state, 'hello-node-').map(p => p.podIP);
	t.is(listRows(getRow(state.endpoints, 'default/hello-node-svc')!.addresses).filter(a => a.ready).length, 3);
	for (const ip of after) t.false(before.includes(ip), `S57: freed IPs are not reused until the range wraps (${ip})`);
});

// G6: kubectl's words for these (`deployment.apps/web scaled`) come from source/kinds/, above the
// simulator; test/command/verbs/scale.test.ts checks them.
test('scale answers with the workload it scaled', t => {
	const state = boot(input({workloads: [helloRC, deployment, statefulSet]}));
	const say = (kind: WorkloadInput['kind'], name: string) => run(state, {type: 'replicasScaled', kind, namespace: 'default', name, replicas: 1}).results[0];
	t.deepEqual(say('ReplicationController', 'hello-node'), {kind: 'scaled', workload: 'ReplicationController', name: 'hello-node'});
	t.deepEqual(say('Deployment', 'web'), {kind: 'scaled', workload: 'Deployment', name: 'web'});
	t.deepEqual(say('StatefulSet', 'web'), {kind: 'scaled', workload: 'StatefulSet', name: 'web'});
	const rs = listRows(state.workloads).find(w => w.kind === 'ReplicaSet' && w.namespace === 'default')!;
	t.deepEqual(say('ReplicaSet', rs.name), {kind: 'scaled', workload: 'ReplicaSet', name: rs.name});
});

test('scaling a workload that does not exist says which, and changes nothing', t => {
	const state = boot(input());
	const missing = run(state, {type: 'replicasScaled', kind: 'Deployment', namespace: 'default', name: 'nope', replicas: 1});
	t.deepEqual(missing.results[0], {kind: 'workloadNotFound', workload: 'Deployment', name: 'nope'});
	t.is(missing.state, state);
	const rc = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'nope', replicas: 1});
	t.deepEqual(rc.results[0], {kind: 'workloadNotFound', workload: 'ReplicationController', name: 'nope'});
});

test('C2: StatefulSet pods are web-0..N-1 with hostname and subdomain; a deleted one returns under its name with a new IP once gone', t => {
	const headless = service('nginx', {clusterIP: 'None', selector: {app: 'nginx'}});
	let state = boot(input({workloads: [statefulSet], services: [headless]}));
	const pods = livePods(state, 'web-');
	t.deepEqual(
		pods.map(p => p.name),
		['web-0', 'web-1', 'web-2'],
	);
	t.deepEqual(
		pods.map(p => [p.spec.hostname, p.spec.subdomain]),
		[
			['web-0', 'nginx'],
			['web-1', 'nginx'],
			['web-2', 'nginx'],
		],
	);
	const oldIP = pods[1]!.podIP;
	state = run(state, {type: 'podDeleted', namespace: 'default', name: 'web-1'}, wait(5)).state;
	t.not(getRow(state.pods, 'default/web-1')!.deletionTimestamp, null, 'no successor while the old web-1 terminates');
	state = run(state, wait(25)).state;
	const pending = getRow(state.pods, 'default/web-1')!;
	t.is(pending.deletionTimestamp, null);
	t.is(pending.phase, 'Pending');
	state = run(state, wait(2)).state;
	t.true(getRow(state.pods, 'default/web-1')!.ready);
	t.not(getRow(state.pods, 'default/web-1')!.podIP, oldIP);
});

test('C2: StatefulSet scale-up is ordered, each pod after the previous is Ready; scale-down removes the highest first', t => {
	let state = boot(input({workloads: [statefulSet], services: []}));
	state = run(state, {type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 5}).state;
	t.truthy(getRow(state.pods, 'default/web-3'));
	t.falsy(getRow(state.pods, 'default/web-4'), 'web-4 waits for web-3 to be Ready');
	state = run(state, wait(2)).state;
	t.truthy(getRow(state.pods, 'default/web-4'));
	state = run(state, wait(2), {type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 3}).state;
	t.not(getRow(state.pods, 'default/web-4')!.deletionTimestamp, null);
	t.is(getRow(state.pods, 'default/web-3')!.deletionTimestamp, null, 'one at a time');
	state = run(state, wait(30)).state;
	t.falsy(getRow(state.pods, 'default/web-4'));
	t.not(getRow(state.pods, 'default/web-3')!.deletionTimestamp, null);
});

test('relabelling a pod out of its controller selector releases it and the controller replaces it', t => {
	const start = boot(input());
	const pod = livePods(start, 'hello-node-')[0]!;
	const {state, results} = run(start, {type: 'podLabeled', namespace: 'default', name: pod.name, set: {app: 'debug'}, remove: [], overwrite: true});
	t.deepEqual(results[0], {kind: 'message', lines: [`pod/${pod.name} labeled`]});
	t.is(getRow(state.pods, `default/${pod.name}`)!.owner, null);
	t.is(livePods(state, 'hello-node-').filter(p => p.labels.app === 'hello-node').length, 3);
	t.falsy(getRow(getRow(state.endpoints, 'default/hello-node-svc')!.addresses, pod.name), 'it left the Service');
});

test('label without --overwrite on an existing key fails like kubectl', t => {
	const start = boot(input());
	const pod = livePods(start, 'hello-node-')[0]!;
	const {results} = run(start, {type: 'podLabeled', namespace: 'default', name: pod.name, set: {app: 'x'}, remove: [], overwrite: false});
	t.deepEqual(results[0], {kind: 'error', message: "error: 'app' already has a value (hello-node), and --overwrite is false"});
});

test('deleting a node loses its pods at once; controllers replace them on the other nodes', t => {
	const start = boot(input());
	const onNode1 = livePods(start, 'hello-node-').find(p => p.nodeName === 'node-1')!;
	let {state, results} = run(start, {type: 'nodeDeleted', name: 'node-1'});
	t.deepEqual(results[0], {kind: 'message', lines: ['node "node-1" deleted']});
	t.falsy(getRow(state.pods, `default/${onNode1.name}`));
	state = run(state, wait(2)).state;
	const live = livePods(state, 'hello-node-');
	t.is(live.length, 3);
	t.true(live.every(p => p.nodeName !== 'node-1' && p.ready));
});

test('an absurd replica count is refused instead of building that many pods', t => {
	const {results} = run(boot(input()), {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 1e9});
	t.deepEqual(results[0], {kind: 'error', message: 'error: k8s-svc-tui simulates at most 100000 replicas per workload (asked for 1000000000)'});
});

test("scaling a Deployment's ReplicaSet by hand is undone by the deployment controller (found by the property tests)", t => {
	const state = boot(input({workloads: [deployment]}));
	const rs = listRows(state.workloads).find(w => w.kind === 'ReplicaSet' && w.owner?.name === 'web')!;
	const scaled = run(state, {type: 'replicasScaled', kind: 'ReplicaSet', namespace: 'default', name: rs.name, replicas: 5}, wait(60));
	t.deepEqual(scaled.results[0], {kind: 'scaled', workload: 'ReplicaSet', name: rs.name});
	t.is(getRow(scaled.state.workloads, `ReplicaSet/default/${rs.name}`)!.replicas, 3);
	t.is(livePods(scaled.state, 'web-').length, 3);
	// The Deployment itself still scales its ReplicaSet.
	const viaDeployment = run(scaled.state, {type: 'replicasScaled', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 1}, wait(60)).state;
	t.is(getRow(viaDeployment.workloads, `ReplicaSet/default/${rs.name}`)!.replicas, 1);
	t.is(livePods(viaDeployment, 'web-').length, 1);
});

test('StatefulSet scale-down does not stall on a pod that never started (found by the property tests)', t => {
	let state = boot(input({workloads: [statefulSet], services: []}));
	// web-3 is created and still Pending when the StatefulSet is scaled to 0: it goes at once.
	state = run(state, {type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 4}).state;
	t.is(getRow(state.pods, 'default/web-3')!.phase, 'Pending');
	state = run(state, {type: 'replicasScaled', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 0}).state;
	t.falsy(getRow(state.pods, 'default/web-3'));
	t.not(getRow(state.pods, 'default/web-2')!.deletionTimestamp, null, 'the next one down is on its way out');
	state = run(state, wait(120)).state;
	t.deepEqual(livePods(state, 'web-'), []);
});

test('a StatefulSet pod released by relabelling holds its name; once it is gone the StatefulSet recreates it (found by the property tests)', t => {
	let state = boot(input({workloads: [statefulSet], services: []}));
	state = run(state, {type: 'podLabeled', namespace: 'default', name: 'web-1', set: {app: 'debug'}, remove: [], overwrite: true}, wait(60)).state;
	t.is(getRow(state.pods, 'default/web-1')!.owner, null);
	t.is(getRow(state.pods, 'default/web-1')!.labels.app, 'debug', 'the name is taken: no new web-1 yet');
	state = run(state, {type: 'podDeleted', namespace: 'default', name: 'web-1'}, wait(60)).state;
	const web1 = getRow(state.pods, 'default/web-1')!;
	t.deepEqual([web1.owner, web1.labels.app, web1.ready], [{kind: 'StatefulSet', name: 'web'}, 'nginx', true]);
});
