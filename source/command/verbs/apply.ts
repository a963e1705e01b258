// `apply -f FILE` and `create -f FILE`: change a running cluster as kubectl changes a real one,
// then see which requests change outcome (issue 13, the what-if loop). The grammar reads the
// file's name only; the session reads it (session/apply.ts), so a command line stays a pure value.

import type {ParseResult} from '../types.js';
import {stringFlag, unexpectedArgument, usageError, type Verb, type VerbContext} from './verb.js';

export const FILENAME_FLAG = {name: 'filename', shorthand: 'f', kind: 'string'} as const;

/** `-f FILE` as the command's one argument, each object to its own namespace. */
export function fileCommand(verb: Pick<Verb, 'usage'>, ctx: VerbContext, kind?: 'create' | 'delete'): ParseResult {
	const [extra] = ctx.args;
	if (extra !== undefined) return unexpectedArgument(verb, extra);
	const file = stringFlag(ctx.flags, 'filename');
	if (file === undefined || file === '') return usageError(verb, 'must specify --filename (-f)');
	// Each object goes to its own metadata.namespace (else default), as written in the file.
	if (stringFlag(ctx.flags, 'namespace') !== undefined)
		return usageError(verb, "-n is not taken with -f: each object goes to its file's metadata.namespace, else default");
	return {ok: true, command: {kind: 'apply', file, ...(kind ? {verb: kind} : {})}};
}

export const create: Verb = {
	name: 'create',
	usage: 'create -f FILE',
	summary: "Create the file's Services and NetworkPolicies (an existing one is refused), and show which requests change outcome",
	flags: [FILENAME_FLAG],
	outputs: [],
	build: ctx => fileCommand(create, ctx, 'create'),
};

export const apply: Verb = {
	name: 'apply',
	usage: 'apply -f FILE',
	summary: "Create or update the file's Services and NetworkPolicies in the running cluster, and show which requests change outcome",
	flags: [FILENAME_FLAG],
	outputs: [],
	build: ctx => fileCommand(apply, ctx),
};
