// `kubectl label` argument handling: splitting resources from `key=value` / `key-` pairs
// (cmdutil.GetResourcesAndPairs), kubectl's own checks of the pairs (parseLabels), and the
// API server's check of the keys (apimachinery validation.IsQualifiedName), with their texts.

import {quote} from './quote.js';
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
			const parts = pair.split('=');
			if (parts.length !== 2) return {ok: false, error: `error: invalid label spec: ${pair}`};
			const valueErrors = labelValueErrors(parts[1]!);
			if (valueErrors.length > 0) {
				return {ok: false, error: `error: invalid label value: ${quote(pair)}: ${valueErrors.join(';')}`};
			}
			set.set(parts[0]!, parts[1]!);
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

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG =
	"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** apimachinery's RegexError: note the two spaces before each "or". */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
	return `${msg} (e.g. ${examples.map(e => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** validation.IsValidLabelValue (K8S-SEMANTICS A12). */
export function labelValueErrors(value: string): string[] {
	const errors: string[] = [];
	if (value.length > 63) errors.push('must be no more than 63 characters');
	if (!LABEL_VALUE.test(value)) errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
	return errors;
}

/** validation.IsQualifiedName, which the API server applies to label keys. */
export function labelKeyErrors(key: string): string[] {
	const errors: string[] = [];
	const parts = key.split('/');
	let name: string;
	if (parts.length === 1) {
		name = parts[0]!;
	} else if (parts.length === 2) {
		const prefix = parts[0]!;
		name = parts[1]!;
		if (prefix === '') errors.push('prefix part must be non-empty');
		else {
			if (prefix.length > 253) errors.push('prefix part must be no more than 253 characters');
			if (!DNS1123_SUBDOMAIN.test(prefix)) {
				errors.push('prefix part ' + regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
			}
		}
	} else {
		return [
			'a qualified name ' +
				regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc') +
				" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
		];
	}
	if (name === '') errors.push('name part must be non-empty');
	else if (name.length > 63) errors.push('name part must be no more than 63 characters');
	if (!QUALIFIED_NAME.test(name)) {
		errors.push('name part ' + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc'));
	}
	return errors;
}
