// Label selectors: equality maps (Services, RCs), set-based selectors (workloads) and
// kubectl's `-l` syntax (`app=web,tier!=db,env in (a,b),!canary,track`).

import type {LabelSelector, LabelSelectorRequirement, Labels} from './types.js';

export function matchesLabels(labels: Labels, selector: Labels): boolean {
	for (const key in selector) {
		if (labels[key] !== selector[key]) return false;
	}
	return true;
}

export function matchesRequirement(labels: Labels, req: LabelSelectorRequirement): boolean {
	const has = Object.hasOwn(labels, req.key);
	switch (req.operator) {
		case 'In':
			return has && req.values.includes(labels[req.key]!);
		case 'NotIn':
			return !has || !req.values.includes(labels[req.key]!);
		case 'Exists':
			return has;
		case 'DoesNotExist':
			return !has;
	}
}

export function matchesSelector(labels: Labels, selector: LabelSelector): boolean {
	return matchesLabels(labels, selector.matchLabels) && selector.matchExpressions.every(req => matchesRequirement(labels, req));
}

/** kubectl's `-l` selector. `!=` is NotIn with one value; `key` alone is Exists. */
export type ParsedSelector = {ok: true; selector: LabelSelector} | {ok: false; error: string};

export function parseSelector(text: string): ParsedSelector {
	const matchLabels: Record<string, string> = {};
	const matchExpressions: LabelSelectorRequirement[] = [];
	const terms = splitTerms(text.trim());
	if (terms === null) return {ok: false, error: `unable to parse requirement: ${JSON.stringify(text)}`};
	for (const raw of terms) {
		const term = raw.trim();
		let m: RegExpExecArray | null;
		if (term === '') continue;
		if ((m = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term))) {
			const values = m[3]!
				.split(',')
				.map(v => v.trim())
				.filter(v => v !== '');
			matchExpressions.push({key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values});
		} else if ((m = /^([^\s=!(),]+)\s*!=\s*([^\s=!(),]*)$/.exec(term))) {
			matchExpressions.push({key: m[1]!, operator: 'NotIn', values: [m[2]!]});
		} else if ((m = /^([^\s=!(),]+)\s*==?\s*([^\s=!(),]*)$/.exec(term))) {
			matchLabels[m[1]!] = m[2]!;
		} else if ((m = /^!\s*([^\s=!(),]+)$/.exec(term))) {
			matchExpressions.push({key: m[1]!, operator: 'DoesNotExist', values: []});
		} else if ((m = /^([^\s=!(),]+)$/.exec(term))) {
			matchExpressions.push({key: m[1]!, operator: 'Exists', values: []});
		} else {
			return {ok: false, error: `unable to parse requirement: ${JSON.stringify(term)}`};
		}
	}
	return {ok: true, selector: {matchLabels, matchExpressions}};
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
