// `kubectl describe endpoints | endpointslice | namespace` (describe.go describeEndpoints,
// describeEndpointSliceV1, describeNamespace; release-1.34), from the objects `get` prints.

import {nodeZone} from '../sim/topology.js';
import type {Endpoints, Namespace, State} from '../sim/types.js';
import {describeWriter} from './describe-writer.js';
import {endpointSubsets, endpointsAnnotations, endpointsView} from './endpoints-rows.js';
import type {EndpointSlice} from './endpointslice-rows.js';
import {namespaceView} from './namespace-rows.js';

export function describeEndpoints(state: State, endpoints: Endpoints): string {
	const w = describeWriter();
	w.write(0, 'Name:', endpoints.name);
	w.write(0, 'Namespace:', endpoints.namespace);
	w.labels('Labels', endpointsView.meta(state, endpoints).labels);
	w.annotations('Annotations', endpointsAnnotations(endpoints));
	w.write(0, 'Subsets:');
	for (const subset of endpointSubsets(endpoints)) {
		const ips = (list: ReadonlyArray<{ip: string}>): string => (list.length === 0 ? '<none>' : list.map(a => a.ip).join(','));
		w.write(1, 'Addresses:', ips(subset.addresses));
		w.write(1, 'NotReadyAddresses:', ips(subset.notReadyAddresses));
		if (subset.ports.length > 0) {
			w.write(1, 'Ports:');
			w.write(2, 'Name', 'Port', 'Protocol');
			w.write(2, '----', '----', '--------');
			for (const port of subset.ports) w.write(2, port.name === '' ? '<unset>' : port.name, String(port.port), port.protocol);
		}
		w.write(0, '');
	}
	w.events(state, {kind: 'Endpoints', namespace: endpoints.namespace, name: endpoints.name});
	return w.text();
}

/** describeEndpointSliceV1 prints the Ready condition only (Serving and Terminating are in `-o yaml`). */
export function describeEndpointSlice(state: State, slice: EndpointSlice): string {
	const w = describeWriter();
	w.write(0, 'Name:', slice.name);
	w.write(0, 'Namespace:', slice.namespace);
	w.labels('Labels', slice.labels);
	w.annotations('Annotations', {});
	w.write(0, 'AddressType:', 'IPv4');
	const ports = slice.ports ?? [];
	if (ports.length === 0) w.write(0, 'Ports: <unset>');
	else {
		w.write(0, 'Ports:');
		w.write(1, 'Name', 'Port', 'Protocol');
		w.write(1, '----', '----', '--------');
		for (const port of ports) w.write(1, port.name === '' ? '<unset>' : port.name, String(port.port), port.protocol);
	}
	const endpoints = slice.endpoints ?? [];
	if (endpoints.length === 0) w.write(0, 'Endpoints: <none>');
	else {
		w.write(0, 'Endpoints:');
		for (const endpoint of endpoints) {
			w.write(1, '- Addresses:', endpoint.ip);
			w.write(2, 'Conditions:');
			w.write(3, 'Ready:', String(endpoint.ready));
			w.write(2, 'Hostname:', endpoint.hostname ?? '<unset>');
			if (endpoint.podName !== undefined) w.write(2, 'TargetRef:', `Pod/${endpoint.podName}`);
			w.write(2, 'NodeName:', endpoint.nodeName ?? '<unset>');
			const zone = nodeZone(state, endpoint.nodeName);
			w.write(2, 'Zone:', zone ?? '<unset>');
		}
	}
	w.events(state, {kind: 'EndpointSlice', namespace: slice.namespace, name: slice.name, uid: slice.uid});
	return w.text();
}

/** No ResourceQuota or LimitRange objects are modelled, so both lists are empty; namespaces have no Events block. */
export function describeNamespace(state: State, namespace: Namespace): string {
	const w = describeWriter();
	w.write(0, 'Name:', namespace.name);
	w.labels('Labels', namespaceView.meta(state, namespace).labels);
	w.annotations('Annotations', {});
	w.write(0, 'Status:', 'Active');
	w.write(0, '');
	w.write(0, 'No resource quota.');
	w.write(0, '');
	w.write(0, 'No LimitRange resource.');
	return w.text();
}
