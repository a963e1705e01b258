/** @jsxRuntime automatic */
// Render the TUI the way `cli.tsx` starts it (readSources → loadSources → initialState with seed
// 1 → initialModel), with colour off, a fixed size and the clock moving only on `.` (wait 1s),
// so the same keys always give the same screens.

import {fileURLToPath} from 'node:url';
import {render} from 'ink-testing-library';
import {readSources} from '../../source/load/index.js';
import {boot} from '../../source/session/boot.js';
import type {State} from '../../source/sim/index.js';
import {App} from '../../source/ui/app.js';
import {initialModel, type Model} from '../../source/ui/model.js';
import {ThemeContext} from '../../source/ui/theme.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
	unmount(): void;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const nextTurn = () => new Promise(resolve => setImmediate(resolve));

/**
 * ~20 ms for the frame, then a few turns of the event loop: under load the timer can fire before
 * React's scheduled effects (ink-select-input re-registers its key handler in one), and a key sent
 * then would reach the previous handler.
 */
async function settle() {
	await sleep(20);
	for (let i = 0; i < 3; i++) await nextTurn();
}

export async function openScreen(file: string, size = {width: 100, height: 30}): Promise<Screen> {
	const initial = initialModel(loadState(file));
	let latest = initial;
	const title = file.split('/').pop()!;
	const instance = render(
		<ThemeContext.Provider value={{color: false}}>
			<App initial={initial} title={title} size={size} realtime={false} onModel={m => (latest = m)} />
		</ThemeContext.Provider>,
	);
	await settle();
	return {
		frame: () => instance.lastFrame() ?? '',
		async press(...keys) {
			for (const key of keys) {
				instance.stdin.write(key);
				await settle();
			}
			return instance.lastFrame() ?? '';
		},
		model: () => latest,
		unmount: () => instance.unmount(),
	};
}
