import test from 'ava';
import {COMMANDS, commandFlags} from '../../source/command/commands.js';
import {parseCommand} from '../../source/command/parse-command.js';

test('every command is listed once, in the order help shows them', t => {
	t.deepEqual(
		COMMANDS.map(c => c.name),
		['get', 'describe', 'delete', 'crash', 'scale', 'label', 'probe', 'curl', 'nslookup', 'wait', 'help'],
	);
});

test('each usage line starts with its command and each has a summary', t => {
	for (const command of COMMANDS) {
		t.true(command.usage.startsWith(`${command.name} `) || command.usage === command.name, command.name);
		t.true(command.summary.length > 10, command.name);
	}
});

test('the help lines as help prints them', t => {
	t.snapshot(COMMANDS.map(c => `${c.usage}\n    ${c.summary}`).join('\n'));
});

test('every listed command parses', t => {
	for (const {name} of COMMANDS) {
		const result = parseCommand(`${name} --help`);
		t.deepEqual(result, {ok: true, command: {kind: 'help', topic: name}});
	}
});

test("commandFlags lists the common flags and the command's own", t => {
	t.deepEqual(
		commandFlags('get').map(f => f.name),
		['namespace', 'output', 'help', 'all-namespaces', 'selector'],
	);
	t.deepEqual(
		commandFlags('curl').map(f => f.name),
		['namespace', 'output', 'help', 'from', 'count', 'summary', 'verbose'],
	);
	t.deepEqual(commandFlags('nope'), []);
});
