// Node-port allocation as the registry does it when a Service is created
// (kubernetes/kubernetes pkg/registry/core/service/storage/alloc.go initNodePorts,
// allocHealthCheckNodePort; portallocator/allocator.go for the error texts).
import test from 'ava';
import {getRow, initialState} from '../../source/sim/index.js';
import type {ServicePort} from '../../source/sim/types.js';
import {helloRC, helloSvc, input, service} from './hello-input.js';
import {boot, curl, requests, run, wait} from './helpers.js';

const port = (name: string, protocol: ServicePort['protocol'], number: number, targetPort: number, nodePort?: number): ServicePort =>
	nodePort === undefined ? {name, protocol, port: number, targetPort} : {name, protocol, port: number, targetPort, nodePort};

const nodePortService = (name: string, ports: ServicePort[], extra = {}) =>
	service(name, {type: 'NodePort', externalTrafficPolicy: 'Cluster', ports, ...extra});

function errorsOf(...services: ReturnType<typeof service>[]): string[] {
	const r = initialState(input({services}), {seed: 1});
	return r.ok ? [] : r.errors.map(e => (e.plain ? `${e.name}: ${e.detail}` : `${e.name} ${e.field}: ${e.detail}`));
}

test('alloc.go initNodePorts: two port numbers of one Service asking for one nodePort meet ErrAllocated on the second (not validation.go Duplicate)', t => {
	const web = nodePortService('web', [port('http', 'TCP', 80, 8080, 30080), port('https', 'TCP', 443, 8443, 30080)]);
	t.deepEqual(errorsOf(web), ['web spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated']);
	// Different protocols do not help when the numbers differ: allocation is by number.
	const mixed = nodePortService('mixed', [port('http', 'TCP', 80, 8080, 30080), port('dns', 'UDP', 53, 53, 30080)]);
	t.deepEqual(errorsOf(mixed), ['mixed spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated']);
});

test('alloc.go initNodePorts (findRequestedNodePort): a port without nodePort takes the one a later port of its number asks for, and reports it when taken', t => {
	const dns = nodePortService('dns', [port('dns-tcp', 'TCP', 53, 53), port('dns', 'UDP', 53, 53, 30053)]);
	const state = boot(input({services: [dns]}));
	t.deepEqual(
		getRow(state.services, 'default/dns')!.spec.ports!.map(p => p.nodePort),
		[30053, 30053],
	);
	const holder = nodePortService('holder', [port('http', 'TCP', 80, 8080, 30053)]);
	t.deepEqual(errorsOf(holder, dns), ['dns spec.ports[0].nodePort: Invalid value: 30053: provided port is already allocated']);
});

test('alloc.go initNodePorts: TCP and UDP of one port number may ask for the same nodePort; one allocation, and the TCP one routes', t => {
	const dns = nodePortService('dns', [port('dns', 'UDP', 53, 5353, 30053), port('dns-tcp', 'TCP', 53, 8080, 30053)]);
	const state = run(boot(input({services: [dns], workloads: [{...helloRC, replicas: 1}]})), wait(31)).state;
	t.deepEqual(
		getRow(state.services, 'default/dns')!.spec.ports!.map(p => `${p.port}/${p.protocol}:${p.nodePort}`),
		['53/UDP:30053', '53/TCP:30053'],
	);
	t.is(state.ipam.nodePorts['30053'], 'default/dns');
	// A third Service cannot have it: the number is allocated once, to dns.
	t.deepEqual(errorsOf(dns, nodePortService('other', [port('http', 'TCP', 80, 8080, 30053)])), [
		'other spec.ports[0].nodePort: Invalid value: 30053: provided port is already allocated',
	]);
	const node = Object.values(state.nodes)[0]!;
	const r = requests(run(state, curl(`${node.internalIP}:30053`, {kind: 'external'})).results[0]!).requests[0]!;
	t.is(r.outcome, 'ok');
	t.is(r.via, 'NodePort');
	t.is(r.endpoint!.port, 8080, 'the TCP port’s targetPort, not the UDP one’s');
});

test('alloc.go allocHealthCheckNodePort: a requested healthCheckNodePort that is taken or out of range is an internal error naming it', t => {
	const lb = (name: string, healthCheckNodePort: number, nodePort = 30080) =>
		service(name, {
			type: 'LoadBalancer',
			externalTrafficPolicy: 'Local',
			allocateLoadBalancerNodePorts: true,
			healthCheckNodePort,
			ports: [port('http', 'TCP', 80, 8080, nodePort)],
		});
	t.deepEqual(errorsOf(lb('own', 30080)), [
		'own: Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated',
	]);
	t.deepEqual(errorsOf(helloSvc, lb('taken', 30036, 30081)), [
		'taken: Internal error occurred: failed to allocate requested HealthCheck NodePort 30036: provided port is already allocated',
	]);
	t.deepEqual(errorsOf(lb('low', 80)), [
		'low: Internal error occurred: failed to allocate requested HealthCheck NodePort 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
	]);
	t.deepEqual(errorsOf(lb('high', 70000)), [
		'high: Internal error occurred: failed to allocate requested HealthCheck NodePort 70000: provided port is not in the valid range. The range of valid ports is 30000-32767',
	]);
	t.is(getRow(boot(input({services: [lb('fine', 30999)]})).services, 'default/fine')!.spec.healthCheckNodePort, 30999);
});

test('alloc.go allocateCreate: one allocation error per Service, the first in clusterIP, nodePorts, healthCheckNodePort order', t => {
	const web = service('web', {
		type: 'LoadBalancer',
		externalTrafficPolicy: 'Local',
		clusterIP: '10.0.0.1',
		healthCheckNodePort: 80,
		ports: [port('http', 'TCP', 80, 8080, 80)],
	});
	t.deepEqual(errorsOf(web), [
		'web spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range',
	]);
});
