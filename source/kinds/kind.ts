// What a kind is, as the API server's discovery document and kubectl's RESTMapper know it: its
// names, group and version, scope, and whether `kubectl scale` works on it. One module per kind
// fills this in; registry.ts lists them.

import type {WorkloadKind} from '../sim/types.js';

interface KindBase {
	/** `Deployment`, as in a manifest's `kind:`. */
	kind: string;
	/** The resource (plural) name, as in `/apis/apps/v1/deployments`; registry.ts makes the ResourceName union of them. */
	resource: string;
	/** rest.SingularNameProvider; kubectl also accepts it. */
	singular: string;
	/** rest.ShortNamesProvider, in the order discovery lists them (`deploy`, `svc`). */
	shortNames: readonly string[];
	/** API group; '' for the core group. */
	group: string;
	/** The version the simulator serves and prints. */
	version: string;
	/**
	 * Older `apiVersion`s a manifest may still use: loaded with a warning (docs/semantics.md A13).
	 * `defaultsSelector` marks the ones that filled in spec.selector from the template's labels.
	 */
	legacyVersions: ReadonlyArray<{apiVersion: string; defaultsSelector: boolean}>;
	namespaced: boolean;
	/** Read from manifests and dumps (source/load/); the others the simulator derives, and input copies of them are skipped. */
	loaded: boolean;
	/**
	 * rest.CategoriesProvider: the categories a type word such as `all` expands to
	 * (pkg/registry/<group>/<kind>/storage/storage.go Categories(); `all` holds pods, services,
	 * replicationcontrollers, daemonsets, deployments, replicasets, statefulsets, jobs, cronjobs,
	 * horizontalpodautoscalers).
	 */
	categories?: readonly string[];
}

interface FixedKind extends KindBase {
	scalable: false;
}

/** A kind with spec.replicas, run by a controller that records events under its own name. */
interface ScalableKind extends KindBase {
	kind: WorkloadKind;
	scalable: true;
	/** The event source of its controller (`deployment-controller`), as the simulator records it. */
	controller: string;
}

export type KindInfo = FixedKind | ScalableKind;
