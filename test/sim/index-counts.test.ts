// The counts the controllers and the scheduler read instead of listing a workload's pods
// (sim/pods.ts countOwned), the Endpoints addresses written in place once per step
// (draft.ts writableAddresses) and the shards a step empties (draft.ts dropEmptyShards) must
// always say what a full recount of the pods table says, whatever random commands ran.

import {deepStrictEqual} from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import {type Action, initialState, listEntries, listRows, type Rows, type State, step} from '../../source/sim/index.js';
import type {Pod} from '../../source/sim/types.js';
import {clusterArb, commandArb, resolveCommand} from './chaos-cluster.js';

const ownerOf = (pod: Pod) => (pod.owner ? `${pod.owner.kind}/${pod.namespace}/${pod.owner.name}` : null);

function recount(state: State) {
	const active: Record<string, number> = {};
	const placed: Record<string, Record<string, number>> = {};
	for (const pod of listRows(state.pods)) {
		const owner = ownerOf(pod);
		if (owner === null) continue;
		if (pod.deletionTimestamp === null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') active[owner] = (active[owner] ?? 0) + 1;
		if (pod.nodeName !== null && pod.deletionTimestamp === null) {
			placed[owner] ??= {};
			const counts = placed[owner];
			counts[pod.nodeName] = (counts[pod.nodeName] ?? 0) + 1;
		}
	}
	return {active, placed};
}

/** An index as a plain record (key → row), for comparing with a recount. */
const plain = (table: Rows<unknown>): unknown => JSON.parse(JSON.stringify(Object.fromEntries(listEntries(table))));

function emptyShards(state: State): string[] {
	const found: string[] = [];
	for (const [name, index] of Object.entries(state.index)) {
		if (name === 'podCountByNode' || name === 'activePodCountByOwner' || name === 'podCountByOwnerNode') continue;
		for (const [bucket, shards] of listEntries(index as Rows<Record<string, object>>)) {
			if (Object.keys(shards).length === 0) found.push(`${name}[${bucket}]`);
			for (const [shard, members] of Object.entries(shards)) if (Object.keys(members).length === 0) found.push(`${name}[${bucket}][${shard}]`);
		}
	}
	return found;
}

test('property: the per-workload counts equal a recount of the pods, no index keeps an empty shard, and no step writes into the state it was given', t => {
	fc.assert(
		fc.property(clusterArb, fc.nat({max: 0xffff}), fc.array(commandArb, {minLength: 8, maxLength: 22}), (cluster, seed, commands) => {
			const init = initialState(cluster, {seed});
			if (!init.ok) throw new Error(JSON.stringify(init.errors));
			let state = init.state;
			const actions: Action[] = [];
			for (const command of [...commands, {t: 'wait', ms: 60_000} as const]) {
				for (const action of resolveCommand(state, command, actions)) {
					const before = JSON.stringify(state.endpoints);
					const next = step(state, action).state;
					if (JSON.stringify(state.endpoints) !== before) throw new Error(`${action.type} wrote into the Endpoints it was given`);
					actions.push(action);
					state = next;
					const {active, placed} = recount(state);
					const after = `after ${JSON.stringify(action)}`;
					deepStrictEqual(plain(state.index.activePodCountByOwner), active, after);
					deepStrictEqual(plain(state.index.podCountByOwnerNode), placed, after);
					deepStrictEqual(emptyShards(state), [], after);
				}
			}
		}),
		{numRuns: 150},
	);
	t.pass();
});
