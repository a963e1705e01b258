// Seeded PRNG (mulberry32). Its state lives in State.rng so that the same seed and the same
// actions give the same run (docs/architecture.md): nothing here reads a global source of entropy.

import type {Draft} from './draft.js';

export function seedState(seed: number): number {
	// Spread small seeds (0, 1, 2…) over the whole uint32 space.
	return Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

/** A float in [0, 1); advances the draft's PRNG state. */
export function random(d: Draft): number {
	const t = (d.s.rng + 0x6d2b79f5) >>> 0;
	d.s.rng = t;
	let r = Math.imul(t ^ (t >>> 15), t | 1);
	r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
	return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [0, n). */
export function randomInt(d: Draft, n: number): number {
	return Math.floor(random(d) * n);
}
