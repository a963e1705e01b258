// Address and port allocation, standing in for the API server's ipallocator and portallocator
// and for the CNI's host-local IPAM on each node.

import type {Draft} from './draft.js';
import {ipamSet, podIPSet} from './draft.js';
import {cidrContains, configCIDR, formatIPv4, parseCIDR, parseIPv4} from './ip.js';
import {randomInt} from './prng.js';
import {emptyTable} from './tables.js';
import type {State} from './types.js';

/** `detail` is the field error's body; `reason` the allocator's own error text, where callers wrap it differently. */
export type Allocation<T> = {ok: true; value: T} | {ok: false; detail: string; reason?: string};

// --- ClusterIPs (docs/semantics.md B1, B2; S40-S47) ---

interface ServiceRange {
	base: number;
	/** Allocatable addresses: network and broadcast excluded (S45). Index i ↦ base + 1 + i. */
	max: number;
	/** Start of the dynamic (upper) band (S46). */
	offset: number;
}

function serviceRange(state: State): ServiceRange {
	const cidr = configCIDR(state.config.serviceCIDR);
	const max = Math.max(0, cidr.size - 2);
	const offset = max <= 16 ? 0 : Math.min(Math.max(16, Math.floor(max / 16)), 256);
	return {base: cidr.base, max, offset};
}

/** The `index`-th allocatable service address (0 = the `kubernetes` Service's, B1). */
export function serviceIPAt(state: State, index: number): string {
	return formatIPv4(serviceRange(state).base + 1 + index);
}

export function allocateServiceIP(d: Draft, owner: string, requested?: string): Allocation<string> {
	const range = serviceRange(d.s);
	if (requested !== undefined) {
		const value = parseIPv4(requested);
		const index = value === null ? -1 : value - range.base - 1;
		const show = `[]string{"${requested}"}`;
		// The ServiceCIDR allocator (pkg/registry/core/service/ipallocator cidrallocator.go, the
		// default since v1.33): an address in no service CIDR has no allocator, ErrMismatchedNetwork;
		// the network or broadcast address of the CIDR is its allocator's ErrNotInRange.
		if (value === null || value < range.base || value > range.base + range.max + 1) {
			return {ok: false, detail: `Invalid value: ${show}: failed to allocate IP ${requested}: the provided network does not match the current range`};
		}
		if (index < 0 || index >= range.max) {
			return {
				ok: false,
				detail: `Invalid value: ${show}: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${d.s.config.serviceCIDR}`,
			};
		}
		if (d.s.ipam.serviceIPs[requested] !== undefined) {
			return {
				ok: false,
				detail: `Invalid value: ${show}: failed to allocate IP ${requested}: provided IP is already allocated`,
			};
		}
		ipamSet(d, 'serviceIPs', requested, owner);
		return {ok: true, value: requested};
	}
	// Dynamic: random start in the upper band, scan upward and wrap; the lower band only when
	// the upper one is full (S46).
	const pick = (lo: number, hi: number): string | null => {
		const size = hi - lo;
		if (size <= 0) return null;
		const start = randomInt(d, size);
		for (let i = 0; i < size; i++) {
			const ip = formatIPv4(range.base + 1 + lo + ((start + i) % size));
			if (d.s.ipam.serviceIPs[ip] === undefined) return ip;
		}
		return null;
	};
	const ip = pick(range.offset, range.max) ?? pick(0, range.offset);
	if (ip === null) return {ok: false, detail: 'Internal error occurred: failed to allocate a serviceIP: range is full'};
	ipamSet(d, 'serviceIPs', ip, owner);
	return {ok: true, value: ip};
}

// --- NodePorts (B3; docs/semantics.md S48-S51) ---

export function allocateNodePort(d: Draft, owner: string, requested?: number): Allocation<number> {
	const {nodePortMin: min, nodePortMax: max} = d.s.config;
	if (requested !== undefined) {
		// portallocator/allocator.go: ErrNotInRange, ErrAllocated.
		const refuse = (reason: string): Allocation<number> => ({ok: false, detail: `Invalid value: ${requested}: ${reason}`, reason});
		if (requested < min || requested > max) {
			return refuse(`provided port is not in the valid range. The range of valid ports is ${min}-${max}`);
		}
		if (d.s.ipam.nodePorts[requested] !== undefined) return refuse('provided port is already allocated');
		ipamSet(d, 'nodePorts', String(requested), owner);
		return {ok: true, value: requested};
	}
	const size = max - min + 1;
	const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
	const pick = (lo: number, hi: number): number | null => {
		const span = hi - lo;
		if (span <= 0) return null;
		const start = randomInt(d, span);
		for (let i = 0; i < span; i++) {
			const port = min + lo + ((start + i) % span);
			if (d.s.ipam.nodePorts[port] === undefined) return port;
		}
		return null;
	};
	const port = pick(offset, size) ?? pick(0, offset);
	if (port === null) return {ok: false, detail: 'Internal error occurred: failed to allocate a nodePort: range is full'};
	ipamSet(d, 'nodePorts', String(port), owner);
	return {ok: true, value: port};
}

// --- LoadBalancer pool: the simulated cloud gives each load balancer the lowest free address (B4) ---
// The details are this cloud's own error texts; the service controller wraps them (services.ts).

export function allocateLoadBalancerIP(d: Draft, owner: string, requested?: string): Allocation<string> | null {
	const pool = d.s.config.loadBalancerPool;
	if (pool.length === 0) return null; // no cloud controller: EXTERNAL-IP stays <pending>
	if (requested !== undefined) {
		if (!pool.includes(requested)) {
			return {ok: false, detail: `"${requested}" is not in the load-balancer pool`};
		}
		if (d.s.ipam.loadBalancerIPs[requested] !== undefined) {
			return {ok: false, detail: `"${requested}" is already assigned to ${d.s.ipam.loadBalancerIPs[requested]}`};
		}
		ipamSet(d, 'loadBalancerIPs', requested, owner);
		return {ok: true, value: requested};
	}
	for (const ip of pool) {
		if (d.s.ipam.loadBalancerIPs[ip] === undefined) {
			ipamSet(d, 'loadBalancerIPs', ip, owner);
			return {ok: true, value: ip};
		}
	}
	return {ok: false, detail: 'no available IPs in the load-balancer pool'};
}

// --- Pod IPs: host-local round robin inside the node's podCIDR (B5; docs/semantics.md S57) ---

/** Host indexes usable in a node's pod CIDR: skip the network address, the bridge (.1) and broadcast. */
function hostBounds(podCIDR: string): {base: number; first: number; last: number} | null {
	const cidr = parseCIDR(podCIDR);
	return cidr && {base: cidr.base, first: 2, last: cidr.size - 2};
}

export function allocatePodIP(d: Draft, nodeName: string, owner: string): string | null {
	const node = d.s.nodes[nodeName];
	// A Node document may give an IPv6 podCIDR; the simulator has no IPv4 address to hand out there.
	const bounds = node && hostBounds(node.podCIDR);
	if (!bounds) return null;
	const {base, first, last} = bounds;
	const entry = d.s.ipam.podIPs[nodeName] ?? {used: emptyTable<string>(), last: first - 1};
	const span = last - first + 1;
	// A freed address is not reused until the range wraps (S57).
	for (let i = 1; i <= span; i++) {
		const hostIndex = first + ((entry.last - first + i + span) % span);
		const ip = formatIPv4(base + hostIndex);
		if (entry.used[ip] === undefined) {
			podIPSet(d, nodeName, ip, owner, hostIndex);
			return ip;
		}
	}
	return null;
}

/** Record an address a dump (or a reserved client) already holds. */
export function reservePodIP(d: Draft, nodeName: string, ip: string, owner: string): void {
	podIPSet(d, nodeName, ip, owner);
}

export function releasePodIP(d: Draft, nodeName: string, ip: string): void {
	if (d.s.ipam.podIPs[nodeName]?.used[ip] !== undefined) podIPSet(d, nodeName, ip, null);
}

export function nodeForPodIP(state: State, ip: string): string | null {
	const value = parseIPv4(ip);
	if (value === null) return null;
	for (const node of Object.values(state.nodes)) {
		const cidr = parseCIDR(node.podCIDR);
		if (cidr && cidrContains(cidr, value)) return node.name;
	}
	return null;
}
