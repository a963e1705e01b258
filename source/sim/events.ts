// Events as the API server holds them. Components record through client-go's EventRecorder,
// whose EventCorrelator folds an event identical to one already sent (same source, involved
// object, type, reason and message) into that event: count + 1 and a new lastTimestamp, the
// name and firstTimestamp kept (client-go `tools/record/events_cache.go`, getEventKey and
// eventLogger.eventObserve). The API server drops an event one `--event-ttl` (default 1h) after
// its last write (kube-apiserver `pkg/registry/core/event/storage`, the TTL is reset on update).
//
// The log is bounded by that TTL on the virtual clock and by a count, and each record costs O(1)
// amortized: a lookup by aggregation key, and a queue in order of last write in which an
// updated event leaves a stale entry behind; stale entries are skipped when they reach the head
// and the queue is compacted once they are the majority.
//
// The count bounds the log at a thousand events, so it is one prototype-free record that a step
// copies whole the first time it records (tens of microseconds, whatever the cluster's size),
// not a table in pieces (sim/rows.ts): settling 10,000 pods records ~50,000 events, each also
// evicting one, and the pieces' hashing and bookkeeping on every write made that a third of the
// settle (issue 15, bench/RESULTS.md).

import type {Draft} from './draft.js';
import {writableEventLog} from './draft.js';
import {emptyTable} from './tables.js';
import type {ClusterEvent, EventLog, State} from './types.js';

/** kube-apiserver `--event-ttl` default. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** Our own bound on top of the TTL, so a burst (a 10,000-pod scale) stays small. */
const EVENT_MAX = 1000;

/** What a component reports; the log adds the id, count and times. */
export type NewEvent = Pick<ClusterEvent, 'type' | 'reason' | 'involved' | 'message' | 'source' | 'host'>;

export const EMPTY_EVENT_LOG: EventLog = {byKey: emptyTable(), queue: [], head: 0, seq: 0, size: 0};

// getEventKey: source, involved object (kind, namespace, name, uid, fieldPath), type, reason, message.
// Joined by NUL, which no field holds (names are validated, input text never carries control
// characters); a scale of 100,000 pods records 200,000 events, and JSON.stringify cost a third of it.
function aggregationKey(e: NewEvent): string {
	const o = e.involved;
	return `${e.source}\0${e.host ?? ''}\0${o.kind}\0${o.namespace}\0${o.name}\0${o.uid ?? ''}\0${o.fieldPath ?? ''}\0${e.type}\0${e.reason}\0${e.message}`;
}

function freshEvent(event: NewEvent, seq: number, at: number): ClusterEvent {
	return {
		id: seq,
		seq,
		type: event.type,
		reason: event.reason,
		involved: event.involved,
		message: event.message,
		source: event.source,
		...(event.host === undefined ? {} : {host: event.host}),
		count: 1,
		firstAt: at,
		lastAt: at,
	};
}

export function recordEvent(d: Draft, event: NewEvent): void {
	const writable = writableEventLog(d);
	const {log, byKey, queue} = writable;
	const key = aggregationKey(event);
	const now = d.s.clock;
	const seq = log.seq++;
	const seen = byKey[key];
	if (seen) byKey[key] = {...seen, seq, count: seen.count + 1, lastAt: now};
	else {
		byKey[key] = freshEvent(event, seq, now);
		log.size++;
	}
	queue.push([key, seq]);
	dropExpired(d, log.size > EVENT_MAX, writable);
}

/** Forget events past their TTL (and, over the cap, the least recently written one). */
export function expireEvents(d: Draft): void {
	const events = d.s.events;
	const first = events.queue[events.head];
	if (first === undefined) return;
	const firstEvent = events.byKey[first[0]];
	// Nothing to do, without copying the log, when the oldest live entry is still fresh.
	if (firstEvent && firstEvent.seq === first[1] && firstEvent.lastAt + EVENT_TTL_MS > d.s.clock) return;
	dropExpired(d, false);
}

function dropExpired(d: Draft, overCap: boolean, writable = writableEventLog(d)): void {
	const {log, byKey, queue} = writable;
	let dropOne = overCap;
	for (;;) {
		const entry = queue[log.head];
		if (entry === undefined) break;
		const [key, seq] = entry;
		const event = byKey[key];
		if (event === undefined || event.seq !== seq) {
			log.head++;
			continue;
		}
		if (!dropOne && event.lastAt + EVENT_TTL_MS > d.s.clock) break;
		delete byKey[key];
		log.size--;
		log.head++;
		dropOne = false;
	}
	// Compact once most of the queue is behind the head or stale.
	if (log.head > 64 && log.head * 2 > queue.length) {
		queue.splice(0, log.head);
		log.head = 0;
	}
	if (queue.length > 4 * (log.size + 16)) {
		const live = queue.slice(log.head).filter(([key, seq]) => byKey[key]?.seq === seq);
		queue.length = 0;
		queue.push(...live);
		log.head = 0;
	}
}

/** Every event the API server still holds, oldest record first (by first write). */
export function listEvents(state: State): ClusterEvent[] {
	return Object.values(state.events.byKey).sort((a, b) => a.id - b.id);
}

/** The aggregated event a new record with these fields would join, if any. */
export function findEvent(state: State, event: NewEvent): ClusterEvent | undefined {
	return state.events.byKey[aggregationKey(event)];
}

/** A log holding `events` as recorded at their `at` times, in order (for fixtures and tests). */
export function eventLogOf(events: ReadonlyArray<NewEvent & {at: number}>): EventLog {
	const byKey = emptyTable<ClusterEvent>();
	const queue: Array<EventLog['queue'][number]> = [];
	let seq = 0;
	let size = 0;
	for (const {at, ...event} of [...events].sort((a, b) => a.at - b.at)) {
		const key = aggregationKey(event);
		const seen = byKey[key];
		if (seen) byKey[key] = {...seen, seq, count: seen.count + 1, lastAt: at};
		else {
			byKey[key] = freshEvent(event, seq, at);
			size++;
		}
		queue.push([key, seq++]);
	}
	return {byKey, queue, head: 0, seq, size};
}
