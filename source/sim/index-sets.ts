// The sets inside State.index (pods by label, by owner, by node…). A set is split into shards by
// a hash of the member, so adding or removing one member copies one small shard, never a set of
// every pod (a label like `tier: web` can hold ten thousand).

import {fnv32a} from './hash.js';
import {emptyTable} from './tables.js';
import type {IndexSet} from './types.js';

const SHARDS = 32;

/** The shards' names, made once: a shard is named per member added or removed. */
const SHARD_NAMES: readonly string[] = Array.from({length: SHARDS}, (_, i) => String(i));

/** The shard of a member whose fnv32a (sim/rows.ts keyHash) is `h`: for a caller that hashed it already. */
export const shardAt = (h: number): string => SHARD_NAMES[h % SHARDS] as string;

const shardOf = (member: string): string => shardAt(fnv32a(member));

export function members(set: IndexSet | undefined): string[] {
	if (!set) return [];
	const out: string[] = [];
	for (const shard in set) for (const member in set[shard]) out.push(member);
	return out;
}

/** The members one by one, for a caller that may stop early (a snapshot would list them all). */
export function* eachMember(set: IndexSet | undefined): Generator<string> {
	for (const shard in set) for (const member in set[shard]) yield member;
}

/** Whether `member` (whose fnv32a is `h`) is in the set. */
export function hasAt(set: IndexSet | undefined, member: string, h: number): boolean {
	return set?.[shardAt(h)]?.[member] === true;
}

/** A set holding `items` (for building indexes in one go). */
export function setOf(items: Iterable<string>): IndexSet {
	const set = emptyTable<Record<string, true>>();
	for (const item of items) {
		const key = shardOf(item);
		let shard = set[key];
		if (shard === undefined) {
			shard = emptyTable<true>();
			set[key] = shard;
		}
		shard[item] = true;
	}
	return set;
}
