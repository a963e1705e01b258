// Issue 11, bounded time on hostile input: what made a load quadratic in a line's length or in a
// mapping's keys, checked by counting work or by what is shared, never by timing (files of long
// blank lines are in the bad-input corpus, test/e2e/bad-input.test.ts, under its hang guard).

import test from 'ava';
import {isMap, parseAllDocuments} from 'yaml';
import {MAY_HAVE_ODD_KEYS} from '../../source/load/fast-parse.js';
import {slicedLocator} from '../../source/load/locator.js';
import {parseDocuments} from '../../source/load/parse-documents.js';
import {findPath, hasRepeatedKey, indexYaml} from '../../source/load/yaml-positions.js';

/** The guard as it was written before issue 11: `^[ \t]*` then an empty key's `[ \t]*:`, two
 *  runs of blanks that V8 tried every split of (two 150 KB lines of spaces took 68 s). */
const AMBIGUOUS_ODD_KEYS = /(?:^[ \t]*(?:-[ \t]+)*|[{,[][ \t]*)(?:\?|(?:~|null|Null|NULL)?[ \t]*:)(?:[ \t\r]|$)|[\]}][ \t]*:(?:[ \t\r]|$)/m;

test('the odd-key guard, its blank runs apart, takes exactly the texts the ambiguous form took', t => {
	const pieces = [' ', '\t', '-', ':', '?', '~', 'null', 'N', '{', ',', '[', ']', '}', '\n', '\r', 'a', '\n- '];
	let x = 1;
	let found = 0;
	for (let n = 0; n < 200_000; n++) {
		let text = '';
		for (let i = 0, length = 1 + (n % 12); i < length; i++) {
			x = (Math.imul(x, 1103515245) + 12345) >>> 0;
			text += pieces[(x >>> 16) % pieces.length];
		}
		const expected = AMBIGUOUS_ODD_KEYS.test(text);
		if (expected) found++;
		if (MAY_HAVE_ODD_KEYS.test(text) !== expected) return t.fail(JSON.stringify(text));
	}
	t.true(found > 10_000, `${found} texts that may hold an odd key`);
});

/** A mapping of `count` labels whose `items` count the pairs read from them. */
function countedLabels(count: number) {
	const lines = Array.from({length: count}, (_, i) => `    k${i}: v`);
	const yaml = indexYaml(`metadata:\n  labels:\n${lines.join('\n')}\n`);
	const map = yaml.documents[0]?.getIn(['metadata', 'labels'], true);
	if (!isMap(map)) throw new Error('no labels');
	const reads = {pairs: 0};
	map.items = new Proxy(map.items, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) reads.pairs++;
			return Reflect.get(target, key, receiver);
		},
	});
	return {yaml, reads};
}

test('finding every key of a mapping reads each of its pairs once, not once per lookup', t => {
	const count = 2_000;
	const {yaml, reads} = countedLabels(count);
	const misplaced: string[] = [];
	for (let i = 0; i < count; i++) {
		const at = findPath(yaml, 0, ['metadata', 'labels', `k${i}`]).exact;
		if (at?.line !== 3 + i || at.col !== 8 + String(i).length) misplaced.push(`k${i} at ${JSON.stringify(at)}`);
	}
	t.deepEqual(misplaced, []);
	t.is(findPath(yaml, 0, ['metadata', 'labels', 'absent']).exact, null);
	t.is(reads.pairs, count, 'one read of each pair, for the index');
});

test('a repeated key is found without the `yaml` parser comparing each key with every earlier one', t => {
	const texts = [
		'a: 1\nb: 2\na: 3\n',
		'a: 1\nb: {c: 1, c: 2}\n',
		'? [x]\n: 1\n? [x]\n: 2\n',
		'1: a\n"1": b\n',
		'~: a\nnull: b\n',
		'.nan: a\n.nan: b\n',
		'x: &d {p: 1}\ny:\n  <<: *d\n  <<: *d\n',
		'- {a: 1}\n- {a: 1}\n',
		'a: [{k: 1, k: 2}]\n',
		'{a: 1, b: 2}: x\n{a: 1, a: 2}: y\n',
	];
	for (const text of texts) {
		// What `yaml` itself says with its check on (quadratic in a mapping's keys).
		const [checked] = parseAllDocuments(text, {version: '1.1', uniqueKeys: true});
		const expected = checked?.errors.some(e => e.code === 'DUPLICATE_KEY') ?? false;
		const doc = indexYaml(text).documents[0];
		t.truthy(doc);
		t.deepEqual(doc?.errors, [], 'the parse for positions runs without the check');
		t.is(hasRepeatedKey(doc!), expected, text);
	}
	// And the loader still sees the repeat (strict decoding reports it: strict.test.ts).
	t.deepEqual(parseDocuments('a: 1\na: 2\n').documents[0]?.duplicates, {items: null});
	t.is(parseDocuments('a: 1\nb: 2\n').documents[0]?.duplicates, undefined);
});

test("a document's start is worked out once, however many positions ask for it", t => {
	// 100 KB of blanks before a List: each item's fallback walked them again before issue 11.
	const text = `${' '.repeat(100_000)}{"kind":"List","items":[{"a":1},{"b":2}]}\n`;
	const locator = slicedLocator(text, [{start: 0, end: text.length}], true);
	const first = locator.documentStart(0);
	t.deepEqual(first, {line: 1, col: 100_001});
	t.is(locator.documentStart(0), first, 'the same object: not walked again');
	t.deepEqual(locator.find(0, ['items', 1, 'b']).exact, {line: 1, col: 100_038});
});
