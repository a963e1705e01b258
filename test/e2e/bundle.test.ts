// The bundle's shape (scripts/bundle.mjs): a start reads a few files, and the TUI's code (Ink,
// React, source/ui/) sits in a chunk only the TUI loads, so `--script`, `check` and completion
// never pay for it. Read from esbuild's metafile (dist/meta.json), and from the files a real
// headless run loads, recorded by a module hook.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import test from 'ava';
import {ROOT} from '../root.js';
import {buildIfMissing, META} from './build-dist.js';

test.before('build dist/ if `npm test` has not', buildIfMissing);

interface Output {
	imports: Array<{path: string; kind: string; external?: boolean}>;
	inputs: Record<string, unknown>;
}
const meta = () => JSON.parse(readFileSync(META, 'utf8')) as {outputs: Record<string, Output>};

/** What only the TUI needs: Ink, React and the renderer beneath them, and our UI layer. */
const TUI_ONLY = /(^|\/)node_modules\/(ink|react|react-reconciler|yoga-layout|chalk)\/|(^|\/)source\/ui\//;

/** The outputs `entry` loads before it runs: itself and its static imports, transitively. */
function staticClosure(outputs: Record<string, Output>, entry: string): string[] {
	const seen = new Set([entry]);
	for (const path of seen) {
		for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) seen.add(i.path);
	}
	return [...seen];
}

const inputsOf = (outputs: Record<string, Output>, paths: string[]) => paths.flatMap(p => Object.keys(outputs[p]?.inputs ?? {}));

test('cli.js and completion.js load no Ink, React or UI code; the TUI is a chunk cli.js imports dynamically', t => {
	const {outputs} = meta();
	for (const entry of ['dist/cli.js', 'dist/completion.js']) {
		const closure = staticClosure(outputs, entry);
		t.deepEqual(
			inputsOf(outputs, closure).filter(i => TUI_ONLY.test(i)),
			[],
			`${entry} and its static imports (${closure.join(', ')})`,
		);
	}
	const dynamic = outputs['dist/cli.js']?.imports.filter(i => i.kind === 'dynamic-import').map(i => i.path) ?? [];
	const tui = dynamic.filter(p => inputsOf(outputs, [p]).some(i => i.endsWith('source/ui/run-tui.tsx')));
	t.is(tui.length, 1, `one dynamic chunk holds source/ui/run-tui.tsx (cli.js imports ${dynamic.join(', ')})`);
	t.true(
		inputsOf(outputs, tui).some(i => /(^|\/)node_modules\/ink\//.test(i)),
		'Ink is in the TUI chunk',
	);
	// Completion runs on every tab: it loads the completion code, not the simulator or the parsers.
	t.deepEqual(
		inputsOf(outputs, staticClosure(outputs, 'dist/completion.js')).filter(i => /(^|\/)source\/(sim|load)\/|node_modules\/(yaml|js-yaml)\//.test(i)),
		[],
	);
});

// A module hook (node:module register) that appends each file: URL Node loads to IMPORTS_LOG.
const HOOKS = `import {appendFileSync} from 'node:fs';
export async function load(url, context, next) {
	if (url.startsWith('file:')) appendFileSync(process.env.IMPORTS_LOG, url + '\\n');
	return next(url, context);
}`;
const REGISTER = `import {register} from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

const scratch = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-bundle-'));
test.after.always(() => rmSync(scratch, {recursive: true, force: true}));

/** The files `node PROGRAM ARGS` loads, relative to the project directory. */
function loadedFiles(name: string, program: string, args: string[]): {status: number | null; stderr: string; files: string[]} {
	const log = join(scratch, `${name}.log`);
	const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, program, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {...process.env, IMPORTS_LOG: log, NO_COLOR: '1'},
	});
	const root = pathToFileURL(ROOT).href;
	let text = '';
	try {
		text = readFileSync(log, 'utf8');
	} catch {
		// Nothing loaded through the hook: the assertions below say so.
	}
	const files = text
		.split('\n')
		.filter(Boolean)
		.map(url => (url.startsWith(root) ? url.slice(root.length) : fileURLToPath(url)));
	return {status: r.status, stderr: r.stderr, files};
}

for (const [name, program, args] of [
	['--script', 'dist/cli.js', ['samples/hello.yaml', '--script', '/dev/null']],
	['check', 'dist/cli.js', ['check', 'samples/hello.yaml']],
	['kubectl_complete-svcsim', 'bin/kubectl_complete-svcsim.js', ['--sample', 'he']],
] as const) {
	test(`${name} loads a few bundled files, none holding Ink, React or UI code`, t => {
		const {outputs} = meta();
		const run = loadedFiles(name, program, [...args]);
		t.is(run.status, 0, run.stderr);
		const bundled = run.files.filter(f => !f.startsWith('bin/'));
		t.true(bundled.length > 0, 'the hook saw the bundle load');
		t.deepEqual(
			bundled.filter(f => outputs[f] === undefined),
			[],
			'every file loaded is an output of the bundle (no node_modules, no tsc module tree)',
		);
		// Unbundled, this was ~130 of our modules and ~10 packages'.
		t.true(bundled.length <= 6, `a few files: ${bundled.join(', ')}`);
		t.deepEqual(
			inputsOf(outputs, bundled).filter(i => TUI_ONLY.test(i)),
			[],
		);
	});
}
