// The `pod NAME…` / `pod/NAME…` arguments of verbs that act on pods only.

import {parseResourceArgs} from '../resources.js';
import type {ParseError} from '../types.js';
import {NO_NAME, NO_RESOURCES, usageError, type Verb} from './verb.js';

export function podTargets(verb: Verb, args: readonly string[]): {ok: true; names: string[]} | ParseError {
	const parsed = parseResourceArgs(args);
	if (!parsed.ok) return parsed;
	if (parsed.type === null && parsed.targets.length === 0) return usageError(verb, NO_RESOURCES);
	const resources = parsed.targets.length > 0 ? parsed.targets.map(t => t.resource) : [parsed.type!];
	const other = resources.find(r => r !== 'pods');
	if (other !== undefined) return usageError(verb, `${verb.name} works on pods only, not ${other}`);
	if (parsed.targets.length === 0) return usageError(verb, NO_NAME);
	return {ok: true, names: parsed.targets.map(t => t.name)};
}
