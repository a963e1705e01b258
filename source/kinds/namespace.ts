// Namespace (core/v1), cluster-scoped. Short name from pkg/registry/core/namespace/storage/storage.go.

import type {KindInfo} from './kind.js';

export const namespace = {
	kind: 'Namespace',
	resource: 'namespaces',
	singular: 'namespace',
	shortNames: ['ns'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: false,
	loaded: true,
	scalable: false,
} as const satisfies KindInfo;
