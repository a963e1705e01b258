// The resource views over the home view (issue 10, k9s conventions): `:po`-style palette words,
// Enter down a stack with breadcrumbs, Esc back, keys acting on the row under the view's cursor,
// sort keys, the filter, and ctrl-d's question before a delete.

import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {hintText} from '../../source/ui/hint-line.js';
import {bindingFor} from '../../source/ui/keymap.js';
import {initialModel, type Model, type ModelAction, reduceModel, topView} from '../../source/ui/model.js';
import {breadcrumbs} from '../../source/ui/resource-pane.js';
import {tableOf, viewCommand} from '../../source/ui/table-views.js';
import {loadState} from './helpers.js';

const reduceAll = (model: Model, actions: ModelAction[]) => actions.reduce(reduceModel, model);

/** A key pressed on the main screen, as app.tsx dispatches it (the keymap for the view in front). */
function press(model: Model, key: string): Model {
	const binding = bindingFor(key, model.views.length > 0 ? 'views' : 'home');
	if (!binding) throw new Error(`${key} is not bound here`);
	const out = binding.run(model);
	if (!Array.isArray(out) && !('type' in out)) return reduceModel(model, {type: 'status', text: out.error, error: true});
	return reduceAll(
		model,
		(Array.isArray(out) ? out : [out]).map(a => (a.type === 'move' ? {...a, rows: Infinity} : a)),
	);
}

const palette = (model: Model, line: string) => reduceModel(model, {type: 'paletteSubmitted', line});
const rowKey = (model: Model) => {
	const top = topView(model);
	return top ? tableOf(model.sim, top).keys[top.cursor] : undefined;
};

test('viewCommand reads k9s’s `:` words: kind words of every spelling, a namespace, -n, -A, -l; svc is home; anything else is a command', t => {
	t.deepEqual(viewCommand('po'), {scope: {resource: 'pods', namespace: null, crumb: 'pods'}});
	t.deepEqual(viewCommand('deployments kube-system'), {scope: {resource: 'deployments', namespace: 'kube-system', crumb: 'deployments(kube-system)'}});
	t.deepEqual(viewCommand('deploy.apps -n web'), {scope: {resource: 'deployments', namespace: 'web', crumb: 'deployments(web)'}});
	t.deepEqual(viewCommand('pods -l app=web'), {scope: {resource: 'pods', namespace: null, selector: 'app=web', crumb: 'pods'}});
	t.deepEqual(viewCommand('no kube-system'), {scope: {resource: 'nodes', namespace: null, crumb: 'nodes'}}, 'nodes have no namespace');
	t.deepEqual(viewCommand('svc'), {home: true});
	t.deepEqual(viewCommand('Services'), {home: true});
	// k9s's alias for a kind kubectl gives no short name (issue 10 lists it); as a command it is none.
	t.deepEqual(viewCommand('eps kube-system'), {scope: {resource: 'endpointslices', namespace: 'kube-system', crumb: 'endpointslices(kube-system)'}});
	t.is(viewCommand('constructor'), null, 'the alias table has no prototype');
	t.like(viewCommand('svc -n default'), {scope: {resource: 'services', namespace: 'default'}});
	t.deepEqual(viewCommand('po --bogus'), {error: '--bogus: a view takes a namespace, -n NS, -A or -l SELECTOR (:po kube-system)'});
	for (const command of ['get pods', 'curl web', 'describe svc web', 'q', '', 'wait 1s']) t.is(viewCommand(command), null, command);
});

test('Enter walks deploy → ReplicaSet → pods with breadcrumbs; Esc walks back, each view on the row it was on', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'deploy');
	t.is(m.mode.kind, 'normal');
	t.deepEqual(m.history, ['deploy'], 'a view word is palette history like a command');
	t.deepEqual(m.record, [], 'and changes nothing, so nothing is recorded');
	m = press(m, 'j');
	t.is(rowKey(m), 'default/web');
	m = press(m, 'enter');
	t.is(topView(m)?.scope.resource, 'replicasets');
	t.regex(rowKey(m) ?? '', /^default\/web-[a-z0-9]+$/);
	const rs = (rowKey(m) ?? '').split('/')[1];
	m = press(m, 'enter');
	t.is(breadcrumbs(m.views), `services › deployments › web › ${rs}`);
	t.is(tableOf(m.sim, topView(m)!).keys.length, 2);
	m = press(m, 'j');
	const second = rowKey(m);
	m = press(m, 'esc');
	t.is(rowKey(m), `default/${rs}`);
	m = press(m, 'esc');
	t.is(rowKey(m), 'default/web', 'the Deployments view kept its cursor');
	m = press(m, 'esc');
	t.deepEqual(m.views, [], 'home');
	t.truthy(second);
	// A `:` word replaces the stack, as a k9s command does; `:svc` goes home.
	m = palette(palette(press(palette(m, 'deploy'), 'enter'), 'no'), 'svc');
	t.deepEqual(m.views, []);
});

test('keys act on the row under the view’s cursor: x kills that pod, s scales that Deployment, d describes that row', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po -n backend');
	m = press(m, 'j');
	const pod = (rowKey(m) ?? '').split('/')[1];
	t.truthy(pod);
	const killed = press(m, 'x');
	t.deepEqual(killed.record, [`delete pod ${pod} -n backend`]);
	t.not(getRow(killed.sim.pods, `backend/${pod}`)?.deletionTimestamp ?? null, null, 'the pod is Terminating');

	const described = press(m, 'd');
	t.is(described.mode.kind, 'output');
	t.deepEqual(described.history.at(-1), `describe pod ${pod} -n backend`);

	let d = palette(initialModel(loadState('samples/clusterip.yaml')), 'deploy');
	d = press(d, 'j');
	t.is(rowKey(d), 'default/web');
	const plus = press(d, '+');
	t.deepEqual(plus.record, ['scale deploy/web --replicas=3 -n default']);
	// A key about pods, on a Deployments row, says so rather than picking some pod.
	const refused = press(d, 'x');
	t.is(refused.status?.text, 'this key acts on pods; this row is a deployment');
	t.is(refused.sim, d.sim);
});

test('ctrl-d asks before deleting the row’s pod; n keeps it, y deletes it; on a kind delete does not take, it says so at once', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po -n backend');
	const pod = (rowKey(m) ?? '').split('/')[1];
	m = press(m, 'ctrl+d');
	t.deepEqual(m.mode, {kind: 'confirm', line: `delete pod ${pod} -n backend`, question: `Delete pod backend/${pod}?`});
	const no = reduceModel(m, {type: 'confirmed', yes: false});
	t.is(no.sim, m.sim);
	t.is(no.mode.kind, 'normal');
	const yes = reduceModel(m, {type: 'confirmed', yes: true});
	t.deepEqual(yes.record, [`delete pod ${pod} -n backend`]);
	t.is(yes.status?.text, `pod "${pod}" deleted`);

	const deploy = press(palette(initialModel(loadState('samples/clusterip.yaml')), 'deploy'), 'ctrl+d');
	t.is(deploy.mode.kind, 'normal');
	t.is(deploy.status?.text, 'error: only pods, nodes, services and networkpolicies can be deleted here, not deployments');
});

test('shift-letter sorts by its column, again reverses; the cursor stays on its object; a column the view lacks is said', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po');
	// A pod whose row the IP sort moves (found with the sort itself, then checked by key).
	const plain = tableOf(m.sim, topView(m)!).keys;
	const sorted = tableOf(m.sim, {...topView(m)!, sort: {column: 'IP', descending: false}}).keys;
	const moves = plain.findIndex((key, i) => sorted[i] !== key);
	t.true(moves >= 0, 'the IP order differs from the name order somewhere');
	for (let i = 0; i < moves; i++) m = press(m, 'j');
	const before = rowKey(m);
	m = press(m, 'I');
	t.deepEqual(topView(m)?.sort, {column: 'IP', descending: false});
	t.is(rowKey(m), before, 'the cursor follows its pod to its new row');
	t.not(topView(m)?.cursor, moves, 'which is another row');
	m = press(m, 'I');
	t.deepEqual(topView(m)?.sort, {column: 'IP', descending: true});
	t.is(m.status?.text, 'sorted by IP, descending');
	t.is(rowKey(m), before);
	const namespaces = press(palette(m, 'ns'), 'T');
	t.is(namespaces.status?.text, 'this view has no RESTARTS column');
	// On the home view the sort keys are not bound: they say where they work.
	t.is(bindingFor('I', 'home'), undefined);
});

test('the filter narrows the view in front and is its own; Esc clears it before it goes back', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po');
	m = reduceAll(m, [
		{type: 'mode', mode: {kind: 'filter', text: ''}},
		{type: 'lineInput', text: '-l app=api'},
	]);
	const top = topView(m)!;
	t.is(top.filter, '-l app=api');
	t.true(tableOf(m.sim, top).keys.every(k => k.startsWith('backend/api-')));
	t.is(m.filter, '', 'the home view’s filter is untouched');
	m = reduceModel(m, {type: 'mode', mode: {kind: 'normal'}});
	m = press(m, 'esc');
	t.is(topView(m)?.filter, '');
	t.is(m.views.length, 1, 'still in the view');
	m = press(m, 'esc');
	t.is(m.views.length, 0);
});

test('the cursor stays on its pod while the rows above it go (a Deployment scaled to zero)', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po');
	const keys = tableOf(m.sim, topView(m)!).keys;
	const target = keys.findIndex(k => k.startsWith('kube-system/'));
	t.true(
		keys.slice(0, target).some(k => k.startsWith('default/web-')),
		'web pods list above it',
	);
	for (let i = 0; i < target; i++) m = press(m, 'j');
	const key = rowKey(m);
	m = reduceAll(m, [
		{type: 'run', line: 'scale deploy web --replicas=0'},
		{type: 'tick', ms: 60_000},
	]);
	t.false(
		tableOf(m.sim, topView(m)!).keys.some(k => k.startsWith('default/web-')),
		'the web pods are gone',
	);
	t.is(rowKey(m), key);
	t.true((topView(m)?.cursor ?? 0) < target);
});

test('g and G go to the first and last row, in a resource view and in the home view’s focused pane', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'po');
	const keys = tableOf(m.sim, topView(m)!).keys;
	m = press(m, 'G');
	t.is(rowKey(m), keys.at(-1));
	m = press(m, 'g');
	t.is(rowKey(m), keys[0]);
	let home = press(initialModel(loadState('samples/clusterip.yaml')), 'G');
	t.is(home.selected, 'kube-system/kube-dns', 'the last Service');
	home = press(home, 'g');
	t.is(home.cursor.services, 0);
});

test('in the Events view A sorts by LAST SEEN, youngest first; d says events have no describer here and the hint line does not offer it', t => {
	let m = palette(initialModel(loadState('samples/clusterip.yaml')), 'ev');
	m = reduceAll(m, [
		{type: 'run', line: 'wait 1m'},
		{type: 'run', line: 'delete pod -l app=web'},
		{type: 'run', line: 'wait 5s'},
	]);
	m = press(m, 'A');
	t.deepEqual(topView(m)?.sort, {column: 'LAST SEEN', descending: false});
	const table = tableOf(m.sim, topView(m)!);
	const lastSeen = table.headers.indexOf('LAST SEEN');
	// kubectl's short durations (65s, 2m5s) in seconds, to check the order apart from how it is made.
	const seconds = (d: string) => {
		const [, m = '0', s = '0'] = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(d) ?? [];
		return Number(m) * 60 + Number(s);
	};
	const ages = table.rows.map(r => seconds(r[lastSeen] ?? ''));
	for (let i = 1; i < ages.length; i++) t.true(ages[i - 1]! <= ages[i]!, `${table.rows[i - 1]?.[lastSeen]} before ${table.rows[i]?.[lastSeen]}`);
	t.true(ages[0]! <= 5 && ages.at(-1)! >= 60, 'the delete’s events first, the load’s last');
	const d = press(m, 'd');
	t.is(d.status?.text, 'events have no describer here: y shows this one, Enter describes its object');
	t.false(hintText(200, 'views', m).includes('d describe'));
	t.false(hintText(200, 'views', m).includes('^d delete'), 'events cannot be deleted here');
	const pods = palette(m, 'po');
	t.true(hintText(200, 'views', pods).includes('^d delete'));
	t.true(hintText(200, 'views', pods).includes('d describe'));
});

test('ctrl-d on an Endpoints row asks about that endpoint’s pod (as x deletes it), not the slice d opens', t => {
	let m = reduceModel(initialModel(loadState('samples/hello.yaml')), {type: 'focusPane', pane: 'endpoints'});
	m = press(m, 'j');
	const killed = press(m, 'x').record[0] ?? '';
	const asked = press(m, 'ctrl+d');
	t.is(asked.mode.kind, 'confirm');
	t.is(asked.mode.kind === 'confirm' ? asked.mode.line : '', killed);
	t.regex(killed, /^delete pod hello-node-[a-z0-9]{5} -n default$/);
});
