// `--from` of curl and nslookup: who sends the request. Pods resolve names through cluster
// DNS with their namespace's search path; nodes and outside clients do not (docs/semantics.md F5,
// F6), and outside clients cannot reach a ClusterIP (E4), so the choice matters.

import {quote} from '../apimachinery/quote.js';
import type {ClientSpec} from '../sim/types.js';
import {resolveResourceType} from './resources.js';
import type {ParseError} from './types.js';

export type ClientSpecResult = {ok: true; from: ClientSpec} | ParseError;

/** `from` undefined: the default in-cluster client of `namespace`. */
export function parseClientSpec(from: string | undefined, namespace: string): ClientSpecResult {
	if (from === undefined) return {ok: true, from: {kind: 'default', namespace}};
	if (from === 'external') return {ok: true, from: {kind: 'external'}};
	const slash = from.indexOf('/');
	if (slash === -1) {
		if (from === '') return invalid(from);
		// A named external client from the Cluster document's `externalClients`.
		return {ok: true, from: {kind: 'external', name: from}};
	}
	const type = resolveResourceType(from.slice(0, slash));
	const name = from.slice(slash + 1);
	if (name === '' || name.includes('/')) return invalid(from);
	if (type === 'pods') return {ok: true, from: {kind: 'pod', name, namespace}};
	if (type === 'nodes') return {ok: true, from: {kind: 'node', name}};
	return invalid(from);
}

function invalid(from: string): ParseError {
	return {
		ok: false,
		error: `error: invalid --from ${quote(from)}: use pod/NAME, node/NAME, external, or an external client's name`,
	};
}
