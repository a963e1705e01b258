// `kubectl get services` (docs/semantics.md G1, S117-S119) and the Service object.

import {listRows} from '../sim/index.js';
import {formatLabels} from '../sim/labels.js';
import type {Service} from '../sim/types.js';
import {ageSince} from './age.js';
import {type ApiObject, objectMeta} from './api-object.js';
import {inNamespace, type KindView} from './kind-view.js';

/** printers.go `loadBalancerWidth`: LB addresses are cut to 16 characters unless wide. */
const LOAD_BALANCER_WIDTH = 16;

/** CLUSTER-IP is `clusterIPs[0]`: `None` for headless, `<none>` for ExternalName (S117). */
function clusterIPCell(svc: Service): string {
	return svc.spec.clusterIP ?? '<none>';
}

/** EXTERNAL-IP by type (S118). */
export function externalIPCell(svc: Service, wide: boolean): string {
	const externalIPs = svc.spec.externalIPs ?? [];
	switch (svc.spec.type) {
		case 'ClusterIP':
		case 'NodePort':
			return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
		case 'LoadBalancer': {
			let ingress = [...new Set((svc.status.loadBalancer.ingress ?? []).map(i => i.ip))].sort().join(',');
			if (!wide && ingress.length > LOAD_BALANCER_WIDTH) ingress = `${ingress.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
			const all = [...(ingress === '' ? [] : ingress.split(',')), ...externalIPs];
			return all.length > 0 ? all.join(',') : '<pending>';
		}
		case 'ExternalName':
			return svc.spec.externalName ?? '';
	}
}

/** PORT(S): `80/TCP` or `80:30036/TCP`, comma-joined; targetPort never shown (S119). */
export function portsCell(svc: Service): string {
	const ports = svc.spec.ports ?? [];
	if (ports.length === 0) return '<none>';
	return ports.map(p => (p.nodePort !== undefined && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

/**
 * The state holds spec and status as the API server returns them; only metadata is assembled. They
 * are the state's own objects: every caller copies the result (sortKeys) before it leaves the view.
 */
export function serviceObject(svc: Service): ApiObject {
	return {apiVersion: 'v1', kind: 'Service', metadata: objectMeta(svc), spec: svc.spec, status: svc.status};
}

export const serviceView: KindView<Service> = {
	columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
	wideColumns: ['SELECTOR'],
	list: (state, namespace) => inNamespace(listRows(state.services), namespace),
	meta: (_state, svc) => svc,
	row(state, svc, wide) {
		const cells = [svc.name, svc.spec.type, clusterIPCell(svc), externalIPCell(svc, wide), portsCell(svc), ageSince(state.clock, svc.createdAt)];
		if (wide) cells.push(formatLabels(svc.spec.selector ?? null));
		return cells;
	},
	object: (_state, svc) => serviceObject(svc),
};
