// ReplicationController (core/v1). Short name from
// pkg/registry/core/replicationcontroller/storage/storage.go.

import {SOURCE} from '../sim/controllers.js';
import type {KindInfo} from './kind.js';

export const replicationController = {
	kind: 'ReplicationController',
	resource: 'replicationcontrollers',
	singular: 'replicationcontroller',
	shortNames: ['rc'],
	group: '',
	version: 'v1',
	legacyVersions: [],
	namespaced: true,
	loaded: true,
	categories: ['all'],
	scalable: true,
	controller: SOURCE.ReplicationController,
} as const satisfies KindInfo;
