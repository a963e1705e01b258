// What a command line is about to cost, said before it runs. A step is synchronous: scaling to
// 100,000 replicas holds the process for seconds, and the TUI would sit on its last frame with
// no word (issue 10). The TUI shows this line first, then runs the command.

import {parseCommand} from '../command/index.js';
import {scaledObject} from '../command/verbs/scale.js';
import {getRow, type State, workloadKey} from '../sim/index.js';

/** Pods created or deleted in one step from which the wait is worth a word. */
const HEAVY_PODS = 2000;
/** Requests in one step from which the wait is worth a word. */
const HEAVY_REQUESTS = 100_000;

const count = (n: number) => n.toLocaleString('en-US');

/** What the line will keep busy ("scaling deployment/web to 100,000 replicas: 99,997 pods to
 *  create…"), or null for a line that answers at once or does not parse. */
export function workAhead(state: State, line: string): string | null {
	const parsed = parseCommand(line);
	if (!parsed.ok || parsed.command?.kind !== 'actions') return null;
	const busy: string[] = [];
	for (const action of parsed.command.actions) {
		if (action.type === 'replicasScaled') {
			const now = getRow(state.workloads, workloadKey(action.kind, action.namespace, action.name))?.replicas;
			if (now === undefined) continue;
			const change = action.replicas - now;
			if (Math.abs(change) < HEAVY_PODS) continue;
			busy.push(
				`scaling ${scaledObject(action.kind, action.name)} to ${count(action.replicas)} replicas: ${count(Math.abs(change))} pods to ${change > 0 ? 'create' : 'delete'}`,
			);
		} else if (action.type === 'requestSent' && action.count >= HEAVY_REQUESTS) {
			busy.push(`sending ${count(action.count)} requests to ${action.target}`);
		}
	}
	return busy.length === 0 ? null : `${busy.join('; ')}…`;
}
