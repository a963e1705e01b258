// Issue 15's "done when": a dump that is not valid JSON past 512 MB (past V8's longest string, so
// no whole-text reading could even hold it) reports its first error at the right line and column,
// as the CLI prints it, with exit 1 and no stack trace. The place is the one the whole-text path
// gives the same text with its filler cut short, moved down by the lines cut.

import {execFile} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {formatDiagnostic, loadSources} from '../../source/load/index.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'stream-big-'));
test.after.always(() => rmSync(dir, {recursive: true, force: true}));

const pod = (name: string) =>
	`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"${name}","namespace":"default"},"spec":{"containers":[{"name":"c","image":"i"}]}},\n`;
const head = `{"apiVersion":"v1","items":[\n${pod('a')}${pod('b')}${pod('c')}`;
// A missing comma, in the item after the filler.
const tail = `  {"apiVersion":"v1","kind":"Pod", "metadata":{"name":"d"} "spec":{}}\n],"kind":"List","metadata":{"resourceVersion":""}}\n`;
/** Blank lines of 80 spaces; a chunk of them is about 1 MiB. */
const blankLine = `${' '.repeat(80)}\n`;
const CHUNK_LINES = 12945;
const chunk = Buffer.from(blankLine.repeat(CHUNK_LINES));

test.serial('a JSON List broken past 512 MB: its first error at its line and column, exit 1, no stack trace', async t => {
	const chunks = 520;
	const path = join(dir, 'big.json');
	const fd = openSync(path, 'w');
	try {
		writeSync(fd, head);
		for (let k = 0; k < chunks; k++) writeSync(fd, chunk);
		writeSync(fd, tail);
	} finally {
		closeSync(fd);
	}
	t.true(statSync(path).size > 512 * 1024 * 1024);
	// The same text with fewer blank lines, read whole: past FAST_PATH_BYTES, so by the fast
	// parsers the streamed path stands in for.
	const smallLines = 3300;
	const small = head + blankLine.repeat(smallLines) + tail;
	const [expected] = loadSources([{name: path, text: small}]).errors;
	t.truthy(expected);
	const lines = chunks * CHUNK_LINES;
	const moved = {...expected!, line: expected!.line + lines - smallLines};
	t.is(moved.line, 4 + lines + 1, 'on the broken item’s line');
	const outcome = await run(process.execPath, ['dist/cli.js', 'check', path], {maxBuffer: 1 << 20}).then(
		() => ({code: 0, stderr: ''}),
		(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
	);
	t.is(outcome.code, 1);
	t.deepEqual(outcome.stderr.trimEnd().split('\n'), [formatDiagnostic(moved)]);
	t.log(formatDiagnostic(moved));
});
