import test from 'ava';
import {labelKeyErrors, labelValueErrors, parseLabelChanges, splitResourcesAndPairs} from '../../source/command/label-spec.js';

const NAME_PART =
	"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

test('resources come first, then key=value and key- pairs', t => {
	t.deepEqual(splitResourcesAndPairs(['pod', 'x', 'a=b', 'c-'], 'label'), {
		ok: true,
		resources: ['pod', 'x'],
		pairs: ['a=b', 'c-'],
	});
});

test('a lone "-" and a leading "=" are not pairs', t => {
	t.deepEqual(splitResourcesAndPairs(['-', '=x'], 'label'), {ok: true, resources: ['-', '=x'], pairs: []});
});

test('a resource after a pair is refused', t => {
	t.deepEqual(splitResourcesAndPairs(['pod', 'a=b', 'x'], 'label'), {
		ok: false,
		error: 'error: all resources must be specified before label changes: x',
	});
});

test('pairs become set and remove', t => {
	t.deepEqual(parseLabelChanges(['app=web', 'tier=', 'old-']), {ok: true, set: {app: 'web', tier: ''}, remove: ['old']});
});

test('a key like __proto__ stays an ordinary key', t => {
	const parsed = parseLabelChanges(['__proto__=x']);
	t.true(parsed.ok && Object.keys(parsed.set).includes('__proto__'));
});

test("kubectl's own pair errors", t => {
	t.deepEqual(parseLabelChanges(['a=b=c']), {ok: false, error: 'error: invalid label spec: a=b=c'});
	t.deepEqual(parseLabelChanges(['a=-x']), {ok: false, error: `error: invalid label value: "a=-x": ${VALUE}`});
	t.deepEqual(parseLabelChanges(['a=b', 'a-']), {
		ok: false,
		error: 'error: can not both modify and remove a label in the same command',
	});
	t.deepEqual(parseLabelChanges(['oops']), {ok: false, error: 'error: unknown label spec: oops'});
});

test('a value over 63 characters is refused; two problems are joined by ";"', t => {
	const long = 'a'.repeat(64);
	t.deepEqual(parseLabelChanges([`k=${long}`]), {
		ok: false,
		error: `error: invalid label value: "k=${long}": must be no more than 63 characters`,
	});
	t.deepEqual(labelValueErrors(`-${'a'.repeat(63)}`), ['must be no more than 63 characters', VALUE]);
	t.deepEqual(labelValueErrors('a'.repeat(63)), []);
	t.deepEqual(labelValueErrors(''), []);
});

test('label keys follow the qualified-name rules', t => {
	for (const key of ['app', 'App_1.x', 'app.kubernetes.io/name', 'a', 'example.com/x-y']) t.deepEqual(labelKeyErrors(key), [], key);
	t.deepEqual(labelKeyErrors('-bad'), [NAME_PART]);
	t.deepEqual(labelKeyErrors(''), ['name part must be non-empty', NAME_PART]);
	t.deepEqual(labelKeyErrors('a'.repeat(64)), ['name part must be no more than 63 characters']);
	t.deepEqual(labelKeyErrors('/x'), ['prefix part must be non-empty']);
	t.deepEqual(labelKeyErrors('Example.com/x'), [
		"prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
	]);
	t.deepEqual(labelKeyErrors('a/b/c'), [
		"a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
	]);
});
