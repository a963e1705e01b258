// Every kind the simulator knows, once (the k9s registry idea: internal/dao/registry.go), and the
// lookups the other layers need: by kind, by any word kubectl accepts for it, by resource name.
// Adding a kind is one module in this folder and one line below.

import type {WorkloadKind} from '../sim/types.js';
import {deployment} from './deployment.js';
import {endpoints} from './endpoints.js';
import {endpointSlice} from './endpointslice.js';
import {event} from './event.js';
import type {KindInfo} from './kind.js';
import {namespace} from './namespace.js';
import {networkPolicy} from './networkpolicy.js';
import {node} from './node.js';
import {pod} from './pod.js';
import {replicaSet} from './replicaset.js';
import {replicationController} from './replicationcontroller.js';
import {service} from './service.js';
import {statefulSet} from './statefulset.js';

export type {KindInfo} from './kind.js';

/** Keyed by resource name, in the order `help` and the tests list them. */
const KIND_MODULES = {
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
	networkpolicies: networkPolicy,
	events: event,
};

/** `kubectl get`'s canonical type names (kubectl's plural names), one per registered kind. */
export type ResourceName = keyof typeof KIND_MODULES;

/** The kinds manifests and dumps may hold (`loaded: true`), by their `kind:` names. */
export type LoadedKind = Extract<(typeof KIND_MODULES)[ResourceName], {loaded: true}>['kind'];

/** Typed so the compiler checks that each key is its kind's own resource name. */
const REGISTRY: {readonly [R in ResourceName]: KindInfo & {resource: R}} = KIND_MODULES;

/** A registered kind: its resource name is one of ResourceName. */
type Registered = KindInfo & {resource: ResourceName};

export const KINDS: readonly Registered[] = Object.values(REGISTRY);

type Scalable = Extract<Registered, {scalable: true}>;

const byKind = new Map<string, Registered>(KINDS.map(k => [k.kind, k]));

/** Lower-case plural, singular, short names and kind, each to its kind (RESTMapper matches case-insensitively). */
const byWord = new Map<string, Registered>();
for (const k of KINDS) for (const word of wordsOf(k)) byWord.set(word, k);

/** Every word kubectl accepts for the kind, the plural first: `deployments deployment deploy`. */
export function wordsOf(k: KindInfo): string[] {
	return [...new Set([k.resource, k.singular, ...k.shortNames, k.kind.toLowerCase()])];
}

export function kindByResource(resource: ResourceName): Registered {
	return REGISTRY[resource];
}

/** A workload kind's descriptor (the compiler knows every WorkloadKind is registered and scalable). */
export function workloadKind(kind: WorkloadKind): Scalable {
	const found = byKind.get(kind);
	if (found?.scalable !== true) throw new Error(`no scalable kind ${kind} in source/kinds/registry.ts`);
	return found;
}

/**
 * Discovery lists the core group first, then the others by the aggregator's group priority
 * (k8s.io/kubernetes pkg/controlplane/apiserver/aggregator.go: apps, events.k8s.io, autoscaling,
 * batch, …, discovery.k8s.io); within a group, resources alphabetically. A category expands in
 * that order (client-go discovery categoryExpander).
 */
const GROUP_ORDER = ['', 'apps', 'events.k8s.io', 'autoscaling', 'batch', 'networking.k8s.io', 'discovery.k8s.io'];

function discoveryOrder(a: KindInfo, b: KindInfo): number {
	const group = GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group);
	return group !== 0 ? group : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
}

/** The resources a category word (`all`) names, in discovery order; empty for no such category. */
export function categoryMembers(category: string): ResourceName[] {
	return KINDS.filter(k => k.categories?.includes(category))
		.sort(discoveryOrder)
		.map(k => k.resource);
}

const API_VERSION = /^v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;

/**
 * The kind for a type word as kubectl reads it: plural, singular, short name or kind, in any case,
 * optionally qualified with its group (`deployments.apps`) or version and group
 * (`deploy.v1.apps`); null when this cluster has no such type.
 */
export function resolveKind(word: string): Registered | null {
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
