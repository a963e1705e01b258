// What a pod's spec says about resources and tolerations, as the API server returns it and
// kubectl describes it: quantities in their canonical form (resource.Quantity String()), the QoS
// class the API server records at creation (pod strategy PrepareForCreate → ComputePodQOS), and
// tolerations as printTolerationsMultilineWithIndent prints them (kubectl pkg/describe/describe.go).

import {formatQuantity, parseQuantity} from '../apimachinery/quantity.js';
import type {Container, PodSpec, Toleration} from '../sim/types.js';

type ResourceList = Readonly<Record<string, string>>;

/** A quantity as the API server serialises it (`0.5` → `500m`); the loader only keeps parseable ones. */
const canonical = (text: string): string => {
	const q = parseQuantity(text);
	return q === null ? text : formatQuantity(q);
};

/** A ResourceList in SortedResourceNames' order (plain string order), canonical values. */
export function resourceList(list: ResourceList): Array<[string, string]> {
	return Object.keys(list)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map(name => [name, canonical(list[name] ?? '')]);
}

/** The container's `resources` as the API object holds it: limits and requests, each only when set (omitempty). */
export function resourcesObject(container: Container): Record<string, Record<string, string>> | undefined {
	const resources = container.resources;
	if (resources === undefined) return undefined;
	const out: Record<string, Record<string, string>> = {};
	for (const key of ['limits', 'requests'] as const) {
		const list = resourceList(resources[key]);
		if (list.length > 0) out[key] = Object.fromEntries(list);
	}
	return out;
}

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const sameQuantity = (a: string | undefined, b: string | undefined): boolean =>
	(parseQuantity(a ?? '0')?.nanos ?? 0n) === (parseQuantity(b ?? '0')?.nanos ?? 0n);
const isZero = (a: string | undefined): boolean => (parseQuantity(a ?? '0')?.nanos ?? 0n) === 0n;

/** resourceQOS for cpu or memory: equal and zero BestEffort, equal and non-zero Guaranteed, else Burstable. */
function resourceQOS(container: Container, name: 'cpu' | 'memory'): QOSClass {
	const request = container.resources?.requests[name];
	const limit = container.resources?.limits[name];
	if (!sameQuantity(request, limit)) return 'Burstable';
	return isZero(request) ? 'BestEffort' : 'Guaranteed';
}

/** requirementsQOS: no requests and no limits at all is BestEffort; cpu and memory must agree, else Burstable. */
function containerQOS(container: Container): QOSClass {
	const r = container.resources;
	if (r === undefined || (Object.keys(r.requests).length === 0 && Object.keys(r.limits).length === 0)) return 'BestEffort';
	const cpu = resourceQOS(container, 'cpu');
	const memory = resourceQOS(container, 'memory');
	return cpu === memory ? cpu : 'Burstable';
}

/**
 * ComputePodQOS (kubernetes/kubectl pkg/util/qos/qos.go, the same as pkg/apis/core/helper/qos): a
 * Burstable container makes the pod Burstable; so do a Guaranteed and a BestEffort one together.
 */
export function qosClass(spec: PodSpec): QOSClass {
	let pod: QOSClass | undefined;
	for (const container of spec.containers) {
		const qos = containerQOS(container);
		if (qos === 'Burstable') return qos;
		if (pod === undefined) pod = qos;
		else if (pod !== qos) return 'Burstable';
	}
	return pod ?? 'BestEffort';
}

/**
 * One line per toleration, sorted by key: `key=value:effect`, ` op=Exists` for an Exists without
 * a value (`op=Exists` alone for the one that tolerates everything), ` for Ns` with
 * tolerationSeconds.
 */
export function tolerationLines(tolerations: readonly Toleration[]): string[] {
	return [...tolerations]
		.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
		.map(t => {
			let line = t.key ?? '';
			if (t.value) line += `=${t.value}`;
			if (t.effect) line += `:${t.effect}`;
			if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
			if (t.tolerationSeconds !== undefined) line += ` for ${t.tolerationSeconds}s`;
			return line;
		});
}
