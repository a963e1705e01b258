// Property (issue 11): whichever parser reads a text, the `yaml` path (small files) or the fast
// path (js-yaml and JSON.parse, past FAST_PATH_BYTES), it is accepted or refused alike and gives
// the same objects. parseDocuments takes the threshold, so the texts stay small: 0 forces the
// fast path wherever it applies, infinity the `yaml` path. `npm run fuzz` style: FUZZ_RUNS=<n>
// for more texts, FC_SEED=<n> to replay one.

import test from 'ava';
import fc from 'fast-check';
import {fastParse} from '../../source/load/fast-parse.js';
import {parseDocuments} from '../../source/load/parse-documents.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = (runs: number): fc.Parameters<[string]> => ({numRuns: FUZZ_RUNS > 0 ? FUZZ_RUNS : runs, ...(SEED === undefined ? {} : {seed: SEED})});

/** Plain scalars the two YAML libraries resolve by different rules unless told go-yaml's. */
const SCALARS = [
	'08',
	'0089',
	'010',
	'0o17',
	'0O1_7',
	'0o8',
	'0x1F',
	'0X1f',
	'0B11',
	'0x_',
	'0b101',
	'-0b11',
	'1_000',
	'1e3',
	'1.5e-3',
	'.5',
	'1.',
	'+.inf',
	'-.Inf',
	'.nan',
	'12:30',
	'2024-01-01',
	'yes',
	'No',
	'on',
	'OFF',
	'y',
	'n',
	'~',
	'null',
	'NULL',
	'true',
	'False',
	'-7',
	'+3',
	'0',
	'00',
	'""',
	"'x'",
	'web',
	'a b',
	'x:y',
	'é',
	'!!float 80',
	'!!float 1.5',
	'!!float yes',
	'!!int 3',
	'!!str 80',
	'!!binary aGVsbG8=',
	'!!binary !!',
	'!Ref x',
	'"\\u00e9"',
	'[]',
	'{}',
	'[1, 2,]',
	'{a: 1,}',
];
const KEYS = ['a', 'b', 'name', 'yes', '08', '1.5', '"null"', '~', 'null', '? [x]', '[a, b]', '"k"', 'a.b/c', '<<'];

const scalar = fc.constantFrom(...SCALARS);
const key = fc.constantFrom(...KEYS);

/** A block mapping (or sequence) a few levels deep, as text. */
const block: fc.Arbitrary<string> = fc.letrec<{node: string}>(tie => ({
	node: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		scalar.map(s => ` ${s}\n`),
		fc
			.array(fc.tuple(key, tie('node')), {minLength: 1, maxLength: 4})
			.map(pairs => `\n${pairs.map(([k, v]) => `${k}:${v}`.replace(/\n(?!$)/g, '\n  ')).join('')}`),
		fc.array(tie('node'), {minLength: 1, maxLength: 3}).map(items => `\n${items.map(v => `-${v}`.replace(/\n(?!$)/g, '\n  ')).join('')}`),
	),
})).node;

/** JSON values (with keys written twice, trailing commas and YAML-only scalars now and then). */
const jsonish: fc.Arbitrary<string> = fc.letrec<{node: string}>(tie => ({
	node: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		fc.oneof(
			fc.integer().map(String),
			fc.double({noNaN: true, noDefaultInfinity: true}).map(n => JSON.stringify(n)),
			fc.string().map(s => JSON.stringify(s)),
			fc.constantFrom('true', 'null', '08', 'yes'),
		),
		fc
			.tuple(fc.array(fc.tuple(fc.constantFrom('"a"', '"b"', '"name"', '"null"', 'null'), tie('node')), {maxLength: 4}), fc.boolean())
			.map(([pairs, comma]) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}${comma && pairs.length > 0 ? ',' : ''}}`),
		fc.tuple(fc.array(tie('node'), {maxLength: 3}), fc.boolean()).map(([items, comma]) => `[${items.join(',')}${comma && items.length > 0 ? ',' : ''}]`),
	),
})).node;

/** Whole texts: YAML documents joined by markers, or one JSON text, now and then with a directive. */
const text = fc.oneof(
	fc
		.tuple(fc.array(fc.tuple(block, fc.constantFrom('---\n', '...\n---\n', '...\n', '--- # c\n')), {minLength: 1, maxLength: 3}), fc.boolean())
		.map(
			([docs, directive]) => (directive ? '%YAML 1.1\n---\n' : '') + docs.map(([doc, marker], i) => (i === 0 ? '' : marker) + doc.replace(/^\n/, '')).join(''),
		),
	fc.tuple(jsonish, fc.boolean()).map(([json, pretty]) => (pretty ? json.replaceAll(', ', ',\n  ') : json)),
);

interface Reading {
	values: unknown[];
	refused: number[];
}
const reading = (parsed: ReturnType<typeof parseDocuments>): Reading => ({
	values: parsed.documents.map(d => d.value),
	refused: parsed.problems.map(p => p.document),
});

test('a text is read alike by the yaml path and the fast path: the same accept/reject, the same objects', t => {
	let texts = 0;
	let fast = 0;
	fc.assert(
		fc.property(text, source => {
			texts++;
			// Texts that may hold aliases or odd keys go to the `yaml` path anyway: count the others.
			if (fastParse(source, 0) !== null) fast++;
			const slow = reading(parseDocuments(source, Number.POSITIVE_INFINITY));
			const quick = reading(parseDocuments(source, 0));
			t.deepEqual(quick, slow, source);
		}),
		// Found by this property, kept as fixed examples: a bad merge under a null key (toJS threw
		// while the key's value was shown), and js-yaml merging a list of lists.
		{...params(300), examples: [['null:\n  <<: 08\n  a: 08\na: 08\n'], ['[]\n---\n<<:\n  -\n    - []\n']]},
	);
	t.log(`${fast} of ${texts} texts took the fast path`);
	t.true(fast * 3 > texts, 'the property is not vacuous: most texts are read by both parsers');
});
