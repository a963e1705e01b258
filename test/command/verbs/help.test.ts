import test from 'ava';
import {COMMANDS} from '../../../source/command/commands.js';
import {fails, parses} from '../macros.js';

test(parses, 'help', {kind: 'help'});
test(parses, 'kubectl help', {kind: 'help'});
test(parses, 'help -h', {kind: 'help', topic: 'help'});

for (const {name} of COMMANDS) {
	test(parses, `help ${name}`, {kind: 'help', topic: name});
	test(parses, `${name} --help`, {kind: 'help', topic: name});
}

test(fails, 'help foo', 'error: unknown help topic "foo"');
test(fails, 'help get pods', 'error: unexpected argument "pods". Usage: help [COMMAND]');
