// Service (core/v1). Short name from pkg/registry/core/service/storage/storage.go ShortNames().

import type {KindInfo} from './kind.js';

export const service = {
	kind: 'Service',
	resource: 'services',
	singular: 'service',
	shortNames: ['svc'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: false,
} as const satisfies KindInfo;
