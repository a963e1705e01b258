// `curl TARGET`: requests through DNS, the Service VIP / node port / LB IP and kube-proxy to an
// endpoint (docs/semantics.md E, F). The target stays as typed; the simulator reads it.

import type {Action} from '../../sim/index.js';
import {parseClientSpec, withVia} from '../client-spec.js';
import {curlExpectation} from '../expect-spec.js';
import {actionsCommand, stringFlag, unexpectedArgument, usageError, type Verb} from './verb.js';

const MAX_COUNT = 1_000_000;

export const curl: Verb = {
	name: 'curl',
	usage:
		'curl TARGET [--from pod/NAME|node/NAME|external|CLIENT] [--via node/NAME] [--udp|--sctp] [--count N] [--summary] [-v] [--expect ok|refused|timeout|nxdomain|pod=SELECTOR] [-n NS]',
	summary: 'Send requests to a Service name, name:port, IP:port or URL and trace where each one lands',
	flags: [
		{name: 'from', kind: 'string'},
		{name: 'via', kind: 'string'},
		{name: 'count', kind: 'int'},
		// curl itself is TCP only; these reach a Service's UDP or SCTP port the way `nc -u` would.
		{name: 'udp', kind: 'bool'},
		{name: 'sctp', kind: 'bool'},
		{name: 'summary', kind: 'bool'},
		{name: 'verbose', shorthand: 'v', kind: 'bool'},
		{name: 'expect', kind: 'string'},
	],
	outputs: ['json'],
	build(ctx) {
		const [target, extra] = ctx.args;
		if (target === undefined) return usageError(curl, 'curl needs a TARGET');
		if (extra !== undefined) return unexpectedArgument(curl, extra);
		if (target === '') return usageError(curl, 'the TARGET may not be empty');
		const client = parseClientSpec(stringFlag(ctx.flags, 'from'), ctx.namespace);
		if (!client.ok) return client;
		const from = withVia(client.from, stringFlag(ctx.flags, 'via'));
		if (!from.ok) return from;
		const count = ctx.flags.count ?? 1;
		if (typeof count !== 'number' || count < 1 || count > MAX_COUNT) {
			return {ok: false, error: `error: --count must be between 1 and ${MAX_COUNT}, not ${String(count)}`};
		}
		const expectText = stringFlag(ctx.flags, 'expect');
		const expected = expectText === undefined ? undefined : curlExpectation(expectText);
		if (expected !== undefined && !expected.ok) return expected;
		if (ctx.flags.udp === true && ctx.flags.sctp === true) return usageError(curl, '--udp and --sctp cannot be used together');
		const protocol = ctx.flags.udp === true ? 'UDP' : ctx.flags.sctp === true ? 'SCTP' : undefined;
		const action: Action = {type: 'requestSent', target, from: from.from, count, ...(protocol ? {protocol} : {})};
		return actionsCommand(ctx, [action], {
			...(ctx.flags.summary === true ? {summaryOnly: true} : {}),
			...(ctx.flags.verbose === true ? {verbose: true} : {}),
			...(expected !== undefined ? {expect: expected.expect} : {}),
		});
	},
};
