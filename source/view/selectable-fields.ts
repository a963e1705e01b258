/**
 * The fields `--field-selector` can name, per kind, and how each reads from the object kubectl
 * would print. The API server answers any other label with `field label not supported`
 * (apimachinery runtime.Scheme ConvertFieldLabel, fed by pkg/apis/core/v1/conversion.go's
 * AddFieldLabelConversionFunc lists); a supported field the object lacks reads as '' there
 * (fields.Set Get), or as the server's default where its ToSelectableFields writes one.
 */
import type {ResourceName} from '../kinds/registry.js';
import type {ApiObject} from './api-object.js';
import {EVENT_SELECTABLE_FIELDS} from './event-rows.js';

/** A selectable field's value in one object, as the API server's fields.Set holds it. */
export type FieldReader = (object: ApiObject) => string;

function valueAt(object: ApiObject, path: string): unknown {
	let value: unknown = object;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as ApiObject)[key];
	}
	return value;
}

/** The field at a dotted path; `absent` when the object leaves it out (omitempty). */
const at =
	(path: string, absent = ''): FieldReader =>
	object => {
		const value = valueAt(object, path);
		return value === undefined || value === null ? absent : String(value);
	};

const METADATA: Readonly<Record<string, FieldReader>> = {'metadata.name': at('metadata.name'), 'metadata.namespace': at('metadata.namespace')};

/**
 * pkg/registry/core/pod/strategy.go ToSelectableFields. spec.hostNetwork is written as
 * strconv.FormatBool, so an unset one is "false"; status.podIPs is accepted by the conversion
 * func but never put in the set, so it reads ''. restartPolicy, schedulerName and
 * serviceAccountName read the defaulted spec (view/pod-defaults.ts).
 */
const POD: Readonly<Record<string, FieldReader>> = {
	...METADATA,
	'spec.nodeName': at('spec.nodeName'),
	'spec.restartPolicy': at('spec.restartPolicy'),
	'spec.schedulerName': at('spec.schedulerName'),
	'spec.serviceAccountName': at('spec.serviceAccountName'),
	// Old v1 clients' name for spec.nodeName, still converted to it.
	'spec.host': at('spec.nodeName'),
	'spec.hostNetwork': at('spec.hostNetwork', 'false'),
	'status.phase': at('status.phase'),
	'status.podIP': at('status.podIP'),
	'status.podIPs': () => '',
	'status.nominatedNodeName': at('status.nominatedNodeName'),
};

/**
 * pkg/registry/core/node/strategy.go NodeToSelectableFields: metadata.name (a node has no
 * namespace) and spec.unschedulable, written as strconv.FormatBool.
 */
const NODE: Readonly<Record<string, FieldReader>> = {
	'metadata.name': at('metadata.name'),
	'spec.unschedulable': at('spec.unschedulable', 'false'),
};

/** AddFieldLabelConversionsForService: spec.clusterIP (`None` for a headless Service) and spec.type. */
const SERVICE: Readonly<Record<string, FieldReader>> = {...METADATA, 'spec.clusterIP': at('spec.clusterIP'), 'spec.type': at('spec.type')};

/** AddFieldLabelConversionsForNamespace: metadata.name and status.phase (a namespace has no namespace). */
const NAMESPACE: Readonly<Record<string, FieldReader>> = {'metadata.name': at('metadata.name'), 'status.phase': at('status.phase')};

/** The ReplicationController conversion func: status.replicas, written as strconv.Itoa (0 when unset). */
const REPLICATION_CONTROLLER: Readonly<Record<string, FieldReader>> = {...METADATA, 'status.replicas': at('status.replicas', '0')};

const EVENT: Readonly<Record<string, FieldReader>> = Object.fromEntries(Object.entries(EVENT_SELECTABLE_FIELDS).map(([label, path]) => [label, at(path)]));

/** The fields `--field-selector` takes for a kind (the palette completes them). */
export function selectableFields(resource: ResourceName): Readonly<Record<string, FieldReader>> {
	switch (resource) {
		case 'pods':
			return POD;
		case 'nodes':
			return NODE;
		case 'events':
			return EVENT;
		case 'services':
			return SERVICE;
		case 'namespaces':
			return NAMESPACE;
		case 'replicationcontrollers':
			return REPLICATION_CONTROLLER;
		default:
			return METADATA;
	}
}
