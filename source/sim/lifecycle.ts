// Pod lifecycle on the virtual clock (docs/semantics.md C1-C4): Pending → Running (gets its IP) →
// Ready, Terminating for the grace period, container restarts that keep the IP, and readiness
// probes that fail or pass on their period.

import type {Draft} from './draft.js';
import {addTimer, takeTimerDue} from './draft.js';
import {expireEvents, findEvent, type NewEvent, recordEvent} from './events.js';
import {eachMember} from './index-sets.js';
import {allocatePodIP, releasePodIP} from './ipam.js';
import {objectKey} from './keys.js';
import {generateUid} from './names.js';
import {constrainsNodes} from './node-affinity.js';
import {ownerKey, podKey, savePod, UNSCHEDULED} from './pods.js';
import {getRow} from './rows.js';
import {hostPorts, schedule} from './scheduler.js';
import {retryLoadBalancer} from './services.js';
import type {Container, Labels, Pod, PodSpec, Probe, Timer, WorkloadKind} from './types.js';

export interface NewPod {
	namespace: string;
	name: string;
	labels: Labels;
	annotations: Labels;
	spec: PodSpec;
	owner: {kind: WorkloadKind; name: string} | null;
}

/**
 * What runs after a pod changes (the controllers' reconcile, sim/controllers.ts podChanged). The
 * caller passes it in, so lifecycle needs no import of the controllers, which import lifecycle.
 */
export type OnPodChange = (d: Draft, pod: Pod) => void;

const probeOf = (pod: Pod): Probe | undefined => pod.spec.containers.find(c => c.readinessProbe)?.readinessProbe;

const podRef = (pod: Pod) => ({kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid});

/**
 * A kubelet event about one container: the reference names it in fieldPath (kubelet
 * `pkg/kubelet/container/ref.go` GenerateContainerRef), and source.host is the node.
 */
function containerEvent(pod: Pod, container: string, type: NewEvent['type'], reason: string, message: string): NewEvent {
	return {
		type,
		reason,
		involved: {...podRef(pod), fieldPath: `spec.containers{${container}}`},
		message,
		source: 'kubelet',
		...(pod.nodeName === null ? {} : {host: pod.nodeName}),
	};
}

const scheduledEvent = (pod: Pod, node: string): NewEvent => ({
	type: 'Normal',
	reason: 'Scheduled',
	involved: podRef(pod),
	// pkg/scheduler/schedule_one.go bindingCycle: `Successfully assigned %v/%v to %v`.
	message: `Successfully assigned ${pod.namespace}/${pod.name} to ${node}`,
	source: 'default-scheduler',
});

export function createPod(d: Draft, onChange: OnPodChange, init: NewPod): void {
	const key = objectKey(init.namespace, init.name);
	let nodeName: string | null = null;
	let reason: string | undefined;
	let failure: string | undefined;
	if (init.spec.nodeName !== undefined) {
		nodeName = d.s.nodes[init.spec.nodeName] ? init.spec.nodeName : null;
	} else {
		const placement = schedule(d, init.owner ? `${init.owner.kind}/${init.namespace}/${init.owner.name}` : null, init.spec);
		if (placement.ok) nodeName = placement.node;
		else {
			reason = 'Unschedulable';
			failure = placement.message;
		}
	}
	const pod: Pod = {
		name: init.name,
		namespace: init.namespace,
		uid: generateUid(d),
		labels: init.labels,
		annotations: init.annotations,
		owner: init.owner,
		spec: init.spec,
		nodeName,
		podIP: null,
		phase: 'Pending',
		containersRunning: false,
		ready: false,
		probeFailing: false,
		restartCount: 0,
		lastRestartAt: null,
		createdAt: d.s.clock,
		startedAt: null,
		deletionTimestamp: null,
		...(reason ? {reason} : {}),
	};
	savePod(d, null, pod);
	if (failure !== undefined) {
		recordEvent(d, {type: 'Warning', reason: 'FailedScheduling', involved: podRef(pod), message: failure, source: 'default-scheduler'});
	}
	if (nodeName !== null) {
		// A pod with spec.nodeName never passes through the scheduler, so it has no Scheduled event.
		if (init.spec.nodeName === undefined) recordEvent(d, scheduledEvent(pod, nodeName));
		if (d.settling) startPod(d, pod, onChange, true);
		else addTimer(d, {at: d.s.clock + d.s.config.podStartSeconds * 1000, kind: 'podStarted', target: key, uid: pod.uid});
	}
}

/**
 * Containers start; a new pod gets its IP from its node's CIDR (a restarted one keeps it, C1). A
 * hostNetwork pod has no sandbox network of its own: the kubelet reports its node's addresses as
 * the pod's (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, podIPs from the node when
 * kubecontainer.IsHostNetworkPod), so it takes nothing from the pod CIDR and shares that IP with
 * every other hostNetwork pod there.
 */
function startPod(d: Draft, pod: Pod, onChange: OnPodChange, settled = false): void {
	if (pod.deletionTimestamp !== null || pod.nodeName === null) return;
	let podIP = pod.podIP;
	if (podIP === null && pod.spec.hostNetwork === true) podIP = d.s.nodes[pod.nodeName]?.internalIP ?? null;
	if (podIP === null) {
		podIP = allocatePodIP(d, pod.nodeName, podKey(pod));
		if (podIP === null) {
			recordEvent(d, {
				type: 'Warning',
				reason: 'FailedCreatePodSandBox',
				involved: podRef(pod),
				message: `Failed to create pod sandbox: no IP addresses available in range set for ${pod.nodeName}`,
				source: 'kubelet',
				host: pod.nodeName,
			});
			return;
		}
	}
	const probe = probeOf(pod);
	// No readiness probe ⇒ Ready as soon as it runs (C3). The settled start skips the wait.
	const readyNow = !pod.probeFailing && (probe === undefined || settled || probe.initialDelaySeconds === 0);
	const next: Pod = {
		...pod,
		podIP,
		phase: 'Running',
		containersRunning: true,
		// A restart runs the container again in the same pod: the pod's start time stays.
		startedAt: pod.startedAt ?? d.s.clock,
		containerStartedAt: d.s.clock,
		ready: readyNow,
	};
	savePod(d, pod, next);
	// Each container, as kuberuntime_container.go startContainer records them (v1.33+ wording): the
	// image, then created, then started; a restart records them again, so they count up. Every
	// simulated node holds every image, so image_manager.go EnsureImageExists takes its "already
	// present" path, which records Pulled and no Pulling: the kubelet records `Pulling image` only
	// before a real pull, whose `Successfully pulled image %q in %v (%v including waiting). Image
	// size: %v bytes.` needs a duration and a size this simulation has not got. A pod started while
	// the manifests load is a fresh apply and records the same sequence; a dump's running pods never
	// come here (initial-state.ts addPod keeps what the dump recorded, with no invented history).
	for (const c of pod.spec.containers) {
		const image = `Container image "${c.image}" already present on machine and can be accessed by the pod`;
		recordEvent(d, containerEvent(next, c.name, 'Normal', 'Pulled', image));
		recordEvent(d, containerEvent(next, c.name, 'Normal', 'Created', 'Container created'));
		recordEvent(d, containerEvent(next, c.name, 'Normal', 'Started', 'Container started'));
	}
	if (!readyNow && probe && !pod.probeFailing) {
		addTimer(d, {at: d.s.clock + probe.initialDelaySeconds * 1000, kind: 'podReady', target: podKey(pod), uid: pod.uid});
	}
	if (probe && pod.probeFailing) {
		addTimer(d, {at: d.s.clock + probe.initialDelaySeconds * 1000, kind: 'probeFailed', target: podKey(pod), uid: pod.uid});
	}
	onChange(d, next);
}

/** The first probe tick at or after `t` (probes run every periodSeconds from the initial delay). */
function nextProbeAt(pod: Pod, probe: Probe, t: number): number {
	// Probes start over with each container run (pkg/kubelet/prober worker per container).
	const first = (pod.containerStartedAt ?? pod.startedAt ?? t) + probe.initialDelaySeconds * 1000;
	if (t <= first) return first;
	const period = probe.periodSeconds * 1000;
	return first + Math.ceil((t - first) / period) * period;
}

export type LifecycleResult = {ok: true; message: string} | {ok: false; error: string};

export function setProbe(d: Draft, pod: Pod, passing: boolean): LifecycleResult {
	const probe = probeOf(pod);
	if (!probe) {
		return {
			ok: false,
			error: `pod "${pod.name}" has no readiness probe: without one the kubelet counts it Ready whenever it runs`,
		};
	}
	if (pod.probeFailing === !passing) {
		return {ok: true, message: `pod/${pod.name} readiness probe already ${passing ? 'passing' : 'failing'}`};
	}
	const next: Pod = {...pod, probeFailing: !passing};
	savePod(d, pod, next);
	const period = probe.periodSeconds * 1000;
	if (!passing && pod.containersRunning && pod.deletionTimestamp === null) {
		// Every failed probe is an Unhealthy event (pkg/kubelet/prober/prober.go), from the next tick on.
		addTimer(d, {at: nextProbeAt(pod, probe, d.s.clock), kind: 'probeFailed', target: podKey(pod), uid: pod.uid});
	}
	if (!passing && pod.ready && pod.containersRunning) {
		// Not Ready after failureThreshold consecutive failed probes (C3).
		const at = nextProbeAt(pod, probe, d.s.clock) + (probe.failureThreshold - 1) * period;
		addTimer(d, {at, kind: 'podUnready', target: podKey(pod), uid: pod.uid});
		// Whole seconds, rounded up: on the TUI's real-time clock the wait is 22.968 s, not a fact worth its digits.
		return {ok: true, message: `pod/${pod.name} readiness probe failing (NotReady in ${Math.ceil((at - d.s.clock) / 1000)}s)`};
	}
	if (passing && !pod.ready && pod.containersRunning && pod.deletionTimestamp === null) {
		const at = nextProbeAt(pod, probe, d.s.clock) + (probe.successThreshold - 1) * period;
		addTimer(d, {at, kind: 'podReady', target: podKey(pod), uid: pod.uid});
		return {ok: true, message: `pod/${pod.name} readiness probe passing (Ready in ${(at - d.s.clock) / 1000}s)`};
	}
	return {ok: true, message: `pod/${pod.name} readiness probe ${passing ? 'passing' : 'failing'}`};
}

/** A container crash: restartCount goes up, the pod keeps its name and IP (C1, H1). */
export function crashPod(d: Draft, pod: Pod): LifecycleResult {
	if (!pod.containersRunning || pod.deletionTimestamp !== null) {
		return {ok: false, error: `pod "${pod.name}" has no running container to crash`};
	}
	const next: Pod = {
		...pod,
		containersRunning: false,
		ready: false,
		restartCount: pod.restartCount + 1,
		lastRestartAt: d.s.clock,
	};
	const ranFrom = pod.containerStartedAt ?? pod.startedAt;
	if (ranFrom !== null) next.lastStartedAt = ranFrom;
	savePod(d, pod, next);
	const container = pod.spec.containers[0]?.name ?? 'app';
	// pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff: `Back-off restarting failed container
	// %s in pod %v`, the pod as pkg/kubelet/util/format.Pod prints it: `name_namespace(uid)`.
	const backOff = `Back-off restarting failed container ${container} in pod ${pod.name}_${pod.namespace}(${pod.uid})`;
	recordEvent(d, containerEvent(pod, container, 'Warning', 'BackOff', backOff));
	addTimer(d, {at: d.s.clock + d.s.config.podStartSeconds * 1000, kind: 'podStarted', target: podKey(pod), uid: pod.uid});
	return {
		ok: true,
		message: `pod/${pod.name} container restarted (restarts: ${next.restartCount}, IP ${pod.podIP ?? '<none>'} kept)`,
	};
}

/** Graceful delete (C4): Terminating at once, gone after the grace period. */
export function deletePod(d: Draft, pod: Pod, onChange: OnPodChange): void {
	if (pod.deletionTimestamp !== null) return;
	if (!pod.containersRunning && pod.podIP === null) {
		// Nothing is running yet, so nothing needs a grace period.
		removePod(d, pod, onChange);
		return;
	}
	const next: Pod = {...pod, deletionTimestamp: d.s.clock};
	savePod(d, pod, next);
	// pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer: `Stopping container %s`, per container.
	for (const c of pod.spec.containers) recordEvent(d, containerEvent(pod, c.name, 'Normal', 'Killing', `Stopping container ${c.name}`));
	const grace = pod.spec.terminationGracePeriodSeconds * 1000;
	addTimer(d, {at: d.s.clock + grace, kind: 'podGone', target: podKey(pod), uid: pod.uid});
	onChange(d, next);
}

/** The pod object disappears: its IP goes back to the node's pool (a hostNetwork pod's is the node's own). */
export function removePod(d: Draft, pod: Pod, onChange: OnPodChange): void {
	if (pod.podIP !== null && pod.nodeName !== null && pod.spec.hostNetwork !== true) releasePodIP(d, pod.nodeName, pod.podIP);
	savePod(d, pod, null);
	onChange(d, pod);
	// Only a pod bound to a node frees room: scaling ten thousand Pending pods away frees none.
	if (pod.nodeName !== null) retryUnscheduled(d);
}

/**
 * Pods left Pending for lack of room get another chance when room appears. A pod with neither host
 * ports, tolerations nor node selector of its own meets every node filter as any other such pod does, so the first
 * of them that does not fit speaks for the rest: the pass ends there, unless a taint or a cordon
 * turned a node away (then only pods with tolerations are still tried). Ten thousand Pending pods
 * cost nothing when one pod goes and none fits.
 */
export function retryUnscheduled(d: Draft): void {
	let plainFit = true;
	for (const key of eachMember(getRow(d.s.index.podsByNode, UNSCHEDULED))) {
		const pod = getRow(d.s.pods, key);
		if (!pod || pod.deletionTimestamp !== null) continue;
		const plain = hostPorts(pod.spec).length === 0 && pod.spec.tolerations === undefined && !constrainsNodes(pod.spec);
		if (plain && !plainFit) continue;
		const placement = schedule(d, ownerKey(pod), pod.spec);
		if (!placement.ok) {
			if (!plain) continue;
			if (!placement.tainted) return;
			plainFit = false;
			continue;
		}
		const {reason: _reason, ...rest} = pod;
		const placed: Pod = {...rest, nodeName: placement.node};
		savePod(d, pod, placed);
		recordEvent(d, scheduledEvent(placed, placement.node));
		addTimer(d, {at: d.s.clock + d.s.config.podStartSeconds * 1000, kind: 'podStarted', target: key, uid: pod.uid});
	}
}

function fire(d: Draft, timer: Timer, onChange: OnPodChange): void {
	if (timer.kind === 'statefulSetNext') return;
	if (timer.kind === 'loadBalancerRetry') {
		retryLoadBalancer(d, timer);
		return;
	}
	const pod = getRow(d.s.pods, timer.target);
	if (!pod || pod.uid !== timer.uid) return; // stale: the pod was replaced
	switch (timer.kind) {
		case 'podStarted':
			if (!pod.containersRunning) startPod(d, pod, onChange);
			return;
		case 'podReady':
			if (!pod.ready && pod.containersRunning && !pod.probeFailing && pod.deletionTimestamp === null) {
				const next = {...pod, ready: true};
				savePod(d, pod, next);
				onChange(d, next);
			}
			return;
		case 'podUnready':
			if (pod.ready && pod.probeFailing) savePod(d, pod, {...pod, ready: false});
			return;
		case 'probeFailed':
			probeFailed(d, pod);
			return;
		case 'podGone':
			if (pod.deletionTimestamp !== null) removePod(d, pod, onChange);
			return;
	}
}

/** Move the virtual clock forward, firing every lifecycle timer due on the way, in order. */
export function advanceClock(d: Draft, ms: number, onChange: OnPodChange): void {
	const target = d.s.clock + ms;
	for (let timer = takeTimerDue(d, target); timer !== undefined; timer = takeTimerDue(d, target)) {
		d.s.clock = Math.max(d.s.clock, timer.at);
		fire(d, timer, onChange);
	}
	d.s.clock = target;
	expireEvents(d);
}

/**
 * What a failing probe's handler reports, as a server that answers but is not ready would make it:
 * pkg/probe/http/http.go `HTTP probe failed with statuscode: %d` (a 503), pkg/probe/grpc/grpc.go
 * `service unhealthy (responded with %q)` (NOT_SERVING), pkg/probe/tcp/tcp.go the dial error (a
 * closed port refuses; the host defaults to the pod IP, a named port resolves among the
 * container's ports), and pkg/probe/exec/exec.go the command's output, which a simulated command
 * does not have: empty.
 */
function probeFailureOutput(pod: Pod, container: Container, probe: Probe): string {
	if (probe.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
	if (probe.exec) return '';
	if (probe.tcpSocket) {
		const {port, host} = probe.tcpSocket;
		const number = typeof port === 'number' ? port : (container.ports.find(p => p.name === port)?.containerPort ?? port);
		const address = host || pod.podIP || '';
		return `dial tcp ${address.includes(':') ? `[${address}]` : address}:${number}: connect: connection refused`;
	}
	return 'HTTP probe failed with statuscode: 503';
}

/** One failed readiness probe: an Unhealthy event, and the next probe one period on. */
function probeFailed(d: Draft, pod: Pod): void {
	const container = pod.spec.containers.find(c => c.readinessProbe);
	const probe = container?.readinessProbe;
	if (!container || !probe || !pod.probeFailing || !pod.containersRunning || pod.deletionTimestamp !== null) return;
	// prober.go runProbe records `%s probe failed: %s` with the handler's output.
	const event = containerEvent(pod, container.name, 'Warning', 'Unhealthy', `Readiness probe failed: ${probeFailureOutput(pod, container, probe)}`);
	// Failing, passing and failing again within one period leaves two chains on the same ticks: one records.
	if (findEvent(d.s, event)?.lastAt === d.s.clock) return;
	recordEvent(d, event);
	addTimer(d, {at: d.s.clock + probe.periodSeconds * 1000, kind: 'probeFailed', target: podKey(pod), uid: pod.uid});
}
