// `curl --count N`: N requests sent as batches of REQUEST_BATCH, each batch one requestSent step
// on the state the one before left. A burst's only state is the request counter, the seeded
// random numbers, the affinity and round-robin tables and the request log, all carried from step
// to step, and its route is planned from tables requests never change: so the batches pick the
// same endpoints in the same order, and leave the same state, as one step of N would
// (test/session/request-burst.test.ts checks both). What the burst prints is made batch by batch,
// and with a writer (headless/run-script.ts) it leaves at once: memory then holds one batch of
// traces and the summary's few witnesses (view/request-summary.ts), not a trace per request.

import type {Command} from '../command/index.js';
import {type Action, type RequestSummary, type RequestTrace, type State, type StepResult, step} from '../sim/index.js';
import {addWitnesses, formatSummaryOf, formatTraces, jsonText, noWitnesses, requestJson, sanitize, summaryJson} from '../view/index.js';

/** Requests per step of a burst: few enough that a batch's traces are small, many enough that a step's fixed cost vanishes. */
export const REQUEST_BATCH = 10_000;

type RequestSent = Extract<Action, {type: 'requestSent'}>;
type Requests = Extract<StepResult, {kind: 'requests'}>;
type ActionsCommand = Extract<Command, {kind: 'actions'}>;

/**
 * `action` as steps of at most `batch` requests, `each` called with every batch's traces in the
 * order sent. The result is the first error, or the requests' summary over all batches
 * (`requests` left empty: `each` saw them).
 */
export function sendInBatches(
	state: State,
	action: RequestSent,
	each: (traces: RequestTrace[]) => void,
	batch = REQUEST_BATCH,
): {state: State; result: Requests | Extract<StepResult, {kind: 'error'}>} {
	const summary = {total: 0, ok: 0, failed: 0, byPod: Object.create(null) as Record<string, number>, byReason: Object.create(null) as Record<string, number>};
	// The sim sends at least one request whatever the count (sim/reducer.ts).
	let left = Math.max(1, action.count);
	while (left > 0) {
		const count = Math.min(left, batch);
		const next = step(state, {...action, count});
		if (next.result.kind === 'error') return {state, result: next.result};
		if (next.result.kind !== 'requests') throw new Error(`requestSent answered ${next.result.kind}`);
		state = next.state;
		each(next.result.requests);
		addSummary(summary, next.result.summary);
		left -= count;
	}
	return {state, result: {kind: 'requests', requests: [], summary}};
}

/** Adds `from`'s counts to `into`: a key new to `into` goes last, as in one step's summary (JSON keeps that order). */
function addSummary(
	into: {total: number; ok: number; failed: number; byPod: Record<string, number>; byReason: Record<string, number>},
	from: RequestSummary,
): void {
	into.total += from.total;
	into.ok += from.ok;
	into.failed += from.failed;
	for (const [key, n] of Object.entries(from.byPod)) into.byPod[key] = (into.byPod[key] ?? 0) + n;
	for (const [key, n] of Object.entries(from.byReason)) into.byReason[key] = (into.byReason[key] ?? 0) + n;
}

export interface Burst {
	state: State;
	ok: boolean;
	out: string[];
	err: string[];
	steps: Array<{action: Action; result: StepResult}>;
}

/**
 * A line whose one action is `action`, printed as execute.ts prints any step's result: every
 * trace (unless --summary), then the summary when more than one was sent; or `-o json`'s one line
 * `{"requests":[…],"summary":{…}}`. With `write`, that text goes to it per batch (lines end in
 * `\n`) and `out` stays empty; the step's `requests` are then kept only for an `--expect`.
 */
export function runBurst(state: State, action: RequestSent, command: ActionsCommand, write?: (text: string) => void, batch = REQUEST_BATCH): Burst {
	const chunks: string[] = [];
	const emit = write ?? ((text: string) => chunks.push(text));
	const keep = write === undefined || command.expect !== undefined;
	const kept: RequestTrace[] = [];
	const witnesses = noWitnesses();
	const json = command.output === 'json';
	let first = true;
	const sent = sendInBatches(
		state,
		action,
		traces => {
			if (keep) for (const trace of traces) kept.push(trace);
			if (json) {
				// The array's elements without its brackets: jsonText of the whole would join them by commas too.
				emit(`${first ? '{"requests":[' : ','}${sanitize(jsonText(traces.map(requestJson)).slice(1, -1))}`);
			} else {
				addWitnesses(witnesses, traces);
				if (!command.summaryOnly) emit(sanitizedLines(formatTraces(traces)));
			}
			first = false;
		},
		batch,
	);
	if (sent.result.kind === 'error') return {state, ok: false, out: [], err: [sent.result.message], steps: []};
	const {summary} = sent.result;
	if (json) emit(`],"summary":${sanitize(jsonText(summaryJson(summary)))}}\n`);
	else if (action.count > 1 || command.summaryOnly) emit(sanitizedLines(formatSummaryOf(summary, witnesses)));
	const text = chunks.join('');
	const out = text === '' ? [] : text.slice(0, -1).split('\n');
	return {state: sent.state, ok: true, out, err: [], steps: [{action, result: {kind: 'requests', requests: keep ? kept : [], summary}}]};
}

/** Each line as execute.ts's `finish` makes it safe, each ending in a newline. */
const sanitizedLines = (text: string) => `${text.split('\n').map(sanitize).join('\n')}\n`;
