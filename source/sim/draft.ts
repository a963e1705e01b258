// Copy-on-write working copy of the state for one reducer step.
//
// `step` must never mutate the state it is given (Redux style), but writing every nested update
// as spreads makes the simulator unreadable and copies more than needed. A Draft copies each
// table (and each index set) the first time a step writes to it, then mutates the copy. The
// state handed in stays untouched; the state handed out shares every table the step did not
// write. Nothing outside this folder ever sees a Draft.

import {has, members, shardOf} from './index-sets.js';
import type {
	AffinityEntry,
	IndexSet,
	ClusterEvent,
	Endpoints,
	Namespace,
	Node,
	Pod,
	RequestTrace,
	Service,
	State,
	Timer,
	Workload,
} from './types.js';

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
	if (!d.copied.has(name)) {
		d.copied.add(name);
		(d.s as any)[name] = {...(d.s as any)[name]};
	}
	return (d.s as any)[name];
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
	if (!d.copied.has('index')) {
		d.copied.add('index');
		d.s.index = {...d.s.index};
	}
	const tag = `index.${name}`;
	if (!d.copied.has(tag)) {
		d.copied.add(tag);
		(d.s.index as any)[name] = {...d.s.index[name]};
	}
	return (d.s.index as any)[name];
}

/** The shard of `bucket` that holds `member`, copied once in this step. */
function writableShard(d: Draft, name: IndexName, bucket: string, member: string): Set_ {
	const index = writableIndex(d, name);
	const shard = shardOf(member);
	const bucketTag = `index.${name}.${bucket}`;
	if (!d.copied.has(bucketTag) || index[bucket] === undefined) {
		d.copied.add(bucketTag);
		index[bucket] = {...index[bucket]};
	}
	const shards = index[bucket] as Record<string, Set_>;
	const shardTag = `${bucketTag}\u0000${shard}`;
	if (!d.copied.has(shardTag) || shards[shard] === undefined) {
		d.copied.add(shardTag);
		shards[shard] = {...shards[shard]};
	}
	return shards[shard]!;
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
	if (!d.copied.has('index')) {
		d.copied.add('index');
		d.s.index = {...d.s.index};
	}
	if (!d.copied.has('index.podCountByNode')) {
		d.copied.add('index.podCountByNode');
		d.s.index.podCountByNode = {...d.s.index.podCountByNode};
	}
	const counts = d.s.index.podCountByNode as Record<string, number>;
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

export function ipamSet(d: Draft, map: IpamMap, key: string, owner: string | null): void {
	if (!d.copied.has('ipam')) {
		d.copied.add('ipam');
		d.s.ipam = {...d.s.ipam};
	}
	const tag = `ipam.${map}`;
	if (!d.copied.has(tag)) {
		d.copied.add(tag);
		(d.s.ipam as any)[map] = {...d.s.ipam[map]};
	}
	const m = (d.s.ipam as any)[map] as Record<string, string>;
	if (owner === null) delete m[key];
	else m[key] = owner;
}

export function podIPSet(d: Draft, node: string, ip: string, owner: string | null, last?: number): void {
	if (!d.copied.has('ipam')) {
		d.copied.add('ipam');
		d.s.ipam = {...d.s.ipam};
	}
	if (!d.copied.has('ipam.podIPs')) {
		d.copied.add('ipam.podIPs');
		d.s.ipam.podIPs = {...d.s.ipam.podIPs};
	}
	const podIPs = d.s.ipam.podIPs as Record<string, {used: Record<string, string>; last: number}>;
	const tag = `ipam.podIPs.${node}`;
	const current = podIPs[node] ?? {used: {}, last: 1};
	if (!d.copied.has(tag)) {
		d.copied.add(tag);
		podIPs[node] = {used: {...current.used}, last: current.last};
	}
	const entry = podIPs[node]!;
	if (owner === null) delete entry.used[ip];
	else entry.used[ip] = owner;
	if (last !== undefined) entry.last = last;
}

export function dropNodeIPs(d: Draft, node: string): void {
	if (!d.copied.has('ipam')) {
		d.copied.add('ipam');
		d.s.ipam = {...d.s.ipam};
	}
	if (!d.copied.has('ipam.podIPs')) {
		d.copied.add('ipam.podIPs');
		d.s.ipam.podIPs = {...d.s.ipam.podIPs};
	}
	delete (d.s.ipam.podIPs as Record<string, unknown>)[node];
}

// --- small records and logs ---

export function setAffinity(d: Draft, key: string, entry: AffinityEntry | null): void {
	if (!d.copied.has('affinity')) {
		d.copied.add('affinity');
		d.s.affinity = {...d.s.affinity};
	}
	const m = d.s.affinity as Record<string, AffinityEntry>;
	if (entry === null) delete m[key];
	else m[key] = entry;
}

export function setRoundRobin(d: Draft, key: string, value: number): void {
	if (!d.copied.has('roundRobin')) {
		d.copied.add('roundRobin');
		d.s.roundRobin = {...d.s.roundRobin};
	}
	(d.s.roundRobin as Record<string, number>)[key] = value;
}

const EVENT_LOG_MAX = 500;
const REQUEST_LOG_MAX = 200;

export function recordEvent(d: Draft, event: Omit<ClusterEvent, 'at'>): void {
	const events = d.copied.has('events') ? (d.s.events as ClusterEvent[]) : [...d.s.events];
	d.copied.add('events');
	events.push({at: d.s.clock, ...event});
	if (events.length > EVENT_LOG_MAX) events.splice(0, events.length - EVENT_LOG_MAX);
	d.s.events = events;
}

export function recordRequests(d: Draft, traces: RequestTrace[]): void {
	const tail = traces.length > REQUEST_LOG_MAX ? traces.slice(-REQUEST_LOG_MAX) : traces;
	const log = d.copied.has('requestLog') ? (d.s.requestLog as RequestTrace[]) : [...d.s.requestLog];
	d.copied.add('requestLog');
	log.push(...tail);
	if (log.length > REQUEST_LOG_MAX) log.splice(0, log.length - REQUEST_LOG_MAX);
	d.s.requestLog = log;
}

export function addTimer(d: Draft, timer: Omit<Timer, 'seq'>): void {
	const timers = d.copied.has('timers') ? (d.s.timers as Timer[]) : [...d.s.timers];
	d.copied.add('timers');
	const full: Timer = {...timer, seq: d.s.serial++};
	// Keep (at, seq) order: binary search for the first timer that fires later.
	let lo = 0;
	let hi = timers.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (timers[mid]!.at <= full.at) lo = mid + 1;
		else hi = mid;
	}
	timers.splice(lo, 0, full);
	d.s.timers = timers;
}

export function shiftTimer(d: Draft): Timer | undefined {
	if (d.s.timers.length === 0) return undefined;
	const timers = d.copied.has('timers') ? (d.s.timers as Timer[]) : [...d.s.timers];
	d.copied.add('timers');
	d.s.timers = timers;
	return timers.shift();
}
