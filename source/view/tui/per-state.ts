// Pane models are asked for again on every frame and every cursor move, for the same State object.
// A State is never changed in place (sim/draft.ts copies on write), so what was computed from it
// stays right for as long as the object lives; the entries go with it (a WeakMap).

import type {State} from '../../sim/index.js';

/** A cache of values computed from a State, by a key of the caller's choosing. */
export function perState<V>(): (state: State, key: string, build: () => V) => V {
	const cache = new WeakMap<State, Map<string, V>>();
	return (state, key, build) => {
		let values = cache.get(state);
		if (!values) {
			values = new Map();
			cache.set(state, values);
		}
		const hit = values.get(key);
		if (hit !== undefined) return hit;
		const value = build();
		values.set(key, value);
		return value;
	};
}
