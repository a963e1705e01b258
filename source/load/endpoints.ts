// A user-supplied Endpoints object, for a Service without a selector (docs/semantics.md
// S81), validated like ValidateEndpoints.

import {isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidPortNum, specialIPErrors} from '../apimachinery/validation.js';
import type {EndpointAddressInput, EndpointPortInput, EndpointSubsetInput, EndpointsInput} from '../sim/types.js';
import {invalid, required, unsupported} from './field-error.js';
import {decodeMeta} from './metadata.js';
import {type Obj, type Problems, readInt, readObject, readObjectList, readString} from './object-reader.js';
import {isProtocol, protocols} from './pod-spec.js';
import type {Path} from './types.js';

function decodeAddress(item: Obj, at: Path, p: Problems): EndpointAddressInput {
	const ip = readString(item, 'ip', at, p) ?? '';
	const hostname = readString(item, 'hostname', at, p);
	const nodeName = readString(item, 'nodeName', at, p);
	const targetRef = readObject(item, 'targetRef', at, p);
	// validateEndpointAddress checks the address twice, unlike ValidateService's externalIPs: IsValidIP
	// first, ValidateNonSpecialIP last, and the second one has its own wording for an address it
	// cannot parse, so a missing or malformed IP gets both messages, around the hostname and nodeName ones.
	for (const msg of isValidIP(ip)) p.errors.push(invalid([...at, 'ip'], ip, msg));
	if (hostname) for (const msg of isDNS1123Label(hostname)) p.errors.push(invalid([...at, 'hostname'], hostname, msg));
	// A pointer in the Go type: given at all (even as ""), it is checked.
	if (nodeName !== undefined) for (const msg of isDNS1123Subdomain(nodeName)) p.errors.push(invalid([...at, 'nodeName'], nodeName, msg));
	const special = isValidIP(ip).length > 0 ? ['must be a valid IP address'] : specialIPErrors(ip);
	for (const msg of special) p.errors.push(invalid([...at, 'ip'], ip, msg));
	const out: EndpointAddressInput = {ip};
	if (hostname) out.hostname = hostname;
	if (nodeName) out.nodeName = nodeName;
	if (targetRef !== undefined) {
		const refAt = [...at, 'targetRef'];
		const ref: NonNullable<EndpointAddressInput['targetRef']> = {
			kind: readString(targetRef, 'kind', refAt, p) ?? '',
			name: readString(targetRef, 'name', refAt, p) ?? '',
		};
		const namespace = readString(targetRef, 'namespace', refAt, p);
		if (namespace) ref.namespace = namespace;
		out.targetRef = ref;
	}
	return out;
}

function decodePort(item: Obj, at: Path, requireName: boolean, p: Problems): EndpointPortInput | null {
	const name = readString(item, 'name', at, p) ?? '';
	const port = readInt(item, 'port', at, p) ?? 0;
	const protocol = readString(item, 'protocol', at, p) || 'TCP';
	if (requireName && name === '') p.errors.push(required([...at, 'name']));
	else if (name !== '') for (const msg of isDNS1123Label(name)) p.errors.push(invalid([...at, 'name'], name, msg));
	for (const msg of isValidPortNum(port)) p.errors.push(invalid([...at, 'port'], port, msg));
	const protocolOk = isProtocol(protocol);
	if (!protocolOk) p.errors.push(unsupported([...at, 'protocol'], protocol, protocols));
	// validateEndpointPort: appProtocol is a qualified name, as on a Service port.
	const appProtocol = readString(item, 'appProtocol', at, p);
	if (appProtocol !== undefined) for (const msg of isQualifiedName(appProtocol)) p.errors.push(invalid([...at, 'appProtocol'], appProtocol, msg));
	if (!protocolOk) return null;
	return {name, port, protocol};
}

export function decodeEndpoints(object: Obj, p: Problems): EndpointsInput {
	const meta = decodeMeta(object, {namespaced: true, nameRule: isDNS1123Subdomain}, p);
	const subsets: EndpointSubsetInput[] = [];
	for (const {item, index} of readObjectList(object, 'subsets', [], p) ?? []) {
		const at: Path = ['subsets', index];
		const addresses = (readObjectList(item, 'addresses', at, p) ?? []).map(a => decodeAddress(a.item, [...at, 'addresses', a.index], p));
		const notReadyAddresses = (readObjectList(item, 'notReadyAddresses', at, p) ?? []).map(a =>
			decodeAddress(a.item, [...at, 'notReadyAddresses', a.index], p),
		);
		if (addresses.length === 0 && notReadyAddresses.length === 0) {
			p.errors.push(required(at, 'must specify `addresses` or `notReadyAddresses`'));
		}
		const portItems = readObjectList(item, 'ports', at, p) ?? [];
		const ports: EndpointPortInput[] = [];
		for (const {item: portItem, index: i} of portItems) {
			const port = decodePort(portItem, [...at, 'ports', i], portItems.length > 1, p);
			if (port !== null) ports.push(port);
		}
		subsets.push({addresses, notReadyAddresses, ports});
	}
	return {meta, subsets};
}
