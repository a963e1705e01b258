// In-process simulator figures for one input (npm run bench runs this in a child process, one per
// input, so each starts with a fresh heap): requests per second of `curl --count 100000` through a
// ClusterIP Service with session affinity off and on, and the cost of killing one pod.
//
// Usage: node --expose-gc --import tsx bench/sim-step.ts FILE [REPEATS]   → one JSON line on stdout.
// It imports the built simulator (dist/), the code `npm run bench` times everywhere else.

import {performance} from 'node:perf_hooks';
import process from 'node:process';
import type {Action, ClusterInput, ServiceInput} from '../source/sim/types.js';

// The built code (what the app runs), typed by its sources.
const {loadSources, readSources} = (await import('../dist/source/load/index.js' as string)) as typeof import('../source/load/index.js');
const {countRows, getRow, initialState, listRows, step} = (await import('../dist/source/sim/index.js' as string)) as typeof import('../source/sim/index.js');

const COUNT = 100_000;
const AFFINE = 'bench-affinity';

const [file, repeatsArg = '5'] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: tsx bench/sim-step.ts FILE [REPEATS]\n');
	process.exit(2);
}
const repeats = Number(repeatsArg);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)]!;

// Run with --expose-gc: collect before each timed step, so one step does not pay for another's
// garbage (each 100,000-request step leaves 100,000 traces behind).
const gc = (globalThis as {gc?: () => void}).gc ?? (() => {});

function time<T>(run: () => T): [number, T] {
	const t0 = performance.now();
	const value = run();
	return [performance.now() - t0, value];
}

/** A Service with a cluster IP that selects pods, ClusterIP type first: what `curl --count` goes
 *  through (by its cluster IP; a NodePort Service has one too, as in hello.yaml). */
function pickService(input: ClusterInput): ServiceInput | undefined {
	const candidates = input.services.filter(
		s =>
			s.spec.type !== 'ExternalName' &&
			s.spec.clusterIP !== 'None' &&
			s.spec.selector &&
			Object.keys(s.spec.selector).length > 0 &&
			s.spec.ports !== undefined &&
			s.spec.ports.length > 0 &&
			s.meta.namespace !== 'kube-system',
	);
	return candidates.find(s => s.spec.type === 'ClusterIP') ?? candidates[0];
}

/** Load and settle; only the state (and its Service) outlive this, so the file's text and parsed
 *  documents are garbage before anything is timed. */
function start() {
	const [readMs, read] = time(() => readSources([file!], () => ''));
	const [loadMs, loaded] = time(() => loadSources(read.files));
	if (loaded.errors.length > 0 || read.errors.length > 0) {
		process.stderr.write(`sim-step: ${file} does not load: ${[...read.errors, ...loaded.errors][0]!.message}\n`);
		process.exit(1);
	}
	const input = loaded.input;
	const chosen = pickService(input);
	if (!chosen) {
		process.stderr.write(`sim-step: ${file} has no ClusterIP Service with a selector\n`);
		process.exit(1);
	}
	// Affinity on: the same Service (same pods, same ports) once more with sessionAffinity ClientIP
	// (docs/semantics.md E3); its own clusterIP and node ports are allocated, never the recorded ones.
	const affine: ServiceInput = {
		...chosen,
		meta: {...chosen.meta, name: AFFINE},
		spec: {
			...chosen.spec,
			clusterIP: undefined,
			ports: chosen.spec.ports?.map(p => ({...p, nodePort: undefined})),
			sessionAffinity: 'ClientIP',
			sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}},
		},
	};
	const [initMs, init] = time(() => initialState({...input, services: [...input.services, affine]}, {seed: 1}));
	if (!init.ok) {
		process.stderr.write(`sim-step: initialState failed: ${JSON.stringify(init.errors[0])}\n`);
		process.exit(1);
	}
	return {state: init.state, chosen, readMs, loadMs, initMs};
}

const {state, chosen, readMs, loadMs, initMs} = start();
const ns = chosen.meta.namespace ?? 'default';
const port = chosen.spec.ports![0]!.port;

function requests(target: string) {
	const action: Action = {type: 'requestSent', target, from: {kind: 'default'}, count: COUNT};
	step(state, action); // warm-up: the JIT, and the first DNS look-up of the name
	const times: number[] = [];
	let ok = 0;
	for (let i = 0; i < repeats; i++) {
		gc();
		const [ms, r] = time(() => step(state, action));
		times.push(ms);
		if (r.result.kind === 'requests') ok = r.result.summary.ok;
		else throw new Error(`curl ${target}: ${JSON.stringify(r.result).slice(0, 200)}`);
	}
	return {ms: median(times), perSecond: COUNT / (median(times) / 1000), ok};
}

// By name, as one types it (`curl svc-0.team-0:80`), through the simulated DNS (docs/semantics.md
// F5); by the cluster IP the DNS step drops out.
const off = requests(`${chosen.meta.name}.${ns}:${port}`);
const on = requests(`${AFFINE}.${ns}:${port}`);
const byIP = requests(`${getRow(state.services, `${ns}/${chosen.meta.name}`)!.spec.clusterIP}:${port}`);

// Kill one pod: each from the same starting state, a different pod each time (Running, owned by
// a controller, so the step also creates the replacement).
const victims = listRows(state.pods).filter(p => p.owner && p.phase === 'Running' && p.deletionTimestamp === null);
const kills: number[] = [];
const killRuns = Math.min(victims.length, 40);
for (let i = 0; i < killRuns + 5; i++) {
	const pod = victims[(i * 7919) % victims.length]!;
	if (i % 10 === 0) gc();
	const [ms, r] = time(() => step(state, {type: 'podDeleted', namespace: pod.namespace, name: pod.name}));
	if (r.result.kind === 'error') throw new Error(`delete ${pod.name}: ${r.result.message}`);
	if (i >= 5) kills.push(ms); // the first few warm the JIT up
}

process.stdout.write(
	`${JSON.stringify({
		file,
		pods: countRows(state.pods),
		services: countRows(state.services),
		readMs,
		loadMs,
		initMs,
		service: `${ns}/${chosen.meta.name}:${port}${chosen.spec.type === 'ClusterIP' ? '' : ` (${chosen.spec.type})`}`,
		requests: {count: COUNT, off, on, byIP},
		kill: {median: median(kills), p95: p95(kills), runs: kills.length},
	})}\n`,
);
