// A Node document (from a dump or written by hand): name, labels, InternalIP, podCIDR,
// readiness. Status is written by the kubelet, so it is read leniently.

import {isDNS1123Subdomain, isValidCIDR, validCIDRMessage} from '../apimachinery/validation.js';
import type {NodeInput} from '../sim/types.js';
import {invalid} from './field-error.js';
import {decodeMeta} from './metadata.js';
import {get, isObject, type Obj, type Problems, readObject, readString} from './object-reader.js';

export function decodeNode(object: Obj, p: Problems): NodeInput {
	const meta = decodeMeta(object, {namespaced: false, nameRule: isDNS1123Subdomain}, p);
	const spec = readObject(object, 'spec', [], p);
	const podCIDR = readString(spec, 'podCIDR', ['spec'], p);
	if (podCIDR && !isValidCIDR(podCIDR)) p.errors.push(invalid(['spec', 'podCIDR'], podCIDR, validCIDRMessage));
	const node: NodeInput = {name: meta.name};
	if (meta.createdAtSeconds !== undefined) node.createdAtSeconds = meta.createdAtSeconds;
	if (Object.keys(meta.labels).length > 0) node.labels = meta.labels;
	if (podCIDR) node.podCIDR = podCIDR;
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
	}
	return node;
}
