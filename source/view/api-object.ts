// Building blocks for the objects `-o json` / `-o yaml` print: what the API server returns after
// defaulting, with kubectl's conventions (omitempty fields left out, keys sorted on output).

import type {LabelSelector, Labels, NodeSelectorRequirement, PodSpec, Probe, Toleration} from '../sim/types.js';
import {containerDefaults, podSpecDefaults} from './pod-defaults.js';
import {resourcesObject} from './pod-resources.js';
import {apiTimestamp} from './timestamp.js';

export type ApiObject = {[key: string]: unknown};

export interface MetaFields {
	name: string;
	/** Omitted for cluster-scoped kinds. */
	namespace?: string;
	uid: string;
	labels: Labels;
	annotations?: Labels;
	createdAt: number;
	generateName?: string;
	ownerReferences?: ApiObject[];
}

/** `metadata` with empty maps omitted, as the API serialises them (`omitempty`). */
export function objectMeta(fields: MetaFields): ApiObject {
	const meta: ApiObject = {name: fields.name};
	if (fields.namespace !== undefined && fields.namespace !== '') meta.namespace = fields.namespace;
	meta.uid = fields.uid;
	meta.creationTimestamp = apiTimestamp(fields.createdAt);
	if (fields.generateName !== undefined) meta.generateName = fields.generateName;
	if (Object.keys(fields.labels).length > 0) meta.labels = {...fields.labels};
	if (fields.annotations && Object.keys(fields.annotations).length > 0) meta.annotations = {...fields.annotations};
	if (fields.ownerReferences && fields.ownerReferences.length > 0) meta.ownerReferences = fields.ownerReferences;
	return meta;
}

/** A controller reference, as controllers write them on what they create. */
export function controllerRef(apiVersion: string, kind: string, name: string, uid: string | undefined): ApiObject {
	const ref: ApiObject = {apiVersion, kind, name, controller: true, blockOwnerDeletion: true};
	if (uid !== undefined) ref.uid = uid;
	return ref;
}

export function labelSelectorObject(selector: LabelSelector): ApiObject {
	const out: ApiObject = {};
	if (Object.keys(selector.matchLabels).length > 0) out.matchLabels = {...selector.matchLabels};
	if (selector.matchExpressions.length > 0) {
		out.matchExpressions = selector.matchExpressions.map(req =>
			req.values.length > 0 ? {key: req.key, operator: req.operator, values: [...req.values]} : {key: req.key, operator: req.operator},
		);
	}
	return out;
}

/**
 * A probe as the API server returns it: defaults filled (SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * GRPCAction.Service `+default=""`), and initialDelaySeconds left out when 0 (`omitempty`).
 */
function probeObject(probe: Probe): ApiObject {
	const {initialDelaySeconds, ...rest} = probe;
	const out: ApiObject = structuredClone(rest);
	if (initialDelaySeconds !== 0) out.initialDelaySeconds = initialDelaySeconds;
	return out;
}

/**
 * A pod spec as the API object holds it. `tolerations` are the ones stored: a Pod's after
 * admission (sim/taints.ts admittedTolerations), a template's as written.
 */
export function podSpecObject(spec: PodSpec, tolerations: readonly Toleration[] | undefined = spec.tolerations): ApiObject {
	const out: ApiObject = {
		containers: spec.containers.map(container => {
			const c: ApiObject = {name: container.name, image: container.image};
			if (container.ports.length > 0) {
				c.ports = container.ports.map(port =>
					port.name === undefined
						? {containerPort: port.containerPort, protocol: port.protocol}
						: {name: port.name, containerPort: port.containerPort, protocol: port.protocol},
				);
			}
			for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
				const probe = container[key];
				if (probe) c[key] = probeObject(probe);
			}
			// A struct, not a pointer, in the Go type: the API always returns it, `{}` when empty.
			c.resources = resourcesObject(container) ?? {};
			return Object.assign(c, containerDefaults(container));
		}),
		terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
		...podSpecDefaults(spec),
	};
	if (spec.nodeName !== undefined) out.nodeName = spec.nodeName;
	if (spec.hostname !== undefined) out.hostname = spec.hostname;
	if (spec.subdomain !== undefined) out.subdomain = spec.subdomain;
	if (spec.hostNetwork) out.hostNetwork = true;
	if (tolerations !== undefined && tolerations.length > 0) out.tolerations = tolerations.map(t => ({...t}));
	if (spec.dnsConfig !== undefined) {
		const {nameservers, searches, options} = spec.dnsConfig;
		out.dnsConfig = {
			...(nameservers.length > 0 ? {nameservers: [...nameservers]} : {}),
			...(options.length > 0 ? {options: options.map(o => ({...o}))} : {}),
			...(searches.length > 0 ? {searches: [...searches]} : {}),
		};
	}
	if (spec.nodeSelector !== undefined) out.nodeSelector = {...spec.nodeSelector};
	if (spec.requiredNodeAffinity !== undefined) {
		// omitempty: a term's empty lists and a requirement's absent values are left out.
		const requirement = ({key, operator, values}: NodeSelectorRequirement): ApiObject =>
			values.length > 0 ? {key, operator, values: [...values]} : {key, operator};
		const nodeSelectorTerms = spec.requiredNodeAffinity.map(term => {
			const t: ApiObject = {};
			if (term.matchExpressions.length > 0) t.matchExpressions = term.matchExpressions.map(requirement);
			if (term.matchFields.length > 0) t.matchFields = term.matchFields.map(requirement);
			return t;
		});
		out.affinity = {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms}}};
	}
	return out;
}

/** Non-zero counts only, for status fields marked `omitempty`. */
export function nonZero(fields: Record<string, number>): ApiObject {
	const out: ApiObject = {};
	for (const [key, value] of Object.entries(fields)) if (value !== 0) out[key] = value;
	return out;
}

/**
 * Keys sorted at every level: kubectl prints objects it decoded as unstructured maps, and Go's
 * encoders sort map keys.
 */
export function sortKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(sortKeys) as T;
	if (value !== null && typeof value === 'object') {
		const out: ApiObject = {};
		for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as ApiObject)[key]);
		return out as T;
	}
	return value;
}
