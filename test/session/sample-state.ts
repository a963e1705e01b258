// A settled simulator State built from the samples the way `cli.tsx` builds it (load → validate
// → initialState), so session and headless tests see exactly what a user of the CLI sees.

import {readFileSync} from 'node:fs';
import type {SourceFile} from '../../source/load/index.js';
import {boot} from '../../source/session/boot.js';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {fromRoot} from '../root.js';

const SAMPLES = fromRoot('samples/');

function sampleSource(file: string): SourceFile {
	return {name: `samples/${file}`, text: readFileSync(new URL(file, SAMPLES), 'utf8')};
}

/** Boot a cluster from sources; throws with the diagnostics when they do not load. */
export function bootSources(sources: SourceFile[], seed = 1): State {
	const booted = boot(sources, {seed});
	if (!booted.ok) throw new Error(JSON.stringify(booted.errors));
	return booted.state;
}

/** One sample, plus optional extra documents (named `extra.yaml`). */
export function sampleState(file: string, options: {seed?: number; extra?: string} = {}): State {
	const sources = [sampleSource(file)];
	if (options.extra !== undefined) sources.push({name: 'extra.yaml', text: options.extra});
	return bootSources(sources, options.seed);
}

/** The state after command lines run in order, as the palette or --script runs them; throws at the
 *  first that fails. */
export function stateAfter(state: State, ...lines: string[]): State {
	for (const line of lines) {
		const result = execute(state, line);
		if (!result.ok) throw new Error(`${line}: ${result.err.join(' ')}`);
		state = result.state;
	}
	return state;
}
