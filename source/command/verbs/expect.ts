// `expect ep SVC ready=N [-n NS]`: a routing test's check on a Service's endpoints (issue 13).
// Requests and lookups state theirs with `--expect` (curl.ts, nslookup.ts); this covers what no
// request shows by itself: how many endpoints are ready right now.

import {endpointsExpectation} from '../expect-spec.js';
import {resolveResourceType} from '../resources.js';
import {unexpectedArgument, usageError, type Verb} from './verb.js';

export const expect: Verb = {
	name: 'expect',
	usage: 'expect ep SVC ready=N [-n NS]',
	summary: 'Check that a Service has N ready endpoints (a failed check prints FILE:LINE and makes --script exit 1)',
	flags: [],
	outputs: [],
	build(ctx) {
		const [type, name, condition, extra] = ctx.args;
		if (type === undefined || name === undefined || condition === undefined) return usageError(expect, 'expect needs ep, a Service name and ready=N');
		if (extra !== undefined) return unexpectedArgument(expect, extra);
		if (resolveResourceType(type) !== 'endpoints') return usageError(expect, `expect checks endpoints (ep), not ${type}`);
		const parsed = endpointsExpectation(condition);
		if (!parsed.ok) return parsed;
		return {ok: true, command: {kind: 'expect', service: name, namespace: ctx.namespace, expect: parsed.expect}};
	},
};
