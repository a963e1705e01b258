// Replacing every pod of one Service, in process (npm run bench, issue 15): `delete pod -l
// app=app-0` on a cluster of that one Deployment's N pods, then the clock until every replacement
// is Ready and back in the Endpoints. Linear work is about N× one pod; the Endpoints copies this
// once cost made it quadratic (1,000 pods: 11× the cost of 200).
//
// Usage: node --expose-gc --import tsx bench/replace-pods.ts PODS [REPEATS]   → one JSON line.

import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {compactCluster} from './generate-compact.js';

const {loadSources} = (await import('../dist/source/load/index.js' as string)) as typeof import('../source/load/index.js');
const {initialState, listRows, step} = (await import('../dist/source/sim/index.js' as string)) as typeof import('../source/sim/index.js');

const [podsArg = '1000', repeatsArg = '5'] = process.argv.slice(2);
const pods = Number(podsArg);
const gc = (globalThis as {gc?: () => void}).gc ?? (() => {});

const loaded = loadSources([{name: 'compact.yaml', text: compactCluster(pods, 1)}]);
if (loaded.errors.length > 0) throw new Error(loaded.errors[0]?.message);
const init = initialState(loaded.input, {seed: 1});
if (!init.ok) throw new Error(JSON.stringify(init.errors[0]));
const start = init.state;

const times: number[] = [];
let ready = 0;
for (let i = 0; i < Number(repeatsArg) + 1; i++) {
	gc();
	const t0 = performance.now();
	let state = step(start, {type: 'podDeleted', namespace: 'team-0', selector: 'app=app-0'}).state;
	// Graceful termination and readiness take virtual seconds; a minute covers both.
	state = step(state, {type: 'clockAdvanced', ms: 60_000}).state;
	const ms = performance.now() - t0;
	const endpoints = listRows(state.endpoints).find(e => e.name === 'svc-0');
	ready = endpoints ? Object.values(endpoints.addresses).filter(a => a.ready).length : 0;
	if (i > 0) times.push(ms); // the first warms the JIT up
}
const sorted = [...times].sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({pods, ready, median: sorted[sorted.length >> 1], runs: times.length})}\n`);
