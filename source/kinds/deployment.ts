// Deployment (apps/v1). Short name from pkg/registry/apps/deployment/storage/storage.go; the
// beta versions were removed in Kubernetes 1.16 but old manifests still carry them.

import {SOURCE} from '../sim/controllers.js';
import type {KindInfo} from './kind.js';

export const deployment = {
	kind: 'Deployment',
	resource: 'deployments',
	singular: 'deployment',
	shortNames: ['deploy'],
	group: 'apps',
	version: 'v1',
	legacyVersions: [
		{apiVersion: 'extensions/v1beta1', defaultsSelector: true},
		{apiVersion: 'apps/v1beta1', defaultsSelector: true},
		// apps/v1beta2 made spec.selector required.
		{apiVersion: 'apps/v1beta2', defaultsSelector: false},
	],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: true,
	controller: SOURCE.Deployment,
} as const satisfies KindInfo;
