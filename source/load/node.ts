// A Node document (from a dump or written by hand): name, labels, InternalIP, podCIDR,
// readiness, and what the views print of it as recorded (sim/types.ts RecordedNode). Status is
// written by the kubelet, so it is read leniently: a field of the wrong shape is left out.

import {isDNS1123Subdomain, isValidCIDR, validCIDRMessage} from '../apimachinery/validation.js';
import type {NodeInput, RecordedNode, RecordedNodeCondition} from '../sim/types.js';
import {invalid} from './field-error.js';
import {decodeMeta, epochSeconds} from './metadata.js';
import {get, isObject, type Obj, type Problems, readBool, readObject, readObjectList, readString, readStringList} from './object-reader.js';

export function decodeNode(object: Obj, p: Problems): NodeInput {
	const meta = decodeMeta(object, {namespaced: false, nameRule: isDNS1123Subdomain}, p);
	const spec = readObject(object, 'spec', [], p);
	const podCIDR = readString(spec, 'podCIDR', ['spec'], p);
	if (podCIDR && !isValidCIDR(podCIDR)) p.errors.push(invalid(['spec', 'podCIDR'], podCIDR, validCIDRMessage));
	const node: NodeInput = {name: meta.name};
	if (meta.uid !== undefined) node.uid = meta.uid;
	if (meta.createdAtSeconds !== undefined) node.createdAtSeconds = meta.createdAtSeconds;
	if (Object.keys(meta.labels).length > 0) node.labels = meta.labels;
	if (podCIDR) node.podCIDR = podCIDR;
	const recorded: RecordedNode = {};
	if (Object.keys(meta.annotations).length > 0) recorded.annotations = meta.annotations;
	decodeSpecFacts(spec, recorded, p);
	const status = get(object, 'status');
	if (isObject(status)) {
		const addresses = get(status, 'addresses');
		if (Array.isArray(addresses)) {
			const internal = addresses.find(a => isObject(a) && a.type === 'InternalIP' && typeof a.address === 'string');
			if (isObject(internal)) node.internalIP = internal.address as string;
		}
		const conditions = get(status, 'conditions');
		if (Array.isArray(conditions)) {
			const ready = conditions.find(c => isObject(c) && c.type === 'Ready');
			if (isObject(ready)) node.ready = ready.status === 'True';
		}
		// The kubelet reports its --max-pods here; the scheduler's NodeResourcesFit counts pods against it.
		const allocatable = get(status, 'allocatable');
		const pods = isObject(allocatable) ? allocatable.pods : undefined;
		if ((typeof pods === 'string' && /^[0-9]+$/.test(pods)) || (typeof pods === 'number' && Number.isSafeInteger(pods) && pods >= 0)) {
			node.maxPods = Number(pods);
		}
		decodeStatusFacts(status, recorded);
	}
	if (Object.keys(recorded).length > 0) node.recorded = recorded;
	return node;
}

/** spec.taints, spec.unschedulable, spec.providerID, spec.podCIDRs: written by people and controllers, so checked. */
function decodeSpecFacts(spec: Obj | undefined, recorded: RecordedNode, p: Problems): void {
	// In NodeSpec's field order, so errors come in the order of the type's fields.
	const at = ['spec'];
	const podCIDRs = readStringList(spec, 'podCIDRs', at, p);
	if (podCIDRs && podCIDRs.length > 0) recorded.podCIDRs = podCIDRs;
	const providerID = readString(spec, 'providerID', at, p);
	if (providerID) recorded.providerID = providerID;
	const unschedulable = readBool(spec, 'unschedulable', at, p);
	if (unschedulable) recorded.unschedulable = true;
	const taints = readObjectList(spec, 'taints', at, p);
	if (taints && taints.length > 0) {
		recorded.taints = taints.map(({item, index}) => {
			const taintAt = [...at, 'taints', index];
			const value = readString(item, 'value', taintAt, p);
			return {key: readString(item, 'key', taintAt, p) ?? '', ...(value ? {value} : {}), effect: readString(item, 'effect', taintAt, p) ?? ''};
		});
	}
}

function decodeStatusFacts(status: Obj, recorded: RecordedNode): void {
	const nodeInfo = stringMap(get(status, 'nodeInfo'));
	if (nodeInfo) recorded.nodeInfo = nodeInfo;
	const addresses = get(status, 'addresses');
	if (Array.isArray(addresses)) {
		const valid = addresses.filter((a): a is {type: string; address: string} => isObject(a) && typeof a.type === 'string' && typeof a.address === 'string');
		if (valid.length > 0) recorded.addresses = valid.map(({type, address}) => ({type, address}));
	}
	for (const key of ['capacity', 'allocatable'] as const) {
		const list = stringMap(get(status, key));
		if (list && Object.keys(list).length > 0) recorded[key] = list;
	}
	const conditions = get(status, 'conditions');
	if (Array.isArray(conditions)) {
		const valid = conditions.filter(isObject).flatMap(c => {
			if (typeof c.type !== 'string' || typeof c.status !== 'string') return [];
			const condition: RecordedNodeCondition = {type: c.type, status: c.status};
			if (typeof c.reason === 'string') condition.reason = c.reason;
			if (typeof c.message === 'string') condition.message = c.message;
			// Absolute here, as metadata's; loadSources makes them relative with the rest (shiftNodeTimes).
			const heartbeat = epochSeconds(c.lastHeartbeatTime);
			const transition = epochSeconds(c.lastTransitionTime);
			if (heartbeat !== undefined) condition.lastHeartbeatSeconds = heartbeat;
			if (transition !== undefined) condition.lastTransitionSeconds = transition;
			return [condition];
		});
		if (valid.length > 0) recorded.conditions = valid;
	}
}

/** A map of strings (nodeInfo) or quantities (capacity: strings, or numbers in hand-written YAML). */
function stringMap(value: unknown): Record<string, string> | undefined {
	if (!isObject(value)) return undefined;
	// Object.fromEntries defines own properties, so a `__proto__` key stays a key.
	return Object.fromEntries(
		Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : typeof v === 'number' && Number.isFinite(v) ? [[k, String(v)]] : [])),
	);
}

/** Recorded condition times made relative to the dump's "now", as loadSources does for creation times. */
export function shiftNodeTimes(node: NodeInput, now: number): void {
	const conditions = node.recorded?.conditions;
	if (!conditions || !node.recorded) return;
	const shift = (t: number | undefined) => (t === undefined ? undefined : Math.round(t - now));
	node.recorded.conditions = conditions.map(c => {
		const out: RecordedNodeCondition = {...c};
		const heartbeat = shift(c.lastHeartbeatSeconds);
		const transition = shift(c.lastTransitionSeconds);
		if (heartbeat !== undefined) out.lastHeartbeatSeconds = heartbeat;
		if (transition !== undefined) out.lastTransitionSeconds = transition;
		return out;
	});
}
