// The tables that grow with the cluster: pods, workloads, Services and their Endpoints (issue 15).
// At Kubernetes' limits (150,000 pods, 10,000 Services) copying one of them whole in a step
// costs tens of milliseconds, so each is split into small pieces and a step copies only the
// pieces it writes (sim/draft.ts); every other piece stays shared with the state before.
//
// Two structures, both plain arrays and prototype-free records (docs/architecture.md):
//   - chunks: the rows in insertion order, CHUNK to a chunk by insertion number. Readers list
//     rows in the order the old single-record tables had (JavaScript's own key order: a new key
//     goes last, a rewritten one keeps its place, a deleted and re-added one goes last), so every
//     output is the same as when the tables were records.
//   - slots: key → insertion number, two hash levels of FANOUT (fnv32a of the key), so a look-up
//     or a write touches one small bucket whatever the table's size.
// Deleted rows leave holes in their chunks; a step that leaves a table's chunks less than half
// full builds it again (compacted), so listing never walks more than about twice its rows.

import {fnv32a} from './hash.js';
import {emptyTable} from './tables.js';
import type {Rows} from './types.js';

/** Rows per chunk: a step that rewrites one row copies this many references. */
export const CHUNK = 64;
/** Entries per hash level (two levels: 4,096 buckets, ~37 keys each at 150,000 pods). */
const FANOUT = 64;
const BITS = 6;
const MASK = FANOUT - 1;

export const hashLevels = (key: string): [number, number] => {
	const h = fnv32a(key);
	return [h & MASK, (h >>> BITS) & MASK];
};

export const emptyLevel = <T>(): Array<T | null> => new Array<T | null>(FANOUT).fill(null);

export function emptyRows<T>(): Rows<T> {
	return {chunks: [], slots: emptyLevel(), size: 0, next: 0};
}

/** The insertion number of `key`, if it has a row. */
export function seqOf(rows: Rows<unknown> | undefined, key: string): number | undefined {
	if (rows === undefined) return undefined;
	const h = fnv32a(key);
	return rows.slots[h & MASK]?.[(h >>> BITS) & MASK]?.[key];
}

/** The row under `key` (none in a table that is not there). */
export function getRow<T>(rows: Rows<T> | undefined, key: string): T | undefined {
	const seq = seqOf(rows, key);
	return seq === undefined ? undefined : rows?.chunks[Math.floor(seq / CHUNK)]?.[key];
}

export const hasRow = (rows: Rows<unknown>, key: string): boolean => seqOf(rows, key) !== undefined;

export const countRows = (rows: Rows<unknown>): number => rows.size;

/** Every row, in insertion order (none of a table that is not there). */
export function listRows<T>(rows: Rows<T> | undefined): T[] {
	const out: T[] = [];
	for (const chunk of rows?.chunks ?? []) for (const key in chunk) out.push(chunk[key] as T);
	return out;
}

/** Every key, in insertion order. */
export function listKeys(rows: Rows<unknown>): string[] {
	const out: string[] = [];
	for (const chunk of rows.chunks) for (const key in chunk) out.push(key);
	return out;
}

/** Every [key, row], in insertion order. */
export function listEntries<T>(rows: Rows<T> | undefined): Array<[string, T]> {
	const out: Array<[string, T]> = [];
	for (const chunk of rows?.chunks ?? []) for (const key in chunk) out.push([key, chunk[key] as T]);
	return out;
}

/** A table holding `entries` in their order (a later duplicate key replaces the row in place). */
export function rowsFrom<T>(entries: Iterable<readonly [string, T]>): Rows<T> {
	const chunks: Array<Record<string, T>> = [];
	const slots = emptyLevel<Array<Record<string, number> | null>>();
	let next = 0;
	for (const [key, row] of entries) {
		const [a, b] = hashLevels(key);
		const level = slots[a] ?? emptyLevel<Record<string, number>>();
		slots[a] = level;
		const bucket = level[b] ?? emptyTable<number>();
		level[b] = bucket;
		const seq = bucket[key];
		if (seq !== undefined) {
			(chunks[Math.floor(seq / CHUNK)] as Record<string, T>)[key] = row;
			continue;
		}
		bucket[key] = next;
		const i = Math.floor(next / CHUNK);
		const chunk = chunks[i] ?? emptyTable<T>();
		chunks[i] = chunk;
		chunk[key] = row;
		next++;
	}
	return {chunks, slots, size: next, next};
}

/** True when deletions left the chunks less than half full: time to build the table again. */
export const sparse = (rows: Rows<unknown>): boolean => rows.chunks.length > 2 * Math.ceil(rows.size / CHUNK) + 2;
