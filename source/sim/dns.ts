// Cluster DNS: CoreDNS's `kubernetes` plugin for the zone, and the pod resolver's search path
// with ndots:5 (K8S-SEMANTICS F1-F6; DETAIL S100-S112).

import type {Draft} from './draft.js';
import {objectKey} from './keys.js';
import {random} from './prng.js';
import type {Client, DnsQuery, DnsRecord, DnsResult, EndpointAddress, Service, State} from './types.js';

/** kubeadm's Corefile sets `ttl 30` (S100). */
const TTL = 30;

type Answer = {rcode: 'NOERROR' | 'NXDOMAIN'; answers: DnsRecord[]};

const NX: Answer = {rcode: 'NXDOMAIN', answers: []};
const NODATA: Answer = {rcode: 'NOERROR', answers: []};

export const serviceFQDN = (state: State, service: Pick<Service, 'name' | 'namespace'>) =>
	`${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`;

const dashed = (ip: string) => ip.replace(/\./g, '-');

/** Addresses DNS publishes: ready ones (ready is forced by publishNotReadyAddresses, S104). */
function publishedAddresses(state: State, service: Service): EndpointAddress[] {
	const endpoints = state.endpoints[objectKey(service.namespace, service.name)];
	if (!endpoints) return [];
	return Object.values(endpoints.addresses)
		.filter(a => a.ready)
		.sort((a, b) => compareIP(a.ip, b.ip));
}

export function compareIP(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
	return 0;
}

/** CoreDNS's `loadbalance` plugin shuffles A records on every answer (S100). */
function shuffle<T>(d: Draft, items: T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random(d) * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

// Top-level domains the public DNS answers under. The simulator does not model the internet,
// so a name under one of these is "forwarded upstream"; any other name (`web-1.nginx`,
// `db.internal`) is NXDOMAIN there too, as a real resolver would say. Two-letter labels are
// country codes.
const PUBLIC_TLDS = new Set(
	'com org net edu gov mil int arpa io dev app cloud ai co me info biz xyz tech online site page run sh so ly tv fm gg to ws cc eu asia name pro mobi jobs travel'.split(
		' ',
	),
);

function publiclyResolvable(name: string): boolean {
	const labels = name.split('.');
	const tld = labels[labels.length - 1]!;
	return labels.length > 1 && (PUBLIC_TLDS.has(tld) || /^[a-z]{2}$/.test(tld));
}

const inZone = (state: State, name: string) => name === state.config.clusterDomain || name.endsWith(`.${state.config.clusterDomain}`);

/** Answer one absolute in-zone name (without the trailing dot). */
export function lookup(d: Draft, fqdn: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	const zone = state.config.clusterDomain;
	const name = fqdn.toLowerCase();
	if (name === zone) return NODATA;
	const labels = name.slice(0, -(zone.length + 1)).split('.');
	const kind = labels[labels.length - 1];
	if (kind === 'svc') {
		if (labels.length === 1) return NODATA;
		const namespace = labels[labels.length - 2]!;
		if (!state.namespaces[namespace]) return NX; // S110: unknown namespace is NXDOMAIN
		if (labels.length === 2) return NODATA;
		const service = state.services[objectKey(namespace, labels[labels.length - 3]!)];
		if (!service) return NX;
		if (labels.length === 3) return serviceAnswer(d, service, name, qtype);
		if (labels.length === 4) return endpointAnswer(state, service, labels[0]!, name);
		if (labels.length === 5 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_')) {
			return srvAnswer(state, service, name, labels[0]!.slice(1), labels[1]!.slice(1));
		}
		return NX;
	}
	if (kind === 'pod' && labels.length === 3) {
		// `pods insecure` (kubeadm): the IP comes from the name, the namespace must exist (S109).
		if (!state.namespaces[labels[1]!]) return NX;
		const ip = labels[0]!.replace(/-/g, '.');
		if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return NX;
		return {rcode: 'NOERROR', answers: [{name, type: 'A', ttl: TTL, data: ip}]};
	}
	return NX;
}

function serviceAnswer(d: Draft, service: Service, name: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	if (service.type === 'ExternalName') {
		// F4: a CNAME; CoreDNS follows it only when the target is inside its own zone.
		const target = service.externalName!.replace(/\.$/, '');
		const answers: DnsRecord[] = [{name, type: 'CNAME', ttl: TTL, data: `${target}.`}];
		if (qtype !== 'CNAME' && inZone(state, target)) answers.push(...lookup(d, target, qtype).answers);
		return {rcode: 'NOERROR', answers};
	}
	if (qtype === 'CNAME') return NODATA;
	if (qtype === 'SRV') return srvAnswer(state, service, name, null, null);
	if (service.clusterIP === 'None') {
		// F2, H5: a headless name answers with the ready pods, never a VIP; none ⇒ NXDOMAIN.
		const addresses = publishedAddresses(state, service);
		if (addresses.length === 0) return NX;
		return {
			rcode: 'NOERROR',
			answers: shuffle(d, addresses).map(a => ({name, type: 'A' as const, ttl: TTL, data: a.ip})),
		};
	}
	// F1, H8: the ClusterIP answers even with zero endpoints.
	return {rcode: 'NOERROR', answers: [{name, type: 'A', ttl: TTL, data: service.clusterIP!}]};
}

function endpointAnswer(state: State, service: Service, label: string, name: string): Answer {
	if (service.type === 'ExternalName') return NX;
	const match = publishedAddresses(state, service).filter(a => (a.hostname ?? dashed(a.ip)) === label);
	if (match.length === 0) return NX;
	return {rcode: 'NOERROR', answers: match.map(a => ({name, type: 'A' as const, ttl: TTL, data: a.ip}))};
}

/** F3, S103, S105: one SRV per named port (all ports for a bare service-name SRV query). */
function srvAnswer(state: State, service: Service, name: string, portName: string | null, proto: string | null): Answer {
	if (service.type === 'ExternalName') return NX;
	const ports = service.ports.filter(p => portName === null || (p.name === portName && p.protocol.toLowerCase() === proto));
	if (ports.length === 0) return NX;
	const base = serviceFQDN(state, service);
	const records: Array<{port: number; target: string}> = [];
	if (service.clusterIP === 'None') {
		for (const a of publishedAddresses(state, service)) {
			for (const p of ports) {
				const port = a.ports[p.name];
				if (port !== undefined) records.push({port, target: `${a.hostname ?? dashed(a.ip)}.${base}.`});
			}
		}
		if (records.length === 0) return NX;
	} else {
		for (const p of ports) records.push({port: p.port, target: `${base}.`});
	}
	const weight = Math.floor(100 / records.length);
	return {
		rcode: 'NOERROR',
		answers: records.map(r => ({name, type: 'SRV' as const, ttl: TTL, data: `0 ${weight} ${r.port} ${r.target}`})),
	};
}

/** Resolve as the client's resolver would (F5, F6; S111, S112). */
export function resolve(d: Draft, client: Client, question: string, qtype: DnsResult['qtype']): DnsResult {
	const state = d.s;
	const name = question.toLowerCase();
	const result: DnsResult = {
		question,
		qtype,
		tried: [],
		answers: [],
		rcode: 'NXDOMAIN',
		upstream: false,
		server: state.config.dnsIP,
	};
	const candidates: string[] = [];
	if (client.kind !== 'pod') {
		// F6: nodes and outside clients use their own resolver, which does not know the zone.
		candidates.push(name.replace(/\.$/, ''));
		result.server = client.kind === 'node' ? 'node resolver' : 'upstream resolver';
	} else if (name.endsWith('.')) candidates.push(name.slice(0, -1));
	else {
		const zone = state.config.clusterDomain;
		const search = [`${client.namespace}.svc.${zone}`, `svc.${zone}`, zone];
		const dots = name.split('.').length - 1;
		const withSearch = search.map(s => `${name}.${s}`);
		candidates.push(...(dots >= 5 ? [name, ...withSearch] : [...withSearch, name]));
	}
	for (const candidate of candidates) {
		if (client.kind !== 'pod' || !inZone(state, candidate)) {
			// Cluster names mean nothing to other resolvers, and the internet does not know names
			// outside its top-level domains.
			if (inZone(state, candidate) || !publiclyResolvable(candidate)) {
				result.tried.push({name: candidate, rcode: 'NXDOMAIN'});
				continue;
			}
			// Outside the zone CoreDNS forwards upstream, which the simulator does not model.
			result.tried.push({name: candidate, rcode: 'NOERROR'});
			result.upstream = true;
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
			return result;
		}
		const answer = lookup(d, candidate, qtype);
		const query: DnsQuery = {name: candidate, rcode: answer.rcode};
		result.tried.push(query);
		if (answer.answers.length > 0) {
			result.answers = answer.answers;
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
			return result;
		}
		if (answer.rcode === 'NOERROR') {
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
		}
	}
	return result;
}
