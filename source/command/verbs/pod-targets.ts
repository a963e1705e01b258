// The `pod NAME…` / `pod/NAME…` arguments of verbs that act on pods only.

import {namedTypes, parseResourceArgs} from '../resources.js';
import type {ParseError} from '../types.js';
import {NO_NAME, NO_RESOURCES, usageError, type Verb} from './verb.js';

/** At least one name, in the order given. */
export function podTargets(verb: Verb, args: readonly string[]): {ok: true; names: [string, ...string[]]} | ParseError {
	const parsed = parseResourceArgs(args);
	if (!parsed.ok) return parsed;
	const types = namedTypes(parsed);
	if (types.length === 0) return usageError(verb, NO_RESOURCES);
	const other = types.find(r => r !== 'pods');
	if (other !== undefined) return usageError(verb, `${verb.name} works on pods only, not ${other}`);
	const [first, ...rest] = parsed.targets;
	if (first === undefined) return usageError(verb, NO_NAME);
	return {ok: true, names: [first.name, ...rest.map(t => t.name)]};
}
