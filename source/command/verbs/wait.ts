// `wait DURATION`: moves the virtual clock, so pods start, become Ready, finish terminating
// and affinity pins expire (docs/semantics.md C3, C4, E3).

import {quote} from '../../apimachinery/quote.js';
import {parseDuration} from '../duration.js';
import {actionsCommand, unexpectedArgument, usageError, type Verb} from './verb.js';

export const wait: Verb = {
	name: 'wait',
	usage: 'wait DURATION (e.g. 5s, 2m, 1m30s, 500ms)',
	summary: 'Advance the virtual clock',
	flags: [],
	outputs: ['json'],
	build(ctx) {
		const [duration, extra] = ctx.args;
		if (duration === undefined) return usageError(wait, 'wait needs a DURATION');
		if (extra !== undefined) return unexpectedArgument(wait, extra);
		const ms = parseDuration(duration);
		if (ms === null) return {ok: false, error: `error: invalid duration ${quote(duration)}`};
		return actionsCommand(ctx, [{type: 'clockAdvanced', ms}]);
	},
};
