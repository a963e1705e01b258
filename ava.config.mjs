// ava's configuration. It is code, not package.json, because it first brings the JavaScript
// mirror of our TypeScript up to date (test/transpile.mjs says why the tests run from there).
import {MIRROR, transpileTree} from './test/transpile.mjs';

await transpileTree();

export default {
	// Long files first, so the short ones fill the gaps at the end of the run.
	files: [
		'test/e2e/tour.test.ts',
		'test/e2e/bad-input.test.ts',
		'test/sim/properties.test.ts',
		'test/e2e/tui.test.ts',
		'test/e2e/terminal.test.ts',
		'test/e2e/cli.test.ts',
		'test/ui/app.test.tsx',
		'test/load/fast-parse.test.ts',
		'test/**/*.test.ts',
		'test/**/*.test.tsx',
	],
	typescript: {
		extensions: ['ts', 'tsx'],
		rewritePaths: {'test/': `${MIRROR}test/`},
		compile: false,
	},
	workerThreads: false,
	concurrency: 4,
	timeout: '2m',
};
