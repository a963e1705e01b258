// `nslookup NAME`: a query to cluster DNS from a client, through its search path
// (docs/semantics.md F1-F6).

import {quote} from '../../apimachinery/quote.js';
import {parseClientSpec} from '../client-spec.js';
import {nslookupExpectation} from '../expect-spec.js';
import {actionsCommand, stringFlag, unexpectedArgument, usageError, type Verb} from './verb.js';

export const QUERY_TYPES = ['A', 'SRV', 'CNAME', 'PTR'] as const;

/**
 * BIND's nslookup (bin/dig/nslookup.c addlookup, get_reverse in bin/dig/dighost.c) asks for the
 * PTR of an address given as NAME, whatever the type asked for, under an absolute
 * `d.c.b.a.in-addr.arpa.` that the search path never extends.
 */
function reverseName(name: string): string | undefined {
	const parts = name.split('.');
	// inet_pton(AF_INET): four decimal octets up to 255, without leading zeros.
	if (parts.length !== 4 || !parts.every(p => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
	return `${parts.reverse().join('.')}.in-addr.arpa.`;
}

/** nslookup's own single-dash options (`-type=SRV`, `-query=srv`, `-q=a`). */
const NSLOOKUP_TYPE_OPTION = /^-(?:type|querytype|query|q)=(.*)$/i;

export const nslookup: Verb = {
	name: 'nslookup',
	usage: 'nslookup NAME|IP [--from pod/NAME|node/NAME|external|CLIENT] [--type A|SRV|CNAME|PTR] [-v] [--expect A=IP[,IP…]|CNAME=NAME|nxdomain] [-n NS]',
	summary: 'Ask cluster DNS for a name from a client and show every name tried on the search path',
	flags: [
		{name: 'from', kind: 'string'},
		{name: 'type', kind: 'string'},
		{name: 'verbose', shorthand: 'v', kind: 'bool'},
		{name: 'expect', kind: 'string'},
	],
	outputs: ['json'],
	rewrite: tokens =>
		tokens.map(token => {
			const m = NSLOOKUP_TYPE_OPTION.exec(token);
			return m === null ? token : `--type=${m[1]}`;
		}),
	build(ctx) {
		const [name, extra] = ctx.args;
		if (name === undefined) return usageError(nslookup, 'nslookup needs a NAME');
		if (extra !== undefined) return unexpectedArgument(nslookup, extra);
		if (name === '') return usageError(nslookup, 'the NAME may not be empty');
		const typeText = stringFlag(ctx.flags, 'type') ?? 'A';
		const qtype = QUERY_TYPES.find(t => t === typeText.toUpperCase());
		if (qtype === undefined) {
			return {ok: false, error: `error: unsupported query type ${quote(typeText)}: use A, SRV, CNAME or PTR`};
		}
		const from = parseClientSpec(stringFlag(ctx.flags, 'from'), ctx.namespace);
		if (!from.ok) return from;
		const expectText = stringFlag(ctx.flags, 'expect');
		const expected = expectText === undefined ? undefined : nslookupExpectation(expectText);
		if (expected !== undefined && !expected.ok) return expected;
		const reverse = reverseName(name);
		const question = reverse === undefined ? {name, qtype} : {name: reverse, qtype: 'PTR' as const};
		return actionsCommand(ctx, [{type: 'dnsQueried', ...question, from: from.from}], {
			...(ctx.flags.verbose === true ? {verbose: true} : {}),
			...(expected !== undefined ? {expect: expected.expect} : {}),
		});
	},
};
