// A curl burst sent in batches (session/request-burst.ts) answers exactly as one step of the whole
// count: the same endpoints in the same order, the same state after (request counter, random
// numbers, affinity and round-robin tables, request log), and the same bytes printed, in text,
// --summary and -o json. With a writer, the output leaves per batch and no trace is kept.

import test from 'ava';
import {type Command, parseCommand} from '../../source/command/index.js';
import {execute} from '../../source/session/execute.js';
import {REQUEST_BATCH, runBurst, sendInBatches} from '../../source/session/request-burst.js';
import {type Action, type RequestTrace, type State, step} from '../../source/sim/index.js';
import {formatSummary, formatTraces, jsonText, requestsJson, sanitize} from '../../source/view/index.js';
import {sampleState} from './sample-state.js';

type ActionsCommand = Extract<Command, {kind: 'actions'}>;
type RequestSent = Extract<Action, {type: 'requestSent'}>;

function curlLine(line: string): {command: ActionsCommand; action: RequestSent} {
	const parsed = parseCommand(line);
	if (!parsed.ok || parsed.command?.kind !== 'actions') throw new Error(`not an action line: ${line}`);
	const [action] = parsed.command.actions;
	if (action?.type !== 'requestSent') throw new Error(`not a curl: ${line}`);
	return {command: parsed.command, action};
}

/** What execute.ts printed for a curl before bursts were batched: one step, then its whole result rendered. */
function oneStep(state: State, line: string): {state: State; traces: RequestTrace[]; out: string[]} {
	const {command, action} = curlLine(line);
	const next = step(state, action);
	if (next.result.kind !== 'requests') throw new Error(`${line}: ${JSON.stringify(next.result)}`);
	const {requests, summary} = next.result;
	const text =
		command.output === 'json'
			? jsonText(requestsJson(requests, summary))
			: [...(command.summaryOnly ? [] : [formatTraces(requests)]), ...(action.count > 1 || command.summaryOnly ? [formatSummary(summary, requests)] : [])].join(
					'\n',
				);
	return {state: next.state, traces: requests, out: text.split('\n').map(sanitize)};
}

const BATCH = 7;
const COUNTS = [1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 2 * BATCH + 1, 3 * BATCH + 2];

const hello = sampleState('hello.yaml');
const ipvs = sampleState('hello.yaml', {extra: 'apiVersion: k8s-svc-tui/v1\nkind: Cluster\nproxyMode: ipvs\n'});
const affinity = sampleState('affinity.yaml');
const deny = sampleState('netpol-default-deny.yaml');
const local = sampleState('traffic-policy.yaml');

const cases: Array<{name: string; state: State; target: string}> = [
	{name: 'iptables random', state: hello, target: 'hello-node-svc'},
	{name: 'ipvs round robin', state: ipvs, target: 'hello-node-svc'},
	{name: 'sessionAffinity ClientIP', state: affinity, target: 'cart'},
	{name: 'sessionAffinity ClientIP from a pod', state: affinity, target: 'cart --from pod/client'},
	{name: 'NetworkPolicy lets it through', state: deny, target: 'web --from pod/client -n shop'},
	{name: 'NetworkPolicy drops it (timeout)', state: deny, target: 'web.shop'},
	{name: 'externalTrafficPolicy Local through a node without a pod (timeout)', state: local, target: '192.168.20.12:30080 --from laptop'},
	{name: 'load balancer entry nodes picked per connection', state: local, target: '203.0.113.20 --from laptop'},
];

test(`the fixtures route as the cases say: ClientIP pins, policies and Local drop`, t => {
	const outcomes = (state: State, target: string) => new Set(oneStep(state, `curl ${target} --count 20`).traces.map(r => r.outcome));
	t.deepEqual(outcomes(deny, 'web.shop'), new Set(['timeout']));
	t.deepEqual(outcomes(deny, 'web --from pod/client -n shop'), new Set(['ok']));
	t.deepEqual(outcomes(local, '192.168.20.12:30080 --from laptop'), new Set(['timeout']));
	t.true(
		oneStep(affinity, 'curl cart --count 20')
			.traces.slice(1)
			.every(r => r.affinity === true),
	);
	t.is(ipvs.config.proxyMode, 'ipvs');
});

for (const {name, state, target} of cases) {
	for (const flags of ['', ' --summary', ' -o json']) {
		test(`${name}${flags}: batches of ${BATCH} print and leave what one step does, for counts ${COUNTS.join(', ')}`, t => {
			for (const count of COUNTS) {
				const line = `curl ${target} --count ${count}${flags}`;
				const want = oneStep(state, line);
				const {command, action} = curlLine(line);
				const seen: RequestTrace[] = [];
				const sent = sendInBatches(state, action, traces => seen.push(...traces), BATCH);
				t.deepEqual(
					seen.map(r => [r.seq, r.endpoint?.ip, r.entryNode?.name, r.outcome]),
					want.traces.map(r => [r.seq, r.endpoint?.ip, r.entryNode?.name, r.outcome]),
					`${line}: endpoints in order`,
				);
				t.deepEqual(seen, want.traces, line);
				t.deepEqual(sent.state, want.state, `${line}: the state after`);
				const burst = runBurst(state, action, command, undefined, BATCH);
				t.deepEqual(burst.out, want.out, `${line}: what it prints`);
				t.deepEqual(burst.state, want.state);
			}
		});
	}
}

test('the burst is cut at REQUEST_BATCH: a count of one more takes two steps, and the state still matches one step', t => {
	const {action} = curlLine(`curl hello-node-svc --count ${REQUEST_BATCH + 1}`);
	const sizes: number[] = [];
	const sent = sendInBatches(hello, action, traces => sizes.push(traces.length));
	t.deepEqual(sizes, [REQUEST_BATCH, 1]);
	t.deepEqual(sent.state, step(hello, action).state);
});

test('with a writer, each batch is written as it is made and no trace is kept', t => {
	for (const flags of ['', ' --summary', ' -o json']) {
		const line = `curl hello-node-svc --count ${5 * BATCH + 3}${flags}`;
		const {command, action} = curlLine(line);
		const written: string[] = [];
		const burst = runBurst(hello, action, command, text => written.push(text), BATCH);
		// Six batches, then the summary (or the JSON's end); --summary writes nothing per batch.
		t.is(written.length, flags === ' --summary' ? 1 : 7, line);
		t.deepEqual(burst.out, []);
		const [only] = burst.steps;
		t.is(only?.result.kind === 'requests' ? only.result.requests.length : -1, 0, `${line}: no trace kept`);
		t.is(written.join(''), `${oneStep(hello, line).out.join('\n')}\n`, `${line}: the same bytes`);
	}
});

test('with a writer and --expect, the traces are kept for the check, which sees them all', t => {
	const result = execute(hello, `curl hello-node-svc --count ${3 * REQUEST_BATCH} --summary --expect ok`, {write() {}});
	t.true(result.expectation?.passed);
	t.is(result.expectation?.got, `${3 * REQUEST_BATCH} ok`);
});

test('execute without a writer prints a big burst in out, as one step would', t => {
	const line = `curl hello-node-svc --count ${REQUEST_BATCH + 5} --summary`;
	const result = execute(hello, line);
	t.deepEqual(result.out, oneStep(hello, line).out);
	const [only] = result.steps ?? [];
	t.is(only?.result.kind === 'requests' ? only.result.requests.length : -1, REQUEST_BATCH + 5);
});

test('a curl that cannot be sent fails at its first batch and writes nothing', t => {
	const written: string[] = [];
	const result = execute(hello, 'curl hello-node-svc --from pod/nope --count 30000 -o json', {write: text => written.push(text)});
	t.false(result.ok);
	t.deepEqual(result.err, ['Error from server (NotFound): pods "nope" not found']);
	t.deepEqual(written, []);
	t.is(result.state, hello);
});
