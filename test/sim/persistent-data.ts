// Checks over the simulator's states that cost what a step changed, not the state's size. A
// step shares most of its input with its output (persistent tables, docs/architecture.md), so a
// walk that stops at what it has already seen touches only the new objects. The properties test
// once compared JSON.stringify of whole states before and after every step, and that was 60% of
// its time.

type Data = Record<string, unknown> | unknown[];

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null;

/**
 * Deep-freeze `value`, stopping at objects already frozen (a previous state's, shared). A step that
 * then writes to its input throws a TypeError (ES modules are strict): a stronger check than
 * comparing the input before and after, since it also catches a write that is later undone.
 */
export function freezeState(value: unknown): void {
	if (!isData(value) || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const child of Object.values(value)) freezeState(child);
}

/**
 * Compares plain data as JSON.stringify would see it, but stricter: the same keys in the same
 * order (undefined values included), the same primitives (Object.is), the same array lengths.
 * Pairs it has proven equal are remembered, so comparing two runs step by step walks only what
 * each step made. Only for frozen data (freezeState): a remembered pair must never change.
 */
export class DataComparer {
	readonly #equal = new WeakMap<object, object>();

	/** The path of the first difference between `a` and `b`, or null when they are equal. */
	difference(a: unknown, b: unknown, path = '$'): string | null {
		if (!isData(a) || !isData(b)) return Object.is(a, b) ? null : path;
		if (a === b || this.#equal.get(a) === b) return null;
		if (Array.isArray(a) !== Array.isArray(b)) return path;
		const keysA = Object.keys(a);
		const keysB = Object.keys(b);
		if (keysA.length !== keysB.length) return `${path} (${keysA.length} keys, ${keysB.length} keys)`;
		for (let i = 0; i < keysA.length; i++) {
			const key = keysA[i] as string;
			if (key !== keysB[i]) return `${path} (key ${i}: ${key} or ${String(keysB[i])})`;
			const found = this.difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
			if (found !== null) return found;
		}
		this.#equal.set(a, b);
		return null;
	}
}
