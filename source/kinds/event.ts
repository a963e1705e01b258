// Event (core/v1, the group `kubectl get events` reads; events.k8s.io/v1 serves the same objects).
// Short name from pkg/registry/core/event/storage/storage.go ShortNames().

import type {KindInfo} from './kind.js';

export const event = {
	kind: 'Event',
	resource: 'events',
	singular: 'event',
	shortNames: ['ev'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: false,
	scalable: false,
} as const satisfies KindInfo;
