// Which (apiVersion, kind) pairs the simulator loads, which it skips, and which a cluster
// would not recognise at all (docs/semantics.md A13). The versions and names are the kinds'
// own (source/kinds/); this file only classifies.

import {apiVersionOf, KINDS, type KindInfo, type LoadedKind, qualifiedResource} from '../kinds/registry.js';
import {goQuote} from './go-format.js';

/** The kinds the registry marks `loaded`. */
export type SimulatedKind = LoadedKind;

export type Classified =
	| {type: 'simulated'; kind: SimulatedKind; legacy: boolean; defaultsSelector: boolean}
	| {type: 'cluster'}
	| {type: 'skipped'}
	| {type: 'unknown'; message: string};

const configGroup = 'k8s-svc-tui';
const configApiVersion = 'k8s-svc-tui/v1';

const LOADED: ReadonlyMap<string, KindInfo & {kind: SimulatedKind}> = new Map(
	KINDS.filter(k => k.loaded).map(k => [k.kind, k as KindInfo & {kind: SimulatedKind}]),
);

/** kubectl's resource names, as in `deployments.apps "x" already exists`. */
export const resourceNames = Object.fromEntries([...LOADED.values()].map(k => [k.kind, qualifiedResource(k)])) as Readonly<Record<SimulatedKind, string>>;

export const clusterScoped: ReadonlySet<SimulatedKind> = new Set([...LOADED.values()].filter(k => !k.namespaced).map(k => k.kind));

function groupOf(apiVersion: string): string {
	const slash = apiVersion.indexOf('/');
	return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function classify(apiVersion: string, kind: string): Classified {
	const group = groupOf(apiVersion);
	const noMatch = {type: 'unknown', message: `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`} as const;
	if (group === configGroup) {
		return apiVersion === configApiVersion && kind === 'Cluster' ? {type: 'cluster'} : noMatch;
	}
	const k = LOADED.get(kind);
	if (k === undefined) return {type: 'skipped'};
	if (apiVersion === apiVersionOf(k)) return {type: 'simulated', kind: k.kind, legacy: false, defaultsSelector: false};
	const old = k.legacyVersions.find(v => v.apiVersion === apiVersion);
	if (old !== undefined) return {type: 'simulated', kind: k.kind, legacy: true, defaultsSelector: old.defaultsSelector};
	// The core group or the kind's own groups: a version the cluster does not serve. Any
	// other group is a different resource that shares the name (a Knative Service, say).
	const ownGroups = ['', k.group, ...k.legacyVersions.map(v => groupOf(v.apiVersion))];
	return ownGroups.includes(group) ? noMatch : {type: 'skipped'};
}
