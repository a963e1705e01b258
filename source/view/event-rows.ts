// `kubectl get events` and the core/v1 Event object. Columns and cells as the API server's table
// printer writes them (kubernetes/kubernetes pkg/printers/internalversion/printers.go printEvent):
// LAST SEEN, TYPE, REASON, OBJECT (`kind/name`, the kind lower-cased), MESSAGE; `-o wide` puts
// SUBOBJECT and SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after it. The list is not sorted
// by time: the API returns events in key order, by namespace and name (`<object>.<hex time>`), which
// is why `--sort-by=.lastTimestamp` exists.

import {listEvents} from '../sim/events.js';
import type {ClusterEvent} from '../sim/types.js';
import {ageSince} from './age.js';
import type {ApiObject} from './api-object.js';
import {derivedUid} from './derived-id.js';
import type {KindView} from './kind-view.js';
import {apiTimestamp} from './timestamp.js';

/** 2026-01-01T00:00:00Z in ms, the wall time of virtual t=0 (as view/timestamp.ts). */
const EPOCH_MS = BigInt(Date.UTC(2026, 0, 1));

/** The API group/version of each kind an event can be about. */
const API_VERSIONS: Readonly<Record<string, string>> = {
	Deployment: 'apps/v1',
	ReplicaSet: 'apps/v1',
	StatefulSet: 'apps/v1',
	EndpointSlice: 'discovery.k8s.io/v1',
};

/**
 * client-go `tools/record/event.go` makeEvent: `<object name>.<UnixNano of the first record, hex>`.
 * The virtual clock has milliseconds; the record serial fills the nanoseconds so that two events
 * of one object in the same millisecond keep their order and distinct names.
 */
function eventName(event: ClusterEvent): string {
	const nanos = (EPOCH_MS + BigInt(Math.floor(event.firstAt))) * 1_000_000n + BigInt(event.id % 1_000_000);
	return `${event.involved.name}.${nanos.toString(16)}`;
}

/** An event lives in its object's namespace; a cluster-scoped object's events in `default` (makeEvent). */
function eventNamespace(event: ClusterEvent): string {
	return event.involved.namespace === '' ? 'default' : event.involved.namespace;
}

/** SOURCE: printers.go formatEventSource, `component, host` or the component alone. */
function sourceCell(event: ClusterEvent): string {
	return event.host === undefined ? event.source : `${event.source}, ${event.host}`;
}

function eventObject(event: ClusterEvent): ApiObject {
	const o = event.involved;
	const involvedObject: ApiObject = {apiVersion: API_VERSIONS[o.kind] ?? 'v1', kind: o.kind, name: o.name};
	if (o.namespace !== '') involvedObject.namespace = o.namespace;
	if (o.uid !== undefined) involvedObject.uid = o.uid;
	if (o.fieldPath !== undefined) involvedObject.fieldPath = o.fieldPath;
	const name = eventName(event);
	const source: ApiObject = {component: event.source};
	if (event.host !== undefined) source.host = event.host;
	return {
		apiVersion: 'v1',
		kind: 'Event',
		count: event.count,
		eventTime: null,
		firstTimestamp: apiTimestamp(event.firstAt),
		involvedObject,
		lastTimestamp: apiTimestamp(event.lastAt),
		message: event.message,
		metadata: {
			name,
			namespace: eventNamespace(event),
			creationTimestamp: apiTimestamp(event.firstAt),
			uid: derivedUid(`Event/${eventNamespace(event)}/${name}`),
		},
		reason: event.reason,
		// client-go's recorder fills these from the source (tools/record/event.go makeEvent).
		reportingComponent: event.source,
		reportingInstance: event.host ?? '',
		source,
		type: event.type,
	};
}

/** `-o wide` headers, in printEvent's wide order (MESSAGE sits between SOURCE and FIRST SEEN). */
const WIDE_HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

export const eventView: KindView<ClusterEvent> & {wideHeaders: readonly string[]} = {
	columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
	wideColumns: [],
	wideHeaders: WIDE_HEADERS,
	list: (state, namespace) => {
		const all = listEvents(state);
		return namespace === null ? all : all.filter(e => eventNamespace(e) === namespace);
	},
	meta: (_state, event) => ({namespace: eventNamespace(event), name: eventName(event), labels: {}}),
	row(state, event, wide) {
		const lastSeen = ageSince(state.clock, event.lastAt);
		const object = `${event.involved.kind.toLowerCase()}/${event.involved.name}`;
		const message = event.message.trim();
		if (!wide) return [lastSeen, event.type, event.reason, object, message];
		return [
			lastSeen,
			event.type,
			event.reason,
			object,
			event.involved.fieldPath ?? '',
			sourceCell(event),
			message,
			ageSince(state.clock, event.firstAt),
			String(event.count),
			eventName(event),
		];
	},
	object: (_state, event) => eventObject(event),
};

/**
 * The fields `--field-selector` can name for events, and where each sits in the object
 * (pkg/registry/core/event/strategy.go ToSelectableFields: `source` is source.component).
 */
export const EVENT_SELECTABLE_FIELDS: Readonly<Record<string, string>> = {
	'metadata.name': 'metadata.name',
	'metadata.namespace': 'metadata.namespace',
	'involvedObject.kind': 'involvedObject.kind',
	'involvedObject.namespace': 'involvedObject.namespace',
	'involvedObject.name': 'involvedObject.name',
	'involvedObject.uid': 'involvedObject.uid',
	'involvedObject.apiVersion': 'involvedObject.apiVersion',
	'involvedObject.resourceVersion': 'involvedObject.resourceVersion',
	'involvedObject.fieldPath': 'involvedObject.fieldPath',
	reason: 'reason',
	reportingComponent: 'reportingComponent',
	source: 'source.component',
	type: 'type',
};
