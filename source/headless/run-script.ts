// `--script`: one command per line, printed the way kubectl would. The first failing line stops
// the run with exit code 1, naming the script and line.

import {parseCommand} from '../command/index.js';
import {execute} from '../session/execute.js';
import {readFromDisk} from '../session/read-file.js';
import {recordable} from '../session/record-file.js';
import type {Until} from '../session/until.js';
import type {State} from '../sim/index.js';
import {sanitize} from '../view/index.js';

export interface ScriptIO {
	out(line: string): void;
	err(line: string): void;
	/** Raw stdout text (lines end in `\n`): given, a curl's output streams to it batch by batch (session/request-burst.ts). */
	write?(text: string): void;
}

export interface ScriptOptions {
	/** Shown in error messages: the script's path, or `<stdin>`. */
	name: string;
	/** Print each command as `$ command` before its output (for transcripts and teaching). */
	echo?: boolean;
	/** `--record`: takes each line that changed the simulation, as the TUI records them. */
	record?(line: string): void;
	/** `test`: each line that checked an expectation or failed, with what it printed (run-tests.ts). */
	report?(entry: LineReport): void;
	/** `--until`: stop after this line, or once the virtual clock reaches this time (a `wait` that
	 *  crosses it goes exactly there), as a recorded session is replayed to a chosen moment. */
	until?: Until;
}

/** A `wait` cut short so the clock stops at `until.ms`, or null when the line does not cross it. */
function cutWait(state: State, line: string, until: Until | undefined): string | null {
	if (until === undefined || !('ms' in until)) return null;
	const parsed = parseCommand(line);
	const wait = parsed.ok && parsed.command?.kind === 'actions' && parsed.command.actions.length === 1 ? parsed.command.actions[0] : undefined;
	if (wait?.type !== 'clockAdvanced' || state.clock + wait.ms <= until.ms) return null;
	return `wait ${until.ms - state.clock}ms`;
}

/** Whether `--until` has been reached before line `number` (1-based) runs. */
const reached = (state: State, number: number, until: Until | undefined) =>
	until !== undefined && ('line' in until ? number > until.line : state.clock >= until.ms);

export interface LineReport {
	/** 1-based line of the script. */
	number: number;
	line: string;
	/** An expectation held or not; an error is a line that failed (the run stops there). */
	status: 'passed' | 'failed' | 'error';
	/** `expected ok, got refused (…)`, or the error. */
	message?: string;
	/** What the line printed (the trace a failure is about), sanitized. */
	output: string[];
}

/** How many steps `undo` can go back: the states before them share nearly everything (sim/draft.ts copies on write), but a long script should not keep all. */
const HISTORY_MAX = 10_000;

export function runScript(state: State, text: string, io: ScriptIO, options: ScriptOptions): {state: State; exitCode: number} {
	const lines = text.split(/\r?\n/);
	// A trailing newline does not make one more (empty) line.
	if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	// The state before each line that changed the simulation, newest last: what `undo` goes back to.
	const history: Array<{before: State; line: string; number: number}> = [];
	// A failed expectation (`--expect`, `expect`) is said and the script goes on; the exit code tells.
	let expectationsFailed = false;
	for (const [i, whole] of lines.entries()) {
		if (reached(state, i + 1, options.until)) break;
		const line = cutWait(state, whole, options.until) ?? whole;
		const parsed = parseCommand(line);
		if (parsed.ok && parsed.command?.kind === 'undo') {
			if (options.echo) io.out(`$ ${sanitize(line.trim())}`);
			const {count} = parsed.command;
			if (count > history.length) {
				const steps = history.length === 1 ? '1 step' : `${history.length} steps`;
				io.err(`${sanitize(options.name)}:${i + 1}: error: cannot undo ${count}: only ${steps} to go back`);
				return {state, exitCode: 1};
			}
			for (const undone of history.splice(history.length - count).reverse()) {
				io.out(`undone: ${sanitize(undone.line)} (line ${undone.number})`);
				state = undone.before;
			}
			options.record?.(line.trim());
			continue;
		}
		// Blank lines and comments print nothing. A line that fails to parse is echoed too, so the
		// transcript shows what the error is about; the echo goes first, as output may stream.
		if (parsed.ok && parsed.command === null) continue;
		if (options.echo) io.out(`$ ${sanitize(line.trim())}`);
		// A `test` report quotes what each line printed, so only a plain run streams.
		const streams = io.write !== undefined && options.report === undefined ? {write: (text: string) => io.write?.(text)} : {};
		const result = execute(state, line, {...streams, readFile: readFromDisk});
		if (options.record && recordable(state, result)) options.record(line.trim());
		// kubectl prints the API server's warnings as the response arrives, before the output
		// (`Warning: v1 Endpoints is deprecated…` above the table); what streamed is out already.
		if (result.ok) for (const l of result.err) io.err(l);
		for (const l of result.out) io.out(l);
		if (!result.ok) {
			options.report?.({number: i + 1, line: line.trim(), status: 'error', message: result.err.join('\n'), output: result.out});
			const [first = 'error', ...rest] = result.err;
			io.err(`${sanitize(options.name)}:${i + 1}: ${first}`);
			for (const l of rest) io.err(l);
			return {state: result.state, exitCode: 1};
		}
		const checked = result.expectation;
		if (checked) {
			const message = `expected ${sanitize(checked.expected)}, got ${sanitize(checked.got)}`;
			options.report?.({number: i + 1, line: line.trim(), status: checked.passed ? 'passed' : 'failed', message, output: result.out});
		}
		if (checked && !checked.passed) {
			io.err(`${sanitize(options.name)}:${i + 1}: expected ${sanitize(checked.expected)}, got ${sanitize(checked.got)}`);
			expectationsFailed = true;
		}
		if (result.command?.kind === 'actions' && result.state !== state) {
			history.push({before: state, line: line.trim(), number: i + 1});
			if (history.length > HISTORY_MAX) history.shift();
		}
		state = result.state;
	}
	return {state, exitCode: expectationsFailed ? 1 : 0};
}
