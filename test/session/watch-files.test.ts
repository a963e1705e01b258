// --watch's file watcher (source/session/watch-files.ts): a save settles, then is told once with the
// text before it; a save that leaves the text as it was, and a file not watched, are not told.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {watchFiles} from '../../source/session/watch-files.js';

const until = (done: () => boolean, ms: number) =>
	new Promise<void>((resolve, reject) => {
		const started = Date.now();
		const timer = setInterval(() => {
			if (done()) {
				clearInterval(timer);
				resolve();
			} else if (Date.now() - started > ms) {
				clearInterval(timer);
				reject(new Error(`not told within ${ms} ms`));
			}
		}, 10);
	});

test.serial('a file written in place, then replaced by rename as editors save: each change told once, with the text before it', async t => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
	const file = path.join(folder, 'web.yaml');
	const other = path.join(folder, 'other.yaml');
	fs.writeFileSync(file, 'one\n');
	fs.writeFileSync(other, 'x\n');
	const told: Array<[string, string]> = [];
	const stop = watchFiles([file], (changed, previous) => told.push([changed, previous]), 20);
	try {
		fs.writeFileSync(other, 'y\n');
		fs.writeFileSync(file, 'two\n');
		await until(() => told.length === 1, 5000);
		t.deepEqual(told, [[file, 'one\n']]);
		// vim's way: a new file renamed over the old one.
		fs.writeFileSync(`${file}.swp`, 'three\n');
		fs.renameSync(`${file}.swp`, file);
		await until(() => told.length === 2, 5000);
		t.deepEqual(told[1], [file, 'two\n']);
		// The same text again is no change.
		fs.writeFileSync(file, 'three\n');
		await new Promise(resolve => setTimeout(resolve, 200));
		t.is(told.length, 2);
	} finally {
		stop();
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
