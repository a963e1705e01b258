// Which addresses started or stopped taking traffic between two states: drives the Endpoints
// pane's highlights and the "pod IP changes" count. Only Services whose endpoints object changed
// are compared (the reducer replaces an object only when it changes).

import type {State} from '../../sim/types.js';

export interface EndpointChange {
	/** `namespace/name` of the Service. */
	service: string;
	ip: string;
	pod: string | null;
	kind: 'added' | 'removed';
	at: number;
}

function readyIPs(state: State, key: string): Map<string, string | null> {
	const out = new Map<string, string | null>();
	for (const a of Object.values(state.endpoints[key]?.addresses ?? {})) if (a.ready) out.set(a.ip, a.podName ?? null);
	return out;
}

export function endpointChanges(prev: State, next: State): EndpointChange[] {
	if (prev.endpoints === next.endpoints) return [];
	const changes: EndpointChange[] = [];
	const keys = new Set([...Object.keys(prev.endpoints), ...Object.keys(next.endpoints)]);
	for (const key of [...keys].sort()) {
		if (prev.endpoints[key] === next.endpoints[key]) continue;
		const before = readyIPs(prev, key);
		const after = readyIPs(next, key);
		for (const [ip, pod] of before) if (!after.has(ip)) changes.push({service: key, ip, pod, kind: 'removed', at: next.clock});
		for (const [ip, pod] of after) if (!before.has(ip)) changes.push({service: key, ip, pod, kind: 'added', at: next.clock});
	}
	return changes;
}
