// Which (apiVersion, kind) pairs the simulator loads, which it skips, and which a cluster
// would not recognise at all (docs/semantics.md A13).

import type {WorkloadKind} from '../sim/types.js';
import {goQuote} from './go-format.js';

export type SimulatedKind = 'Node' | 'Namespace' | 'Pod' | 'Service' | 'Endpoints' | WorkloadKind;

export type Classified =
	| {type: 'simulated'; kind: SimulatedKind; legacy: boolean; defaultsSelector: boolean}
	| {type: 'cluster'}
	| {type: 'skipped'}
	| {type: 'unknown'; message: string};

const configGroup = 'k8s-svc-tui';
const configApiVersion = 'k8s-svc-tui/v1';

const current: Record<SimulatedKind, string> = {
	Node: 'v1',
	Namespace: 'v1',
	Pod: 'v1',
	Service: 'v1',
	Endpoints: 'v1',
	ReplicationController: 'v1',
	ReplicaSet: 'apps/v1',
	Deployment: 'apps/v1',
	StatefulSet: 'apps/v1',
};

/** Removed in Kubernetes 1.16; still common in old manifests. */
const legacy: Partial<Record<SimulatedKind, readonly string[]>> = {
	Deployment: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
	ReplicaSet: ['extensions/v1beta1', 'apps/v1beta2'],
	StatefulSet: ['apps/v1beta1', 'apps/v1beta2'],
};

/** apps/v1beta2 made spec.selector required; the older versions defaulted it. */
const selectorDefaultingVersions = new Set(['extensions/v1beta1', 'apps/v1beta1']);

/** kubectl's resource names, as in `deployments.apps "x" already exists`. */
export const resourceNames: Record<SimulatedKind, string> = {
	Node: 'nodes',
	Namespace: 'namespaces',
	Pod: 'pods',
	Service: 'services',
	Endpoints: 'endpoints',
	ReplicationController: 'replicationcontrollers',
	ReplicaSet: 'replicasets.apps',
	Deployment: 'deployments.apps',
	StatefulSet: 'statefulsets.apps',
};

export const clusterScoped: ReadonlySet<SimulatedKind> = new Set(['Node', 'Namespace']);

function groupOf(apiVersion: string): string {
	const slash = apiVersion.indexOf('/');
	return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function isSimulatedKind(kind: string): kind is SimulatedKind {
	return Object.hasOwn(current, kind);
}

export function classify(apiVersion: string, kind: string): Classified {
	const group = groupOf(apiVersion);
	const noMatch = {type: 'unknown', message: `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`} as const;
	if (group === configGroup) {
		return apiVersion === configApiVersion && kind === 'Cluster' ? {type: 'cluster'} : noMatch;
	}
	if (!isSimulatedKind(kind)) return {type: 'skipped'};
	if (apiVersion === current[kind]) return {type: 'simulated', kind, legacy: false, defaultsSelector: false};
	if (legacy[kind]?.includes(apiVersion)) {
		return {type: 'simulated', kind, legacy: true, defaultsSelector: selectorDefaultingVersions.has(apiVersion)};
	}
	// The core group or the kind's own groups: a version the cluster does not serve. Any
	// other group is a different resource that shares the name (a Knative Service, say).
	const ownGroups = ['', groupOf(current[kind]), ...(legacy[kind] ?? []).map(groupOf)];
	return ownGroups.includes(group) ? noMatch : {type: 'skipped'};
}
