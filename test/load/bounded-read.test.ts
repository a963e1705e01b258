// Reading with a byte budget (load/bounded-read.ts): a regular file is judged by its size before a
// byte is read, a device or a pipe by counting, and the budget is exact.

import {mkdtempSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import test from 'ava';
import {MAX_INPUT_BYTES, MAX_TEXT_BYTES, readFileWithin, readSources, readStream, tooLarge} from '../../source/load/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bounded-read-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

const refusal = (message: string) => ({code: 'EFBIG', message});

test('a file of exactly the budget is read; one byte more is refused', t => {
	const path = join(dir, 'ten.txt');
	writeFileSync(path, '0123456789');
	t.is(readFileWithin(path, 10, 'too big').toString(), '0123456789');
	t.throws(() => readFileWithin(path, 9, 'too big'), refusal('too big'));
});

test('a regular file is refused by its size, unread: a 1 TiB sparse file answers at once', t => {
	const path = join(dir, 'huge.yaml');
	writeFileSync(path, '');
	truncateSync(path, 2 ** 40);
	t.throws(() => readFileWithin(path, MAX_INPUT_BYTES, 'too big'), refusal('too big'));
	const {files, errors} = readSources([path], () => '');
	t.deepEqual(files, []);
	t.deepEqual(
		errors.map(e => e.message),
		['file too large: k8s-svc-tui reads at most 4096 MiB of manifests in all'],
	);
});

test('a device that never ends is counted while read: /dev/zero stops one byte past the budget', t => {
	t.throws(() => readFileWithin('/dev/zero', 1000, 'endless'), refusal('endless'));
	t.is(readFileWithin('/dev/null', 1000, 'endless').length, 0);
});

test('a folder is not read', t => {
	t.throws(() => readFileWithin(dir, 1000, 'too big'), {code: 'EISDIR'});
});

test('the manifests share one budget: the file that passes it is named', t => {
	// Sparse, so the test writes nothing to disk; 2100 MiB of NULs each, two of them past 4096 MiB.
	// Each is streamed (read-sources.ts STREAM_BYTES), its scan stopping at the first NUL.
	const [a, b] = ['a.yaml', 'b.yaml'].map(name => join(dir, name)) as [string, string];
	for (const path of [a, b]) {
		writeFileSync(path, '');
		truncateSync(path, 2100 * 1024 * 1024);
	}
	const {files, errors} = readSources([a, b], () => '');
	t.deepEqual(
		files.map(f => f.name),
		[a],
	);
	t.deepEqual(
		errors.map(e => `${e.file}: ${e.message}`),
		[`${b}: ${tooLarge('manifests in all')}`],
	);
	// Standard input counts too.
	const piped = {size: 2000 * 1024 * 1024, read: () => Buffer.alloc(0)};
	const stdin = readSources([a, '-'], () => ({bytes: piped, plan: {json: false, docs: [], control: null, broken: null}}));
	t.deepEqual(
		stdin.errors.map(e => `${e.file}: ${e.message}`),
		[`<stdin>: ${tooLarge('manifests in all')}`],
	);
});

test('a stream is refused at the first chunk past the budget, and not read further', async t => {
	let pulled = 0;
	async function* endless() {
		for (;;) {
			pulled++;
			yield Buffer.alloc(1 << 20);
		}
	}
	await t.throwsAsync(readStream(endless(), 'a script'), refusal(tooLarge('a script')));
	t.is(pulled, 129, '128 MiB and the chunk past it');
	t.is(await readStream(Readable.from([Buffer.alloc(MAX_TEXT_BYTES, 'a')]), 'a script').then(text => text.length), MAX_TEXT_BYTES);
});
