// `get TYPE [NAME]`: a query for the view layer (kubectl's tables, docs/semantics.md G1-G3).

import {namedTypes, parseResourceArgs} from '../resources.js';
import {SELECTOR_FLAG, selectorFlag} from './selector-flag.js';
import {argumentsAfterFirstName, unexpectedArgument, usageError, type Verb} from './verb.js';

export const get: Verb = {
	name: 'get',
	usage: 'get TYPE [NAME | TYPE/NAME] [-n NS | -A] [-l SELECTOR] [-o wide|json|yaml]',
	summary: 'List services, endpoints, endpointslices, pods, nodes or workloads as kubectl prints them',
	flags: [{name: 'all-namespaces', shorthand: 'A', kind: 'bool'}, SELECTOR_FLAG],
	outputs: ['json', 'wide', 'yaml'],
	build(ctx) {
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		// No arguments: the only way to name no type.
		const [resource] = namedTypes(parsed);
		if (resource === undefined) return usageError(get, 'You must specify the type of resource to get.');
		const selector = selectorFlag(ctx.flags);
		if (!selector.ok) return selector;
		const [extra] = argumentsAfterFirstName(ctx.args, parsed);
		if (extra !== undefined) return unexpectedArgument(get, extra);
		const [target] = parsed.targets;
		const allNamespaces = ctx.flags['all-namespaces'] === true;
		if (target !== undefined && selector.selector !== undefined) {
			return {ok: false, error: 'error: name cannot be provided when a selector is specified'};
		}
		if (target !== undefined && allNamespaces) {
			return {ok: false, error: 'error: a resource cannot be retrieved by name across all namespaces'};
		}
		return {
			ok: true,
			command: {
				kind: 'get',
				resource,
				...(target === undefined ? {} : {name: target.name}),
				namespace: ctx.namespace,
				allNamespaces,
				...(selector.selector === undefined ? {} : {selector: selector.selector}),
				output: ctx.output,
			},
		};
	},
};
