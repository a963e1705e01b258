// EndpointSlice (discovery.k8s.io/v1). Upstream gives it no short name:
// pkg/registry/discovery/endpointslice/storage/storage.go implements SingularNameProvider only,
// so `kubectl get eps` is "the server doesn't have a resource type" on a real cluster.

import type {KindInfo} from './kind.js';

export const endpointSlice = {
	kind: 'EndpointSlice',
	resource: 'endpointslices',
	singular: 'endpointslice',
	shortNames: [],
	group: 'discovery.k8s.io',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: false,
	scalable: false,
} as const satisfies KindInfo;
