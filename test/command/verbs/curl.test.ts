import test from 'ava';
import type {Command} from '../../../source/command/types.js';
import type {ClientSpec} from '../../../source/sim/types.js';
import {fails, parses} from '../macros.js';

const USAGE =
	'Usage: curl TARGET [--from pod/NAME|node/NAME|external|CLIENT] [--via node/NAME] [--udp|--sctp] [--count N] [--summary] [-v] [--expect ok|refused|timeout|nxdomain|pod=SELECTOR] [-n NS]';

const sent = (
	target: string,
	from: ClientSpec = {kind: 'default', namespace: 'default'},
	count = 1,
	extra: {summaryOnly?: boolean; verbose?: boolean; output?: 'json'} = {},
): Command => ({
	kind: 'actions',
	actions: [{type: 'requestSent', target, from, count}],
	output: extra.output ?? 'text',
	...(extra.summaryOnly ? {summaryOnly: true} : {}),
	...(extra.verbose ? {verbose: true} : {}),
});

test(parses, 'curl hello-node-svc', sent('hello-node-svc'));
test(
	'the target is kept verbatim',
	parses,
	'curl http://hello-node-svc.default.svc.cluster.local:80/healthz?x=1#top',
	sent('http://hello-node-svc.default.svc.cluster.local:80/healthz?x=1#top'),
);
test(parses, 'curl hello-node-svc:80', sent('hello-node-svc:80'));
test(parses, 'curl 10.96.0.15:80', sent('10.96.0.15:80'));
test(parses, 'curl 192.168.49.2:30036 --from external', sent('192.168.49.2:30036', {kind: 'external'}));
test(parses, 'curl 203.0.113.10 --from laptop', sent('203.0.113.10', {kind: 'external', name: 'laptop'}));
test(parses, 'curl web --from pod/client', sent('web', {kind: 'pod', name: 'client', namespace: 'default'}));
test('the pod client is in -n', parses, 'curl web --from=pod/client -n shop', sent('web', {kind: 'pod', name: 'client', namespace: 'shop'}));
test('the default client is in -n', parses, 'curl web -n shop', sent('web', {kind: 'default', namespace: 'shop'}));
test(parses, 'curl web --from node/node-1', sent('web', {kind: 'node', name: 'node-1'}));
test(
	'--via names the node an outside client enters by, written as --from writes a node',
	parses,
	'curl 203.0.113.10 --from laptop --via node/node-2',
	sent('203.0.113.10', {kind: 'external', name: 'laptop', via: 'node-2'}),
);
test(parses, 'curl 203.0.113.10 --from external --via=no/node-3', sent('203.0.113.10', {kind: 'external', via: 'node-3'}));
test(parses, 'curl web --count 100', sent('web', undefined, 100));
test(parses, 'curl web --count=1000000', sent('web', undefined, 1_000_000));
test(parses, 'curl web --count 100 --summary', sent('web', undefined, 100, {summaryOnly: true}));
test(parses, 'curl web --summary=false', sent('web'));
test(parses, 'curl web -v', sent('web', undefined, 1, {verbose: true}));
test(parses, 'curl web -o json', sent('web', undefined, 1, {output: 'json'}));
test('a target after --', parses, 'curl -- -odd', sent('-odd'));

test(fails, 'curl', `error: curl needs a TARGET. ${USAGE}`);
test(fails, 'curl a b', `error: unexpected argument "b". ${USAGE}`);
test(fails, "curl ''", `error: the TARGET may not be empty. ${USAGE}`);
test(fails, 'curl web --count 0', 'error: --count must be between 1 and 1000000, not 0');
test(fails, 'curl web --count -5', 'error: --count must be between 1 and 1000000, not -5');
test(fails, 'curl web --count 1000001', 'error: --count must be between 1 and 1000000, not 1000001');
test(fails, 'curl web --count many', 'error: invalid argument "many" for "--count" flag: strconv.ParseInt: parsing "many": invalid syntax');
test(fails, 'curl web --from', 'error: flag needs an argument: --from');
test(fails, 'curl web --from svc/x', `error: invalid --from "svc/x": use pod/NAME, node/NAME, external, or an external client's name`);
test(fails, 'curl 203.0.113.10 --from external --via node-2', 'error: invalid --via "node-2": use node/NAME');
test(fails, 'curl 203.0.113.10 --from external --via pod/x', 'error: invalid --via "pod/x": use node/NAME');
test(fails, 'curl web -s', "error: unknown shorthand flag: 's' in -s");
