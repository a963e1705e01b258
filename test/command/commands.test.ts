import test from 'ava';
import {COMMANDS, commandFlags} from '../../source/command/commands.js';
import {parseCommand} from '../../source/command/parse-command.js';
import type {Command} from '../../source/command/types.js';
import {execute} from '../../source/session/execute.js';
import {sampleState} from '../session/sample-state.js';
import {actions} from './macros.js';

test('every command is listed once, in the order help shows them', t => {
	t.deepEqual(
		COMMANDS.map(c => c.name),
		['get', 'describe', 'apply', 'create', 'edit', 'delete', 'crash', 'scale', 'label', 'probe', 'curl', 'nslookup', 'wait', 'expect', 'undo', 'help'],
	);
});

test('each usage line starts with its command and each has a summary', t => {
	for (const command of COMMANDS) {
		t.true(command.usage.startsWith(`${command.name} `) || command.usage === command.name, command.name);
		t.true(command.summary.length > 10, command.name);
	}
});

test('help: what the palette and --script print for `help` and `help COMMAND`', t => {
	// Both front ends run a line through the session executor; so does this.
	const state = sampleState('hello.yaml');
	const all = execute(state, 'help');
	t.true(all.ok);
	t.deepEqual(all.err, []);
	t.snapshot(all.out.join('\n'), 'help');
	t.is(all.out[0], 'Commands (kubectl habits; `help COMMAND` for one):');
	// One line per command, in table order: its usage, then its summary.
	t.is(all.out.length, 1 + COMMANDS.length);
	for (const [i, c] of COMMANDS.entries()) {
		const line = all.out[i + 1] ?? '';
		t.true(line.startsWith(`  ${c.usage} `) && line.endsWith(`  ${c.summary}`), line);
	}
	const scale = execute(state, 'help scale');
	t.deepEqual(scale.out, [
		'scale rc|rs|deploy|sts NAME --replicas=N [-n NS]',
		'  Set the number of replicas of a ReplicationController, ReplicaSet, Deployment or StatefulSet',
	]);
	t.is(scale.state, state, 'help changes nothing');
});

/** A real invocation of each listed command, written from its usage line, and what it parses to. */
const EXAMPLES: Record<string, Array<[string, Command]>> = {
	get: [
		[
			'get pods hello-node-4fp4j -n default -o wide',
			{kind: 'get', resource: 'pods', name: 'hello-node-4fp4j', namespace: 'default', allNamespaces: false, output: 'wide'},
		],
	],
	describe: [
		[
			'describe svc hello-node-svc -n default',
			{
				kind: 'describe',
				targets: [{resource: 'services', name: 'hello-node-svc'}],
				resource: 'services',
				prefixMatch: true,
				namespace: 'default',
				allNamespaces: false,
				output: 'text',
			},
		],
	],
	apply: [
		['apply -f web.yaml', {kind: 'apply', file: 'web.yaml'}],
		['apply --filename=manifests/', {kind: 'apply', file: 'manifests/'}],
	],
	create: [['create -f web.yaml', {kind: 'apply', file: 'web.yaml', verb: 'create'}]],
	edit: [['edit svc web -n shop', {kind: 'edit', ref: 'service web -n shop'}]],
	delete: [
		['delete pod a b', actions({type: 'podDeleted', namespace: 'default', name: 'a'}, {type: 'podDeleted', namespace: 'default', name: 'b'})],
		['delete pod -l app=web', actions({type: 'podDeleted', namespace: 'default', selector: 'app=web'})],
		['delete node node-2', actions({type: 'nodeDeleted', name: 'node-2'})],
	],
	crash: [['crash pod a -n shop', actions({type: 'podCrashed', namespace: 'shop', name: 'a'})]],
	scale: [
		[
			'scale rc hello-node --replicas=5',
			actions({type: 'replicasScaled', kind: 'ReplicationController', namespace: 'default', name: 'hello-node', replicas: 5}),
		],
	],
	label: [
		[
			'label pod a tier=web app- --overwrite',
			actions({type: 'podLabeled', namespace: 'default', name: 'a', set: {tier: 'web'}, remove: ['app'], overwrite: true}),
		],
	],
	probe: [['probe pod a fail', actions({type: 'probeSet', namespace: 'default', name: 'a', passing: false})]],
	curl: [
		['curl hello-node-svc:80 --from external --count 3', actions({type: 'requestSent', target: 'hello-node-svc:80', from: {kind: 'external'}, count: 3})],
		['curl syslog:514 --udp', actions({type: 'requestSent', target: 'syslog:514', from: {kind: 'default', namespace: 'default'}, count: 1, protocol: 'UDP'})],
		[
			'curl diameter:3868 --sctp',
			actions({type: 'requestSent', target: 'diameter:3868', from: {kind: 'default', namespace: 'default'}, count: 1, protocol: 'SCTP'}),
		],
		[
			'curl web --expect pod=app=web',
			{
				...actions({type: 'requestSent', target: 'web', from: {kind: 'default', namespace: 'default'}, count: 1}),
				expect: {on: 'requests', pods: 'app=web'},
			} as Command,
		],
	],
	nslookup: [
		['nslookup hello-node-svc --type SRV', actions({type: 'dnsQueried', name: 'hello-node-svc', from: {kind: 'default', namespace: 'default'}, qtype: 'SRV'})],
	],
	wait: [['wait 1m30s', actions({type: 'clockAdvanced', ms: 90_000})]],
	expect: [['expect ep web ready=2 -n shop', {kind: 'expect', service: 'web', namespace: 'shop', expect: {on: 'endpoints', ready: 2}}]],
	undo: [
		['undo 1', {kind: 'undo', count: 1}],
		['undo 3', {kind: 'undo', count: 3}],
	],
	help: [['help scale', {kind: 'help', topic: 'scale'}]],
};

test('every listed command parses a real invocation into what it means', t => {
	t.deepEqual(
		Object.keys(EXAMPLES),
		COMMANDS.map(c => c.name),
		'one example per listed command, in table order',
	);
	for (const [name, examples] of Object.entries(EXAMPLES)) {
		for (const [line, command] of examples) {
			t.true(line.startsWith(`${name} `), line);
			t.deepEqual(parseCommand(line), {ok: true, command}, line);
		}
	}
});

test("commandFlags lists the common flags and the command's own", t => {
	t.deepEqual(
		commandFlags('get').map(f => f.name),
		['namespace', 'output', 'help', 'all-namespaces', 'selector', 'show-labels', 'label-columns', 'no-headers', 'sort-by', 'field-selector'],
	);
	t.deepEqual(
		commandFlags('curl').map(f => f.name),
		['namespace', 'output', 'help', 'from', 'via', 'count', 'udp', 'sctp', 'summary', 'verbose', 'expect'],
	);
	t.deepEqual(commandFlags('nope'), []);
});

test('curl: --udp and --sctp name one protocol each, so together they are refused', t => {
	const parsed = parseCommand('curl web:53 --udp --sctp');
	t.false(parsed.ok);
	t.regex(parsed.ok ? '' : parsed.error, /^error: --udp and --sctp cannot be used together\. Usage: curl TARGET .*\[--udp\|--sctp\]/);
});
