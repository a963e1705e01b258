// `scale rc|rs|deploy|sts NAME --replicas=N`. `--replicas` is a required flag in kubectl, so
// cobra reports it missing before looking at the arguments.

import type {Action, ResourceName, WorkloadKind} from '../../sim/types.js';
import {parseResourceArgs} from '../resources.js';
import {actionsCommand, NO_NAME, NO_RESOURCES, usageError, type Verb} from './verb.js';

const WORKLOAD_KINDS: Partial<Record<ResourceName, WorkloadKind>> = {
	replicationcontrollers: 'ReplicationController',
	replicasets: 'ReplicaSet',
	deployments: 'Deployment',
	statefulsets: 'StatefulSet',
};

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
		if (parsed.type === null && parsed.targets.length === 0) return usageError(scale, NO_RESOURCES);
		const resources = parsed.targets.length > 0 ? parsed.targets.map(t => t.resource) : [parsed.type!];
		const unscalable = resources.find(r => WORKLOAD_KINDS[r] === undefined);
		if (unscalable !== undefined) {
			return usageError(scale, `${unscalable} cannot be scaled; only rc, rs, deploy and sts have replicas`);
		}
		if (parsed.targets.length === 0) return usageError(scale, NO_NAME);
		const actions: Action[] = parsed.targets.map(target => ({
			type: 'replicasScaled',
			kind: WORKLOAD_KINDS[target.resource]!,
			namespace: ctx.namespace,
			name: target.name,
			replicas,
		}));
		return actionsCommand(ctx, actions);
	},
};
