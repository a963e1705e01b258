// `--replay FILE`: a recorded (or hand-written) script run inside the TUI one line per key, so a
// learner sees each step land on the panes. Each line goes through the model's `run`, i.e. the
// same execute() as `--script` (headless/run-script.ts), with the clock paused, so the state after
// N steps is the state `--script` leaves after the same lines. As `--script` does, a failing line
// stops the replay; blank and comment lines are skipped.

import {parseCommand} from '../command/index.js';
import {sanitize} from '../view/index.js';

export interface Replay {
	/** The script's path, as given. */
	name: string;
	lines: ReadonlyArray<string>;
	/** Index of the next line that runs something; `lines.length` when done. */
	next: number;
	/** 1-based number of the line that failed: the replay stops there, as `--script` does. */
	failed: number | null;
}

/** Whether a line runs something (not blank, not a comment); a line that does not parse runs, and fails. */
function runs(line: string): boolean {
	const parsed = parseCommand(line);
	return !parsed.ok || parsed.command !== null;
}

function nextFrom(lines: ReadonlyArray<string>, from: number): number {
	let i = from;
	while (i < lines.length && !runs(lines[i] ?? '')) i++;
	return i;
}

export function loadReplay(name: string, text: string): Replay {
	const lines = text.split(/\r?\n/);
	// A trailing newline does not make one more line (as run-script.ts reads it).
	if (lines.at(-1) === '') lines.pop();
	return {name, lines, next: nextFrom(lines, 0), failed: null};
}

/** What replayStep needs of the TUI's model (model.ts imports this file, so not its type). */
interface Replaying {
	replay?: Replay;
	log: ReadonlyArray<{kind: string; error?: boolean}>;
}

/** Run the next line with `run` (the model's own `run`), and move on. */
export function replayStep<M extends Replaying>(model: M, run: (line: string) => M): M {
	const replay = model.replay;
	if (!replay || replay.failed !== null || replay.next >= replay.lines.length) return model;
	const after = run(replay.lines[replay.next] ?? '');
	// A failing line is logged as an error message (model.ts runLine) first thing in the log.
	const [top] = after.log;
	const failed = top !== undefined && top !== model.log[0] && top.kind === 'message' && top.error === true;
	const next = failed ? replay.next : nextFrom(replay.lines, replay.next + 1);
	return {...after, replay: {...replay, next, failed: failed ? replay.next + 1 : null}};
}

/** The replay's line on screen: the line `p` runs next, where it stands, or how it ended. */
export function replayText(replay: Replay): string {
	const name = sanitize(replay.name);
	if (replay.failed !== null) return `replay ${name}: stopped at line ${replay.failed}, which failed (as --script stops)`;
	if (replay.next >= replay.lines.length) return `replay ${name}: done, all ${replay.lines.length} lines run`;
	return `replay ${name} line ${replay.next + 1}/${replay.lines.length} · p runs: ${sanitize((replay.lines[replay.next] ?? '').trim())}`;
}
