// Invariants under chaos (issue 5): random small clusters, random sequences of the grammar's
// actions (delete/crash pod, delete node, scale, label, probe, wait, curl, nslookup), and after
// every step the invariants of chaos-oracle.ts. `npm test` runs 1,100 sequences; `npm run fuzz`
// runs FUZZ_RUNS of them (20,000 by default there). FC_SEED=<n> replays a reported failure.

import test, {type ExecutionContext} from 'ava';
import fc from 'fast-check';
import {type Action, type ClusterInput, initialState, type State, step} from '../../source/sim/index.js';
import {type Command, clusterArb, commandArb, resolveCommand, sortedServices} from './chaos-cluster.js';
import {Oracle} from './chaos-oracle.js';
import {DataComparer, freezeState} from './persistent-data.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
/** `share` of FUZZ_RUNS when fuzzing, else `runs`. */
const numRuns = (runs: number, share: number) => (FUZZ_RUNS > 0 ? Math.ceil(FUZZ_RUNS * share) : runs);
const params = <T>(runs: number, share: number): fc.Parameters<T> => ({
	numRuns: numRuns(runs, share),
	...(SEED === undefined ? {} : {seed: SEED}),
	endOnFailure: false,
});

/** fc.assert, with the failure (seed, error, shrunk counterexample) spelled out in the report. */
function check<T>(t: ExecutionContext, property: fc.IProperty<T>, parameters: fc.Parameters<T>): void {
	const out = fc.check(property, parameters);
	if (!out.failed) {
		t.pass(`${out.numRuns} sequences`);
		return;
	}
	const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
	t.fail(
		`property failed (FC_SEED=${out.seed}, path ${out.counterexamplePath}, shrunk ${out.numShrinks} times):\n${error}\n` +
			`counterexample: ${fc.stringify(out.counterexample)}`,
	);
}

interface Scenario {
	cluster: ClusterInput;
	seed: number;
	commands: Command[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
	cluster: clusterArb,
	seed: fc.nat({max: 0xffff}),
	commands: fc.array(commandArb, {minLength: 8, maxLength: 22}),
});

function boot(scenario: Scenario): State {
	const init = initialState(scenario.cluster, {seed: scenario.seed});
	if (!init.ok) throw new Error(`a valid cluster did not start: ${JSON.stringify(init.errors)}`);
	return init.state;
}

/** Long enough for any grace period (≤ 30 s), start delay, probe and StatefulSet ordering. */
const SETTLE: Action = {type: 'clockAdvanced', ms: 15 * 60_000};

/** Requests from the default client to every Service port, after settling. */
function probes(state: State): Action[] {
	const out: Action[] = [];
	for (const svc of sortedServices(state)) {
		for (const port of (svc.spec.ports ?? []).filter(p => p.protocol === 'TCP')) {
			out.push({type: 'requestSent', target: `${svc.name}.${svc.namespace}:${port.port}`, from: {kind: 'default'}, count: 3});
			if (port.nodePort !== null) {
				const node = Object.values(state.nodes)[0]!;
				out.push({type: 'requestSent', target: `${node.internalIP}:${port.nodePort}`, from: {kind: 'external'}, count: 3});
			}
		}
	}
	return out;
}

function describeFailure(i: number, action: Action, error: unknown): Error {
	const message = error instanceof Error ? error.message : String(error);
	return new Error(`after step ${i} (${JSON.stringify(action)}): ${message}`);
}

/** Play a scenario with the oracle watching every step; returns the actions it ran. */
function playChecked(scenario: Scenario): Action[] {
	let state = boot(scenario);
	const oracle = new Oracle(state);
	const actions: Action[] = [];
	const apply = (action: Action, i: number) => {
		const next = step(state, action);
		try {
			oracle.afterStep(state, action, next.result, next.state);
		} catch (error) {
			throw describeFailure(i, action, error);
		}
		actions.push(action);
		state = next.state;
	};
	scenario.commands.forEach((command, i) => {
		for (const action of resolveCommand(state, command, actions)) apply(action, i);
	});
	apply(SETTLE, scenario.commands.length);
	try {
		oracle.settled(state);
	} catch (error) {
		throw describeFailure(scenario.commands.length, SETTLE, error);
	}
	for (const action of probes(state)) apply(action, scenario.commands.length + 1);
	return actions;
}

test('invariants 1-6 hold after every step of random command sequences (and 4 once settled)', t => {
	check(
		t,
		fc.property(scenarioArb, scenario => {
			playChecked(scenario);
		}),
		params(800, 0.7),
	);
});

test('7: the same seed and the same actions give identical states and output; no step changes its input', t => {
	check(
		t,
		fc.property(scenarioArb, scenario => {
			// Every state is frozen before a step is given it, so a step that writes to its input
			// throws; the replay is compared with what the first run gave, step by step.
			let state = boot(scenario);
			freezeState(state);
			const actions: Action[] = [];
			const seen: Array<ReturnType<typeof step>> = [];
			for (const command of [...scenario.commands, {t: 'wait', ms: 60_000} as Command]) {
				for (const action of resolveCommand(state, command, actions)) {
					let next: ReturnType<typeof step>;
					try {
						next = step(state, action);
					} catch (error) {
						if (error instanceof TypeError && /read.only|not extensible|frozen/i.test(error.message)) {
							throw new Error(`${action.type} modified the state it was given: ${error.message}`);
						}
						throw error;
					}
					freezeState(next);
					actions.push(action);
					seen.push(next);
					state = next.state;
				}
			}
			// Replay: a fresh start from the same input and seed, the same actions.
			let again = boot(scenario);
			const compare = new DataComparer();
			actions.forEach((action, i) => {
				freezeState(again);
				const next = step(again, action);
				freezeState(next);
				const wanted = seen[i]!;
				const result = compare.difference(wanted.result, next.result, 'result');
				if (result !== null) throw new Error(`step ${i} (${action.type}) answered differently on replay, at ${result}`);
				const left = compare.difference(wanted.state, next.state, 'state');
				if (left !== null) throw new Error(`step ${i} (${action.type}) left a different state on replay, at ${left}`);
				again = next.state;
			});
		}),
		params(300, 0.3),
	);
});
