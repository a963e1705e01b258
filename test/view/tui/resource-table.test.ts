// The resource views' tables (`:po`, `:deploy`, Enter on a row): the rows `kubectl get -o wide`
// prints, narrowed to what the view was opened on, filtered and sorted.

import test from 'ava';
import {listRows} from '../../../source/sim/index.js';
import {getTable} from '../../../source/view/get.js';
import {drillDown, objectKey, resourceTable, type ViewScope} from '../../../source/view/tui/resource-table.js';
import {sampleState, stateAfter} from '../../session/sample-state.js';

const run = stateAfter;

const all = (resource: ViewScope['resource']): ViewScope => ({resource, namespace: null, crumb: resource});

test('a view of every namespace is `get -A -o wide`: the same headers, rows and objects, in the same order', t => {
	const state = sampleState('clusterip.yaml');
	for (const resource of ['pods', 'deployments', 'replicasets', 'nodes', 'namespaces', 'endpointslices', 'events'] as const) {
		const view = resourceTable(state, all(resource), '', null);
		const got = getTable(state, {resource, namespace: 'default', allNamespaces: true, output: 'wide'});
		if (!got.ok) throw new Error(got.error);
		t.deepEqual(view.headers, got.headers, resource);
		t.deepEqual(view.rows, got.rows, resource);
		t.deepEqual(view.keys, got.objects.map(objectKey), resource);
		t.true(view.rows.length > 0, `${resource} has rows in clusterip.yaml`);
	}
});

test('a namespaced view is `get -n NS -o wide`, without the NAMESPACE column', t => {
	const state = sampleState('clusterip.yaml');
	const view = resourceTable(state, {resource: 'pods', namespace: 'backend', crumb: 'pods(backend)'}, '', null);
	t.is(view.headers[0], 'NAME');
	t.true(view.keys.length > 0);
	t.true(view.keys.every(k => k.startsWith('backend/')));
});

test('Enter goes Deployment → its ReplicaSets → that ReplicaSet’s pods, by controller reference', t => {
	const state = sampleState('clusterip.yaml');
	const deployments = resourceTable(state, all('deployments'), '', null);
	const at = deployments.keys.indexOf('default/web');
	const toRs = drillDown('deployments', deployments.objects[at]!);
	if (!('view' in toRs)) throw new Error('a Deployment drills into a view');
	t.deepEqual(toRs.view, {resource: 'replicasets', namespace: 'default', owner: {kind: 'Deployment', name: 'web'}, crumb: 'web'});
	const replicaSets = resourceTable(state, toRs.view, '', null);
	const rsNames = listRows(state.workloads).filter(w => w.kind === 'ReplicaSet' && w.owner?.name === 'web' && w.namespace === 'default');
	t.deepEqual(
		replicaSets.keys,
		rsNames.map(w => `default/${w.name}`),
	);
	const toPods = drillDown('replicasets', replicaSets.objects[0]!);
	if (!('view' in toPods)) throw new Error('a ReplicaSet drills into a view');
	const pods = resourceTable(state, toPods.view, '', null);
	const expected = listRows(state.pods)
		.filter(p => p.owner?.kind === 'ReplicaSet' && p.owner.name === rsNames[0]?.name)
		.map(p => `${p.namespace}/${p.name}`)
		.sort();
	t.deepEqual(pods.keys, expected);
	t.is(pods.keys.length, 2, 'web runs two replicas');
});

test('Enter on a node lists the pods bound to it, in every namespace; on a namespace, its pods', t => {
	const state = sampleState('clusterip.yaml');
	for (const node of Object.keys(state.nodes)) {
		const nodes = resourceTable(state, all('nodes'), '', null);
		const to = drillDown('nodes', nodes.objects[nodes.keys.indexOf(node)]!);
		if (!('view' in to)) throw new Error('a node drills into a view');
		const expected = listRows(state.pods)
			.filter(p => p.nodeName === node)
			.map(p => `${p.namespace}/${p.name}`)
			.sort();
		t.deepEqual([...resourceTable(state, to.view, '', null).keys].sort(), expected, node);
	}
	const namespaces = resourceTable(state, all('namespaces'), '', null);
	const to = drillDown('namespaces', namespaces.objects[namespaces.keys.indexOf('backend')]!);
	if (!('view' in to)) throw new Error('a namespace drills into a view');
	t.deepEqual(to.view, {resource: 'pods', namespace: 'backend', crumb: 'backend'});
});

test('Enter on an EndpointSlice or Endpoints goes to its Service; on a pod or an event, describe', t => {
	const state = sampleState('clusterip.yaml');
	const slices = resourceTable(state, all('endpointslices'), '', null);
	const web = slices.objects.find(o => (o.metadata as {name: string}).name.startsWith('web-'));
	t.deepEqual(drillDown('endpointslices', web!), {service: 'default/web'});
	const pods = resourceTable(state, all('pods'), '', null);
	const [namespace, name] = pods.keys[0]!.split('/');
	t.deepEqual(drillDown('pods', pods.objects[0]!), {describe: `describe pod ${name} -n ${namespace}`});
	const events = resourceTable(state, all('events'), 'Scheduled', null);
	const event = events.objects[0]!;
	const involved = event.involvedObject as {kind: string; name: string; namespace: string};
	t.deepEqual(drillDown('events', event), {describe: `describe pod ${involved.name} -n ${involved.namespace}`});
	t.is(involved.kind, 'Pod');
});

/** An IPv4 address as a number, to check an order independently of how the table sorts. */
const ipValue = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);

test('sort by IP orders addresses numerically (10.244.1.10 after 10.244.1.9), descending reverses; rows follow their cells', t => {
	// Enough pods on one node for two-digit last octets.
	const state = run(sampleState('clusterip.yaml'), 'scale deploy web --replicas=30', 'wait 30s');
	const scope = all('pods');
	const ascending = resourceTable(state, scope, '', {column: 'IP', descending: false});
	const column = ascending.headers.indexOf('IP');
	const ips = ascending.rows.map(r => r[column]!).filter(ip => ip !== '<none>');
	t.true(ips.some(ip => /\.\d\d$/.test(ip)) && ips.some(ip => /\.\d$/.test(ip)), 'one- and two-digit octets');
	for (let i = 1; i < ips.length; i++) t.true(ipValue(ips[i - 1]!) <= ipValue(ips[i]!), `${ips[i - 1]} before ${ips[i]}`);
	const descending = resourceTable(state, scope, '', {column: 'IP', descending: true});
	t.deepEqual(
		descending.rows.map(r => r[column]).filter(ip => ip !== '<none>'),
		[...ips].reverse(),
	);
	// Each row's key is still its own object's.
	const byKey = new Map(ascending.keys.map((k, i) => [k, ascending.rows[i]]));
	for (const [i, key] of descending.keys.entries()) t.deepEqual(descending.rows[i], byKey.get(key));
});

test('sort by AGE puts the youngest first, by creationTimestamp (not by the AGE text)', t => {
	const state = run(sampleState('clusterip.yaml'), 'wait 2m', 'scale deploy web --replicas=3', 'wait 5s');
	const view = resourceTable(state, all('pods'), '', {column: 'AGE', descending: false});
	const age = view.headers.indexOf('AGE');
	t.is(view.rows[0]![age], '5s', 'the new pod first');
	t.regex(view.rows.at(-1)![age]!, /^2m\d*s?$/);
	const reversed = resourceTable(state, all('pods'), '', {column: 'AGE', descending: true});
	t.is(reversed.rows.at(-1)![age], '5s');
});

test('the filter narrows the rows; an invalid -l selector says why in place of rows', t => {
	const state = sampleState('clusterip.yaml');
	const filtered = resourceTable(state, all('pods'), '-l app=api', null);
	t.true(filtered.keys.length > 0);
	t.true(filtered.keys.every(k => k.startsWith('backend/api-')));
	const none = resourceTable(state, all('pods'), 'no-such-text', null);
	t.deepEqual(none.rows, []);
	t.is(none.empty, 'nothing matches /no-such-text (Esc clears the filter)');
	const bad = resourceTable(state, all('pods'), '-l app=(', null);
	t.deepEqual(bad.rows, []);
	t.is(bad.empty, 'invalid filter: unable to parse requirement: "app=("');
});
