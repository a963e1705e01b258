/** @jsxRuntime automatic */
// Render the TUI the way `cli.tsx` starts it (readSources → loadSources → initialState with seed
// 1 → initialModel), with colour off, a fixed size and the clock moving only on `.` (wait 1s),
// so the same keys always give the same screens.

import {render} from 'ink-testing-library';
import {Profiler} from 'react';
import {readSources} from '../../source/load/index.js';
import {boot} from '../../source/session/boot.js';
import type {State} from '../../source/sim/index.js';
import {App} from '../../source/ui/app.js';
import {initialModel, type Model} from '../../source/ui/model.js';
import {ThemeContext} from '../../source/ui/theme.js';
import {ROOT} from '../root.js';

/** A settled cluster from files under the project root, loaded exactly as the CLI loads them. */
export function loadState(...files: string[]): State {
	const read = readSources(
		files.map(f => `${ROOT}${f}`),
		() => '',
	);
	const booted = boot(read.files, {readErrors: read.errors});
	if (!booted.ok) throw new Error(JSON.stringify(booted.errors));
	return booted.state;
}

export const KEYS = {
	enter: '\r',
	esc: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	tab: '\t',
	backspace: '\u007F',
} as const;

export interface Screen {
	/** The latest frame. */
	frame(): string;
	/** Type keys one write at a time (each is one key press), waiting for the screen after each. */
	press(...keys: string[]): Promise<string>;
	/** The model as the App last reported it. */
	model(): Model;
	/** Every model the App reported, oldest first (what happened between two settled screens). */
	models(): ReadonlyArray<Model>;
	/** Every frame drawn, oldest first. */
	frames(): ReadonlyArray<string>;
	/** Write a key without waiting for the screen (to act inside a moment the App gives itself). */
	write(key: string): void;
	unmount(): void;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const nextTurn = () => new Promise(resolve => setImmediate(resolve));

/** Commits React made of the screen, and how many of them have run their passive effects. */
interface Commits {
	rendered: number;
	effected: number;
}

async function eventually(done: () => boolean, ms: number): Promise<boolean> {
	const until = Date.now() + ms;
	while (!done()) {
		if (Date.now() > until) return false;
		await sleep(1);
	}
	return true;
}

/** A hang guard, not a timing assertion: a key press settles in a few milliseconds. */
const SETTLE_GUARD_MS = 10_000;

/**
 * Wait until the screen has taken in everything written so far: the frame is drawn and every
 * effect of it has run. The effects matter as much as the frame: the key handlers are
 * (re-)registered in effects (ink's useInput whenever its handler changes), so a key sent after the frame but before them would reach the previous handler. Ink (legacy root, debug
 * mode) renders and writes the frame synchronously inside the stdin write, and React runs the
 * passive effects later from its scheduler (setImmediate), possibly over several turns under load.
 * A Profiler around the tree counts both: `onRender` per commit, `onPostCommit` once that commit's
 * passive effects have all run. A few turns first: ink holds a lone ESC until the next turn to
 * tell it from the start of an escape sequence.
 *
 * Where the Profiler reports nothing (a production build of React), fall back to a fixed wait.
 */
async function settle(commits: Commits, profiled: boolean) {
	if (!profiled) {
		await sleep(20);
		for (let i = 0; i < 3; i++) await nextTurn();
		return;
	}
	for (let i = 0; i < 3; i++) await nextTurn();
	const until = Date.now() + SETTLE_GUARD_MS;
	// Two quiet turns in a row: effects that set state render again, and that render has effects.
	for (let quiet = 0; quiet < 2; ) {
		if (Date.now() > until)
			throw new Error(`the screen did not settle in ${SETTLE_GUARD_MS} ms (${commits.effected}/${commits.rendered} commits ran their effects)`);
		const before = commits.rendered;
		await nextTurn();
		quiet = commits.effected === commits.rendered && commits.rendered === before ? quiet + 1 : 0;
	}
}

/** Optional: the App's `tour`, and a first model made from the loaded state (as run-tui.tsx's startModel does). */
interface ScreenOptions {
	tour?: ReadonlyArray<string>;
	start?(state: State): Model;
}

export async function openScreen(file: string, size = {width: 100, height: 30}, options: ScreenOptions = {}): Promise<Screen> {
	const initial = (options.start ?? initialModel)(loadState(file));
	let latest = initial;
	const reported: Model[] = [];
	const title = file.split('/').pop()!;
	const commits: Commits = {rendered: 0, effected: 0};
	// `onPostCommit` is in React's Profiler but not (yet) in its published types.
	const onPostCommit = {onPostCommit: () => commits.effected++};
	const instance = render(
		<Profiler id="screen" onRender={() => commits.rendered++} {...onPostCommit}>
			<ThemeContext.Provider value={{color: false}}>
				<App
					initial={initial}
					title={title}
					size={size}
					realtime={false}
					onModel={m => {
						latest = m;
						reported.push(m);
					}}
					{...(options.tour ? {tour: options.tour} : {})}
				/>
			</ThemeContext.Provider>
		</Profiler>,
	);
	// The first frame is drawn synchronously, its effects a turn or so later; a React that does
	// not profile reports neither.
	const profiled = commits.rendered > 0 && (await eventually(() => commits.effected > 0, 2000));
	await settle(commits, profiled);
	return {
		frame: () => instance.lastFrame() ?? '',
		async press(...keys) {
			for (const key of keys) {
				instance.stdin.write(key);
				await settle(commits, profiled);
			}
			return instance.lastFrame() ?? '';
		},
		model: () => latest,
		models: () => reported,
		frames: () => instance.frames,
		write: key => void instance.stdin.write(key),
		unmount: () => instance.unmount(),
	};
}
