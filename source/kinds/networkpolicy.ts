// NetworkPolicy (networking.k8s.io/v1). Short name from
// pkg/registry/networking/networkpolicy/storage/storage.go ShortNames(): `netpol`. Not in the
// `all` category (the storage implements no CategoriesProvider).

import type {KindInfo} from './kind.js';

export const networkPolicy = {
	kind: 'NetworkPolicy',
	resource: 'networkpolicies',
	singular: 'networkpolicy',
	shortNames: ['netpol'],
	group: 'networking.k8s.io',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: true,
	scalable: false,
} as const satisfies KindInfo;
