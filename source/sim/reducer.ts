// The only place state changes. `step` answers each action the way kubectl would and returns
// the next state; the state passed in is never modified.

import {placeDefaultClient, resolveClient} from './clients.js';
import {keyOf, podChanged, reconcile} from './controllers.js';
import {describeDnsTimeout, resolve} from './dns.js';
import {beginDraft, type Draft, dropNodeIPs, finishDraft, indexMembers, put, recordRequests, remove} from './draft.js';
import {recordEvent} from './events.js';
import {objectKey, workloadKey} from './keys.js';
import {matchesSelector, parseSelector} from './labels.js';
import {advanceClock, crashPod, deletePod, removePod, retryUnscheduled, setProbe} from './lifecycle.js';
import {MAX_REPLICAS, podsPastLimit, tooManyPods, tooManyReplicas} from './limits.js';
import {applyNetworkPolicy} from './networkpolicy-apply.js';
import {savePod} from './pods.js';
import {sendRequests} from './proxy.js';
import {getRow, listRows} from './rows.js';
import {applyService, removeService} from './service-apply.js';
import {copyTable} from './tables.js';
import type {Action, Labels, Pod, State, Step, StepResult, WorkloadKind} from './types.js';

const message = (...lines: string[]): StepResult => ({kind: 'message', lines});
const error = (text: string): StepResult => ({kind: 'error', message: text});
const podNotFound = (name: string) => error(`Error from server (NotFound): pods "${name}" not found`);

export function step(state: State, action: Action): Step {
	const d = beginDraft(state);
	const result = apply(d, action);
	// A failed command leaves the cluster exactly as it was, and so does an apply that changes nothing.
	if (result.kind === 'error' || result.kind === 'workloadNotFound' || result.kind === 'invalid') return {state, result};
	if (result.kind === 'applied' && result.verb === 'unchanged') return {state, result};
	return {state: finishDraft(d), result};
}

function apply(d: Draft, action: Action): StepResult {
	switch (action.type) {
		case 'clockAdvanced':
			if (!(action.ms >= 0)) return error(`error: cannot wait a negative duration`);
			advanceClock(d, action.ms, podChanged);
			return message();
		case 'podDeleted':
			return deletePods(d, action.namespace, action.name, action.selector);
		case 'podCrashed': {
			const pod = getRow(d.s.pods, objectKey(action.namespace, action.name));
			if (!pod) return podNotFound(action.name);
			const r = crashPod(d, pod);
			return r.ok ? message(r.message) : error(`error: ${r.error}`);
		}
		case 'probeSet': {
			const pod = getRow(d.s.pods, objectKey(action.namespace, action.name));
			if (!pod) return podNotFound(action.name);
			const r = setProbe(d, pod, action.passing);
			return r.ok ? message(r.message) : error(`error: ${r.error}`);
		}
		case 'nodeDeleted':
			return deleteNode(d, action.name);
		case 'replicasScaled':
			return scale(d, action.kind, action.namespace, action.name, action.replicas);
		case 'podLabeled':
			return label(d, action.namespace, action.name, action.set, action.remove, action.overwrite);
		case 'nodeLabeled':
			return labelNode(d, action.name, action.set, action.remove, action.overwrite);
		case 'serviceApplied': {
			const outcome = applyService(d, action.input);
			if (!outcome.ok) return {kind: 'invalid', errors: outcome.errors};
			return {kind: 'applied', resource: 'service', name: action.input.meta.name, verb: outcome.verb};
		}
		case 'serviceDeleted': {
			const service = getRow(d.s.services, objectKey(action.namespace, action.name));
			if (!service) return error(`Error from server (NotFound): services "${action.name}" not found`);
			removeService(d, service);
			return message(`service "${action.name}" deleted`);
		}
		case 'networkPolicyApplied':
			return {kind: 'applied', resource: 'networkpolicy.networking.k8s.io', name: action.input.meta.name, verb: applyNetworkPolicy(d, action.input)};
		case 'networkPolicyDeleted': {
			const key = objectKey(action.namespace, action.name);
			if (!d.s.networkPolicies[key]) return error(`Error from server (NotFound): networkpolicies.networking.k8s.io "${action.name}" not found`);
			remove(d, 'networkPolicies', key);
			return message(`networkpolicy.networking.k8s.io "${action.name}" deleted`);
		}
		case 'requestSent': {
			const client = resolveClient(d.s, action.from);
			if (!client.ok) return error(client.error);
			const result = sendRequests(d, client.client, action.target, Math.max(1, action.count), action.protocol ?? 'TCP');
			if ('error' in result) return error(result.error);
			recordRequests(d, result.requests);
			return {kind: 'requests', requests: result.requests, summary: result.summary};
		}
		case 'dnsQueried': {
			const client = resolveClient(d.s, action.from);
			if (!client.ok) return error(client.error);
			const result = resolve(d, client.client, action.name, action.qtype);
			recordRequests(d, [
				{
					seq: d.s.requestSeq++,
					at: d.s.clock,
					client: client.client,
					target: action.name,
					dns: result,
					resolved: null,
					via: 'none',
					endpoint: null,
					...(result.timedOut
						? {outcome: 'timeout' as const, reason: describeDnsTimeout(result.timedOut)}
						: result.rcode === 'NXDOMAIN'
							? {outcome: 'nxdomain' as const, reason: `NXDOMAIN: ${action.name} not found`}
							: {outcome: 'ok' as const, reason: 'DNS lookup'}),
				},
			]);
			return {kind: 'dns', result, client: client.client};
		}
	}
}

function deletePods(d: Draft, namespace: string, name?: string, selectorText?: string): StepResult {
	let pods: Pod[];
	if (name !== undefined) {
		const pod = getRow(d.s.pods, objectKey(namespace, name));
		if (!pod) return podNotFound(name);
		pods = [pod];
	} else {
		const parsed = parseSelector(selectorText ?? '');
		if (!parsed.ok) return error(parsed.error);
		pods = listRows(d.s.pods)
			.filter(p => p.namespace === namespace && matchesSelector(p.labels, parsed.selector))
			.sort((a, b) => (a.name < b.name ? -1 : 1));
		if (pods.length === 0) return message(`No resources found`);
	}
	// Delete every pod first, then let controllers react: kubectl sends the deletes one by one,
	// but a replacement must never take the place of a pod of the same selection.
	const lines = pods.map(p => `pod "${p.name}" deleted`);
	for (const pod of pods) {
		// As it is now: deleting the pods before it may have changed it.
		const current = getRow(d.s.pods, objectKey(pod.namespace, pod.name));
		if (current) deletePod(d, current, podChanged);
	}
	return message(...lines);
}

function deleteNode(d: Draft, name: string): StepResult {
	const node = d.s.nodes[name];
	if (!node) return error(`Error from server (NotFound): nodes "${name}" not found`);
	// The pod garbage collector force-deletes pods bound to a node that no longer exists;
	// their controllers then create replacements on the remaining nodes.
	const lost: Pod[] = [];
	for (const key of indexMembers(d, 'podsByNode', name)) {
		const pod = getRow(d.s.pods, key);
		if (pod) lost.push(pod);
	}
	lost.sort((a, b) => (a.name < b.name ? -1 : 1));
	remove(d, 'nodes', name);
	// The node lifecycle controller sees the Node go (pkg/controller/nodelifecycle
	// node_lifecycle_controller.go monitorNodeHealth, via controller/util/node RecordNodeEvent).
	recordEvent(d, {
		type: 'Normal',
		reason: 'RemovingNode',
		involved: {kind: 'Node', namespace: '', name, uid: node.uid},
		message: `Node ${name} event: Removing Node ${name} from Controller`,
		source: 'node-controller',
	});
	for (const pod of lost) {
		const current = getRow(d.s.pods, objectKey(pod.namespace, pod.name));
		if (current) removePod(d, {...current, podIP: null}, podChanged);
	}
	dropNodeIPs(d, name);
	placeDefaultClient(d);
	return message(`node "${name}" deleted`);
}

function scale(d: Draft, kind: WorkloadKind, namespace: string, name: string, replicas: number): StepResult {
	const key = workloadKey(kind, namespace, name);
	const w = getRow(d.s.workloads, key);
	if (!w) return {kind: 'workloadNotFound', workload: kind, name};
	if (!Number.isInteger(replicas) || replicas < 0) {
		return error(`The ${kind} "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
	}
	if (replicas > MAX_REPLICAS) {
		return error(`error: ${tooManyReplicas()} (asked for ${replicas})`);
	}
	// Only growth is refused, so a cluster loaded at the limit (CoreDNS's pods on top) scales down.
	// A Deployment's ReplicaSet scaled by hand goes back to the Deployment's count at once.
	if (replicas > w.replicas && w.owner === null) {
		const count = podsPastLimit(d.s, w.replicas, replicas);
		if (count !== null) return error(`error: ${tooManyPods(count)}`);
	}
	put(d, 'workloads', key, {...w, replicas});
	// A Deployment owns its ReplicaSet's replica count: the deployment controller scales a
	// ReplicaSet scaled by hand straight back to the Deployment's replicas.
	const deployment = w.owner ? getRow(d.s.workloads, workloadKey('Deployment', namespace, w.owner.name)) : undefined;
	reconcile(d, deployment ? keyOf(deployment) : key);
	return {kind: 'scaled', workload: kind, name};
}

/** kubectl label's changes to one object's labels: the new map, the warnings, or why it refuses. */
function relabel(
	current: Labels,
	set: Labels,
	removeKeys: string[],
	overwrite: boolean,
): {labels: Labels; warnings: string[]; changed: boolean} | {error: string} {
	// A fresh prototype-free map: `label pod x constructor=y` sees no inherited `constructor`.
	const labels = copyTable(current);
	const warnings: string[] = [];
	for (const [key, value] of Object.entries(set)) {
		if (labels[key] !== undefined && labels[key] !== value && !overwrite) {
			return {error: `error: '${key}' already has a value (${labels[key]}), and --overwrite is false`};
		}
		labels[key] = value;
	}
	for (const key of removeKeys) {
		if (labels[key] === undefined) warnings.push(`label "${key}" not found.`);
		delete labels[key];
	}
	return {labels, warnings, changed: JSON.stringify(labels) !== JSON.stringify(current)};
}

/**
 * A node's labels decide which pods the scheduler may put there (sim/node-affinity.ts) and which
 * zone its endpoints are in (sim/topology.ts). Pods already running stay where they are
 * (requiredDuringScheduling*Ignored*DuringExecution); Pending ones are tried again.
 */
function labelNode(d: Draft, name: string, set: Labels, removeKeys: string[], overwrite: boolean): StepResult {
	const node = d.s.nodes[name];
	if (!node) return error(`Error from server (NotFound): nodes "${name}" not found`);
	const changes = relabel(node.labels, set, removeKeys, overwrite);
	if ('error' in changes) return error(changes.error);
	if (!changes.changed) return message(...changes.warnings, `node/${name} not labeled`);
	put(d, 'nodes', name, {...node, labels: changes.labels});
	retryUnscheduled(d);
	return message(...changes.warnings, `node/${name} labeled`);
}

function label(d: Draft, namespace: string, name: string, set: Labels, removeKeys: string[], overwrite: boolean): StepResult {
	const pod = getRow(d.s.pods, objectKey(namespace, name));
	if (!pod) return podNotFound(name);
	const changes = relabel(pod.labels, set, removeKeys, overwrite);
	if ('error' in changes) return error(changes.error);
	const {labels, warnings} = changes;
	if (!changes.changed) return message(...warnings, `pod/${name} not labeled`);
	let next: Pod = {...pod, labels};
	// A pod relabelled out of its controller's selector is released, and the controller makes
	// a replacement (the classic way to take a pod out of rotation for debugging).
	const owner = pod.owner ? getRow(d.s.workloads, workloadKey(pod.owner.kind, namespace, pod.owner.name)) : undefined;
	const released = owner !== undefined && !matchesSelector(labels, owner.selector);
	if (released) next = {...next, owner: null};
	savePod(d, pod, next);
	if (released) reconcile(d, keyOf(owner));
	return message(...warnings, `pod/${name} labeled`);
}
