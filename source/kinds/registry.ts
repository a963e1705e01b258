// Every kind the simulator knows, once (the k9s registry idea: internal/dao/registry.go), and the
// lookups the other layers need: by kind, by any word kubectl accepts for it, by resource name.
// Adding a kind is one module in this folder and one line below.

import type {ResourceName, WorkloadKind} from '../sim/types.js';
import {deployment} from './deployment.js';
import {endpoints} from './endpoints.js';
import {endpointSlice} from './endpointslice.js';
import {event} from './event.js';
import type {KindInfo} from './kind.js';
import {namespace} from './namespace.js';
import {node} from './node.js';
import {pod} from './pod.js';
import {replicaSet} from './replicaset.js';
import {replicationController} from './replicationcontroller.js';
import {service} from './service.js';
import {statefulSet} from './statefulset.js';

export type {KindInfo} from './kind.js';

/** Keyed by resource name, so the compiler checks that every ResourceName has exactly one kind. In the order `help` and the tests list them. */
const REGISTRY = {
	services: service,
	endpoints,
	endpointslices: endpointSlice,
	pods: pod,
	nodes: node,
	namespaces: namespace,
	deployments: deployment,
	replicasets: replicaSet,
	replicationcontrollers: replicationController,
	statefulsets: statefulSet,
	events: event,
} satisfies {readonly [R in ResourceName]: KindInfo & {resource: R}};

export const KINDS: readonly KindInfo[] = Object.values(REGISTRY);

type Scalable = Extract<KindInfo, {scalable: true}>;

const byKind = new Map<string, KindInfo>(KINDS.map(k => [k.kind, k]));

/** Lower-case plural, singular, short names and kind, each to its kind (RESTMapper matches case-insensitively). */
const byWord = new Map<string, KindInfo>();
for (const k of KINDS) for (const word of wordsOf(k)) byWord.set(word, k);

/** Every word kubectl accepts for the kind, the plural first: `deployments deployment deploy`. */
export function wordsOf(k: KindInfo): string[] {
	return [...new Set([k.resource, k.singular, ...k.shortNames, k.kind.toLowerCase()])];
}

export function kindByResource(resource: ResourceName): KindInfo {
	return REGISTRY[resource];
}

/** A workload kind's descriptor (the compiler knows every WorkloadKind is registered and scalable). */
export function workloadKind(kind: WorkloadKind): Scalable {
	const found = byKind.get(kind);
	if (found?.scalable !== true) throw new Error(`no scalable kind ${kind} in source/kinds/registry.ts`);
	return found;
}

const API_VERSION = /^v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;

/**
 * The kind for a type word as kubectl reads it: plural, singular, short name or kind, in any case,
 * optionally qualified with its group (`deployments.apps`) or version and group
 * (`deploy.v1.apps`); null when this cluster has no such type.
 */
export function resolveKind(word: string): KindInfo | null {
	const lower = word.toLowerCase();
	const dot = lower.indexOf('.');
	const k = byWord.get(dot === -1 ? lower : lower.slice(0, dot));
	if (k === undefined) return null;
	if (dot === -1) return k;
	// The qualifier must name the kind's own group; the core group has no name to give.
	let qualifier = lower.slice(dot + 1);
	const versionDot = qualifier.indexOf('.');
	if (versionDot !== -1 && API_VERSION.test(qualifier.slice(0, versionDot))) qualifier = qualifier.slice(versionDot + 1);
	return k.group !== '' && qualifier === k.group ? k : null;
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(k: KindInfo): string {
	return k.group === '' ? k.version : `${k.group}/${k.version}`;
}

/** The resource with its group, as the API server names it in errors: `deployments.apps "web" not found`. */
export function qualifiedResource(k: KindInfo): string {
	return k.group === '' ? k.resource : `${k.resource}.${k.group}`;
}

/** The singular with its group, as kubectl names an object it acted on: `deployment.apps/web scaled`. */
export function qualifiedSingular(k: KindInfo): string {
	return k.group === '' ? k.singular : `${k.singular}.${k.group}`;
}
