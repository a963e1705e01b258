// `probe pod NAME fail|pass`: a failing readiness probe takes the pod out of the Service's
// ready endpoints while it keeps running (docs/semantics.md C3, D2).

import {quote} from '../../apimachinery/quote.js';
import {podTargets} from './pod-targets.js';
import {actionsCommand, usageError, type Verb} from './verb.js';

/** The states a readiness probe is set to (its usage line's `fail|pass`; the palette completes them). */
export const PROBE_STATES = ['fail', 'pass'];

export const probe: Verb = {
	name: 'probe',
	usage: 'probe pod NAME fail|pass [-n NS]',
	summary: "Make a pod's readiness probe fail or pass (a failing pod leaves the ready endpoints)",
	flags: [],
	outputs: ['json'],
	build(ctx) {
		const last = ctx.args[ctx.args.length - 1];
		if (last === undefined) return usageError(probe, 'probe needs a pod and fail or pass');
		if (!PROBE_STATES.includes(last)) {
			// `probe pod NAME` and `probe pod/NAME` lack the state; anything else has a wrong one.
			const onlyPod = (ctx.args.length === 2 && !ctx.args.some(a => a.includes('/'))) || (ctx.args.length === 1 && last.includes('/'));
			return usageError(probe, onlyPod ? 'probe needs fail or pass after the pod' : `probe state must be fail or pass, not ${quote(last)}`);
		}
		const pods = podTargets(probe, ctx.args.slice(0, -1));
		if (!pods.ok) return pods;
		return actionsCommand(
			ctx,
			pods.names.map(name => ({type: 'probeSet', namespace: ctx.namespace, name, passing: last === 'pass'})),
		);
	},
};
