// The Events block every `kubectl describe` ends with (kubernetes/kubectl pkg/describe/describe.go
// DescribeEvents), from the aggregated events the simulator keeps (sim/events.ts).

import {listEvents} from '../sim/events.js';
import type {ClusterEvent, State} from '../sim/types.js';
import {ageSince} from './age.js';
import {sanitize} from './sanitize.js';

/** Which events a describer asks for: searchEvents selects by the object's name, namespace and uid (and kind, except for pods). */
export interface EventTarget {
	/** Omitted: any kind (describe pod clears the kind on its reference). */
	kind?: string;
	/** '' for cluster-scoped objects. */
	namespace: string;
	name: string;
	uid?: string;
}

function about(event: ClusterEvent, target: EventTarget): boolean {
	const o = event.involved;
	if (o.name !== target.name || o.namespace !== target.namespace) return false;
	if (target.kind !== undefined && o.kind !== target.kind) return false;
	return target.uid === undefined || o.uid === undefined || o.uid === target.uid;
}

/**
 * The rows of the Events block, as cells for the describe tabwriter (describe.go DescribeEvents):
 * `Events:  <none>`, or a `Type Reason Age From Message` table, oldest last-seen first
 * (SortableEvents). Age is `<last> (xN over <first>)` for an event seen more than once. A container
 * event's message starts with its fieldPath (`spec.containers{app}: …`), as kubectl v1.33+ prints it.
 */
export function describeEvents(state: State, target: EventTarget): string[][] {
	const events = listEvents(state)
		.filter(e => about(e, target))
		.sort((a, b) => a.lastAt - b.lastAt || a.id - b.id);
	if (events.length === 0) return [['Events:', '<none>']];
	return [
		['Events:'],
		['  Type', 'Reason', 'Age', 'From', 'Message'],
		['  ----', '------', '----', '----', '-------'],
		...events.map(event => {
			const first = ageSince(state.clock, event.firstAt);
			const age = event.count > 1 ? `${ageSince(state.clock, event.lastAt)} (x${event.count} over ${first})` : first;
			const text = event.message.trim();
			const message = event.involved.fieldPath === undefined ? text : `${event.involved.fieldPath}: ${text}`;
			return [`  ${event.type}`, sanitize(event.reason), age, sanitize(event.source), sanitize(message)];
		}),
	];
}
