// Generated names and uids, as the API server and controllers make them.

import type {Draft} from './draft.js';
import {fnv32a} from './hash.js';
import {randomInt} from './prng.js';

// docs/semantics.md C2: apimachinery's rand.String alphabet (no vowels, no confusable digits).
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` suffix: 5 characters (docs/semantics.md C2). */
function randomSuffix(d: Draft): string {
	let out = '';
	for (let i = 0; i < 5; i++) out += ALPHANUMS[randomInt(d, ALPHANUMS.length)];
	return out;
}

/** `<base>-<5 chars>`, base cut to 58 characters as names.SimpleNameGenerator does. */
export function generateName(d: Draft, base: string): string {
	return `${base.slice(0, 58)}-${randomSuffix(d)}`;
}

export function generateUid(d: Draft): string {
	const hex = (n: number) =>
		randomInt(d, 16 ** n)
			.toString(16)
			.padStart(n, '0');
	return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + randomInt(d, 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** rand.SafeEncodeString: maps each character of the decimal hash into ALPHANUMS. */
function safeEncode(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += ALPHANUMS[text.charCodeAt(i) % ALPHANUMS.length];
	return out;
}

/** pod-template-hash: a safe-encoded 32-bit FNV hash of the pod template (docs/semantics.md S60). */
export function podTemplateHash(template: unknown): string {
	return safeEncode(String(fnv32a(JSON.stringify(template))));
}
