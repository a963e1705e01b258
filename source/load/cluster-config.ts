// Our own config document, `apiVersion: k8s-svc-tui/v1, kind: Cluster` (docs/architecture.md
// "Domain model"). Unlike Kubernetes objects, every field here is known, so an unknown one
// is an error (kubectl's strict decoding wording).

import {isDNS1123Subdomain} from '../apimachinery/validation.js';
import {parseCIDR, parseIPv4} from '../sim/ip.js';
import type {ClusterConfigInput, ExternalClient, NodeInput, ProxyMode} from '../sim/types.js';
import {duplicate, fieldPath, invalid, required, unsupported} from './field-error.js';
import {goQuote} from './go-format.js';
import {validateLabels} from './metadata.js';
import {get, type Obj, type Problems, readInt, readNumber, readObjectList, readString, readStringList, readStringMap, typeError} from './object-reader.js';
import type {Path} from './types.js';

const topFields = [
	'apiVersion',
	'kind',
	'metadata',
	'nodes',
	'serviceCIDR',
	'podCIDR',
	'nodePortRange',
	'proxyMode',
	'loadBalancerPool',
	'externalClients',
	'podStartSeconds',
	'maxPodsPerNode',
];
const nodeFields = ['name', 'internalIP', 'podCIDR', 'labels'];
const clientFields = ['name', 'ip'];
const proxyModes: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];
/** The largest cluster Kubernetes supports (its documented scalability limit). */
const maxNodes = 5000;
const ipv4Message = 'must be a valid IPv4 address (the simulator models IPv4 clusters)';
const cidrMessage = 'must be a valid IPv4 CIDR, e.g. 10.96.0.0/12';

function unknownFields(object: Obj, known: readonly string[], at: Path, p: Problems): void {
	for (const key of Object.keys(object)) {
		if (!known.includes(key)) {
			const name = fieldPath([...at, key]);
			p.errors.push({at: [...at, key], field: '', body: `strict decoding error: unknown field ${goQuote(name)}`, plain: true, onKey: true});
		}
	}
}

function readIPv4(object: Obj, key: string, at: Path, p: Problems): string | undefined {
	const value = readString(object, key, at, p);
	if (value !== undefined && parseIPv4(value) === null) p.errors.push(invalid([...at, key], value, ipv4Message));
	return value;
}

function readCIDR(object: Obj, key: string, at: Path, p: Problems): string | undefined {
	const value = readString(object, key, at, p);
	if (value !== undefined && parseCIDR(value) === null) p.errors.push(invalid([...at, key], value, cidrMessage));
	return value;
}

function decodeNodes(config: Obj, p: Problems): number | NodeInput[] | undefined {
	const value = get(config, 'nodes');
	if (value === undefined) return undefined;
	if (typeof value === 'number') {
		const count = readInt(config, 'nodes', [], p);
		if (count === undefined) return undefined;
		// 0, like `nodes: []`, is a cluster without nodes (sim/initial-state.ts nodeInputs).
		if (count < 0) p.errors.push(invalid(['nodes'], count, 'must be greater than or equal to 0'));
		else if (count > maxNodes) p.errors.push(invalid(['nodes'], count, `must be no more than ${maxNodes}`));
		return count;
	}
	if (!Array.isArray(value)) {
		p.errors.push(typeError(['nodes'], value, 'a number or a list of nodes'));
		return undefined;
	}
	const nodes: NodeInput[] = [];
	const names = new Set<string>();
	for (const {item, index} of readObjectList(config, 'nodes', [], p) ?? []) {
		const at: Path = ['nodes', index];
		unknownFields(item, nodeFields, at, p);
		const name = readString(item, 'name', at, p) ?? '';
		if (name === '') p.errors.push(required([...at, 'name']));
		else {
			for (const msg of isDNS1123Subdomain(name)) p.errors.push(invalid([...at, 'name'], name, msg));
			if (names.has(name)) p.errors.push(duplicate([...at, 'name'], name));
			names.add(name);
		}
		const node: NodeInput = {name};
		const internalIP = readIPv4(item, 'internalIP', at, p);
		const podCIDR = readCIDR(item, 'podCIDR', at, p);
		const labels = readStringMap(item, 'labels', at, p);
		if (labels) p.errors.push(...validateLabels(labels, [...at, 'labels']));
		if (internalIP !== undefined) node.internalIP = internalIP;
		if (podCIDR !== undefined) node.podCIDR = podCIDR;
		if (labels !== undefined) node.labels = labels;
		nodes.push(node);
	}
	if (nodes.length > maxNodes) p.errors.push(invalid(['nodes'], {raw: `[${nodes.length} nodes]`}, `must be no more than ${maxNodes}`));
	return nodes;
}

function decodeNodePortRange(config: Obj, p: Problems): string | undefined {
	const value = readString(config, 'nodePortRange', [], p);
	if (value === undefined) return undefined;
	const match = /^(\d{1,5})-(\d{1,5})$/.exec(value.trim());
	const low = match ? Number(match[1]) : NaN;
	const high = match ? Number(match[2]) : NaN;
	if (!(low >= 1 && high <= 65535 && low <= high)) {
		p.errors.push(invalid(['nodePortRange'], value, 'must be a port range like "30000-32767" within 1-65535'));
	}
	return value.trim();
}

function decodePool(config: Obj, p: Problems): string[] | undefined {
	const pool = readStringList(config, 'loadBalancerPool', [], p);
	pool?.forEach((entry, i) => {
		const ok = entry.includes('/') ? parseCIDR(entry) !== null : parseIPv4(entry) !== null;
		if (!ok) p.errors.push(invalid(['loadBalancerPool', i], entry, 'must be an IPv4 address or CIDR'));
	});
	return pool;
}

function decodeClients(config: Obj, p: Problems): ExternalClient[] | undefined {
	const list = readObjectList(config, 'externalClients', [], p);
	if (list === undefined) return undefined;
	const clients: ExternalClient[] = [];
	const names = new Set<string>();
	for (const {item, index} of list) {
		const at: Path = ['externalClients', index];
		unknownFields(item, clientFields, at, p);
		const name = readString(item, 'name', at, p) ?? '';
		if (name === '') p.errors.push(required([...at, 'name']));
		else if (names.has(name)) p.errors.push(duplicate([...at, 'name'], name));
		names.add(name);
		const ip = readIPv4(item, 'ip', at, p);
		if (ip === undefined) p.errors.push(required([...at, 'ip']));
		clients.push({name, ip: ip ?? ''});
	}
	return clients;
}

export function decodeClusterConfig(config: Obj, p: Problems): ClusterConfigInput {
	unknownFields(config, topFields, [], p);
	const out: ClusterConfigInput = {};
	const nodes = decodeNodes(config, p);
	const serviceCIDR = readCIDR(config, 'serviceCIDR', [], p);
	const podCIDR = readCIDR(config, 'podCIDR', [], p);
	const nodePortRange = decodeNodePortRange(config, p);
	const proxyMode = readString(config, 'proxyMode', [], p);
	const loadBalancerPool = decodePool(config, p);
	const externalClients = decodeClients(config, p);
	const podStartSeconds = readNumber(config, 'podStartSeconds', [], p);
	const maxPodsPerNode = readInt(config, 'maxPodsPerNode', [], p);

	// docs/semantics.md S43: the kubernetes Service takes the first address; the range needs 8.
	const serviceRange = serviceCIDR === undefined ? null : parseCIDR(serviceCIDR);
	if (serviceRange && serviceRange.size < 8) {
		p.errors.push(invalid(['serviceCIDR'], serviceCIDR, 'must hold at least 8 addresses (a /29 or larger)'));
	}
	// docs/semantics.md B5: one /24 per node out of the pod CIDR. More nodes than /24s is a cluster
	// a real one can be: the nodes past the range get no podCIDR and stay NotReady (sim/node-ipam.ts).
	const podRange = podCIDR === undefined ? null : parseCIDR(podCIDR);
	if (podRange && podRange.prefix > 24) {
		p.errors.push(invalid(['podCIDR'], podCIDR, 'must be a /24 or larger (each node gets a /24)'));
	}
	if (proxyMode !== undefined && !(proxyModes as readonly string[]).includes(proxyMode)) {
		p.errors.push(unsupported(['proxyMode'], proxyMode, proxyModes));
	}
	if (podStartSeconds !== undefined && podStartSeconds < 0) {
		p.errors.push(invalid(['podStartSeconds'], podStartSeconds, 'must be greater than or equal to 0'));
	}
	if (maxPodsPerNode !== undefined && maxPodsPerNode < 1) {
		p.errors.push(invalid(['maxPodsPerNode'], maxPodsPerNode, 'must be greater than or equal to 1'));
	}

	if (nodes !== undefined) out.nodes = nodes;
	if (serviceCIDR !== undefined) out.serviceCIDR = serviceCIDR;
	if (podCIDR !== undefined) out.podCIDR = podCIDR;
	if (nodePortRange !== undefined) out.nodePortRange = nodePortRange;
	if (proxyMode !== undefined) out.proxyMode = proxyMode as ProxyMode;
	if (loadBalancerPool !== undefined) out.loadBalancerPool = loadBalancerPool;
	if (externalClients !== undefined) out.externalClients = externalClients;
	if (podStartSeconds !== undefined) out.podStartSeconds = podStartSeconds;
	if (maxPodsPerNode !== undefined) out.maxPodsPerNode = maxPodsPerNode;
	return out;
}
