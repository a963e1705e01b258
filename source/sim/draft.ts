// Copy-on-write working copy of the state for one reducer step.
//
// `step` must never mutate the state it is given (Redux style), but writing every nested update
// as spreads makes the simulator unreadable and copies more than needed. A Draft copies each
// table (and each index set) the first time a step writes to it, then mutates the copy. The
// state handed in stays untouched; the state handed out shares every table the step did not
// write. Nothing outside this folder ever sees a Draft.

import {has, members, shardOf} from './index-sets.js';
import {CHUNK, emptyLevel, hashLevels, listEntries, rowsFrom, seqOf, sparse} from './rows.js';
import {copyTable, emptyTable} from './tables.js';
import type {
	AffinityEntry,
	ClusterEvent,
	EndpointAddress,
	Endpoints,
	EventLog,
	IndexSet,
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
	/** The copy this step made of each table it wrote, by tag: a copy is mutated only while it is still the one in place. */
	copied: Map<string, object>;
	/** True while building the initial state: pods start Running and Ready at t=0. */
	settling: boolean;
	/** Workloads whose controller is running in this step (see controllers.reconcile). */
	reconciling: Set<string>;
	/** Index shards this step removed members from, dropped at its end if empty (see indexRemove). */
	shrunk: Map<string, {name: IndexName; bucket: string; shard: string}>;
	/** How far each StatefulSet's controller got in this step (sim/statefulset-progress.ts). */
	statefulSets: Map<string, StatefulSetProgress>;
	/** The tables in pieces this step wrote (see compactRows). */
	rowsWritten: Set<RowsName>;
}

export function beginDraft(state: State): Draft {
	return {s: {...state}, copied: new Map(), settling: false, reconciling: new Set(), shrunk: new Map(), statefulSets: new Map(), rowsWritten: new Set()};
}

export function finishDraft(d: Draft): State {
	dropEmptyShards(d);
	compactRows(d);
	return d.s;
}

/**
 * `holder[key]`, shallow-copied the first time this step writes under `tag`; later writes in the
 * same step reuse the copy, as long as it is still the object in place (a row `put` anew may
 * share its inner tables with the state handed in). Every write below goes through here, so every
 * table a step writes comes out prototype-free (sim/tables.ts), however it went in.
 */
function own<T extends object>(d: Draft, tag: string, holder: object, key: string, copyOf: (current: T | undefined) => T = copyAny): T {
	const h = holder as Record<string, T | undefined>;
	const current = h[key];
	if (current !== undefined && d.copied.get(tag) === current) return current;
	const copy = copyOf(current);
	d.copied.set(tag, copy);
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
	return own(d, name, d.s, name);
}

export function put<N extends TableName>(d: Draft, name: N, key: string, row: Row<N>): void {
	if (isRows(name)) putRow(d, name, key, row as Row<RowsName>);
	else writable(d, name as RecordName)[key] = row as Row<RecordName>;
}

export function remove(d: Draft, name: TableName, key: string): void {
	if (isRows(name)) removeRow(d, name, key);
	else delete writable(d, name)[key];
}

// --- the tables in pieces (sim/rows.ts): a write copies the table's header, its chunk list, one
// chunk, and for a new or removed key two small hash levels and one bucket ---

type MutableRows<T> = {
	chunks: Array<Record<string, T>>;
	slots: Array<Array<Record<string, number> | null> | null>;
	size: number;
	next: number;
};

function writableRows<N extends RowsName>(d: Draft, name: N): MutableRows<Row<N>> {
	d.rowsWritten.add(name);
	return own(d, name, d.s, name, current => ({...(current as MutableRows<Row<N>>)}));
}

/** Chunk `i` of the table, copied once in this step (a new last chunk when `i` is one past the end). */
function writableChunk<T>(d: Draft, name: RowsName, rows: MutableRows<T>, i: number): Record<string, T> {
	const chunks = own<Array<Record<string, T>>>(d, `${name}.chunks`, rows, 'chunks');
	return own(d, `${name}.chunk\u0000${i}`, chunks, String(i));
}

/** The hash bucket that holds `key`'s insertion number, copied once in this step. */
function writableSlot(d: Draft, name: RowsName, rows: MutableRows<unknown>, key: string): Record<string, number> {
	const [a, b] = hashLevels(key);
	const top = own<Array<Array<Record<string, number> | null> | null>>(d, `${name}.slots`, rows, 'slots');
	const level = own<Array<Record<string, number> | null>>(d, `${name}.slots\u0000${a}`, top, String(a), current => (current ? [...current] : emptyLevel()));
	return own(d, `${name}.slots\u0000${a}\u0000${b}`, level, String(b));
}

function putRow(d: Draft, name: RowsName, key: string, row: Row<RowsName>): void {
	const rows = writableRows<RowsName>(d, name);
	let seq = seqOf(rows, key);
	if (seq === undefined) {
		seq = rows.next++;
		rows.size++;
		writableSlot(d, name, rows, key)[key] = seq;
	}
	writableChunk(d, name, rows, Math.floor(seq / CHUNK))[key] = row;
}

function removeRow(d: Draft, name: RowsName, key: string): void {
	const seq = seqOf(d.s[name], key);
	if (seq === undefined) return;
	const rows = writableRows(d, name);
	delete writableSlot(d, name, rows, key)[key];
	delete writableChunk(d, name, rows, Math.floor(seq / CHUNK))[key];
	rows.size--;
}

/** Tables whose deletions left them mostly holes are built again once, at the step's end. */
function compactRows(d: Draft): void {
	for (const name of d.rowsWritten) {
		const rows = d.s[name];
		if (sparse(rows)) (d.s as Record<RowsName, unknown>)[name] = rowsFrom(listEntries(rows as Rows<unknown>));
	}
	d.rowsWritten.clear();
}

// --- index sets: `index.<name>[bucket]` is a set of member keys ---

type IndexName = 'podsByLabel' | 'servicesByLabel' | 'podsByOwner' | 'podsByNode';

function writableIndex(d: Draft, name: IndexName): Record<string, IndexSet> {
	return own(d, `index.${name}`, writableIndexes(d), name);
}

/** The shard of `bucket` that holds `member`, copied once in this step. */
function writableShard(d: Draft, name: IndexName, bucket: string, member: string): Set_ {
	const bucketTag = `index.${name}.${bucket}`;
	const shards = own<Record<string, Set_>>(d, bucketTag, writableIndex(d, name), bucket);
	const shard = shardOf(member);
	return own(d, `${bucketTag}\u0000${shard}`, shards, shard);
}

export function indexAdd(d: Draft, name: IndexName, bucket: string, member: string): void {
	writableShard(d, name, bucket, member)[member] = true;
}

export function indexRemove(d: Draft, name: IndexName, bucket: string, member: string): void {
	if (!has(d.s.index[name][bucket], member)) return;
	delete writableShard(d, name, bucket, member)[member];
	// Whether a shard is empty costs a look at all its keys once members have been deleted from
	// it; removing ten thousand pods would pay that each time. The step looks once, at its end.
	const shard = shardOf(member);
	d.shrunk.set(`${name}\u0000${bucket}\u0000${shard}`, {name, bucket, shard});
}

function dropEmptyShards(d: Draft): void {
	for (const {name, bucket, shard} of d.shrunk.values()) {
		const shards = d.s.index[name][bucket];
		if (shards === undefined || shards[shard] === undefined || !isEmpty(shards[shard])) continue;
		// Both were copied by this step when it removed from them, so they are its own.
		const writableShards = writableIndex(d, name)[bucket] as Record<string, Set_>;
		delete writableShards[shard];
		if (isEmpty(writableShards)) delete writableIndex(d, name)[bucket];
	}
	d.shrunk.clear();
}

function addTo(counts: Record<string, number>, key: string, delta: number): void {
	const next = (counts[key] ?? 0) + delta;
	if (next === 0) delete counts[key];
	else counts[key] = next;
}

const writableIndexes = (d: Draft) => own<Mutable<State['index']>>(d, 'index', d.s, 'index');

export function addPodCount(d: Draft, node: string, delta: number): void {
	addTo(own(d, 'index.podCountByNode', writableIndexes(d), 'podCountByNode'), node, delta);
}

export function addActivePodCount(d: Draft, owner: string, delta: number): void {
	addTo(own(d, 'index.activePodCountByOwner', writableIndexes(d), 'activePodCountByOwner'), owner, delta);
}

export function addOwnedPodCount(d: Draft, owner: string, node: string, delta: number): void {
	const byOwner = own<Record<string, Record<string, number>>>(d, 'index.podCountByOwnerNode', writableIndexes(d), 'podCountByOwnerNode');
	const counts = own<Record<string, number>>(d, `index.podCountByOwnerNode\u0000${owner}`, byOwner, owner);
	addTo(counts, node, delta);
	if (counts[node] === undefined && isEmpty(counts)) delete byOwner[owner];
}

function isEmpty(table: object): boolean {
	for (const _ in table) return false;
	return true;
}

export function indexMembers(d: Draft | State, name: IndexName, bucket: string): string[] {
	const state = 's' in d ? d.s : d;
	return members(state.index[name][bucket]);
}

/**
 * The addresses of one managed Endpoints, copied once in this step: a Service over ten thousand
 * pods would otherwise copy its whole table for each pod that comes or goes.
 */
export function writableAddresses(d: Draft, key: string): Record<string, EndpointAddress> {
	const seq = seqOf(d.s.endpoints, key);
	if (seq === undefined) throw new Error(`no endpoints ${key}`);
	const chunk = writableChunk(d, 'endpoints', writableRows(d, 'endpoints'), Math.floor(seq / CHUNK));
	const row = own<Mutable<Endpoints>>(d, `endpoints\u0000${key}`, chunk, key, current => ({...(current as Endpoints)}));
	return own(d, `endpoints\u0000${key}\u0000addresses`, row, 'addresses');
}

// --- IPAM maps ---

type IpamMap = 'serviceIPs' | 'nodePorts' | 'loadBalancerIPs';

const ipam = (d: Draft) => own<Mutable<State['ipam']>>(d, 'ipam', d.s, 'ipam');

export function ipamSet(d: Draft, map: IpamMap, key: string, owner: string | null): void {
	const m = own<Record<string, string>>(d, `ipam.${map}`, ipam(d), map);
	if (owner === null) delete m[key];
	else m[key] = owner;
}

type NodeIPs = {used: Record<string, string>; last: number};

export function podIPSet(d: Draft, node: string, ip: string, owner: string | null, last?: number): void {
	const podIPs = own<Record<string, NodeIPs>>(d, 'ipam.podIPs', ipam(d), 'podIPs');
	podIPs[node] ??= {used: emptyTable(), last: 1};
	const entry = own<NodeIPs>(d, `ipam.podIPs.${node}`, podIPs, node);
	const used = own<Record<string, string>>(d, `ipam.podIPs.${node}.used`, entry, 'used');
	if (owner === null) delete used[ip];
	else used[ip] = owner;
	if (last !== undefined) entry.last = last;
}

export function dropNodeIPs(d: Draft, node: string): void {
	delete own<Record<string, NodeIPs>>(d, 'ipam.podIPs', ipam(d), 'podIPs')[node];
}

// --- small records and logs ---

export function setAffinity(d: Draft, key: string, entry: AffinityEntry | null): void {
	const m = own<Record<string, AffinityEntry>>(d, 'affinity', d.s, 'affinity');
	if (entry === null) delete m[key];
	else m[key] = entry;
}

export function setRoundRobin(d: Draft, key: string, value: number): void {
	own<Record<string, number>>(d, 'roundRobin', d.s, 'roundRobin')[key] = value;
}

const REQUEST_LOG_MAX = 200;

/** The event log's parts, copied once in this step (sim/events.ts writes them). */
export function writableEventLog(d: Draft): {
	log: Mutable<EventLog>;
	byKey: Record<string, ClusterEvent>;
	queue: Array<readonly [string, number]>;
} {
	const log = own<Mutable<EventLog>>(d, 'events', d.s, 'events');
	return {
		log,
		byKey: own<Record<string, ClusterEvent>>(d, 'events.byKey', log, 'byKey'),
		queue: own<Array<readonly [string, number]>>(d, 'events.queue', log, 'queue'),
	};
}

export function recordRequests(d: Draft, traces: RequestTrace[]): void {
	const tail = traces.length > REQUEST_LOG_MAX ? traces.slice(-REQUEST_LOG_MAX) : traces;
	const log = own<RequestTrace[]>(d, 'requestLog', d.s, 'requestLog');
	log.push(...tail);
	if (log.length > REQUEST_LOG_MAX) log.splice(0, log.length - REQUEST_LOG_MAX);
}

export function addTimer(d: Draft, timer: Omit<Timer, 'seq'>): void {
	const timers = own<Timer[]>(d, 'timers', d.s, 'timers');
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
	own<Timer[]>(d, 'timers', d.s, 'timers').shift();
	return first;
}
