import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {dumpObject, toKubectlJson, toKubectlYaml} from '../../bench/generate-dump.js';
import {FAST_PATH_BYTES, fastParse} from '../../source/load/fast-parse.js';
import {formatDiagnostic, loadSources} from '../../source/load/index.js';
import {listItemRanges, yamlLocator} from '../../source/load/locator.js';
import {parseDocuments} from '../../source/load/parse-documents.js';
import {indexYaml} from '../../source/load/yaml-positions.js';
import {IN_CI, REALWORLD, REALWORLD_ABSENT} from '../prerequisites.js';

// The real-world manifests sit beside the repository; without them the samples still run here,
// and one test says what is missing (failing under CI, as test/prerequisites.ts does elsewhere).
const haveRealworld = fs.existsSync(REALWORLD);
const files = [
	...(haveRealworld
		? fs
				.readdirSync(REALWORLD)
				.filter(f => /\.(ya?ml|json)$/.test(f))
				.map(f => path.join(REALWORLD, f))
		: []),
	// The manifests only: samples/ also holds routing-test scripts (hello-routes.txt).
	...fs
		.readdirSync('samples')
		.filter(f => /\.(ya?ml|json)$/.test(f))
		.map(f => path.join('samples', f)),
];
if (!haveRealworld) {
	test('../shared/realworld is present for the fast-parser equivalence checks', t => {
		if (IN_CI) t.fail(REALWORLD_ABSENT);
		else {
			t.log(`${REALWORLD_ABSENT} Checking the samples only (under CI this fails).`);
			t.pass();
		}
	});
}

/** The slow path's values: `yaml`, the parser that knows positions. */
const slowValues = (text: string) => parseDocuments(text).documents.map(d => d.value);

for (const file of files) {
	test(`the fast parser reads ${path.basename(file)} exactly as yaml does`, t => {
		const text = fs.readFileSync(file, 'utf8');
		const fast = fastParse(text, 0);
		if (fast === null) return t.pass('has anchors or aliases: always takes the yaml path');
		t.deepEqual(fast.problems, []);
		t.deepEqual(
			fast.documents.map(d => d.value).filter(v => v !== null),
			slowValues(text).filter(v => v !== null),
		);
	});
}

test('YAML 1.1 scalars read the same on both paths (yes/on booleans, octal, binary, floats, strings)', t => {
	const text = 'a: yes\nb: off\nc: 010\nd: 0b101\ne: 0x1F\nf: 1.5\ng: .inf\nh: "yes"\ni: 12:30\nj: 2026-01-01\nk: ~\nl: 1_000\nm: -7\nn: Y\n';
	t.deepEqual(fastParse(text, 0)!.documents[0]!.value, slowValues(text)[0]);
});

const dump = dumpObject({pods: 300});
const yamlText = toKubectlYaml(dump);
const jsonText = toKubectlJson(dump);

test('a realistic dump is big enough to take the fast path, in both formats', t => {
	t.true(yamlText.length >= FAST_PATH_BYTES);
	t.true(jsonText.length >= FAST_PATH_BYTES);
	t.deepEqual(fastParse(yamlText)!.documents[0]!.value, JSON.parse(jsonText));
	t.deepEqual(fastParse(jsonText)!.documents[0]!.value, JSON.parse(jsonText));
});

/** Break one Service in the middle of the dump: port 0 (docs/semantics.md A5). */
function broken(format: 'yaml' | 'json'): string {
	const copy = JSON.parse(JSON.stringify(dump)) as {items: Array<Record<string, any>>};
	const services = copy.items.filter(i => i.kind === 'Service');
	services[Math.floor(services.length / 2)]!.spec.ports[0].port = 0;
	return format === 'yaml' ? toKubectlYaml(copy) : toKubectlJson(copy);
}

for (const format of ['yaml', 'json'] as const) {
	test(`one bad Service in a big ${format} dump: the same message and position as the slow path`, t => {
		const text = broken(format);
		const fast = loadSources([{name: `dump.${format}`, text}]);
		t.is(fast.errors.length, 1);
		const lines = text.split('\n');
		const {line, col} = fast.errors[0]!;
		t.regex(
			formatDiagnostic(fast.errors[0]!),
			/^dump\.(yaml|json):\d+:\d+: The Service "svc-\d+" is invalid: spec\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive$/,
		);
		t.regex(lines[line - 1]!.slice(col - 1), format === 'yaml' ? /^0$/ : /^0,?$/, 'the position points at the bad value');
	});
}

test('positions from the sliced locator equal the full yaml parse', t => {
	const text = broken('yaml');
	const fast = loadSources([{name: 'd', text}]).errors[0]!;
	// Which `items` entry holds the error line: count the item starts above it.
	const item =
		text
			.split('\n')
			.slice(0, fast.line)
			.filter(l => l.startsWith('- ')).length - 1;
	const slow = yamlLocator(indexYaml(text)).find(0, ['items', item, 'spec', 'ports', 0, 'port']);
	t.deepEqual({line: fast.line, col: fast.col}, slow.exact);
});

// --- texts the two paths once read differently (issue 11): each read as kubectl reads it ----------

/** The same text through the `yaml` path and through the fast path (threshold 0). */
const bothPaths = (text: string) => ({slow: parseDocuments(text, Number.POSITIVE_INFINITY), fast: parseDocuments(text, 0)});
const summary = (parsed: ReturnType<typeof parseDocuments>) => ({
	values: parsed.documents.map(d => d.value),
	problems: parsed.problems.map(p => `${p.line}:${p.col}: ${p.message}`),
});

test('`targetPort: 08` is the number 8 on both paths: go-yaml v2 resolve.go reads digits that are no octal int as a float', t => {
	const text = 'a: 08\nb: 0089\nc: 010\nd: -09\ne: "08"\n';
	t.not(fastParse(text, 0), null, 'the fast path reads it');
	const {slow, fast} = bothPaths(text);
	t.deepEqual(summary(fast), summary(slow));
	t.deepEqual(summary(fast).values, [{a: 8, b: 89, c: 8, d: -9, e: '08'}]);
});

test('`port: 0o17` is 15 and `0X1F` 31 on both paths: go-yaml v2 resolve.go parses ints with strconv.ParseInt(s, 0, 64), whose prefixes take either case', t => {
	const text = 'a: 0o17\nb: 0O17\nc: 0X1F\nd: 0B101\ne: -0o1_7\nf: 0o8\ng: 0x\nh: 0xG\ni: "0o17"\nj: 0x1f\n';
	t.not(fastParse(text, 0), null, 'the fast path reads it');
	const {slow, fast} = bothPaths(text);
	t.deepEqual(summary(fast), summary(slow));
	t.deepEqual(summary(fast).values, [{a: 15, b: 15, c: 31, d: 5, e: -15, f: '0o8', g: '0x', h: '0xG', i: '0o17', j: 31}]);
});

test('a `...` line ends its document, and what follows up to the next `---` is never read (apimachinery YAMLReader, go-yaml reads one document)', t => {
	const text = 'a: 1\n...\nb: [unclosed\n---\nc: 3\n...\n';
	const {slow, fast} = bothPaths(text);
	t.deepEqual(summary(fast), summary(slow));
	t.deepEqual(summary(fast), {values: [{a: 1}, {c: 3}], problems: []});
});

test('a %YAML directive fails as in kubectl (kubernetes/kubernetes#135998): the splitter cuts it from its `---`', t => {
	for (const text of ['%YAML 1.1\n---\na: 1\n', 'a: 1\n---\n# comment\n%YAML 1.1\n---\nb: 2\n']) {
		const {slow, fast} = bothPaths(text);
		t.deepEqual(summary(fast), summary(slow));
		const line = text.split('\n').findIndex((l, i) => l === '---' && text.split('\n')[i - 1]?.startsWith('%')) + 1;
		t.deepEqual(summary(fast).problems, [`${line}:1: did not find expected <document start>`]);
	}
	t.deepEqual(summary(parseDocuments('%YAML 1.1\n')).problems, ['2:1: did not find expected <document start>'], 'at the end of the text');
	t.deepEqual(summary(parseDocuments('a: |\n  x\n%YAML 1.1\n')).problems.length, 1, 'not a directive inside a document, but still not YAML');
});

test('a null or collection key is refused on both paths, with sigs.k8s.io/yaml and go-yaml v2 wording', t => {
	const labels = (keys: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n${keys}spec:\n  ports:\n  - port: 80\n`;
	const cases: Array<[string, string]> = [
		[labels('    ~: a\n'), '6:5: unsupported map key of type: %!s(<nil>), key: <nil>, value: "a"'],
		[labels('    null: 1\n'), '6:5: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1'],
		[labels('    {app: web, null: x}\n').replace('labels:\n    ', 'labels: '), '5:22: unsupported map key of type: %!s(<nil>), key: <nil>, value: "x"'],
		[labels('    ? [a, b]\n    : c\n'), '6:7: invalid map key: []interface {}{"a", "b"}'],
		[labels('    {a: 1}: c\n'), '6:5: invalid map key: map[interface {}]interface {}{"a":1}'],
	];
	for (const [text, problem] of cases) {
		const {slow, fast} = bothPaths(text);
		t.deepEqual(summary(fast), summary(slow), text);
		t.deepEqual(summary(slow), {values: [], problems: [problem]}, text);
	}
	t.deepEqual(summary(parseDocuments('"null": 1\n"~": 2\n')).values, [{null: 1, '~': 2}], 'quoted, they are strings');
});

/** A compact (one-line) JSON List of two Services, the last one's name written twice; padded past the fast path. */
function compactList(padding: number): string {
	const service = (name: string, extra = '') => `{"apiVersion":"v1","kind":"Service","metadata":{"name":"${name}"${extra}},"spec":{"ports":[{"port":80}]}}`;
	return `{"apiVersion":"v1","kind":"List","items":[${service('a')},${service('b', ',"name":"c"')}]}${' '.repeat(padding)}\n`;
}

test("each item of a one-line JSON List is cut to its own text, the last one without the List's closing brackets", t => {
	const text = compactList(0);
	const ranges = listItemRanges(text, {start: 0, end: text.length}, true);
	t.deepEqual(
		ranges.map(r => (JSON.parse(text.slice(r.start, r.end)) as {metadata: {name: string}}).metadata.name),
		['a', 'c'],
		'the second item keeps its repeated name',
	);
});

test('a key written twice in the last item of a one-line JSON List: the same duplicate field, at the same place, on both paths', t => {
	const small = compactList(0);
	const big = compactList(FAST_PATH_BYTES);
	const report = (text: string) => loadSources([{name: 'list.json', text}]).errors.map(formatDiagnostic);
	const col = small.indexOf('"name":"c"') + 1;
	const expected = [`list.json:1:${col}: Service in version "v1" cannot be handled as a Service: strict decoding error: duplicate field "metadata.name"`];
	t.deepEqual(report(small), expected);
	t.deepEqual(report(big), expected);
});

test('a JSON trailing comma reads as kubectl reads it: the JSON decoder fails, and YAMLOrJSONDecoder reads the text again as YAML', t => {
	const text = '{"apiVersion": "v1", "items": [1, 2,], "kind": "List",}';
	const {slow, fast} = bothPaths(text);
	t.deepEqual(summary(fast), summary(slow));
	t.deepEqual(summary(fast), {values: [{apiVersion: 'v1', items: [1, 2], kind: 'List'}], problems: []});
	t.deepEqual(summary(bothPaths('{"a": [1,, 2]}').fast).problems.length, 1, 'what YAML refuses too is still an error');
});

test('a broken text is worded and placed alike by both paths: the fast path hands it to the yaml path (issue 11)', t => {
	const texts = {
		'bad indentation': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n labels: {}\n',
		'tab indentation': 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n',
		'unclosed flow map': 'apiVersion: v1\nkind: Service\nmetadata: {name: web\nspec: {}\n',
		'unknown tag': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: !foo ClusterIP\n',
		'broken JSON': '{"apiVersion": "v1", "kind": "Service" "metadata": {"name": "web"}}',
	};
	for (const [name, text] of Object.entries(texts)) {
		const small = parseDocuments(text, Number.POSITIVE_INFINITY).problems;
		const big = parseDocuments(text, 0).problems;
		t.true(small.length > 0, name);
		t.deepEqual(big, small, name);
	}
	// Nesting too deep keeps js-yaml's answer, which the yaml path gives too.
	const deep = `${'['.repeat(150)}${']'.repeat(150)}`;
	t.deepEqual(parseDocuments(deep, 0).problems, parseDocuments(deep, Number.POSITIVE_INFINITY).problems);
});
