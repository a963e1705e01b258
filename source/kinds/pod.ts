// Pod (core/v1). Short name from pkg/registry/core/pod/storage/storage.go ShortNames().

import type {KindInfo} from './kind.js';

export const pod = {
	kind: 'Pod',
	resource: 'pods',
	singular: 'pod',
	shortNames: ['po'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: false,
} as const satisfies KindInfo;
