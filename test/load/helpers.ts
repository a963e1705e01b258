// Shared by the loader tests: load inline YAML and read back formatted diagnostics.
import {formatDiagnostic, type LoadResult, loadSources} from '../../source/load/index.js';

/** Lines joined with '\n', so a test's line numbers are easy to count. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export function load(text: string, name = 't.yaml'): LoadResult {
	return loadSources([{name, text}]);
}

export function errorsOf(text: string, name = 't.yaml'): string[] {
	return load(text, name).errors.map(formatDiagnostic);
}

export function warningsOf(text: string, name = 't.yaml'): string[] {
	return load(text, name).warnings.map(formatDiagnostic);
}

/** A minimal valid Service document with the given spec lines (indented by the caller). */
export const service = (name: string, ...spec: string[]): string => lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', ...spec);
