// The Containers block and the Pod Template block of `kubectl describe` (describe.go
// describeContainers, describeContainerBasicInfo, describeContainerState, DescribeProbe,
// DescribePodTemplate; release-1.34). Only what the model holds is printed: no command, resources,
// environment or mounts, so those print kubectl's `<none>` forms.

import type {Container, PodSpec, PodTemplate} from '../sim/types.js';
import {type DescribeWriter, ZERO_TIME} from './describe-writer.js';

/** A container's status as the kubelet reports it; absent until the pod is on a node. */
export interface ContainerStatusView {
	ready: boolean;
	restartCount: number;
	state: {running: {startedAt: string}} | {waiting: {reason: string}};
	/** The crash before the current run: exit code 1, reason Error (see pod-rows.ts podObject). */
	lastTerminated?: {finishedAt: string};
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

/**
 * DescribeProbe. The model keeps a probe's timing, not its handler (httpGet, tcpSocket, exec, grpc),
 * so the handler prints as kubectl prints a probe without one: `unknown`. timeoutSeconds is the
 * API default, as `-o json` shows it.
 */
function probeText(container: Container): string | undefined {
	const probe = container.readinessProbe;
	if (probe === undefined) return undefined;
	return `unknown delay=${probe.initialDelaySeconds}s timeout=1s period=${probe.periodSeconds}s #success=${probe.successThreshold} #failure=${probe.failureThreshold}`;
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
				// The run before the crash is not recorded: its start is an unset time.
				w.write(3, 'Started:', ZERO_TIME);
				w.write(3, 'Finished:', status.lastTerminated.finishedAt);
			}
			w.write(2, 'Ready:', status.ready ? 'True' : 'False');
			w.write(2, 'Restart Count:', String(status.restartCount));
		}
		const readiness = probeText(container);
		if (readiness !== undefined) w.write(2, 'Readiness:', readiness);
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
	w.write(0, '  Tolerations:', '<none>');
}
