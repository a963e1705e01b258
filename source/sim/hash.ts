// A string hash for shard keys and pod-template-hash: FNV-1a, 32 bit, as Go's hash/fnv New32a
// (kubernetes pkg/controller/controller_utils.go ComputeHash uses it for pod-template-hash).

export function fnv32a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}
