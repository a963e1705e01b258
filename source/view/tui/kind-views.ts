// The per-kind renderers `get` drives (source/view/get.ts KINDS_BOUND), by resource, so the resource
// views can build one row or one object at a time instead of the whole `get` table
// (issue 15: at 10,000 pods a frame may only cost what it shows). The rows stay get's: the
// renderers are the same, and test/view/tui/resource-table.test.ts compares every kind with get.

import type {ResourceName} from '../../kinds/registry.js';
import {deploymentView} from '../deployment-rows.js';
import {endpointsView} from '../endpoints-rows.js';
import {endpointSliceView} from '../endpointslice-rows.js';
import {eventView} from '../event-rows.js';
import type {KindView} from '../kind-view.js';
import {namespaceView} from '../namespace-rows.js';
import {networkPolicyView} from '../networkpolicy-rows.js';
import {nodeView} from '../node-rows.js';
import {podView} from '../pod-rows.js';
import {replicaSetView} from '../replicaset-rows.js';
import {replicationControllerView} from '../replicationcontroller-rows.js';
import {serviceView} from '../service-rows.js';
import {statefulSetView} from '../statefulset-rows.js';

// biome-ignore lint/suspicious/noExplicitAny: each renderer has its own item type; callers only pass items back to the renderer that listed them
export type AnyKindView = KindView<any> & {wideHeaders?: readonly string[]};

export const KIND_VIEWS: {readonly [R in ResourceName]: AnyKindView} = {
	services: serviceView,
	endpoints: endpointsView,
	endpointslices: endpointSliceView,
	pods: podView,
	nodes: nodeView,
	namespaces: namespaceView,
	deployments: deploymentView,
	replicasets: replicaSetView,
	replicationcontrollers: replicationControllerView,
	statefulsets: statefulSetView,
	networkpolicies: networkPolicyView,
	events: eventView,
};
