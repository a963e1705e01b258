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
	const match = /^([\d.]+)\/(\d{1,2})$/.exec(text);
	if (!match) return null;
	const ip = parseIPv4(match[1]!);
	const prefix = Number(match[2]);
	if (ip === null || prefix > 32) return null;
	const size = 2 ** (32 - prefix);
	const base = Math.floor(ip / size) * size;
	return {base, prefix, size};
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
