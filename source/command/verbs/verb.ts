// The shape of one command word: its help line, its flags, the `-o` values it takes, and
// the function that turns its parsed arguments into a Command.

import {quote} from '../../apimachinery/quote.js';
import type {Action} from '../../sim/types.js';
import type {Expectation} from '../expect-spec.js';
import type {FlagSpec, FlagValues} from '../flags.js';
import type {OutputFormat, ParseError, ParseResult} from '../types.js';

export interface VerbContext {
	/** Positional arguments after the verb. */
	args: string[];
	flags: FlagValues;
	/** `-n`, else `default`. */
	namespace: string;
	output: OutputFormat;
	/** Every command name (for `help TOPIC`). */
	commands: readonly string[];
}

export interface Verb {
	name: string;
	usage: string;
	summary: string;
	/** Flags beyond the common `-n`, `-o`, `-h`. */
	flags: ReadonlyArray<FlagSpec>;
	/** `-o` values accepted besides the default text, sorted as kubectl lists them. */
	outputs: ReadonlyArray<OutputFormat>;
	/** Turns habits from other tools into our flags before parsing (nslookup's `-type=SRV`). */
	rewrite?: (tokens: string[]) => string[];
	build(ctx: VerbContext): ParseResult;
}

/** A missing or extra argument: kubectl's message where it has one, then the usage line. */
export function usageError(verb: Pick<Verb, 'usage'>, message: string): ParseError {
	return {ok: false, error: `error: ${message.replace(/\.$/, '')}. Usage: ${verb.usage}`};
}

export function unexpectedArgument(verb: Pick<Verb, 'usage'>, arg: string): ParseError {
	return usageError(verb, `unexpected argument ${quote(arg)}`);
}

export function actionsCommand(ctx: VerbContext, actions: Action[], extra: {summaryOnly?: boolean; verbose?: boolean; expect?: Expectation} = {}): ParseResult {
	return {ok: true, command: {kind: 'actions', actions, output: ctx.output, ...extra}};
}

/** A string flag's value, if given. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

export const NO_NAME = 'resource(s) were provided, but no name was specified';
export const NO_RESOURCES = 'You must provide one or more resources by argument or filename.';
