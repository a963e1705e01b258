// `nslookup NAME` inside a pod, printed as BIND 9's nslookup prints it (docs/semantics.md F,
// S101-S112): isc-projects/bind9 bin/dig/nslookup.c printmessage(), printsection(), printaddr().

import {describeCnameStop, describeDnsTimeout} from '../sim/dns.js';
import type {DnsRecord, DnsResult} from '../sim/types.js';
import {sanitize} from './sanitize.js';

/** Our own lines, never BIND's: what the simulator knows and a real nslookup would not print. */
const OURS = ';; k8s-svc-tui: ';

function withDot(name: string): string {
	return name.endsWith('.') ? name : `${name}.`;
}

/** dns_name_format: a name without its final dot. */
function withoutDot(name: string): string {
	return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * One answer-section record as printsection() prints it: `Name:<tab>` and printaddr()'s
 * `Address: ` (a space) for an address, else the owner, a tab, rtypetext[] and the rdata. The tabs
 * are BIND's; every value is sanitized here, so a tab from input stays `^I`.
 */
function recordLines(record: DnsRecord): string[] {
	const name = sanitize(withoutDot(record.name));
	const data = sanitize(record.data);
	switch (record.type) {
		case 'A':
			return [`Name:\t${name}`, `Address: ${data}`];
		case 'CNAME':
			return [`${name}\tcanonical name = ${withDot(data)}`];
		case 'SRV':
			return [`${name}\tservice = ${data}`];
		case 'PTR':
			return [`${name}\tname = ${withDot(data)}`];
		case 'SOA':
			return [`${name}\tsoa = ${data}`];
	}
}

/** dighost.c setup_system: resolv.conf's `attempts`, 3 when unset (the kubelet's sets only ndots). */
const NSLOOKUP_TRIES = 3;

/** A record as dig prints one (`name ttl IN type data`), for our -v lines. */
const recordText = (r: DnsRecord) => sanitize(`${r.name} ${r.ttl} IN ${r.type} ${r.data}`);

/**
 * `nslookup NAME` byte for byte as BIND 9's nslookup prints it:
 * ```
 * Server:\t\t10.96.0.10
 * Address:\t10.96.0.10#53
 *
 * Name:\thello-node-svc.default.svc.cluster.local
 * Address: 10.104.23.171
 *
 * ```
 * The Server lines head an A lookup or any `-type=` one, not the PTR lookup an address asks for.
 * The kubernetes plugin sets the AA bit (coredns plugin/kubernetes/handler.go), so only a
 * forwarded name gets `Non-authoritative answer:`. An A lookup without answers is followed by
 * nslookup's AAAA one, empty too (the simulated cluster is IPv4 only), which prints `*** Can't
 * find NAME: No answer` for the name that answered; `-type=SRV|CNAME` prints it for the name as
 * typed. main() ends with an empty line. Our own lines start with `;; k8s-svc-tui:`: that the
 * upstream resolver would answer, and with `verbose` the search path (ndots:5, F5), why a name
 * has no records, and the authority and additional sections.
 */
export function formatNslookup(result: DnsResult, options: {verbose?: boolean} = {}): string {
	const verbose = options.verbose === true;
	// dighost.c recv_done: no reply ever comes, so no Server header; each of resolv.conf's
	// attempts (3 by default, lib/dns/resconf.c) times out with a warning, then the verdict.
	if (result.timedOut) {
		const server = sanitize(result.timedOut.server);
		const lines = [...Array.from({length: NSLOOKUP_TRIES}, () => `;; communications error to ${server}#53: timed out`), ';; no servers could be reached'];
		// A dropping policy is the one thing BIND cannot see and the user must know: said without -v too.
		if (verbose || result.timedOut.networkPolicy) lines.push(`${OURS}${sanitize(describeDnsTimeout(result.timedOut))}`);
		return [...lines, ''].join('\n');
	}
	const question = sanitize(withoutDot(result.question));
	const lines: string[] = [];
	// printmessage(): `!default_lookups || rdtype == A`; an address is nslookup's PTR default lookup.
	if (result.qtype !== 'PTR') {
		// Nodes and outside clients ask their own resolver, which has no address in the model (F6).
		const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(result.server);
		const server = sanitize(result.server);
		lines.push(...(isIP ? [`Server:\t\t${server}`, `Address:\t${server}#53`] : [`Server:\t\t${server} (not cluster DNS)`]), '');
	}
	// The one thing a pod's own nslookup would not say, and the reason its lookups fail: said without -v too.
	if (result.resolverNote !== undefined) lines.push(`${OURS}${sanitize(result.resolverNote)}`);
	if (verbose && result.tried.length > 0) {
		lines.push(`${OURS}search path${result.ndots === undefined ? '' : ` (ndots:${result.ndots})`}:`);
		for (const query of result.tried) lines.push(`${OURS}  ${sanitize(withoutDot(query.name))}: ${query.rcode}`);
	}
	if (result.rcode === 'NXDOMAIN') {
		// The name as typed is the last one tried below ndots dots (dighost.c next_origin) and the
		// first from ndots on, where NXDOMAIN stops the search at once: the verdict names it.
		lines.push(`** server can't find ${question}: NXDOMAIN`);
	} else if (result.upstream && result.answers.length === 0) {
		// A forwarded reply has no AA bit; for an A lookup the line comes before the answers.
		if (result.qtype === 'A') lines.push('Non-authoritative answer:');
		const name = sanitize(withoutDot(result.canonicalName ?? result.question));
		lines.push(`${OURS}${name} is outside the cluster: forwarded to the upstream resolver, which k8s-svc-tui does not simulate`);
	} else if (result.answers.length === 0) {
		if (result.qtype === 'A') lines.push(`*** Can't find ${sanitize(withoutDot(result.canonicalName ?? result.question))}: No answer`);
		else if (result.qtype !== 'PTR') lines.push(`*** Can't find ${question}: No answer`);
		if (verbose && result.cnameStop) lines.push(`${OURS}${sanitize(describeCnameStop(result.cnameStop))}`);
	} else {
		if (result.upstream) lines.push('Non-authoritative answer:');
		for (const record of result.answers) lines.push(...recordLines(record));
		// CoreDNS would add the upstream resolver's records for an ExternalName's outside target.
		if (result.outside !== undefined) {
			const target = sanitize(result.outside);
			lines.push(`${OURS}${target} is outside the cluster: CoreDNS asks the upstream resolver for its records, which k8s-svc-tui does not simulate`);
		}
	}
	if (verbose) {
		for (const r of result.authority ?? []) lines.push(`${OURS}authority: ${recordText(r)}`);
		for (const r of result.additional ?? []) lines.push(`${OURS}additional: ${recordText(r)}`);
	}
	return [...lines, ''].join('\n');
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
	if (result.resolverNote !== undefined) out.resolverNote = result.resolverNote;
	if (result.cnameStop) out.cnameStop = {why: result.cnameStop.why, chain: result.cnameStop.chain};
	if (result.timedOut) {
		const {server, reason, networkPolicy} = result.timedOut;
		out.timedOut = {server, reason, ...(networkPolicy ? {networkPolicy: structuredClone(networkPolicy)} : {})};
	}
	if (result.authority) out.authority = result.authority.map(r => ({name: r.name, type: r.type, ttl: r.ttl, data: r.data}));
	if (result.additional) out.additional = result.additional.map(r => ({name: r.name, type: r.type, ttl: r.ttl, data: r.data}));
	if (result.outside !== undefined) out.outside = result.outside;
	return out;
}
