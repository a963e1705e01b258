// kubectl's JSONPath against the examples of the Kubernetes docs page "JSONPath Support"
// (kubernetes.io/docs/reference/kubectl/jsonpath), on that page's sample input. Where the page
// shows a result loosely (`[127.0.0.1 127.0.0.2]`, `map[cpu:4]`), the expected text is what kubectl
// prints, as client-go's own `util/jsonpath/jsonpath_test.go` TestKubernetes asserts on the same
// input: values separated by spaces, maps as JSON.
import test from 'ava';
import {executeTemplate} from '../../source/view/jsonpath.js';

const DOC_INPUT = {
	kind: 'List',
	items: [
		{
			kind: 'None',
			metadata: {name: '127.0.0.1', labels: {'kubernetes.io/hostname': '127.0.0.1'}},
			status: {capacity: {cpu: '4'}, addresses: [{type: 'LegacyHostIP', address: '127.0.0.1'}]},
		},
		{
			kind: 'None',
			metadata: {name: '127.0.0.2'},
			status: {
				capacity: {cpu: '8'},
				addresses: [
					{type: 'LegacyHostIP', address: '127.0.0.2'},
					{type: 'another', address: '127.0.0.3'},
				],
			},
		},
	],
	users: [
		{name: 'myself', user: {}},
		{name: 'e2e', user: {username: 'admin', password: 'secret'}},
	],
};

const prints = test.macro({
	exec(t, template: string, expected: string, data: unknown = DOC_INPUT) {
		t.deepEqual(executeTemplate(template, data), {ok: true, text: expected});
	},
	title: (provided, template) => provided ?? `prints ${template}`,
});

const failsWith = test.macro({
	exec(t, template: string, expected: string) {
		t.deepEqual(executeTemplate(template, DOC_INPUT), {ok: false, error: expected});
	},
	title: (provided, template) => provided ?? `refuses ${template}`,
});

test('text: the plain text', prints, 'kind is {.kind}', 'kind is List');
test('@: the current object', t => {
	const result = executeTemplate('{@}', DOC_INPUT);
	if (!result.ok) return t.fail(result.error);
	t.deepEqual(JSON.parse(result.text), DOC_INPUT);
});
test('. child operator', prints, '{.kind}', 'List');
test('[] child operator', prints, "{['kind']}", 'List');
test('.. recursive descent', prints, '{..name}', '127.0.0.1 127.0.0.2 myself e2e');
test('* wildcard', prints, '{.items[*].metadata.name}', '127.0.0.1 127.0.0.2');
test('[start:end:step] subscript', prints, '{.users[0].name}', 'myself');
test('[,] union (each part a path)', prints, "{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}');
test('?() filter', prints, '{.users[?(@.name=="e2e")].user.password}', 'secret');
test('range, end: iterate list', prints, '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ');
test("'' quote interpreted string", prints, "{range .items[*]}{.metadata.name}{'\\t'}{end}", '127.0.0.1\t127.0.0.2\t');
test('\\ escape a dot in a key', prints, '{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1');
test('negative slice index steps back from the end', prints, '{.items[-1:].metadata.name}', '127.0.0.2');
test(
	'the doc command: names and start times, one per line',
	prints,
	'{range .items[*]}{.metadata.name}{"\\t"}{.kind}{"\\n"}{end}',
	'127.0.0.1\tNone\n127.0.0.2\tNone\n',
);
test('a filter inside a path', prints, '{.items[*].status.addresses[?(@.type=="LegacyHostIP")].address}', '127.0.0.1 127.0.0.2');
test('text after a range', prints, '{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List');
test('$ is optional', prints, '{$.kind}', 'List');
test('a map prints as JSON with sorted keys', prints, '{.users[1].user}', '{"password":"secret","username":"admin"}');
test('a missing key is empty (allow-missing-template-keys defaults to true)', prints, 'x{.nope.deeper}y', 'xy');
test('a filter with no match is empty', prints, '{.users[?(@.name=="nobody")].name}', '');
test('numbers and booleans as Go prints them', prints, '{.a} {.b} {.c} {.d}', '3 1.5 true <nil>', {a: 3, b: 1.5, c: true, d: null});
test('filters compare numbers with numbers', prints, '{.ports[?(@.port>=443)].name}', 'https', {
	ports: [
		{name: 'http', port: 80},
		{name: 'https', port: 443},
	],
});

// Errors: kubectl's wrappers (cli-runtime jsonpath_flags.go, printers/jsonpath.go) around client-go's texts.
test(failsWith, '{.items[*}', 'error: error parsing jsonpath {.items[*}, unterminated array');
test(failsWith, '{.items[?(@.a=="b")}', 'error: error parsing jsonpath {.items[?(@.a=="b")}, unclosed array expect ]');
test(failsWith, '{.kind', 'error: error parsing jsonpath {.kind, unclosed action');
test(failsWith, '{.items[x]}', 'error: error parsing jsonpath {.items[x]}, invalid array index x');
test(failsWith, '{%}', "error: error parsing jsonpath {%}, unrecognized character in action: U+0025 '%'");
test(failsWith, '{"abc}', 'error: error parsing jsonpath {"abc}, unterminated quoted string');
test(
	failsWith,
	'{.users[5]}',
	'error: error executing jsonpath "{.users[5]}": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.users[5]}',
);
test(
	failsWith,
	'{.kind[0]}',
	'error: error executing jsonpath "{.kind[0]}": Error executing template: string is not array or slice. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.kind[0]}',
);
test(
	failsWith,
	'{.users[?(@.name==3)]}',
	'error: error executing jsonpath "{.users[?(@.name==3)]}": Error executing template: incompatible types for comparison. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.users[?(@.name==3)]}',
);
test(
	failsWith,
	'{end}',
	'error: error executing jsonpath "{end}": Error executing template: not in range, nothing to end. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{end}',
);

test('jsonpath-as-json: each result list as an indented JSON array', t => {
	t.deepEqual(executeTemplate('{.items[*].metadata.name}', DOC_INPUT, {asJson: true}), {ok: true, text: '[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n'});
});

test('values from the data are sanitized; the template may ask for tabs and newlines', t => {
	t.deepEqual(executeTemplate('{.a}{"\\t"}{.b}{"\\n"}', {a: 'x\u001b[2Jy', b: 'line\nbreak'}), {ok: true, text: 'x^[[2Jy\tline^Jbreak\n'});
	t.deepEqual(executeTemplate('{"\\u001b"}', {}), {ok: true, text: '^['});
});
