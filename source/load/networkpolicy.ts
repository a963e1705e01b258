// A NetworkPolicy (networking.k8s.io/v1): decoded, defaulted and validated as the API server does
// (kubernetes/kubernetes pkg/apis/networking/v1/defaults.go, pkg/apis/networking/validation/
// validation.go ValidateNetworkPolicy, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer,
// ValidateIPBlock).

import {isDNS1123Subdomain, isValidCIDR, isValidPortName, isValidPortNum, validCIDRMessage} from '../apimachinery/validation.js';
import {parseCIDR} from '../sim/ip.js';
import type {IPBlock, LabelSelector, NetworkPolicyInput, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, Protocol} from '../sim/types.js';
import {forbidden, invalid, required, unsupported} from './field-error.js';
import {goQuote} from './go-format.js';
import {decodeLabelSelector} from './label-selector.js';
import {decodeMeta} from './metadata.js';
import {type Obj, type Problems, readInt, readIntOrString, readObject, readObjectList, readString, readStringList} from './object-reader.js';
import type {Path} from './types.js';

const protocols: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const policyTypes: readonly PolicyType[] = ['Ingress', 'Egress'];

function decodePort(item: Obj, at: Path, p: Problems): NetworkPolicyPort {
	const protocol = readString(item, 'protocol', at, p);
	const port = readIntOrString(item, 'port', at, p);
	const endPort = readInt(item, 'endPort', at, p);
	if (protocol !== undefined && !(protocols as readonly string[]).includes(protocol)) p.errors.push(unsupported([...at, 'protocol'], protocol, protocols));
	if (typeof port === 'number') {
		for (const msg of isValidPortNum(port)) p.errors.push(invalid([...at, 'port'], port, msg));
		if (endPort !== undefined) {
			if (endPort < port) p.errors.push(invalid([...at, 'endPort'], endPort, 'must be greater than or equal to `port`'));
			for (const msg of isValidPortNum(endPort)) p.errors.push(invalid([...at, 'endPort'], endPort, msg));
		}
	} else if (typeof port === 'string') {
		if (endPort !== undefined) p.errors.push(invalid([...at, 'endPort'], endPort, 'may not be specified when `port` is non-numeric'));
		for (const msg of isValidPortName(port)) p.errors.push(invalid([...at, 'port'], port, msg));
	} else if (endPort !== undefined) {
		p.errors.push(invalid([...at, 'endPort'], endPort, 'may not be specified when `port` is not specified'));
	}
	// SetDefaults_NetworkPolicyPort: an omitted protocol is TCP.
	const out: NetworkPolicyPort = {protocol: (protocol ?? 'TCP') as Protocol};
	if (port !== undefined) out.port = port;
	if (endPort !== undefined) out.endPort = endPort;
	return out;
}

/** `except` must lie strictly inside `cidr` (a longer prefix within it). IPv6 blocks are checked for syntax only: the simulator's addresses are IPv4. */
function decodeIPBlock(block: Obj, at: Path, p: Problems): IPBlock {
	const cidr = readString(block, 'cidr', at, p) ?? '';
	const except = readStringList(block, 'except', at, p) ?? [];
	if (cidr === '') {
		p.errors.push(required([...at, 'cidr']));
		return {cidr, except};
	}
	if (!isValidCIDR(cidr)) {
		p.errors.push(invalid([...at, 'cidr'], cidr, validCIDRMessage));
		return {cidr, except};
	}
	const outer = parseCIDR(cidr);
	except.forEach((text, i) => {
		const exceptAt = [...at, 'except', i];
		if (!isValidCIDR(text)) {
			p.errors.push(invalid(exceptAt, text, validCIDRMessage));
			return;
		}
		const inner = parseCIDR(text);
		if (outer === null || inner === null) return;
		const inside = inner.base >= outer.base && inner.base < outer.base + outer.size;
		if (!inside || outer.prefix >= inner.prefix) p.errors.push(invalid(exceptAt, text, 'must be a strict subset of `cidr`'));
	});
	return {cidr, except};
}

function decodePeer(item: Obj, at: Path, p: Problems): NetworkPolicyPeer {
	const peer: NetworkPolicyPeer = {};
	const selector = (key: 'podSelector' | 'namespaceSelector'): LabelSelector | undefined => {
		const object = readObject(item, key, at, p);
		return object === undefined ? undefined : decodeLabelSelector(object, [...at, key], p);
	};
	const podSelector = selector('podSelector');
	const namespaceSelector = selector('namespaceSelector');
	const ipBlock = readObject(item, 'ipBlock', at, p);
	if (podSelector) peer.podSelector = podSelector;
	if (namespaceSelector) peer.namespaceSelector = namespaceSelector;
	if (ipBlock) peer.ipBlock = decodeIPBlock(ipBlock, [...at, 'ipBlock'], p);
	const count = [podSelector, namespaceSelector, ipBlock].filter(x => x !== undefined).length;
	if (count === 0) p.errors.push(required(at, 'must specify a peer'));
	else if (count > 1 && ipBlock) p.errors.push(forbidden(at, 'may not specify both ipBlock and another peer'));
	return peer;
}

function decodeRules(spec: Obj | undefined, key: 'ingress' | 'egress', at: Path, p: Problems): NetworkPolicyRule[] {
	const peersKey = key === 'ingress' ? 'from' : 'to';
	return (readObjectList(spec, key, at, p) ?? []).map(({item, index}) => {
		const ruleAt = [...at, key, index];
		const ports = (readObjectList(item, 'ports', ruleAt, p) ?? []).map(port => decodePort(port.item, [...ruleAt, 'ports', port.index], p));
		const peers = (readObjectList(item, peersKey, ruleAt, p) ?? []).map(peer => decodePeer(peer.item, [...ruleAt, peersKey, peer.index], p));
		return {ports, peers};
	});
}

export function decodeNetworkPolicy(object: Obj, p: Problems): NetworkPolicyInput {
	const meta = decodeMeta(object, {namespaced: true, nameRule: isDNS1123Subdomain}, p);
	const at: Path = ['spec'];
	const spec = readObject(object, 'spec', [], p);
	const selectorObject = readObject(spec, 'podSelector', at, p);
	const podSelector = selectorObject ? decodeLabelSelector(selectorObject, [...at, 'podSelector'], p) : {matchLabels: {}, matchExpressions: []};
	const ingress = decodeRules(spec, 'ingress', at, p);
	const egress = decodeRules(spec, 'egress', at, p);
	const given = readStringList(spec, 'policyTypes', at, p) ?? [];
	if (given.length > policyTypes.length) {
		// field.Invalid prints the slice with %#v, in the internal API's package name.
		const raw = `[]networking.PolicyType{${given.map(goQuote).join(', ')}}`;
		p.errors.push(invalid([...at, 'policyTypes'], {raw}, 'may not specify more than two policyTypes'));
	} else {
		given.forEach((type, i) => {
			if (!(policyTypes as readonly string[]).includes(type)) p.errors.push(unsupported([...at, 'policyTypes', i], type, policyTypes));
		});
	}
	// SetDefaults_NetworkPolicy: Ingress always, Egress too when there are egress rules.
	const types = given.length > 0 ? (given as PolicyType[]) : egress.length > 0 ? (['Ingress', 'Egress'] as PolicyType[]) : (['Ingress'] as PolicyType[]);
	return {meta, spec: {podSelector, ingress, egress, policyTypes: types}};
}
