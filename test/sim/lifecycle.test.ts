import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {helloRC, input} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';
import {hostAgent} from './host-network-input.js';

test('a loaded cluster starts settled: every pod Running and Ready at t=0', t => {
	const state = boot(input());
	t.is(state.clock, 0);
	for (const pod of listRows(state.pods)) {
		t.is(pod.phase, 'Running');
		t.true(pod.ready);
		t.truthy(pod.podIP);
	}
	t.is(livePods(state, 'hello-node-').length, 3);
});

test('C1/C4/S61: deleting a pod makes it Terminating at once and its controller creates a new pod with a new name', t => {
	const start = boot(input());
	const victim = livePods(start, 'hello-node-')[0]!;
	const {state, results} = run(start, {type: 'podDeleted', namespace: 'default', name: victim.name});
	t.deepEqual(results[0], {kind: 'message', lines: [`pod "${victim.name}" deleted`]});
	const old = getRow(state.pods, `default/${victim.name}`)!;
	t.is(old.deletionTimestamp, 0);
	t.is(old.podIP, victim.podIP, 'a Terminating pod keeps its IP until it is gone');
	const live = livePods(state, 'hello-node-');
	t.is(live.length, 3);
	const replacement = live.find(p => !livePods(start, 'hello-node-').some(q => q.name === p.name))!;
	t.regex(replacement.name, /^hello-node-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
	t.is(replacement.phase, 'Pending');
	t.is(replacement.podIP, null);
});

test('C3: the replacement gets an IP when its containers start, and a new one', t => {
	const start = boot(input());
	const victim = livePods(start, 'hello-node-')[0]!;
	let {state} = run(start, {type: 'podDeleted', namespace: 'default', name: victim.name});
	const replacement = livePods(state, 'hello-node-').find(p => p.phase === 'Pending')!;
	state = run(state, wait(1.9)).state;
	t.is(getRow(state.pods, `default/${replacement.name}`)!.phase, 'Pending');
	state = run(state, wait(0.1)).state;
	const started = getRow(state.pods, `default/${replacement.name}`)!;
	t.is(started.phase, 'Running');
	t.truthy(started.podIP);
	t.not(started.podIP, victim.podIP);
	t.true(started.ready, 'readiness probe with initialDelaySeconds 0 passes on start');
});

test('C4: a Terminating pod is gone after terminationGracePeriodSeconds and its IP is freed', t => {
	const start = boot(input());
	const victim = livePods(start, 'hello-node-')[0]!;
	let {state} = run(start, {type: 'podDeleted', namespace: 'default', name: victim.name}, wait(29.999));
	t.truthy(getRow(state.pods, `default/${victim.name}`));
	state = run(state, wait(0.001)).state;
	t.falsy(getRow(state.pods, `default/${victim.name}`));
	t.falsy(state.ipam.podIPs[victim.nodeName!]!.used[victim.podIP!]);
});

test('C1/H1: a container crash keeps the pod, its name and its IP, and bumps restartCount', t => {
	const start = boot(input());
	const pod = livePods(start, 'hello-node-')[0]!;
	let {state, results} = run(start, {type: 'podCrashed', namespace: 'default', name: pod.name});
	t.deepEqual(results[0], {
		kind: 'message',
		lines: [`pod/${pod.name} container restarted (restarts: 1, IP ${pod.podIP} kept)`],
	});
	let now = getRow(state.pods, `default/${pod.name}`)!;
	t.false(now.ready);
	t.is(now.podIP, pod.podIP);
	state = run(state, wait(2)).state;
	now = getRow(state.pods, `default/${pod.name}`)!;
	t.true(now.ready);
	t.is(now.podIP, pod.podIP);
	t.is(now.restartCount, 1);
	t.is(livePods(state, 'hello-node-').length, 3, 'no replacement pod for a restart');
});

test('C3/S64: a failing readiness probe makes the pod NotReady after failureThreshold periods, without a restart', t => {
	const start = boot(input());
	const pod = livePods(start, 'hello-node-')[0]!;
	let {state, results} = run(start, {type: 'probeSet', namespace: 'default', name: pod.name, passing: false});
	// Probes tick at 0, 10, 20 s; the third consecutive failure (t=20 s) flips Ready.
	t.deepEqual(results[0], {kind: 'message', lines: [`pod/${pod.name} readiness probe failing (NotReady in 20s)`]});
	// Off the probe's beat (the TUI's clock moves in wall-clock milliseconds), the wait (27.968 s: probes at 10, 20 and 30 s) is said in whole seconds, rounded up.
	const offBeat = run(run(start, {type: 'clockAdvanced', ms: 2_032}).state, {type: 'probeSet', namespace: 'default', name: pod.name, passing: false});
	t.deepEqual(offBeat.results.at(-1), {kind: 'message', lines: [`pod/${pod.name} readiness probe failing (NotReady in 28s)`]});
	state = run(state, wait(19)).state;
	t.true(getRow(state.pods, `default/${pod.name}`)!.ready);
	state = run(state, wait(1)).state;
	const failed = getRow(state.pods, `default/${pod.name}`)!;
	t.false(failed.ready);
	t.is(failed.restartCount, 0);
	// pkg/kubelet/prober: one Unhealthy per failed probe, aggregated: failures at 0, 10 and 20 s.
	const unhealthy = listEvents(state).find(e => e.reason === 'Unhealthy' && e.involved.name === pod.name);
	t.is(unhealthy?.count, 3);
	state = run(state, {type: 'probeSet', namespace: 'default', name: pod.name, passing: true}, wait(10)).state;
	t.true(getRow(state.pods, `default/${pod.name}`)!.ready);
});

test('probe on a pod without a readiness probe is refused with the reason', t => {
	const bare = boot(
		input({
			workloads: [],
			pods: [
				{
					meta: {name: 'solo', namespace: 'default', labels: {app: 'hello-node'}, annotations: {}},
					spec: {terminationGracePeriodSeconds: 30, containers: [{name: 'c', image: 'x', ports: []}]},
				},
			],
		}),
	);
	const {results, state} = run(bare, {type: 'probeSet', namespace: 'default', name: 'solo', passing: false});
	t.deepEqual(results[0], {
		kind: 'error',
		message: 'error: pod "solo" has no readiness probe: without one the kubelet counts it Ready whenever it runs',
	});
	t.is(state, bare, 'a failed command leaves the state untouched');
});

test('unknown pod: kubectl NotFound text and unchanged state', t => {
	const start = boot(input());
	const {state, results} = run(start, {type: 'podDeleted', namespace: 'default', name: 'nope'});
	t.deepEqual(results[0], {kind: 'error', message: 'Error from server (NotFound): pods "nope" not found'});
	t.is(state, start);
});

test('the reducer never mutates the state it is given', t => {
	const start = boot(input());
	const frozen = JSON.stringify(start);
	const victim = livePods(start, 'hello-node-')[0]!;
	run(
		start,
		{type: 'podDeleted', namespace: 'default', name: victim.name},
		{type: 'podCrashed', namespace: 'default', name: livePods(start, 'hello-node-')[1]!.name},
		{type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 5},
		{type: 'requestSent', target: 'hello-node-svc', from: {kind: 'default'}, count: 10},
		wait(60),
	);
	t.is(JSON.stringify(start), frozen);
});

test("hostNetwork: the pod IP is its node's InternalIP (kubelet_pods.go generateAPIPodStatus); several share it, and the pod CIDR gives none out or back", t => {
	let state = boot(input({config: {nodes: 1}, workloads: [helloRC, hostAgent(1, 'a', 9100), hostAgent(1, 'b', 9200)]}));
	const node = Object.values(state.nodes)[0]!;
	const a = livePods(state, 'a-')[0]!;
	const b = livePods(state, 'b-')[0]!;
	t.is(a.podIP, node.internalIP);
	t.is(b.podIP, node.internalIP);
	const used = () => Object.values(state.ipam.podIPs[node.name]!.used);
	const before = used().length;
	t.false(
		used().some(owner => owner === `default/${a.name}` || owner === `default/${b.name}`),
		'no pod CIDR address held',
	);
	t.false(Object.keys(state.ipam.podIPs[node.name]!.used).includes(node.internalIP));
	// Gone after its grace period: nothing returns to the pool, and the replacement has the node IP again.
	state = run(state, {type: 'podDeleted', namespace: 'default', name: a.name}, wait(30)).state;
	t.is(used().length, before);
	// Its replacement waited for the host port (scheduler.ts NodePorts), then starts with the node IP.
	const replacement = livePods(state, 'a-')[0]!;
	t.not(replacement.name, a.name);
	t.is(replacement.podIP, null);
	state = run(state, wait(2)).state;
	t.is(getRow(state.pods, `default/${replacement.name}`)!.podIP, node.internalIP);
	t.is(used().length, before);
});
