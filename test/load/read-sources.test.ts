// The file-system edge: files, folders, stdin, and what goes wrong with them.

import {Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {formatDiagnostic, loadSources, readSources, readStream} from '../../source/load/index.js';
import {fromRoot} from '../root.js';

const fixtures = fileURLToPath(fromRoot('test/fixtures/load/'));
const noStdin = () => {
	throw new Error('stdin was not asked for');
};

test('a folder gives its *.yaml, *.yml and *.json files, sorted, not recursive', t => {
	const {files, errors} = readSources([`${fixtures}folder`], noStdin);
	t.deepEqual(errors, []);
	t.deepEqual(
		files.map(f => f.name.slice(fixtures.length)),
		['folder/a-namespace.yml', 'folder/b-service.yaml', 'folder/c-pod.json'],
	);
	const result = loadSources(files);
	t.deepEqual(result.errors, []);
	t.deepEqual(result.warnings, []);
	t.deepEqual(result.input.namespaces, [{name: 'shop'}]);
	t.is(result.input.pods[0]!.spec.containers[0]!.ports[0]!.name, 'http');
});

test('"-" reads stdin once, shown as <stdin>', t => {
	let reads = 0;
	const readStdin = () => {
		reads++;
		return 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n';
	};
	const {files} = readSources(['-', `${fixtures}folder/a-namespace.yml`, '-'], readStdin);
	t.deepEqual(
		files.map(f => f.name.replace(fixtures, '')),
		['<stdin>', 'folder/a-namespace.yml', '<stdin>'],
	);
	t.is(reads, 1);
});

test('a missing file, a folder without manifests: errors formatted as `FILE: message`', t => {
	const {files, errors} = readSources(['nope.yaml', `${fixtures}no-manifests`], noStdin);
	t.deepEqual(files, []);
	t.deepEqual(errors.map(formatDiagnostic), [
		'nope.yaml: no such file or directory',
		`${fixtures}no-manifests: no manifests in this folder (*.yaml, *.yml, *.json)`,
	]);
});

test('a file given by name is read whatever its extension', t => {
	const {files, errors} = readSources([`${fixtures}folder/notes.txt`], noStdin);
	t.deepEqual(errors, []);
	t.is(files.length, 1);
	t.regex(files[0]!.text, /^Not a manifest/);
});

test('readStream: every chunk to the end, a character split between chunks kept whole', async t => {
	const bytes = Buffer.from('metadata: {name: café}\n', 'utf8');
	const at = bytes.indexOf(0xc3) + 1; // inside é's two bytes
	async function* slowly() {
		yield bytes.subarray(0, at);
		await new Promise(resolve => setTimeout(resolve, 20));
		yield bytes.subarray(at);
	}
	t.is(await readStream(slowly()), 'metadata: {name: café}\n');
	t.is(await readStream(Readable.from([])), '');
});

test('"-" whose reading failed: `<stdin>: why`, asked for once', t => {
	let reads = 0;
	const failing = () => {
		reads++;
		throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {code: 'EISDIR'});
	};
	const {files, errors} = readSources(['-', '-'], failing);
	t.deepEqual(files, []);
	t.deepEqual(errors.map(formatDiagnostic), ['<stdin>: is a directory', '<stdin>: is a directory']);
	t.is(reads, 1);
});

test('readStream: manifests piped in that are not UTF-8 are refused where the bad byte is, as a file is (utf8.ts)', async t => {
	const bytes = Buffer.concat([Buffer.from('kind: Pod\nmetadata:\n  name: a'), Buffer.from([0xff]), Buffer.from('\n')]);
	const error = await t.throwsAsync(readStream(Readable.from([bytes])));
	t.is(error?.message, 'invalid leading UTF-8 octet');
	const {files, errors} = readSources(['-'], () => {
		throw error;
	});
	t.deepEqual(files, []);
	t.deepEqual(errors.map(formatDiagnostic), ['<stdin>:3:10: invalid leading UTF-8 octet']);
	// A script is text for our own grammar, not a manifest: its bytes pass as Node decodes them.
	t.is(await readStream(Readable.from([bytes]), 'a script'), `kind: Pod\nmetadata:\n  name: a\uFFFD\n`);
});
