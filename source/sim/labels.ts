// Label selectors: equality maps (Services, RCs), set-based selectors (workloads) and
// kubectl's `-l` syntax (`app=web,tier!=db,env in (a,b),!canary,track`).

import {emptyTable} from './tables.js';
import type {LabelSelector, LabelSelectorRequirement, Labels} from './types.js';

export function matchesLabels(labels: Labels, selector: Labels): boolean {
	// Label maps from the loader keep Object.prototype; this stays right without an own-key check
	// because a selector's values are strings and an inherited member (`labels.constructor`) never is.
	for (const key in selector) {
		if (labels[key] !== selector[key]) return false;
	}
	return true;
}

/** A set-based requirement on one label's value (undefined: the label is absent), as labels.Requirement.Matches has it. */
export function setRequirementHolds(operator: LabelSelectorRequirement['operator'], values: readonly string[], value: string | undefined): boolean {
	switch (operator) {
		case 'In':
			return value !== undefined && values.includes(value);
		case 'NotIn':
			return value === undefined || !values.includes(value);
		case 'Exists':
			return value !== undefined;
		case 'DoesNotExist':
			return value === undefined;
	}
}

function matchesRequirement(labels: Labels, req: LabelSelectorRequirement): boolean {
	// Own keys only: a label called `constructor` is not on every pod.
	return setRequirementHolds(req.operator, req.values, Object.hasOwn(labels, req.key) ? labels[req.key] : undefined);
}

export function matchesSelector(labels: Labels, selector: LabelSelector): boolean {
	return matchesLabels(labels, selector.matchLabels) && selector.matchExpressions.every(req => matchesRequirement(labels, req));
}

/** kubectl's `-l` selector. `!=` is NotIn with one value; `key` alone is Exists. */
export type ParsedSelector = {ok: true; selector: LabelSelector} | {ok: false; error: string};

export function parseSelector(text: string): ParsedSelector {
	// Prototype-free: `-l __proto__=x` names a key like any other (sim/tables.ts).
	const matchLabels = emptyTable<string>();
	const matchExpressions: LabelSelectorRequirement[] = [];
	const terms = splitTerms(text.trim());
	if (terms === null) return {ok: false, error: `unable to parse requirement: ${JSON.stringify(text)}`};
	for (const raw of terms) {
		const term = raw.trim();
		if (term === '') continue;
		const parsed = parseTerm(term);
		if (parsed === null) return {ok: false, error: `unable to parse requirement: ${JSON.stringify(term)}`};
		if ('operator' in parsed) matchExpressions.push(parsed);
		else matchLabels[parsed.key] = parsed.value;
	}
	return {ok: true, selector: {matchLabels, matchExpressions}};
}

/** One term of `-l`: `key in (a,b)`, `key notin (a)`, `key!=value`, `key=value` (or `==`), `!key`, `key`. */
function parseTerm(term: string): LabelSelectorRequirement | {key: string; value: string} | null {
	const [, setKey, operator, list] = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term) ?? [];
	if (setKey !== undefined && list !== undefined) {
		const values = list
			.split(',')
			.map(v => v.trim())
			.filter(v => v !== '');
		return {key: setKey, operator: operator === 'in' ? 'In' : 'NotIn', values};
	}
	const [, notKey, notValue] = /^([^\s=!(),]+)\s*!=\s*([^\s=!(),]*)$/.exec(term) ?? [];
	if (notKey !== undefined && notValue !== undefined) return {key: notKey, operator: 'NotIn', values: [notValue]};
	const [, key, value] = /^([^\s=!(),]+)\s*==?\s*([^\s=!(),]*)$/.exec(term) ?? [];
	if (key !== undefined && value !== undefined) return {key, value};
	const [, absentKey] = /^!\s*([^\s=!(),]+)$/.exec(term) ?? [];
	if (absentKey !== undefined) return {key: absentKey, operator: 'DoesNotExist', values: []};
	if (/^[^\s=!(),]+$/.test(term)) return {key: term, operator: 'Exists', values: []};
	return null;
}

/** Split on commas that are not inside parentheses. */
function splitTerms(text: string): string[] | null {
	const terms: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (depth < 0) return null;
		if (ch === ',' && depth === 0) {
			terms.push(current);
			current = '';
		} else current += ch;
	}
	if (depth !== 0) return null;
	terms.push(current);
	return terms;
}

/** `k=v,k2=v2` with keys sorted, as kubectl prints selectors (G1). */
export function formatLabels(labels: Labels | null): string {
	if (labels === null) return '<none>';
	const keys = Object.keys(labels).sort();
	if (keys.length === 0) return '<none>';
	return keys.map(k => `${k}=${labels[k]}`).join(',');
}
