// `wait DURATION`: moves the virtual clock, so pods start, become Ready, finish terminating
// and affinity pins expire (K8S-SEMANTICS C3, C4, E3).

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
		if (ctx.args.length === 0) return usageError(wait, 'wait needs a DURATION');
		if (ctx.args.length > 1) return unexpectedArgument(wait, ctx.args[1]!);
		const ms = parseDuration(ctx.args[0]!);
		if (ms === null) return {ok: false, error: `error: invalid duration ${quote(ctx.args[0]!)}`};
		return actionsCommand(ctx, [{type: 'clockAdvanced', ms}]);
	},
};
