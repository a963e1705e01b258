// `nslookup NAME` inside a pod, printed like BIND's nslookup with busybox's column (docs/semantics.md F;
// docs/semantics.md S101-S112).

import {describeCnameStop, describeDnsTimeout} from '../sim/dns.js';
import type {DnsRecord, DnsResult} from '../sim/types.js';
import {sanitize} from './sanitize.js';

const COLUMN = 11;

function field(label: string, value: string): string {
	return label.padEnd(COLUMN) + value;
}

function withDot(name: string): string {
	return name.endsWith('.') ? name : `${name}.`;
}

function withoutDot(name: string): string {
	return name.endsWith('.') ? name.slice(0, -1) : name;
}

function recordLines(record: DnsRecord): string[] {
	const name = withoutDot(record.name);
	switch (record.type) {
		case 'A':
			return [field('Name:', name), field('Address:', record.data)];
		case 'CNAME':
			return [`${name} canonical name = ${withDot(record.data)}`];
		case 'SRV': {
			// data is `priority weight port target`.
			const parts = record.data.trim().split(/\s+/);
			const last = parts.length > 3 ? parts.pop() : undefined;
			const target = last === undefined ? '' : withDot(last);
			return [`${name} service = ${[...parts, target].filter(p => p !== '').join(' ')}`];
		}
		case 'PTR':
			return [`${name} name = ${withDot(record.data)}`];
		case 'SOA':
			return [`${name} soa = ${record.data}`];
	}
}

/**
 * ```
 * Server:    10.96.0.10
 * Address:   10.96.0.10#53
 *
 * Name:      hello-node-svc.default.svc.cluster.local
 * Address:   10.104.23.171
 * ```
 * With `verbose`, every name tried on the search path (ndots:5, F5) is listed first with its rcode.
 */
export function formatNslookup(result: DnsResult, options: {verbose?: boolean} = {}): string {
	// BIND's nslookup prints no Server header when no server replied, only its verdict.
	if (result.timedOut) {
		return [';; connection timed out; no servers could be reached', `;; ${describeDnsTimeout(result.timedOut)}`].map(sanitize).join('\n');
	}
	// Nodes and outside clients ask their own resolver, which has no address in the model (F6).
	const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(result.server);
	const lines = isIP
		? [field('Server:', result.server), field('Address:', `${result.server}#53`), '']
		: [field('Server:', `${result.server} (not cluster DNS)`), ''];
	if (options.verbose && result.tried.length > 0) {
		for (const query of result.tried) lines.push(`;; ${withoutDot(query.name)}: ${query.rcode}`);
		lines.push('');
	}
	if (result.rcode === 'NXDOMAIN') {
		lines.push(`** server can't find ${result.question}: NXDOMAIN`);
	} else if (result.upstream && result.answers.length === 0) {
		lines.push(
			`;; ${withoutDot(result.canonicalName ?? result.question)} is outside the cluster: forwarded to the upstream resolver, which k8s-svc-tui does not simulate`,
		);
	} else if (result.answers.length === 0) {
		lines.push(`*** Can't find ${result.question}: No answer`);
		if (result.cnameStop) lines.push(`;; ${describeCnameStop(result.cnameStop)}`);
	} else {
		// Answers from outside the cluster zone come from the upstream resolver, not CoreDNS's zone.
		if (result.upstream) lines.push('Non-authoritative answer:');
		for (const record of result.answers) lines.push(...recordLines(record));
		// CoreDNS would add the upstream resolver's records for an ExternalName's outside target.
		if (result.outside !== undefined) {
			lines.push(`;; ${result.outside} is outside the cluster: CoreDNS asks the upstream resolver for its records, which k8s-svc-tui does not simulate`);
		}
	}
	return lines.map(sanitize).join('\n');
}

/** The lookup as JSON for headless `--output json`. */
export function dnsJson(result: DnsResult): unknown {
	const out: Record<string, unknown> = {
		question: result.question,
		qtype: result.qtype,
		server: result.server,
		rcode: result.rcode,
		tried: result.tried.map(q => ({name: q.name, rcode: q.rcode})),
		answers: result.answers.map(r => ({name: r.name, type: r.type, ttl: r.ttl, data: r.data})),
		upstream: result.upstream,
	};
	if (result.canonicalName !== undefined) out.canonicalName = result.canonicalName;
	if (result.cnameStop) out.cnameStop = {why: result.cnameStop.why, chain: result.cnameStop.chain};
	if (result.timedOut) out.timedOut = {server: result.timedOut.server, reason: result.timedOut.reason};
	if (result.authority) out.authority = result.authority.map(r => ({name: r.name, type: r.type, ttl: r.ttl, data: r.data}));
	if (result.additional) out.additional = result.additional.map(r => ({name: r.name, type: r.type, ttl: r.ttl, data: r.data}));
	if (result.outside !== undefined) out.outside = result.outside;
	return out;
}
