// Cluster DNS: CoreDNS's `kubernetes` plugin for the zone, and the pod resolver's search path
// with ndots:5 (docs/semantics.md F1-F6; S100-S112).

import type {Draft} from './draft.js';
import {parseIPv4} from './ip.js';
import {objectKey} from './keys.js';
import {formatLabels} from './labels.js';
import {hopVerdict} from './netpol.js';
import {random} from './prng.js';
import {getRow, listKeys, listRows} from './rows.js';
import {sourceSeen} from './source-nat.js';
import type {Client, CnameStop, DnsQuery, DnsRecord, DnsResult, EndpointAddress, PodSpec, Service, State} from './types.js';
import {selectedPods, unreadySummary} from './unready.js';

/** kubeadm's Corefile sets `ttl 30` (S100). */
const TTL = 30;

type Answer = {
	rcode: 'NOERROR' | 'NXDOMAIN';
	answers: DnsRecord[];
	cnameStop?: CnameStop;
	additional?: DnsRecord[];
	authority?: DnsRecord[];
	outside?: string;
};

const NX: Answer = {rcode: 'NXDOMAIN', answers: []};
const NODATA: Answer = {rcode: 'NOERROR', answers: []};

const serviceFQDN = (state: State, service: Pick<Service, 'name' | 'namespace'>) => `${service.name}.${service.namespace}.svc.${state.config.clusterDomain}`;

const dashed = (ip: string) => ip.replace(/\./g, '-');

/** Addresses DNS publishes: ready ones (ready is forced by publishNotReadyAddresses, S104). */
function publishedAddresses(state: State, service: Service): EndpointAddress[] {
	const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
	if (!endpoints) return [];
	return listRows(endpoints.addresses)
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
function shuffle<T>(d: Draft, items: T[]): T[] {
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

/**
 * kubeadm's Corefile serves `kubernetes cluster.local in-addr.arpa ip6.arpa` with `fallthrough
 * in-addr.arpa ip6.arpa`: the plugin answers the reverse zones too, and hands a reverse name it
 * has nothing for to the next plugin (`forward . /etc/resolv.conf`, the upstream resolver).
 */
const REVERSE_ZONES = ['in-addr.arpa', 'ip6.arpa'];
const reverseZone = (name: string) => REVERSE_ZONES.find(z => name === z || name.endsWith(`.${z}`));

/**
 * The SOA CoreDNS puts in the authority section of a negative answer (coredns/coredns
 * `plugin/backend_lookup.go` SOA(), written by BackendError): the zone as the question spelt it,
 * `ns.dns.<zone>` and `hostmaster.<zone>`, refresh 7200, retry 1800, expire 86400, minimum the
 * plugin's ttl and the record's TTL that ttl capped at 300. The serial is the Unix time of the last
 * change CoreDNS saw (`plugin/kubernetes/kubernetes.go` Serial, the controller's `modified`); the
 * simulator keeps no such instant, so it takes the current virtual time, from the same t=0
 * (2026-01-01T00:00:00Z) that source/view/timestamp.ts gives `creationTimestamp`.
 */
function soaRecord(state: State, zone: string): DnsRecord {
	const serial = VIRTUAL_EPOCH_SECONDS + Math.floor(state.clock / 1000);
	return {name: `${zone}.`, type: 'SOA', ttl: Math.min(TTL, 300), data: `ns.dns.${zone}. hostmaster.${zone}. ${serial} 7200 1800 86400 ${TTL}`};
}

/** 2026-01-01T00:00:00Z in Unix seconds. */
const VIRTUAL_EPOCH_SECONDS = 1_767_225_600;

/** The served zone holding `name` (lower case): the cluster domain or a reverse zone. */
const servedZone = (state: State, name: string) => (inZone(state, name) ? state.config.clusterDomain : reverseZone(name));

/** The zone's name as the question spelt it: CoreDNS's handler.go keeps the query's case for it. */
function zoneAsAsked(state: State, qname: string): string {
	const zone = servedZone(state, qname.toLowerCase()) ?? state.config.clusterDomain;
	return qname.slice(qname.length - zone.length);
}

/** Answer one absolute in-zone name (without the trailing dot), spelt as asked. */
function lookup(d: Draft, qname: string, qtype: DnsResult['qtype']): Answer {
	const answer = kubernetesAnswer(d, qname, qtype);
	// handler.go: an empty answer, NXDOMAIN or NODATA, goes out through BackendError with the SOA.
	if (answer.answers.length > 0 || answer.outside !== undefined) return answer;
	return {...answer, authority: [soaRecord(d.s, zoneAsAsked(d.s, qname))]};
}

/** coredns/coredns `plugin/kubernetes/handler.go` ServeDNS: one question, by its type. */
function kubernetesAnswer(d: Draft, qname: string, qtype: DnsResult['qtype']): Answer {
	const state = d.s;
	const name = qname.toLowerCase();
	// kubernetes.go Records answers nothing under a reverse zone but the PTR Reverse() finds.
	if (reverseZone(name) !== undefined) return qtype === 'PTR' ? reverseAnswer(state, qname, name) : NX;
	if (qtype === 'PTR') return found(state, qname, name) === null ? NX : NODATA; // Reverse() on a forward name
	// kubernetes.go Services: `ns.dns.<zone>` (isDefaultNS) is CoreDNS itself, A records only.
	if (name === `ns.dns.${state.config.clusterDomain}`) return qtype === 'A' ? nsAnswer(d, qname) : NODATA;
	if (qtype === 'SRV') return srvAnswer(state, qname, name);
	if (qtype === 'CNAME') {
		// backend_lookup.go CNAME(): the Service's own CNAME, followed nowhere.
		const items = found(state, qname, name);
		if (items === null) return NX;
		const first = items[0];
		return first !== undefined && 'cname' in first ? {rcode: 'NOERROR', answers: [cnameRecord(qname, first.cname)]} : NODATA;
	}
	const chain = followCnames(state, name);
	if (chain.records.length === 0 && chain.end.kind === 'answer') return addressAnswer(d, qname, name);
	const records = chain.records.map((r, i) => (i === 0 ? {...r, name: qname} : r));
	if (chain.end.kind === 'stopped') return {...NODATA, cnameStop: {why: chain.end.why, chain: cnameNames(name, chain)}};
	const target = chain.end.name;
	// F4: outside the zone CoreDNS asks upstream, which the simulator does not model: the CNAMEs are the answer.
	if (!inZone(state, target)) return {rcode: 'NOERROR', answers: records, outside: target};
	// backend_lookup.go adds a CNAME only when what follows it has records: all or nothing.
	const answer = addressAnswer(d, target, target);
	if (answer.answers.length === 0) return {...NODATA, cnameStop: {why: 'no-records', chain: cnameNames(name, chain)}};
	return {rcode: 'NOERROR', answers: [...records, ...answer.answers]};
}

/**
 * coredns/coredns `plugin/kubernetes/ns.go` nsAddrs: the Services whose endpoints hold the
 * answering CoreDNS pod's own address, by their ClusterIPs (a headless one by those endpoints).
 * Every CoreDNS replica sits behind the same Services, so the lowest address of the cluster DNS
 * Service stands for the one that answers; without one, nothing answers at all (clusterDnsDown).
 */
function nsAnswer(d: Draft, qname: string): Answer {
	const state = d.s;
	const owner = state.ipam.serviceIPs[state.config.dnsIP];
	const dns = owner === undefined ? undefined : getRow(state.services, owner);
	const self = dns === undefined ? undefined : publishedAddresses(state, dns)[0]?.ip;
	const ips: string[] = [];
	for (const key of listKeys(state.endpoints).sort()) {
		const svc = getRow(state.services, key);
		if (self === undefined || !svc || !publishedAddresses(state, svc).some(a => a.ip === self)) continue;
		const addresses = svc.spec.clusterIP === 'None' ? publishedAddresses(state, svc).map(a => a.ip) : (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']);
		// backend_lookup.go A() keeps one record per address.
		for (const ip of addresses) if (parseIPv4(ip) !== null && !ips.includes(ip)) ips.push(ip);
	}
	if (ips.length === 0) return NODATA;
	return {rcode: 'NOERROR', answers: shuffle(d, ips).map(ip => ({name: qname, type: 'A' as const, ttl: TTL, data: ip}))};
}

/**
 * CoreDNS follows at most this many CNAMEs for one question: coredns/coredns
 * `plugin/backend_lookup.go` A() adds no CNAME once `len(previousRecords) > maxCnameChainLength`,
 * 10 since CoreDNS v1.12.1 (the version kubeadm v1.34 deploys; it was 7 before), so the 11th is
 * the last one added.
 */
const MAX_CNAMES = 11;

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
	const spec = getRow(state.services, objectKey(namespace, serviceName))?.spec;
	if (spec?.type !== 'ExternalName' || spec.externalName === undefined) return undefined;
	const target = spec.externalName.toLowerCase().replace(/\.$/, '');
	// kubernetes.go findServices keeps an externalName only when msg.Service.HostType calls it a
	// CNAME, that is when it is no IP address.
	return parseIPv4(target) === null ? target : undefined;
}

/**
 * One of the values coredns/coredns `plugin/kubernetes/kubernetes.go` Records finds for a name (a
 * msg.Service): an address with a port and the name its key spells (the SRV target), or an
 * ExternalName's CNAME target.
 */
type Found = {ip: string; port: number; target: string} | {cname: string};

/** kubernetes.go matchPortAndProtocol: an empty part of the question matches anything; case does not matter. */
const portMatches = (port: string, name: string, protocol: string, proto: string) =>
	(port === '' || port === name.toLowerCase()) && (protocol === '' || protocol === proto.toLowerCase());

const stripUnderscore = (label: string) => (label.startsWith('_') ? label.slice(1) : label);

/**
 * What kubernetes.go Records (with parse.go parseRequest, findPods in `pods insecure` mode and
 * findServices) finds for a name; null for its name errors (errNoItems, errNsNotExposed,
 * errInvalidRequest: NXDOMAIN), an empty list for a name that exists without data (NODATA).
 * `qname` is the question as spelt, `name` the same in lower case (request.Name()).
 */
function found(state: State, qname: string, name: string): Found[] | null {
	const zone = state.config.clusterDomain;
	if (!inZone(state, name)) return null;
	const asked = zoneAsAsked(state, qname);
	const base = name === zone ? '' : name.slice(0, -(zone.length + 1));
	// parse.go: the zone, `svc.<zone>` and `pod.<zone>` are NODATA.
	if (base === '' || base === 'svc' || base === 'pod') return [];
	// Read from the right: `[_port._proto.|endpoint.]service.namespace.svc|pod`.
	const segs = base.split('.');
	const podOrSvc = segs.pop();
	if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return null;
	const namespace = segs.pop() ?? '';
	if (!state.namespaces[namespace]) return null; // S110: Records' namespaceExposed
	const serviceName = segs.pop();
	// findPods / findServices: no service (or pod) label is NODATA in a namespace that exists.
	if (serviceName === undefined) return [];
	if (segs.length > 2) return null; // "too long to answer"
	const endpoint = segs.length === 1 ? (segs[0] ?? '') : '';
	const protocol = segs.length === 2 ? stripUnderscore(segs[1] ?? '') : '';
	const port = segs.length === 2 ? stripUnderscore(segs[0] ?? '') : '';
	if (podOrSvc === 'pod') {
		// `pods insecure` (kubeadm): the address is read from the label whatever the pod (S109).
		const ip = serviceName.replace(/-/g, '.');
		if (!isIPv4(ip)) return null;
		return [{ip, port: 0, target: `${serviceName}.${namespace}.pod.${asked}`}];
	}
	const service = getRow(state.services, objectKey(namespace, serviceName));
	if (!service) return null;
	const base2 = `${service.name}.${service.namespace}.svc.${asked}`;
	if (service.spec.type === 'ExternalName') {
		// An ExternalName has no endpoints, ports or protocols under it.
		if (endpoint !== '' || port !== '' || protocol !== '') return null;
		const target = externalNameAt(state, `${serviceName}.${namespace}.svc.${zone}`);
		return target === undefined ? null : [{cname: target}];
	}
	const items: Found[] = [];
	if (service.spec.clusterIP === 'None' || endpoint !== '') {
		// F2, H5: a headless name (or any Service's endpoint name) answers with the ready pods and
		// the ports of their EndpointSlices, not the Service's.
		for (const a of publishedAddresses(state, service)) {
			const hostname = endpointHostname(a);
			if (endpoint !== '' && endpoint !== hostname.toLowerCase()) continue;
			for (const p of endpointPorts(state, service, a)) {
				if (portMatches(port, p.name, protocol, p.protocol)) items.push({ip: a.ip, port: p.port, target: `${hostname}.${base2}`});
			}
		}
	} else if (service.spec.clusterIP !== undefined) {
		// F1, H8: the ClusterIP, once per matching port, even with zero endpoints.
		for (const p of service.spec.ports ?? []) {
			if (portMatches(port, p.name ?? '', protocol, p.protocol)) items.push({ip: service.spec.clusterIP, port: p.port, target: base2});
		}
	}
	// findServices: nothing found is errNoItems.
	return items.length === 0 ? null : items;
}

const isIPv4 = (text: string) => parseIPv4(text) !== null && text.split('.').every(o => o === '0' || !o.startsWith('0'));

/** kubernetes.go endpointHostname: the endpoint's hostname, else its address with dashes. */
const endpointHostname = (a: EndpointAddress) => a.hostname ?? dashed(a.ip);

/**
 * The ports CoreDNS reads for an endpoint: those of its EndpointSlice, the Service ports this pod
 * serves (the slice controller groups endpoints by their resolved ports). A slice without ports
 * gets `plugin/kubernetes/object/endpoint.go`'s sentinel, port -1 with no name or protocol.
 */
function endpointPorts(state: State, service: Service, a: EndpointAddress): Array<{name: string; protocol: string; port: number}> {
	const declared = getRow(state.endpoints, objectKey(service.namespace, service.name))?.ports ?? [];
	const out = declared.flatMap(p => {
		const port = a.ports[p.name];
		return port === undefined ? [] : [{name: p.name, protocol: p.protocol, port}];
	});
	return out.length > 0 ? out : [{name: '', protocol: '', port: -1}];
}

/** backend_lookup.go A(): one A record per distinct address, named as asked. */
function addressAnswer(d: Draft, qname: string, name: string): Answer {
	const items = found(d.s, qname, name);
	if (items === null) return NX;
	const ips: string[] = [];
	for (const item of items) if ('ip' in item && !ips.includes(item.ip)) ips.push(item.ip);
	if (ips.length === 0) return NODATA;
	return {rcode: 'NOERROR', answers: shuffle(d, ips).map(ip => ({name: qname, type: 'A' as const, ttl: TTL, data: ip}))};
}

/**
 * F3, S103, S105: coredns/coredns `plugin/backend_lookup.go` SRV(). The weight shares 100 among
 * everything found, before duplicates are dropped; a record repeating a target and port (kube-dns's
 * `dns` and `dns-tcp`, both 53) is dropped, as is the -1 sentinel of a slice without ports; each
 * target's address goes once into the additional section. ExternalName CNAMEs are left out
 * (kubernetes.go Services: "SRV for external services is not yet implemented").
 */
function srvAnswer(state: State, qname: string, name: string): Answer {
	const items = found(state, qname, name);
	if (items === null) return NX;
	const addresses = items.filter((i): i is Extract<Found, {ip: string}> => 'ip' in i);
	const weight = Math.max(1, Math.floor((100 / (100 * addresses.length)) * 100));
	const answers: DnsRecord[] = [];
	const additional: DnsRecord[] = [];
	const seen = new Set<string>();
	for (const a of addresses) {
		if (a.port === -1) continue;
		const srv = `${a.target}.|${a.port}`;
		if (!seen.has(srv)) {
			seen.add(srv);
			answers.push({name: qname, type: 'SRV', ttl: TTL, data: `0 ${weight} ${a.port} ${a.target}.`});
		}
		const address = `${a.target}.|${a.ip}`;
		if (!seen.has(address)) {
			seen.add(address);
			additional.push({name: `${a.target}.`, type: 'A', ttl: TTL, data: a.ip});
		}
	}
	if (answers.length === 0) return NODATA;
	return {rcode: 'NOERROR', answers, additional};
}

/** `d.c.b.a.in-addr.arpa` → `a.b.c.d` (coredns `plugin/pkg/dnsutil` ExtractAddressFromReverse), or undefined. */
function reverseAddress(name: string): string | undefined {
	if (!name.endsWith('.in-addr.arpa')) return undefined;
	const ip = name.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.');
	return isIPv4(ip) ? ip : undefined;
}

/**
 * coredns/coredns `plugin/kubernetes/reverse.go` serviceRecordForIP: a ClusterIP names its Service;
 * otherwise every Service whose ready endpoints hold the address names it, as
 * `<hostname or dashed IP>.<service>.<namespace>.svc.<zone>` (backend_lookup.go PTR drops repeats).
 * A pod behind no Service has no PTR record. Nothing found is NXDOMAIN, which kubeadm's
 * `fallthrough in-addr.arpa` hands to the upstream resolver.
 */
function reverseAnswer(state: State, qname: string, name: string): Answer {
	const ip = reverseAddress(name);
	if (ip === undefined) return REVERSE_ZONES.includes(name) ? NODATA : NX;
	const zone = state.config.clusterDomain;
	const ptr = (target: string): DnsRecord => ({name: qname, type: 'PTR', ttl: TTL, data: `${target}.`});
	const owner = state.ipam.serviceIPs[ip];
	const service = owner === undefined ? undefined : getRow(state.services, owner);
	if (service && service.spec.clusterIP === ip) return {rcode: 'NOERROR', answers: [ptr(serviceFQDN(state, service))]};
	const targets: string[] = [];
	for (const key of listKeys(state.endpoints).sort()) {
		const endpoints = getRow(state.endpoints, key);
		const svc = getRow(state.services, key);
		if (!endpoints || !svc) continue;
		for (const a of publishedAddresses(state, svc)) {
			const target = `${endpointHostname(a)}.${svc.name}.${svc.namespace}.svc.${zone}`;
			if (a.ip === ip && !targets.includes(target)) targets.push(target);
		}
	}
	return targets.length === 0 ? NX : {rcode: 'NOERROR', answers: targets.map(ptr)};
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
	const service = owner === undefined ? undefined : getRow(state.services, owner);
	if (!service || service.spec.clusterIP !== state.config.dnsIP) return `no Service has the cluster DNS address ${state.config.dnsIP}`;
	if (publishedAddresses(state, service).length > 0) return undefined;
	const name = `Service ${service.namespace}/${service.name}`;
	const selector = service.spec.selector;
	if (selector === undefined || Object.keys(selector).length === 0) return `${name} has no ready endpoints`;
	const pods = selectedPods(state, service);
	if (pods.length === 0) return `${name} has no ready endpoints: no pod in namespace "${service.namespace}" has labels ${formatLabels(selector)}`;
	return `${name} has no ready endpoints: none of its ${pods.length === 1 ? 'pod' : `${pods.length} pods`} is ready (${unreadySummary(pods, state)})`;
}

/**
 * Whether NetworkPolicies drop the lookup's packets, and who: the query leaves the pod for the
 * kube-dns ClusterIP on UDP 53 (the stub resolver's transport; TCP only after a truncated reply),
 * is DNATed on the client's node to a CoreDNS pod, and is judged there, as every connection is,
 * on the client's egress and that pod's ingress. As for ns.dns (nsAnswer), the lowest ready
 * CoreDNS address stands for the one that answers, so no random number is drawn.
 */
function dnsDropped(state: State, client: Client): NonNullable<DnsResult['timedOut']> | undefined {
	const owner = state.ipam.serviceIPs[state.config.dnsIP];
	const service = owner === undefined ? undefined : getRow(state.services, owner);
	const port = service?.spec.ports?.find(p => p.protocol === 'UDP' && p.port === 53);
	const coredns = service === undefined ? undefined : publishedAddresses(state, service)[0];
	if (!service || !port || !coredns) return undefined;
	const endpoint = {namespace: service.namespace, pod: coredns.podName ?? null, ip: coredns.ip, port: coredns.ports[port.name ?? ''] ?? 53};
	const source = sourceSeen(state, client, {service, external: false, node: client.nodeName ?? null}, coredns.ip, coredns.nodeName);
	const verdict = hopVerdict(state, {client, egressTo: null, endpoint, source, protocol: 'UDP'});
	if (verdict?.dropped == null) return undefined;
	return {server: state.config.dnsIP, reason: verdict.dropped, networkPolicy: verdict.verdict};
}

/** A pod whose resolv.conf names the cluster DNS with the standard search path (getPodDNSType's podDNSCluster). */
export function usesClusterDns(spec: PodSpec): boolean {
	const policy = spec.dnsPolicy ?? 'ClusterFirst';
	return policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && spec.hostNetwork !== true);
}

/**
 * Where a client's lookups go: the cluster DNS (with a search path and the ndots threshold), or
 * another resolver. `next`: the nameservers after the cluster DNS in the pod's resolv.conf,
 * which the C library asks only when the cluster DNS does not reply.
 */
type Resolver = {kind: 'cluster'; search: string[]; ndots: number; next: string[]} | {kind: 'other'; server: string; note?: string};

/** The kubelet's `options ndots:5` for the cluster policies (dns.go defaultDNSOptions). */
const CLUSTER_NDOTS = 5;
/** The C library's ndots without an `options ndots:` line (glibc resolv/res_init.c, musl alike). */
const LIBC_NDOTS = 1;
/** formDNSConfigFitsLimits keeps this many search domains (validation.MaxDNSSearchPaths). */
const MAX_SEARCH_PATHS = 32;

/** `options ndots:N` as the C library reads it: the last one wins, capped at 15 (RES_MAXNDOTS). */
function ndotsOf(options: ReadonlyArray<{name: string; value?: string}>, fallback: number): number {
	const last = [...options].reverse().find(o => o.name === 'ndots');
	const value = last?.value === undefined ? Number.NaN : Number.parseInt(last.value, 10);
	return Number.isNaN(value) ? fallback : Math.min(15, Math.max(0, value));
}

/** Each once, in order (dns.go omitDuplicates). */
const unique = (values: string[]): string[] => [...new Set(values)];

/**
 * The resolver a client's resolv.conf names. Nodes and outside clients have their own (F6). A
 * pod's follows its dnsPolicy as the kubelet writes it (pkg/kubelet/network/dns/dns.go
 * getPodDNSType, GetPodDNS): ClusterFirst is the cluster DNS, but on a hostNetwork pod it falls
 * back to Default, the node's resolv.conf; ClusterFirstWithHostNet is the cluster DNS in any case;
 * None takes dnsConfig alone. Any policy's dnsConfig is appended: nameservers after the cluster
 * DNS, searches after the cluster's, options (ndots) merged over `ndots:5` (appendDNSConfig;
 * docs/semantics.md F7).
 */
function resolverOf(state: State, client: Client): Resolver {
	const zone = state.config.clusterDomain;
	if (client.kind !== 'pod') return {kind: 'other', server: client.kind === 'node' ? 'node resolver' : 'upstream resolver'};
	const spec = getRow(state.pods, objectKey(client.namespace ?? 'default', client.name))?.spec;
	const policy = spec?.dnsPolicy ?? 'ClusterFirst';
	const config = spec?.dnsConfig ?? {nameservers: [], searches: [], options: []};
	const dnsIP = state.config.dnsIP;
	if (spec === undefined || usesClusterDns(spec)) {
		const search = unique([`${client.namespace}.svc.${zone}`, `svc.${zone}`, zone, ...config.searches]).slice(0, MAX_SEARCH_PATHS);
		return {kind: 'cluster', search, ndots: ndotsOf(config.options, CLUSTER_NDOTS), next: unique(config.nameservers).filter(ns => ns !== dnsIP)};
	}
	if (policy === 'None') {
		const [first] = config.nameservers;
		if (first === dnsIP) {
			return {kind: 'cluster', search: unique(config.searches), ndots: ndotsOf(config.options, LIBC_NDOTS), next: unique(config.nameservers).slice(1)};
		}
		return {
			kind: 'other',
			server: first ?? 'no nameserver',
			note: `dnsPolicy None: this pod asks ${config.nameservers.join(', ')} (its dnsConfig), not the cluster DNS ${dnsIP}`,
		};
	}
	const note =
		policy === 'Default'
			? "dnsPolicy Default: this pod uses its node's resolver, which does not know the cluster's names"
			: "a hostNetwork pod with dnsPolicy ClusterFirst falls back to its node's resolver, which does not know the cluster's names (dnsPolicy: ClusterFirstWithHostNet asks the cluster DNS)";
	return {kind: 'other', server: 'node resolver', note};
}

/** Resolve as the client's resolver would (F5, F6, F7; S111, S112). */
export function resolve(d: Draft, client: Client, question: string, qtype: DnsResult['qtype']): DnsResult {
	const state = d.s;
	const result: DnsResult = {
		question,
		qtype,
		tried: [],
		answers: [],
		rcode: 'NXDOMAIN',
		upstream: false,
		server: state.config.dnsIP,
	};
	let resolver = resolverOf(state, client);
	if (resolver.kind === 'cluster') {
		// Policies drop, they do not reject: no reply comes, as when nothing serves the address.
		const down = clusterDnsDown(state);
		const silent = down !== undefined ? {server: state.config.dnsIP, reason: down} : dnsDropped(state, client);
		const [next] = resolver.next;
		if (silent !== undefined && next !== undefined) {
			// The C library asks resolv.conf's next nameserver once the first times out.
			resolver = {
				kind: 'other',
				server: next,
				note: `the cluster DNS ${state.config.dnsIP} did not reply (${silent.reason}); this pod's next nameserver ${next} (its dnsConfig) answered, and it does not know the cluster's names`,
			};
		} else if (silent !== undefined) {
			// glibc's res_nsearch stops at a timeout (it tries the next search domain only after
			// an answer), so no name is ever answered: the lookup fails as a whole.
			result.rcode = 'TIMEOUT';
			result.timedOut = silent;
			return result;
		} else result.ndots = resolver.ndots;
	}
	// Names keep the letters as typed: CoreDNS answers with the question's case (handler_case_test.go).
	const candidates: string[] = [];
	if (resolver.kind === 'other') {
		// F6, F7: a resolver other than the cluster DNS does not know the zone.
		candidates.push(question.replace(/\.$/, ''));
		result.server = resolver.server;
		if (resolver.note !== undefined) result.resolverNote = resolver.note;
	} else if (question.endsWith('.')) candidates.push(question.slice(0, -1));
	else {
		const dots = question.split('.').length - 1;
		const withSearch = resolver.search.map(s => `${question}.${s}`);
		candidates.push(...(dots >= resolver.ndots ? [question, ...withSearch] : [...withSearch, question]));
	}
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		const served = resolver.kind === 'cluster' && servedZone(state, lower) !== undefined;
		const answer = served ? lookup(d, candidate, qtype) : undefined;
		// kubeadm's `fallthrough in-addr.arpa ip6.arpa` hands a reverse name CoreDNS has nothing for upstream.
		if (answer === undefined || (answer.rcode === 'NXDOMAIN' && reverseZone(lower) !== undefined)) {
			// Cluster names mean nothing to other resolvers, and the internet does not know names
			// outside its top-level domains.
			if (inZone(state, lower) || !publiclyResolvable(lower)) {
				result.tried.push({name: candidate, rcode: 'NXDOMAIN'});
				delete result.authority;
				continue;
			}
			// Outside the zone CoreDNS forwards upstream, which the simulator does not model.
			result.tried.push({name: candidate, rcode: 'NOERROR'});
			result.upstream = true;
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
			delete result.authority;
			return result;
		}
		const query: DnsQuery = {name: candidate, rcode: answer.rcode};
		result.tried.push(query);
		if (answer.answers.length > 0) {
			result.answers = answer.answers;
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
			if (answer.additional && answer.additional.length > 0) result.additional = answer.additional;
			if (answer.outside !== undefined) result.outside = answer.outside;
			delete result.cnameStop;
			delete result.authority;
			return result;
		}
		if (answer.rcode === 'NOERROR') {
			result.rcode = 'NOERROR';
			result.canonicalName = candidate;
			if (answer.cnameStop) result.cnameStop = answer.cnameStop;
			else delete result.cnameStop;
		}
		// The negative answer that decides the result carries its SOA: the last NODATA, else the last NXDOMAIN.
		if (answer.authority && (answer.rcode === 'NOERROR' || result.rcode === 'NXDOMAIN')) result.authority = answer.authority;
	}
	return result;
}
