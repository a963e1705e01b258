import test from 'ava';
import {parse} from 'yaml';
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

// Trojan Source (CVE-2021-42574): bidi overrides and isolates, zero-width characters, the BOM and
// the line separators. Both encoders leave them raw; -o json/yaml must escape them and stay valid.
const TROJAN = 'a\u202eb\u2066c\u2069d\u200be\ufefff\u2028g\u2029h\u{e0041}i';

test('jsonText: bidi, zero-width and separator characters escaped as JSON does (\\u202e), still the same data', t => {
	const text = jsonText({note: TROJAN});
	t.is(text, String.raw`{"note":"a\u202eb\u2066c\u2069d\u200be\ufefff\u2028g\u2029h\udb40\udc41i"}`);
	t.deepEqual(JSON.parse(text), {note: TROJAN});
});

test('yamlText: bidi, zero-width and separator characters force double quotes and YAML escapes, still the same data', t => {
	const text = yamlText({note: TROJAN, shy: 'soft\u00adhyphen'});
	t.deepEqual(text.split('\n'), [String.raw`note: "a\u202eb\u2066c\u2069d\u200be\ufefff\u2028g\u2029h\U000e0041i"`, String.raw`shy: "soft\xadhyphen"`]);
	t.deepEqual(parse(text), {note: TROJAN, shy: 'soft\u00adhyphen'});
});

test('yamlText never folds long lines', t => {
	const long = 'word '.repeat(40).trim();
	t.is(yamlText({long}), `long: ${long}`);
});
