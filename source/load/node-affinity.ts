// spec.nodeSelector and the required node affinity of a pod spec, with ValidatePodSpec's rules
// for them (pkg/apis/core/validation/validation.go: ValidateLabels on nodeSelector,
// validateNodeAffinity → ValidateNodeSelector, ValidateNodeSelectorTerm,
// ValidateNodeSelectorRequirement, validateNodeFieldSelectorRequirement). The scheduler's side is
// sim/node-affinity.ts.

import {isQualifiedName} from '../apimachinery/validation.js';
import type {Labels, NodeSelectorRequirement, NodeSelectorTerm} from '../sim/types.js';
import {forbidden, invalid, required} from './field-error.js';
import {validateLabels} from './metadata.js';
import {type Obj, type Problems, readObject, readObjectList, readString, readStringList, readStringMap} from './object-reader.js';
import type {Path} from './types.js';

const labelOperators = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

/** spec.nodeSelector; undefined when absent or empty. */
export function decodeNodeSelector(spec: Obj | undefined, at: Path, p: Problems): Labels | undefined {
	const selector = readStringMap(spec, 'nodeSelector', at, p);
	if (selector === undefined) return undefined;
	p.errors.push(...validateLabels(selector, [...at, 'nodeSelector']));
	return Object.keys(selector).length === 0 ? undefined : selector;
}

function labelRequirement(item: Obj, at: Path, p: Problems): NodeSelectorRequirement | undefined {
	const key = readString(item, 'key', at, p) ?? '';
	const operator = readString(item, 'operator', at, p) ?? '';
	const values = readStringList(item, 'values', at, p) ?? [];
	if (operator === 'In' || operator === 'NotIn') {
		if (values.length === 0) p.errors.push(required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"));
	} else if (operator === 'Exists' || operator === 'DoesNotExist') {
		if (values.length > 0) p.errors.push(forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
	} else if (operator === 'Gt' || operator === 'Lt') {
		if (values.length !== 1) p.errors.push(required([...at, 'values'], "must be specified single value when `operator` is 'Lt' or 'Gt'"));
	} else {
		p.errors.push(invalid([...at, 'operator'], operator, 'not a valid selector operator'));
	}
	// ValidateLabelName: a qualified name, as a label key is.
	for (const msg of isQualifiedName(key)) p.errors.push(invalid([...at, 'key'], key, msg));
	return (labelOperators as readonly string[]).includes(operator) ? {key, operator: operator as NodeSelectorRequirement['operator'], values} : undefined;
}

/** A node field selector can name metadata.name alone, with In or NotIn and one value. */
function fieldRequirement(item: Obj, at: Path, p: Problems): NodeSelectorRequirement | undefined {
	const key = readString(item, 'key', at, p) ?? '';
	const operator = readString(item, 'operator', at, p) ?? '';
	const values = readStringList(item, 'values', at, p) ?? [];
	let ok = true;
	if (operator === 'In' || operator === 'NotIn') {
		if (values.length !== 1) {
			p.errors.push(required([...at, 'values'], "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
			ok = false;
		}
	} else {
		p.errors.push(invalid([...at, 'operator'], operator, 'not a valid selector operator'));
		ok = false;
	}
	if (key !== 'metadata.name') {
		p.errors.push(invalid([...at, 'key'], key, 'not a valid field selector key'));
		ok = false;
	}
	return ok ? {key, operator: operator as 'In' | 'NotIn', values} : undefined;
}

/** affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution's terms; undefined when there is none. */
export function decodeRequiredNodeAffinity(spec: Obj | undefined, at: Path, p: Problems): NodeSelectorTerm[] | undefined {
	const affinityAt = [...at, 'affinity'];
	const nodeAffinityAt = [...affinityAt, 'nodeAffinity'];
	const nodeAffinity = readObject(readObject(spec, 'affinity', at, p), 'nodeAffinity', affinityAt, p);
	const requiredTerms = readObject(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution', nodeAffinityAt, p);
	if (requiredTerms === undefined) return undefined;
	const selectorAt = [...nodeAffinityAt, 'requiredDuringSchedulingIgnoredDuringExecution'];
	const items = readObjectList(requiredTerms, 'nodeSelectorTerms', selectorAt, p) ?? [];
	if (items.length === 0) p.errors.push(required([...selectorAt, 'nodeSelectorTerms'], 'must have at least one node selector term'));
	const terms: NodeSelectorTerm[] = [];
	for (const {item, index} of items) {
		const termAt = [...selectorAt, 'nodeSelectorTerms', index];
		const matchExpressions: NodeSelectorRequirement[] = [];
		const matchFields: NodeSelectorRequirement[] = [];
		for (const e of readObjectList(item, 'matchExpressions', termAt, p) ?? []) {
			const r = labelRequirement(e.item, [...termAt, 'matchExpressions', e.index], p);
			if (r) matchExpressions.push(r);
		}
		for (const f of readObjectList(item, 'matchFields', termAt, p) ?? []) {
			const r = fieldRequirement(f.item, [...termAt, 'matchFields', f.index], p);
			if (r) matchFields.push(r);
		}
		terms.push({matchExpressions, matchFields});
	}
	return terms;
}
