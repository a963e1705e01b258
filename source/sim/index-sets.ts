// The sets inside State.index (pods by label, by owner, by node…). A set is split into shards by
// a hash of the member, so adding or removing one member copies one small shard, never a set of
// every pod (a label like `tier: web` can hold ten thousand).

import {fnv32a} from './hash.js';
import {emptyTable} from './tables.js';
import type {IndexSet} from './types.js';

const SHARDS = 32;

export const shardOf = (member: string): string => String(fnv32a(member) % SHARDS);

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

export function has(set: IndexSet | undefined, member: string): boolean {
	return set?.[shardOf(member)]?.[member] === true;
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
