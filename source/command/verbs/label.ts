// `label pod NAME key=value key- [--overwrite]`, checked in kubectl's order: resources
// before pairs, the pairs themselves, then that there are resources and changes, and finally
// the keys as the API server would (docs/semantics.md A12).

import {quote} from '../../apimachinery/quote.js';
import {labelKeyErrors, parseLabelChanges, splitResourcesAndPairs} from '../label-spec.js';
import {podTargets} from './pod-targets.js';
import {actionsCommand, usageError, type Verb} from './verb.js';

export const label: Verb = {
	name: 'label',
	usage: 'label pod NAME KEY=VALUE... KEY-... [--overwrite] [-n NS]',
	summary: "Set or remove a pod's labels, which moves it in or out of Services' selectors",
	flags: [{name: 'overwrite', kind: 'bool'}],
	outputs: ['json'],
	build(ctx) {
		const split = splitResourcesAndPairs(ctx.args, 'label');
		if (!split.ok) return split;
		const changes = parseLabelChanges(split.pairs);
		if (!changes.ok) return changes;
		if (split.resources.length === 0) {
			return usageError(label, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
		}
		if (split.pairs.length === 0) return usageError(label, 'at least one label update is required');
		const pods = podTargets(label, split.resources);
		if (!pods.ok) return pods;
		for (const key of Object.keys(changes.set)) {
			const problems = labelKeyErrors(key);
			if (problems.length > 0) {
				return {
					ok: false,
					error: `The Pod ${quote(pods.names[0])} is invalid: metadata.labels: Invalid value: ${quote(key)}: ${problems[0]}`,
				};
			}
		}
		const overwrite = ctx.flags.overwrite === true;
		return actionsCommand(
			ctx,
			pods.names.map(name => ({
				type: 'podLabeled',
				namespace: ctx.namespace,
				name,
				set: changes.set,
				remove: changes.remove,
				overwrite,
			})),
		);
	},
};
