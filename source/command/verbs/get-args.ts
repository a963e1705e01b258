// `get`'s arguments as kubectl's resource builder reads them (k8s.io/cli-runtime
// `pkg/resource/builder.go` ResourceTypeOrNameArgs): `TYPE[,TYPE…] [NAME…]`, `TYPE/NAME…` of any
// types, and the `all` category. More than one type with names means each type with each name
// (normalizeMultipleResourcesArgs). Type words repeated as typed count once (SplitResourceArgument).

import {quote} from '../../apimachinery/quote.js';
import {categoryMembers, type ResourceName} from '../../kinds/registry.js';
import {resolveResourceType} from '../resources.js';
import type {ParseError} from '../types.js';

interface GetRequest {
	resource: ResourceName;
	names: string[];
}

/** kubectl's `all` category: the kinds whose descriptor lists it, in discovery order (source/kinds/registry.ts). */
const ALL: readonly ResourceName[] = categoryMembers('all');

type Parsed = {ok: true; requests: GetRequest[]; tuples: boolean} | ParseError;

function unknownType(word: string): ParseError {
	return {ok: false, error: `error: the server doesn't have a resource type ${quote(word)}`};
}

function splitTypes(word: string): string[] {
	return [...new Set(word.split(','))];
}

/** The requests the arguments make, in kubectl's order; `tuples` for the `TYPE/NAME` form (which takes no selector). */
export function parseGetArgs(args: readonly string[]): Parsed {
	let words = [...args];
	const [first, ...rest] = words;
	if (first !== undefined && rest.length > 0 && !first.includes('/')) {
		const types = splitTypes(first);
		if (types.length > 1) words = types.flatMap(type => rest.map(name => `${type}/${name}`));
	}
	const slashed = words.filter(a => a.includes('/')).length;
	if (slashed > 0 && slashed !== words.length) {
		return {
			ok: false,
			// Sic: kubectl's message has no closing parenthesis.
			error:
				"error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
		};
	}
	if (slashed > 0) {
		const requests: GetRequest[] = [];
		for (const word of words) {
			const parts = word.split('/');
			if (parts.length !== 2) return {ok: false, error: 'error: arguments in resource/name form may not have more than one slash'};
			const [type, name] = parts as [string, string];
			if (type === '' || name === '' || splitTypes(type).length !== 1) {
				return {ok: false, error: 'error: arguments in resource/name form must have a single resource and name'};
			}
			const resource = resolveResourceType(type);
			if (resource === null) return unknownType(type);
			requests.push({resource, names: [name]});
		}
		return {ok: true, requests, tuples: true};
	}
	if (first === undefined) return {ok: true, requests: [], tuples: false};
	const resources: ResourceName[] = [];
	for (const type of splitTypes(first)) {
		if (type.toLowerCase() === 'all') {
			resources.push(...ALL);
			continue;
		}
		const resource = resolveResourceType(type);
		if (resource === null) return unknownType(type);
		resources.push(resource);
	}
	if (rest.includes('')) return {ok: false, error: 'error: resource name may not be empty'};
	if (rest.length > 0 && resources.length > 1) return {ok: false, error: 'error: you must specify only one resource'};
	return {ok: true, requests: resources.map(resource => ({resource, names: rest})), tuples: false};
}
