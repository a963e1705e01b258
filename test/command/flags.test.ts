import test from 'ava';
import {type FlagSpec, parseFlags} from '../../source/command/flags.js';

const SPECS: FlagSpec[] = [
	{name: 'namespace', shorthand: 'n', kind: 'string'},
	{name: 'output', shorthand: 'o', kind: 'string'},
	{name: 'all-namespaces', shorthand: 'A', kind: 'bool'},
	{name: 'verbose', shorthand: 'v', kind: 'bool'},
	{name: 'count', kind: 'int'},
	{name: 'overwrite', kind: 'bool'},
];

const reads = test.macro({
	exec(t, tokens: string[], flags: Record<string, unknown>, args: string[]) {
		t.deepEqual(parseFlags(tokens, SPECS), {ok: true, flags, args});
	},
	title: (provided, tokens: string[]) => provided ?? `reads ${tokens.join(' ')}`,
});

const refuses = test.macro({
	exec(t, tokens: string[], error: string) {
		t.deepEqual(parseFlags(tokens, SPECS), {ok: false, error});
	},
	title: (provided, tokens: string[]) => provided ?? `refuses ${tokens.join(' ')}`,
});

test(reads, ['a', '--namespace=web', 'b'], {namespace: 'web'}, ['a', 'b']);
test(reads, ['--namespace', 'web', 'a'], {namespace: 'web'}, ['a']);
test(reads, ['-n', 'web'], {namespace: 'web'}, []);
test(reads, ['-nweb'], {namespace: 'web'}, []);
test(reads, ['-n=web'], {namespace: 'web'}, []);
test(reads, ['-owide'], {output: 'wide'}, []);
test('a value may start with a dash', reads, ['--namespace', '-x'], {namespace: '-x'}, []);
test('an empty value is a value', reads, ['--namespace='], {namespace: ''}, []);
test('the last occurrence wins', reads, ['-n', 'a', '-n', 'b'], {namespace: 'b'}, []);
test(reads, ['-A'], {'all-namespaces': true}, []);
test('bundled booleans', reads, ['-Av'], {'all-namespaces': true, verbose: true}, []);
test('a boolean then a valued shorthand', reads, ['-Ao', 'json'], {'all-namespaces': true, output: 'json'}, []);
test('a boolean then an attached value', reads, ['-Aojson'], {'all-namespaces': true, output: 'json'}, []);
test(reads, ['-A=false'], {'all-namespaces': false}, []);
test(reads, ['--overwrite'], {overwrite: true}, []);
test(reads, ['--overwrite=false'], {overwrite: false}, []);
test(reads, ['--overwrite=T'], {overwrite: true}, []);
test('a boolean does not take the next word', reads, ['--overwrite', 'false'], {overwrite: true}, ['false']);
test(reads, ['--count=12'], {count: 12}, []);
test(reads, ['--count', '+7'], {count: 7}, []);
test(reads, ['--count', '-3'], {count: -3}, []);
test('-- ends the flags', reads, ['a', '--', '-n', '--x'], {}, ['a', '-n', '--x']);
test('a lone dash is an argument', reads, ['-'], {}, ['-']);

test(refuses, ['--bar'], 'error: unknown flag: --bar');
test(refuses, ['--bar=1'], 'error: unknown flag: --bar');
test(refuses, ['-x'], "error: unknown shorthand flag: 'x' in -x");
test(refuses, ['-xyz'], "error: unknown shorthand flag: 'x' in -xyz");
test('the rest of the bundle is named', refuses, ['-Ax'], "error: unknown shorthand flag: 'x' in -x");
test(refuses, ['---n'], 'error: bad flag syntax: ---n');
test(refuses, ['--=x'], 'error: bad flag syntax: --=x');
test(refuses, ['--namespace'], 'error: flag needs an argument: --namespace');
test(refuses, ['-n'], "error: flag needs an argument: 'n' in -n");
test(refuses, ['-An'], "error: flag needs an argument: 'n' in -n");
test(refuses, ['--count=abc'], 'error: invalid argument "abc" for "--count" flag: strconv.ParseInt: parsing "abc": invalid syntax');
test(refuses, ['--count', '1.5'], 'error: invalid argument "1.5" for "--count" flag: strconv.ParseInt: parsing "1.5": invalid syntax');
test(
	refuses,
	['--count', '99999999999999999999'],
	'error: invalid argument "99999999999999999999" for "--count" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
);
test(refuses, ['--overwrite=yes'], 'error: invalid argument "yes" for "--overwrite" flag: strconv.ParseBool: parsing "yes": invalid syntax');
test(
	'a shorthand flag is named both ways',
	refuses,
	['-A=maybe'],
	'error: invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
);
