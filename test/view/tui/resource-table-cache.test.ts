// Issue 15: a resource view costs what it shows. A clock tick (a new State whose other fields are
// the same objects) re-uses the listing and the row order; rows are built only when asked for;
// and what is built is still exactly `get -A -o wide`'s, for every kind and at every clock.

import test from 'ava';
import type {State} from '../../../source/sim/index.js';
import {getTable} from '../../../source/view/get.js';
import {KIND_VIEWS} from '../../../source/view/tui/kind-views.js';
import {objectKey, resourceTable, tableWork, type ViewScope} from '../../../source/view/tui/resource-table.js';
import {sampleState, stateAfter} from '../../session/sample-state.js';

const all = (resource: ViewScope['resource']): ViewScope => ({resource, namespace: null, crumb: resource});
/** What a tick that fires nothing makes: the same State but its clock. */
const tick = (state: State, ms: number): State => ({...state, clock: state.clock + ms});

const run = stateAfter;

test('every kind, before and after the clock runs on (cached listing), is get -A -o wide: rows, keys and objects', t => {
	const first = run(sampleState('clusterip.yaml'), 'delete pod -l app=web', 'wait 30s');
	for (const state of [first, tick(first, 90_000), tick(first, 3_600_000)]) {
		for (const resource of Object.keys(KIND_VIEWS) as ViewScope['resource'][]) {
			const view = resourceTable(state, all(resource), '', null);
			const got = getTable(state, {resource, namespace: 'default', allNamespaces: true, output: 'wide'});
			if (!got.ok) throw new Error(got.error);
			t.deepEqual(view.headers, got.headers, resource);
			t.deepEqual(view.rows, got.rows, `${resource} at ${state.clock}`);
			t.deepEqual(view.objects, got.objects, `${resource} at ${state.clock}`);
			t.deepEqual(view.keys, got.objects.map(objectKey), resource);
		}
	}
});

test('a tick that changes nothing but the clock lists, filters and sorts nothing again; a frame builds only the rows it asks for', t => {
	const state = sampleState('clusterip.yaml');
	const scope = all('pods');
	const before = resourceTable(state, scope, '-l app=web', {column: 'AGE', descending: false});
	const work = {...tableWork};
	const later = resourceTable(tick(state, 5_000), scope, '-l app=web', {column: 'AGE', descending: false});
	t.is(tableWork.lists, work.lists, 'the listing is re-used');
	t.is(tableWork.orders, work.orders, 'the filtered, sorted order is re-used');
	t.deepEqual(later.keys, before.keys);
	t.is(tableWork.rows, work.rows, 'no row is built until asked for');
	later.row(0);
	later.row(0);
	t.is(tableWork.rows, work.rows + 1, 'one row asked for (twice), one row built');
	// A real change (a pod killed) makes a new pods table: listed again.
	resourceTable(run(state, 'delete pod -l app=web'), scope, '-l app=web', null);
	t.is(tableWork.lists, work.lists + 1);
});

test('a text filter and a cell sort read the clock: worked out again when it moves, the sort kept when its cells did not change', t => {
	const state = sampleState('clusterip.yaml');
	const scope = all('pods');
	const sort = {column: 'IP', descending: false};
	const before = resourceTable(state, scope, 'web', sort);
	const work = {...tableWork};
	const later = resourceTable(tick(state, 1_000), scope, 'web', sort);
	t.is(tableWork.lists, work.lists, 'the listing is re-used');
	t.is(tableWork.orders, work.orders + 1, 'the filter is applied again at the new clock');
	t.deepEqual(later.keys, before.keys);
	t.true(later.keys.length > 0);
	// `/5m` matches AGE cells once the pods are five minutes old, not before: the clock counts.
	t.is(resourceTable(state, scope, '5m', null).keys.length, 0);
	t.true(resourceTable(tick(state, 5 * 60_000), scope, '5m', null).keys.length > 0);
});
