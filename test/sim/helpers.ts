import {
	type Action,
	type ClusterInput,
	getRow,
	initialState,
	listEntries,
	listRows,
	type Pod,
	type Rows,
	type State,
	type StepResult,
	step,
} from '../../source/sim/index.js';
import {rowsFrom} from '../../source/sim/rows.js';

/** `rows` with `row` under `key` (in place when the key is there, last when it is new): a state built by hand. */
export const withRow = <T>(rows: Rows<T>, key: string, row: T): Rows<T> => rowsFrom([...listEntries(rows), [key, row] as const]);

export function boot(input: ClusterInput, seed = 1): State {
	const result = initialState(input, {seed});
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.state;
}

/** Apply actions in order; returns the final state and every result. */
export function run(state: State, ...actions: Action[]): {state: State; results: StepResult[]} {
	const results: StepResult[] = [];
	for (const action of actions) {
		const next = step(state, action);
		state = next.state;
		results.push(next.result);
	}
	return {state, results};
}

export const livePods = (state: State, prefix: string): Pod[] =>
	listRows(state.pods)
		.filter(p => p.name.startsWith(prefix) && p.deletionTimestamp === null)
		.sort((a, b) => (a.name < b.name ? -1 : 1));

export const wait = (seconds: number): Action => ({type: 'clockAdvanced', ms: seconds * 1000});

export const curl = (target: string, from: Action extends never ? never : any = {kind: 'default'}, count = 1): Action => ({
	type: 'requestSent',
	target,
	from,
	count,
});

export function requests(result: StepResult) {
	if (result.kind !== 'requests') throw new Error(`expected requests, got ${JSON.stringify(result)}`);
	return result;
}

export function readyIPs(state: State, service: string): string[] {
	const ep = getRow(state.endpoints, service)!;
	return listRows(ep.addresses)
		.filter(a => a.ready)
		.map(a => a.ip)
		.sort();
}
