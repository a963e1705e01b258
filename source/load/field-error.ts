// apimachinery's field errors (docs/semantics.md A14, error format F1): `<field path>: <body>`.
// `at` is where the problem sits in the document (for line:col); `field` is what the API
// server prints, which can differ (a map key, a defaulted field, `spec.clusterIPs` for
// `clusterIP`).

import {goQuote, goValue} from './go-format.js';
import type {Path} from './types.js';

export interface FieldError {
	at: Path;
	field: string;
	body: string;
	/** The body is the whole message (not `The Kind "x" is invalid: <field>: <body>`). */
	plain?: boolean;
	/** The problem is the map key at `at` (a label key, an unknown field), not its value. */
	onKey?: boolean;
	/** A wrong JSON type: the API server fails to decode the object and validates nothing,
	 *  so when an object has any of these, only these are reported. */
	decode?: boolean;
}

/** `spec.ports[0].name` from ['spec', 'ports', 0, 'name']. */
export function fieldPath(path: Path): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out === '' ? part : `.${part}`;
	}
	return out;
}

export function required(at: Path, detail = '', field = fieldPath(at)): FieldError {
	return {at, field, body: detail === '' ? 'Required value' : `Required value: ${detail}`};
}

export function forbidden(at: Path, detail: string, field = fieldPath(at)): FieldError {
	return {at, field, body: `Forbidden: ${detail}`};
}

/** `value` is printed with goValue unless it is already rendered (`{raw: ...}`). */
export function invalid(at: Path, value: unknown, detail: string, field = fieldPath(at)): FieldError {
	return {at, field, body: detail === '' ? `Invalid value: ${render(value)}` : `Invalid value: ${render(value)}: ${detail}`};
}

export function unsupported(at: Path, value: unknown, supported: readonly string[], field = fieldPath(at)): FieldError {
	// docs/semantics.md error format F3: the supported list is sorted and quoted.
	const list = [...supported].sort().map(goQuote).join(', ');
	return {at, field, body: `Unsupported value: ${render(value)}: supported values: ${list}`};
}

export function duplicate(at: Path, value: unknown, field = fieldPath(at)): FieldError {
	return {at, field, body: `Duplicate value: ${render(value)}`};
}

/** A value already printed in Go syntax (a struct or map), passed through as is. */
export interface RawValue {
	raw: string;
}

function render(value: unknown): string {
	if (value !== null && typeof value === 'object' && 'raw' in value && typeof value.raw === 'string') {
		return value.raw;
	}
	return goValue(value);
}
