// The Services pane's rows: `kubectl get svc -A` cells (docs/semantics.md G1) plus ENDPOINTS, the
// ready count behind each Service.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import {getRow} from '../../../source/sim/index.js';
import {endpointCounts, serviceList} from '../../../source/view/tui/index.js';
import {bootSources, sampleState} from '../../session/sample-state.js';

const items = (list: ReturnType<typeof serviceList>) => list.keys.map((_, i) => list.item(i));

const hello = sampleState('hello.yaml');

test('hello: kubectl get svc -A columns plus ENDPOINTS, sorted by namespace and name', t => {
	const list = serviceList(hello);
	t.deepEqual(list.headers, ['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'ENDPOINTS']);
	t.deepEqual(
		items(list).map(i => i.cells),
		[
			['default', 'hello-node-svc', 'NodePort', '10.108.246.108', '<none>', '80:30036/TCP', '0s', '3/3 ready'],
			['default', 'kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '0s', '1/1 ready'],
			['kube-system', 'kube-dns', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP,9153/TCP', '0s', '2/2 ready'],
		],
	);
	t.deepEqual(
		items(list).map(i => [i.key, i.type, i.ready, i.total]),
		[
			['default/hello-node-svc', 'NodePort', 3, 3],
			['default/kubernetes', 'ClusterIP', 1, 1],
			['kube-system/kube-dns', 'ClusterIP', 2, 2],
		],
	);
});

test('the same state gives the same list object, and rows are reused until they change (the pane redraws often)', t => {
	t.is(serviceList(hello), serviceList(hello));
	t.is(serviceList(hello).item(0), serviceList(hello).item(0));
	const later = execute(hello, 'wait 500ms').state;
	t.is(serviceList(later).item(0), serviceList(hello).item(0), 'the same AGE second: the same row');
	const second = execute(hello, 'wait 1s').state;
	t.not(serviceList(second).item(0), serviceList(hello).item(0));
	t.is(serviceList(second).item(0).cells[6], '1s');
});

test('the filter matches namespace/name or any cell, case-insensitively; -l by labels; ! inverts (k9s)', t => {
	t.deepEqual(serviceList(hello, 'KUBE').keys, ['default/kubernetes', 'kube-system/kube-dns']);
	t.deepEqual(serviceList(hello, 'system/').keys, ['kube-system/kube-dns']);
	t.deepEqual(serviceList(hello, 'nothing').keys, []);
	t.deepEqual(serviceList(hello, 'nothing').headers, serviceList(hello).headers);
	t.deepEqual(serviceList(hello, 'NodePort').keys, ['default/hello-node-svc'], 'the TYPE cell');
	t.deepEqual(serviceList(hello, '10.96.0.10').keys, ['kube-system/kube-dns'], 'the CLUSTER-IP cell');
	t.deepEqual(serviceList(hello, '!kube').keys, ['default/hello-node-svc']);
	t.deepEqual(serviceList(hello, '-l k8s-app=kube-dns').keys, ['kube-system/kube-dns']);
	t.deepEqual(serviceList(hello, '-l component=apiserver,provider=kubernetes').keys, ['default/kubernetes']);
	const bad = serviceList(hello, '-l app=(');
	t.deepEqual(bad.keys, []);
	t.is(bad.filterError, 'unable to parse requirement: "app=("');
});

test('a terminating pod leaves the count at once (C4)', t => {
	const next = execute(hello, 'delete pod hello-node-4fp4j').state;
	const svc = getRow(next.services, 'default/hello-node-svc')!;
	t.deepEqual(endpointCounts(next, svc), {ready: 2, total: 2});
	t.is(serviceList(next).item(0).cells[7], '2/2 ready');
	const notReady = execute(hello, 'probe pod hello-node-c4hwf fail').state;
	const later = execute(notReady, 'wait 40s').state;
	t.deepEqual(endpointCounts(later, svc), {ready: 2, total: 3});
	t.is(serviceList(later).item(0).cells[7], '2/3 ready');
});

test('ExternalName shows CNAME and its target under EXTERNAL-IP; a Service without selector shows -', t => {
	const state = sampleState('externalname.yaml', {
		extra: `apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports:
    - port: 80
`,
	});
	const rows = Object.fromEntries(items(serviceList(state)).map(i => [i.key, i.cells]));
	t.deepEqual(rows['default/catalog'], ['default', 'catalog', 'ExternalName', '<none>', 'catalog.shop.svc.cluster.local', '<none>', '0s', 'CNAME']);
	t.is(rows['default/manual']![7], '-');
	t.is(rows['default/manual']![2], 'ClusterIP');
});

// `kubectl get ep` prints <none> for both (printers.go formatEndpoints: no subsets), and the
// Services pane must not say `2/2 ready` where the Endpoints object holds nothing.
test('no endpoint: <none> with why (no port of the targetPort name, no pod matches); other warnings: ⚠', t => {
	const state = bootSources([{name: 'wrong-target-port.yaml', text: readFileSync('test/fixtures/tui/wrong-target-port.yaml', 'utf8')}]);
	const cells = Object.fromEntries(items(serviceList(state)).map(i => [i.key, i.cells.at(-1)]));
	t.is(cells['default/shop'], '<none>: no port');
	t.is(cells['default/stray'], '<none>: no pods');
	t.deepEqual(endpointCounts(state, getRow(state.services, 'default/shop')!), {ready: 0, total: 0});
	const odd = sampleState('hello.yaml', {
		extra: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: odd\nspec:\n  selector:\n    app: hello-node\n  ports:\n    - port: 80\n      targetPort: 9999\n',
	});
	t.is(serviceList(odd).item(serviceList(odd).keys.indexOf('default/odd')).cells.at(-1), '3/3 ready ⚠');
});
