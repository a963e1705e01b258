// `describe TYPE [NAME_PREFIX…] | TYPE/NAME… [-n NS | -A] [-l SELECTOR]` as kubectl's describe
// command reads its arguments (kubernetes/kubectl pkg/cmd/describe/describe.go, cli-runtime's
// resource builder for the errors). Every kind we hold but Event has a describer.

import type {ResourceName} from '../../kinds/registry.js';
import {namedTypes, parseResourceArgs} from '../resources.js';
import type {DescribableResource} from '../types.js';
import {SELECTOR_FLAG, selectorFlag} from './selector-flag.js';
import {usageError, type Verb} from './verb.js';

function describable(resource: ResourceName): resource is DescribableResource {
	return resource !== 'events';
}

export const describe: Verb = {
	name: 'describe',
	usage: 'describe TYPE [NAME_PREFIX ...] | TYPE/NAME ... [-n NS | -A] [-l SELECTOR]',
	summary: 'Show objects in detail as kubectl describe prints them: pods, nodes, services, endpoints, slices, workloads, namespaces',
	flags: [{name: 'all-namespaces', shorthand: 'A', kind: 'bool'}, SELECTOR_FLAG],
	outputs: ['json'],
	build(ctx) {
		if (ctx.args.length === 0) return usageError(describe, 'You must specify the type of resource to describe.');
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		for (const resource of namedTypes(parsed)) {
			if (!describable(resource)) return {ok: false, error: 'error: events have no describer here; list them with: get events'};
		}
		const selector = selectorFlag(ctx.flags);
		if (!selector.ok) return selector;
		const allNamespaces = ctx.flags['all-namespaces'] === true;
		const targets = parsed.targets.flatMap(t => (describable(t.resource) ? [{resource: t.resource, name: t.name}] : []));
		if (targets.length > 0 && selector.selector !== undefined) {
			return {ok: false, error: 'error: name cannot be provided when a selector is specified'};
		}
		if (targets.length > 0 && allNamespaces) {
			return {ok: false, error: 'error: a resource cannot be retrieved by name across all namespaces'};
		}
		const type = parsed.type !== null && describable(parsed.type) ? parsed.type : undefined;
		return {
			ok: true,
			command: {
				kind: 'describe',
				targets,
				...(type === undefined ? {} : {resource: type}),
				prefixMatch: type !== undefined && ctx.args.length === 2,
				namespace: ctx.namespace,
				allNamespaces,
				...(selector.selector === undefined ? {} : {selector: selector.selector}),
				output: ctx.output,
			},
		};
	},
};
