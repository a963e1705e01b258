// The TypeScript loader the tests run under (package.json "ava" → nodeArguments): every ava
// worker is a process of its own, and tsx cost each of them about 0.6 s of CPU before the first
// test (its hooks see every module ava loads); this one costs about a tenth of that.
//
// It does two things, only for our own files (never node_modules):
// - resolve: `./x.js` that does not exist names `./x.ts` or `./x.tsx`, as NodeNext TypeScript
//   writes imports (tsconfig.json);
// - load: .ts and .tsx become JavaScript with TypeScript's own transpiler (the options of
//   tsconfig.json that matter to one file: ES2022, ES modules, the react-jsx runtime), with an
//   inline source map so stack traces and ava's excerpts point at the TypeScript lines.
//
// Output is cached in node_modules/.cache/ts-loader/, keyed by the file's path and text, this
// file's text and TypeScript's version, so only a changed file pays for loading the compiler; a
// cold cache is filled in one go by the first worker that needs it (warmCache).
// Imported on the main thread it registers itself; the hooks then run on Node's loader thread.

import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {register} from 'node:module';
import {fileURLToPath} from 'node:url';
import {isMainThread} from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

const ROOT = new URL('../', import.meta.url).href;
const CACHE = fileURLToPath(new URL('../node_modules/.cache/ts-loader/', import.meta.url));
const TYPESCRIPT = /\.tsx?$/;

/** Ours: under the project root, outside node_modules. */
const ours = url => url?.startsWith(ROOT) && !url.includes('/node_modules/');

export async function resolve(specifier, context, nextResolve) {
	if (specifier.endsWith('.js') && (specifier.startsWith('./') || specifier.startsWith('../')) && ours(context.parentURL)) {
		const url = new URL(specifier, context.parentURL);
		if (!existsSync(url)) {
			for (const extension of ['.ts', '.tsx']) {
				const candidate = new URL(`${url.pathname.slice(0, -'.js'.length)}${extension}${url.search}`, url);
				if (existsSync(candidate)) return {url: candidate.href, format: 'module', shortCircuit: true};
			}
		}
	}
	return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
	if (!ours(url) || !url.startsWith('file:') || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context);
	const file = fileURLToPath(url);
	return {format: 'module', source: await compiled(file, readFileSync(file, 'utf8')), shortCircuit: true};
}

let salt;
/** What else the output depends on: this loader and the compiler. */
function cacheSalt() {
	salt ??= [
		readFileSync(new URL(import.meta.url), 'utf8'),
		JSON.parse(readFileSync(new URL('../node_modules/typescript/package.json', import.meta.url), 'utf8')).version,
	].join('\0');
	return salt;
}

const cachePath = (file, text) => `${CACHE}${createHash('sha256').update(cacheSalt()).update('\0').update(file).update('\0').update(text).digest('hex')}.js`;

function cached(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

function store(path, output) {
	try {
		// Workers compile at the same time: write aside, then rename (atomic), so none reads half a file.
		mkdirSync(CACHE, {recursive: true});
		const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
		writeFileSync(partial, output);
		renameSync(partial, path);
	} catch {
		// A read-only node_modules: compile every time.
	}
}

async function compiled(file, text) {
	const path = cachePath(file, text);
	const hit = cached(path) ?? ((await warmCache()) ? cached(path) : null);
	if (hit !== null) return hit;
	const output = await transpile(file, text);
	store(path, output);
	return output;
}

/** Our TypeScript files, as paths; the ones a test can import. */
function projectFiles() {
	const root = fileURLToPath(ROOT);
	const files = ['cli.tsx'];
	for (const dir of ['source', 'test', 'bench']) {
		if (!existsSync(`${root}${dir}`)) continue;
		for (const rel of readdirSync(`${root}${dir}`, {recursive: true})) {
			if (TYPESCRIPT.test(rel) && !rel.endsWith('.d.ts') && !rel.startsWith('fixtures/')) files.push(`${dir}/${rel}`);
		}
	}
	return files.map(rel => `${root}${rel}`).filter(path => existsSync(path));
}

const LOCK = `${CACHE}lock`;
/** A lock older than this was left by a worker that died while holding it. */
const STALE_LOCK_MS = 60_000;
const STALE_CACHE_MS = 60 * 60_000;
let warmed = false;

/**
 * On the first miss in a worker: compile every file of the project that is not cached yet, one
 * worker at a time (the others wait for it, then find theirs cached). Loading the compiler costs
 * over a second of CPU; with a cold cache (a fresh clone, CI) that is paid once or twice instead
 * of in every worker. False when it could not run (a read-only node_modules).
 */
async function warmCache() {
	if (warmed) return false;
	warmed = true;
	const until = Date.now() + 2 * STALE_LOCK_MS;
	for (;;) {
		try {
			mkdirSync(CACHE, {recursive: true});
			mkdirSync(LOCK);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST' || Date.now() > until) return false;
			try {
				if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, {recursive: true, force: true});
			} catch {
				// Released meanwhile.
			}
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}
	try {
		const current = new Set();
		for (const file of projectFiles()) {
			try {
				const text = readFileSync(file, 'utf8');
				const path = cachePath(file, text);
				current.add(path);
				if (!existsSync(path)) store(path, await transpile(file, text));
			} catch {
				// Removed meanwhile, or a syntax error: the worker that imports it reports that.
			}
		}
		// Older versions of files (and of this loader) are not read again: drop those of an hour ago.
		for (const name of readdirSync(CACHE)) {
			const path = `${CACHE}${name}`;
			try {
				if (name.endsWith('.js') && !current.has(path) && Date.now() - statSync(path).mtimeMs > STALE_CACHE_MS) rmSync(path, {force: true});
			} catch {
				// Gone already.
			}
		}
	} catch {
		// Files moved while it looked: the cache is an optimisation, never a reason to fail a load.
	} finally {
		rmSync(LOCK, {recursive: true, force: true});
	}
	return true;
}

let typescript;
async function transpile(file, text) {
	typescript ??= (await import('typescript')).default;
	const ts = typescript;
	const {outputText, diagnostics} = ts.transpileModule(text, {
		fileName: file,
		reportDiagnostics: true,
		compilerOptions: {
			target: ts.ScriptTarget.ES2022,
			module: ts.ModuleKind.ESNext,
			jsx: ts.JsxEmit.ReactJSX,
			esModuleInterop: true,
			inlineSourceMap: true,
			inlineSources: true,
		},
	});
	if (diagnostics?.length) {
		const messages = diagnostics.map(d => {
			const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
			return `${file}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
		});
		throw new SyntaxError(messages.join('\n'));
	}
	return outputText;
}
