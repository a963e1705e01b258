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

/** The hash that places `key` in the slots; a caller doing several things with one key hashes it once and passes this on. */
export const keyHash: (key: string) => number = fnv32a;

/** The first-level slot of a key with hash `h`. */
export const levelOf = (h: number): number => h & MASK;
/** The bucket of a key with hash `h` within its level. */
export const bucketOf = (h: number): number => (h >>> BITS) & MASK;

export const emptyLevel = <T>(): Array<T | null> => new Array<T | null>(FANOUT).fill(null);

export function emptyRows<T>(): Rows<T> {
	return {chunks: [], slots: emptyLevel(), size: 0, next: 0};
}

/** The insertion number of `key`, if it has a row; `h` is keyHash(key). */
export function seqAt(rows: Rows<unknown> | undefined, key: string, h: number): number | undefined {
	return rows?.slots[h & MASK]?.[(h >>> BITS) & MASK]?.[key];
}

/** The row under `key`, whose keyHash is `h` (none in a table that is not there). */
export function rowAt<T>(rows: Rows<T> | undefined, key: string, h: number): T | undefined {
	const seq = seqAt(rows, key, h);
	return seq === undefined ? undefined : rows?.chunks[(seq / CHUNK) | 0]?.[key];
}

/** The row under `key` (none in a table that is not there). */
export const getRow = <T>(rows: Rows<T> | undefined, key: string): T | undefined => (rows === undefined ? undefined : rowAt(rows, key, fnv32a(key)));

export const hasRow = (rows: Rows<unknown>, key: string): boolean => seqAt(rows, key, fnv32a(key)) !== undefined;

export const countRows = (rows: Rows<unknown>): number => rows.size;

/** Every row, in insertion order (none of a table that is not there). */
export function listRows<T>(rows: Rows<T> | undefined): T[] {
	const out: T[] = [];
	for (const chunk of rows?.chunks ?? []) for (const key in chunk) out.push(chunk[key] as T);
	return out;
}

/** Calls `visit` with every row, in insertion order: listRows without the array, and with no key hashed. */
export function eachRow<T>(rows: Rows<T>, visit: (row: T) => void): void {
	for (const chunk of rows.chunks) for (const key in chunk) visit(chunk[key] as T);
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
		const h = fnv32a(key);
		const a = h & MASK;
		const b = (h >>> BITS) & MASK;
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
