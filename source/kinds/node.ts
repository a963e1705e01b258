// Node (core/v1), cluster-scoped. Short name from pkg/registry/core/node/storage/storage.go.

import type {KindInfo} from './kind.js';

export const node = {
	kind: 'Node',
	resource: 'nodes',
	singular: 'node',
	shortNames: ['no'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: false,
	loaded: true,
	scalable: false,
} as const satisfies KindInfo;
