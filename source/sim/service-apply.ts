// `kubectl apply` and `kubectl delete` of a Service on a running cluster (issue 13's what-if).
//
// An update keeps what the API server allocated and the user's file does not set: the clusterIP
// (kubectl apply never sends it unless the file has one), each port's nodePort (its merge key is
// the port number) while the type still allocates node ports, the healthCheckNodePort; the
// registry drops the ones the new type has no use for (pkg/registry/core/service/storage
// dropTypeDependentFields). What the Service selects and where it sends traffic follow from the
// new spec at once: the endpoints are rebuilt (pkg/controller/endpoint syncService).

import type {Draft} from './draft.js';
import {indexRemove, ipamSet, remove} from './draft.js';
import {labelBucket} from './endpoints.js';
import {objectKey} from './keys.js';
import {getRow} from './rows.js';
import {completeService, reserveRequested} from './services.js';
import type {InitError, Service, ServiceInput, ServicePort} from './types.js';

export type ApplyOutcome = {ok: true; verb: 'created' | 'configured' | 'unchanged'} | {ok: false; errors: InitError[]};

/** Everything the Service holds in the cluster: its addresses, its index entries, its endpoints. */
export function removeService(d: Draft, service: Service): void {
	const key = objectKey(service.namespace, service.name);
	const {clusterIP, ports = [], healthCheckNodePort, selector} = service.spec;
	const release = (map: 'serviceIPs' | 'nodePorts' | 'loadBalancerIPs', at: string) => {
		if (d.s.ipam[map][at] === key) ipamSet(d, map, at, null);
	};
	if (clusterIP !== undefined && clusterIP !== 'None') release('serviceIPs', clusterIP);
	for (const port of ports) if (port.nodePort !== undefined) release('nodePorts', String(port.nodePort));
	if (healthCheckNodePort !== undefined) release('nodePorts', String(healthCheckNodePort));
	for (const ingress of service.status.loadBalancer.ingress ?? []) if (ingress.ip !== undefined) release('loadBalancerIPs', ingress.ip);
	if (selector && service.spec.type !== 'ExternalName') {
		for (const [k, v] of Object.entries(selector)) indexRemove(d, 'servicesByLabel', labelBucket(service.namespace, k, v), service.name);
	}
	remove(d, 'services', key);
	remove(d, 'endpoints', key);
}

const usesNodePorts = (input: ServiceInput) => input.spec.type === 'NodePort' || input.spec.type === 'LoadBalancer';

/** The file's Service with what the live one was given and the file leaves out. */
function merged(live: Service, input: ServiceInput): ServiceInput {
	const spec = {...input.spec};
	if (spec.clusterIP === undefined && live.spec.clusterIP !== undefined && input.spec.type !== 'ExternalName') spec.clusterIP = live.spec.clusterIP;
	if (usesNodePorts(input) && spec.ports) {
		spec.ports = spec.ports.map(port => {
			if (port.nodePort !== undefined) return port;
			const was = live.spec.ports?.find((p: ServicePort) => p.port === port.port && p.protocol === port.protocol)?.nodePort;
			return was === undefined ? port : {...port, nodePort: was};
		});
	}
	if (spec.healthCheckNodePort === undefined && live.spec.healthCheckNodePort !== undefined && input.spec.externalTrafficPolicy === 'Local') {
		spec.healthCheckNodePort = live.spec.healthCheckNodePort;
	}
	const meta = {...input.meta, uid: live.uid, createdAtSeconds: live.createdAt / 1000};
	// A load balancer already ensured keeps its address (the cloud controller updates it in place).
	return live.status.loadBalancer.ingress && input.spec.type === 'LoadBalancer' ? {meta, spec, status: live.status} : {meta, spec};
}

/** ValidateServiceUpdate's immutable fields: a clusterIP, once set, stays (headless included). */
function immutable(live: Service, input: ServiceInput): InitError[] {
	const asked = input.spec.clusterIP;
	const had = live.spec.clusterIP;
	if (asked === undefined || had === undefined || asked === had || input.spec.type === 'ExternalName' || live.spec.type === 'ExternalName') return [];
	return [
		{
			kind: 'Service',
			namespace: input.meta.namespace,
			name: input.meta.name,
			field: 'spec.clusterIPs[0]',
			path: ['spec', 'clusterIP'],
			detail: `Invalid value: []string{"${asked}"}: may not change once set`,
		},
	];
}

function create(d: Draft, input: ServiceInput): InitError[] {
	const errors: InitError[] = [];
	const reserved = reserveRequested(d, input, errors);
	completeService(d, input, reserved, errors);
	return errors;
}

/** Only what the user's file decides: the allocations, the status and the clock are the cluster's. */
const same = (a: Service, b: Service) => JSON.stringify([a.spec, a.labels, a.annotations]) === JSON.stringify([b.spec, b.labels, b.annotations]);

/**
 * Create or update one Service. An update is a removal and a creation with the kept allocations,
 * so the draft changes even when the result is the same object: the reducer then returns the
 * state it was given, for `unchanged` as for a refusal (reducer.ts step).
 */
export function applyService(d: Draft, input: ServiceInput): ApplyOutcome {
	const key = objectKey(input.meta.namespace, input.meta.name);
	const live = getRow(d.s.services, key);
	if (!live) {
		const errors = create(d, input);
		return errors.length > 0 ? {ok: false, errors} : {ok: true, verb: 'created'};
	}
	const refused = immutable(live, input);
	if (refused.length > 0) return {ok: false, errors: refused};
	removeService(d, live);
	const next = merged(live, input);
	const errors = create(d, next);
	if (errors.length > 0) return {ok: false, errors};
	// A kept load balancer keeps its pool address too.
	for (const ingress of next.status?.loadBalancer.ingress ?? []) if (ingress.ip !== undefined) ipamSet(d, 'loadBalancerIPs', ingress.ip, key);
	const now = getRow(d.s.services, key);
	return {ok: true, verb: now && same(now, live) ? 'unchanged' : 'configured'};
}
