// metav1.LabelSelector as workloads use it, with ValidateLabelSelector's rules.

import {isQualifiedName, isValidLabelValue} from '../apimachinery/validation.js';
import type {LabelSelector, LabelSelectorRequirement} from '../sim/types.js';
import {forbidden, invalid, required} from './field-error.js';
import {goQuote, goValueWithin} from './go-format.js';
import {validateLabels} from './metadata.js';
import {isObject, type Obj, type Problems, readObjectList, readString, readStringList, readStringMap} from './object-reader.js';
import type {Path} from './types.js';

const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** Reads `<parent>.selector` (path `at` is the selector's own path). */
export function decodeLabelSelector(selector: Obj, at: Path, p: Problems): LabelSelector {
	const matchLabels = readStringMap(selector, 'matchLabels', at, p) ?? {};
	p.errors.push(...validateLabels(matchLabels, [...at, 'matchLabels']));
	const matchExpressions: LabelSelectorRequirement[] = [];
	for (const {item, index} of readObjectList(selector, 'matchExpressions', at, p) ?? []) {
		const reqAt = [...at, 'matchExpressions', index];
		const reqKey = readString(item, 'key', reqAt, p) ?? '';
		const operator = readString(item, 'operator', reqAt, p) ?? '';
		const values = readStringList(item, 'values', reqAt, p) ?? [];
		if (operator === 'In' || operator === 'NotIn') {
			if (values.length === 0) {
				p.errors.push(required([...reqAt, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"));
			}
		} else if (operator === 'Exists' || operator === 'DoesNotExist') {
			if (values.length > 0) {
				p.errors.push(forbidden([...reqAt, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
			}
		} else {
			p.errors.push(invalid([...reqAt, 'operator'], operator, 'not a valid selector operator'));
		}
		for (const msg of isQualifiedName(reqKey)) p.errors.push(invalid([...reqAt, 'key'], reqKey, msg));
		values.forEach((value, i) => {
			for (const msg of isValidLabelValue(value)) p.errors.push(invalid([...reqAt, 'values', i], value, msg));
		});
		if ((operators as readonly string[]).includes(operator)) {
			matchExpressions.push({key: reqKey, operator: operator as LabelSelectorRequirement['operator'], values});
		}
	}
	return {matchLabels, matchExpressions};
}

export function isEmptySelector(selector: LabelSelector): boolean {
	return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** A decoded string field; anything else (it failed decoding) shown short, never recursed into. */
const plain = (v: unknown): string => (typeof v === 'string' ? v : (goValueWithin(v, 80) ?? '...'));

function goStrings(values: unknown): string {
	if (!Array.isArray(values)) return '[]string(nil)';
	return `[]string{${values.map(v => goQuote(plain(v))).join(', ')}}`;
}

/** Go %#v of a metav1.LabelSelector, as `Invalid value:` prints it. */
export function goLabelSelector(selector: Obj): string {
	const labels = selector.matchLabels;
	const expressions = selector.matchExpressions;
	const labelsText = isObject(labels)
		? `map[string]string{${Object.keys(labels)
				.sort()
				.map(k => `${goQuote(k)}:${goQuote(plain(labels[k] ?? ''))}`)
				.join(', ')}}`
		: 'map[string]string(nil)';
	const requirement = (r: unknown): string => {
		const o = isObject(r) ? r : {};
		const key = typeof o.key === 'string' ? o.key : '';
		const operator = typeof o.operator === 'string' ? o.operator : '';
		return `v1.LabelSelectorRequirement{Key:${goQuote(key)}, Operator:${goQuote(operator)}, Values:${goStrings(o.values)}}`;
	};
	const expressionsText = Array.isArray(expressions)
		? `[]v1.LabelSelectorRequirement{${expressions.map(requirement).join(', ')}}`
		: '[]v1.LabelSelectorRequirement(nil)';
	return `v1.LabelSelector{MatchLabels:${labelsText}, MatchExpressions:${expressionsText}}`;
}
