// `kubectl get namespaces` and the Namespace object. Namespaces are cluster-scoped; the
// columns are printers.go's namespaceColumnDefinitions (NAME, STATUS, AGE), no wide ones.

import type {Labels, Namespace} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import type {KindView} from './kind-view.js';

/** The API server labels every namespace with its own name (corev1.LabelMetadataName, set by
 *  pkg/registry/core/namespace/strategy.go), so `-l kubernetes.io/metadata.name=shop` finds it. */
function namespaceLabels(ns: Namespace): Labels {
	return {...ns.labels, 'kubernetes.io/metadata.name': ns.name};
}

function namespaceObject(ns: Namespace): ApiObject {
	return {
		apiVersion: 'v1',
		kind: 'Namespace',
		metadata: objectMeta({...ns, labels: namespaceLabels(ns)}),
		// Every namespace carries the `kubernetes` finalizer; the simulator never deletes one, so Active.
		spec: {finalizers: ['kubernetes']},
		status: {phase: 'Active'},
	};
}

export const namespaceView: KindView<Namespace> = {
	columns: ['NAME', 'STATUS', 'AGE'],
	wideColumns: [],
	list: state => Object.values(state.namespaces),
	meta: (_state, ns) => ({namespace: '', name: ns.name, labels: namespaceLabels(ns)}),
	row: (state, ns) => [ns.name, 'Active', ageSince(state.clock, ns.createdAt)],
	object: (_state, ns) => namespaceObject(ns),
};
