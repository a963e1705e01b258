// Resource type words as kubectl reads them: plural, singular, short name and kind, in any
// case, optionally with the API group (`deployments.apps`, `deploy.v1.apps`), and the
// `TYPE/NAME` form. Texts follow kubectl's resource builder (k8s.io/cli-runtime).

import {quote} from '../apimachinery/quote.js';
import type {ResourceName} from '../sim/types.js';
import type {ParseError} from './types.js';

export interface ResourceType {
	name: ResourceName;
	kind: string;
	/** API group; '' for the core group. */
	group: string;
	/** Every word kubectl accepts for it, the canonical plural first. */
	aliases: readonly string[];
	namespaced: boolean;
}

export const RESOURCE_TYPES: ReadonlyArray<ResourceType> = [
	{name: 'services', kind: 'Service', group: '', aliases: ['services', 'service', 'svc'], namespaced: true},
	{name: 'endpoints', kind: 'Endpoints', group: '', aliases: ['endpoints', 'endpoint', 'ep'], namespaced: true},
	{
		name: 'endpointslices',
		kind: 'EndpointSlice',
		group: 'discovery.k8s.io',
		aliases: ['endpointslices', 'endpointslice'],
		namespaced: true,
	},
	{name: 'pods', kind: 'Pod', group: '', aliases: ['pods', 'pod', 'po'], namespaced: true},
	{name: 'nodes', kind: 'Node', group: '', aliases: ['nodes', 'node', 'no'], namespaced: false},
	{
		name: 'deployments',
		kind: 'Deployment',
		group: 'apps',
		aliases: ['deployments', 'deployment', 'deploy'],
		namespaced: true,
	},
	{name: 'replicasets', kind: 'ReplicaSet', group: 'apps', aliases: ['replicasets', 'replicaset', 'rs'], namespaced: true},
	{
		name: 'replicationcontrollers',
		kind: 'ReplicationController',
		group: '',
		aliases: ['replicationcontrollers', 'replicationcontroller', 'rc'],
		namespaced: true,
	},
	{
		name: 'statefulsets',
		kind: 'StatefulSet',
		group: 'apps',
		aliases: ['statefulsets', 'statefulset', 'sts'],
		namespaced: true,
	},
];

const API_VERSION = /^v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;

/** The canonical name for a type word, or null if this cluster has no such type. */
export function resolveResourceType(word: string): ResourceName | null {
	const lower = word.toLowerCase();
	const dot = lower.indexOf('.');
	const base = dot === -1 ? lower : lower.slice(0, dot);
	const type = RESOURCE_TYPES.find(t => t.aliases.includes(base));
	if (type === undefined) return null;
	if (dot === -1) return type.name;
	// `deployments.apps` or `deployments.v1.apps`: the group must be the type's own.
	let qualifier = lower.slice(dot + 1);
	const versionDot = qualifier.indexOf('.');
	if (versionDot !== -1 && API_VERSION.test(qualifier.slice(0, versionDot))) qualifier = qualifier.slice(versionDot + 1);
	return type.group !== '' && qualifier === type.group ? type.name : null;
}

interface ResourceTarget {
	resource: ResourceName;
	name: string;
}

/** `type` is set when the arguments were `TYPE [NAME…]`; `targets` holds every named object. */
interface ResourceList {
	ok: true;
	type: ResourceName | null;
	targets: ResourceTarget[];
}

export type ResourceArgs = ResourceList | ParseError;

/** The resource types the arguments name: the `TYPE`, or each `TYPE/NAME`'s; none without arguments. */
export function namedTypes(list: ResourceList): ResourceName[] {
	return list.type === null ? list.targets.map(t => t.resource) : [list.type];
}

function unknownResourceType(word: string): ParseError {
	if (word.toLowerCase() === 'all') {
		return {ok: false, error: 'error: "all" is not supported here; name one resource type (svc, ep, pods, deploy, ...)'};
	}
	return {ok: false, error: `error: the server doesn't have a resource type ${quote(word)}`};
}

function resolveOne(word: string): {ok: true; name: ResourceName} | ParseError {
	if (word.includes(',')) {
		return {ok: false, error: `error: one resource type at a time here, not ${quote(word)}`};
	}
	const name = resolveResourceType(word);
	return name === null ? unknownResourceType(word) : {ok: true, name};
}

/** kubectl's `ResourceTypeOrNameArgs`: `TYPE`, `TYPE NAME…`, or `TYPE/NAME…` (never mixed). */
export function parseResourceArgs(args: readonly string[]): ResourceArgs {
	const slashed = args.filter(a => a.includes('/')).length;
	if (slashed > 0 && slashed !== args.length) {
		return {
			ok: false,
			// Sic: kubectl's message has no closing parenthesis.
			error:
				"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
		};
	}
	if (slashed > 0) {
		const targets: ResourceTarget[] = [];
		for (const arg of args) {
			const parts = arg.split('/');
			if (parts.length !== 2) {
				return {ok: false, error: 'error: arguments in resource/name form may not have more than one slash'};
			}
			const [type, name] = parts as [string, string];
			if (type === '' || name === '' || type.includes(',')) {
				return {ok: false, error: 'error: arguments in resource/name form must have a single resource and name'};
			}
			const resolved = resolveOne(type);
			if (!resolved.ok) return resolved;
			targets.push({resource: resolved.name, name});
		}
		return {ok: true, type: null, targets};
	}
	const [typeWord, ...names] = args;
	if (typeWord === undefined) return {ok: true, type: null, targets: []};
	const resolved = resolveOne(typeWord);
	if (!resolved.ok) return resolved;
	if (names.includes('')) return {ok: false, error: 'error: resource name may not be empty'};
	return {ok: true, type: resolved.name, targets: names.map(name => ({resource: resolved.name, name}))};
}
