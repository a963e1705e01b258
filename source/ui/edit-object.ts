// `e`, kubectl edit's loop in the TUI: the object's YAML (as `get -o yaml` prints it) in a file,
// $KUBE_EDITOR or $EDITOR on it (vi without either, as kubectl), then the saved file applied as
// `apply -f` would. The terminal goes to the editor meanwhile: raw mode off, off the alternate
// screen, and both back after, so Ink's next frame draws the whole screen again.

import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {shellWord} from '../command/shell-word.js';
import {execute} from '../session/execute.js';
import type {Model, ModelAction} from './model.js';

const HEADER = '# k8s-svc-tui: save to apply this to the simulation; leave it unchanged (or empty it) to change nothing.\n';

export interface Terminal {
	/** Hand the terminal over: raw mode off, the main screen back. */
	release(): void;
	/** Take it back after the editor: raw mode on, the alternate screen again. */
	reclaim(): void;
}

export function editObject(model: Model, ref: string, terminal: Terminal, env: NodeJS.ProcessEnv = process.env): ModelAction {
	const shown = execute(model.sim, `get ${ref} -o yaml`);
	if (!shown.ok) return {type: 'status', text: shown.err.join(' '), error: true};
	const [kind = 'object', name = 'object'] = ref.split(' ');
	// Kept after the session: a --record that applied it can be replayed.
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-svc-tui-edit-'));
	const file = path.join(folder, `${kind}-${name}.yaml`);
	const original = `${HEADER}${shown.out.join('\n')}\n`;
	fs.writeFileSync(file, original);
	const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
	terminal.release();
	let ran: ReturnType<typeof spawnSync>;
	try {
		// kubectl runs the editor through the shell, so EDITOR may carry arguments (`code --wait`).
		ran = spawnSync(`${editor} ${shellWord(file)}`, {shell: true, stdio: 'inherit'});
	} finally {
		terminal.reclaim();
	}
	if (ran.error || ran.status !== 0) {
		return {type: 'status', text: `error: there was a problem with the editor "${editor}"${ran.error ? `: ${ran.error.message}` : ''}`, error: true};
	}
	const saved = fs.readFileSync(file, 'utf8');
	const body = saved
		.split('\n')
		.filter(line => !line.startsWith('#'))
		.join('\n')
		.trim();
	// kubectl edit's words when nothing changed, or the file was emptied.
	if (saved === original || body === '') return {type: 'status', text: 'Edit cancelled, no changes made.', error: false};
	return {type: 'run', line: `apply -f ${shellWord(file)}`, show: true};
}
