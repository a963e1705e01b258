// From source files to a settled cluster: validate, then let the simulator allocate and settle.
// The CLI starts this way, and so do the tests that claim to see what a user sees.

import {type Diagnostic, diagnosticsFromInitErrors, type LoadResult, loadSources, type SourceFile, type ValidateMode} from '../load/index.js';
import {initialState, type State} from '../sim/index.js';

export type Booted =
	| {ok: true; state: State; loaded: LoadResult}
	/** Every problem, positioned: read errors, validation errors, or allocation errors. */
	| {ok: false; loaded: LoadResult; errors: Diagnostic[]};

export interface BootOptions {
	seed?: number;
	/** kubectl's --validate for unknown and repeated fields (default strict). */
	validate?: ValidateMode;
	/** Problems found while reading the files (missing file, empty folder…), reported with the rest. */
	readErrors?: Diagnostic[];
	/** Told when validation is done and settling starts (the CLI's progress line). */
	onValidated?(loaded: LoadResult): void;
}

export function boot(files: SourceFile[], options: BootOptions = {}): Booted {
	const loaded = loadSources(files, options.validate ? {validate: options.validate} : {});
	const errors = [...(options.readErrors ?? []), ...loaded.errors];
	if (errors.length > 0) return {ok: false, loaded, errors};
	options.onValidated?.(loaded);
	const init = initialState(loaded.input, {seed: options.seed ?? 1});
	if (!init.ok) return {ok: false, loaded, errors: diagnosticsFromInitErrors(loaded, init.errors)};
	return {ok: true, state: init.state, loaded};
}
