// StatefulSet (apps/v1). Short name from pkg/registry/apps/statefulset/storage/storage.go.

import {SOURCE} from '../sim/controllers.js';
import type {KindInfo} from './kind.js';

export const statefulSet = {
	kind: 'StatefulSet',
	resource: 'statefulsets',
	singular: 'statefulset',
	shortNames: ['sts'],
	group: 'apps',
	version: 'v1',
	legacyVersions: [
		{apiVersion: 'apps/v1beta1', defaultsSelector: true},
		{apiVersion: 'apps/v1beta2', defaultsSelector: false},
	],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: true,
	controller: SOURCE.StatefulSet,
} as const satisfies KindInfo;
