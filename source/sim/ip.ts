// IPv4 arithmetic on plain numbers. The simulator models IPv4 single-stack clusters.

export function parseIPv4(text: string): number | null {
	const parts = text.split('.');
	if (parts.length !== 4) return null;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part)) return null;
		const octet = Number(part);
		if (octet > 255) return null;
		value = value * 256 + octet;
	}
	return value;
}

export function formatIPv4(value: number): string {
	return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface Cidr {
	/** Network address as a number. */
	base: number;
	prefix: number;
	/** Number of addresses, network and broadcast included. */
	size: number;
}

export function parseCIDR(text: string): Cidr | null {
	const slash = text.indexOf('/');
	const bits = text.slice(slash + 1);
	if (slash === -1 || !/^\d{1,2}$/.test(bits)) return null;
	const ip = parseIPv4(text.slice(0, slash));
	const prefix = Number(bits);
	if (ip === null || prefix > 32) return null;
	const size = 2 ** (32 - prefix);
	const base = Math.floor(ip / size) * size;
	return {base, prefix, size};
}

/**
 * A range of the cluster config (serviceCIDR, podCIDR). The loader lets only IPv4 CIDRs in there
 * (load/cluster-config.ts) and resolveConfig fills in the rest, so a bad one is a bug here.
 */
export function configCIDR(text: string): Cidr {
	const cidr = parseCIDR(text);
	if (cidr === null) throw new Error(`internal error: the cluster config's range ${JSON.stringify(text)} is not an IPv4 CIDR`);
	return cidr;
}

export function formatCIDR(cidr: Cidr): string {
	return `${formatIPv4(cidr.base)}/${cidr.prefix}`;
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
	return ip >= cidr.base && ip < cidr.base + cidr.size;
}

export function ipInCIDR(ip: string, cidrText: string): boolean {
	const cidr = parseCIDR(cidrText);
	const value = parseIPv4(ip);
	return cidr !== null && value !== null && cidrContains(cidr, value);
}
