// Reading typed fields out of plain parsed data. A value of the wrong type is a field error
// (the API server's JSON decoder rejects it); a null is the same as an absent field, as in
// Go's encoding/json. One wording for every type error: `Invalid value: <v>: must be a <type>`.

import {type FieldError, fieldPath, invalid, type RawValue} from './field-error.js';
import {goValue, goValueWithin} from './go-format.js';
import type {Path} from './types.js';

export type Obj = Readonly<Record<string, unknown>>;

interface FieldWarning {
	at: Path;
	message: string;
}

/** What decoding one object found wrong; decoders append to it. */
export interface Problems {
	errors: FieldError[];
	warnings: FieldWarning[];
}

export const newProblems = (): Problems => ({errors: [], warnings: []});

export function isObject(value: unknown): value is Obj {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own field, with null read as absent. */
export function get(obj: Obj | undefined, key: string): unknown {
	if (obj === undefined || !Object.hasOwn(obj, key)) return undefined;
	const value = obj[key];
	return value === null ? undefined : value;
}

export function has(obj: Obj | undefined, key: string): boolean {
	return get(obj, key) !== undefined;
}

function shortValue(value: unknown): string | RawValue {
	if (value === null || typeof value !== 'object') return {raw: goValue(value)};
	return {raw: goValueWithin(value, 80) ?? (Array.isArray(value) ? '[]interface {}{...}' : 'map[string]interface {}{...}')};
}

export function typeError(at: Path, value: unknown, expected: string, field = fieldPath(at)): FieldError {
	return {...invalid(at, shortValue(value), `must be ${expected}`, field), decode: true};
}

export function readObject(obj: Obj | undefined, key: string, at: Path, p: Problems): Obj | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (isObject(value)) return value;
	p.errors.push(typeError([...at, key], value, 'an object'));
	return undefined;
}

function readList(obj: Obj | undefined, key: string, at: Path, p: Problems): unknown[] | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (Array.isArray(value)) return value;
	p.errors.push(typeError([...at, key], value, 'a list'));
	return undefined;
}

/** List items that must be objects; other items are reported and dropped. */
export function readObjectList(obj: Obj | undefined, key: string, at: Path, p: Problems): Array<{item: Obj; index: number}> | undefined {
	const list = readList(obj, key, at, p);
	if (list === undefined) return undefined;
	const out: Array<{item: Obj; index: number}> = [];
	list.forEach((item, index) => {
		if (isObject(item)) out.push({item, index});
		else if (item !== null) p.errors.push(typeError([...at, key, index], item, 'an object'));
	});
	return out;
}

export function readString(obj: Obj | undefined, key: string, at: Path, p: Problems): string | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	p.errors.push(typeError([...at, key], value, 'a string'));
	return undefined;
}

export function readStringList(obj: Obj | undefined, key: string, at: Path, p: Problems): string[] | undefined {
	const list = readList(obj, key, at, p);
	if (list === undefined) return undefined;
	const out: string[] = [];
	list.forEach((item, index) => {
		if (typeof item === 'string') out.push(item);
		else p.errors.push(typeError([...at, key, index], item, 'a string'));
	});
	return out;
}

const int32Min = -(2 ** 31);
const int32Max = 2 ** 31 - 1;

/** An int32 field (ports, replicas, seconds). */
export function readInt(obj: Obj | undefined, key: string, at: Path, p: Problems): number | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (typeof value === 'number' && Number.isInteger(value)) {
		if (value >= int32Min && value <= int32Max) return value;
		p.errors.push(typeError([...at, key], value, 'a 32-bit integer'));
		return undefined;
	}
	p.errors.push(typeError([...at, key], value, 'an integer'));
	return undefined;
}

export function readNumber(obj: Obj | undefined, key: string, at: Path, p: Problems): number | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	p.errors.push(typeError([...at, key], value, 'a number'));
	return undefined;
}

export function readBool(obj: Obj | undefined, key: string, at: Path, p: Problems): boolean | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (typeof value === 'boolean') return value;
	p.errors.push(typeError([...at, key], value, 'a boolean'));
	return undefined;
}

/** intstr.IntOrString: a JSON number is a number, a JSON string is a name (even "8080"). */
export function readIntOrString(obj: Obj | undefined, key: string, at: Path, p: Problems): number | string | undefined {
	const value = get(obj, key);
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isInteger(value) && value >= int32Min && value <= int32Max) return value;
	p.errors.push(typeError([...at, key], value, 'an integer or a string'));
	return undefined;
}

/** Sets a key without letting `__proto__` reach the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
}

/** map[string]string (labels, annotations, selectors): each non-string value is an error
 *  on `<field>[<key>]`, as apimachinery names map entries. */
export function readStringMap(obj: Obj | undefined, key: string, at: Path, p: Problems): Record<string, string> | undefined {
	const map = readObject(obj, key, at, p);
	if (map === undefined) return undefined;
	const out: Record<string, string> = {};
	for (const k of Object.keys(map)) {
		const value = map[k];
		if (typeof value === 'string') setOwn(out, k, value);
		else if (value === null) setOwn(out, k, '');
		else p.errors.push(typeError([...at, key, k], value, 'a string', `${fieldPath([...at, key])}[${k}]`));
	}
	return out;
}
