// Cluster DNS: CoreDNS's `kubernetes` plugin for the zone, and the pod resolver's search path
// with ndots:5 (docs/semantics.md F1-F6; S100-S112).

import type {Draft} from './draft.js';
import {objectKey} from './keys.js';
import {formatLabels} from './labels.js';
import {random} from './prng.js';
import type {Client, CnameStop, DnsQuery, DnsRecord, DnsResult, EndpointAddress, Service, State} from './types.js';
import {selectedPods, unreadySummary} from './unready.js';

/** kubeadm's Corefile sets `ttl 30` (S100). */
const TTL = 30;

type Answer = {rcode: 'NOERROR' | 'NXDOMAIN'; answers: DnsRecord[]; cnameStop?: CnameStop};

const NX: Answer = {rcode: 'NXDOMAIN', answers: []};
const NODATA: Answer = {rcode: 'NOERROR', answers: []};

const serviceFQDN = (state: State, service: Pick<Service, 'name' | 'namespace'>) => `${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`;

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
	for (let i = 0; i < 4; i++) {
		const x = pa[i];
		const y = pb[i];
		// A part missing on one side only (not an IPv4 address) gives NaN, which sort takes for equal.
		if (x !== y) return Number(x) - Number(y);
	}
	return 0;
}

/** CoreDNS's `loadbalance` plugin shuffles A records on every answer (S100). */
function shuffle(d: Draft, items: EndpointAddress[]): EndpointAddress[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random(d) * (i + 1));
		const a = out[i];
		const b = out[j];
		if (a === undefined || b === undefined) continue;
		out[i] = b;
		out[j] = a;
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
	const dot = name.lastIndexOf('.');
	const tld = name.slice(dot + 1);
	return dot !== -1 && (PUBLIC_TLDS.has(tld) || /^[a-z]{2}$/.test(tld));
}

const inZone = (state: State, name: string) => name === state.config.clusterDomain || name.endsWith(`.${state.config.clusterDomain}`);

/** Answer one absolute in-zone name (without the trailing dot). */
function lookup(d: Draft, fqdn: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	const name = fqdn.toLowerCase();
	const chain = followCnames(state, name);
	const first = chain.records[0];
	if (first === undefined && chain.end.kind === 'answer') return lookupName(d, name, qtype);
	// CoreDNS's CNAME() answers with the Service's own record and follows nothing.
	if (qtype === 'CNAME') return {rcode: 'NOERROR', answers: [first ?? cnameRecord(name, chain.end.name)]};
	if (chain.end.kind === 'stopped') return {...NODATA, cnameStop: {why: chain.end.why, chain: cnameNames(name, chain)}};
	const target = chain.end.name;
	// F4: outside the zone CoreDNS asks upstream, which the simulator does not model: the CNAMEs are the answer.
	if (!inZone(state, target)) return {rcode: 'NOERROR', answers: chain.records};
	// backend_lookup.go adds a CNAME only when what follows it has records: all or nothing.
	const answer = lookupName(d, target, qtype);
	if (answer.answers.length === 0) return {...NODATA, cnameStop: {why: 'no-records', chain: cnameNames(name, chain)}};
	return {rcode: 'NOERROR', answers: [...chain.records, ...answer.answers]};
}

/**
 * CoreDNS follows at most this many CNAMEs for one question: coredns/coredns
 * `plugin/backend_lookup.go` A() adds no CNAME once `len(previousRecords) > 7`.
 */
const MAX_CNAMES = 8;

/** Why following an ExternalName's CNAMEs ended, as CoreDNS's A() decides it. */
type ChainEnd = {kind: 'answer'; name: string} | {kind: 'stopped'; why: CnameStop['why']; name: string};

interface CnameChain {
	/** The CNAME records followed, from the question's name on. */
	records: DnsRecord[];
	/** `answer`: the name to answer (not an ExternalName); `stopped`: the target CoreDNS would not follow. */
	end: ChainEnd;
}

const cnameRecord = (name: string, target: string): DnsRecord => ({name, type: 'CNAME', ttl: TTL, data: `${target}.`});

/**
 * The ExternalName CNAMEs from `name` (lower case, in or out of the zone), followed one at a time
 * (a chain of thousands costs no stack) with coredns/coredns `plugin/backend_lookup.go` A()'s
 * three stops: `x CNAME x` or a target under x (Name.Matches, a "direct loop"), more than
 * MAX_CNAMES, and a target that an earlier CNAME of the chain already had (DuplicateCNAME).
 */
function followCnames(state: State, name: string): CnameChain {
	const records: DnsRecord[] = [];
	let current = name;
	for (;;) {
		const target = externalNameAt(state, current);
		if (target === undefined) return {records, end: {kind: 'answer', name: current}};
		if (target === current || target.endsWith(`.${current}`)) return {records, end: {kind: 'stopped', why: 'self', name: target}};
		if (records.length >= MAX_CNAMES) return {records, end: {kind: 'stopped', why: 'depth', name: target}};
		const record = cnameRecord(current, target);
		if (records.some(r => r.data === record.data)) return {records, end: {kind: 'stopped', why: 'loop', name: target}};
		records.push(record);
		current = target;
	}
}

/**
 * Where CoreDNS stops following an ExternalName Service's CNAMEs from its own name, if it does
 * (`self`, `loop` or `depth`; what the last target holds is not asked): for `check`.
 */
export function externalNameStop(state: State, service: Pick<Service, 'name' | 'namespace'>): CnameStop | undefined {
	const name = serviceFQDN(state, service).toLowerCase();
	const chain = followCnames(state, name);
	if (chain.end.kind !== 'stopped') return undefined;
	return {why: chain.end.why, chain: cnameNames(name, chain)};
}

/** Why a name that exists answers with no records, for nslookup's notes and curl's reasons. */
export function describeCnameStop(stop: CnameStop): string {
	const {chain} = stop;
	const last = chain[chain.length - 1] ?? '';
	switch (stop.why) {
		case 'self': {
			const owner = chain[chain.length - 2] ?? '';
			const what = owner === last ? 'itself' : `${last}, a name under itself`;
			return `${owner} is an ExternalName for ${what}: CoreDNS drops such a CNAME (a direct loop) and answers with no records`;
		}
		case 'loop':
			return `the ExternalName CNAMEs loop (${chain.join(' → ')}): CoreDNS stops at the repeated target and answers with no records`;
		case 'depth':
			return `the ExternalName CNAMEs go on past ${MAX_CNAMES} (${chain[0] ?? ''} → … → ${last}): CoreDNS follows at most ${MAX_CNAMES} and answers with no records`;
		case 'no-records':
			return `the ExternalName CNAMEs end at ${last}, which has no records: CoreDNS answers with none`;
	}
}

/** The names of a chain: the question's first, then each target followed. */
function cnameNames(name: string, chain: CnameChain): string[] {
	const names = [name, ...chain.records.map(r => r.data.slice(0, -1))];
	if (chain.end.kind === 'stopped') names.push(chain.end.name);
	if (chain.end.kind !== 'stopped' || chain.end.why !== 'loop') return names;
	// A loop ends at the first name seen twice: CoreDNS notices it one CNAME later when the
	// question's own name is in the loop (its name is no earlier target).
	const closes = names.findIndex((n, i) => names.indexOf(n) < i);
	return names.slice(0, closes + 1);
}

/** The externalName (lower case, without its final dot) when `name` is an ExternalName Service's own name. */
function externalNameAt(state: State, name: string): string | undefined {
	const zone = state.config.clusterDomain;
	if (!name.endsWith(`.svc.${zone}`)) return undefined;
	const labels = name.slice(0, -(zone.length + 5)).split('.');
	if (labels.length !== 2) return undefined;
	const [serviceName = '', namespace = ''] = labels;
	if (!state.namespaces[namespace]) return undefined;
	const spec = state.services[objectKey(namespace, serviceName)]?.spec;
	if (spec?.type !== 'ExternalName' || spec.externalName === undefined) return undefined;
	return spec.externalName.toLowerCase().replace(/\.$/, '');
}

/** One in-zone name's own records, CNAMEs aside (lookup follows those). */
function lookupName(d: Draft, name: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	const zone = state.config.clusterDomain;
	if (name === zone) return NODATA;
	// Names are read from the right: `[_port._proto.|endpoint.]service.namespace.svc`, `ip.namespace.pod`.
	const labels = name.slice(0, -(zone.length + 1)).split('.');
	const kind = labels.pop();
	if (kind === 'svc') {
		const namespace = labels.pop();
		if (namespace === undefined) return NODATA;
		if (!state.namespaces[namespace]) return NX; // S110: unknown namespace is NXDOMAIN
		const serviceName = labels.pop();
		if (serviceName === undefined) return NODATA;
		const service = state.services[objectKey(namespace, serviceName)];
		if (!service) return NX;
		const first = labels[0];
		const second = labels[1];
		if (first === undefined) return serviceAnswer(d, service, name, qtype);
		if (second === undefined) return endpointAnswer(state, service, first, name);
		if (labels.length === 2 && first.startsWith('_') && second.startsWith('_')) {
			return srvAnswer(state, service, name, first.slice(1), second.slice(1));
		}
		return NX;
	}
	if (kind === 'pod') {
		const namespace = labels.pop();
		const dashedIP = labels.pop();
		if (namespace === undefined || dashedIP === undefined || labels.length > 0) return NX;
		// `pods insecure` (kubeadm): the IP comes from the name, the namespace must exist (S109).
		if (!state.namespaces[namespace]) return NX;
		const ip = dashedIP.replace(/-/g, '.');
		if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return NX;
		return {rcode: 'NOERROR', answers: [{name, type: 'A', ttl: TTL, data: ip}]};
	}
	return NX;
}

function serviceAnswer(d: Draft, service: Service, name: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	// F4: an ExternalName is a CNAME, which lookup follows. The loader requires externalName of
	// every ExternalName Service; without one the name has no data.
	if (service.spec.type === 'ExternalName') return NODATA;
	if (qtype === 'CNAME') return NODATA;
	if (qtype === 'SRV') return srvAnswer(state, service, name, null, null);
	if (service.spec.clusterIP === 'None') {
		// F2, H5: a headless name answers with the ready pods, never a VIP; none ⇒ NXDOMAIN.
		const addresses = publishedAddresses(state, service);
		if (addresses.length === 0) return NX;
		return {
			rcode: 'NOERROR',
			answers: shuffle(d, addresses).map(a => ({name, type: 'A' as const, ttl: TTL, data: a.ip})),
		};
	}
	// F1, H8: the ClusterIP answers even with zero endpoints. Only ExternalName Services, answered
	// above, have none.
	if (service.spec.clusterIP === undefined) return NODATA;
	return {rcode: 'NOERROR', answers: [{name, type: 'A', ttl: TTL, data: service.spec.clusterIP}]};
}

function endpointAnswer(state: State, service: Service, label: string, name: string): Answer {
	if (service.spec.type === 'ExternalName') return NX;
	const match = publishedAddresses(state, service).filter(a => (a.hostname ?? dashed(a.ip)) === label);
	if (match.length === 0) return NX;
	return {rcode: 'NOERROR', answers: match.map(a => ({name, type: 'A' as const, ttl: TTL, data: a.ip}))};
}

/** F3, S103, S105: one SRV per named port (all ports for a bare service-name SRV query). */
function srvAnswer(state: State, service: Service, name: string, portName: string | null, proto: string | null): Answer {
	if (service.spec.type === 'ExternalName') return NX;
	const ports = (service.spec.ports ?? []).filter(p => portName === null || ((p.name ?? '') === portName && p.protocol.toLowerCase() === proto));
	if (ports.length === 0) return NX;
	const base = serviceFQDN(state, service);
	const records: Array<{port: number; target: string}> = [];
	if (service.spec.clusterIP === 'None') {
		for (const a of publishedAddresses(state, service)) {
			for (const p of ports) {
				const port = a.ports[p.name ?? ''];
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

/**
 * A pod's stub resolver when its nameserver does not reply. The resolv.conf the kubelet writes
 * has `options ndots:5` and nothing else, so timeout and attempts are the C library's defaults:
 * glibc resolv/resolv.h RES_TIMEOUT 5 and RES_DFLRETRY 2, and musl src/network/resolvconf.c
 * (timeout 5, attempts 2) alike.
 */
const RESOLVER_TIMEOUT_SECONDS = 5;
const RESOLVER_ATTEMPTS = 2;

/** How long a pod waits before its lookup fails, and why nothing answered: for curl and nslookup. */
export function describeDnsTimeout(timedOut: NonNullable<DnsResult['timedOut']>): string {
	const t = RESOLVER_TIMEOUT_SECONDS;
	return `no reply from ${timedOut.server}:53 (glibc gives up after ${RESOLVER_ATTEMPTS} tries of ${t} s, musl after ${t} s): ${timedOut.reason}`;
}

/**
 * Why nothing answers at the cluster DNS address, if nothing does: kube-proxy has no backend for
 * the kube-dns ClusterIP when it has no ready endpoint (pkg/proxy: only ready endpoints are
 * used), so with every CoreDNS pod Pending, unready or gone no reply ever comes.
 */
function clusterDnsDown(state: State): string | undefined {
	const owner = state.ipam.serviceIPs[state.config.dnsIP];
	const service = owner === undefined ? undefined : state.services[owner];
	if (!service || service.spec.clusterIP !== state.config.dnsIP) return `no Service has the cluster DNS address ${state.config.dnsIP}`;
	if (publishedAddresses(state, service).length > 0) return undefined;
	const name = `Service ${service.namespace}/${service.name}`;
	const selector = service.spec.selector;
	if (selector === undefined || Object.keys(selector).length === 0) return `${name} has no ready endpoints`;
	const pods = selectedPods(state, service);
	if (pods.length === 0) return `${name} has no ready endpoints: no pod in namespace "${service.namespace}" has labels ${formatLabels(selector)}`;
	return `${name} has no ready endpoints: none of its ${pods.length === 1 ? 'pod' : `${pods.length} pods`} is ready (${unreadySummary(pods)})`;
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
	if (client.kind === 'pod') {
		const down = clusterDnsDown(state);
		if (down !== undefined) {
			// glibc's res_nsearch stops at a timeout (it tries the next search domain only after
			// an answer), so no name is ever answered: the lookup fails as a whole.
			result.rcode = 'TIMEOUT';
			result.timedOut = {server: state.config.dnsIP, reason: down};
			return result;
		}
	}
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
			if (answer.cnameStop) result.cnameStop = answer.cnameStop;
			else delete result.cnameStop;
		}
	}
	return result;
}
