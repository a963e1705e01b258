import test from 'ava';
import {FAST_PATH_BYTES} from '../../source/load/fast-parse.js';
import {parseDocuments} from '../../source/load/parse-documents.js';

/** The same text, padded with a comment so that it takes the fast (js-yaml) path. */
const big = (text: string) => `${text}# ${'x'.repeat(FAST_PATH_BYTES)}\n`;
const problemsOf = (text: string) => parseDocuments(text).problems.map(p => `${p.document}:${p.line}:${p.col}: ${p.message}`);

test('documents become plain values, YAML 1.1 style as Kubernetes reads them', t => {
	const parsed = parseDocuments('a: yes\nb: 010\nc: 12:30\nd: 2024-01-01\n---\n---\n- 1\n');
	t.deepEqual(parsed.problems, []);
	t.deepEqual(parsed.documents, [
		{index: 0, value: {a: true, b: 8, c: '12:30', d: '2024-01-01'}},
		{index: 1, value: null},
		{index: 2, value: [1]},
	]);
});

test('problems carry their document and position; other documents still parse', t => {
	const parsed = parseDocuments('a: 1\n---\nb: [1\nc: 2\n---\nd: 4\n');
	t.deepEqual(
		parsed.problems.map(p => [p.document, p.line, p.col]),
		[[1, 4, 1]],
	);
	t.deepEqual(
		parsed.documents.map(d => d.value),
		[{a: 1}, {d: 4}],
	);
});

test('a byte-order mark does not shift columns', t => {
	const parsed = parseDocuments('\uFEFFa: [1\n');
	t.deepEqual(
		parsed.problems.map(p => [p.line, p.col]),
		[[2, 1]],
	);
});

test('control characters are refused before parsing, as go-yaml does: a binary file is one error', t => {
	t.deepEqual(problemsOf('a: 1\nb: "x\u0000y"\n'), ['0:2:6: control characters are not allowed (found "\\x00")']);
	t.deepEqual(problemsOf('a: \u001b[2J\n'), ['0:1:4: control characters are not allowed (found "\\x1b")']);
	t.deepEqual(problemsOf('a: \u0085 tab\there\r\n'), [], 'NEL, TAB and CR are allowed');
	t.deepEqual(problemsOf(big('a: 1\n\u007f\n')), ['0:2:1: control characters are not allowed (found "\\x7f")']);
	t.deepEqual(parseDocuments('\u0000').documents, []);
});

test('only the first problem of a document is reported (the rest echo it)', t => {
	// An unclosed flow sequence inside another: `yaml` reports one error per open bracket.
	t.deepEqual(problemsOf('a: [[[1\nb: 2\n---\nc: 3\n'), ['0:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]']);
});

test('an unknown tag is an error on both paths: the document is a template, not a manifest', t => {
	const text = 'apiVersion: v1\nkind: Service\nspec:\n  externalName: !Ref DbHost\n';
	t.deepEqual(problemsOf(text), ['0:4:17: Unresolved tag: !Ref']);
	t.deepEqual(
		problemsOf(big(text)).map(p => p.replace(/^0:\d+:\d+/, '')),
		[': Unresolved tag: !Ref'],
	);
	t.deepEqual(problemsOf('a: !!str 1\nb: !!int "2"\n'), [], 'standard tags resolve');
});

test('nesting deeper than 100 is refused at the same place on both paths, never overflowing the stack', t => {
	for (const depth of [150, 50_000]) {
		const text = `a:\n  b: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
		t.deepEqual(problemsOf(text), ['0:2:104: nesting exceeded maxDepth (100)'], `${depth} flow levels`);
		t.deepEqual(problemsOf(big(text)), ['0:2:104: nesting exceeded maxDepth (100)'], `${depth} flow levels, fast path`);
	}
	let block = '';
	for (let i = 0; i < 120; i++) block += `${'  '.repeat(i)}k:\n`;
	t.deepEqual(problemsOf(block), problemsOf(big(block)));
	t.is(problemsOf(block).length, 1);
	t.deepEqual(problemsOf(`a: ${'['.repeat(99)}${']'.repeat(99)}\n`), [], '100 levels are fine');
});

/** Both paths for one text: the `yaml` path and the fast one (threshold 0). */
const onBothPaths = (text: string) => [parseDocuments(text, Number.POSITIVE_INFINITY), parseDocuments(text, 0)];

test('!!float and !!binary read as go-yaml v2 reads them, on both paths (goyaml.v2 resolve.go, decode.go)', t => {
	const text = 'a: !!float 80\nb: !!float 1.5\nc: !!float 0x1F\nd: !!binary aGVsbG8=\ne: !!binary |\n  aGVs\n  bG8=\nf: !!binary /w==\n';
	for (const parsed of onBothPaths(text)) {
		t.deepEqual(parsed.problems, []);
		// An int taken as a float is the same number; bytes become a string (invalid UTF-8 as U+FFFD, as encoding/json writes it).
		t.deepEqual(parsed.documents[0]?.value, {a: 80, b: 1.5, c: 31, d: 'hello', e: 'hello', f: '\ufffd'});
	}
	for (const parsed of onBothPaths('a: !!binary not*base64\nb: 1\n')) {
		t.deepEqual(
			parsed.problems.map(p => p.message),
			['!!binary value contains invalid base64 data'],
		);
	}
	t.deepEqual(problemsOf('a: !!float yes\n'), ['0:1:4: cannot decode !!bool `yes` as a !!float']);
	t.is(onBothPaths('a: !!float eighty\n')[1]?.problems.length, 1, 'the fast path refuses it too');
});

test('flow nesting thousands deep is refused by js-yaml’s count before `yaml` recurses into it: the same message and position as maxDepth gives, in the right document', t => {
	const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
	const first = parseDocuments(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${deep}\n`);
	t.deepEqual(first.documents, []);
	t.deepEqual(first.problems, [{line: 6, col: 104, document: 0, message: 'nesting exceeded maxDepth (100)'}]);
	const second = parseDocuments(`kind: A\n---\n# "quoted [ brackets" do not count, nor these: [[[\nx: '[[['\ny: ${deep}\n`);
	t.like(second.problems[0], {line: 5, document: 1, message: 'nesting exceeded maxDepth (100)'});
	// Under the guard, the document parses as ever.
	t.is(parseDocuments(`x: ${'['.repeat(150)}${']'.repeat(150)}\n`).problems[0]?.message, 'nesting exceeded maxDepth (100)');
});
