// Requests as a learner reads them: one line per request, client → name → DNS answer → how it
// entered the Service data path → the pod that answered → outcome (or why it failed).

import type {Client, DnsResult, RequestOutcome, RequestSummary, RequestTrace} from '../sim/types.js';
import {dnsJson} from './nslookup.js';
import {sanitize} from './sanitize.js';

const ARROW = ' → ';

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

export function formatOutcome(outcome: RequestOutcome, reason: string): string {
	const label = OUTCOME_LABELS[outcome];
	if (reason === '') return label;
	// The DNS hop already says NXDOMAIN: say the host, as curl does (`Could not resolve host: nope`).
	const missing = outcome === 'nxdomain' ? /^NXDOMAIN: (.+) not found$/.exec(reason) : null;
	if (missing) return `${label}: ${missing[1]}`;
	return outcome === 'ok' ? `${label} (${reason})` : `${label}: ${reason}`;
}

/**
 * A request that no simulated pod answered although nothing failed: an ExternalName's CNAME led
 * outside the cluster (sim/dns.ts), and what is there is not simulated. The TUI marks it ⋯, and
 * counts it apart from the successes.
 */
export const answeredOutside = (trace: RequestTrace): boolean => trace.outcome === 'ok' && trace.endpoint === null && trace.reason !== '';

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
	// curl's TCP goes unsaid; `--udp` and `--sctp` mark the address they were sent to, as ss and netstat do.
	const protocol = trace.protocol === undefined ? '' : `/${trace.protocol}`;
	if (viaShown) hops.push(`${trace.via} ${trace.resolved}${protocol}${trace.entryNode ? ` ${formatEntry(trace.entryNode)}` : ''}`);
	else if (trace.entryNode) hops.push(formatEntry(trace.entryNode));
	if (trace.endpoint !== null) {
		const {pod, ip, port, node} = trace.endpoint;
		let text = `${ip}:${port}`;
		// Nothing new to say when the "endpoint" is just the address already shown (ExternalName).
		const repeats = viaShown && pod === null && node === null && !trace.affinity && text === trace.resolved;
		text += protocol;
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

/** `--output json` of a batch of requests. */
export function requestsJson(traces: ReadonlyArray<RequestTrace>, summary: RequestSummary): unknown {
	return {requests: traces.map(requestJson), summary: summaryJson(summary)};
}

/** One request of `--output json`'s `requests` (session/request-burst.ts writes them batch by batch). */
export function requestJson(trace: RequestTrace): unknown {
	return {
		client: {...trace.client},
		target: trace.target,
		// The DNS step the text shows (`A …`, an ExternalName's `CNAME …`, `NXDOMAIN`), as nslookup -o json has it.
		...(trace.dns !== undefined ? {dns: dnsJson(trace.dns)} : {}),
		resolved: trace.resolved,
		...(trace.protocol !== undefined ? {protocol: trace.protocol} : {}),
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
	};
}

/** `--output json`'s `summary`. */
export function summaryJson(summary: RequestSummary): unknown {
	return {
		total: summary.total,
		ok: summary.ok,
		failed: summary.failed,
		byPod: {...summary.byPod},
		byReason: {...summary.byReason},
	};
}
