import test from 'ava';
import type {PodInput, WorkloadInput} from '../../source/sim/index.js';
import {getRow, listKeys, listRows} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, livePods, readyIPs, run, wait} from './helpers.js';

test('D1/D2: endpoints list the selected pods; a pod that is not ready is listed as not ready', t => {
	let state = boot(input());
	t.is(readyIPs(state, 'default/hello-node-svc').length, 3);
	const pod = livePods(state, 'hello-node-')[0]!;
	state = run(state, {type: 'probeSet', namespace: 'default', name: pod.name, passing: false}, wait(20)).state;
	const address = getRow(getRow(state.endpoints, 'default/hello-node-svc')!.addresses, pod.name)!;
	t.deepEqual([address.ready, address.serving, address.terminating], [false, false, false]);
	t.is(readyIPs(state, 'default/hello-node-svc').length, 2);
});

test('C4/S72/H2: a Terminating pod leaves the ready endpoints at once (kept as terminating, EndpointSlice style)', t => {
	const start = boot(input());
	const pod = livePods(start, 'hello-node-')[0]!;
	const {state} = run(start, {type: 'podDeleted', namespace: 'default', name: pod.name});
	const address = getRow(getRow(state.endpoints, 'default/hello-node-svc')!.addresses, pod.name)!;
	t.deepEqual([address.ready, address.serving, address.terminating], [false, true, true]);
	t.false(readyIPs(state, 'default/hello-node-svc').includes(pod.podIP!));
});

test('D2: publishNotReadyAddresses lists not-ready pods as ready', t => {
	const svc = service('peers', {clusterIP: 'None', publishNotReadyAddresses: true});
	let state = boot(input({services: [svc]}));
	const pod = livePods(state, 'hello-node-')[0]!;
	state = run(state, {type: 'probeSet', namespace: 'default', name: pod.name, passing: false}, wait(20)).state;
	t.true(getRow(getRow(state.endpoints, 'default/peers')!.addresses, pod.name)!.ready);
	t.false(getRow(getRow(state.endpoints, 'default/peers')!.addresses, pod.name)!.serving);
});

test('D3/H7: a named targetPort resolves per pod; a pod without that name is left out of that port', t => {
	const variant = (name: string, port: number | null): WorkloadInput => ({
		...helloRC,
		meta: {...helloRC.meta, name},
		replicas: 1,
		selector: {matchLabels: {app: 'web', variant: name}, matchExpressions: []},
		template: {
			...helloRC.template,
			labels: {app: 'web', variant: name},
			spec: {
				...helloRC.template.spec,
				containers: [{name: 'c', image: 'x', ports: port === null ? [] : [{name: 'http', containerPort: port, protocol: 'TCP'}]}],
			},
		},
	});
	const svc = service('web', {
		selector: {app: 'web'},
		ports: [
			{name: 'http', protocol: 'TCP', port: 80, targetPort: 'http'},
			{name: 'admin', protocol: 'TCP', port: 9000, targetPort: 9000},
		],
	});
	const state = boot(input({workloads: [variant('a', 8080), variant('b', 9090), variant('c', null)], services: [svc]}));
	const byVariant = Object.fromEntries(
		listRows(getRow(state.endpoints, 'default/web')!.addresses).map(a => [getRow(state.pods, `default/${a.podName}`)!.labels.variant, a.ports]),
	);
	t.deepEqual(byVariant, {a: {http: 8080, admin: 9000}, b: {http: 9090, admin: 9000}, c: {admin: 9000}});
});

test('D1: only pods in the Service namespace with every selector label are selected', t => {
	const other: PodInput = {
		meta: {name: 'elsewhere', namespace: 'other', labels: {app: 'hello-node'}, annotations: {}},
		spec: {terminationGracePeriodSeconds: 30, containers: [{name: 'c', image: 'x', ports: []}]},
	};
	const partial: PodInput = {
		meta: {name: 'partial', namespace: 'default', labels: {app: 'hello-node'}, annotations: {}},
		spec: {terminationGracePeriodSeconds: 30, containers: [{name: 'c', image: 'x', ports: []}]},
	};
	const svc = service('strict', {selector: {app: 'hello-node', tier: 'web'}});
	const state = boot(input({pods: [other, partial], namespaces: [{name: 'other'}], services: [svc, service('loose', {})]}));
	t.deepEqual(listKeys(getRow(state.endpoints, 'default/strict')!.addresses), []);
	const loose = listKeys(getRow(state.endpoints, 'default/loose')!.addresses);
	t.true(loose.includes('partial'));
	t.false(loose.includes('elsewhere'));
});

test('A12/S29: a Service without a selector gets no managed endpoints; a user Endpoints object is used instead', t => {
	const svc = service('legacy-db', {selector: undefined, ports: [{name: '', protocol: 'TCP', port: 5432, targetPort: 5432}]});
	const state = boot(
		input({
			services: [svc],
			endpoints: [
				{
					meta: {name: 'legacy-db', namespace: 'default', labels: {}, annotations: {}},
					subsets: [{addresses: [{ip: '192.0.2.10'}], notReadyAddresses: [], ports: [{name: '', port: 5432, protocol: 'TCP'}]}],
				},
			],
		}),
	);
	const ep = getRow(state.endpoints, 'default/legacy-db')!;
	t.false(ep.managed);
	t.deepEqual(
		listRows(ep.addresses).map(a => [a.ip, a.ports['']]),
		[['192.0.2.10', 5432]],
	);
});

test('S77: a StatefulSet pod gets its hostname on the governing Service’s endpoints only', t => {
	const sts: WorkloadInput = {...helloRC, kind: 'StatefulSet', meta: {...helloRC.meta, name: 'web'}, serviceName: 'nginx', replicas: 1};
	const state = boot(input({workloads: [sts], services: [service('nginx', {clusterIP: 'None'}), service('other', {})]}));
	t.is(getRow(getRow(state.endpoints, 'default/nginx')!.addresses, 'web-0')!.hostname, 'web-0');
	t.is(getRow(getRow(state.endpoints, 'default/other')!.addresses, 'web-0')!.hostname, undefined);
});
