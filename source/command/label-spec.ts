// `kubectl label` argument handling: splitting resources from `key=value` / `key-` pairs
// (cmdutil.GetResourcesAndPairs), kubectl's own checks of the pairs (parseLabels), and the
// API server's check of the keys (apimachinery validation.IsQualifiedName), with their texts.

import {quote} from '../apimachinery/quote.js';
import {isQualifiedName, isValidLabelValue} from '../apimachinery/validation.js';
import type {ParseError} from './types.js';

export type ResourcesAndPairs = {ok: true; resources: string[]; pairs: string[]} | ParseError;

export function splitResourcesAndPairs(args: readonly string[], pairType: string): ResourcesAndPairs {
	const resources: string[] = [];
	const pairs: string[] = [];
	for (const arg of args) {
		const isPair = (arg.includes('=') && arg[0] !== '=') || (arg.endsWith('-') && arg !== '-');
		if (isPair) pairs.push(arg);
		else if (pairs.length === 0) resources.push(arg);
		else return {ok: false, error: `error: all resources must be specified before ${pairType} changes: ${arg}`};
	}
	return {ok: true, resources, pairs};
}

export type LabelChanges = {ok: true; set: Record<string, string>; remove: string[]} | ParseError;

export function parseLabelChanges(pairs: readonly string[]): LabelChanges {
	// A Map, not an object: a key such as `__proto__` must stay an ordinary key.
	const set = new Map<string, string>();
	const remove: string[] = [];
	for (const pair of pairs) {
		if (pair.includes('=')) {
			const [key, value, ...extra] = pair.split('=');
			if (key === undefined || value === undefined || extra.length > 0) return {ok: false, error: `error: invalid label spec: ${pair}`};
			const valueErrors = labelValueErrors(value);
			if (valueErrors.length > 0) {
				return {ok: false, error: `error: invalid label value: ${quote(pair)}: ${valueErrors.join(';')}`};
			}
			set.set(key, value);
		} else if (pair.endsWith('-')) {
			remove.push(pair.slice(0, -1));
		} else {
			return {ok: false, error: `error: unknown label spec: ${pair}`};
		}
	}
	if (remove.some(key => set.has(key))) {
		return {ok: false, error: 'error: can not both modify and remove a label in the same command'};
	}
	return {ok: true, set: Object.fromEntries(set), remove};
}

/** validation.IsValidLabelValue (docs/semantics.md A12). */
export const labelValueErrors = isValidLabelValue;

/** validation.IsQualifiedName, which the API server applies to label keys. */
export const labelKeyErrors = isQualifiedName;
