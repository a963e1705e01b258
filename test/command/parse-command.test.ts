// What every command shares: blank lines and comments, the `kubectl` word, flags before the
// command word, unknown commands, `-o`, `-n`, `-h`. Each verb has its own file in verbs/.

import test from 'ava';
import {parseCommand} from '../../source/command/parse-command.js';
import {actions, fails, parses} from './macros.js';

const svc = {kind: 'get', resource: 'services', namespace: 'default', allNamespaces: false, output: 'text'} as const;

test('a blank line is no command', parses, '', null);
test('a line of spaces is no command', parses, ' \t ', null);
test('a comment is no command', parses, '# delete pod -l app=hello-node', null);
test('an indented comment is no command', parses, '   # note', null);
test('a trailing comment is ignored', parses, 'get svc # what is there?', svc);
test('a leading kubectl word is ignored', parses, 'kubectl get svc', svc);
test('a CRLF line from a Windows script parses', parses, 'get svc\r\n', svc);
test('kubectl alone asks for help', parses, 'kubectl', {kind: 'help'});
test('kubectl with only flags asks for help', parses, 'kubectl -n web', {kind: 'help'});
test('-n before the command word', parses, 'kubectl -n web get svc', {...svc, namespace: 'web'});
test('--namespace= before the command word', parses, '--namespace=web get svc', {...svc, namespace: 'web'});
test('-o before the command word (cobra skips its value)', parses, 'kubectl -o json get svc', {...svc, output: 'json'});
test('the flag after the command word wins', parses, '-n a get svc -n b', {...svc, namespace: 'b'});
test('an empty -n means default', parses, 'get svc -n ""', svc);
test('-n works on every command', parses, 'crash pod x -n web', actions({type: 'podCrashed', namespace: 'web', name: 'x'}));
test("-h asks for the command's help", parses, 'get -h', {kind: 'help', topic: 'get'});
test("--help asks for the command's help, whatever else is missing", parses, 'scale --help', {kind: 'help', topic: 'scale'});
test('-h before the command word', parses, 'kubectl -h curl', {kind: 'help', topic: 'curl'});
test('quoted arguments', parses, `get svc "hello-node-svc"`, {...svc, name: 'hello-node-svc'});
test('quoted flag values', parses, `get pods -l 'app in (a, b)'`, {
	kind: 'get',
	resource: 'pods',
	namespace: 'default',
	allNamespaces: false,
	selector: 'app in (a, b)',
	output: 'text',
});

test(fails, 'foo', 'error: unknown command "foo"');
test(fails, 'foo --bar', 'error: unknown command "foo"');
test(fails, 'gte pods', 'error: unknown command "gte" (did you mean "get"?)');
test(fails, 'desc svc x', 'error: unknown command "desc" (did you mean "describe"?)');
test("commands are case-sensitive, like kubectl's", fails, 'GET pods', 'error: unknown command "GET" (did you mean "get"?)');
test('an unknown root flag swallows the next word, as in kubectl', fails, 'kubectl -A get pods', 'error: unknown command "pods"');
test('an unknown flag with only flags', fails, 'kubectl --bogus', 'error: unknown flag: --bogus');
test(fails, 'get pods --bar', 'error: unknown flag: --bar');
test(fails, 'get pods -x', "error: unknown shorthand flag: 'x' in -x");
test('a flag another command has is unknown here', fails, 'wait 5s --replicas=3', 'error: unknown flag: --replicas');
test(fails, 'get pods -n', "error: flag needs an argument: 'n' in -n");
test(fails, 'get pods --output', 'error: flag needs an argument: --output');
test(fails, `get pods 'oops`, "error: missing closing ' quote");
test(fails, 'get pods \u001b]0;pwned\u0007', 'error: the command contains a control character (U+001B)');
test('an unknown command is quoted safely', fails, '"\\"x"', 'error: unknown command "\\"x"');

test('-o json is accepted on every command', t => {
	const lines = [
		'get pods',
		'describe svc x',
		'delete pod x',
		'crash pod x',
		'scale rc x --replicas=1',
		'label pod x a=b',
		'probe pod x fail',
		'curl x',
		'nslookup x',
		'wait 1s',
	];
	for (const line of lines) {
		const result = parseCommand(`${line} -o json`);
		t.true(result.ok && result.command !== null && 'output' in result.command && result.command.output === 'json', line);
	}
});

test('-o is case-insensitive and an empty one is the default', t => {
	t.deepEqual(parseCommand('get svc -o YAML'), {ok: true, command: {...svc, output: 'yaml'}});
	t.deepEqual(parseCommand('get svc --output='), {ok: true, command: svc});
});

test(
	fails,
	'get pods -o tsv',
	'error: unable to match a printer suitable for the output format "tsv", allowed formats are: custom-columns,json,jsonpath,jsonpath-as-json,name,wide,yaml',
);
test(
	'template formats stay get-only',
	fails,
	'curl x -o jsonpath={.a}',
	'error: unable to match a printer suitable for the output format "jsonpath={.a}", allowed formats are: json',
);
test('only json beyond get', fails, 'curl x -o wide', 'error: unable to match a printer suitable for the output format "wide", allowed formats are: json');
test(fails, 'describe svc x -o yaml', 'error: unable to match a printer suitable for the output format "yaml", allowed formats are: json');

test('parseCommand never throws on odd input', t => {
	const odd = ['-', '--', '"', "'", '\\', '#', '=', '-n', '--=', '/', 'get /', 'get -- -A', 'x'.repeat(10_000), '\u0000', '\ud800'];
	for (const line of odd) t.notThrows(() => parseCommand(line), JSON.stringify(line).slice(0, 40));
});
