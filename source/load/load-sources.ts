// Files → a validated, defaulted ClusterInput plus positioned diagnostics. Every problem in
// every file is reported; nothing throws. An object with errors is left out of the input,
// as the API server would reject it.

import {MAX_PODS, tooManyPods} from '../sim/limits.js';
import {emptyTable} from '../sim/tables.js';
import type {ClusterInput, ObjectMetaInput} from '../sim/types.js';
import {classify, clusterScoped, resourceNames, type SimulatedKind} from './api-versions.js';
import {WindowReader} from './byte-source.js';
import {decodeClusterConfig} from './cluster-config.js';
import {decodeEndpoints} from './endpoints.js';
import {fieldPath} from './field-error.js';
import {goQuote} from './go-format.js';
import type {Locator} from './locator.js';
import {epochSeconds, peekName} from './metadata.js';
import {builtinNamespaces, decodeNamespace} from './namespace.js';
import {decodeNetworkPolicy} from './networkpolicy.js';
import {decodeNode, shiftNodeTimes} from './node.js';
import {get, isObject, newProblems, type Obj, type Problems, typeError} from './object-reader.js';
import {parseDocuments} from './parse-documents.js';
import {decodePod} from './pod.js';
import {knownPath, type StrictKind, unknownFields} from './schema/strict.js';
import {decodeService} from './service.js';
import {streamLocator} from './stream-locator.js';
import {parseDocument, parseHeader, parseItem} from './stream-parse.js';
import type {Diagnostic, LoadResult, Path, Position, SourceFile} from './types.js';
import {decodeWorkload} from './workload.js';
import type {LineCol} from './yaml-positions.js';

interface FileState {
	name: string;
	text: string;
	/** Positions, handed over by the parser (lazy slices for big files). */
	locator: Locator;
}

/** One object: a document, or an item of a `kind: List` document (`base` = ['items', i]). */
interface ObjectRef {
	file: FileState;
	fileIndex: number;
	docIndex: number;
	base: Path;
	seq: number;
	/** The parser saw a key written twice in this object. */
	repeats: boolean;
}

/** Where a document's parser saw repeated keys (ParsedDocument.duplicates). */
type RepeatsIn = {items: ReadonlySet<number> | null} | null;

function repeatsAt(repeats: RepeatsIn, base: Path): boolean {
	if (repeats === null) return false;
	if (repeats.items === null) return true;
	// Known to be inside items: the List's own fields hold none.
	return base[0] === 'items' && typeof base[1] === 'number' && repeats.items.has(base[1]);
}

/** kubectl's --validate: `strict` (or true, the default) fails on an unknown or repeated
 *  field, `warn` reports it and loads the object, `ignore` (or false) says nothing. */
export type ValidateMode = 'strict' | 'warn' | 'ignore';

export interface LoadOptions {
	validate?: ValidateMode;
	/** A streamed input at most this big is read whole when only the whole-text path reads it
	 *  exactly (stream-parse.ts `exact`); tests lower it to see what a bigger one reports. */
	wholeTextBytes?: number;
	/** The biggest document read as one text (V8's longest string; tests lower it). */
	documentBytes?: number;
	/** The most objects (documents and List items) a load takes (MAX_OBJECTS; tests lower it). */
	maxObjects?: number;
}

/**
 * A cluster at Kubernetes' limits (150,000 pods, 10,000 Services, their slices, workloads and
 * nodes) is some 200,000 objects; five times that is no cluster, and ten million Namespaces would
 * take minutes and all memory before anything was said. Counted from the stream's plan, before
 * any object is decoded.
 */
const MAX_OBJECTS = 1_000_000;

/** V8's longest string (0x1fffffe8 characters): a text with no more bytes fits in one. */
const LONGEST_STRING = 0x1fffffe8;
const TOO_BIG_DOCUMENT = `document too large: k8s-svc-tui reads one document (or one item of a kind: List) of at most ${Math.floor(LONGEST_STRING / 2 ** 20)} MiB`;

/** Thrown while streaming a file that the whole-text path must read: loadSources starts again. */
class ReadWhole extends Error {
	constructor(readonly fileIndex: number) {
		super('read whole');
	}
}

const nothingToLocate: Locator = {
	documentStart: () => ({line: 1, col: 1}),
	find: () => ({exact: null, nearest: {line: 1, col: 1}}),
	duplicates: () => [],
};

/** One strict-decoding finding: `unknown field "spec.foo"` or `duplicate field "spec.foo"`. */
interface StrictFinding {
	at: LineCol;
	text: string;
}

interface Ordered {
	key: [number, number, number];
	diagnostic: Diagnostic;
}

/** Where the API server's field path points when the document wrote a sibling: the registry
 *  fills spec.clusterIPs from spec.clusterIP (docs/semantics.md S19). */
function aliasOf(path: Path): Path | null {
	if (path[0] === 'spec' && path[1] === 'clusterIPs') return ['spec', 'clusterIP'];
	return null;
}

function objectStart(ref: ObjectRef): LineCol {
	const locator = ref.file.locator;
	if (ref.base.length === 0) return locator.documentStart(ref.docIndex);
	return locator.find(ref.docIndex, ref.base).exact ?? locator.documentStart(ref.docIndex);
}

/** A field's position: the field (its key with `onKey`), else its alias, else the key of
 *  the deepest ancestor written. */
function fieldPosition(ref: ObjectRef, at: Path, onKey = false): LineCol {
	const locator = ref.file.locator;
	const found = locator.find(ref.docIndex, [...ref.base, ...at]);
	if (found.exact) return onKey ? found.nearest : found.exact;
	const alias = aliasOf(at);
	const aliased = alias ? locator.find(ref.docIndex, [...ref.base, ...alias]).exact : null;
	if (aliased) return aliased;
	return found.nearest;
}

/** For the simulator's errors: the field, its alias, the object's name, the object's start. */
function locatePosition(ref: ObjectRef, path: Path): LineCol {
	const locator = ref.file.locator;
	const candidates: Path[] = [path];
	const alias = aliasOf(path);
	if (alias) candidates.push(alias);
	candidates.push(['metadata', 'name']);
	for (const candidate of candidates) {
		const found = locator.find(ref.docIndex, [...ref.base, ...candidate]).exact;
		if (found) return found;
	}
	return objectStart(ref);
}

/** Workloads whose pods a dump's pod belongs to: counted with their replicas, not on its own. */
const podOwnerKinds = ['ReplicationController', 'ReplicaSet', 'StatefulSet'];

/** Whether the object names a controller of one of these kinds (as initial-state.ts reads owners). */
const controlled = (meta: ObjectMetaInput, kinds: string[]): boolean =>
	meta.ownerReferences?.some(r => r.controller !== false && kinds.includes(r.kind)) ?? false;

const emptyInput = (): ClusterInput => ({
	config: {},
	nodes: [],
	namespaces: [],
	pods: [],
	workloads: [],
	services: [],
	endpoints: [],
	networkPolicies: [],
});

/** Server-set metadata: the object came from a cluster, not from a hand-written manifest. */
function fromServer(object: Obj): boolean {
	const metadata = get(object, 'metadata');
	return isObject(metadata) && (typeof metadata.uid === 'string' || typeof metadata.resourceVersion === 'string');
}

/** The newest timestamp an object records: its creation, a pod's start, a node's heartbeat. */
function latestTime(object: Obj): number {
	let newest = -Infinity;
	const note = (value: unknown) => {
		const t = epochSeconds(value);
		if (t !== undefined && t > newest) newest = t;
	};
	const metadata = get(object, 'metadata');
	if (isObject(metadata)) note(metadata.creationTimestamp);
	const status = get(object, 'status');
	if (isObject(status)) {
		note(status.startTime);
		const conditions = status.conditions;
		if (Array.isArray(conditions)) for (const c of conditions) if (isObject(c)) note(c.lastHeartbeatTime);
	}
	return newest;
}

/** Make recorded times relative to the dump's "now" (t=0 of the simulation), in whole seconds. */
function relativeTimes(input: ClusterInput, now: number): void {
	const shift = <T extends {createdAtSeconds?: number}>(o: T) => {
		if (o.createdAtSeconds !== undefined) o.createdAtSeconds = Math.round(o.createdAtSeconds - now);
	};
	input.nodes.forEach(shift);
	for (const node of input.nodes) shiftNodeTimes(node, now);
	input.namespaces.forEach(shift);
	for (const list of [input.pods, input.workloads, input.services, input.endpoints, input.networkPolicies ?? []]) for (const o of list) shift(o.meta);
	for (const pod of input.pods) {
		if (pod.status?.startedAtSeconds !== undefined) pod.status.startedAtSeconds = Math.round(pod.status.startedAtSeconds - now);
	}
}

/** What strict decoding finds in an object: its unknown fields (at their keys) and its repeated
 *  ones (at the repeat), in document order. A field both unknown and repeated is reported as
 *  unknown only, as the API server does for typed objects
 *  (test/integration/apiserver/field_validation_test.go). `skip`: paths not to report. */
function strictFindings(ref: ObjectRef, kind: StrictKind, object: Obj, skip: (path: Path) => boolean = () => false): StrictFinding[] {
	const findings: StrictFinding[] = [];
	for (const path of unknownFields(kind, object)) {
		if (!skip(path)) findings.push({at: fieldPosition(ref, path, true), text: `unknown field ${goQuote(fieldPath(path))}`});
	}
	if (ref.repeats) {
		for (const repeat of ref.file.locator.duplicates(ref.docIndex, ref.base)) {
			const path = repeat.path.slice(ref.base.length);
			if (skip(path) || !knownPath(kind, path)) continue;
			findings.push({at: repeat.at, text: `duplicate field ${goQuote(fieldPath(path))}`});
		}
	}
	return findings.sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
}

/** `Service in version "v1" cannot be handled as a Service: strict decoding error: …`, the API
 *  server's wording (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go
 *  transformDecodeError, around runtime.NewStrictDecodingError). kubectl joins several with
 *  ", " on one line; here each is its own line, at its own position. */
function strictPrefix(kind: string, apiVersion: string): string {
	const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
	return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: strict decoding error: `;
}

export function loadSources(files: SourceFile[], options: LoadOptions = {}): LoadResult {
	const whole = new Set<number>();
	for (;;) {
		try {
			return loadOnce(files, options, whole);
		} catch (error) {
			// Rare (kubectl writes neither): nothing of the first attempt is kept.
			if (!(error instanceof ReadWhole)) throw error;
			whole.add(error.fileIndex);
		}
	}
}

function loadOnce(files: SourceFile[], options: LoadOptions, whole: ReadonlySet<number>): LoadResult {
	const wholeTextBytes = Math.min(options.wholeTextBytes ?? LONGEST_STRING, LONGEST_STRING);
	const documentBytes = Math.min(options.documentBytes ?? LONGEST_STRING, LONGEST_STRING);
	const maxObjects = options.maxObjects ?? MAX_OBJECTS;
	let planned = 0;
	const validate = options.validate ?? 'strict';
	const input = emptyInput();
	const ordered: Ordered[] = [];
	// Keyed by the documents' kinds: prototype-free, so `kind: constructor` counts from 0 (sim/tables.ts).
	const skipped = emptyTable<number>();
	/** `Kind/namespace/name` → where it was written, for locate(). */
	const registry = new Map<string, ObjectRef>();
	/** `resource/namespace/name` of every object loaded, for AlreadyExists. */
	const existing = new Set<string>();
	const namespaceUses = new Map<string, ObjectRef>();
	const serverNamespaces = new Set<string>();
	/** The latest time the files record (seconds since the epoch): the dump's "now". */
	let latest = -Infinity;
	const definedNamespaces = new Set<string>();
	let clusterRef: ObjectRef | null = null;
	let seq = 0;
	/** Pods the objects loaded so far ask for (sim/limits.ts desiredPods), and whether the first
	 *  object past MAX_PODS was refused: one line says it, not one per pod of a big file. */
	let askedPods = 0;
	let podLimitSaid = false;

	const emit = (ref: ObjectRef, pos: LineCol, severity: Diagnostic['severity'], message: string, late = 0): void => {
		ordered.push({
			key: [ref.fileIndex, ref.docIndex, ref.seq + late],
			diagnostic: {file: ref.file.name, line: pos.line, col: pos.col, severity, message},
		});
	};

	const reportProblems = (ref: ObjectRef, p: Problems, prefix: string): void => {
		const decodeErrors = p.errors.filter(error => error.decode);
		for (const error of decodeErrors.length > 0 ? decodeErrors : p.errors) {
			const message = error.plain ? error.body : `${prefix}${error.field}: ${error.body}`;
			emit(ref, fieldPosition(ref, error.at, error.onKey), 'error', message);
		}
		for (const warning of p.warnings) emit(ref, fieldPosition(ref, warning.at), 'warning', warning.message);
	};

	const handleSimulated = (
		ref: ObjectRef,
		object: Obj,
		kind: SimulatedKind,
		apiVersion: string,
		version: {legacy: boolean; defaultsSelector: boolean},
	): void => {
		const p = newProblems();
		if (version.legacy) {
			const name = peekName(object);
			emit(
				ref,
				fieldPosition(ref, ['apiVersion']),
				'warning',
				`${kind} ${goQuote(name)} uses ${apiVersion}, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1`,
			);
		}
		let name = '';
		let namespace = '';
		let add: () => void = () => {};
		/** The pods this object asks for; `at` is where to say it is one too many. */
		let pods = {count: 0, at: ['metadata', 'name'] as Path};
		// Decoding runs first: the API server's plain decode fails on a wrong type before
		// strictness is looked at, and then only the type errors are reported.
		const strict = () => {
			if (validate === 'ignore' || p.errors.some(error => error.decode)) return false;
			const findings = strictFindings(ref, kind, object);
			if (validate === 'warn') {
				for (const finding of findings) emit(ref, finding.at, 'warning', finding.text);
				return false;
			}
			const prefix = strictPrefix(kind, apiVersion);
			for (const finding of findings) emit(ref, finding.at, 'error', prefix + finding.text);
			return findings.length > 0;
		};
		switch (kind) {
			case 'Service': {
				const service = decodeService(object, p);
				({name, namespace} = service.meta);
				add = () => input.services.push(service);
				break;
			}
			case 'Pod': {
				const pod = decodePod(object, p);
				({name, namespace} = pod.meta);
				add = () => input.pods.push(pod);
				if (!controlled(pod.meta, podOwnerKinds)) pods = {count: 1, at: ['metadata', 'name']};
				break;
			}
			case 'Endpoints': {
				const endpoints = decodeEndpoints(object, p);
				({name, namespace} = endpoints.meta);
				add = () => input.endpoints.push(endpoints);
				break;
			}
			case 'Node': {
				const node = decodeNode(object, p);
				name = node.name;
				add = () => input.nodes.push(node);
				break;
			}
			case 'NetworkPolicy': {
				const policy = decodeNetworkPolicy(object, p);
				({name, namespace} = policy.meta);
				add = () => input.networkPolicies?.push(policy);
				break;
			}
			case 'Namespace': {
				const ns = decodeNamespace(object, p);
				name = ns.name;
				add = () => {
					input.namespaces.push(ns);
					definedNamespaces.add(ns.name);
				};
				break;
			}
			default: {
				const workload = decodeWorkload(kind, object, {apiVersion, ...version}, p);
				({name, namespace} = workload.meta);
				add = () => input.workloads.push(workload);
				// A Deployment's ReplicaSet asks for the Deployment's pods, counted there.
				if (kind !== 'ReplicaSet' || !controlled(workload.meta, ['Deployment'])) pods = {count: workload.replicas, at: ['spec', 'replicas']};
			}
		}
		// A strict decoding error fails the request before validation runs.
		if (strict()) return;
		reportProblems(ref, p, `The ${kind} ${goQuote(name)} is invalid: `);
		if (p.errors.length > 0) return;
		const resourceKey = `${resourceNames[kind]}/${namespace}/${name}`;
		if (existing.has(resourceKey)) {
			emit(ref, fieldPosition(ref, ['metadata', 'name']), 'error', `Error from server (AlreadyExists): ${resourceNames[kind]} ${goQuote(name)} already exists`);
			return;
		}
		if (askedPods + pods.count > MAX_PODS) {
			if (!podLimitSaid) {
				const tooMany = tooManyPods(askedPods + pods.count);
				const message = kind === 'Pod' ? tooMany : `The ${kind} ${goQuote(name)} is invalid: spec.replicas: Invalid value: ${pods.count}: ${tooMany}`;
				emit(ref, fieldPosition(ref, pods.at), 'error', message);
			}
			podLimitSaid = true;
			return;
		}
		askedPods += pods.count;
		existing.add(resourceKey);
		registry.set(`${kind}/${namespace}/${name}`, ref);
		add();
		if (!clusterScoped.has(kind)) {
			// An object the API server wrote (kubectl's output) proves its namespace exists.
			if (fromServer(object)) serverNamespaces.add(namespace);
			else if (!namespaceUses.has(namespace)) namespaceUses.set(namespace, ref);
		}
	};

	const handleCluster = (ref: ObjectRef, object: Obj): void => {
		if (clusterRef !== null) {
			const first = objectStart(clusterRef);
			emit(ref, objectStart(ref), 'error', `only one Cluster document is allowed; the first is at ${clusterRef.file.name}:${first.line}:${first.col}`);
			return;
		}
		const p = newProblems();
		const config = decodeClusterConfig(object, p);
		reportProblems(ref, p, 'The Cluster config is invalid: ');
		clusterRef = ref;
		registry.set('Cluster//', ref);
		if (p.errors.length === 0) input.config = config;
	};

	/** A List's own fields: apiVersion, kind, metadata (ListMeta) and items. kubectl splits a
	 *  List before sending its items, so these are checked here with the items' wording. */
	const checkList = (ref: ObjectRef, kind: string, list: Obj): void => {
		const findings = strictFindings(ref, 'List', list, path => path[0] === 'items');
		const apiVersion = get(list, 'apiVersion');
		const prefix = strictPrefix(kind, typeof apiVersion === 'string' ? apiVersion : 'v1');
		for (const finding of findings) {
			if (validate === 'warn') emit(ref, finding.at, 'warning', finding.text);
			else emit(ref, finding.at, 'error', prefix + finding.text);
		}
	};

	/** Whether any file holds an object (any kind, valid or not), for "no objects passed to apply". */
	let foundObject = false;
	const handleObject = (ref: ObjectRef, object: Obj): void => {
		foundObject = true;
		latest = Math.max(latest, latestTime(object));
		const apiVersion = get(object, 'apiVersion');
		const kind = get(object, 'kind');
		let broken = false;
		for (const [key, value] of [
			['apiVersion', apiVersion],
			['kind', kind],
		] as const) {
			if (value === undefined || value === '') {
				// kubectl's client-side validation: `error validating data: apiVersion not set`.
				emit(ref, objectStart(ref), 'error', `${key} not set`);
				broken = true;
			} else if (typeof value !== 'string') {
				const error = typeError([key], value, 'a string');
				emit(ref, fieldPosition(ref, [key]), 'error', `${error.field}: ${error.body}`);
				broken = true;
			}
		}
		if (broken) return;
		const classified = classify(apiVersion as string, kind as string);
		switch (classified.type) {
			case 'unknown':
				emit(ref, fieldPosition(ref, ['apiVersion']), 'error', classified.message);
				return;
			case 'skipped':
				skipped[kind as string] = (skipped[kind as string] ?? 0) + 1;
				return;
			case 'cluster':
				handleCluster(ref, object);
				return;
			case 'simulated':
				handleSimulated(ref, object, classified.kind, apiVersion as string, classified);
		}
	};

	/** A document, or the items of a `kind: List` (any `…List` with items), recursively. */
	const visit = (file: FileState, fileIndex: number, docIndex: number, base: Path, value: unknown, repeats: RepeatsIn): void => {
		const ref: ObjectRef = {file, fileIndex, docIndex, base, seq: seq++, repeats: repeatsAt(repeats, base)};
		if (!isObject(value)) {
			const what = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
			emit(ref, objectStart(ref), 'error', `json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
			return;
		}
		const kind = get(value, 'kind');
		const items = get(value, 'items');
		if (typeof kind === 'string' && kind.endsWith('List') && (Array.isArray(items) || kind === 'List')) {
			if (validate !== 'ignore') checkList(ref, kind, value);
			(Array.isArray(items) ? items : []).forEach((item, i) => {
				if (item !== null) visit(file, fileIndex, docIndex, [...base, 'items', i], item, repeats);
			});
			return;
		}
		handleObject(ref, value);
	};

	const syntaxProblem = (file: FileState, fileIndex: number, document: number, at: {line: number; col: number; message: string}): void => {
		ordered.push({key: [fileIndex, document, seq++], diagnostic: {file: file.name, line: at.line, col: at.col, severity: 'error', message: at.message}});
	};

	/** A streamed input, slice by slice: each object decoded as soon as it is parsed, its raw
	 *  value then dropped (stream-parse.ts). */
	const stream = (source: SourceFile & {stream: NonNullable<SourceFile['stream']>}, fileIndex: number): void => {
		const {bytes, plan} = source.stream;
		const fits = bytes.size <= wholeTextBytes;
		const readWhole = (): never => {
			throw new ReadWhole(fileIndex);
		};
		const file: FileState = {name: source.name, text: '', locator: plan.control ? nothingToLocate : streamLocator(bytes, plan)};
		if (plan.control || plan.broken) {
			if (plan.broken && fits) readWhole();
			syntaxProblem(file, fileIndex, 0, (plan.control ?? plan.broken) as NonNullable<typeof plan.broken>);
			return;
		}
		// Refused before a first object is decoded, at the document that goes past the bound.
		for (const [docIndex, doc] of plan.docs.entries()) {
			planned += doc.list ? doc.list.items.starts.length : 1;
			if (planned <= maxObjects) continue;
			const message = `too many objects: k8s-svc-tui loads at most ${maxObjects.toLocaleString('en-US')} objects (documents and List items) in all`;
			syntaxProblem(file, fileIndex, docIndex, {...doc.first, message});
			return;
		}
		const reader = new WindowReader(bytes);
		for (const [docIndex, doc] of plan.docs.entries()) {
			// One document past V8's longest string (a 600 MB comment or scalar) cannot be parsed:
			// said where it starts, as the file-sized refusal of read-sources.ts says it.
			if (!doc.list && doc.end - doc.start > documentBytes) {
				syntaxProblem(file, fileIndex, docIndex, {...doc.first, message: TOO_BIG_DOCUMENT});
				continue;
			}
			if (!doc.list) {
				const parsed = parseDocument(reader, doc);
				if ('problem' in parsed) syntaxProblem(file, fileIndex, docIndex, parsed.problem);
				else if (parsed.value !== null && parsed.value !== undefined) {
					visit(file, fileIndex, docIndex, [], parsed.value, parsed.repeats ? {items: parsed.items ?? null} : null);
				}
				continue;
			}
			const header = parseHeader(reader, doc, plan.json);
			if (!header.exact && fits) readWhole();
			if ('problem' in header) {
				syntaxProblem(file, fileIndex, docIndex, header.problem);
				continue;
			}
			const list = header.value as Obj;
			const kind = get(list, 'kind');
			// Not a List after all: its items are fields of one object, which needs the whole text.
			if (typeof kind !== 'string' || !kind.endsWith('List')) {
				if (fits) readWhole();
				syntaxProblem(file, fileIndex, docIndex, {...doc.first, message: 'k8s-svc-tui reads a document this big only when it is a kind: List'});
				continue;
			}
			// As visit does for a List read whole: its own fields, then each item.
			const ref: ObjectRef = {file, fileIndex, docIndex, base: [], seq: seq++, repeats: false};
			if (validate !== 'ignore') checkList(ref, kind, list);
			const count = doc.list.items.starts.length;
			for (let k = 0; k < count; k++) {
				const item = parseItem(reader, doc, k, plan.json);
				if (!item.exact && fits) readWhole();
				if ('problem' in item) {
					syntaxProblem(file, fileIndex, docIndex, item.problem);
					break;
				}
				if (item.value !== null) visit(file, fileIndex, docIndex, ['items', k], item.value, item.repeats ? {items: null} : null);
			}
		}
	};

	files.forEach((source, fileIndex) => {
		if (source.stream && !whole.has(fileIndex)) {
			stream({...source, stream: source.stream}, fileIndex);
			return;
		}
		if (source.stream && source.stream.bytes.size > documentBytes) {
			syntaxProblem({name: source.name, text: '', locator: nothingToLocate}, fileIndex, 0, {line: 1, col: 1, message: TOO_BIG_DOCUMENT});
			return;
		}
		const text = source.stream ? source.stream.bytes.read(0, source.stream.bytes.size).toString('utf8') : source.text;
		const parsed = parseDocuments(text);
		const file: FileState = {name: source.name, text, locator: parsed.locator};
		for (const problem of parsed.problems) syntaxProblem(file, fileIndex, problem.document, problem);
		for (const doc of parsed.documents) {
			if (doc.value === null || doc.value === undefined) continue;
			visit(file, fileIndex, doc.index, [], doc.value, doc.duplicates ?? null);
		}
	});

	// kubectl refuses input that holds nothing at all (`error: no objects passed to apply`): an
	// empty file, only comments, an empty List. Each such file is named, unless it already has
	// its own error (a document that is not an object, a syntax error).
	if (!foundObject) {
		files.forEach((source, fileIndex) => {
			if (ordered.some(o => o.key[0] === fileIndex)) return;
			ordered.push({
				key: [fileIndex, 0, seq++],
				diagnostic: {file: source.name, line: 0, col: 0, severity: 'error', message: 'no objects passed to apply'},
			});
		});
	}

	// Namespaces used but never defined are created, with one warning at the first use by a
	// hand-written manifest (a dump never lists Namespaces: it need not).
	for (const namespace of serverNamespaces) {
		if (definedNamespaces.has(namespace) || builtinNamespaces.includes(namespace)) continue;
		definedNamespaces.add(namespace);
		input.namespaces.push({name: namespace});
	}
	for (const [namespace, ref] of namespaceUses) {
		if (definedNamespaces.has(namespace) || builtinNamespaces.includes(namespace)) continue;
		input.namespaces.push({name: namespace});
		emit(ref, fieldPosition(ref, ['metadata', 'namespace']), 'warning', `namespace ${goQuote(namespace)} is not defined by any document; creating it`, 0.5);
	}

	if (Number.isFinite(latest)) relativeTimes(input, latest);

	ordered.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
	const errors: Diagnostic[] = [];
	const warnings: Diagnostic[] = [];
	for (const {diagnostic} of ordered) (diagnostic.severity === 'error' ? errors : warnings).push(diagnostic);

	const locate = (kind: string, namespace: string, name: string, path: Array<string | number>): Position => {
		const ref = registry.get(`${kind}/${namespace}/${name}`) ?? registry.get(`${kind}//${name}`);
		if (!ref) return {file: '', line: 0, col: 0};
		return {file: ref.file.name, ...locatePosition(ref, path)};
	};
	return {input, errors, warnings, skipped, locate};
}
