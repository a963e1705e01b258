// `describe svc NAME` (docs/semantics.md G5, S124). Only Services have a describer here.

import {quote} from '../../apimachinery/quote.js';
import {namedTypes, parseResourceArgs} from '../resources.js';
import {argumentsAfterFirstName, unexpectedArgument, usageError, type Verb} from './verb.js';

export const describe: Verb = {
	name: 'describe',
	usage: 'describe svc NAME [-n NS]',
	summary: 'Show one Service in detail: IP, ports, endpoints, session affinity, traffic policy',
	flags: [],
	outputs: ['json'],
	build(ctx) {
		const [first] = ctx.args;
		if (first === undefined) return usageError(describe, 'You must specify the type of resource to describe.');
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		const [resource] = namedTypes(parsed);
		if (resource !== 'services') {
			const [typeWord = first] = first.split('/');
			return usageError(describe, `only services can be described here, not ${quote(typeWord)}`);
		}
		const [target] = parsed.targets;
		if (target === undefined) return usageError(describe, 'describe needs the NAME of a Service');
		const [extra] = argumentsAfterFirstName(ctx.args, parsed);
		if (extra !== undefined) return unexpectedArgument(describe, extra);
		return {
			ok: true,
			command: {kind: 'describe', resource: 'services', name: target.name, namespace: ctx.namespace, output: ctx.output},
		};
	},
};
