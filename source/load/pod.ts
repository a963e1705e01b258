// A bare Pod, and what a dump recorded of its status (PodStatusInput).

import {isDNS1123Subdomain} from '../apimachinery/validation.js';
import type {PodInput, PodPhase, PodStatusInput} from '../sim/types.js';
import {unsupported} from './field-error.js';
import {decodeMeta, epochSeconds} from './metadata.js';
import {get, isObject, type Obj, type Problems, readObject} from './object-reader.js';
import {decodePodSpec, isRestartPolicy, restartPolicyOf} from './pod-spec.js';

const phases: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/** Status is written by the kubelet, so it is read leniently: odd values are ignored. */
function decodeStatus(status: Obj): PodStatusInput {
	const out: PodStatusInput = {};
	const phase = get(status, 'phase');
	if (typeof phase === 'string' && (phases as readonly string[]).includes(phase)) out.phase = phase as PodPhase;
	const podIP = get(status, 'podIP');
	if (typeof podIP === 'string' && podIP !== '') out.podIP = podIP;
	const hostIP = get(status, 'hostIP');
	if (typeof hostIP === 'string' && hostIP !== '') out.hostIP = hostIP;
	const conditions = get(status, 'conditions');
	if (Array.isArray(conditions)) {
		const ready = conditions.find(c => isObject(c) && c.type === 'Ready');
		if (isObject(ready)) out.ready = ready.status === 'True';
	}
	const containerStatuses = get(status, 'containerStatuses');
	if (Array.isArray(containerStatuses)) {
		let restarts = 0;
		for (const cs of containerStatuses) {
			const count = isObject(cs) ? cs.restartCount : undefined;
			if (typeof count === 'number' && Number.isInteger(count) && count > 0) restarts += count;
		}
		out.restartCount = restarts;
		const first = containerStatuses.find(isObject);
		const running = isObject(first) && isObject(first.state) ? (first.state as Obj).running : undefined;
		const started = isObject(running) ? epochSeconds(running.startedAt) : undefined;
		if (started !== undefined) out.startedAtSeconds = started;
	}
	return out;
}

export function decodePod(object: Obj, p: Problems): PodInput {
	const meta = decodeMeta(object, {namespaced: true, nameRule: isDNS1123Subdomain}, p);
	const specObject = readObject(object, 'spec', [], p);
	const spec = decodePodSpec(specObject, ['spec'], {requireImage: true}, p);
	const policy = restartPolicyOf(specObject, ['spec'], p);
	// Always is what the view shows for an absent one (view/pod-defaults.ts).
	if (isRestartPolicy(policy)) {
		if (policy !== 'Always') spec.restartPolicy = policy;
	} else p.errors.push(unsupported(['spec', 'restartPolicy'], policy, ['Always', 'OnFailure', 'Never']));
	const pod: PodInput = {meta, spec};
	const status = get(object, 'status');
	if (isObject(status)) pod.status = decodeStatus(status);
	return pod;
}
