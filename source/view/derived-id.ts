// Names and uids for objects the view derives rather than the simulator stores (EndpointSlices,
// Endpoints uids). They are hashed from stable inputs so the same state always prints the same.

/** kube's random-name alphabet (no vowels, no look-alikes; docs/semantics.md C2). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/** A 5-character generateName suffix derived from `seed`. */
export function nameSuffix(seed: string): string {
	let hash = fnv1a(seed);
	let suffix = '';
	for (let i = 0; i < 5; i++) {
		suffix += ALPHABET[hash % ALPHABET.length];
		hash = Math.floor(hash / ALPHABET.length);
	}
	return suffix;
}

/** A UUID-shaped (version 4 layout) uid derived from `seed`. */
export function derivedUid(seed: string): string {
	let hex = '';
	for (let i = 0; hex.length < 32; i++) hex += fnv1a(`${i}:${seed}`).toString(16).padStart(8, '0');
	const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
