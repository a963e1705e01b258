// `label pod|node NAME key=value key- [--overwrite]`, checked in kubectl's order: resources
// before pairs, the pairs themselves, then that there are resources and changes, and finally
// the keys as the API server would (docs/semantics.md A12).

import {quote} from '../../apimachinery/quote.js';
import {labelKeyErrors, parseLabelChanges, splitResourcesAndPairs} from '../label-spec.js';
import {namedTypes, parseResourceArgs} from '../resources.js';
import {podTargets} from './pod-targets.js';
import {actionsCommand, usageError, type Verb} from './verb.js';

/** `node NAME…` / `node/NAME…` (every target a node), or undefined: the pod targets then say what is wrong. */
function nodeTargets(resources: readonly string[]): string[] | undefined {
	const parsed = parseResourceArgs(resources);
	if (!parsed.ok) return undefined;
	const types = namedTypes(parsed);
	if (types.length === 0 || types.some(t => t !== 'nodes') || parsed.targets.length === 0) return undefined;
	return parsed.targets.map(t => t.name);
}

export const label: Verb = {
	name: 'label',
	usage: 'label pod|node NAME KEY=VALUE... KEY-... [--overwrite] [-n NS]',
	summary: "Set or remove a pod's labels (in or out of Services' selectors) or a node's (which pods it may run)",
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
		const overwrite = ctx.flags.overwrite === true;
		const nodes = nodeTargets(split.resources);
		if (nodes !== undefined) {
			for (const key of Object.keys(changes.set)) {
				const problems = labelKeyErrors(key);
				if (problems.length > 0)
					return {ok: false, error: `The Node ${quote(nodes[0] ?? '')} is invalid: metadata.labels: Invalid value: ${quote(key)}: ${problems[0]}`};
			}
			// Nodes are cluster-scoped: -n does not apply to them.
			return actionsCommand(
				ctx,
				nodes.map(name => ({type: 'nodeLabeled', name, set: changes.set, remove: changes.remove, overwrite})),
			);
		}
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
