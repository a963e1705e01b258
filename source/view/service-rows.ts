// `kubectl get services` (docs/semantics.md G1, S117-S119) and the Service object.

import {formatLabels} from '../sim/labels.js';
import type {Service} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import {inNamespace, type KindView} from './kind-view.js';

/** printers.go `loadBalancerWidth`: LB addresses are cut to 16 characters unless wide. */
const LOAD_BALANCER_WIDTH = 16;

/** CLUSTER-IP is `clusterIPs[0]`: `None` for headless, `<none>` for ExternalName (S117). */
function clusterIPCell(svc: Service): string {
	return svc.clusterIP ?? '<none>';
}

/** EXTERNAL-IP by type (S118). */
export function externalIPCell(svc: Service, wide: boolean): string {
	switch (svc.type) {
		case 'ClusterIP':
		case 'NodePort':
			return svc.externalIPs.length > 0 ? svc.externalIPs.join(',') : '<none>';
		case 'LoadBalancer': {
			let ingress = [...new Set(svc.loadBalancerIngress)].sort().join(',');
			if (!wide && ingress.length > LOAD_BALANCER_WIDTH) ingress = `${ingress.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
			const all = [...(ingress === '' ? [] : ingress.split(',')), ...svc.externalIPs];
			return all.length > 0 ? all.join(',') : '<pending>';
		}
		case 'ExternalName':
			return svc.externalName ?? '';
	}
}

/** PORT(S): `80/TCP` or `80:30036/TCP`, comma-joined; targetPort never shown (S119). */
export function portsCell(svc: Service): string {
	if (svc.ports.length === 0) return '<none>';
	return svc.ports.map(p => (p.nodePort !== null && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

export function serviceObject(svc: Service): ApiObject {
	const spec: ApiObject = {type: svc.type, sessionAffinity: svc.sessionAffinity};
	if (svc.clusterIP !== null) {
		spec.clusterIP = svc.clusterIP;
		spec.clusterIPs = [svc.clusterIP];
		// The simulator models IPv4 single-stack clusters; ExternalName gets no families (S25).
		spec.ipFamilies = ['IPv4'];
		spec.ipFamilyPolicy = 'SingleStack';
	}
	if (svc.externalName !== undefined) spec.externalName = svc.externalName;
	if (svc.ports.length > 0) {
		spec.ports = svc.ports.map(p => {
			const port: ApiObject = {};
			if (p.name !== '') port.name = p.name;
			port.protocol = p.protocol;
			port.port = p.port;
			port.targetPort = p.targetPort;
			if (p.nodePort !== null && p.nodePort > 0) port.nodePort = p.nodePort;
			if (p.appProtocol !== undefined) port.appProtocol = p.appProtocol;
			return port;
		});
	}
	if (svc.selector !== null && Object.keys(svc.selector).length > 0) spec.selector = {...svc.selector};
	if (svc.externalIPs.length > 0) spec.externalIPs = [...svc.externalIPs];
	if (svc.loadBalancerIP !== undefined) spec.loadBalancerIP = svc.loadBalancerIP;
	if (svc.externalTrafficPolicy !== undefined) spec.externalTrafficPolicy = svc.externalTrafficPolicy;
	if (svc.internalTrafficPolicy !== undefined) spec.internalTrafficPolicy = svc.internalTrafficPolicy;
	if (svc.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = svc.allocateLoadBalancerNodePorts;
	if (svc.healthCheckNodePort !== null) spec.healthCheckNodePort = svc.healthCheckNodePort;
	if (svc.publishNotReadyAddresses) spec.publishNotReadyAddresses = true;
	if (svc.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig = {clientIP: {timeoutSeconds: svc.affinityTimeoutSeconds}};
	return {
		apiVersion: 'v1',
		kind: 'Service',
		metadata: objectMeta(svc),
		spec,
		status: {
			// The API server defaults ipMode to VIP for ingress IPs (LoadBalancerIPMode, GA in 1.32).
			loadBalancer: svc.loadBalancerIngress.length > 0 ? {ingress: svc.loadBalancerIngress.map(ip => ({ip, ipMode: 'VIP'}))} : {},
		},
	};
}

export const serviceView: KindView<Service> = {
	columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
	wideColumns: ['SELECTOR'],
	list: (state, namespace) => inNamespace(Object.values(state.services), namespace),
	meta: (_state, svc) => svc,
	row(state, svc, wide) {
		const cells = [svc.name, svc.type, clusterIPCell(svc), externalIPCell(svc, wide), portsCell(svc), ageSince(state.clock, svc.createdAt)];
		if (wide) cells.push(formatLabels(svc.selector));
		return cells;
	},
	object: (_state, svc) => serviceObject(svc),
};
