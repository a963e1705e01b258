// Every command word in one table: `help` prints it and the palette completes from it
// (docs/conventions.md: bindings and help read the same table).

import {COMMON_FLAGS, type FlagSpec} from './flags.js';
import {apply, create} from './verbs/apply.js';
import {crash} from './verbs/crash.js';
import {curl} from './verbs/curl.js';
import {deleteVerb} from './verbs/delete.js';
import {describe} from './verbs/describe.js';
import {edit} from './verbs/edit.js';
import {expect} from './verbs/expect.js';
import {get} from './verbs/get.js';
import {help} from './verbs/help.js';
import {label} from './verbs/label.js';
import {nslookup} from './verbs/nslookup.js';
import {probe} from './verbs/probe.js';
import {scale} from './verbs/scale.js';
import {undo} from './verbs/undo.js';
import type {Verb} from './verbs/verb.js';
import {wait} from './verbs/wait.js';

export const VERBS: ReadonlyArray<Verb> = [
	get,
	describe,
	apply,
	create,
	edit,
	deleteVerb,
	crash,
	scale,
	label,
	probe,
	curl,
	nslookup,
	wait,
	expect,
	undo,
	help,
];

export const COMMANDS: ReadonlyArray<{name: string; usage: string; summary: string}> = VERBS.map(({name, usage, summary}) => ({name, usage, summary}));

/** Every flag a command accepts, common ones included (for completion). */
export function commandFlags(command: string): ReadonlyArray<FlagSpec> {
	const verb = VERBS.find(v => v.name === command);
	return verb === undefined ? [] : [...COMMON_FLAGS, ...verb.flags];
}
