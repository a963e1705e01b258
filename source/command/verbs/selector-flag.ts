// `-l` is checked while parsing so a typo fails before anything runs; the simulator gets the
// text as typed (docs/semantics.md D1 for what it selects).

import {parseSelector} from '../../sim/labels.js';
import type {FlagValues} from '../flags.js';
import type {ParseError} from '../types.js';
import {stringFlag} from './verb.js';

/** `selector: undefined` when no `-l` was given, or an empty one (kubectl ignores it). */
export function selectorFlag(flags: FlagValues): {ok: true; selector: string | undefined} | ParseError {
	const text = stringFlag(flags, 'selector');
	if (text === undefined || text.trim() === '') return {ok: true, selector: undefined};
	const parsed = parseSelector(text);
	if (!parsed.ok) return {ok: false, error: `error: ${parsed.error}`};
	return {ok: true, selector: text};
}

export const SELECTOR_FLAG = {name: 'selector', shorthand: 'l', kind: 'string'} as const;
