// Copy-on-write working copy of the state for one reducer step.
//
// `step` must never mutate the state it is given (Redux style), but writing every nested update
// as spreads makes the simulator unreadable and copies more than needed. A Draft copies each
// table (and each index set) the first time a step writes to it, then mutates the copy. The
// state handed in stays untouched; the state handed out shares every table the step did not
// write. Nothing outside this folder ever sees a Draft.

import {hasAt, members, shardAt} from './index-sets.js';
import {bucketOf, CHUNK, emptyLevel, emptyRows, getRow, keyHash, levelOf, listEntries, rowAt, rowsFrom, seqAt, sparse} from './rows.js';
import {copyTable, emptyTable} from './tables.js';
import type {
	AffinityEntry,
	ClusterEvent,
	EndpointAddress,
	Endpoints,
	EventLog,
	Namespace,
	NetworkPolicy,
	Node,
	Pod,
	RequestTrace,
	Rows,
	Service,
	State,
	Timer,
	Workload,
} from './types.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};
type Set_ = Record<string, true>;

/** How far a StatefulSet's controller got in a step (sim/statefulset-progress.ts keeps it true). */
export interface StatefulSetProgress {
	/** Ordinals 0 … ready-1 are this set's pods, Ready and not Terminating. */
	ready: number;
	/** No pod of this set has an ordinal above this one (-1: none). */
	top: number;
}

export interface Draft {
	s: Mutable<State>;
	/** Every object this step copied or made: only these are changed in place (the rest may be the state handed in). */
	fresh: Set<object>;
	/** True while building the initial state: pods start Running and Ready at t=0. */
	settling: boolean;
	/** Workloads whose controller is running in this step (see controllers.reconcile). */
	reconciling: Set<string>;
	/** Index shards this step removed members from (by the shard, its own copy), dropped at its end if empty (see indexRemove). */
	shrunk: Map<object, {name: IndexName; bucket: string; shard: string}>;
	/** How far each StatefulSet's controller got in this step (sim/statefulset-progress.ts). */
	statefulSets: Map<string, StatefulSetProgress>;
	/** The tables in pieces this step wrote, by the object holding them (see compactRows). */
	rowsWritten: Map<object, Set<string>>;
	/** Index buckets this step copied, by index and bucket: what rowsOwn gave for them (see writableShard). */
	ownedBuckets: Map<IndexName, Map<string, Record<string, Set_>>>;
}

export function beginDraft(state: State): Draft {
	return {
		s: {...state},
		fresh: new Set(),
		settling: false,
		reconciling: new Set(),
		shrunk: new Map(),
		statefulSets: new Map(),
		rowsWritten: new Map(),
		ownedBuckets: new Map(),
	};
}

export function finishDraft(d: Draft): State {
	dropEmptyShards(d);
	compactRows(d);
	return d.s;
}

/**
 * `holder[key]`, shallow-copied the first time this step writes to it; later writes in the same
 * step reuse the copy, as long as it is still the object in place (a row `put` anew may share its
 * inner tables with the state handed in, so what counts is the object, not where it sits). A Set
 * of the step's own objects, not a name per place: building those names cost a fifth of a
 * 100,000-pod scale. Every write below goes through here, so every
 * table a step writes comes out prototype-free (sim/tables.ts), however it went in.
 */
function own<T extends object>(d: Draft, holder: object, key: string | number, copyOf: (current: T | undefined) => T = copyAny): T {
	const h = holder as Record<string | number, T | undefined>;
	const current = h[key];
	if (current !== undefined && d.fresh.has(current)) return current;
	const copy = copyOf(current);
	d.fresh.add(copy);
	h[key] = copy;
	return copy;
}

function copyAny<T>(current: T | undefined): T {
	return (Array.isArray(current) ? [...current] : copyTable(current as Record<string, unknown> | undefined)) as T;
}

type RecordName = 'nodes' | 'namespaces' | 'networkPolicies';
type RowsName = 'pods' | 'workloads' | 'services' | 'endpoints';
type TableName = RecordName | RowsName;
type Row<N extends TableName> = N extends 'nodes'
	? Node
	: N extends 'namespaces'
		? Namespace
		: N extends 'pods'
			? Pod
			: N extends 'workloads'
				? Workload
				: N extends 'services'
					? Service
					: N extends 'networkPolicies'
						? NetworkPolicy
						: Endpoints;

const ROWS: ReadonlySet<string> = new Set<RowsName>(['pods', 'workloads', 'services', 'endpoints']);
const isRows = (name: TableName): name is RowsName => ROWS.has(name);

function writable<N extends RecordName>(d: Draft, name: N): Record<string, Row<N>> {
	return own(d, d.s, name);
}

export function put<N extends TableName>(d: Draft, name: N, key: string, row: Row<N>): void {
	if (isRows(name)) rowsPut(d, d.s, name, key, keyHash(key), row);
	else writable(d, name as RecordName)[key] = row as Row<RecordName>;
}

export function remove(d: Draft, name: TableName, key: string): void {
	if (isRows(name)) rowsRemove(d, d.s, name, key, keyHash(key));
	else delete writable(d, name)[key];
}

// --- tables in pieces (sim/rows.ts) at `holder[field]`: a write
// copies the table's header, its chunk list and one chunk, and for a new or removed key two small
// hash levels and one bucket; nothing else of the table. Each takes the key's hash (keyHash)
// from its caller: a write looks the key up and may then place it, and the event log's keys are
// ~150 characters, so hashing once per operation was a third of a 100,000-pod scale ---

type MutableRows<T> = {
	chunks: Array<Record<string, T>>;
	slots: Array<Array<Record<string, number> | null> | null>;
	size: number;
	next: number;
};

function ownRows<T>(d: Draft, holder: object, field: string): MutableRows<T> {
	const rows = own<MutableRows<T>>(d, holder, field, current => ({...((current ?? emptyRows()) as MutableRows<T>)}));
	let fields = d.rowsWritten.get(holder);
	if (!fields) {
		fields = new Set();
		d.rowsWritten.set(holder, fields);
	}
	fields.add(field);
	return rows;
}

/** Chunk `i`, copied once in this step (a new last chunk when `i` is one past the end). */
function ownChunk<T>(d: Draft, rows: MutableRows<T>, i: number): Record<string, T> {
	const chunk = rows.chunks[i];
	// A chunk this step made is in a chunk list this step copied (nothing older holds it).
	if (chunk !== undefined && d.fresh.has(chunk)) return chunk;
	const chunks = own<Array<Record<string, T>>>(d, rows, 'chunks');
	return own(d, chunks, i);
}

const copyLevel = <T>(current: Array<T | null> | undefined): Array<T | null> => (current ? [...current] : emptyLevel());

/** The hash bucket for a key whose hash is `h`, copied once in this step. */
function ownSlot(d: Draft, rows: MutableRows<unknown>, h: number): Record<string, number> {
	const a = levelOf(h);
	const b = bucketOf(h);
	const bucket = rows.slots[a]?.[b];
	// As in ownChunk: a bucket this step made sits in a level and slots this step copied.
	if (bucket && d.fresh.has(bucket)) return bucket;
	const top = own<Array<Array<Record<string, number> | null> | null>>(d, rows, 'slots');
	const level = own<Array<Record<string, number> | null>>(d, top, a, copyLevel);
	return own(d, level, b);
}

/** The insertion number of `key` (hash `h`) in the table, a new one (counted, in its bucket) when it has none. */
function seqFor(d: Draft, rows: MutableRows<unknown>, key: string, h: number): number {
	const seq = seqAt(rows, key, h);
	if (seq !== undefined) return seq;
	const next = rows.next++;
	rows.size++;
	ownSlot(d, rows, h)[key] = next;
	return next;
}

function rowsPut<T>(d: Draft, holder: object, field: string, key: string, h: number, row: T): void {
	const rows = ownRows<T>(d, holder, field);
	ownChunk(d, rows, (seqFor(d, rows, key, h) / CHUNK) | 0)[key] = row;
}

function rowsRemove(d: Draft, holder: object, field: string, key: string, h: number): void {
	const current = (holder as Record<string, Rows<unknown> | undefined>)[field];
	const seq = seqAt(current, key, h);
	if (seq === undefined) return;
	const rows = ownRows(d, holder, field);
	delete ownSlot(d, rows, h)[key];
	delete ownChunk(d, rows, (seq / CHUNK) | 0)[key];
	rows.size--;
}

/** The row under `key` (hash `h`), copied once in this step to be changed in place (`copyOf(undefined)` makes a new one). */
function rowsOwn<T extends object>(d: Draft, holder: object, field: string, key: string, h: number, copyOf: (current: T | undefined) => T = copyAny): T {
	const rows = ownRows<T>(d, holder, field);
	const chunk = ownChunk(d, rows, (seqFor(d, rows, key, h) / CHUNK) | 0);
	return own(d, chunk, key, copyOf);
}

/** Tables whose deletions left them mostly holes are built again once, at the step's end. */
function compactRows(d: Draft): void {
	for (const [holder, fields] of d.rowsWritten) {
		for (const field of fields) {
			const h = holder as Record<string, Rows<unknown>>;
			const rows = h[field];
			if (rows && sparse(rows)) h[field] = rowsFrom(listEntries(rows));
		}
	}
	d.rowsWritten.clear();
}

// --- index sets: `index.<name>[bucket]` is a set of member keys ---

type IndexName = 'podsByLabel' | 'servicesByLabel' | 'podsByOwner' | 'podsByNode';

/**
 * Shard `shard` of `bucket`, copied once in this step. The bucket's own copy is remembered by
 * name: a scale adds every new pod to the same few buckets (its labels, its owner, no node yet),
 * and finding the copy again through the table cost a hash of the bucket's name and five
 * look-ups per add. The copy stays the one in place until the step ends (only dropEmptyShards
 * and compactRows, at the end, replace or drop a bucket).
 */
function writableShard(d: Draft, name: IndexName, bucket: string, shard: string): Set_ {
	let owned = d.ownedBuckets.get(name);
	if (owned === undefined) {
		owned = new Map();
		d.ownedBuckets.set(name, owned);
	}
	let shards = owned.get(bucket);
	if (shards === undefined) {
		shards = rowsOwn<Record<string, Set_>>(d, writableIndexes(d), name, bucket, keyHash(bucket));
		owned.set(bucket, shards);
	}
	return own(d, shards, shard);
}

export function indexAdd(d: Draft, name: IndexName, bucket: string, member: string): void {
	writableShard(d, name, bucket, shardAt(keyHash(member)))[member] = true;
}

export function indexRemove(d: Draft, name: IndexName, bucket: string, member: string): void {
	const h = keyHash(bucket);
	const m = keyHash(member);
	if (!hasAt(rowAt(d.s.index[name], bucket, h), member, m)) return;
	const shard = shardAt(m);
	const copy = writableShard(d, name, bucket, shard);
	delete copy[member];
	// Whether a shard is empty costs a look at all its keys once members have been deleted from
	// it; removing ten thousand pods would pay that each time. The step looks once, at its end.
	// The step's copy of the shard names the place (one copy per place and step), so a second
	// removal from it builds nothing.
	if (!d.shrunk.has(copy)) d.shrunk.set(copy, {name, bucket, shard});
}

function dropEmptyShards(d: Draft): void {
	d.ownedBuckets.clear();
	for (const {name, bucket, shard} of d.shrunk.values()) {
		const h = keyHash(bucket);
		const shards = rowAt(d.s.index[name], bucket, h);
		if (shards === undefined || shards[shard] === undefined || !isEmpty(shards[shard])) continue;
		// Both were copied by this step when it removed from them, so they are its own.
		const writableShards = rowsOwn<Record<string, Set_>>(d, writableIndexes(d), name, bucket, h);
		delete writableShards[shard];
		if (isEmpty(writableShards)) rowsRemove(d, writableIndexes(d), name, bucket, h);
	}
	d.shrunk.clear();
}

type CountName = 'podCountByNode' | 'activePodCountByOwner';

function addTo(d: Draft, name: CountName, key: string, delta: number): void {
	const h = keyHash(key);
	const next = (rowAt(d.s.index[name], key, h) ?? 0) + delta;
	if (next === 0) rowsRemove(d, writableIndexes(d), name, key, h);
	else rowsPut(d, writableIndexes(d), name, key, h, next);
}

const writableIndexes = (d: Draft) => own<Mutable<State['index']>>(d, d.s, 'index');

export function addPodCount(d: Draft, node: string, delta: number): void {
	addTo(d, 'podCountByNode', node, delta);
}

export function addActivePodCount(d: Draft, owner: string, delta: number): void {
	addTo(d, 'activePodCountByOwner', owner, delta);
}

export function addOwnedPodCount(d: Draft, owner: string, node: string, delta: number): void {
	const h = keyHash(owner);
	const counts = rowsOwn<Record<string, number>>(d, writableIndexes(d), 'podCountByOwnerNode', owner, h);
	const next = (counts[node] ?? 0) + delta;
	if (next === 0) delete counts[node];
	else counts[node] = next;
	if (isEmpty(counts)) rowsRemove(d, writableIndexes(d), 'podCountByOwnerNode', owner, h);
}

function isEmpty(table: object): boolean {
	for (const _ in table) return false;
	return true;
}

export function indexMembers(d: Draft | State, name: IndexName, bucket: string): string[] {
	const state = 's' in d ? d.s : d;
	return members(getRow(state.index[name], bucket));
}

/**
 * Sets (or with null removes) one address of a managed Endpoints: the row and its addresses are
 * copied in pieces once in this step, so a Service over ten thousand pods copies a chunk of its
 * addresses for each pod that comes or goes, never all of them.
 */
const copyEndpoints = (current: Mutable<Endpoints> | undefined): Mutable<Endpoints> => ({...(current as Endpoints)});

export function setEndpointAddress(d: Draft, key: string, podName: string, address: EndpointAddress | null): void {
	const row = rowsOwn<Mutable<Endpoints>>(d, d.s, 'endpoints', key, keyHash(key), copyEndpoints);
	const h = keyHash(podName);
	if (address === null) rowsRemove(d, row, 'addresses', podName, h);
	else rowsPut(d, row, 'addresses', podName, h, address);
}

// --- IPAM maps ---

type IpamMap = 'serviceIPs' | 'nodePorts' | 'loadBalancerIPs';

const ipam = (d: Draft) => own<Mutable<State['ipam']>>(d, d.s, 'ipam');

export function ipamSet(d: Draft, map: IpamMap, key: string, owner: string | null): void {
	const m = own<Record<string, string>>(d, ipam(d), map);
	if (owner === null) delete m[key];
	else m[key] = owner;
}

type NodeIPs = {used: Record<string, string>; last: number};

export function podIPSet(d: Draft, node: string, ip: string, owner: string | null, last?: number): void {
	const podIPs = own<Record<string, NodeIPs>>(d, ipam(d), 'podIPs');
	podIPs[node] ??= {used: emptyTable(), last: 1};
	const entry = own<NodeIPs>(d, podIPs, node);
	const used = own<Record<string, string>>(d, entry, 'used');
	if (owner === null) delete used[ip];
	else used[ip] = owner;
	if (last !== undefined) entry.last = last;
}

export function dropNodeIPs(d: Draft, node: string): void {
	delete own<Record<string, NodeIPs>>(d, ipam(d), 'podIPs')[node];
}

// --- small records and logs ---

export function setAffinity(d: Draft, key: string, entry: AffinityEntry | null): void {
	const m = own<Record<string, AffinityEntry>>(d, d.s, 'affinity');
	if (entry === null) delete m[key];
	else m[key] = entry;
}

export function setRoundRobin(d: Draft, key: string, value: number): void {
	own<Record<string, number>>(d, d.s, 'roundRobin')[key] = value;
}

const REQUEST_LOG_MAX = 200;

/** The event log's parts, each copied once in this step (sim/events.ts writes them). */
export function writableEventLog(d: Draft): {
	log: Mutable<EventLog>;
	byKey: Record<string, ClusterEvent>;
	queue: Array<EventLog['queue'][number]>;
} {
	const log = own<Mutable<EventLog>>(d, d.s, 'events');
	return {log, byKey: own<Record<string, ClusterEvent>>(d, log, 'byKey'), queue: own<Array<EventLog['queue'][number]>>(d, log, 'queue')};
}

export function recordRequests(d: Draft, traces: RequestTrace[]): void {
	const tail = traces.length > REQUEST_LOG_MAX ? traces.slice(-REQUEST_LOG_MAX) : traces;
	const log = own<RequestTrace[]>(d, d.s, 'requestLog');
	log.push(...tail);
	if (log.length > REQUEST_LOG_MAX) log.splice(0, log.length - REQUEST_LOG_MAX);
}

export function addTimer(d: Draft, timer: Omit<Timer, 'seq'>): void {
	const timers = own<Timer[]>(d, d.s, 'timers');
	const full: Timer = {...timer, seq: d.s.serial++};
	// Keep (at, seq) order: binary search for the first timer that fires later.
	let lo = 0;
	let hi = timers.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const timer = timers[mid];
		if (timer !== undefined && timer.at <= full.at) lo = mid + 1;
		else hi = mid;
	}
	timers.splice(lo, 0, full);
}

/** The first timer, taken off the queue, when it fires at or before `at`. */
export function takeTimerDue(d: Draft, at: number): Timer | undefined {
	const first = d.s.timers[0];
	if (first === undefined || first.at > at) return undefined;
	own<Timer[]>(d, d.s, 'timers').shift();
	return first;
}
