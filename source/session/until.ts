// `--until LINE|TIME`: the point a recorded session is replayed to, headless (`--script`) or in the
// TUI (`--replay`): after a line of the script, or once the virtual clock reaches a time.

import {parseDuration} from '../command/duration.js';

export type Until = {line: number} | {ms: number};

/** `12` is a line, `1m30s` a time on the virtual clock; anything else is null. */
export function parseUntil(text: string): Until | null {
	if (/^[0-9]{1,9}$/.test(text)) return Number(text) >= 1 ? {line: Number(text)} : null;
	const ms = parseDuration(text);
	return ms === null ? null : {ms};
}
