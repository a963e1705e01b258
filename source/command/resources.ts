// Resource type arguments as kubectl reads them: `TYPE`, `TYPE NAME…` and `TYPE/NAME…`; the
// words for each type come from source/kinds/registry.ts. Texts follow kubectl's resource
// builder (k8s.io/cli-runtime).

import {quote} from '../apimachinery/quote.js';
import {type ResourceName, resolveKind} from '../kinds/registry.js';
import type {ParseError} from './types.js';

/** The canonical name for a type word, or null if this cluster has no such type. */
export function resolveResourceType(word: string): ResourceName | null {
	return resolveKind(word)?.resource ?? null;
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
