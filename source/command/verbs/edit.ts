// `edit svc NAME | svc/NAME [-n NS]`: kubectl edit. In the TUI the object opens in $EDITOR and is
// applied when saved (ui/edit-object.ts); a script has no editor to open, so it gives the edited
// object itself with `-f FILE` and the line is an apply of it.

import {namedTypes, parseResourceArgs} from '../resources.js';
import {FILENAME_FLAG} from './apply.js';
import {NO_NAME, NO_RESOURCES, stringFlag, usageError, type Verb} from './verb.js';

const SINGULAR = {services: 'service', networkpolicies: 'networkpolicy'} as const;

export const edit: Verb = {
	name: 'edit',
	usage: 'edit svc|netpol NAME [-n NS] [-f EDITED_FILE]',
	summary: 'Edit a Service or NetworkPolicy in $EDITOR (the TUI; a script gives the edited file with -f), then apply it',
	flags: [FILENAME_FLAG],
	outputs: [],
	build(ctx) {
		const parsed = parseResourceArgs(ctx.args);
		if (!parsed.ok) return parsed;
		const types = namedTypes(parsed);
		if (types.length === 0) return usageError(edit, NO_RESOURCES);
		const [target, extra] = parsed.targets;
		if (target === undefined) return usageError(edit, NO_NAME);
		if (extra !== undefined) return usageError(edit, 'edit takes one object here');
		if (target.resource !== 'services' && target.resource !== 'networkpolicies') {
			return usageError(edit, `edit changes Services and NetworkPolicies (what apply changes, so far), not ${target.resource}`);
		}
		const file = stringFlag(ctx.flags, 'filename');
		const ref = `${SINGULAR[target.resource]} ${target.name} -n ${ctx.namespace}`;
		return {ok: true, command: {kind: 'edit', ref, ...(file !== undefined && file !== '' ? {file} : {})}};
	},
};
