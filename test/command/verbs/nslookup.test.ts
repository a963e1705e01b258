import test from 'ava';
import type {Command} from '../../../source/command/types.js';
import type {ClientSpec} from '../../../source/sim/types.js';
import {fails, parses} from '../macros.js';

const USAGE =
	'Usage: nslookup NAME|IP [--from pod/NAME|node/NAME|external|CLIENT] [--type A|SRV|CNAME|PTR] [-v] [--expect A=IP[,IP…]|CNAME=NAME|nxdomain] [-n NS]';

const queried = (
	name: string,
	qtype: 'A' | 'SRV' | 'CNAME' | 'PTR' = 'A',
	from: ClientSpec = {kind: 'default', namespace: 'default'},
	verbose = false,
): Command => ({
	kind: 'actions',
	actions: [{type: 'dnsQueried', name, from, qtype}],
	output: 'text',
	...(verbose ? {verbose: true} : {}),
});

test(parses, 'nslookup hello-node-svc', queried('hello-node-svc'));
test(parses, 'nslookup hello-node-svc.default.svc.cluster.local', queried('hello-node-svc.default.svc.cluster.local'));
test(parses, 'nslookup _http._tcp.web --type SRV', queried('_http._tcp.web', 'SRV'));
test(parses, 'nslookup web --type=srv', queried('web', 'SRV'));
test(parses, 'nslookup db --type CNAME', queried('db', 'CNAME'));
test(parses, 'nslookup web --type a', queried('web', 'A'));
test("nslookup's own -type=", parses, 'nslookup -type=SRV _http._tcp.web', queried('_http._tcp.web', 'SRV'));
test("nslookup's own -query=", parses, 'nslookup web -query=cname', queried('web', 'CNAME'));
test("nslookup's own -q=", parses, 'nslookup web -q=A', queried('web', 'A'));
test(parses, 'nslookup web -v', queried('web', 'A', undefined, true));
test(parses, 'nslookup web --verbose', queried('web', 'A', undefined, true));
test(parses, 'nslookup web --from pod/web-0 -n db', queried('web', 'A', {kind: 'pod', name: 'web-0', namespace: 'db'}));
test(parses, 'nslookup web --from node/node-1', queried('web', 'A', {kind: 'node', name: 'node-1'}));
test(parses, 'nslookup web --from external', queried('web', 'A', {kind: 'external'}));
test(parses, 'nslookup web -n db', queried('web', 'A', {kind: 'default', namespace: 'db'}));

test(fails, 'nslookup', `error: nslookup needs a NAME. ${USAGE}`);
test(fails, 'nslookup web 10.96.0.10', `error: unexpected argument "10.96.0.10". ${USAGE}`);
test(fails, "nslookup ''", `error: the NAME may not be empty. ${USAGE}`);
test(fails, 'nslookup web --type MX', 'error: unsupported query type "MX": use A, SRV, CNAME or PTR');
test(
	'bin/dig/nslookup.c addlookup: an address asks for its PTR under in-addr.arpa, absolute, whatever the type',
	parses,
	'nslookup 10.96.0.1',
	queried('1.0.96.10.in-addr.arpa.', 'PTR'),
);
test(parses, 'nslookup 10.244.1.5 -type=A', queried('5.1.244.10.in-addr.arpa.', 'PTR'));
test('inet_pton refuses a leading zero: an ordinary name', parses, 'nslookup 10.244.01.5', queried('10.244.01.5'));
test(parses, 'nslookup 1.0.96.10.in-addr.arpa -type=PTR', queried('1.0.96.10.in-addr.arpa', 'PTR'));
test('not an address: an ordinary name', parses, 'nslookup 10.96.0.256', queried('10.96.0.256'));
test(fails, 'nslookup web --from pod/', `error: invalid --from "pod/": use pod/NAME, node/NAME, external, or an external client's name`);
test(fails, 'nslookup web -t SRV', "error: unknown shorthand flag: 't' in -t");
