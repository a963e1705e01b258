// `undo [N]`: back through the session's history (issue 13, time travel). The grammar only reads
// the count; the history lives with whoever runs the session (headless/run-script.ts keeps the
// states a script passed through, the TUI its timeline, ui/timeline.ts), since a command line alone
// has no past to go back to.

import {quote} from '../../apimachinery/quote.js';
import {unexpectedArgument, type Verb} from './verb.js';

/** More steps back than any session keeps is a typo, not a wish. */
const MAX_STEPS = 100_000;

export const undo: Verb = {
	name: 'undo',
	usage: 'undo [N]',
	summary: 'Go back to the state before the last N commands that changed the simulation (default 1)',
	flags: [],
	outputs: [],
	build(ctx) {
		const [count, extra] = ctx.args;
		if (extra !== undefined) return unexpectedArgument(undo, extra);
		if (count === undefined) return {ok: true, command: {kind: 'undo', count: 1}};
		const n = /^[0-9]{1,6}$/.test(count) ? Number(count) : Number.NaN;
		if (!(n >= 1 && n <= MAX_STEPS)) return {ok: false, error: `error: invalid count ${quote(count)}: undo takes a number of steps from 1 to ${MAX_STEPS}`};
		return {ok: true, command: {kind: 'undo', count: n}};
	},
};
