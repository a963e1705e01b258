// Events the simulated components record, with upstream's reasons, sources and message texts
// (each expected text written from the upstream format string named next to it), and the
// aggregation and TTL the API server applies.

import test from 'ava';
import {EVENT_TTL_MS, listEvents} from '../../source/sim/events.js';
import type {ClusterEvent, Probe, State, WorkloadInput} from '../../source/sim/index.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {helloRC, ingressIPs, input, service} from './hello-input.js';
import {boot, livePods, run, wait} from './helpers.js';

const about = (state: State, kind: string, name: string): ClusterEvent[] => listEvents(state).filter(e => e.involved.kind === kind && e.involved.name === name);

/** `reason: message` per event, in record order. */
const summary = (events: ClusterEvent[]): string[] => events.map(e => `${e.reason}: ${e.message}`);

const since = (state: State) => (e: ClusterEvent) => e.lastAt >= state.clock;

test('kill a pod: kubelet Killing per container, RC SuccessfulCreate, Scheduled, then Pulled/Created/Started on the replacement', t => {
	let state = run(boot(input()), wait(1)).state;
	const victim = livePods(state, 'hello-node-')[0]!;
	const before = state;
	state = run(state, {type: 'podDeleted', namespace: 'default', name: victim.name}).state;
	const killing = about(state, 'Pod', victim.name).filter(since(before));
	// pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer: `Stopping container %s`.
	t.deepEqual(summary(killing), ['Killing: Stopping container hello-node']);
	t.like(killing[0], {type: 'Normal', source: 'kubelet', host: victim.nodeName, involved: {fieldPath: 'spec.containers{hello-node}', uid: victim.uid}});

	const replacement = livePods(state, 'hello-node-').find(p => p.uid !== victim.uid && !getRow(before.pods, `default/${p.name}`))!;
	const rc = about(state, 'ReplicationController', 'hello-node').filter(since(before));
	t.deepEqual(summary(rc), [`SuccessfulCreate: Created pod: ${replacement.name}`]);
	t.is(rc[0]?.source, 'replication-controller');
	// pkg/scheduler/schedule_one.go: `Successfully assigned %v/%v to %v`.
	t.deepEqual(summary(about(state, 'Pod', replacement.name)), [`Scheduled: Successfully assigned default/${replacement.name} to ${replacement.nodeName}`]);
	t.is(about(state, 'Pod', replacement.name)[0]?.source, 'default-scheduler');

	state = run(state, wait(2)).state;
	t.deepEqual(summary(about(state, 'Pod', replacement.name)), [
		`Scheduled: Successfully assigned default/${replacement.name} to ${replacement.nodeName}`,
		'Pulled: Container image "gcr.io/google-samples/node-hello:1.0" already present on machine and can be accessed by the pod',
		'Created: Container created',
		'Started: Container started',
	]);
});

const web: WorkloadInput = {
	...helloRC,
	kind: 'Deployment',
	meta: {...helloRC.meta, name: 'web'},
	replicas: 1,
};

test('scale a Deployment: ScalingReplicaSet `Scaled up replica set %s to %d from %d`, then down; the ReplicaSet creates and deletes pods', t => {
	let state = run(boot(input({workloads: [web]})), wait(1)).state;
	const rs = listRows(state.workloads).find(w => w.kind === 'ReplicaSet' && w.owner?.name === 'web')!;
	state = run(state, {type: 'replicasScaled', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 3}).state;
	state = run(state, {type: 'replicasScaled', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 2}).state;
	const deploy = about(state, 'Deployment', 'web');
	// pkg/controller/deployment/sync.go scaleReplicaSet.
	t.deepEqual(summary(deploy), [
		`ScalingReplicaSet: Scaled up replica set ${rs.name} to 3 from 1`,
		`ScalingReplicaSet: Scaled down replica set ${rs.name} to 2 from 3`,
	]);
	t.is(deploy[0]?.source, 'deployment-controller');
	const rsEvents = about(state, 'ReplicaSet', rs.name).filter(e => e.firstAt > 0);
	t.deepEqual(
		rsEvents.map(e => e.reason),
		['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulDelete'],
	);
	t.true(rsEvents.every(e => e.source === 'replicaset-controller'));
	t.regex(rsEvents[2]!.message, /^Deleted pod: web-/);
});

test('a failing readiness probe: one Unhealthy per failed probe, aggregated into one event with count, firstTimestamp and lastTimestamp', t => {
	let state = boot(input());
	const pod = livePods(state, 'hello-node-')[0]!;
	state = run(state, wait(5), {type: 'probeSet', namespace: 'default', name: pod.name, passing: false}).state;
	// Probes tick every 10 s from the start: 10, 20, 30 s fail; the pod goes NotReady at the third.
	state = run(state, wait(25)).state;
	const unhealthy = about(state, 'Pod', pod.name).filter(e => e.reason === 'Unhealthy');
	t.is(unhealthy.length, 1);
	t.like(unhealthy[0], {
		type: 'Warning',
		source: 'kubelet',
		count: 3,
		firstAt: 10_000,
		lastAt: 30_000,
		message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
		involved: {fieldPath: 'spec.containers{hello-node}'},
	});
	// Failing again after passing within one period does not count a probe twice.
	state = run(
		state,
		{type: 'probeSet', namespace: 'default', name: pod.name, passing: true},
		{type: 'probeSet', namespace: 'default', name: pod.name, passing: false},
		wait(10),
	).state;
	t.like(
		about(state, 'Pod', pod.name).find(e => e.reason === 'Unhealthy'),
		{count: 4, lastAt: 40_000},
	);
});

// prober.go `%s probe failed: %s` with each handler's output: pkg/probe/tcp/tcp.go returns the dial
// error (Go's net.OpError text), pkg/probe/grpc/grpc.go `service unhealthy (responded with %q)`,
// pkg/probe/exec/exec.go the command's output (none here).
test('a failing readiness probe says what its handler reports: tcp dial error at the pod IP, gRPC NOT_SERVING, exec output', t => {
	const withProbe = (readinessProbe: Probe): WorkloadInput => {
		const [container] = helloRC.template.spec.containers;
		return {...helloRC, template: {...helloRC.template, spec: {...helloRC.template.spec, containers: [{...container!, readinessProbe}]}}};
	};
	const timing = {initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3};
	const unhealthy = (probe: Probe): {pod: string; ip: string; message: string | undefined} => {
		let state = boot(input({workloads: [withProbe(probe)]}));
		const pod = livePods(state, 'hello-node-')[0]!;
		state = run(state, {type: 'probeSet', namespace: 'default', name: pod.name, passing: false}, wait(15)).state;
		return {pod: pod.name, ip: pod.podIP!, message: about(state, 'Pod', pod.name).find(e => e.reason === 'Unhealthy')?.message};
	};
	const tcp = unhealthy({...timing, tcpSocket: {port: 'http'}});
	t.is(tcp.message, `Readiness probe failed: dial tcp ${tcp.ip}:8080: connect: connection refused`);
	t.is(
		unhealthy({...timing, tcpSocket: {port: 5432, host: 'fd00::5'}}).message,
		'Readiness probe failed: dial tcp [fd00::5]:5432: connect: connection refused',
	);
	t.is(unhealthy({...timing, grpc: {port: 9090, service: ''}}).message, 'Readiness probe failed: service unhealthy (responded with "NOT_SERVING")');
	t.is(unhealthy({...timing, exec: {command: ['cat', '/tmp/ready']}}).message, 'Readiness probe failed: ');
});

test('a crash: BackOff names the pod as format.Pod does, and the restart records Pulled/Created/Started again (counted)', t => {
	let state = boot(input());
	const pod = livePods(state, 'hello-node-')[0]!;
	state = run(
		state,
		{type: 'podCrashed', namespace: 'default', name: pod.name},
		wait(2),
		{type: 'podCrashed', namespace: 'default', name: pod.name},
		wait(2),
	).state;
	const events = about(state, 'Pod', pod.name);
	// kuberuntime_manager.go doBackOff: `Back-off restarting failed container %s in pod %v`.
	t.like(
		events.find(e => e.reason === 'BackOff'),
		{type: 'Warning', count: 2, message: `Back-off restarting failed container hello-node in pod ${pod.name}_default(${pod.uid})`},
	);
	// The first start (at load) and the two restarts.
	t.like(
		events.find(e => e.reason === 'Started'),
		{count: 3, message: 'Container started'},
	);
	t.is(getRow(state.pods, `default/${pod.name}`)!.restartCount, 2);
});

// Pods that start while the manifests load are a fresh apply: the scheduler, then the kubelet per
// container (pkg/scheduler/schedule_one.go; kuberuntime_container.go startContainer; image_manager.go
// EnsureImageExists's present path: Pulled and no Pulling). A dump's running pods carry their
// recorded state and no invented history.
test("load: a manifest pod records Scheduled, Pulled, Created, Started; a dump's running pod records nothing", t => {
	const state = boot(input());
	const pod = livePods(state, 'hello-node-')[0]!;
	t.deepEqual(
		about(state, 'Pod', pod.name).map(e => `${e.source} ${e.reason} ${e.involved.fieldPath ?? '-'}: ${e.message}`),
		[
			`default-scheduler Scheduled -: Successfully assigned default/${pod.name} to ${pod.nodeName}`,
			'kubelet Pulled spec.containers{hello-node}: Container image "gcr.io/google-samples/node-hello:1.0" already present on machine and can be accessed by the pod',
			'kubelet Created spec.containers{hello-node}: Container created',
			'kubelet Started spec.containers{hello-node}: Container started',
		],
	);
	t.false(listEvents(state).some(e => e.reason === 'Pulling'));
	const dumped = boot(
		input({
			pods: [
				{
					meta: {name: 'db', namespace: 'default', labels: {app: 'db'}, annotations: {}, uid: 'u-db', createdAtSeconds: 0},
					spec: {containers: [{name: 'db', image: 'postgres:16', ports: []}], terminationGracePeriodSeconds: 30, nodeName: 'node-1'},
					status: {podIP: '10.244.0.9', phase: 'Running', ready: true},
				},
			],
		}),
	);
	t.is(getRow(dumped.pods, 'default/db')?.podIP, '10.244.0.9');
	t.deepEqual(about(dumped, 'Pod', 'db'), []);
});

test("an unschedulable pod stays Pending with reason Unschedulable and FailedScheduling in the scheduler's exact words", t => {
	// 3 nodes × 3 pods: two CoreDNS pods and eight hello-node pods leave one out.
	let state = boot(input({config: {maxPodsPerNode: 3}}));
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 8}).state;
	const pending = listRows(state.pods).find(p => p.nodeName === null)!;
	t.is(pending.phase, 'Pending');
	t.is(pending.reason, 'Unschedulable');
	const failed = about(state, 'Pod', pending.name);
	// pkg/scheduler/framework/types.go FitError.Error, with DefaultPreemption's post-filter message
	// (which ends in its own period, hence the two).
	t.deepEqual(summary(failed), [
		'FailedScheduling: 0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..',
	]);
	t.like(failed[0], {type: 'Warning', source: 'default-scheduler'});
	// Room appears (CoreDNS scaled down, its pod gone after the grace period): the scheduler places it and says so.
	state = run(state, {type: 'replicasScaled', kind: 'Deployment', namespace: 'kube-system', name: 'coredns', replicas: 1}, wait(31)).state;
	const placed = getRow(state.pods, `default/${pending.name}`)!;
	t.not(placed.nodeName, null);
	t.true(summary(about(state, 'Pod', pending.name)).includes(`Scheduled: Successfully assigned default/${pending.name} to ${placed.nodeName}`));
});

test("a node's status.allocatable.pods caps what the scheduler places there; a NotReady node is an untolerated taint (Ready Unknown: unreachable, nodelifecycle nodeConditionToTaintKeyStatusMap)", t => {
	const nodes = [
		{name: 'node-1', maxPods: 1},
		{name: 'node-2', maxPods: 2},
		{name: 'node-3', ready: false},
	];
	let state = boot(input({config: {nodes}}));
	t.is(listRows(state.pods).filter(p => p.nodeName !== null).length, 3);
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 4}).state;
	const pending = listRows(state.pods).find(p => p.nodeName === null)!;
	t.deepEqual(summary(about(state, 'Pod', pending.name)), [
		'FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
	]);
});

// k8s.io/cloud-provider controllers/service/controller.go: syncLoadBalancerIfNeeded records
// EnsuringLoadBalancer "Ensuring load balancer" before asking the cloud, EnsuredLoadBalancer "Ensured
// load balancer" after; processServiceCreateOrUpdate records a failure as SyncLoadBalancerFailed
// "Error syncing load balancer: %v" around "failed to ensure load balancer: %w". The recorder's
// component is "service-controller".
test('LoadBalancer: the service controller records EnsuringLoadBalancer then EnsuredLoadBalancer when the pool has an address', t => {
	const lb = service('web', {type: 'LoadBalancer'});
	const pooled = boot(input({config: {loadBalancerPool: ['203.0.113.0/29']}, services: [lb]}));
	const events = about(pooled, 'Service', 'web');
	t.deepEqual(summary(events), ['EnsuringLoadBalancer: Ensuring load balancer', 'EnsuredLoadBalancer: Ensured load balancer']);
	t.deepEqual(
		events.map(e => `${e.type} ${e.source}`),
		['Normal service-controller', 'Normal service-controller'],
	);
	t.deepEqual(ingressIPs(getRow(pooled.services, 'default/web')!), ['203.0.113.1']);
});

test('LoadBalancer: an exhausted pool or a loadBalancerIP outside it is SyncLoadBalancerFailed, and EXTERNAL-IP stays <pending>', t => {
	const lb = (name: string, extra = {}) => service(name, {type: 'LoadBalancer', ...extra});
	const state = boot(
		input({
			config: {loadBalancerPool: ['203.0.113.7/32']},
			services: [lb('first'), lb('second'), lb('fixed', {loadBalancerIP: '198.51.100.9'})],
		}),
	);
	t.deepEqual(ingressIPs(getRow(state.services, 'default/first')!), ['203.0.113.7']);
	t.deepEqual(summary(about(state, 'Service', 'second')), [
		'EnsuringLoadBalancer: Ensuring load balancer',
		'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: no available IPs in the load-balancer pool',
	]);
	t.is(about(state, 'Service', 'second')[1]?.type, 'Warning');
	t.deepEqual(ingressIPs(getRow(state.services, 'default/second')!), []);
	t.deepEqual(summary(about(state, 'Service', 'fixed')), [
		'EnsuringLoadBalancer: Ensuring load balancer',
		'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: "198.51.100.9" is not in the load-balancer pool',
	]);
});

test('LoadBalancer: a failed sync is retried with the workqueue backoff (5 s doubling, 300 s cap); each retry counts both events up', t => {
	const lb = (name: string) => service(name, {type: 'LoadBalancer'});
	let state = boot(input({config: {loadBalancerPool: ['203.0.113.7/32']}, services: [lb('first'), lb('second')]}));
	const counts = () => about(state, 'Service', 'second').map(e => `${e.reason} x${e.count} ${e.firstAt / 1000}-${e.lastAt / 1000}s`);
	state = run(state, wait(4)).state;
	t.deepEqual(counts(), ['EnsuringLoadBalancer x1 0-0s', 'SyncLoadBalancerFailed x1 0-0s']);
	state = run(state, wait(1)).state;
	t.deepEqual(counts(), ['EnsuringLoadBalancer x2 0-5s', 'SyncLoadBalancerFailed x2 0-5s']);
	// Syncs at 0, 5, 15, 35, 75, 155, 315 s; the next delay would be 320 s, capped at 300: 615 s.
	state = run(state, wait(609)).state;
	t.deepEqual(counts(), ['EnsuringLoadBalancer x7 0-315s', 'SyncLoadBalancerFailed x7 0-315s']);
	state = run(state, wait(1)).state;
	t.deepEqual(counts(), ['EnsuringLoadBalancer x8 0-615s', 'SyncLoadBalancerFailed x8 0-615s']);
	t.deepEqual(ingressIPs(getRow(state.services, 'default/second')!), []);
	// The Service that got its address is not synced again.
	t.is(about(state, 'Service', 'first').length, 2);
});

test("LoadBalancer: without a pool no controller runs (S93), so no event; a dump's recorded address needs none either", t => {
	const lb = service('web', {type: 'LoadBalancer'});
	const bare = boot(input({services: [lb]}));
	t.deepEqual(about(bare, 'Service', 'web'), []);
	t.deepEqual(ingressIPs(getRow(bare.services, 'default/web')!), []);
	const dumped = boot(
		input({config: {loadBalancerPool: ['203.0.113.0/29']}, services: [{...lb, status: {loadBalancer: {ingress: [{ip: '203.0.113.4', ipMode: 'VIP'}]}}}]}),
	);
	t.deepEqual(about(dumped, 'Service', 'web'), []);
	t.deepEqual(ingressIPs(getRow(dumped.services, 'default/web')!), ['203.0.113.4']);
});

test('node deletion: node-controller RemovingNode as RecordNodeEvent words it, about the Node', t => {
	let state = boot(input());
	const node = state.nodes['node-2']!;
	state = run(state, {type: 'nodeDeleted', name: 'node-2'}).state;
	const events = about(state, 'Node', 'node-2');
	t.deepEqual(summary(events), ['RemovingNode: Node node-2 event: Removing Node node-2 from Controller']);
	t.like(events[0], {source: 'node-controller', involved: {namespace: '', uid: node.uid}});
});

test('events expire one --event-ttl (1h) after their last write; an event written again lives on', t => {
	let state = boot(input());
	const pod = livePods(state, 'hello-node-')[0]!;
	state = run(
		state,
		{type: 'podDeleted', namespace: 'default', name: pod.name},
		{type: 'probeSet', namespace: 'default', name: livePods(state, 'hello-node-')[1]!.name, passing: false},
	).state;
	t.true(about(state, 'Pod', pod.name).length > 0);
	state = run(state, wait(EVENT_TTL_MS / 1000 + 1)).state;
	t.deepEqual(about(state, 'Pod', pod.name), []);
	t.deepEqual(about(state, 'ReplicationController', 'hello-node'), []);
	// The probe keeps failing every 10 s, so its one aggregated event is still there, counted.
	const unhealthy = listEvents(state).filter(e => e.reason === 'Unhealthy');
	t.is(unhealthy.length, 1);
	t.true(unhealthy[0]!.count > 300);
	t.true(state.events.size <= listEvents(state).length);
});

test('the log is bounded: a burst keeps the newest 1000 events, and its queue stays proportional', t => {
	let state = boot(input());
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 600}, wait(3)).state;
	t.is(listEvents(state).length, 1000);
	t.is(state.events.size, 1000);
	t.true(state.events.queue.length - state.events.head <= 4 * (1000 + 16));
	// The newest survive: the last pod started is there.
	t.true(listEvents(state).some(e => e.reason === 'Started'));
});

test('what the log holds is what its live queue entries name: no event is held that the queue has lost, none lost that it names', t => {
	let state = boot(input());
	state = run(state, {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 600}, wait(3)).state;
	const {queue, head, byKey} = state.events;
	const live = queue.slice(head).filter(([key, seq]) => byKey[key]?.seq === seq);
	t.is(live.length, 1000);
	t.deepEqual(new Set(live.map(([key]) => key)), new Set(Object.keys(byKey)));
});

test('the same steps give the same events (deterministic)', t => {
	const go = () =>
		run(boot(input()), {type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 5}, wait(3)).state.events;
	t.deepEqual(go(), go());
});
