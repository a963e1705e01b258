// The invariants of issue 5, checked after every step of a random command sequence. Every
// expectation is computed here from `state.pods` and the Services' specs, never with the
// simulator's own endpoint or proxy functions: an oracle that reused them would agree with
// their bugs. Each check throws an Error that says what broke.

import type {Action, DnsResult, Pod, RequestTrace, Service, ServicePort, State, StepResult} from '../../source/sim/index.js';
import {getRow, listEntries, listRows} from '../../source/sim/index.js';

const fail = (message: string, detail?: unknown): never => {
	throw new Error(detail === undefined ? message : `${message}\n${JSON.stringify(detail, null, 1)}`);
};

const keyOf = (o: {namespace: string; name: string}) => `${o.namespace}/${o.name}`;

/**
 * F7, from the kubelet's rule (pkg/kubelet/network/dns/dns.go getPodDNSType): a pod asks the
 * cluster DNS with ClusterFirstWithHostNet, or with ClusterFirst (the default) off the host
 * network; with Default, or ClusterFirst on the host network, it asks its node's resolver
 * (kubeadm's CoreDNS pods say Default). The chaos clusters write no dnsPolicy None.
 */
function clusterDnsClient(state: State, client: {kind: string; name: string; namespace?: string}): string {
	if (client.kind !== 'pod') return client.kind;
	const spec = getRow(state.pods, `${client.namespace ?? 'default'}/${client.name}`)?.spec;
	const policy = spec?.dnsPolicy ?? 'ClusterFirst';
	const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && spec?.hostNetwork !== true);
	return cluster ? 'pod' : 'pod on its node resolver';
}

// --- addresses, written out independently ----------------------------------------------------

function ipValue(ip: string): number {
	return ip.split('.').reduce((v, octet) => v * 256 + Number(octet), 0);
}

function inCIDR(ip: string, cidr: string): boolean {
	const [base, bits] = cidr.split('/');
	const size = 2 ** (32 - Number(bits));
	const start = Math.floor(ipValue(base!) / size) * size;
	return ipValue(ip) >= start && ipValue(ip) < start + size;
}

// --- what a Service's endpoints must be (docs/semantics.md D1-D3, S69-S77) -------------------

interface ExpectedAddress {
	ip: string;
	nodeName: string | null;
	podName: string;
	ready: boolean;
	serving: boolean;
	terminating: boolean;
	ports: Record<string, number>;
	hostname?: string;
}

/** D3, S73: a name resolves per pod, by name and protocol. */
function targetPortOn(pod: Pod, port: ServicePort): number | null {
	if (typeof port.targetPort === 'number') return port.targetPort;
	for (const c of pod.spec.containers) {
		for (const cp of c.ports) if (cp.name === port.targetPort && cp.protocol === port.protocol) return cp.containerPort;
	}
	return null;
}

/** Pod name → its entry, or null when the Service has no managed endpoints at all. */
function expectedEndpoints(state: State, service: Service): Record<string, ExpectedAddress> | null {
	const selector = service.spec.selector;
	if (service.spec.type === 'ExternalName' || selector === undefined || Object.keys(selector).length === 0) return null;
	const out: Record<string, ExpectedAddress> = {};
	for (const pod of listRows(state.pods)) {
		if (pod.namespace !== service.namespace) continue;
		if (!Object.keys(selector).every(k => pod.labels[k] === selector[k])) continue;
		if (pod.podIP === null || pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
		const terminating = pod.deletionTimestamp !== null;
		const ports: Record<string, number> = {};
		for (const port of service.spec.ports ?? []) {
			const target = targetPortOn(pod, port);
			if (target !== null) ports[port.name ?? ''] = target;
		}
		out[pod.name] = {
			ip: pod.podIP,
			nodeName: pod.nodeName,
			podName: pod.name,
			// S72: ready = publishNotReadyAddresses || (serving && !terminating); serving = Ready.
			ready: service.spec.publishNotReadyAddresses || (pod.ready && !terminating),
			serving: pod.ready,
			terminating,
			ports,
			...(pod.spec.hostname !== undefined && pod.spec.subdomain === service.name ? {hostname: pod.spec.hostname} : {}),
		};
	}
	return out;
}

/** Whether anything answers at the cluster DNS address: kube-dns there with a ready endpoint. */
function clusterDnsReady(state: State): boolean {
	const dns = listRows(state.services).find(s => s.spec.clusterIP === state.config.dnsIP);
	return dns !== undefined && Object.values(expectedEndpoints(state, dns) ?? {}).some(a => a.ready);
}

/** kube-proxy's CategorizeEndpoints (pkg/proxy/topology.go, docs/semantics.md S84, S89, S91): Cluster
 *  policy uses every ready endpoint, else every serving-and-terminating one; Local uses this
 *  node's ready ones, else this node's serving-and-terminating ones. Nothing usable anywhere
 *  ⇒ REJECT (refused); usable elsewhere but not here ⇒ DROP (timeout). */
function usable(addresses: ExpectedAddress[], portName: string, localNode: string | null): {outcome: 'ok'; ips: string[]} | {outcome: 'refused' | 'timeout'} {
	const serving = addresses.filter(a => a.ports[portName] !== undefined);
	const ready = serving.filter(a => a.ready);
	const terminating = serving.filter(a => a.serving && a.terminating);
	if (ready.length === 0 && terminating.length === 0) return {outcome: 'refused'};
	if (localNode === null) return {outcome: 'ok', ips: (ready.length > 0 ? ready : terminating).map(a => a.ip)};
	const localReady = ready.filter(a => a.nodeName === localNode);
	if (localReady.length > 0) return {outcome: 'ok', ips: localReady.map(a => a.ip)};
	const localTerminating = terminating.filter(a => a.nodeName === localNode);
	if (localTerminating.length > 0) return {outcome: 'ok', ips: localTerminating.map(a => a.ip)};
	return {outcome: 'timeout'};
}

// --- the checker ---------------------------------------------------------------------------

interface Fixed {
	clusterIP: string | null;
	nodePorts: Array<number | null>;
	healthCheckNodePort: number | null;
}

export class Oracle {
	/** Invariant 1: what each Service was given at the start. */
	private readonly fixed = new Map<string, Fixed>();
	/** Invariant 6: per (Service port, client IP, kube-proxy node), the last endpoint and when. */
	private readonly pins = new Map<string, {ip: string; lastSeen: number}>();

	constructor(initial: State) {
		for (const s of listRows(initial.services)) {
			this.fixed.set(keyOf(s), {
				clusterIP: s.spec.clusterIP ?? null,
				nodePorts: (s.spec.ports ?? []).map(p => p.nodePort ?? null),
				healthCheckNodePort: s.spec.healthCheckNodePort ?? null,
			});
		}
		this.checkState(initial);
	}

	/** After one step: `before` is the state the action ran on. */
	afterStep(before: State, action: Action, result: StepResult, after: State): void {
		// A failed command leaves the cluster exactly as it was.
		if (result.kind === 'error' && after !== before) fail(`a failed ${action.type} changed the state: ${result.message}`);
		if (result.kind === 'requests') {
			for (const trace of result.requests) this.checkRequest(before, trace);
		}
		if (result.kind === 'dns' && action.type === 'dnsQueried') this.checkDns(before, action.name, result.result, clusterDnsClient(before, result.client));
		this.checkState(after);
		this.checkStatefulSetOrder(before, after);
	}

	/** C2, OrderedReady: `<sts>-<i>` is created only once `<sts>-0 … <sts>-(i-1)` run and are Ready.
	 *  (Readiness can be lost again later in the same step, by a probe timer; running cannot.) */
	private checkStatefulSetOrder(before: State, after: State): void {
		for (const pod of listRows(after.pods)) {
			if (pod.owner?.kind !== 'StatefulSet' || getRow(before.pods, keyOf(pod))?.uid === pod.uid) continue;
			const sts = pod.owner.name;
			const ordinal = Number(pod.name.slice(sts.length + 1));
			for (let j = 0; j < ordinal; j++) {
				const p = getRow(after.pods, `${pod.namespace}/${sts}-${j}`);
				const ok = p && p.owner?.name === sts && p.deletionTimestamp === null && p.containersRunning && (p.ready || p.probeFailing);
				if (!ok) fail(`StatefulSet ${pod.namespace}/${sts} created ${pod.name} before ${sts}-${j} was Running and Ready`, p ?? null);
			}
		}
	}

	/** Invariants 1-3 and the pod sanity rules, on any state. */
	checkState(state: State): void {
		// 1. ClusterIPs and NodePorts never change; NodePorts unique and in range.
		const ports = new Map<number, string>();
		for (const s of listRows(state.services)) {
			const key = keyOf(s);
			const was = this.fixed.get(key);
			if (!was) fail(`Service ${key} appeared`);
			const now: Fixed = {
				clusterIP: s.spec.clusterIP ?? null,
				nodePorts: (s.spec.ports ?? []).map(p => p.nodePort ?? null),
				healthCheckNodePort: s.spec.healthCheckNodePort ?? null,
			};
			if (JSON.stringify(now) !== JSON.stringify(was)) fail(`Service ${key}'s ClusterIP or NodePorts changed`, {was, now});
			if (s.spec.clusterIP && s.spec.clusterIP !== 'None' && state.ipam.serviceIPs[s.spec.clusterIP] !== key)
				fail(`ClusterIP ${s.spec.clusterIP} of ${key} is not allocated to it`);
			const own = new Set<number>();
			for (const p of [...(s.spec.ports ?? []).map(p => p.nodePort ?? null), s.spec.healthCheckNodePort ?? null]) {
				if (p === null || own.has(p)) continue; // S51: TCP and UDP of one number share one
				own.add(p);
				if (p < state.config.nodePortMin || p > state.config.nodePortMax) fail(`nodePort ${p} of ${key} is out of range`);
				if (ports.has(p)) fail(`nodePort ${p} is used by ${ports.get(p)} and ${key}`);
				ports.set(p, key);
			}
		}
		for (const key of this.fixed.keys()) if (!getRow(state.services, key)) fail(`Service ${key} disappeared`);

		// 2. No two live pods share an IP; each lies in its node's podCIDR, allocated to it.
		const ips = new Map<string, string>();
		for (const pod of listRows(state.pods)) {
			const key = keyOf(pod);
			if (pod.ready && !(pod.containersRunning && pod.podIP !== null && pod.phase === 'Running')) fail(`pod ${key} is Ready without running`, pod);
			if (pod.containersRunning && pod.podIP === null) fail(`pod ${key} runs without an IP`, pod);
			if (pod.nodeName !== null && !state.nodes[pod.nodeName]) fail(`pod ${key} is bound to a node that is gone`, pod);
			if (pod.podIP === null) continue;
			if (ips.has(pod.podIP)) fail(`pods ${ips.get(pod.podIP)} and ${key} share IP ${pod.podIP}`);
			ips.set(pod.podIP, key);
			const node = state.nodes[pod.nodeName ?? ''];
			if (!node || !inCIDR(pod.podIP, node.podCIDR)) fail(`pod ${key} has IP ${pod.podIP} outside its node's podCIDR`, {node});
			if (state.ipam.podIPs[node!.name]?.used[pod.podIP] !== key) fail(`IP ${pod.podIP} of pod ${key} is not allocated to it`);
		}

		// 3. Endpoints are exactly the selected pods with an IP, with the right conditions and ports.
		for (const s of listRows(state.services)) {
			const expected = expectedEndpoints(state, s);
			const actual = getRow(state.endpoints, keyOf(s));
			if (expected === null) {
				if (actual?.managed) fail(`Service ${keyOf(s)} has managed endpoints without a selector`);
				continue;
			}
			if (!actual) fail(`Service ${keyOf(s)} has no endpoints object`);
			const got: Record<string, ExpectedAddress> = {};
			for (const [name, a] of listEntries(actual!.addresses)) {
				got[name] = {
					ip: a.ip,
					nodeName: a.nodeName,
					podName: a.podName ?? '',
					ready: a.ready,
					serving: a.serving,
					terminating: a.terminating,
					ports: {...a.ports},
					...(a.hostname !== undefined ? {hostname: a.hostname} : {}),
				};
			}
			if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(expected))) fail(`endpoints of ${keyOf(s)} differ from the selected pods`, {expected, got});
		}
	}

	/** 5 and 6: where a request must go, from the state it was sent in. */
	private checkRequest(state: State, trace: RequestTrace): void {
		const client = trace.client;
		const inCluster = client.kind !== 'external';
		const show = () => ({trace});
		// F7: a pod on its node's resolver (CoreDNS's own pods) resolves as a node does.
		const asksClusterDns = clusterDnsClient(state, client) === 'pod';
		if (trace.dns && client.kind === 'pod' && asksClusterDns) {
			// A pod's only nameserver is kube-dns: with no ready CoreDNS endpoint nothing replies.
			const down = !clusterDnsReady(state);
			if (down !== (trace.dns.timedOut !== undefined))
				fail(down ? 'a pod resolved a name with no ready CoreDNS endpoint' : 'a lookup timed out with CoreDNS ready', show());
			if (down) {
				if (trace.outcome !== 'nxdomain' || trace.resolved !== null) fail('a lookup timed out but the request went somewhere', show());
				return;
			}
		}
		if (trace.dns && trace.dns.rcode === 'NXDOMAIN') {
			// F6: outside clients and nodes do not use cluster DNS; pods resolve every Service name
			// except a headless one with nothing ready (S104).
			if (client.kind === 'pod' && asksClusterDns) {
				const svc = serviceOfName(state, trace.target);
				const published = svc ? Object.values(expectedEndpoints(state, svc) ?? {}).filter(a => a.ready) : [];
				if (svc && !(svc.spec.clusterIP === 'None' && published.length === 0)) fail('a pod got NXDOMAIN for a Service name', show());
			}
			if (trace.outcome !== 'nxdomain') fail('NXDOMAIN but the request went somewhere', show());
			return;
		}
		if (trace.resolved === null) {
			// ExternalName: the CNAME leaves the cluster (E7).
			const svc = serviceOfName(state, trace.target);
			if (svc?.spec.type !== 'ExternalName') fail('a request to a cluster Service resolved to nothing', show());
			return;
		}
		const [ip, portText] = trace.resolved.split(':');
		const portNumber = Number(portText);
		const now = state.clock;

		const vip = listRows(state.services).find(s => s.spec.clusterIP === ip);
		if (vip) {
			if (!inCluster) {
				// E4, H3: a ClusterIP never answers from outside.
				if (trace.outcome === 'ok') fail('an outside client reached a ClusterIP', show());
				return;
			}
			const port = (vip.spec.ports ?? []).find(p => p.port === portNumber && p.protocol === 'TCP');
			if (!port) {
				this.expectOutcome(trace, 'timeout');
				return;
			}
			const local = vip.spec.internalTrafficPolicy === 'Local' ? (client.nodeName ?? null) : null;
			this.expectRoute(state, trace, vip, port, local, client.nodeName ?? '', now);
			return;
		}
		const node = Object.values(state.nodes).find(n => n.internalIP === ip);
		if (node) {
			const svc = listRows(state.services).find(s => (s.spec.ports ?? []).some(p => p.nodePort === portNumber && p.protocol === 'TCP'));
			if (!svc) {
				this.expectOutcome(trace, 'refused');
				return;
			}
			const port = (svc.spec.ports ?? []).find(p => p.nodePort === portNumber && p.protocol === 'TCP')!;
			// E5, S91: Local keeps external traffic (an outside client, or another node) on the
			// receiving node; pods and the node itself are short-circuited to every endpoint.
			const external = client.kind === 'external' || (client.kind === 'node' && client.nodeName !== node.name);
			const local = external && svc.spec.externalTrafficPolicy === 'Local' ? node.name : null;
			this.expectRoute(state, trace, svc, port, local, node.name, now);
			return;
		}
		const lb = listRows(state.services).find(s => (s.status.loadBalancer.ingress ?? []).some(i => i.ip === ip));
		if (lb) {
			const port = (lb.spec.ports ?? []).find(p => p.port === portNumber && p.protocol === 'TCP');
			if (!port) {
				this.expectOutcome(trace, 'timeout');
				return;
			}
			if (inCluster) {
				// E6: the client's own node captures the address; Local short-circuits in-cluster traffic.
				this.expectRoute(state, trace, lb, port, null, client.nodeName ?? '', now);
				return;
			}
			// An outside client enters by a node the balancer picks among those whose health check
			// passes (a ready endpoint there, with Local; every node when none passes, or with Cluster).
			const entry = trace.entryNode?.name;
			const names = Object.keys(state.nodes);
			const healthy = names.filter(n => Object.values(expectedEndpoints(state, lb) ?? {}).some(a => a.ready && a.nodeName === n));
			const allowed = lb.spec.externalTrafficPolicy === 'Local' && healthy.length > 0 ? healthy : names;
			if (entry === undefined || !allowed.includes(entry)) fail(`the load balancer sent the connection to ${entry}, not one of ${allowed.join(', ')}`, {trace});
			this.expectRoute(state, trace, lb, port, lb.spec.externalTrafficPolicy === 'Local' ? entry! : null, entry!, now);
			return;
		}
		// A headless name: DNS handed out pod IPs, and the client connects straight to one (F2).
		const svc = serviceOfName(state, trace.target);
		if (svc?.spec.clusterIP === 'None' && client.kind === 'pod') {
			const published = Object.values(expectedEndpoints(state, svc) ?? {})
				.filter(a => a.ready)
				.map(a => a.ip);
			if (!published.includes(ip!)) fail(`a headless name resolved to ${ip}, not a ready endpoint`, {trace, published});
			const pod = listRows(state.pods).find(p => p.podIP === ip);
			this.expectOutcome(trace, pod?.containersRunning ? 'ok' : pod ? 'refused' : 'timeout');
			return;
		}
		if (listRows(state.pods).some(p => p.podIP === ip)) fail('a request went to a pod IP the test did not send to', show());
		// Not a Service, node, load-balancer or pod address (a node deleted since): no route inside
		// the cluster; outside it, somewhere the simulator does not model.
		this.expectOutcome(trace, inCluster ? 'timeout' : 'ok');
		if (trace.endpoint !== null) fail('a request to no known address reached an endpoint', show());
	}

	private expectOutcome(trace: RequestTrace, outcome: RequestTrace['outcome']): void {
		if (trace.outcome !== outcome) fail(`expected ${outcome}, got ${trace.outcome}`, {trace});
	}

	private expectRoute(state: State, trace: RequestTrace, svc: Service, port: ServicePort, local: string | null, entryNode: string, now: number): void {
		const addresses = Object.values(expectedEndpoints(state, svc) ?? {});
		const portName = port.name ?? '';
		const route = usable(addresses, portName, local);
		if (route.outcome !== 'ok') {
			this.expectOutcome(trace, route.outcome);
			return;
		}
		const endpoint = trace.endpoint;
		if (!endpoint || !route.ips.includes(endpoint.ip)) fail(`the request landed outside the usable endpoints ${route.ips.join(', ')}`, {trace});
		const address = addresses.find(a => a.ip === endpoint!.ip)!;
		if (endpoint!.port !== address.ports[portName])
			fail(`the request used port ${endpoint!.port}, not the pod's targetPort ${address.ports[portName]}`, {trace});
		// S86: no retry. An endpoint published although its container is down (publishNotReadyAddresses
		// with a crashed pod) gets the connection, and nothing there accepts it.
		const pod = getRow(state.pods, `${svc.namespace}/${address.podName}`);
		this.expectOutcome(trace, pod?.containersRunning ? 'ok' : 'refused');
		if (svc.spec.sessionAffinity !== 'ClientIP') return;
		// 6. E3, S98: pinned while the endpoint is usable and connections keep coming within the
		// timeout; each node's kube-proxy keeps its own table.
		const pinKey = `${keyOf(svc)}|${portName}|${trace.client.ip}|${entryNode}`;
		const timeoutSeconds = svc.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800;
		const pin = this.pins.get(pinKey);
		if (pin && now - pin.lastSeen <= timeoutSeconds * 1000 && route.ips.includes(pin.ip) && endpoint!.ip !== pin.ip) {
			fail(
				`ClientIP affinity broken: ${trace.client.ip} was pinned to ${pin.ip} (${(now - pin.lastSeen) / 1000}s ago, timeout ${timeoutSeconds}s), went to ${endpoint!.ip}`,
				{trace},
			);
		}
		this.pins.set(pinKey, {ip: endpoint!.ip, lastSeen: now});
	}

	/** F1, F2, F4, F6, F7 for `nslookup svc.ns`; `client` is 'pod' for a pod that asks the cluster DNS. */
	private checkDns(state: State, name: string, result: DnsResult, client: string): void {
		const svc = serviceOfName(state, name);
		if (!svc) return;
		if (client !== 'pod') {
			if (result.rcode !== 'NXDOMAIN') fail(`a ${client} resolved the cluster name ${name}`, result);
			return;
		}
		const down = !clusterDnsReady(state);
		if (down !== (result.timedOut !== undefined))
			fail(down ? `${name} resolved with no ready CoreDNS endpoint` : `${name} timed out with CoreDNS ready`, result);
		if (down || result.qtype !== 'A') return;
		if (svc.spec.type === 'ExternalName') {
			if (result.answers[0]?.type !== 'CNAME' || result.answers[0].data !== `${svc.spec.externalName}.`) fail(`ExternalName ${name} is not a CNAME`, result);
			return;
		}
		const got = result.answers
			.filter(a => a.type === 'A')
			.map(a => a.data)
			.sort();
		if (svc.spec.clusterIP !== 'None') {
			// F1, H8: the ClusterIP, even with no endpoints.
			if (JSON.stringify(got) !== JSON.stringify([svc.spec.clusterIP])) fail(`${name} did not resolve to its ClusterIP`, result);
			return;
		}
		const published = Object.values(expectedEndpoints(state, svc) ?? {})
			.filter(a => a.ready)
			.map(a => a.ip)
			.sort();
		if (published.length === 0 ? result.rcode !== 'NXDOMAIN' : JSON.stringify(got) !== JSON.stringify(published)) {
			fail(`headless ${name} did not resolve to its ready endpoints ${published.join(', ') || '(NXDOMAIN)'}`, result);
		}
	}

	/** 4. After waiting long enough: every workload at its desired replicas, every pod that has a
	 *  node running and Ready unless its probe was made to fail, and a pod waiting for a node only
	 *  while every node is full. */
	settled(state: State): void {
		this.checkState(state);
		if (Object.keys(state.nodes).length === 0) return;
		const perNode = new Map<string, number>();
		for (const pod of listRows(state.pods)) if (pod.nodeName !== null) perNode.set(pod.nodeName, (perNode.get(pod.nodeName) ?? 0) + 1);
		const room = Object.values(state.nodes).filter(n => n.ready && (perNode.get(n.name) ?? 0) < state.config.maxPodsPerNode);
		for (const pod of listRows(state.pods)) {
			const key = keyOf(pod);
			if (pod.deletionTimestamp !== null) fail(`pod ${key} is still Terminating`, pod);
			if (pod.nodeName === null) {
				if (room.length > 0) fail(`pod ${key} waits for a node while ${room.map(n => n.name).join(', ')} ha${room.length === 1 ? 's' : 've'} room`, pod);
				continue;
			}
			if (!pod.containersRunning) fail(`pod ${key} is not running`, pod);
			if (pod.ready === pod.probeFailing) fail(`pod ${key} is ${pod.ready ? '' : 'not '}Ready with its probe ${pod.probeFailing ? 'failing' : 'passing'}`, pod);
		}
		const owned = (kind: string, namespace: string, name: string) =>
			listRows(state.pods).filter(p => p.namespace === namespace && p.owner?.kind === kind && p.owner.name === name);
		for (const w of listRows(state.workloads)) {
			const key = `${w.kind}/${w.namespace}/${w.name}`;
			if (w.kind === 'Deployment') {
				const rs = getRow(state.workloads, `ReplicaSet/${w.namespace}/${w.name}-${w.templateHash}`);
				if (!rs || rs.replicas !== w.replicas) fail(`${key} wants ${w.replicas} replicas, its ReplicaSet has ${rs?.replicas}`);
				continue;
			}
			const pods = owned(w.kind, w.namespace, w.name);
			if (w.kind !== 'StatefulSet') {
				if (pods.length !== w.replicas)
					fail(
						`${key} wants ${w.replicas} replicas and has ${pods.length}`,
						pods.map(p => p.name),
					);
				continue;
			}
			// StatefulSet, OrderedReady (C2): ordinals 0.. exist in order up to the first pod that is
			// not Ready (or not its own any more); with all wanted ones Ready, none above remain.
			let complete = true;
			for (let i = 0; i < w.replicas; i++) {
				const pod = getRow(state.pods, `${w.namespace}/${w.name}-${i}`);
				if (!pod)
					fail(
						`${key} wants ${w.replicas} replicas and ${w.name}-${i} is missing`,
						pods.map(p => p.name),
					);
				if (pod!.owner?.name !== w.name || !pod!.ready || pod!.nodeName === null) {
					complete = false;
					break;
				}
			}
			const extra = pods.filter(p => Number(p.name.slice(w.name.length + 1)) >= w.replicas);
			if (complete && extra.length > 0) fail(`${key} wants ${w.replicas} replicas but keeps ${extra.map(p => p.name).join(', ')}`);
		}
	}
}

function sortKeys<T>(record: Record<string, T>): Array<[string, T]> {
	return Object.keys(record)
		.sort()
		.map(k => [k, record[k]!]);
}

/** The Service a request or query target names (`svc.ns[:port]` or its FQDN URL), if any. */
function serviceOfName(state: State, target: string): Service | undefined {
	const m = /^(?:https?:\/\/)?([a-z0-9-]+)\.([a-z0-9-]+)(?:\.svc\.cluster\.local)?(?::\d+)?\/?$/.exec(target);
	return m ? getRow(state.services, `${m[2]}/${m[1]}`) : undefined;
}
