// `help [COMMAND]`; `COMMAND -h` and `COMMAND --help` lead here too.

import {quote} from '../../apimachinery/quote.js';
import {unexpectedArgument, type Verb} from './verb.js';

export const help: Verb = {
	name: 'help',
	usage: 'help [COMMAND]',
	summary: 'List the commands, or show how to use one',
	flags: [],
	outputs: ['json'],
	build(ctx) {
		const [topic, extra] = ctx.args;
		if (extra !== undefined) return unexpectedArgument(help, extra);
		const output = ctx.output === 'json' ? {output: ctx.output} : {};
		if (topic === undefined) return {ok: true, command: {kind: 'help', ...output}};
		if (!ctx.commands.includes(topic)) return {ok: false, error: `error: unknown help topic ${quote(topic)}`};
		return {ok: true, command: {kind: 'help', topic, ...output}};
	},
};
