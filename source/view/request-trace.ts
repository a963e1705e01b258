// Requests as a learner reads them: one line per request, client → name → DNS answer → how it
// entered the Service data path → the pod that answered → outcome (or why it failed).

import type {Client, DnsResult, RequestOutcome, RequestSummary, RequestTrace} from '../sim/types.js';
import {sanitize} from './sanitize.js';

const ARROW = ' → ';

/** Bar width of the distribution in `formatSummary`. */
const BAR_WIDTH = 30;

const OUTCOME_LABELS: Readonly<Record<RequestOutcome, string>> = {
	ok: 'ok',
	refused: 'connection refused',
	timeout: 'timed out',
	nxdomain: 'could not resolve host',
	error: 'error',
};

/** `pod/curl (10.244.0.5 on node-1)`, `node/node-1 (192.168.49.2)`, `external/laptop (203.0.113.50)`. */
export function formatClient(client: Client): string {
	const where = [client.ip];
	if (client.kind === 'pod' && client.nodeName !== undefined) where[0] += ` on ${client.nodeName}`;
	if (client.kind === 'pod' && client.namespace !== undefined && client.namespace !== 'default') {
		where.push(`namespace ${client.namespace}`);
	}
	return `${client.kind}/${client.name} (${where.join(', ')})`;
}

/** The DNS step: `A 10.104.23.171`, `CNAME example.com → A 93.184.215.14`, `NXDOMAIN`. */
function formatDnsStep(dns: DnsResult): string {
	if (dns.timedOut) return 'DNS timed out';
	if (dns.rcode === 'NXDOMAIN') return 'NXDOMAIN';
	if (dns.answers.length === 0) return 'no answer';
	const steps: string[] = [];
	for (const record of dns.answers) {
		const data = record.type === 'CNAME' ? record.data.replace(/\.$/, '') : record.data;
		const last = steps.at(-1);
		// Several records of one type (a headless Service's pods) share one step.
		if (last?.startsWith(`${record.type} `) && record.type === 'A') steps[steps.length - 1] = `${last},${data}`;
		else steps.push(`${record.type} ${data}`);
	}
	return steps.join(ARROW);
}

function formatOutcome(outcome: RequestOutcome, reason: string): string {
	const label = OUTCOME_LABELS[outcome];
	if (reason === '') return label;
	return outcome === 'ok' ? `${label} (${reason})` : `${label}: ${reason}`;
}

/**
 * The hops of one request after its client, as both front ends show them: the target as typed,
 * the DNS answer (an ExternalName's CNAME among it), how it entered the Service data path, and the
 * endpoint that answered; then the outcome. Unsanitized: callers sanitize what they print.
 */
export function traceHops(trace: RequestTrace): {hops: string[]; outcome: string} {
	const hops = [trace.target];
	if (trace.dns !== undefined) hops.push(formatDnsStep(trace.dns));
	// A request typed as `ip:port` that never reached an endpoint gains nothing from repeating it.
	const viaShown = trace.via !== 'none' && trace.resolved !== null && !(trace.endpoint === null && trace.resolved === trace.target);
	if (viaShown) hops.push(`${trace.via} ${trace.resolved}${trace.entryNode ? ` ${formatEntry(trace.entryNode)}` : ''}`);
	else if (trace.entryNode) hops.push(formatEntry(trace.entryNode));
	if (trace.endpoint !== null) {
		const {pod, ip, port, node} = trace.endpoint;
		let text = `${ip}:${port}`;
		// Nothing new to say when the "endpoint" is just the address already shown (ExternalName).
		const repeats = viaShown && pod === null && node === null && !trace.affinity && text === trace.resolved;
		if (pod !== null) text = `${pod} ${text}`;
		if (node !== null) text += ` on ${node}`;
		if (trace.affinity) text += ' (affinity)';
		if (!repeats) hops.push(text);
	}
	const source = formatSource(trace);
	if (source !== null) hops.push(source);
	return {hops, outcome: formatOutcome(trace.outcome, trace.reason)};
}

const EXTERNAL_DESTINATIONS: ReadonlySet<RequestTrace['via']> = new Set(['NodePort', 'LoadBalancer', 'ExternalIP']);

/** `via node-2 (the load balancer's pick)`: the node an outside client entered by. */
function formatEntry(entry: NonNullable<RequestTrace['entryNode']>): string {
	if (entry.chosenBy === 'via') return `via ${entry.name}`;
	return `via ${entry.name} (${entry.chosenBy === 'load balancer' ? "the load balancer's pick" : "the network's route"})`;
}

/**
 * The address the endpoint saw, shown where it teaches something: when a node masqueraded the
 * connection, and on every way in from outside (node port, load-balancer or external IP), where
 * keeping the client's address is what externalTrafficPolicy: Local is for.
 */
function formatSource(trace: RequestTrace): string | null {
	const source = trace.source;
	if (source === undefined || trace.endpoint === null) return null;
	if (source.snat !== undefined) return `source ${source.ip} (SNAT by ${source.snat}${source.reason ? `: ${source.reason}` : ''})`;
	if (EXTERNAL_DESTINATIONS.has(trace.via)) return `source ${source.ip} (client IP kept)`;
	return null;
}

/**
 * One request, e.g.
 * `pod/curl (10.244.0.5 on node-1) → hello-node-svc:80 → A 10.104.23.171 → ClusterIP 10.104.23.171:80 → hello-node-x2k4z 10.244.1.3:8080 on node-2 → ok`.
 * `(affinity)` marks an endpoint chosen by session affinity rather than a fresh pick (E3).
 */
export function formatTrace(trace: RequestTrace): string {
	const {hops, outcome} = traceHops(trace);
	return [formatClient(trace.client), ...hops, outcome].map(sanitize).join(ARROW);
}

export function formatTraces(traces: ReadonlyArray<RequestTrace>): string {
	return traces.map(formatTrace).join('\n');
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
	const header = `${summary.total} ${summary.total === 1 ? 'request' : 'requests'}: ${summary.ok} ok, ${summary.failed} failed`;
	const podRows = Object.entries(summary.byPod)
		.sort(([a], [b]) => compare(a, b))
		.map(([pod, count]) => ({label: podLabel(pod, traces), count}));
	const failureRows = Object.entries(summary.byReason)
		.sort(([a, countA], [b, countB]) => countB - countA || compare(a, b))
		.map(([reason, count]) => ({label: failureLabel(reason, traces), count}));
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

/** `pod (ip on node)` from the newest successful request that reached it. */
function podLabel(pod: string, traces: ReadonlyArray<RequestTrace>): string {
	for (let i = traces.length - 1; i >= 0; i--) {
		const trace = traces[i];
		if (trace?.outcome !== 'ok' || trace.endpoint === null) continue;
		const endpoint = trace.endpoint;
		if (endpoint.pod === pod) return `${pod} (${endpoint.ip}${endpoint.node !== null ? ` on ${endpoint.node}` : ''})`;
		if (endpoint.pod === null && endpoint.ip === pod) return endpoint.node !== null ? `${pod} (on ${endpoint.node})` : pod;
	}
	return pod;
}

/** `timed out: <reason>` — the outcome is taken from a request that failed for that reason. */
function failureLabel(reason: string, traces: ReadonlyArray<RequestTrace>): string {
	const trace = traces.find(t => t.outcome !== 'ok' && t.reason === reason);
	return trace ? formatOutcome(trace.outcome, reason) : reason;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** `--output json` of a batch of requests. */
export function requestsJson(traces: ReadonlyArray<RequestTrace>, summary: RequestSummary): unknown {
	return {
		requests: traces.map(trace => ({
			client: {...trace.client},
			target: trace.target,
			resolved: trace.resolved,
			via: trace.via,
			...(trace.service !== undefined ? {service: trace.service} : {}),
			...(trace.entryNode !== undefined ? {entryNode: {...trace.entryNode}} : {}),
			endpoint: trace.endpoint === null ? null : {...trace.endpoint},
			...(trace.affinity === true ? {affinity: true} : {}),
			...(trace.source !== undefined ? {source: {...trace.source}} : {}),
			...(trace.http !== undefined ? {http: {...trace.http}} : {}),
			...(trace.networkPolicy !== undefined ? {networkPolicy: structuredClone(trace.networkPolicy)} : {}),
			outcome: trace.outcome,
			reason: trace.reason,
		})),
		summary: {
			total: summary.total,
			ok: summary.ok,
			failed: summary.failed,
			byPod: {...summary.byPod},
			byReason: {...summary.byReason},
		},
	};
}
