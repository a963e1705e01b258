// Creating Services as the API server's registry does: allocate the ClusterIP and node ports
// (requested ones first, then random ones, docs/semantics.md B2/B3), let the simulated cloud
// controller hand out a load-balancer address (B4), and start the endpoints.

import type {Draft} from './draft.js';
import {addTimer, indexAdd, put} from './draft.js';
import {buildEndpoints, emptyEndpoints, labelBucket} from './endpoints.js';
import {recordEvent} from './events.js';
import {type Allocation, allocateLoadBalancerIP, allocateNodePort, allocateServiceIP} from './ipam.js';
import {objectKey} from './keys.js';
import {generateUid} from './names.js';
import {getRow, rowsFrom} from './rows.js';
import {copyTable, emptyTable} from './tables.js';
import type {EndpointAddress, EndpointsInput, InitError, Service, ServiceInput, ServicePort, ServiceSpec, Timer} from './types.js';

/** What the first pass reserved for one Service. */
export interface Reserved {
	clusterIP?: string | null;
	nodePorts: Array<number | null>;
	healthCheckNodePort?: number | null;
	failed: boolean;
}

const needsClusterIP = (input: ServiceInput) => input.spec.type !== 'ExternalName' && input.spec.clusterIP !== 'None';

const needsNodePorts = (input: ServiceInput) =>
	input.spec.type === 'NodePort' || (input.spec.type === 'LoadBalancer' && input.spec.allocateLoadBalancerNodePorts !== false);

const needsHealthCheckPort = (input: ServiceInput) => input.spec.type === 'LoadBalancer' && input.spec.externalTrafficPolicy === 'Local';

function errorFor(input: ServiceInput, field: string, path: Array<string | number>, detail: string, plain = false): InitError {
	const error: InitError = {kind: 'Service', namespace: input.meta.namespace, name: input.meta.name, field, path, detail};
	if (plain) error.plain = true;
	return error;
}

/**
 * Pass 1: requested ClusterIP and nodePorts, so random picks in pass 2 never steal them. The
 * registry allocates in this order and gives up at the first failure, so a Service reports one
 * allocation error (pkg/registry/core/service/storage/alloc.go allocateCreate).
 */
export function reserveRequested(d: Draft, input: ServiceInput, errors: InitError[]): Reserved {
	const owner = objectKey(input.meta.namespace, input.meta.name);
	const ports = input.spec.ports ?? [];
	const reserved: Reserved = {nodePorts: ports.map(() => null), failed: false};
	const failed = (field: string, path: Array<string | number>, result: Allocation<unknown>, plain = false): boolean => {
		if (result.ok) return false;
		errors.push(errorFor(input, field, path, result.detail, plain));
		reserved.failed = true;
		return true;
	};
	if (needsClusterIP(input) && input.spec.clusterIP !== undefined) {
		const result = allocateServiceIP(d, owner, input.spec.clusterIP);
		if (failed('spec.clusterIPs', ['spec', 'clusterIP'], result)) return reserved;
		if (result.ok) reserved.clusterIP = result.value;
	}
	if (input.spec.type === 'NodePort' || input.spec.type === 'LoadBalancer') {
		// alloc.go initNodePorts: one allocation per port number. The first port of a number takes
		// the nodePort any port of that number asks for; a later port of the number shares it, or
		// allocates its own if it asks for a different one. So 53/TCP and 53/UDP may ask for the same
		// node port, while two numbers asking for one node port meet ErrAllocated on the second.
		const byNumber = new Map<number, number>();
		for (const [i, port] of ports.entries()) {
			if (port.nodePort === undefined && !needsNodePorts(input)) continue;
			const field = `spec.ports[${i}].nodePort`;
			const path = ['spec', 'ports', i, 'nodePort'];
			const shared = byNumber.get(port.port);
			if (shared === undefined) {
				const requested = ports.find(other => other.port === port.port && other.nodePort !== undefined)?.nodePort;
				if (requested === undefined) continue; // pass 2 picks one
				const result = allocateNodePort(d, owner, requested);
				if (failed(field, path, result)) return reserved;
				reserved.nodePorts[i] = requested;
				byNumber.set(port.port, requested);
			} else if (port.nodePort === undefined || port.nodePort === shared) {
				reserved.nodePorts[i] = shared;
			} else {
				const result = allocateNodePort(d, owner, port.nodePort);
				if (failed(field, path, result)) return reserved;
				reserved.nodePorts[i] = port.nodePort;
			}
		}
	}
	if (needsHealthCheckPort(input) && input.spec.healthCheckNodePort !== undefined) {
		const requested = input.spec.healthCheckNodePort;
		const result = allocateNodePort(d, owner, requested);
		if (!result.ok) {
			// alloc.go allocHealthCheckNodePort: the allocator's error wrapped in an internal error
			// (HTTP 500), with no field path in the message.
			const detail = `Internal error occurred: failed to allocate requested HealthCheck NodePort ${requested}: ${result.reason ?? result.detail}`;
			failed('spec.healthCheckNodePort', ['spec', 'healthCheckNodePort'], {ok: false, detail}, true);
			return reserved;
		}
		reserved.healthCheckNodePort = result.value;
	}
	return reserved;
}

/**
 * Pass 2: random ClusterIP and nodePorts, then the Service object and its endpoints. The object is
 * the input's spec with what the registry allocates written into it, and the status the cloud
 * controller writes: no field is copied one by one.
 */
export function completeService(d: Draft, input: ServiceInput, reserved: Reserved, errors: InitError[]): void {
	const owner = objectKey(input.meta.namespace, input.meta.name);
	let clusterIP: string | undefined = input.spec.type !== 'ExternalName' && input.spec.clusterIP === 'None' ? 'None' : undefined;
	if (needsClusterIP(input)) {
		if (reserved.clusterIP) clusterIP = reserved.clusterIP;
		else if (input.spec.clusterIP === undefined) {
			const result = allocateServiceIP(d, owner);
			if (!result.ok) {
				// An internal error (alloc.go allocIPs), as the range-full node port below.
				errors.push(errorFor(input, 'spec.clusterIPs', ['spec'], result.detail, true));
				return;
			}
			clusterIP = result.value;
		}
	}
	const ports: ServicePort[] = [];
	// S51: TCP and UDP ports with the same number share one allocated nodePort.
	const byNumber = new Map<number, number>();
	for (const [i, port] of (input.spec.ports ?? []).entries()) {
		let nodePort: number | null = reserved.nodePorts[i] ?? null;
		if (nodePort === null && needsNodePorts(input)) {
			const shared = byNumber.get(port.port);
			if (shared !== undefined) nodePort = shared;
			else {
				const result = allocateNodePort(d, owner);
				if (!result.ok) {
					errors.push(errorFor(input, `spec.ports[${i}].nodePort`, ['spec', 'ports', i], result.detail, true));
					return;
				}
				nodePort = result.value;
			}
		}
		if (nodePort !== null) byNumber.set(port.port, nodePort);
		const {nodePort: _asked, ...rest} = port;
		ports.push(nodePort !== null && nodePort > 0 ? {...rest, nodePort} : rest);
	}
	let healthCheckNodePort: number | null = reserved.healthCheckNodePort ?? null;
	if (needsHealthCheckPort(input) && healthCheckNodePort === null && !reserved.failed) {
		const result = allocateNodePort(d, owner);
		if (!result.ok) {
			// alloc.go allocHealthCheckNodePort prints the port it failed to get, always 0 there.
			errors.push(
				errorFor(input, 'spec.healthCheckNodePort', ['spec'], 'Internal error occurred: failed to allocate a HealthCheck NodePort 0: range is full', true),
			);
			return;
		}
		healthCheckNodePort = result.value;
	}
	if (reserved.failed) return;
	const {
		clusterIP: _clusterIP,
		clusterIPs: _ips,
		ipFamilies: _families,
		ipFamilyPolicy: _policy,
		ports: _ports,
		healthCheckNodePort: _hc,
		...rest
	} = input.spec;
	const spec: ServiceSpec = rest;
	// The simulator models IPv4 single-stack clusters; ExternalName gets no families (S25).
	if (clusterIP !== undefined) Object.assign(spec, {clusterIP, clusterIPs: [clusterIP], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack'});
	if (ports.length > 0) spec.ports = ports;
	if (healthCheckNodePort !== null) spec.healthCheckNodePort = healthCheckNodePort;
	const service: Service = {
		name: input.meta.name,
		namespace: input.meta.namespace,
		uid: input.meta.uid ?? generateUid(d),
		labels: input.meta.labels,
		annotations: input.meta.annotations,
		createdAt: input.meta.createdAtSeconds !== undefined ? input.meta.createdAtSeconds * 1000 : d.s.clock,
		spec,
		status: {loadBalancer: {}},
	};
	if (spec.type === 'LoadBalancer') service.status = loadBalancerStatus(d, service, input);
	put(d, 'services', owner, service);
	if (spec.selector && spec.type !== 'ExternalName') {
		for (const [key, value] of Object.entries(spec.selector)) {
			indexAdd(d, 'servicesByLabel', labelBucket(service.namespace, key, value), service.name);
		}
		put(d, 'endpoints', owner, buildEndpoints(d.s, service, service.createdAt));
	}
}

/** The service controller's workqueue backoff (controller.go minRetryDelay, maxRetryDelay). */
const MIN_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

/**
 * The cloud provider's service controller (k8s.io/cloud-provider controllers/service/controller.go
 * syncLoadBalancerIfNeeded, processServiceCreateOrUpdate) with a simulated cloud whose load
 * balancers take the lowest free pool address (B4): `EnsuringLoadBalancer`, then
 * `EnsuredLoadBalancer` once the address is in status, or `SyncLoadBalancerFailed` with the
 * cloud's error wrapped as the controller wraps it, while EXTERNAL-IP stays <pending>. A failed
 * sync goes back on the queue with ItemExponentialFailureRateLimiter's delay (5 s doubling to
 * 300 s), so the two events count up as the controller tries again. Without a pool no controller
 * runs, so nothing records an event (S93). Returns the ingress addresses.
 */
function syncLoadBalancer(d: Draft, service: Service, failures: number): Service['status'] {
	const owner = objectKey(service.namespace, service.name);
	const result = allocateLoadBalancerIP(d, owner, service.spec.loadBalancerIP);
	const pending = {loadBalancer: {}};
	if (result === null) return pending;
	const involved = {kind: 'Service', namespace: service.namespace, name: service.name, uid: service.uid};
	const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
		recordEvent(d, {type, reason, involved, message, source: 'service-controller'});
	event('Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
	if (!result.ok) {
		event('Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: ${result.detail}`);
		const delay = Math.min(MIN_RETRY_MS * 2 ** failures, MAX_RETRY_MS);
		addTimer(d, {at: d.s.clock + delay, kind: 'loadBalancerRetry', target: owner, uid: service.uid, failures: failures + 1});
		return pending;
	}
	event('Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
	return {loadBalancer: {ingress: [{ip: result.value, ipMode: 'VIP'}]}};
}

function loadBalancerStatus(d: Draft, service: Service, input: ServiceInput): Service['status'] {
	// A dump's status already holds the address: that balancer was ensured before we looked.
	if (input.status?.loadBalancer.ingress && input.status.loadBalancer.ingress.length > 0) return input.status;
	return syncLoadBalancer(d, service, 0);
}

/** A loadBalancerRetry timer: the controller syncs a still-pending LoadBalancer Service again. */
export function retryLoadBalancer(d: Draft, timer: Timer): void {
	const service = getRow(d.s.services, timer.target);
	if (!service || service.uid !== timer.uid || service.spec.type !== 'LoadBalancer' || service.status.loadBalancer.ingress) return;
	const status = syncLoadBalancer(d, service, timer.failures ?? 1);
	if (status.loadBalancer.ingress) put(d, 'services', timer.target, {...service, status});
}

/** A user-supplied Endpoints object for a Service without a selector (docs/semantics.md S81). */
export function userEndpoints(d: Draft, input: EndpointsInput): void {
	const key = objectKey(input.meta.namespace, input.meta.name);
	const service = getRow(d.s.services, key);
	if (service?.spec.selector && Object.keys(service.spec.selector).length > 0) return; // the controller owns those
	const addresses = emptyTable<EndpointAddress>();
	const portNames = new Map<string, {name: string; protocol: ServicePort['protocol']; port?: number}>();
	for (const subset of input.subsets) {
		const ports = emptyTable<number>();
		for (const p of subset.ports) {
			ports[p.name] = p.port;
			portNames.set(p.name, {name: p.name, protocol: p.protocol, port: p.port});
		}
		const add = (a: EndpointsInput['subsets'][number]['addresses'][number], ready: boolean) => {
			addresses[a.ip] = {
				ip: a.ip,
				nodeName: a.nodeName ?? null,
				...(a.hostname ? {hostname: a.hostname} : {}),
				...(a.targetRef?.kind === 'Pod' ? {podName: a.targetRef.name} : {}),
				ready,
				serving: ready,
				terminating: false,
				// Merged into a prototype-free table: a spread would give a Service port named
				// `constructor` Object.prototype's as its target port.
				ports: Object.assign(copyTable(addresses[a.ip]?.ports), ports),
			};
		};
		for (const a of subset.addresses) add(a, true);
		for (const a of subset.notReadyAddresses) add(a, false);
	}
	put(d, 'endpoints', key, {
		...(service
			? emptyEndpoints(service, false, d.s.clock)
			: {name: input.meta.name, namespace: input.meta.namespace, managed: false, createdAt: d.s.clock, ports: []}),
		managed: false,
		addresses: rowsFrom(Object.entries(addresses)),
		ports: [...portNames.values()],
	});
}
