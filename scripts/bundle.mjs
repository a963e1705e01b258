// The second half of `npm run build`: after tsc has checked the types and written the module tree
// into dist/ (dist/source/… is what bench/sim-step.ts imports), esbuild bundles the programs over
// it: dist/cli.js (k8s-svc-tui, and kubectl-svcsim through bin/) and dist/completion.js
// (kubectl_complete-svcsim). Unbundled, a start imported ~130 of our files one by one, and Node's
// resolving, reading and linking of each cost about a third of hello.yaml's first frame (issue
// 15, bench/RESULTS.md); bundled, it reads a handful.
//
// Code splitting keeps cli.tsx's `await import('./source/ui/run-tui.js')` a boundary: that module
// and what only it needs (Ink, React, our UI) become a chunk that only the TUI loads, so
// `--script`, `check` and completion never read it. test/e2e/bundle.test.ts holds this from the
// metafile written beside the bundle.

import {chmodSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist/`;

// Chunk names carry a hash of their content: old ones would pile up.
rmSync(`${DIST}chunks`, {recursive: true, force: true});
const result = await build({
	absWorkingDir: ROOT,
	entryPoints: {cli: 'cli.tsx', completion: 'source/cli/completion.ts'},
	outdir: DIST,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// process.env.NODE_ENV is not replaced at build time: cli.tsx sets it to production just
	// before the UI loads unless the user set it, and React's index files choose their build when
	// the chunk runs, as they did from node_modules.
	// react-devtools-core is imported only when DEV=true (ink/build/reconciler.js) and is no
	// dependency of ours: a bare import, it fails for whoever asks for devtools and no one else.
	external: ['react-devtools-core'],
	// Some of Ink's dependencies are CommonJS that require() Node's built-ins (signal-exit's
	// `events`, for one); an ES module has no require, so each file makes one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// Read only when asked for (`node --enable-source-maps dist/cli.js …`): then a stack names our
	// .ts files and lines. Not shipped (package.json "files"); the sources are beside them here.
	sourcemap: 'linked',
	sourcesContent: false,
	metafile: true,
	legalComments: 'none',
	logLevel: 'warning',
});
writeFileSync(`${DIST}meta.json`, JSON.stringify(result.metafile));
chmodSync(`${DIST}cli.js`, 0o755);
