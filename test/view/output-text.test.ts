import test from 'ava';
import {jsonText, yamlText} from '../../source/view/output-text.js';

test('jsonText: one compact line; DEL and C1 escaped as \\u00XX, still the same data', t => {
	const value = {name: 'a\u009b2Jb\u007fc\u001bd', n: 1};
	const text = jsonText(value);
	t.is(text, '{"name":"a\\u009b2Jb\\u007fc\\u001bd","n":1}');
	t.deepEqual(JSON.parse(text), value);
});

test('yamlText: kubectl-like layout; strings that need it are double-quoted with escapes', t => {
	t.is(
		yamlText({items: [{a: 1, b: ['x', 'y']}], s: 'True', p: '80', e: '', c: 'x\u001by\u009bz\u007f', tab: 'a\tb', ts: '2026-01-01T00:00:00Z', nil: null}),
		[
			'items:',
			'- a: 1',
			'  b:',
			'  - x',
			'  - y',
			's: "True"',
			'p: "80"',
			'e: ""',
			'c: "x\\ey\\x9bz\\x7f"',
			'tab: "a\\tb"',
			'ts: "2026-01-01T00:00:00Z"',
			'nil: null',
		].join('\n'),
	);
});

test('yamlText never folds long lines', t => {
	const long = 'word '.repeat(40).trim();
	t.is(yamlText({long}), `long: ${long}`);
});
