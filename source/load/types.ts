// The loader's public shapes: source files in, a validated ClusterInput plus positioned
// diagnostics out (docs/architecture.md "One picture": load/ → errors with file:line:col).

import type {ClusterInput} from '../sim/types.js';
import type {ByteSource} from './byte-source.js';
import type {StreamPlan} from './stream-plan.js';

export interface SourceFile {
	/** As shown in messages; '-' is shown as '<stdin>'. */
	name: string;
	/** Empty for a streamed input. */
	text: string;
	/** A big input, not held as text: its bytes and how the first pass cut them (read-sources.ts). */
	stream?: {bytes: ByteSource; plan: StreamPlan};
}

/** 1-based line and column; line 0 means "the file as a whole". */
export interface Position {
	file: string;
	line: number;
	col: number;
}

export interface Diagnostic extends Position {
	severity: 'error' | 'warning';
	message: string;
}

export interface LoadResult {
	input: ClusterInput;
	/** Validation errors, in file/document order. */
	errors: Diagnostic[];
	/** Legacy API versions, implicit namespaces, fields the API server ignores. */
	warnings: Diagnostic[];
	/** kind → count of documents not simulated. */
	skipped: Record<string, number>;
	/** Where an object's field is, for errors found later (allocation in the simulator). */
	locate(kind: string, namespace: string, name: string, path: Array<string | number>): Position;
}

/** A path into a parsed document: mapping keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;
