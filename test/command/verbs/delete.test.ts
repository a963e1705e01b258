import test from 'ava';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: delete pod NAME... | delete pod -l SELECTOR | delete node NAME... | delete svc|netpol NAME... [-n NS] | delete -f FILE';

test(parses, 'delete pod hello-node-x2k4z', actions({type: 'podDeleted', namespace: 'default', name: 'hello-node-x2k4z'}));
test(parses, 'delete po a', actions({type: 'podDeleted', namespace: 'default', name: 'a'}));
test(parses, 'delete pods a -n web', actions({type: 'podDeleted', namespace: 'web', name: 'a'}));
test(
	'one action per name',
	parses,
	'delete pod a b c',
	actions(
		{type: 'podDeleted', namespace: 'default', name: 'a'},
		{type: 'podDeleted', namespace: 'default', name: 'b'},
		{type: 'podDeleted', namespace: 'default', name: 'c'},
	),
);
test(parses, 'delete pod/a', actions({type: 'podDeleted', namespace: 'default', name: 'a'}));
test(
	'pod/NAME and node/NAME mix',
	parses,
	'delete pod/a node/node-2',
	actions({type: 'podDeleted', namespace: 'default', name: 'a'}, {type: 'nodeDeleted', name: 'node-2'}),
);
test('one action for a selector', parses, 'delete pod -l app=hello-node', actions({type: 'podDeleted', namespace: 'default', selector: 'app=hello-node'}));
test(parses, 'delete pods --selector=app=web -n web', actions({type: 'podDeleted', namespace: 'web', selector: 'app=web'}));
test(parses, 'delete node node-1', actions({type: 'nodeDeleted', name: 'node-1'}));
test(parses, 'delete no node-1 node-2', actions({type: 'nodeDeleted', name: 'node-1'}, {type: 'nodeDeleted', name: 'node-2'}));
test(parses, 'delete node/node-3', actions({type: 'nodeDeleted', name: 'node-3'}));
test(parses, 'delete pod a -o json', {
	kind: 'actions',
	actions: [{type: 'podDeleted', namespace: 'default', name: 'a'}],
	output: 'json',
});

test(fails, 'delete', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'delete -l app=x', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'delete pod', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'delete node', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'delete pod a -l app=x', 'error: name cannot be provided when a selector is specified');
test(fails, 'delete node -l role=x', `error: a selector (-l) works for pods only. ${USAGE}`);
test(parses, 'delete svc x', actions({type: 'serviceDeleted', namespace: 'default', name: 'x'}));
test(parses, 'delete pod/a svc/b -n shop', actions({type: 'podDeleted', namespace: 'shop', name: 'a'}, {type: 'serviceDeleted', namespace: 'shop', name: 'b'}));
test(fails, 'delete deploy x', `error: only pods, nodes, services and networkpolicies can be deleted here, not deployments. ${USAGE}`);
test(fails, 'delete svc -l app=x', `error: a selector (-l) works for pods only. ${USAGE}`);
test(fails, 'delete foo x', 'error: the server doesn\'t have a resource type "foo"');
test(fails, 'delete pod -l "=="', 'error: unable to parse requirement: "=="');
test(fails, 'delete pod x --force', 'error: unknown flag: --force');
