// `delete pod NAME… | -l SEL`, `delete node NAME…` and `delete svc NAME…`. A deleted pod goes
// Terminating and its controller replaces it with a new pod, new name, new IP (docs/semantics.md
// C1, C4); a deleted Service takes its ClusterIP, node ports and DNS name with it; a deleted
// NetworkPolicy stops judging connections.

import type {Action} from '../../sim/types.js';
import {namedTypes, parseResourceArgs} from '../resources.js';
import {FILENAME_FLAG, fileCommand} from './apply.js';
import {SELECTOR_FLAG, selectorFlag} from './selector-flag.js';
import {actionsCommand, NO_NAME, NO_RESOURCES, usageError, type Verb} from './verb.js';

export const deleteVerb: Verb = {
	name: 'delete',
	usage: 'delete pod NAME... | delete pod -l SELECTOR | delete node NAME... | delete svc|netpol NAME... [-n NS] | delete -f FILE',
	summary: 'Delete pods (their controller makes new ones, with new IPs), nodes, Services or NetworkPolicies',
	flags: [SELECTOR_FLAG, FILENAME_FLAG],
	outputs: ['json'],
	build(ctx) {
		// kubectl delete -f: the file's objects (its Services and NetworkPolicies here).
		if (ctx.flags.filename !== undefined) return fileCommand(deleteVerb, ctx, 'delete');
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		const selector = selectorFlag(ctx.flags);
		if (!selector.ok) return selector;
		const types = namedTypes(parsed);
		if (types.length === 0) return usageError(deleteVerb, NO_RESOURCES);
		const other = types.find(r => r !== 'pods' && r !== 'nodes' && r !== 'services' && r !== 'networkpolicies');
		if (other !== undefined) return usageError(deleteVerb, `only pods, nodes, services and networkpolicies can be deleted here, not ${other}`);
		if (selector.selector !== undefined) {
			if (parsed.targets.length > 0) {
				return {ok: false, error: 'error: name cannot be provided when a selector is specified'};
			}
			if (parsed.type !== 'pods') return usageError(deleteVerb, 'a selector (-l) works for pods only');
			return actionsCommand(ctx, [{type: 'podDeleted', namespace: ctx.namespace, selector: selector.selector}]);
		}
		if (parsed.targets.length === 0) return usageError(deleteVerb, NO_NAME);
		const actions: Action[] = parsed.targets.map(target =>
			target.resource === 'pods'
				? {type: 'podDeleted', namespace: ctx.namespace, name: target.name}
				: target.resource === 'services'
					? {type: 'serviceDeleted', namespace: ctx.namespace, name: target.name}
					: target.resource === 'networkpolicies'
						? {type: 'networkPolicyDeleted', namespace: ctx.namespace, name: target.name}
						: {type: 'nodeDeleted', name: target.name},
		);
		return actionsCommand(ctx, actions);
	},
};
