import type {ClusterInput, State} from './types.js';

/** An allocation failure the API server would report for one object (K8S-SEMANTICS A7, A8). */
export interface InitError {
	kind: string;
	namespace: string;
	name: string;
	/** Field path for display, e.g. `spec.ports[0].nodePort` or `spec.clusterIPs`. */
	field: string;
	/** Path into the document, for the loader to find a line and column. */
	path: Array<string | number>;
	/** The body after `<field>: `, e.g. `Invalid value: 80: provided port is not in the valid range. …`. */
	detail: string;
}

export type InitResult =
	| {ok: true; state: State; warnings: string[]}
	| {ok: false; errors: InitError[]};

export function initialState(_input: ClusterInput, _options: {seed: number}): InitResult {
	throw new Error('not implemented yet');
}
