// curl --count's closing summary: how requests spread over pods, then failures by reason. Its
// labels name a pod by the newest request it answered and a failure by the first request that
// failed for it; those few requests ("witnesses") are gathered batch by batch, so a burst of a
// million requests is summarised without keeping its traces (session/request-burst.ts).

import type {RequestSummary, RequestTrace} from '../sim/types.js';
import {formatOutcome} from './request-trace.js';
import {sanitize} from './sanitize.js';

/** Bar width of the distribution in `formatSummary`. */
const BAR_WIDTH = 30;

/** The requests the summary's labels are read from. */
export interface SummaryWitnesses {
	/** Per `byPod` key (the pod's name, or the endpoint's address when no pod), the newest ok request it answered. */
	answered: Map<string, RequestTrace>;
	/** Per failure reason, the first request that failed for it. */
	failed: Map<string, RequestTrace>;
}

export const noWitnesses = (): SummaryWitnesses => ({answered: new Map(), failed: new Map()});

/** Takes in the next requests of a burst, in the order they were sent (updates `witnesses`). */
export function addWitnesses(witnesses: SummaryWitnesses, traces: ReadonlyArray<RequestTrace>): void {
	for (const trace of traces) {
		if (trace.outcome === 'ok') {
			if (trace.endpoint !== null) witnesses.answered.set(trace.endpoint.pod ?? trace.endpoint.ip, trace);
		} else if (!witnesses.failed.has(trace.reason)) witnesses.failed.set(trace.reason, trace);
	}
}

/**
 * How requests spread over pods, then failures by reason:
 * ```
 * 10 requests: 9 ok, 1 failed
 *   hello-node-7b2qp (10.244.1.3 on node-1)   5   50.0%  ###############
 *   hello-node-x2k4z (10.244.2.3 on node-2)   4   40.0%  ############
 * failures:
 *   connection refused: no ready endpoints    1   10.0%  ###
 * ```
 * Percentages and bars are of all requests, so the lines add up to 100%.
 */
export function formatSummary(summary: RequestSummary, traces: ReadonlyArray<RequestTrace>): string {
	const witnesses = noWitnesses();
	addWitnesses(witnesses, traces);
	return formatSummaryOf(summary, witnesses);
}

/** `formatSummary` from the witnesses a burst gathered as it went. */
export function formatSummaryOf(summary: RequestSummary, witnesses: SummaryWitnesses): string {
	const header = `${summary.total} ${summary.total === 1 ? 'request' : 'requests'}: ${summary.ok} ok, ${summary.failed} failed`;
	const podRows = Object.entries(summary.byPod)
		.sort(([a], [b]) => compare(a, b))
		.map(([pod, count]) => ({label: podLabel(pod, witnesses.answered.get(pod)), count}));
	const failureRows = Object.entries(summary.byReason)
		.sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))
		.map(([reason, count]) => ({label: failureLabel(reason, witnesses.failed.get(reason)), count}));
	const all = [...podRows, ...failureRows].map(r => ({...r, label: sanitize(r.label)}));
	const labelWidth = Math.max(0, ...all.map(r => r.label.length));
	const countWidth = Math.max(0, ...all.map(r => String(r.count).length));
	const line = (r: {label: string; count: number}): string => {
		const share = summary.total === 0 ? 0 : r.count / summary.total;
		const percent = `${(share * 100).toFixed(1)}%`.padStart(6);
		const bar = '#'.repeat(Math.round(share * BAR_WIDTH));
		return `  ${r.label.padEnd(labelWidth)}   ${String(r.count).padStart(countWidth)}  ${percent}  ${bar}`.trimEnd();
	};
	const out = [header, ...all.slice(0, podRows.length).map(line)];
	if (failureRows.length > 0) out.push('failures:', ...all.slice(podRows.length).map(line));
	return out.join('\n');
}

/** `pod (ip on node)`, or `ip (on node)` for an endpoint with no pod, from the newest request it answered. */
function podLabel(pod: string, newest: RequestTrace | undefined): string {
	const endpoint = newest?.endpoint;
	if (!endpoint) return pod;
	if (endpoint.pod !== null) return `${pod} (${endpoint.ip}${endpoint.node !== null ? ` on ${endpoint.node}` : ''})`;
	return endpoint.node !== null ? `${pod} (on ${endpoint.node})` : pod;
}

/** `timed out: <reason>` — the outcome is taken from a request that failed for that reason. */
function failureLabel(reason: string, first: RequestTrace | undefined): string {
	return first ? formatOutcome(first.outcome, reason) : reason;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
