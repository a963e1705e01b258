// Copy-on-write working copy of the state for one reducer step.
//
// `step` must never mutate the state it is given (Redux style), but writing every nested update
// as spreads makes the simulator unreadable and copies more than needed. A Draft copies each
// table (and each index set) the first time a step writes to it, then mutates the copy. The
// state handed in stays untouched; the state handed out shares every table the step did not
// write. Nothing outside this folder ever sees a Draft.

import {has, members, shardOf} from './index-sets.js';
import {copyTable, emptyTable} from './tables.js';
import type {AffinityEntry, ClusterEvent, Endpoints, EventLog, IndexSet, Namespace, Node, Pod, RequestTrace, Service, State, Timer, Workload} from './types.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};
type Set_ = Record<string, true>;

export interface Draft {
	s: Mutable<State>;
	/** Names of tables already copied in this step. */
	copied: Set<string>;
	/** True while building the initial state: pods start Running and Ready at t=0. */
	settling: boolean;
	/** Workloads whose controller is running in this step (see controllers.reconcile). */
	reconciling: Set<string>;
}

export function beginDraft(state: State): Draft {
	return {s: {...state}, copied: new Set(), settling: false, reconciling: new Set()};
}

export function finishDraft(d: Draft): State {
	return d.s;
}

/**
 * `holder[key]`, shallow-copied the first time this step writes under `tag`; later writes in the
 * same step reuse the copy. Every write below goes through here, so every table a step writes
 * comes out prototype-free (sim/tables.ts), however it went in.
 */
function own<T extends object>(d: Draft, tag: string, holder: object, key: string): T {
	const h = holder as Record<string, T | undefined>;
	const current = h[key];
	if (current !== undefined && d.copied.has(tag)) return current;
	d.copied.add(tag);
	const copy = (Array.isArray(current) ? [...current] : copyTable(current as Record<string, unknown> | undefined)) as T;
	h[key] = copy;
	return copy;
}

type TableName = 'nodes' | 'namespaces' | 'pods' | 'workloads' | 'services' | 'endpoints';
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
					: Endpoints;

function writable<N extends TableName>(d: Draft, name: N): Record<string, Row<N>> {
	return own(d, name, d.s, name);
}

export function put<N extends TableName>(d: Draft, name: N, key: string, row: Row<N>): void {
	writable(d, name)[key] = row;
}

export function remove(d: Draft, name: TableName, key: string): void {
	delete writable(d, name)[key];
}

// --- index sets: `index.<name>[bucket]` is a set of member keys ---

type IndexName = Exclude<keyof State['index'], 'podCountByNode'>;

function writableIndex(d: Draft, name: IndexName): Record<string, IndexSet> {
	return own(d, `index.${name}`, own(d, 'index', d.s, 'index'), name);
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
	const shard = writableShard(d, name, bucket, member);
	delete shard[member];
	const shards = writableIndex(d, name)[bucket] as Record<string, Set_>;
	if (Object.keys(shard).length === 0) delete shards[shardOf(member)];
	if (Object.keys(shards).length === 0) delete writableIndex(d, name)[bucket];
}

export function addPodCount(d: Draft, node: string, delta: number): void {
	const counts = own<Record<string, number>>(d, 'index.podCountByNode', own(d, 'index', d.s, 'index'), 'podCountByNode');
	const next = (counts[node] ?? 0) + delta;
	if (next === 0) delete counts[node];
	else counts[node] = next;
}

export function indexMembers(d: Draft | State, name: IndexName, bucket: string): string[] {
	const state = 's' in d ? d.s : d;
	return members(state.index[name][bucket]);
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
