// What a script line says must happen (issue 13, routing tests for CI): `curl … --expect
// ok|refused|timeout|nxdomain|pod=SELECTOR`, `nslookup … --expect A=IP[,IP…]|CNAME=NAME|nxdomain`,
// `expect ep SVC ready=N`. The grammar reads the words; session/expectations.ts checks them
// against what the simulator answered.

import {quote} from '../apimachinery/quote.js';
import {parseSelector} from '../sim/labels.js';
import type {RequestOutcome} from '../sim/types.js';

/** Not types.ts's ParseError: types.ts imports Expectation from here, and a cycle would follow. */
type ParseError = {ok: false; error: string};

export type Expectation =
	| {on: 'requests'; outcome: RequestOutcome}
	/** Every request answered by a pod the label selector matches. */
	| {on: 'requests'; pods: string}
	| {on: 'dns'; rcode: 'NXDOMAIN'}
	/** The A records are exactly these addresses (in any order). */
	| {on: 'dns'; a: string[]}
	| {on: 'dns'; cname: string}
	| {on: 'endpoints'; ready: number};

/** The words `--expect` takes, as its help and errors list them. */
const CURL_EXPECTATIONS = ['ok', 'refused', 'timeout', 'nxdomain', 'error', 'pod=SELECTOR'] as const;
const NSLOOKUP_EXPECTATIONS = ['A=IP[,IP…]', 'CNAME=NAME', 'nxdomain'] as const;

const OUTCOMES: ReadonlyArray<RequestOutcome> = ['ok', 'refused', 'timeout', 'nxdomain', 'error'];

export function curlExpectation(text: string): {ok: true; expect: Expectation} | ParseError {
	const outcome = OUTCOMES.find(o => o === text);
	if (outcome !== undefined) return {ok: true, expect: {on: 'requests', outcome}};
	if (text.startsWith('pod=')) {
		const selector = text.slice('pod='.length);
		const parsed = parseSelector(selector);
		if (!parsed.ok || selector.trim() === '') return {ok: false, error: `error: --expect ${quote(text)}: ${parsed.ok ? 'an empty selector' : parsed.error}`};
		return {ok: true, expect: {on: 'requests', pods: selector}};
	}
	return {ok: false, error: `error: --expect ${quote(text)}: curl expects one of ${CURL_EXPECTATIONS.join(', ')}`};
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function nslookupExpectation(text: string): {ok: true; expect: Expectation} | ParseError {
	if (text === 'nxdomain') return {ok: true, expect: {on: 'dns', rcode: 'NXDOMAIN'}};
	const [kind, value = ''] = text.split(/=(.*)/s);
	if (kind === 'A' || kind === 'a') {
		const ips = value.split(',').map(ip => ip.trim());
		const bad = ips.find(ip => !IPV4.test(ip));
		if (bad !== undefined) return {ok: false, error: `error: --expect ${quote(text)}: ${quote(bad)} is not an IPv4 address`};
		return {ok: true, expect: {on: 'dns', a: ips}};
	}
	if ((kind === 'CNAME' || kind === 'cname') && value !== '') return {ok: true, expect: {on: 'dns', cname: value.replace(/\.$/, '')}};
	return {ok: false, error: `error: --expect ${quote(text)}: nslookup expects one of ${NSLOOKUP_EXPECTATIONS.join(', ')}`};
}

/** `ready=N` of `expect ep SVC ready=N`. */
export function endpointsExpectation(text: string): {ok: true; expect: Expectation} | ParseError {
	const match = /^ready=(\d{1,6})$/.exec(text);
	if (match === null) return {ok: false, error: `error: ${quote(text)}: expect ep takes ready=N`};
	return {ok: true, expect: {on: 'endpoints', ready: Number(match[1])}};
}
