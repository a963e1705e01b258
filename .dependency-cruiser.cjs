// The layer table of docs/architecture.md as rules: imports point down only, and nothing imports
// in a circle (type-only imports count: `tsPreCompilationDeps`). `npm test` runs this through
// `npm run lint:layers`; a violation fails the build.

/** What each layer may import of ours, besides itself (docs/architecture.md "Layers"). */
const LAYERS = {
	// cli.tsx's helpers (samples, the kubectl snapshot, completion, colour, help): everything but
	// the UI, which cli.tsx alone loads, and only for the TUI.
	cli: ['headless', 'session', 'view', 'command', 'load', 'kinds', 'sim', 'apimachinery'],
	ui: ['session', 'view', 'command', 'kinds', 'sim', 'apimachinery'],
	headless: ['session', 'view', 'command', 'sim', 'apimachinery'],
	session: ['view', 'command', 'load', 'sim', 'apimachinery'],
	view: ['kinds', 'sim', 'apimachinery'],
	command: ['kinds', 'sim', 'apimachinery'],
	load: ['kinds', 'sim', 'apimachinery'],
	kinds: ['sim', 'apimachinery'],
	sim: [],
	apimachinery: [],
};
const ALL = Object.keys(LAYERS);

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
	const forbidden = ALL.filter(l => l !== layer && !allowed.includes(l));
	return {
		name: `layer-${layer}`,
		comment: `source/${layer}/ may import only ${allowed.length ? allowed.map(l => `source/${l}/`).join(', ') : 'nothing of ours'} (docs/architecture.md)`,
		severity: 'error',
		from: {path: `^source/${layer}/`},
		to: {path: forbidden.length ? `^(source/(${forbidden.join('|')})/|cli\\.tsx$)` : '^cli\\.tsx$'},
	};
});

module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			comment: 'A cycle ties modules that should be layered; type-only imports count.',
			severity: 'error',
			from: {},
			to: {circular: true},
		},
		...layerRules,
		{
			name: 'sim-is-pure',
			comment: 'source/sim/ imports no Node built-in and no package: pure functions over plain data, the same run everywhere (docs/architecture.md).',
			severity: 'error',
			from: {path: '^source/sim/'},
			to: {dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown']},
		},
		{
			name: 'apimachinery-is-pure',
			comment: 'source/apimachinery/ holds string rules: no I/O, no process, no package (node:net for IP syntax is fine).',
			severity: 'error',
			from: {path: '^source/apimachinery/'},
			to: {dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^(node:)?net$'},
		},
		{
			name: 'no-react-below-ui',
			comment: 'Only the TUI (source/ui/) and cli.tsx touch React and Ink.',
			severity: 'error',
			from: {path: '^source/', pathNot: '^source/ui/'},
			to: {path: 'node_modules/(react|ink)/'},
		},
		{
			name: 'source-not-to-test-or-bench',
			comment: 'Shipped code never imports tests, benchmarks or dev dependencies.',
			severity: 'error',
			from: {path: '^(source/|cli\\.tsx$)'},
			to: {path: '^(test|bench)/'},
		},
		{
			name: 'source-not-to-dev-deps',
			severity: 'error',
			from: {path: '^(source/|cli\\.tsx$)'},
			to: {dependencyTypes: ['npm-dev']},
		},
		{
			name: 'not-to-unresolvable',
			severity: 'error',
			from: {},
			to: {couldNotResolve: true},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.test.json'},
		enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js']},
	},
};
