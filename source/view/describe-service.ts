// `kubectl describe service` (docs/semantics.md G5, S124): kubectl's describe package
// (`describeService`, `DescribeEvents`) laid out by the same tabwriter settings.

import {getRow} from '../sim/index.js';
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
	const svc = getRow(state.services, objectKey(namespace, name));
	if (!svc) return {ok: false, error: `Error from server (NotFound): services "${sanitize(name)}" not found`};
	const lines: string[][] = [];
	const row = (...cells: string[]): void => {
		lines.push(cells.map(sanitize));
	};

	row('Name:', svc.name);
	row('Namespace:', svc.namespace);
	for (const [i, text] of labelLines(svc.labels).entries()) row(i === 0 ? 'Labels:' : '', text);
	for (const [i, text] of annotationLines(svc.annotations).entries()) row(i === 0 ? 'Annotations:' : '', text);
	const {spec, status} = svc;
	row('Selector:', formatLabels(spec.selector ?? null));
	row('Type:', spec.type);
	// describe.go prints the spec's IP fields as they are (an ExternalName Service has none, S25).
	if (spec.ipFamilyPolicy !== undefined) row('IP Family Policy:', spec.ipFamilyPolicy);
	row('IP Families:', spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>');
	row('IP:', spec.clusterIP ?? '');
	row('IPs:', spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>');
	if (spec.externalIPs && spec.externalIPs.length > 0) row('External IPs:', spec.externalIPs.join(','));
	if (spec.loadBalancerIP !== undefined && spec.loadBalancerIP !== '') row('Desired LoadBalancer IP:', spec.loadBalancerIP);
	if (spec.externalName !== undefined && spec.externalName !== '') row('External Name:', spec.externalName);
	const ingress = status.loadBalancer.ingress ?? [];
	if (ingress.length > 0) row('LoadBalancer Ingress:', ingress.map(i => `${i.ip} (${i.ipMode})`).join(', '));
	const slices = slicesForService(state, svc.namespace, svc.name);
	for (const port of spec.ports ?? []) {
		const portName = port.name === undefined || port.name === '' ? '<unset>' : port.name;
		row('Port:', portName, `${port.port}/${port.protocol}`);
		row('TargetPort:', `${port.targetPort}/${port.protocol}`);
		if (port.appProtocol !== undefined) row('AppProtocol:', port.appProtocol);
		if (port.nodePort !== undefined && port.nodePort !== 0) row('NodePort:', portName, `${port.nodePort}/${port.protocol}`);
		row('Endpoints:', endpointsForPort(slices, port.name ?? ''));
	}
	row('Session Affinity:', spec.sessionAffinity);
	if (spec.externalTrafficPolicy !== undefined) row('External Traffic Policy:', spec.externalTrafficPolicy);
	if (spec.internalTrafficPolicy !== undefined) row('Internal Traffic Policy:', spec.internalTrafficPolicy);
	if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort !== 0) row('HealthCheck NodePort:', String(spec.healthCheckNodePort));
	// describe.go describeService: the field as stored, comma-joined; the annotation is not shown here.
	if (spec.loadBalancerSourceRanges !== undefined && spec.loadBalancerSourceRanges.length > 0) {
		row('LoadBalancer Source Ranges:', spec.loadBalancerSourceRanges.join(','));
	}
	if (spec.trafficDistribution !== undefined) row('Traffic Distribution:', spec.trafficDistribution);
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
