// What the tests run: our TypeScript as plain JavaScript, written once into a mirror of the tree
// (node_modules/.cache/test-build/) by ava's config (ava.config.mjs) before any worker starts.
//
// Why not a loader hook: every ava worker is a process of its own, and a `--import` loader ran on
// Node's loader thread in each of them, one message round trip per module. That cost about a
// third of the suite's CPU (measured on test/view + test/command: 88 core-s with the hooks, 55
// core-s running the same tests as JavaScript). Workers now import JavaScript with no hook at all;
// @ava/typescript maps `test/x.test.ts` to its mirror, so `npx ava test/x.test.ts` still works and
// snapshots and titles stay those of the TypeScript file.
//
// The mirror is brought up to date on every ava run: a file whose text (or this script, or
// TypeScript's version) changed is transpiled again; an output whose source is gone is removed.
// Each output starts with the hash of what it was made from, so nothing else needs keeping, and
// two ava runs at once only ever write whole files (write aside, then rename).
// Types are not checked here: `npm test` runs `tsc -p tsconfig.test.json` for that.

import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Relative to ROOT, as @ava/typescript's rewritePaths wants it. */
export const MIRROR = 'node_modules/.cache/test-build/';
const OUT = join(ROOT, MIRROR);
const TYPESCRIPT = /\.tsx?$/;
const DIRECTORIES = ['source', 'test', 'bench'];

/** Our TypeScript files, relative to ROOT: the ones a test can import (fixtures are read, never imported). */
function projectFiles() {
	const files = ['cli.tsx'];
	for (const dir of DIRECTORIES) {
		if (!existsSync(join(ROOT, dir))) continue;
		for (const rel of readdirSync(join(ROOT, dir), {recursive: true})) {
			const path = `${dir}/${rel}`;
			if (path.startsWith('test/fixtures/') || rel.includes('snapshots/')) continue;
			if (TYPESCRIPT.test(rel) && !rel.endsWith('.d.ts')) files.push(path);
		}
	}
	return files;
}

const outputOf = rel => join(OUT, rel.replace(TYPESCRIPT, '.js'));

let salt;
function saltOf(ts) {
	salt ??= `${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\0${ts?.version ?? ''}`;
	return salt;
}

const hashOf = (text, typescriptVersion) =>
	createHash('sha256')
		.update(saltOf({version: typescriptVersion}))
		.update('\0')
		.update(text)
		.digest('hex')
		.slice(0, 32);

/** How an output starts: on its first line, not a line of its own, so the source map's lines still match. */
const stamp = hash => `/* from ${hash} */ `;

function upToDate(output, hash) {
	try {
		return readFileSync(output, 'utf8').startsWith(stamp(hash));
	} catch {
		return false;
	}
}

function writeWhole(path, text) {
	mkdirSync(dirname(path), {recursive: true});
	const partial = `${path}.${process.pid}.partial`;
	writeFileSync(partial, text);
	renameSync(partial, path);
}

/**
 * Bring the mirror up to date. Returns how many files it wrote. A file TypeScript cannot parse
 * throws, naming the file, line and column.
 */
export async function transpileTree() {
	const typescriptVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/typescript/package.json'), 'utf8')).version;
	let ts;
	let written = 0;
	const expected = new Set([join(OUT, 'package.json')]);
	for (const rel of projectFiles()) {
		const file = join(ROOT, rel);
		const output = outputOf(rel);
		expected.add(output);
		const text = readFileSync(file, 'utf8');
		const hash = hashOf(text, typescriptVersion);
		if (upToDate(output, hash)) continue;
		ts ??= (await import('typescript')).default;
		writeWhole(output, `${stamp(hash)}${transpile(ts, file, text)}`);
		written++;
	}
	// The mirror lies under node_modules, where Node stops looking for the project's package.json:
	// without its own, every .js there would load as CommonJS.
	const marker = join(OUT, 'package.json');
	if (!existsSync(marker)) writeWhole(marker, '{"type": "module"}\n');
	removeStale(expected);
	return written;
}

/** Outputs whose source was deleted or renamed: a test must not import what no longer exists. */
function removeStale(expected) {
	if (!existsSync(OUT)) return;
	for (const rel of readdirSync(OUT, {recursive: true})) {
		const path = join(OUT, rel);
		if (!expected.has(path) && rel.endsWith('.js')) rmSync(path, {force: true});
	}
}

function transpile(ts, file, text) {
	const {outputText, diagnostics} = ts.transpileModule(text, {
		fileName: file,
		reportDiagnostics: true,
		compilerOptions: {
			// The options of tsconfig.json that matter to one file.
			target: ts.ScriptTarget.ES2022,
			module: ts.ModuleKind.ESNext,
			jsx: ts.JsxEmit.ReactJSX,
			esModuleInterop: true,
			// Stack traces, ava's code excerpts and its snapshot locations follow the map back to
			// the TypeScript file (ava starts workers with --enable-source-maps).
			inlineSourceMap: true,
			inlineSources: true,
			// The map names its source relative to this root: the TypeScript file, not the mirror.
			sourceRoot: `${pathToFileURL(dirname(file)).href}/`,
		},
	});
	if (diagnostics?.length) {
		const messages = diagnostics.map(d => {
			const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
			return `${relative(ROOT, file)}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
		});
		throw new SyntaxError(messages.join('\n'));
	}
	return outputText;
}
