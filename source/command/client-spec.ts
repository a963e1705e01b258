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

/**
 * `--via node/NAME` of curl: the node an outside client's connection to a load-balancer or external
 * IP enters by, instead of the one the load balancer (or the network) would choose. Written as
 * `--from` writes a node, so the palette and --script read it alike.
 */
export function withVia(from: ClientSpec, via: string | undefined): ClientSpecResult {
	if (via === undefined) return {ok: true, from};
	const slash = via.indexOf('/');
	const name = via.slice(slash + 1);
	if (slash === -1 || resolveResourceType(via.slice(0, slash)) !== 'nodes' || name === '' || name.includes('/')) {
		return {ok: false, error: `error: invalid --via ${quote(via)}: use node/NAME`};
	}
	return {ok: true, from: {...from, via: name}};
}

function invalid(from: string): ParseError {
	return {
		ok: false,
		error: `error: invalid --from ${quote(from)}: use pod/NAME, node/NAME, external, or an external client's name`,
	};
}
