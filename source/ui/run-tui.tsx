// Start the full-screen TUI, and always give the terminal back: on quit, on signals, and when a
// render throws (the recorded script is kept so the session can be replayed).
import process from 'node:process';
import {render} from 'ink';
import {type RecordFile, recordHeader} from '../session/record-file.js';
import type {Until} from '../session/until.js';
import {watchFiles} from '../session/watch-files.js';
import type {State} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {App} from './app.js';
import {editObject} from './edit-object.js';
import {ErrorBoundary} from './error-boundary.js';
import {initialModel, type Model, recordedScript, reduceModel} from './model.js';
import {loadReplay} from './replay.js';
import {ThemeContext} from './theme.js';

export interface TuiOptions {
	seed: number;
	files: string[];
	/** The header's name for what is open (cli.tsx: a sample, a cluster snapshot); the files' names
	 *  without it. */
	title?: string;
	/** Colour, as cli.tsx chose it from --no-color, FORCE_COLOR, NO_COLOR and TERM (cli/colour.ts). */
	colour?: boolean;
	/** `--record`: opened (and its header written) before the screen is taken. */
	record?: RecordFile;
	/** Load warnings and the skipped line, shown in the request log: written to stderr they would
	 *  land behind the alternate screen. */
	notices?: string[];
	/** The files' "Try:" tour (view/tui/try-text.ts), shown on first open and under `?`. */
	tour?: string[];
	/** `--replay FILE`: the script to run a line per `p`. */
	replay?: {name: string; text: string};
	/** `--watch`: apply a file again when it changes on disk, and show what that changed. */
	watch?: boolean;
	/** `--until` with `--replay`: where the replay stands when the screen opens. */
	until?: Until;
	/** The keys' stream when standard input held the manifests: the terminal itself (cli/keyboard.ts). */
	keyboard?: NodeJS.ReadStream;
}

/** The first model, with the load's notices as its first log entries (in the order they came). */
export function startModel(state: State, notices: ReadonlyArray<string> = [], replay?: {name: string; text: string}, until?: Until): Model {
	const initial = initialModel(state);
	// Replaying, the clock stands still between steps, so each step leaves the state --script
	// leaves after the same lines (space still resumes it, at the cost of that equality).
	let model = replay ? {...initial, paused: true, replay: loadReplay(replay.name, replay.text)} : initial;
	// `--until`: the steps up to that point run before the screen opens, each a moment of the
	// timeline, so `[` scrubs back through the recorded session and `p` goes on from there.
	for (;;) {
		const at = model.replay;
		if (until === undefined || !at || at.failed !== null || at.next >= at.lines.length) break;
		if ('line' in until ? at.next + 1 > until.line : model.sim.clock >= until.ms) break;
		model = reduceModel(model, {type: 'replayStep'});
	}
	if (notices.length === 0) return model;
	return {...model, log: notices.map(text => ({kind: 'message' as const, at: state.clock, text: sanitize(text), error: false}))};
}

/** The whole record of a session, as `--record` leaves it. */
export function scriptText(model: Model, options: Pick<TuiOptions, 'seed' | 'files'>): string {
	return `${[...recordHeader(options.files, options.seed), ...recordedScript(model)].join('\n')}\n`;
}

/** `K8S_SVC_TUI_FAULT=render:N` makes drawing throw after N commands: how the tests check that
 *  a crash restores the terminal and keeps the recorded session. */
function fault(): {faultAfterCommands?: number} {
	const m = /^render:(\d+)$/.exec(process.env.K8S_SVC_TUI_FAULT ?? '');
	return m ? {faultAfterCommands: Number(m[1])} : {};
}

const ALT_SCREEN_ON = '\x1b[?1049h';
const ALT_SCREEN_OFF = '\x1b[?1049l';

export async function runTui(state: State, options: TuiOptions): Promise<number> {
	let latest = startModel(state, options.notices, options.replay, options.until);
	const {record} = options;
	// The record only grows: each new line is appended as it is recorded.
	let written = 0;
	const onModel = (model: Model) => {
		latest = model;
		if (!record || model.record.length === written) return;
		record.append(model.record.slice(written));
		written = model.record.length;
	};
	// The clock time since the last command becomes a last `wait`, however the process ends (a
	// closed terminal exits from cli.tsx's stream handlers, not from here).
	let finished = false;
	const finish = () => {
		if (!record || finished) return;
		finished = true;
		record.append(recordedScript(latest).slice(written));
		record.close();
	};
	process.once('exit', finish);
	let failure: Error | null = null;
	process.stdout.write(ALT_SCREEN_ON);
	const keys = options.keyboard ?? process.stdin;
	// What `e` hands to $EDITOR and takes back (edit-object.ts).
	const terminal = {
		release() {
			if (keys.isTTY) keys.setRawMode(false);
			process.stdout.write(ALT_SCREEN_OFF);
		},
		reclaim() {
			process.stdout.write(ALT_SCREEN_ON);
			if (keys.isTTY) keys.setRawMode(true);
		},
	};
	const title = options.title ?? options.files.map(f => f.split('/').pop()).join(', ');
	const instance = render(
		<ThemeContext.Provider value={{color: options.colour ?? !process.env.NO_COLOR}}>
			<ErrorBoundary
				onError={error => {
					failure = error;
					instance.unmount();
				}}
			>
				<App
					initial={latest}
					title={sanitize(title)}
					realtime
					onModel={onModel}
					tour={options.tour ?? []}
					edit={(model, ref) => editObject(model, ref, terminal)}
					{...(options.watch ? {subscribe: dispatch => watchFiles(options.files, (file, previous) => dispatch({type: 'fileChanged', file, previous}))} : {})}
					{...fault()}
				/>
			</ErrorBoundary>
		</ThemeContext.Provider>,
		// Ink paces frames at 30 a second by default, so a key pressed just after a redraw waited
		// up to 33 ms for its frame; frames cost ~10 ms here, and only keys and the clock ask for them.
		{exitOnCtrlC: false, patchConsole: true, maxFps: 120, stdin: keys},
	);
	const stop = () => instance.unmount();
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.on('SIGHUP', stop);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		failure = error as Error;
	} finally {
		process.off('SIGINT', stop);
		process.off('SIGTERM', stop);
		process.off('SIGHUP', stop);
		process.stdout.write(ALT_SCREEN_OFF);
	}
	finish();
	process.off('exit', finish);
	if (failure) {
		const error = failure as Error;
		process.stderr.write(`k8s-svc-tui: the screen failed to draw: ${sanitize(error.message)}\n`);
		if (record?.failure) process.stderr.write(`error: --record ${sanitize(record.path)}: ${record.failure}; the session is not fully saved\n`);
		else if (record) process.stderr.write(`The session so far is in ${sanitize(record.path)}; replay it with --script to reproduce.\n`);
		return 70;
	}
	// Said now that the terminal is back: behind the alternate screen it would never be seen.
	if (record?.failure) {
		process.stderr.write(`error: --record ${sanitize(record.path)}: ${record.failure}; the session is not fully saved\n`);
		return 1;
	}
	return 0;
}
