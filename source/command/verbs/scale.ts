// `scale rc|rs|deploy|sts NAME --replicas=N`. `--replicas` is a required flag in kubectl, so
// cobra reports it missing before looking at the arguments.

import {kindByResource, qualifiedResource, qualifiedSingular, type ResourceName, workloadKind} from '../../kinds/registry.js';
import type {Action, StepResult, WorkloadKind} from '../../sim/types.js';
import {namedTypes, parseResourceArgs} from '../resources.js';
import type {ParseError} from '../types.js';
import {actionsCommand, NO_NAME, NO_RESOURCES, usageError, type Verb} from './verb.js';

function cannotScale(resource: ResourceName): ParseError {
	return usageError(scale, `${resource} cannot be scaled; only rc, rs, deploy and sts have replicas`);
}

export const scale: Verb = {
	name: 'scale',
	usage: 'scale rc|rs|deploy|sts NAME --replicas=N [-n NS]',
	summary: 'Set the number of replicas of a ReplicationController, ReplicaSet, Deployment or StatefulSet',
	flags: [{name: 'replicas', kind: 'int'}],
	outputs: ['json'],
	build(ctx) {
		const replicas = ctx.flags.replicas;
		if (typeof replicas !== 'number') return {ok: false, error: 'error: required flag(s) "replicas" not set'};
		if (replicas < 0) {
			return {ok: false, error: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'};
		}
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		const types = namedTypes(parsed);
		if (types.length === 0) return usageError(scale, NO_RESOURCES);
		const unscalable = types.find(r => !kindByResource(r).scalable);
		if (unscalable !== undefined) return cannotScale(unscalable);
		if (parsed.targets.length === 0) return usageError(scale, NO_NAME);
		const actions: Action[] = [];
		for (const target of parsed.targets) {
			const k = kindByResource(target.resource);
			if (!k.scalable) return cannotScale(target.resource);
			actions.push({type: 'replicasScaled', kind: k.kind, namespace: ctx.namespace, name: target.name, replicas});
		}
		return actionsCommand(ctx, actions);
	},
};

/** A step result with nothing left for the kinds to word. */
export type WordedResult = Exclude<StepResult, {kind: 'scaled' | 'workloadNotFound' | 'applied' | 'invalid'}>;

/** The object a scale acts on, as kubectl's printer names it: `deployment.apps/web`. */
export const scaledObject = (kind: WorkloadKind, name: string): string => `${qualifiedSingular(workloadKind(kind))}/${name}`;

/**
 * A scale result in kubectl's words: `deployment.apps/web scaled` (the singular with its group, as
 * kubectl's printer names the object it acted on) and the API server's NotFound, which names the
 * resource with its group (`deployments.apps "web" not found`). Every other result passes through.
 */
export function scaleResultText(result: StepResult): WordedResult {
	switch (result.kind) {
		case 'scaled':
			return {kind: 'message', lines: [`${scaledObject(result.workload, result.name)} scaled`]};
		case 'workloadNotFound':
			return {kind: 'error', message: `Error from server (NotFound): ${qualifiedResource(workloadKind(result.workload))} "${result.name}" not found`};
		// apply's own answers (session/apply.ts words them with the file's positions); as a bare
		// action, kubectl's words without them.
		case 'applied':
			return {kind: 'message', lines: [`${result.resource}/${result.name} ${result.verb}`]};
		case 'invalid':
			return {
				kind: 'error',
				message: result.errors.map(e => (e.plain ? e.detail : `The ${e.kind} "${e.name}" is invalid: ${e.field}: ${e.detail}`)).join('\n'),
			};
		default:
			return result;
	}
}
