// The Containers block and the Pod Template block of `kubectl describe` (describe.go
// describeContainers, describeContainerBasicInfo, describeContainerState, describeContainerProbe, DescribeProbe,
// DescribePodTemplate, describeResources; release-1.34). Only what the model holds is printed: no
// command, environment or mounts, so those print kubectl's `<none>` forms.

import type {Container, HTTPGetAction, PodSpec, PodTemplate, Probe, Toleration} from '../sim/types.js';
import {type DescribeWriter, ZERO_TIME} from './describe-writer.js';
import {resourceList, tolerationLines} from './pod-resources.js';

/** A container's status as the kubelet reports it; absent until the pod is on a node. */
export interface ContainerStatusView {
	ready: boolean;
	restartCount: number;
	state: {running: {startedAt: string}} | {waiting: {reason: string}};
	/** The crash before the current run: exit code 1, reason Error (see pod-rows.ts podObject). */
	lastTerminated?: {finishedAt: string; startedAt?: string};
}

/** describeContainerPorts: `8080/TCP`, `8080/TCP (http)`, comma-joined. */
function portList(spec: PodSpec, container: Container, host: boolean): string {
	return container.ports
		.map(port => {
			// With hostNetwork the API defaults hostPort to containerPort (pkg/apis/core/v1 defaults.go).
			const number = host ? (spec.hostNetwork ? port.containerPort : 0) : port.containerPort;
			const text = `${number}/${port.protocol}`;
			return port.name === undefined ? text : `${text} (${port.name})`;
		})
		.join(', ');
}

/** Go's url.shouldEscape for a byte: unreserved characters stay, and so do the ones `mode` allows. */
function goEscape(text: string, keep: string): string {
	let out = '';
	for (const byte of new TextEncoder().encode(text)) {
		const c = String.fromCharCode(byte);
		out += /[A-Za-z0-9\-_.~]/.test(c) || keep.includes(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** What net/url's escape keeps in a host (encodeHost) and in a path (encodePath). */
const HOST_KEEPS = '!$&\'()*+,;=:[]<>"';
const PATH_KEEPS = '$&+,/:;=@';

/**
 * The URL DescribeProbe builds for an HTTP probe: url.URL{Scheme: lower(scheme), Host:
 * net.JoinHostPort(host, port), Path: path}.String(), net/url's escaping included.
 */
function httpGetURL(httpGet: HTTPGetAction): string {
	const port = String(httpGet.port);
	const host = httpGet.host ?? '';
	const hostPort = port === '' ? host : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
	const path = goEscape(httpGet.path, PATH_KEEPS);
	const slash = path !== '' && !path.startsWith('/') && hostPort !== '' ? '/' : '';
	const scheme = httpGet.scheme.toLowerCase();
	const authority = hostPort !== '' || path !== '' ? `//${goEscape(hostPort, HOST_KEEPS)}` : '';
	return `${scheme === '' ? '' : `${scheme}:`}${authority}${slash}${path}`;
}

/**
 * DescribeProbe (describe.go, release-1.34): the handler, then the timings. An exec command prints
 * as Go's %v of a []string, `[cat /tmp/ready]`; a gRPC service as the string it defaults to, so an
 * omitted one leaves two spaces.
 */
export function describeProbe(probe: Probe): string {
	const attrs = `delay=${probe.initialDelaySeconds}s timeout=${probe.timeoutSeconds}s period=${probe.periodSeconds}s #success=${probe.successThreshold} #failure=${probe.failureThreshold}`;
	if (probe.exec) return `exec [${probe.exec.command.join(' ')}] ${attrs}`;
	if (probe.httpGet) return `http-get ${httpGetURL(probe.httpGet)} ${attrs}`;
	if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
	if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service} ${attrs}`;
	return `unknown ${attrs}`;
}

/**
 * describeContainers with the `space` kubectl passes: '' for a pod, '  ' inside a Pod Template
 * (which also indents the container's name one more space).
 */
export function writeContainers(w: DescribeWriter, spec: PodSpec, statuses: ReadonlyMap<string, ContainerStatusView> | null, space: string): void {
	w.write(0, `${space}Containers:${spec.containers.length === 0 ? ' <none>' : ''}`);
	for (const container of spec.containers) {
		const status = statuses?.get(container.name);
		w.write(1, `${space === '' ? '' : ' '}${container.name}:`);
		// The runtime's IDs are not modelled; kubectl prints the empty fields as they come.
		if (status) w.write(2, 'Container ID:', '');
		w.write(2, 'Image:', container.image);
		if (status) w.write(2, 'Image ID:', '');
		const ports = portList(spec, container, false);
		w.write(2, ports.includes(',') ? 'Ports:' : 'Port:', ports === '' ? '<none>' : ports);
		const hostPorts = portList(spec, container, true);
		w.write(2, hostPorts.includes(',') ? 'Host Ports:' : 'Host Port:', hostPorts === '' ? '<none>' : hostPorts);
		if (status) {
			if ('running' in status.state) {
				w.write(2, 'State:', 'Running');
				w.write(3, 'Started:', status.state.running.startedAt);
			} else {
				w.write(2, 'State:', 'Waiting');
				w.write(3, 'Reason:', status.state.waiting.reason);
			}
			if (status.lastTerminated) {
				w.write(2, 'Last State:', 'Terminated');
				w.write(3, 'Reason:', 'Error');
				w.write(3, 'Exit Code:', '1');
				// A run whose start is not known (a dump's pod) prints the unset time, as kubectl does.
				w.write(3, 'Started:', status.lastTerminated.startedAt ?? ZERO_TIME);
				w.write(3, 'Finished:', status.lastTerminated.finishedAt);
			}
			w.write(2, 'Ready:', status.ready ? 'True' : 'False');
			w.write(2, 'Restart Count:', String(status.restartCount));
		}
		// describeResources: Limits, then Requests, each only when the list has entries.
		for (const [title, list] of [
			['Limits:', container.resources?.limits ?? {}],
			['Requests:', container.resources?.requests ?? {}],
		] as const) {
			const entries = resourceList(list);
			if (entries.length > 0) w.write(2, title);
			for (const [name, quantity] of entries) w.write(3, `${name}:`, quantity);
		}
		// describeContainerProbe.
		if (container.livenessProbe) w.write(2, 'Liveness:', describeProbe(container.livenessProbe));
		if (container.readinessProbe) w.write(2, 'Readiness:', describeProbe(container.readinessProbe));
		if (container.startupProbe) w.write(2, 'Startup:', describeProbe(container.startupProbe));
		w.write(2, 'Environment:', '<none>');
		w.write(2, 'Mounts:', '<none>');
	}
}

/** DescribePodTemplate: labels, annotations only when set, containers, volumes, node selectors, tolerations. */
export function writePodTemplate(w: DescribeWriter, template: PodTemplate): void {
	w.write(0, 'Pod Template:');
	w.labels('  Labels', template.labels);
	if (Object.keys(template.annotations).length > 0) w.annotations('  Annotations', template.annotations);
	writeContainers(w, template.spec, null, '  ');
	w.write(0, '  Volumes:', '<none>');
	w.labels('  Node-Selectors', {});
	writeTolerations(w, '  Tolerations:', template.spec.tolerations ?? []);
}

/** printTolerationsMultilineWithIndent: the title, then one toleration a line (`<none>` without any). */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: readonly Toleration[]): void {
	const lines = tolerationLines(tolerations);
	if (lines.length === 0) w.write(0, title, '<none>');
	for (const [i, line] of lines.entries()) w.write(0, i === 0 ? title : '', line);
}
