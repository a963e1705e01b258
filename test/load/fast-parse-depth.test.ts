// JSON nested near and past maxDepth gets one answer on both paths (issue 11): the `yaml` path
// (small files) refuses what parse-documents.ts tooDeep finds, at js-yaml's position; the fast
// path (JSON.parse, big files) took any depth, so a big file loaded what a small one refused, and
// 5,000 Lists inside each other overflowed the stack further on.

import test from 'ava';
import {fastParse} from '../../source/load/fast-parse.js';
import {parseDocuments} from '../../source/load/parse-documents.js';

const shapes: Record<string, (n: number) => string> = {
	arrays: n => `${'['.repeat(n)}${']'.repeat(n)}`,
	'arrays holding a number': n => `${'['.repeat(n)}1${']'.repeat(n)}`,
	objects: n => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
	'empty object innermost': n => `${'{"a":'.repeat(n - 1)}{}${'}'.repeat(n - 1)}`,
	'objects and arrays': n => `${'{"a":['.repeat(n)}1${']}'.repeat(n)}`,
	'Lists of Lists': n => `${'{"kind":"List","items":['.repeat(n)}{}${']}'.repeat(n)}`,
	'pretty-printed arrays': n => Array.from({length: n}, (_, i) => `${' '.repeat(i)}[`).join('\n') + ']'.repeat(n),
};

const slow = (text: string) => parseDocuments(text);
/** The fast path whatever the size (minBytes 0), as a big file takes it. */
const fast = (text: string) => fastParse(text, 0);

for (const [name, make] of Object.entries(shapes)) {
	test(`${name}: both paths refuse the same depths, at the same place, with js-yaml's words`, t => {
		for (let n = 45; n <= 110; n++) {
			const text = make(n);
			const small = slow(text);
			const big = fast(text);
			if (big === null) return t.fail('JSON takes the fast path');
			t.deepEqual(big.problems, small.problems, `${name} × ${n}`);
			t.deepEqual(
				big.documents.map(d => d.value),
				small.documents.map(d => d.value),
				`${name} × ${n}`,
			);
		}
	});
}

test('20,000 deep: refused on the fast path at the node js-yaml stops at, no stack overflow', t => {
	const text = `{"kind":"ConfigMap","data":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
	t.deepEqual(fast(text)?.problems, [{line: 1, col: 130, document: 0, message: 'nesting exceeded maxDepth (100)'}]);
	t.deepEqual(fast(text)?.problems, slow(text).problems);
});
