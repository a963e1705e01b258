// Table-test macros for the command grammar: a line parses to exactly this, or fails with
// exactly this message.

import test from 'ava';
import {parseCommand} from '../../source/command/parse-command.js';
import type {Command} from '../../source/command/types.js';

export const parses = test.macro({
	exec(t, line: string, expected: Command | null) {
		t.deepEqual(parseCommand(line), {ok: true, command: expected});
	},
	title: (provided, line) => provided ?? `parses ${JSON.stringify(line)}`,
});

export const fails = test.macro({
	exec(t, line: string, error: string) {
		t.deepEqual(parseCommand(line), {ok: false, error});
	},
	title: (provided, line) => provided ?? `rejects ${JSON.stringify(line)}`,
});

/** The one Command of an `actions` result, for lines whose output/extra fields are default. */
export const actions = (...list: Extract<Command, {kind: 'actions'}>['actions']): Command => ({
	kind: 'actions',
	actions: list,
	output: 'text',
});
