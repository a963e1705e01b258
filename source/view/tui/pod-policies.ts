// The NetworkPolicies that isolate a pod, for the line above the Pods pane (issue 14: the TUI
// shows the policies that select the focused pod). The verdict of each request is in its trace.

import {selectingPolicies} from '../../sim/netpol.js';
import type {Pod, State} from '../../sim/types.js';
import {sanitize} from '../sanitize.js';

/** `NetworkPolicy ingress: api-80` and `egress: not isolated` (a line each), or null in a cluster with no policies. */
export function podPolicyLines(state: State, pod: Pod): string[] | null {
	if (Object.keys(state.networkPolicies).length === 0) return null;
	const named = (direction: 'ingress' | 'egress') => {
		// A policy selects pods of its own namespace only: the pod's, so the names go without it.
		const policies = selectingPolicies(state, pod, direction).map(np => sanitize(np.name));
		return `${direction === 'ingress' ? 'NetworkPolicy ingress' : 'egress'}: ${policies.length === 0 ? 'not isolated (all allowed)' : policies.join(', ')}`;
	};
	return [named('ingress'), named('egress')];
}
