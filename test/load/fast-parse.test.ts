import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {dumpObject, toKubectlJson, toKubectlYaml} from '../../bench/generate-dump.js';
import {FAST_PATH_BYTES, fastParse} from '../../source/load/fast-parse.js';
import {formatDiagnostic, loadSources} from '../../source/load/index.js';
import {yamlLocator} from '../../source/load/locator.js';
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
	...fs.readdirSync('samples').map(f => path.join('samples', f)),
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
