// spec.trafficDistribution end to end: the hints the EndpointSlice controller writes (the
// endpoint's zone; its node too for PreferSameNode) and the choice kube-proxy makes from them
// (kubernetes/kubernetes pkg/proxy/topology.go CategorizeEndpoints, topologyModeFromHints,
// availableForTopology). test/fixtures/topology/zones.yaml: node-a and node-b in zone-a, node-c
// in zone-b; web-a on node-a, web-c on node-c; clients on node-b and node-c.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {fromRoot} from '../root.js';
import {bootSources} from '../session/sample-state.js';

const ZONES = readFileSync(fromRoot('test/fixtures/topology/zones.yaml'), 'utf8');

const cluster = (edit: (text: string) => string = t => t): State => bootSources([{name: 'zones.yaml', text: edit(ZONES)}]);

function run(state: State, line: string): {state: State; out: string[]} {
	const result = execute(state, line);
	if (!result.ok) throw new Error(`${line}: ${result.err.join('\n')}`);
	return {state: result.state, out: result.out};
}

/** The pods a client's requests reached, with how many. */
const reached = (state: State, from: string): string[] =>
	run(state, `curl web --from pod/${from} --count 20 --summary`)
		.out.slice(1)
		.map(l => l.trim().split(' ')[0] ?? '');

test('PreferClose: each client reaches the endpoints of its own node’s zone only (topologyModeFromHints → PreferSameZone)', t => {
	const state = cluster();
	t.deepEqual(reached(state, 'client-b'), ['web-a'], 'node-b is in zone-a, as node-a is');
	t.deepEqual(reached(state, 'client-c'), ['web-c']);
	t.regex(run(state, 'curl web --from pod/client-b').out.join('\n'), /iptables random, 1 of 1, trafficDistribution: PreferClose: endpoints in zone zone-a\)$/);
});

test('PreferClose with no ready endpoint in the client’s zone: hints are ignored and every ready endpoint serves (no fallback tier, topology.go)', t => {
	let {state} = run(cluster(), 'delete pod web-c');
	// web-c is terminating: not ready, so zone-b has no ready endpoint.
	const line = run(state, 'curl web --from pod/client-c').out.join('\n');
	t.regex(line, /→ web-a .* trafficDistribution: PreferClose not applied: no ready endpoint in zone zone-b\)$/);
	state = run(state, 'wait 40s').state;
	t.deepEqual(reached(state, 'client-c'), ['web-a']);
});

test('PreferClose where a node has no zone label: no endpoint there gets a zone hint, so kube-proxy ignores them all', t => {
	const state = cluster(text => text.replace('{name: node-c, labels: {topology.kubernetes.io/zone: zone-b}}', '{name: node-c}'));
	t.deepEqual(reached(state, 'client-b').sort(), ['web-a', 'web-c']);
	t.regex(
		run(state, 'curl web --from pod/client-b').out.join('\n'),
		/not applied: an endpoint has no zone \(its node has no topology\.kubernetes\.io\/zone label\)\)$/,
	);
	const slices = JSON.parse(run(state, 'get endpointslices -o json').out.join('\n'));
	const web = slices.items.find((s: {metadata: {name: string}}) => s.metadata.name.startsWith('web-'));
	t.deepEqual(
		web.endpoints.map((e: {targetRef: {name: string}; hints?: unknown; zone?: string}) => [e.targetRef.name, e.zone, e.hints]),
		[
			['web-a', 'zone-a', {forZones: [{name: 'zone-a'}]}],
			['web-c', undefined, undefined],
		],
	);
});

test('PreferSameNode: the client’s own node first, then its zone, then anywhere (forNodes before forZones)', t => {
	const state = cluster(text => text.replace('trafficDistribution: PreferClose', 'trafficDistribution: PreferSameNode'));
	t.deepEqual(reached(state, 'client-c'), ['web-c'], 'web-c runs on node-c');
	const fromB = run(state, 'curl web --from pod/client-b').out.join('\n');
	// node-b has no endpoint: kube-proxy ignores the node hints and uses the zone hints, which
	// every endpoint has, and zone-a (node-b's) has web-a.
	t.regex(fromB, /→ web-a .*iptables random, 1 of 1, trafficDistribution: PreferSameNode: endpoints in zone zone-a\)$/);
	const slices = JSON.parse(run(state, 'get endpointslices -o json').out.join('\n'));
	const web = slices.items.find((s: {metadata: {name: string}}) => s.metadata.name.startsWith('web-'));
	t.deepEqual(web.endpoints[0].hints, {forNodes: [{name: 'node-a'}], forZones: [{name: 'zone-a'}]});
});

test('trafficDistribution leaves a Local policy alone, is shown by describe svc, and is validated as the API server does', t => {
	const local = cluster(text => text.replace('  trafficDistribution: PreferClose', '  trafficDistribution: PreferClose\n  internalTrafficPolicy: Local'));
	const line = run(local, 'curl web --from pod/client-c').out.join('\n');
	t.regex(line, /internalTrafficPolicy: Local\)$/);
	t.false(line.includes('trafficDistribution'));
	t.true(run(cluster(), 'describe svc web').out.includes('Traffic Distribution:     PreferClose'));
	const error = t.throws(() => cluster(text => text.replace('trafficDistribution: PreferClose', 'trafficDistribution: Nearest')));
	t.regex(
		error.message,
		/spec\.trafficDistribution: Unsupported value: \\"Nearest\\": supported values: \\"PreferClose\\", \\"PreferSameNode\\", \\"PreferSameZone\\"/,
	);
});
