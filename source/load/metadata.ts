// ObjectMeta: decoding and the API server's ValidateObjectMeta (docs/semantics.md A1,
// S3, S4), plus ValidateLabels for label maps anywhere (S28).

import {isDNS1123Label, isQualifiedName, isValidLabelValue} from '../apimachinery/validation.js';
import type {ObjectMetaInput, OwnerReference} from '../sim/types.js';
import {type FieldError, fieldPath, invalid, required} from './field-error.js';
import {get, type Obj, type Problems, readBool, readObject, readObjectList, readString, readStringMap} from './object-reader.js';
import type {Path} from './types.js';

/** Errors for a label map at `at` (ValidateLabels): keys are qualified names, values label values. */
export function validateLabels(labels: Readonly<Record<string, string>>, at: Path, field = fieldPath(at)): FieldError[] {
	const errors: FieldError[] = [];
	for (const [key, value] of Object.entries(labels)) {
		for (const msg of isQualifiedName(key)) errors.push({...invalid([...at, key], key, msg, field), onKey: true});
		for (const msg of isValidLabelValue(value)) errors.push(invalid([...at, key], value, msg, field));
	}
	return errors;
}

/** Annotation keys are qualified names; values are free text (ValidateAnnotations). */
function validateAnnotations(annotations: Readonly<Record<string, string>>, at: Path): FieldError[] {
	const errors: FieldError[] = [];
	let size = 0;
	for (const [key, value] of Object.entries(annotations)) {
		for (const msg of isQualifiedName(key.toLowerCase())) {
			errors.push({...invalid([...at, key], key, msg, fieldPath(at)), onKey: true});
		}
		size += key.length + value.length;
	}
	if (size > 256 * 1024) errors.push({at, field: fieldPath(at), body: `Too long: must have at most ${256 * 1024} bytes`});
	return errors;
}

export interface MetaOptions {
	/** Cluster-scoped kinds (Node, Namespace) ignore metadata.namespace. */
	namespaced: boolean;
	/** The kind's name rule (DNS-1035 for Services, DNS-1123 otherwise). */
	nameRule: (name: string) => string[];
}

/** apimachinery's maskTrailingDash, quirk included: `web-` is checked as `wea`. */
function maskTrailingDash(name: string): string {
	return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** Objects without metadata.namespace go to `default`, as kubectl puts them. */
export function decodeMeta(object: Obj, options: MetaOptions, p: Problems): ObjectMetaInput {
	const at: Path = ['metadata'];
	const metadata = readObject(object, 'metadata', [], p);
	const name = readString(metadata, 'name', at, p) ?? '';
	const generateName = readString(metadata, 'generateName', at, p) ?? '';
	const namespaceGiven = options.namespaced ? (readString(metadata, 'namespace', at, p) ?? '') : '';
	const namespace = options.namespaced && namespaceGiven === '' ? 'default' : namespaceGiven;
	const labels = readStringMap(metadata, 'labels', at, p) ?? {};
	const annotations = readStringMap(metadata, 'annotations', at, p) ?? {};
	const uid = readString(metadata, 'uid', at, p);
	const ownerReferences: OwnerReference[] = [];
	for (const {item, index} of readObjectList(metadata, 'ownerReferences', at, p) ?? []) {
		const refAt = [...at, 'ownerReferences', index];
		const ref: OwnerReference = {
			kind: readString(item, 'kind', refAt, p) ?? '',
			name: readString(item, 'name', refAt, p) ?? '',
		};
		const refUid = readString(item, 'uid', refAt, p);
		const controller = readBool(item, 'controller', refAt, p);
		if (refUid !== undefined) ref.uid = refUid;
		if (controller !== undefined) ref.controller = controller;
		ownerReferences.push(ref);
	}

	// ValidateObjectMeta (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go): the
	// prefix must make a valid name once a suffix is added, so a trailing dash is masked first.
	if (generateName !== '') {
		for (const msg of options.nameRule(maskTrailingDash(generateName))) p.errors.push(invalid([...at, 'generateName'], generateName, msg));
	}
	if (name === '') {
		// The API server would invent a name from generateName; kubectl apply refuses to, and
		// so does the loader rather than make up a random one.
		const detail = generateName === '' ? 'name or generateName is required' : 'generateName is not supported (as with kubectl apply); set metadata.name';
		p.errors.push(required([...at, 'name'], detail));
	} else {
		for (const msg of options.nameRule(name)) p.errors.push(invalid([...at, 'name'], name, msg));
	}
	if (namespaceGiven !== '') {
		for (const msg of isDNS1123Label(namespace)) p.errors.push(invalid([...at, 'namespace'], namespace, msg));
	}
	p.errors.push(...validateLabels(labels, [...at, 'labels']));
	p.errors.push(...validateAnnotations(annotations, [...at, 'annotations']));

	const meta: ObjectMetaInput = {name, namespace, labels, annotations};
	if (uid !== undefined) meta.uid = uid;
	// Absolute for now: loadSources makes every recorded time relative to the dump's "now".
	const created = epochSeconds(get(metadata, 'creationTimestamp'));
	if (created !== undefined) meta.createdAtSeconds = created;
	if (ownerReferences.length > 0) meta.ownerReferences = ownerReferences;
	return meta;
}

/** An RFC 3339 timestamp as the API server writes it, in seconds since the epoch. */
export function epochSeconds(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** metadata.name, read without reporting (for messages about objects that fail to decode). */
export function peekName(object: Obj): string {
	const metadata = get(object, 'metadata');
	if (metadata === null || typeof metadata !== 'object') return '';
	const name = get(metadata as Obj, 'name');
	return typeof name === 'string' ? name : '';
}
