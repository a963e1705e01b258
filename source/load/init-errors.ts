// The simulator's allocation errors (docs/semantics.md A7, A8) as positioned diagnostics.

import type {InitError} from '../sim/index.js';
import {goQuote} from './go-format.js';
import type {Diagnostic, LoadResult} from './types.js';

export function diagnosticsFromInitErrors(result: LoadResult, errors: InitError[]): Diagnostic[] {
	return errors.map(error => ({
		...result.locate(error.kind, error.namespace, error.name, error.path),
		severity: 'error',
		// Our own Cluster document has no name; its errors read as the loader's (cluster-config.ts).
		message: error.plain
			? error.detail
			: `${error.kind === 'Cluster' ? 'The Cluster config' : `The ${error.kind} ${goQuote(error.name)}`} is invalid: ${error.field}: ${error.detail}`,
	}));
}
