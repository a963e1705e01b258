// A settled simulator State built from the samples the way `cli.tsx` builds it (load → validate
// → initialState), so session and headless tests see exactly what a user of the CLI sees.

import {readFileSync} from 'node:fs';
import {loadSources, type SourceFile} from '../../source/load/index.js';
import {initialState, type State} from '../../source/sim/index.js';

const SAMPLES = new URL('../../samples/', import.meta.url);

export function sampleSource(file: string): SourceFile {
	return {name: `samples/${file}`, text: readFileSync(new URL(file, SAMPLES), 'utf8')};
}

/** Boot a cluster from sources; throws with the diagnostics when they do not load. */
export function boot(sources: SourceFile[], seed = 1): State {
	const loaded = loadSources(sources);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return init.state;
}

/** One sample, plus optional extra documents (named `extra.yaml`). */
export function sampleState(file: string, options: {seed?: number; extra?: string} = {}): State {
	const sources = [sampleSource(file)];
	if (options.extra !== undefined) sources.push({name: 'extra.yaml', text: options.extra});
	return boot(sources, options.seed);
}
