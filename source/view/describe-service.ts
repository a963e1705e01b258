// `kubectl describe service` (docs/semantics.md G5, S124): kubectl's describe package
// (`describeService`, `DescribeEvents`) laid out by the same tabwriter settings.

import {objectKey} from '../sim/keys.js';
import {formatLabels} from '../sim/labels.js';
import type {State} from '../sim/types.js';
import {sortKeys} from './api-object.js';
import {describeEvents} from './describe-events.js';
import {annotationLines, labelLines} from './describe-writer.js';
import {type EndpointSlice, slicesForService} from './endpointslice-rows.js';
import type {GetResult} from './get.js';
import {sanitize} from './sanitize.js';
import {serviceObject} from './service-rows.js';
import {DESCRIBE_LAYOUT, tabwrite} from './table.js';

export function describeService(state: State, namespace: string, name: string): GetResult {
	const svc = state.services[objectKey(namespace, name)];
	if (!svc) return {ok: false, error: `Error from server (NotFound): services "${sanitize(name)}" not found`};
	const lines: string[][] = [];
	const row = (...cells: string[]): void => {
		lines.push(cells.map(sanitize));
	};

	row('Name:', svc.name);
	row('Namespace:', svc.namespace);
	for (const [i, text] of labelLines(svc.labels).entries()) row(i === 0 ? 'Labels:' : '', text);
	for (const [i, text] of annotationLines(svc.annotations).entries()) row(i === 0 ? 'Annotations:' : '', text);
	row('Selector:', formatLabels(svc.selector));
	row('Type:', svc.type);
	// IPv4 single-stack; an ExternalName Service has no IP families (S25).
	if (svc.clusterIP !== null) row('IP Family Policy:', 'SingleStack');
	row('IP Families:', svc.clusterIP !== null ? 'IPv4' : '<none>');
	row('IP:', svc.clusterIP ?? '');
	row('IPs:', svc.clusterIP ?? '<none>');
	if (svc.externalIPs.length > 0) row('External IPs:', svc.externalIPs.join(','));
	if (svc.loadBalancerIP !== undefined && svc.loadBalancerIP !== '') row('Desired LoadBalancer IP:', svc.loadBalancerIP);
	if (svc.externalName !== undefined && svc.externalName !== '') row('External Name:', svc.externalName);
	// ipMode is defaulted to VIP by the API server, and describe shows it.
	if (svc.loadBalancerIngress.length > 0) row('LoadBalancer Ingress:', svc.loadBalancerIngress.map(ip => `${ip} (VIP)`).join(', '));
	const slices = slicesForService(state, svc.namespace, svc.name);
	for (const port of svc.ports) {
		const portName = port.name === '' ? '<unset>' : port.name;
		row('Port:', portName, `${port.port}/${port.protocol}`);
		row('TargetPort:', `${port.targetPort}/${port.protocol}`);
		if (port.appProtocol !== undefined) row('AppProtocol:', port.appProtocol);
		if (port.nodePort !== null && port.nodePort !== 0) row('NodePort:', portName, `${port.nodePort}/${port.protocol}`);
		row('Endpoints:', endpointsForPort(slices, port.name));
	}
	row('Session Affinity:', svc.sessionAffinity);
	if (svc.externalTrafficPolicy !== undefined) row('External Traffic Policy:', svc.externalTrafficPolicy);
	if (svc.internalTrafficPolicy !== undefined) row('Internal Traffic Policy:', svc.internalTrafficPolicy);
	if (svc.healthCheckNodePort !== null && svc.healthCheckNodePort !== 0) row('HealthCheck NodePort:', String(svc.healthCheckNodePort));
	lines.push(...describeEvents(state, {kind: 'Service', namespace: svc.namespace, name: svc.name, uid: svc.uid}));
	return {ok: true, text: tabwrite(lines, DESCRIBE_LAYOUT), json: sortKeys(serviceObject(svc))};
}

/**
 * describe.go formatEndpointSlices for one Service port: ready endpoints only, `ip:port`, three
 * then ` + N more...`; `<none>` without slices, empty when none is ready. Kept as kubectl has it,
 * including two quirks: a not-ready endpoint met after the third still flips `more` (so
 * ` + 0 more...` can appear), and a slice without ports lists bare IPs under every port.
 */
export function endpointsForPort(slices: ReadonlyArray<EndpointSlice>, portName: string): string {
	if (slices.length === 0) return '<none>';
	const max = 3;
	const list: string[] = [];
	let more = false;
	let count = 0;
	const visit = (ready: boolean, text: string): void => {
		if (list.length === max) more = true;
		if (!ready) return;
		if (!more) list.push(text);
		count++;
	};
	for (const slice of slices) {
		const endpoints = slice.endpoints ?? [];
		const ports = slice.ports ?? [];
		if (ports.length === 0) {
			for (const endpoint of endpoints) visit(endpoint.ready, endpoint.ip);
			continue;
		}
		for (const port of ports) {
			if (port.name !== portName) continue;
			for (const endpoint of endpoints) visit(endpoint.ready, `${endpoint.ip}:${port.port}`);
		}
	}
	const text = list.join(',');
	return more ? `${text} + ${count - max} more...` : text;
}
