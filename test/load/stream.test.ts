// The streamed path (read-sources.ts → stream-scan.ts → stream-parse.ts) against the whole-text
// path (parse-documents.ts): the same generated dumps, JSON and YAML, give the same ClusterInput,
// diagnostics and positions. The dumps are past FAST_PATH_BYTES, so the whole-text path is the
// fast one it replaces; readSources takes the streaming threshold, 0 here.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import test from 'ava';
import {dumpObject, toKubectlJson, toKubectlYaml} from '../../bench/generate-dump.js';
import {formatDiagnostic, type LoadResult, loadSources, readSources, readStreamSource} from '../../source/load/index.js';

const dir = mkdtempSync(join(tmpdir(), 'stream-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

let files = 0;
const noStdin = (): string => {
	throw new Error('no stdin');
};

/** The file written, loaded streamed (wholeTextBytes as given) and whole. */
function both(
	content: string | Buffer,
	ext: string,
	wholeTextBytes?: number,
): {streamed: LoadResult; whole: LoadResult; sliced: LoadResult; readErrors: [string[], string[]]} {
	const path = join(dir, `f${files++}.${ext}`);
	writeFileSync(path, content);
	const read = readSources([path], noStdin, 0);
	const readWhole = readSources([path], noStdin, Infinity);
	const streamed = loadSources(read.files, wholeTextBytes === undefined ? {} : {wholeTextBytes});
	const whole = loadSources(readWhole.files);
	// Never read whole: what the slices alone give (a file too big for one string).
	const sliced = loadSources(read.files, {wholeTextBytes: 0});
	return {streamed, whole, sliced, readErrors: [read.errors.map(formatDiagnostic), readWhole.errors.map(formatDiagnostic)]};
}

const said = (r: LoadResult) => ({errors: r.errors.map(formatDiagnostic), warnings: r.warnings.map(formatDiagnostic), skipped: r.skipped});

const dump = dumpObject({pods: 60});
const texts = {json: toKubectlJson(dump), yaml: toKubectlYaml(dump)};

for (const ext of ['json', 'yaml'] as const) {
	test(`a ${ext} dump loads to the same input, diagnostics and positions, streamed or whole`, t => {
		t.true(texts[ext].length > 256 << 10, 'past FAST_PATH_BYTES: the whole-text path is the fast one');
		const {streamed, whole, sliced} = both(texts[ext], ext);
		t.deepEqual(said(streamed), said(whole));
		t.deepEqual(streamed.input, whole.input);
		t.deepEqual(sliced.input, whole.input, 'the slices alone read it: it was not read whole');
		t.true(streamed.input.pods.length > 0);
		for (const pod of streamed.input.pods.slice(0, 5)) {
			for (const path of [
				['spec', 'containers', 0, 'image'],
				['metadata', 'name'],
				['status', 'podIP'],
				['spec', 'nope'],
			]) {
				t.deepEqual(streamed.locate('Pod', pod.meta.namespace, pod.meta.name, path), whole.locate('Pod', pod.meta.namespace, pod.meta.name, path));
			}
		}
	});
}

test('a multi-document YAML stream loads the same streamed or whole', t => {
	const items = dump.items as object[];
	const text = items.map(item => `---\n${toKubectlYaml(item as Record<string, unknown>)}`).join('');
	const {streamed, whole, sliced} = both(text, 'yaml');
	t.deepEqual(said(streamed), said(whole));
	t.deepEqual(streamed.input, whole.input);
	t.deepEqual(sliced.input, whole.input);
});

/** The dump with a few mistakes in its objects: a wrong type, an unknown field, a legacy version. */
function flawed(): Record<string, unknown> {
	const value = structuredClone(dump) as {items: Array<Record<string, any>>};
	const pods = value.items.filter(o => o.kind === 'Pod');
	const services = value.items.filter(o => o.kind === 'Service');
	(pods[3] as any).spec.containers[0].ports = [{containerPort: 'eighty'}];
	(pods[7] as any).spec.nope = 1;
	(services[1] as any).spec.ports[0].port = 70000;
	(services[2] as any).metadata.labels = ['not', 'a', 'map'];
	return value;
}

for (const ext of ['json', 'yaml'] as const) {
	const text = () => (ext === 'json' ? toKubectlJson(flawed()) : toKubectlYaml(flawed()));
	test(`${ext}: type errors and unknown fields are reported at the same line:col`, t => {
		const {streamed, whole, sliced} = both(text(), ext);
		t.true(whole.errors.length >= 4, whole.errors.map(formatDiagnostic).join('\n'));
		t.deepEqual(said(streamed), said(whole));
		t.deepEqual(said(sliced), said(whole));
	});

	test(`${ext}: a repeated key in an item is reported at the same line:col`, t => {
		const base = text();
		// The line `restartPolicy` is on, written twice (JSON: one followed by a comma).
		const at = base.lastIndexOf('\n', base.indexOf(ext === 'json' ? '"restartPolicy": "Always",' : 'restartPolicy:', base.length / 2)) + 1;
		const line = base.slice(at, base.indexOf('\n', at) + 1);
		const {streamed, whole, sliced} = both(base.slice(0, at) + line + base.slice(at), ext);
		t.true(
			whole.errors.some(e => e.message.includes('duplicate field')),
			whole.errors.map(formatDiagnostic).join('\n'),
		);
		t.deepEqual(said(streamed), said(whole));
		t.deepEqual(said(sliced), said(whole));
	});

	test(`${ext}: a syntax error in an item: read whole when it fits, reported from the slice at the same place when not`, t => {
		const base = text();
		const at = base.indexOf(ext === 'json' ? '"restartPolicy"' : 'restartPolicy:', base.length / 2);
		const broken = ext === 'json' ? `${base.slice(0, at)}"x" "y", ${base.slice(at)}` : `${base.slice(0, at)}{x: ${base.slice(at)}`;
		const fits = both(broken, ext);
		t.is(fits.whole.errors.length, 1);
		t.deepEqual(said(fits.streamed), said(fits.whole));
		// Too big to read whole: the items before it have been loaded, their errors stand, and the
		// syntax error ends the list where the whole-text path puts it.
		const sliced = both(broken, ext, 0);
		const errors = said(sliced.streamed).errors;
		t.deepEqual(errors.at(-1), said(sliced.whole).errors[0]);
		const unnamed = (lines: string[]) => lines.map(line => line.slice(line.indexOf(':')));
		const before = said(both(text(), ext).whole).errors.filter(e => Number(e.split(':')[1]) < (sliced.whole.errors[0]?.line ?? 0));
		t.deepEqual(unnamed(errors.slice(0, -1)), unnamed(before));
	});

	test(`${ext}: a byte that is not UTF-8, and a control character, at the same line:col`, t => {
		const base = Buffer.from(text());
		const at = base.indexOf('restartPolicy', base.length / 2);
		const bad = Buffer.concat([base.subarray(0, at), Buffer.from([0xc3, 0x28]), base.subarray(at)]);
		const utf8 = both(bad, ext);
		t.is(utf8.readErrors[1].length, 1);
		t.deepEqual(utf8.readErrors[0], utf8.readErrors[1]);
		const control = both(Buffer.concat([base.subarray(0, at), Buffer.from([0x01]), base.subarray(at)]), ext);
		t.regex(control.whole.errors.map(formatDiagnostic).join('\n'), /control characters are not allowed/);
		t.deepEqual(said(control.streamed), said(control.whole));
	});
}

test('what the cut cannot stand for is read whole: anchors, `...` lines, a JSON array', t => {
	const yaml = texts.yaml.replace('items:\n', 'items:\n- &a {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n- *a\n');
	for (const [content, ext] of [
		[yaml, 'yaml'],
		[`${texts.yaml}...\n`, 'yaml'],
		[`[${texts.json}]`, 'json'],
	] as const) {
		const {streamed, whole} = both(content, ext);
		t.deepEqual(said(streamed), said(whole));
		t.deepEqual(streamed.input, whole.input);
	}
});

test('standard input goes through the same cut, in the chunks a pipe gives', async t => {
	const bytes = Buffer.from(texts.json);
	const chunks = Array.from({length: Math.ceil(bytes.length / 65536)}, (_, k) => bytes.subarray(k * 65536, (k + 1) * 65536));
	const piped = await readStreamSource(Readable.from(chunks), 0);
	t.not(typeof piped, 'string', 'streamed, not one text');
	const streamed = loadSources(readSources(['-'], () => piped).files, {wholeTextBytes: 0});
	const whole = loadSources([{name: '<stdin>', text: texts.json}]);
	t.deepEqual(said(streamed), said(whole));
	t.deepEqual(streamed.input, whole.input);
});

test('a document longer than one string can be (a 600 MB comment or scalar) is refused where it starts, not with V8’s words (issue 11)', t => {
	const path = join(dir, `f${files++}.yaml`);
	const big = `apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# ${'x'.repeat(4000)}\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n`;
	writeFileSync(path, big);
	const read = readSources([path], noStdin, 0);
	// The limit lowered to 1000 bytes stands for V8's 512 MiB.
	const result = loadSources(read.files, {documentBytes: 1000});
	t.deepEqual(result.errors.map(formatDiagnostic), [
		`${path}:5:1: document too large: k8s-svc-tui reads one document (or one item of a kind: List) of at most 511 MiB`,
	]);
	t.deepEqual(
		result.input.namespaces.map(n => n.name),
		['a'],
		'the documents that fit still load',
	);
});

test('past the bound on objects the load stops at once, at the document that goes past it, before any object is decoded (issue 11)', t => {
	const path = join(dir, `f${files++}.yaml`);
	const docs = Array.from({length: 40}, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-${i}}\n`).join('---\n');
	writeFileSync(path, docs);
	const read = readSources([path], noStdin, 0);
	// 25 stands for MAX_OBJECTS (1,000,000); the 26th document starts at line 101 (four lines each).
	const result = loadSources(read.files, {maxObjects: 25});
	t.deepEqual(result.errors.map(formatDiagnostic), [`${path}:101:1: too many objects: k8s-svc-tui loads at most 25 objects (documents and List items) in all`]);
	t.deepEqual(result.input.namespaces, [], 'nothing decoded');
	t.is(loadSources(read.files, {maxObjects: 40}).errors.length, 0, 'at the bound, all of it loads');
});

test('a key written twice in an object of a List inside a List item is refused by every path: streamed, sliced, whole past the fast-path size (issue 11)', t => {
	const nested = {apiVersion: 'v1', kind: 'List', items: ['SERVICE']};
	const padding = Array.from({length: 6000}, (_, i) => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name: `pad-${i}`}}));
	const service = '{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","name":"web2"},"spec":{"ports":[{"port":80}]}}';
	const text = JSON.stringify({apiVersion: 'v1', kind: 'List', items: [nested, ...padding]}).replace('"SERVICE"', service);
	t.true(text.length > 256 * 1024, 'past the fast-path size');
	const {streamed, whole, sliced} = both(text, 'json');
	for (const [name, result] of Object.entries({streamed, whole, sliced})) {
		t.deepEqual(
			result.errors.map(e => `${e.line}:${e.col}: ${e.message}`),
			['1:146: Service in version "v1" cannot be handled as a Service: strict decoding error: duplicate field "metadata.name"'],
			name,
		);
		t.deepEqual(result.input.services, [], `${name}: web2 is not loaded`);
	}
});
