// Endpoints (core/v1; deprecated in v1.33, docs/semantics.md S82). Short name from
// pkg/registry/core/endpoint/storage/storage.go ShortNames().

import type {KindInfo} from './kind.js';

export const endpoints = {
	kind: 'Endpoints',
	resource: 'endpoints',
	singular: 'endpoints',
	shortNames: ['ep'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: true,
	scalable: false,
} as const satisfies KindInfo;
