// The cluster of the upstream NetworkPolicy e2e suite (kubernetes/kubernetes
// test/e2e/network/netpol/model.go): namespaces x, y, z, each with pods a, b, c labelled
// `pod: <name>`, serving 80 and 81 on TCP, UDP and SCTP under named ports `serve-<port>-<proto>`.
// (`y` is quoted: YAML 1.1, as go-yaml reads it, takes a bare y for true.) Policies are given as YAML documents; the state is loaded and run until every pod has its IP.
import {loadSources} from '../../source/load/index.js';
import {getRow, initialState, type Pod, type State, step} from '../../source/sim/index.js';

const port = (n: number, protocol: string) => `{name: serve-${n}-${protocol.toLowerCase()}, containerPort: ${n}, protocol: ${protocol}}`;
const PORTS = [80, 81].flatMap(n => ['TCP', 'UDP', 'SCTP'].map(p => port(n, p))).join(', ');

const namespaces = ['x', 'y', 'z'];

const CLUSTER = [
	...namespaces.map(ns => `apiVersion: v1\nkind: Namespace\nmetadata: {name: "${ns}", labels: {ns: "${ns}"}}\n`),
	...namespaces.flatMap(ns =>
		['a', 'b', 'c'].map(
			pod =>
				`apiVersion: v1\nkind: Pod\nmetadata: {name: ${pod}, namespace: "${ns}", labels: {pod: ${pod}}}\nspec:\n  nodeName: node-${pod === 'a' ? 1 : pod === 'b' ? 2 : 3}\n  containers: [{name: c, image: agnhost, ports: [${PORTS}]}]\n`,
		),
	),
].join('---\n');

export function netpolCluster(...policies: string[]): State {
	const loaded = loadSources([{name: 'cluster.yaml', text: [CLUSTER, ...policies].join('---\n')}]);
	if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
	const init = initialState(loaded.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return step(init.state, {type: 'clockAdvanced', ms: 30_000}).state;
}

export function podOf(state: State, key: string): Pod {
	const pod = getRow(state.pods, key);
	if (!pod?.podIP) throw new Error(`no running pod ${key}`);
	return pod;
}

/** A NetworkPolicy document in namespace `ns` with the given spec lines (two-space indented). */
export const policy = (ns: string, name: string, ...spec: string[]): string =>
	['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: "${ns}"}`, 'spec:', ...spec, ''].join('\n');
