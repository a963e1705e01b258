// The `/` filter as k9s reads it (derailed/k9s README "Filter out a resource view given a filter",
// internal/model/table.go): text anywhere in the row, `-l SELECTOR`, `!` inverse.

import test from 'ava';
import {parseRowFilter} from '../../../source/view/tui/row-filter.js';

const rows: Array<{cells: string[]; labels: Record<string, string>}> = [
	{cells: ['default', 'web-7d4b9c-abcde', '1/1', 'Running', '10.244.1.3'], labels: {app: 'web', tier: 'front'}},
	{cells: ['default', 'db-0', '0/1', 'Pending', '<none>'], labels: {app: 'db'}},
	{cells: ['kube-system', 'coredns-6c6dd8c559-jz9b2', '1/1', 'Running', '10.244.1.2'], labels: {'k8s-app': 'kube-dns'}},
];

function kept(text: string): string[] {
	const filter = parseRowFilter(text);
	if (!filter.ok) throw new Error(filter.error);
	return rows.filter(r => filter.matches(r.cells, r.labels)).map(r => r.cells[1] ?? '');
}

test('plain text matches any cell, case-insensitively; empty (or a bare !) keeps every row', t => {
	t.deepEqual(kept(''), ['web-7d4b9c-abcde', 'db-0', 'coredns-6c6dd8c559-jz9b2']);
	t.deepEqual(kept('  '), kept(''));
	t.deepEqual(kept('!'), kept(''));
	t.deepEqual(kept('RUNNING'), ['web-7d4b9c-abcde', 'coredns-6c6dd8c559-jz9b2']);
	t.deepEqual(kept('10.244.1.2'), ['coredns-6c6dd8c559-jz9b2']);
	t.deepEqual(kept('kube-sys'), ['coredns-6c6dd8c559-jz9b2'], 'the NAMESPACE cell counts too');
});

test('! keeps the rows that do not match (with or without a space after it)', t => {
	t.deepEqual(kept('!Running'), ['db-0']);
	t.deepEqual(kept('! Running'), ['db-0']);
});

test('-l is a label selector as kubectl get -l reads it: equality, set-based, existence', t => {
	t.deepEqual(kept('-l app=web'), ['web-7d4b9c-abcde']);
	t.deepEqual(kept('-l app in (web,db)'), ['web-7d4b9c-abcde', 'db-0']);
	t.deepEqual(kept('-l app'), ['web-7d4b9c-abcde', 'db-0']);
	t.deepEqual(kept('-l !app'), ['coredns-6c6dd8c559-jz9b2']);
	t.deepEqual(kept('-l=tier=front'), ['web-7d4b9c-abcde']);
	// The label filter reads labels, not cells: "web" is in a cell of no row's labels but app's value.
	t.deepEqual(kept('-l web'), []);
});

test('an unreadable selector is an error with kubectl’s wording, not a filter that matches nothing', t => {
	const filter = parseRowFilter('-l app=(');
	t.false(filter.ok);
	t.is(filter.ok ? '' : filter.error, 'unable to parse requirement: "app=("');
});
