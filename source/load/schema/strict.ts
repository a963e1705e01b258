// Strict decoding (kubectl --validate=strict, the default since Kubernetes 1.27): every field of
// a manifest must exist in its kind's schema. The API server's decoder (sigs.k8s.io/json
// UnmarshalStrict, called from staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go)
// names each unknown field by its full path, `unknown field "spec.ports[0].targetport"`.
// The schema is the field tree generated from kubernetes-models (bench/generate-schema.ts); it is parsed
// on the first object checked, so a start-up that checks nothing pays nothing.

import type {Path} from '../types.js';
import {fieldTreeJson} from './fields.generated.js';

/** Kinds with a field tree; `List` is a `kind: List` document's own fields. */
export type StrictKind =
	| 'Pod'
	| 'Service'
	| 'Endpoints'
	| 'Node'
	| 'Namespace'
	| 'ReplicationController'
	| 'Deployment'
	| 'ReplicaSet'
	| 'StatefulSet'
	| 'NetworkPolicy'
	| 'List';

/** A field's shape: no fields to check (null), an object type, a list of X, a map of X. */
type Shape = null | {t: 'object'; fields: Map<string, Shape>} | {t: 'list' | 'map'; inner: Shape};

let roots: Map<string, Shape> | null = null;

function compile(): Map<string, Shape> {
	const tree = JSON.parse(fieldTreeJson) as {kinds: Record<string, string>; types: Record<string, Record<string, string>>};
	const objects = new Map<string, Shape>();
	const shapeOf = (text: string): Shape => {
		if (text === '') return null;
		if (text.startsWith('[]')) return {t: 'list', inner: shapeOf(text.slice(2))};
		if (text.startsWith('{}')) return {t: 'map', inner: shapeOf(text.slice(2))};
		let object = objects.get(text);
		if (!object) {
			// Registered before its fields are read: a type may refer to itself.
			const fields = new Map<string, Shape>();
			object = {t: 'object', fields};
			objects.set(text, object);
			for (const [name, field] of Object.entries(tree.types[text] ?? {})) fields.set(name, shapeOf(field));
		}
		return object;
	};
	const out = new Map<string, Shape>();
	for (const [kind, type] of Object.entries(tree.kinds)) out.set(kind, shapeOf(type));
	// metav1.List (k8s.io/apimachinery/pkg/apis/meta/v1/types.go): TypeMeta, ListMeta and items;
	// the items are objects of their own, checked each against its kind.
	const listFields = new Map<string, Shape>([
		['apiVersion', null],
		['kind', null],
		['metadata', out.get('ListMeta') ?? null],
		['items', null],
	]);
	out.set('List', {t: 'object', fields: listFields});
	return out;
}

function rootOf(kind: StrictKind): Shape {
	roots ??= compile();
	return roots.get(kind) ?? null;
}

/** The paths of the fields the schema does not know, in the order the object holds them.
 *  Nothing under an unknown field is looked at (the decoder drops it whole). This runs on every
 *  object of a dump, so it allocates a path only for what it reports. */
export function unknownFields(kind: StrictKind, object: unknown): Path[] {
	const found: Path[] = [];
	const path: Array<string | number> = [];
	const walk = (value: object, shape: NonNullable<Shape>): void => {
		if (shape.t === 'list') {
			const inner = shape.inner;
			if (inner === null || !Array.isArray(value)) return;
			for (let i = 0; i < value.length; i++) {
				const item: unknown = value[i];
				if (item === null || typeof item !== 'object') continue;
				path.push(i);
				walk(item, inner);
				path.pop();
			}
			return;
		}
		if (Array.isArray(value)) return;
		const record = value as Record<string, unknown>;
		const fields = shape.t === 'object' ? shape.fields : null;
		for (const key of Object.keys(record)) {
			const field = fields === null ? (shape as {inner: Shape}).inner : fields.get(key);
			if (field === undefined) {
				found.push([...path, key]);
				continue;
			}
			const child = record[key];
			if (field === null || child === null || typeof child !== 'object') continue;
			path.push(key);
			walk(child, field);
			path.pop();
		}
	};
	const root = rootOf(kind);
	if (root !== null && object !== null && typeof object === 'object') walk(object, root);
	return found;
}

/** Whether every step of `path` is a field the schema knows (map keys and list indexes pass). */
export function knownPath(kind: StrictKind, path: Path): boolean {
	let shape = rootOf(kind);
	for (const part of path) {
		if (shape === null) return true;
		if (shape.t !== 'object') shape = shape.inner;
		else {
			const field = shape.fields.get(String(part));
			if (field === undefined) return false;
			shape = field;
		}
	}
	return true;
}
