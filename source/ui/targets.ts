// What the request keys aim at: the selected Service addressed by DNS name, ClusterIP, a node's
// IP and nodePort, or its load-balancer address; and who sends.

import {resolveClient} from '../sim/clients.js';
import type {Service, State} from '../sim/index.js';
import {listRows} from '../sim/index.js';

export interface AddressChoice {
	/** Stored in the model (`dns`, `clusterIP`, `node:NAME`, `loadBalancer`, `externalIP`). */
	mode: string;
	label: string;
	target: string;
}

/** The port the request keys aim at: the first TCP one (curl's), else the first there is. */
function aimedPort(service: Service) {
	const ports = service.spec.ports ?? [];
	return ports.find(x => x.protocol === 'TCP') ?? ports[0];
}

/** ` --udp` / ` --sctp` when the aimed port is not TCP: a UDP-only Service (a DNS server) is reached as `nc -u` would. */
export function protocolFlag(service: Service): string {
	const protocol = aimedPort(service)?.protocol ?? 'TCP';
	return protocol === 'TCP' ? '' : ` --${protocol.toLowerCase()}`;
}

function port(service: Service): number {
	const p = aimedPort(service);
	if (!p) return 80;
	// A headless name leads straight to pods, so aim at the port they listen on.
	if (service.spec.clusterIP === 'None' && typeof p.targetPort === 'number') return p.targetPort;
	return p.port;
}

/** The DNS name first: every Service has one. */
export function addressChoices(state: State, service: Service): [AddressChoice, ...AddressChoice[]] {
	const p = port(service);
	const {clusterIP} = service.spec;
	const aimed = aimedPort(service);
	const choices: [AddressChoice, ...AddressChoice[]] = [
		{mode: 'dns', label: `DNS name  ${service.name}.${service.namespace}:${p}`, target: `${service.name}.${service.namespace}:${p}`},
	];
	if (clusterIP && clusterIP !== 'None') {
		choices.push({mode: 'clusterIP', label: `ClusterIP ${clusterIP}:${p}`, target: `${clusterIP}:${p}`});
	}
	if (aimed?.nodePort) {
		for (const node of Object.values(state.nodes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			choices.push({
				mode: `node:${node.name}`,
				label: `NodePort  ${node.internalIP}:${aimed.nodePort} (${node.name})`,
				target: `${node.internalIP}:${aimed.nodePort}`,
			});
		}
	}
	for (const {ip} of service.status.loadBalancer.ingress ?? []) choices.push({mode: 'loadBalancer', label: `LB IP     ${ip}:${p}`, target: `${ip}:${p}`});
	for (const ip of service.spec.externalIPs ?? []) choices.push({mode: 'externalIP', label: `externalIP ${ip}:${p}`, target: `${ip}:${p}`});
	return choices;
}

/** The target for the chosen mode, falling back to the DNS name when the Service lacks it. */
export function targetFor(state: State, service: Service, mode: string): string {
	const choices = addressChoices(state, service);
	return (choices.find(c => c.mode === mode) ?? choices[0]).target;
}

export interface ClientChoice {
	/** The `--from … [-n NS]` flags ('' for the default in-cluster client). */
	flags: string;
	/** Who sends, as the row names it: `pod/curl`, `node/node-1`, `external`. */
	who: string;
	label: string;
}

export function clientChoices(state: State, service: Service | undefined): ClientChoice[] {
	// Who sends, then from which address: the `who` column is aligned so the list reads as a table.
	// The default client is no pod of the API (README, `curl`): the row says so, and where it sits.
	const rows: Array<{flags: string; who: string; what: string}> = [];
	const test = resolveClient(state, {kind: 'default'});
	if (test.ok) rows.push({flags: '', who: 'pod/curl', what: `${test.client.ip} (default, ${test.client.nodeName}) · test client, not in get pods`});
	for (const c of state.config.externalClients) {
		rows.push({flags: c.name === 'external' ? '--from external' : `--from ${c.name}`, who: c.name, what: `${c.ip} (outside the cluster)`});
	}
	for (const node of Object.values(state.nodes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		rows.push({flags: `--from node/${node.name}`, who: `node/${node.name}`, what: `${node.internalIP} (host network: no cluster DNS)`});
	}
	const pods = listRows(state.pods)
		.filter(p => p.podIP !== null && p.containersRunning && p.deletionTimestamp === null)
		.sort((a, b) => {
			// The selected Service's own namespace first: that is where short names resolve.
			const an = a.namespace === service?.namespace ? 0 : 1;
			const bn = b.namespace === service?.namespace ? 0 : 1;
			return an - bn || (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : 1);
		})
		.slice(0, 30);
	for (const pod of pods) {
		rows.push({flags: `--from pod/${pod.name} -n ${pod.namespace}`, who: `pod/${pod.name}`, what: `${pod.podIP} (${pod.namespace}, ${pod.nodeName})`});
	}
	const width = Math.min(32, Math.max(...rows.map(r => r.who.length)));
	return rows.map(r => ({flags: r.flags, who: r.who, label: `${r.who.padEnd(width)}  ${r.what}`}));
}
