// Checking a line's expectation (command/expect-spec.ts) against what the simulator answered:
// routing tests for CI (issue 13). A failed expectation does not stop a script: it says what was
// expected and what happened, and the run's exit code says that something failed.

import type {Expectation} from '../command/expect-spec.js';
import type {DnsResult, RequestTrace, State, StepResult} from '../sim/index.js';
import {getRow} from '../sim/index.js';
import {matchesSelector, parseSelector} from '../sim/labels.js';
import {endpointCounts} from '../view/tui/index.js';

export interface ExpectationResult {
	passed: boolean;
	/** What the line asked for, in its own words (`ok`, `pod=app=web`, `A=10.96.0.10`). */
	expected: string;
	/** What happened, with the reason where it failed. */
	got: string;
}

function expectationText(expect: Expectation): string {
	if (expect.on === 'requests') return 'outcome' in expect ? expect.outcome : `pod=${expect.pods}`;
	if (expect.on === 'dns') return 'rcode' in expect ? 'nxdomain' : 'a' in expect ? `A=${expect.a.join(',')}` : `CNAME=${expect.cname}`;
	return `ready=${expect.ready}`;
}

/** The requests' and lookups' answers of a line, checked against its expectation. */
export function checkSteps(state: State, expect: Expectation, steps: ReadonlyArray<{result: StepResult}>): ExpectationResult {
	const expected = expectationText(expect);
	const requests = steps.flatMap(s => (s.result.kind === 'requests' ? s.result.requests : []));
	const lookups = steps.flatMap(s => (s.result.kind === 'dns' ? [s.result.result] : []));
	if (expect.on === 'requests') return {expected, ...checkRequests(state, expect, requests)};
	if (expect.on === 'dns') return {expected, ...checkDns(expect, lookups)};
	return {expected, passed: false, got: 'no endpoints to check on this line'};
}

/** `expect ep SVC ready=N`: the ready endpoints the Endpoints pane and `get ep` count. */
export function checkEndpoints(state: State, namespace: string, name: string, ready: number): ExpectationResult {
	const service = getRow(state.services, `${namespace}/${name}`);
	const expected = `ready=${ready}`;
	if (!service) return {expected, passed: false, got: `no Service ${namespace}/${name}`};
	const counts = endpointCounts(state, service);
	return {expected, passed: counts.ready === ready, got: `ready=${counts.ready} (of ${counts.total})`};
}

type Check = Omit<ExpectationResult, 'expected'>;

function checkRequests(state: State, expect: Extract<Expectation, {on: 'requests'}>, requests: RequestTrace[]): Check {
	if (requests.length === 0) return {passed: false, got: 'no request was sent'};
	if ('outcome' in expect) {
		const off = requests.filter(r => r.outcome !== expect.outcome);
		return {passed: off.length === 0, got: describeOutcomes(requests)};
	}
	const parsed = parseSelector(expect.pods);
	if (!parsed.ok) return {passed: false, got: parsed.error};
	const answeredBy = (r: RequestTrace) => {
		if (r.outcome !== 'ok' || r.endpoint?.pod == null) return null;
		const namespace = r.service?.split('/')[0] ?? r.client.namespace ?? 'default';
		return getRow(state.pods, `${namespace}/${r.endpoint.pod}`) ?? null;
	};
	const off = requests.filter(r => {
		const pod = answeredBy(r);
		return pod === null || !matchesSelector(pod.labels, parsed.selector);
	});
	if (off.length === 0)
		return {passed: true, got: requests.length === 1 ? `answered by ${requests[0]?.endpoint?.pod}` : `all ${requests.length} answered by matching pods`};
	const first = off[0];
	const pod = first ? answeredBy(first) : null;
	const why = pod
		? `${pod.name} (${
				Object.entries(pod.labels)
					.map(([k, v]) => `${k}=${v}`)
					.join(',') || 'no labels'
			})`
		: first
			? `${first.outcome}: ${first.reason}`
			: '';
	return {passed: false, got: requests.length === 1 ? why : `${off.length} of ${requests.length} not answered by a matching pod; the first: ${why}`};
}

/** `ok`, or `97 ok, 3 timeout (no endpoints: …)`: each outcome's count, the first failure's reason. */
function describeOutcomes(requests: RequestTrace[]): string {
	const counts = new Map<string, number>();
	for (const r of requests) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
	const failure = requests.find(r => r.outcome !== 'ok');
	const reason = failure && failure.reason !== '' ? ` (${failure.reason})` : '';
	if (requests.length === 1) return `${requests[0]?.outcome ?? ''}${reason}`;
	return `${[...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ')}${reason}`;
}

function checkDns(expect: Extract<Expectation, {on: 'dns'}>, lookups: DnsResult[]): Check {
	const [result] = lookups;
	if (!result) return {passed: false, got: 'no lookup was made'};
	const a = result.answers.filter(r => r.type === 'A').map(r => r.data);
	const cnames = result.answers.filter(r => r.type === 'CNAME').map(r => r.data.replace(/\.$/, ''));
	const got =
		result.rcode !== 'NOERROR'
			? result.rcode.toLowerCase()
			: result.answers.length === 0
				? 'no records (NOERROR)'
				: result.answers.map(r => `${r.type}=${r.data.replace(/\.$/, '')}`).join(' ');
	if ('rcode' in expect) return {passed: result.rcode === 'NXDOMAIN', got};
	if ('a' in expect) return {passed: sameSet(a, expect.a), got};
	return {passed: cnames.includes(expect.cname), got};
}

const sameSet = (x: string[], y: string[]) => x.length === new Set(y).size && new Set([...x, ...y]).size === x.length;
