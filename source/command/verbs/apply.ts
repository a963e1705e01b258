// `apply -f FILE`: change a running cluster as kubectl apply changes a real one, then see which
// requests change outcome (issue 13, the what-if loop). The grammar reads the file's name only; the
// session reads it (session/apply.ts), so a command line stays a pure value.

import {stringFlag, unexpectedArgument, usageError, type Verb} from './verb.js';

export const apply: Verb = {
	name: 'apply',
	usage: 'apply -f FILE',
	summary: "Create or update the file's Services and NetworkPolicies in the running cluster, and show which requests change outcome",
	flags: [{name: 'filename', shorthand: 'f', kind: 'string'}],
	outputs: [],
	build(ctx) {
		const [extra] = ctx.args;
		if (extra !== undefined) return unexpectedArgument(apply, extra);
		const file = stringFlag(ctx.flags, 'filename');
		if (file === undefined || file === '') return usageError(apply, 'must specify --filename (-f)');
		// Each object goes to its own metadata.namespace (else default), as written in the file.
		if (stringFlag(ctx.flags, 'namespace') !== undefined)
			return usageError(apply, "-n is not taken: each object goes to its file's metadata.namespace, else default");
		return {ok: true, command: {kind: 'apply', file}};
	},
};
