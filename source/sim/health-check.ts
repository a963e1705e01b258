// kube-proxy's service health server: on every node it answers HTTP on each `healthCheckNodePort`
// (a LoadBalancer Service with externalTrafficPolicy: Local), 200 while the node has a ready
// endpoint of that Service and 503 when it has none, so the cloud load balancer stops sending
// there (kubernetes/kubernetes pkg/proxy/healthcheck/service_health.go, hcHandler.ServeHTTP).

import {objectKey} from './keys.js';
import {getRow, listRows} from './rows.js';
import type {Service, State} from './types.js';

export interface HealthAnswer {
	status: 200 | 503;
	localEndpoints: number;
	/** The JSON body, byte for byte as ServeHTTP writes it (dedented, tab-indented). */
	body: string;
}

/**
 * The ready endpoints of `service` on `nodeName`, counted once per address whatever the number
 * of ports (proxy/endpointsmap.go LocalReadyEndpoints). Terminating endpoints do not count even
 * while they still serve: the node should leave the rotation.
 */
export function localReadyEndpoints(state: State, service: Service, nodeName: string): number {
	const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
	if (!endpoints) return 0;
	const ips = new Set<string>();
	for (const address of listRows(endpoints.addresses)) {
		if (address.ready && address.nodeName === nodeName) ips.add(address.ip);
	}
	return ips.size;
}

/** The Service whose health check listens on `port`, if any (a port number, not a Service port). */
export function healthCheckOwner(state: State, port: number): Service | undefined {
	for (const service of listRows(state.services)) {
		if (service.spec.healthCheckNodePort === port) return service;
	}
	return undefined;
}

/** What kube-proxy on `nodeName` answers for `service`; the simulated proxy is always healthy. */
export function healthCheckAnswer(state: State, service: Service, nodeName: string): HealthAnswer {
	const count = localReadyEndpoints(state, service, nodeName);
	const body = [
		'{',
		'\t"service": {',
		`\t\t"namespace": ${JSON.stringify(service.namespace)},`,
		`\t\t"name": ${JSON.stringify(service.name)}`,
		'\t},',
		`\t"localEndpoints": ${count},`,
		'\t"serviceProxyHealthy": true',
		'}',
	].join('\n');
	return {status: count > 0 ? 200 : 503, localEndpoints: count, body};
}
