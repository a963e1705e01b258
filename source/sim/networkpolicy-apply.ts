// A NetworkPolicy as loaded and as `kubectl apply` creates or updates it (issue 13's what-if:
// "what would this policy drop?"). Connections are judged by the policies in the table when they
// are made (sim/netpol.ts), so putting the object is the whole change.

import type {Draft} from './draft.js';
import {put} from './draft.js';
import {objectKey} from './keys.js';
import {generateUid} from './names.js';
import {copyTable} from './tables.js';
import type {NetworkPolicy, NetworkPolicyInput} from './types.js';

/** A NetworkPolicy object as the API server stores it; `createdAt` when the file has no time of its own. */
export function networkPolicyObject(d: Draft, input: NetworkPolicyInput, createdAt: number, uid?: string): NetworkPolicy {
	const {meta} = input;
	return {
		name: meta.name,
		namespace: meta.namespace,
		uid: uid ?? meta.uid ?? generateUid(d),
		labels: copyTable(meta.labels),
		annotations: copyTable(meta.annotations),
		createdAt: meta.createdAtSeconds !== undefined ? meta.createdAtSeconds * 1000 : createdAt,
		spec: input.spec,
	};
}

/**
 * Create or update one NetworkPolicy. Every later connection is judged by the policies then in
 * the table (sim/netpol.ts), so nothing else needs telling; an update keeps the object's uid and
 * creation time.
 */
export function applyNetworkPolicy(d: Draft, input: NetworkPolicyInput): 'created' | 'configured' | 'unchanged' {
	const key = objectKey(input.meta.namespace, input.meta.name);
	const live = d.s.networkPolicies[key];
	const next = networkPolicyObject(d, input, live?.createdAt ?? d.s.clock, live?.uid);
	if (live && JSON.stringify([live.spec, live.labels, live.annotations]) === JSON.stringify([next.spec, next.labels, next.annotations])) return 'unchanged';
	put(d, 'networkPolicies', key, live ? {...next, createdAt: live.createdAt} : next);
	return live ? 'configured' : 'created';
}
