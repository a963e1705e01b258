// `crash pod NAME`: the container restarts; the pod, its name and its IP stay
// (docs/semantics.md C1, H1), unlike `delete pod`.

import {podTargets} from './pod-targets.js';
import {actionsCommand, type Verb} from './verb.js';

export const crash: Verb = {
	name: 'crash',
	usage: 'crash pod NAME... [-n NS]',
	summary: "Crash a pod's containers: it restarts with the same name and the same IP",
	flags: [],
	outputs: ['json'],
	build(ctx) {
		const pods = podTargets(crash, ctx.args);
		if (!pods.ok) return pods;
		return actionsCommand(
			ctx,
			pods.names.map(name => ({type: 'podCrashed', namespace: ctx.namespace, name})),
		);
	},
};
