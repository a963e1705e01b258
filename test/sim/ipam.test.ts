import test from 'ava';
import {listEvents} from '../../source/sim/events.js';
import {getRow, initialState, listRows, step} from '../../source/sim/index.js';
import {ipInCIDR} from '../../source/sim/ip.js';
import {helloSvc, ingressIPs, input, service} from './hello-input.js';
import {boot} from './helpers.js';

test('B1: kubernetes gets the first service IP and kube-dns the tenth', t => {
	const state = boot(input());
	t.is(getRow(state.services, 'default/kubernetes')!.spec.clusterIP, '10.96.0.1');
	t.is(getRow(state.services, 'kube-system/kube-dns')!.spec.clusterIP, '10.96.0.10');
	t.is(state.config.dnsIP, '10.96.0.10');
});

test('B2/S46: dynamic ClusterIPs come from the upper band of the range, repeatably per seed', t => {
	const many = Array.from({length: 30}, (_, i) => service(`svc-${i}`, {}));
	const a = boot(input({services: many}), 7);
	const b = boot(input({services: many}), 7);
	for (let i = 0; i < 30; i++) {
		const ip = getRow(a.services, `default/svc-${i}`)!.spec.clusterIP!;
		t.true(ipInCIDR(ip, '10.96.0.0/12'));
		// The static band is 10.96.0.1-10.96.1.0 for a /12 (offset 256).
		t.false(ipInCIDR(ip, '10.96.0.0/24'), ip);
		t.is(getRow(b.services, `default/svc-${i}`)!.spec.clusterIP, ip);
	}
	const c = boot(input({services: many}), 8);
	t.not(getRow(c.services, 'default/svc-0')!.spec.clusterIP, getRow(a.services, 'default/svc-0')!.spec.clusterIP);
});

test('A8: a requested clusterIP outside the service CIDR: no allocator holds it (cidrallocator.go getAllocator, ErrMismatchedNetwork; v1.33+)', t => {
	const r = initialState(input({services: [service('web', {clusterIP: '10.0.0.1'})]}), {seed: 1});
	t.false(r.ok);
	if (r.ok) return;
	t.deepEqual(r.errors, [
		{
			kind: 'Service',
			namespace: 'default',
			name: 'web',
			field: 'spec.clusterIPs',
			path: ['spec', 'clusterIP'],
			detail: 'Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range',
		},
	]);
});

test("ipallocator.go Allocate: the service CIDR's own network and broadcast addresses are in its range but not allocatable (ErrNotInRange)", t => {
	for (const ip of ['10.96.0.0', '10.111.255.255']) {
		const r = initialState(input({services: [service('web', {clusterIP: ip})]}), {seed: 1});
		t.false(r.ok);
		if (r.ok) continue;
		t.is(
			r.errors[0]!.detail,
			`Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
		);
	}
	t.true(initialState(input({services: [service('web', {clusterIP: '10.111.255.254'})]}), {seed: 1}).ok);
});

test('A8/S41: a requested clusterIP already held (kube-dns) is rejected', t => {
	const r = initialState(input({services: [service('web', {clusterIP: '10.96.0.10'})]}), {seed: 1});
	t.false(r.ok);
	if (r.ok) return;
	t.is(r.errors[0]!.detail, 'Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
});

test('a requested clusterIP is honoured even when listed after services that allocate randomly', t => {
	const services = [...Array.from({length: 5}, (_, i) => service(`r${i}`, {})), service('pinned', {clusterIP: '10.96.5.5'})];
	const state = boot(input({services}));
	t.is(getRow(state.services, 'default/pinned')!.spec.clusterIP, '10.96.5.5');
});

test('A7: nodePort outside the range and nodePort already allocated', t => {
	const np = (name: string, nodePort: number) =>
		service(name, {type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{name: '', protocol: 'TCP', port: 80, targetPort: 8080, nodePort}]});
	const r = initialState(input({services: [helloSvc, np('a', 80), np('b', 30036)]}), {seed: 1});
	t.false(r.ok);
	if (r.ok) return;
	t.deepEqual(
		r.errors.map(e => `${e.name} ${e.field}: ${e.detail}`),
		[
			'a spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
			'b spec.ports[0].nodePort: Invalid value: 30036: provided port is already allocated',
		],
	);
});

test('B3/S48/S50: NodePort and LoadBalancer Services get node ports in range, unique; S51 shared across protocols', t => {
	const dns = service('dns', {
		type: 'NodePort',
		externalTrafficPolicy: 'Cluster',
		ports: [
			{name: 'dns', protocol: 'UDP', port: 53, targetPort: 53},
			{name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53},
		],
	});
	const lb = service('lb', {type: 'LoadBalancer', externalTrafficPolicy: 'Local'});
	const state = boot(input({services: [dns, lb]}));
	const [udp, tcp] = getRow(state.services, 'default/dns')!.spec.ports!.map(p => p.nodePort!);
	t.is(udp, tcp);
	const lbSvc = getRow(state.services, 'default/lb')!;
	const ports = [udp!, lbSvc.spec.ports![0]!.nodePort!, lbSvc.spec.healthCheckNodePort!, 30036];
	for (const p of ports) t.true(p >= 30000 && p <= 32767);
	t.is(new Set(ports).size, ports.length, 'node ports are unique cluster-wide');
	// The dynamic band starts at 30086 for the default range.
	t.true(lbSvc.spec.ports![0]!.nodePort! >= 30086);
});

test('B4: LoadBalancer without a pool stays pending; with a pool it gets the lowest free address or its loadBalancerIP', t => {
	const lb = (name: string, extra = {}) => service(name, {type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ...extra});
	const pending = boot(input({services: [lb('web')]}));
	t.deepEqual(ingressIPs(getRow(pending.services, 'default/web')!), []);
	const pooled = boot(
		input({
			config: {loadBalancerPool: ['203.0.113.0/29']},
			services: [lb('static', {loadBalancerIP: '203.0.113.5'}), lb('web'), lb('api')],
		}),
	);
	t.deepEqual(ingressIPs(getRow(pooled.services, 'default/static')!), ['203.0.113.5']);
	t.deepEqual(ingressIPs(getRow(pooled.services, 'default/web')!), ['203.0.113.1']);
	t.deepEqual(ingressIPs(getRow(pooled.services, 'default/api')!), ['203.0.113.2']);
	t.true(listEvents(pooled).some(e => e.reason === 'EnsuredLoadBalancer' && e.involved.kind === 'Service' && e.involved.name === 'web'));
});

test('B5/S56/S57: nodes get sequential /24s; pods get addresses from .2 in their node’s CIDR', t => {
	const state = boot(input());
	t.deepEqual(
		Object.values(state.nodes).map(n => [n.name, n.podCIDR, n.internalIP]),
		[
			['node-1', '10.244.0.0/24', '192.168.49.2'],
			['node-2', '10.244.1.0/24', '192.168.49.3'],
			['node-3', '10.244.2.0/24', '192.168.49.4'],
		],
	);
	for (const pod of listRows(state.pods)) {
		t.true(ipInCIDR(pod.podIP!, state.nodes[pod.nodeName!]!.podCIDR), `${pod.name} ${pod.podIP}`);
		t.false(pod.podIP!.endsWith('.1') || pod.podIP!.endsWith('.0'));
	}
});

test('ExternalName and headless Services get no ClusterIP and no node ports (H4)', t => {
	const state = boot(
		input({
			services: [
				service('db', {type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [], internalTrafficPolicy: undefined}),
				service('web-headless', {clusterIP: 'None'}),
			],
		}),
	);
	t.is(getRow(state.services, 'default/db')!.spec.clusterIP, undefined);
	t.is(getRow(state.services, 'default/web-headless')!.spec.clusterIP, 'None');
	t.false(Object.values(state.ipam.serviceIPs).includes('default/db'));
	t.falsy(getRow(state.endpoints, 'default/db'));
});

test("a dump's hostNetwork pod keeps its node's IP and holds no address of the node's pod CIDR; deleting it frees none", t => {
	const nodeIP = '192.168.49.2';
	let state = boot(
		input({
			pods: [
				{
					meta: {name: 'exporter', namespace: 'default', labels: {}, annotations: {}, uid: 'u-exp', createdAtSeconds: 0},
					spec: {
						containers: [{name: 'e', image: 'prom/node-exporter', ports: [{containerPort: 9100, protocol: 'TCP'}]}],
						terminationGracePeriodSeconds: 30,
						nodeName: 'node-1',
						hostNetwork: true,
					},
					status: {podIP: nodeIP, phase: 'Running', ready: true},
				},
			],
		}),
	);
	t.is(getRow(state.pods, 'default/exporter')?.podIP, nodeIP);
	const used = () => state.ipam.podIPs['node-1']!.used;
	t.is(used()[nodeIP], undefined);
	const held = Object.keys(used()).length;
	state = step(state, {type: 'podDeleted', namespace: 'default', name: 'exporter'}).state;
	state = step(state, {type: 'clockAdvanced', ms: 30_000}).state;
	t.is(getRow(state.pods, 'default/exporter'), undefined);
	t.is(Object.keys(used()).length, held);
});
