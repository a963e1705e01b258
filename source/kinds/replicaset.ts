// ReplicaSet (apps/v1). Short name from pkg/registry/apps/replicaset/storage/storage.go.

import {SOURCE} from '../sim/controllers.js';
import type {KindInfo} from './kind.js';

export const replicaSet = {
	kind: 'ReplicaSet',
	resource: 'replicasets',
	singular: 'replicaset',
	shortNames: ['rs'],
	group: 'apps',
	version: 'v1',
	legacyVersions: [
		{apiVersion: 'extensions/v1beta1', defaultsSelector: true},
		{apiVersion: 'apps/v1beta2', defaultsSelector: false},
	],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: true,
	controller: SOURCE.ReplicaSet,
} as const satisfies KindInfo;
