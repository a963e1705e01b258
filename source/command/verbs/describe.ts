// `describe svc NAME` (K8S-SEMANTICS G5, S124). Only Services have a describer here.

import {quote} from '../../apimachinery/quote.js';
import {parseResourceArgs} from '../resources.js';
import {unexpectedArgument, usageError, type Verb} from './verb.js';

export const describe: Verb = {
	name: 'describe',
	usage: 'describe svc NAME [-n NS]',
	summary: 'Show one Service in detail: IP, ports, endpoints, session affinity, traffic policy',
	flags: [],
	outputs: ['json'],
	build(ctx) {
		if (ctx.args.length === 0) return usageError(describe, 'You must specify the type of resource to describe.');
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		const resource = parsed.targets[0]?.resource ?? parsed.type!;
		if (resource !== 'services') {
			return usageError(describe, `only services can be described here, not ${quote(ctx.args[0]!.split('/')[0]!)}`);
		}
		if (parsed.targets.length === 0) return usageError(describe, 'describe needs the NAME of a Service');
		if (parsed.targets.length > 1) return unexpectedArgument(describe, parsed.type === null ? ctx.args[1]! : ctx.args[2]!);
		return {
			ok: true,
			command: {kind: 'describe', resource: 'services', name: parsed.targets[0]!.name, namespace: ctx.namespace, output: ctx.output},
		};
	},
};
