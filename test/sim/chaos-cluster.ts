// fast-check arbitraries for the property tests (issue 5, "invariants under chaos"): small random
// valid clusters, built directly as ClusterInput (no loader), and random command sequences that
// pick their targets from the state at the time they run (indexes into sorted lists), so a
// sequence stays meaningful however the cluster has changed under it.

import fc from 'fast-check';
import type {
	Action,
	ClientSpec,
	ClusterInput,
	Container,
	ContainerPort,
	Labels,
	PodInput,
	Probe,
	ServiceInput,
	ServicePort,
	State,
	WorkloadInput,
	WorkloadKind,
} from '../../source/sim/index.js';
import {listRows} from '../../source/sim/index.js';

/** Three namespaces, mostly `default`, so that Services and the pods they select often share one. */
const namespaceArb = fc.constantFrom<string>('default', 'default', 'default', 'shop', 'ops');
/** `app` values: one per workload (w0…w3), one for bare pods, one nobody uses. */
const APPS = ['w0', 'w1', 'w2', 'w3', 'loner', 'ghost'] as const;
const TIERS = ['front', 'back'] as const;

// --- pods' containers -----------------------------------------------------------------------

const likely = fc.constantFrom(true, true, true, false);
const containerPortArb: fc.Arbitrary<ContainerPort[]> = fc
	.record({http: likely, metrics: fc.boolean(), dns: fc.boolean(), alt: fc.boolean()})
	.map(({http, metrics, dns, alt}) => [
		// The same name on another number in some pods (D3: named ports resolve per pod).
		...(http ? [{name: 'http', containerPort: alt ? 8081 : 8080, protocol: 'TCP' as const}] : []),
		...(metrics ? [{name: 'metrics', containerPort: 9100, protocol: 'TCP' as const}] : []),
		...(dns ? [{name: 'dns', containerPort: 53, protocol: 'UDP' as const}] : []),
	]);

const probeArb: fc.Arbitrary<Probe> = fc.record({
	tcpSocket: fc.constant({port: 8080}),
	initialDelaySeconds: fc.integer({min: 0, max: 5}),
	timeoutSeconds: fc.constant(1),
	periodSeconds: fc.integer({min: 1, max: 10}),
	failureThreshold: fc.integer({min: 1, max: 3}),
	successThreshold: fc.integer({min: 1, max: 2}),
});

const containerArb: fc.Arbitrary<Container> = fc
	.record({ports: containerPortArb, probe: fc.option(probeArb, {nil: undefined})})
	.map(({ports, probe}) => ({name: 'app', image: 'registry.example/app:1', ports, ...(probe ? {readinessProbe: probe} : {})}));

const podSpecArb = fc.record({
	containers: fc.tuple(containerArb).map(c => [...c]),
	terminationGracePeriodSeconds: fc.constantFrom(0, 1, 5, 30),
});

// --- workloads and bare pods ----------------------------------------------------------------

const workloadArb = (index: number): fc.Arbitrary<WorkloadInput> =>
	fc
		.record({
			kind: fc.constantFrom<WorkloadKind>('ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet'),
			namespace: namespaceArb,
			replicas: fc.integer({min: 0, max: 6}),
			tier: fc.constantFrom(...TIERS),
			spec: podSpecArb,
			serviceName: fc.option(fc.constantFrom('s0', 's1', 's2'), {nil: undefined}),
		})
		.map(({kind, namespace, replicas, tier, spec, serviceName}) => {
			const name = `w${index}`;
			const labels: Labels = {app: name, tier};
			return {
				kind,
				meta: {name, namespace, labels, annotations: {}},
				replicas,
				selector: {matchLabels: {app: name}, matchExpressions: []},
				template: {labels, annotations: {}, spec},
				...(kind === 'StatefulSet' && serviceName ? {serviceName} : {}),
			};
		});

const barePodArb = (index: number): fc.Arbitrary<PodInput> =>
	fc
		.record({
			namespace: namespaceArb,
			app: fc.constantFrom('loner', 'w0', 'w1'),
			tier: fc.constantFrom(...TIERS),
			spec: podSpecArb,
		})
		.map(({namespace, app, tier, spec}) => ({
			meta: {name: `pod-${index}`, namespace, labels: {app, tier}, annotations: {}},
			spec,
		}));

// --- Services of all five kinds --------------------------------------------------------------

type Kind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | 'Headless';

const servicePortsArb: fc.Arbitrary<ServicePort[]> = fc
	.uniqueArray(
		fc.record({
			port: fc.constantFrom(80, 443, 8080, 53),
			protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'TCP', 'TCP', 'TCP', 'TCP', 'UDP'),
			targetPort: fc.constantFrom<number | string>(8080, 8080, 'http', 'http', 'metrics', 'dns', 'nope', 0),
		}),
		{minLength: 1, maxLength: 2, selector: p => `${p.protocol}/${p.port}`},
	)
	.map(ports =>
		ports.map((p, i) => ({
			// A4: with two ports every port needs a (unique) name.
			...(ports.length > 1 ? {name: `p${i}`} : {}),
			protocol: p.protocol,
			port: p.port,
			targetPort: p.targetPort === 0 ? p.port : p.targetPort,
		})),
	);

const selectorArb: fc.Arbitrary<Labels | null> = fc.oneof(
	// w0 and w1 exist whenever there are workloads; the others only sometimes, ghost never.
	{weight: 4, arbitrary: fc.constantFrom('w0', 'w0', 'w1', 'w1', 'w2', 'w3', 'loner', 'ghost').map(app => ({app}))},
	{weight: 2, arbitrary: fc.constantFrom(...TIERS).map(tier => ({tier}))},
	{weight: 1, arbitrary: fc.constant(null)},
);

/** Where a Service looks: mostly at a workload that exists (its namespace, its app or tier),
 *  sometimes anywhere (a selector that matches nothing, or pods of several workloads). */
const aimArb = (workloads: WorkloadInput[]): fc.Arbitrary<{namespace: string; selector: Labels | null}> =>
	fc.oneof(
		{
			weight: workloads.length > 0 ? 3 : 0,
			arbitrary: fc.record({w: fc.nat({max: Math.max(0, workloads.length - 1)}), byTier: fc.constantFrom(false, false, true)}).map(({w, byTier}) => {
				const target = workloads[w]!;
				const labels = target.template.labels;
				const selector: Labels = byTier ? {tier: labels.tier!} : {app: labels.app!};
				return {namespace: target.meta.namespace, selector};
			}),
		},
		{weight: 1, arbitrary: fc.record({namespace: namespaceArb, selector: selectorArb})},
	);

const serviceArb = (index: number, workloads: WorkloadInput[]): fc.Arbitrary<ServiceInput> =>
	fc
		.record({
			kind: fc.constantFrom<Kind>('ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'),
			aim: aimArb(workloads),
			ports: servicePortsArb,
			affinity: fc.option(fc.constantFrom(1, 2, 5, 30, 10800), {nil: undefined}),
			etp: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Local'),
			itp: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Cluster', 'Local'),
			publishNotReady: fc.constantFrom(false, false, false, true),
		})
		.map(({kind, aim: {namespace, selector}, ports, affinity, etp, itp, publishNotReady}) => {
			const base: ServiceInput['spec'] = {
				type: kind === 'Headless' ? 'ClusterIP' : kind,
				sessionAffinity: affinity !== undefined && kind !== 'ExternalName' ? 'ClientIP' : 'None',
			};
			if (kind !== 'ExternalName' && selector !== null) base.selector = selector;
			if (kind !== 'ExternalName') base.ports = ports;
			if (base.sessionAffinity === 'ClientIP') base.sessionAffinityConfig = {clientIP: {timeoutSeconds: affinity ?? 10800}};
			if (publishNotReady) base.publishNotReadyAddresses = true;
			if (kind === 'LoadBalancer') base.allocateLoadBalancerNodePorts = true;
			if (kind === 'Headless') base.clusterIP = 'None';
			if (kind === 'ExternalName') base.externalName = 'db.example.com';
			else base.internalTrafficPolicy = itp;
			if (kind === 'NodePort' || kind === 'LoadBalancer') base.externalTrafficPolicy = etp;
			return {meta: {name: `s${index}`, namespace, labels: {}, annotations: {}}, spec: base};
		});

export const clusterArb: fc.Arbitrary<ClusterInput> = fc
	.record({
		nodes: fc.integer({min: 1, max: 5}),
		podStartSeconds: fc.integer({min: 1, max: 3}),
		proxyMode: fc.constantFrom<'iptables' | 'ipvs' | 'nftables'>('iptables', 'iptables', 'ipvs', 'nftables'),
		// Sometimes too few pod slots for every replica: pods wait Pending for room.
		maxPodsPerNode: fc.constantFrom(110, 110, 110, 6),
		pool: fc.boolean(),
		workloads: fc.integer({min: 1, max: 4}).chain(n => fc.tuple(...Array.from({length: n}, (_, i) => workloadArb(i)))),
		pods: fc.integer({min: 0, max: 3}).chain(n => fc.tuple(...Array.from({length: n}, (_, i) => barePodArb(i)))),
	})
	.chain(c =>
		fc
			.integer({min: 1, max: 4})
			.chain(n => fc.tuple(...Array.from({length: n}, (_, i) => serviceArb(i, [...c.workloads]))))
			.map(services => ({...c, services})),
	)
	.map(c => ({
		config: {
			nodes: c.nodes,
			podStartSeconds: c.podStartSeconds,
			proxyMode: c.proxyMode,
			maxPodsPerNode: c.maxPodsPerNode,
			...(c.pool ? {loadBalancerPool: ['203.0.113.8/29']} : {}),
		},
		nodes: [],
		namespaces: [{name: 'shop'}, {name: 'ops'}],
		pods: [...c.pods],
		workloads: [...c.workloads],
		services: [...c.services],
		endpoints: [],
	}));

// --- commands: resolved against the state when they run ------------------------------------

type From = {kind: 'default'} | {kind: 'pod'; i: number} | {kind: 'node'; i: number} | {kind: 'external'};
type Via = 'name' | 'fqdn' | 'clusterIP' | 'nodePort' | 'loadBalancer';

export type Command =
	| {t: 'deletePod'; i: number}
	| {t: 'deleteSelected'; i: number; key: 'app' | 'tier'}
	| {t: 'crash'; i: number}
	| {t: 'deleteNode'; i: number}
	| {t: 'scale'; i: number; replicas: number}
	| {t: 'label'; i: number; key: 'app' | 'tier'; value: string | null}
	| {t: 'probe'; i: number; passing: boolean}
	| {t: 'wait'; ms: number}
	| {t: 'curl'; svc: number; port: number; via: Via; from: From; node: number; count: number}
	| {t: 'dns'; svc: number; from: From; qtype: 'A' | 'SRV' | 'CNAME'}
	/** The last request again (same client, same target) after `ms`: affinity over time (E3, H9). */
	| {t: 'again'; ms: number};

const index = fc.nat({max: 1000});
const fromArb: fc.Arbitrary<From> = fc.oneof(
	{weight: 3, arbitrary: fc.constant({kind: 'default'} as From)},
	{weight: 3, arbitrary: index.map(i => ({kind: 'pod', i}) as From)},
	{weight: 1, arbitrary: index.map(i => ({kind: 'node', i}) as From)},
	{weight: 2, arbitrary: fc.constant({kind: 'external'} as From)},
);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
	{weight: 3, arbitrary: index.map(i => ({t: 'deletePod', i}) as Command)},
	{weight: 1, arbitrary: fc.record({i: index, key: fc.constantFrom<'app' | 'tier'>('app', 'tier')}).map(r => ({t: 'deleteSelected', ...r}) as Command)},
	{weight: 2, arbitrary: index.map(i => ({t: 'crash', i}) as Command)},
	{weight: 1, arbitrary: index.map(i => ({t: 'deleteNode', i}) as Command)},
	{weight: 2, arbitrary: fc.record({i: index, replicas: fc.integer({min: 0, max: 6})}).map(r => ({t: 'scale', ...r}) as Command)},
	{
		weight: 1,
		arbitrary: fc
			.record({i: index, key: fc.constantFrom<'app' | 'tier'>('app', 'tier'), value: fc.option(fc.constantFrom(...APPS, ...TIERS), {nil: null})})
			.map(r => ({t: 'label', ...r}) as Command),
	},
	{weight: 2, arbitrary: fc.record({i: index, passing: fc.boolean()}).map(r => ({t: 'probe', ...r}) as Command)},
	{weight: 5, arbitrary: fc.constantFrom(0, 300, 1000, 2000, 5000, 10_000, 31_000).map(ms => ({t: 'wait', ms}) as Command)},
	{
		weight: 6,
		arbitrary: fc
			.record({
				svc: index,
				port: index,
				via: fc.constantFrom<Via>('name', 'name', 'fqdn', 'clusterIP', 'nodePort', 'loadBalancer'),
				from: fromArb,
				node: index,
				count: fc.integer({min: 1, max: 6}),
			})
			.map(r => ({t: 'curl', ...r}) as Command),
	},
	{weight: 3, arbitrary: fc.constantFrom(0, 500, 1000, 2000, 4000).map(ms => ({t: 'again', ms}) as Command)},
	{
		weight: 1,
		arbitrary: fc
			.record({svc: index, from: fromArb, qtype: fc.constantFrom<'A' | 'SRV' | 'CNAME'>('A', 'A', 'SRV', 'CNAME')})
			.map(r => ({t: 'dns', ...r}) as Command),
	},
);

// --- resolving a command against a state ------------------------------------------------------

const byName = <T extends {name: string; namespace?: string}>(a: T, b: T) => {
	const ka = `${a.namespace ?? ''}/${a.name}`;
	const kb = `${b.namespace ?? ''}/${b.name}`;
	return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const sortedPods = (state: State) => listRows(state.pods).sort(byName);
const sortedNodes = (state: State) => Object.values(state.nodes).sort(byName);
export const sortedServices = (state: State) =>
	listRows(state.services)
		.filter(s => !s.namespace.startsWith('kube-') && s.name !== 'kubernetes')
		.sort(byName);
const pick = <T>(items: T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

function clientSpec(state: State, from: From): ClientSpec {
	switch (from.kind) {
		case 'default':
		case 'external':
			return {kind: from.kind};
		case 'pod': {
			// Only pods that can send (running, with an IP); else the default client.
			const pod = pick(
				sortedPods(state).filter(p => p.podIP !== null && p.containersRunning),
				from.i,
			);
			return pod ? {kind: 'pod', name: pod.name, namespace: pod.namespace} : {kind: 'default'};
		}
		case 'node': {
			const node = pick(sortedNodes(state), from.i);
			return node ? {kind: 'node', name: node.name} : {kind: 'default'};
		}
	}
}

/** The actions a command stands for in this state (after `previous`, the actions run so far);
 *  none when it has no meaningful target. */
export function resolveCommand(state: State, cmd: Command, previous: readonly Action[] = []): Action[] {
	if (cmd.t === 'again') {
		const last = [...previous].reverse().find(a => a.type === 'requestSent');
		return last ? [{type: 'clockAdvanced', ms: cmd.ms}, last] : [];
	}
	const action = resolveOne(state, cmd);
	return action ? [action] : [];
}

function resolveOne(state: State, cmd: Exclude<Command, {t: 'again'}>): Action | null {
	switch (cmd.t) {
		case 'wait':
			return {type: 'clockAdvanced', ms: cmd.ms};
		case 'deletePod': {
			const pod = pick(sortedPods(state), cmd.i);
			return pod ? {type: 'podDeleted', namespace: pod.namespace, name: pod.name} : null;
		}
		case 'deleteSelected': {
			const pod = pick(sortedPods(state), cmd.i);
			const value = pod?.labels[cmd.key];
			return pod && value !== undefined ? {type: 'podDeleted', namespace: pod.namespace, selector: `${cmd.key}=${value}`} : null;
		}
		case 'crash': {
			const pod = pick(
				sortedPods(state).filter(p => p.containersRunning && p.deletionTimestamp === null),
				cmd.i,
			);
			return pod ? {type: 'podCrashed', namespace: pod.namespace, name: pod.name} : null;
		}
		case 'deleteNode': {
			// Never the last node: with nowhere to run, "eventually Ready" has nothing to say.
			const nodes = sortedNodes(state);
			const node = nodes.length > 1 ? pick(nodes, cmd.i) : undefined;
			return node ? {type: 'nodeDeleted', name: node.name} : null;
		}
		case 'scale': {
			const workloads = listRows(state.workloads)
				.filter(w => w.namespace !== 'kube-system')
				.sort((a, b) => (`${a.kind}/${a.namespace}/${a.name}` < `${b.kind}/${b.namespace}/${b.name}` ? -1 : 1));
			const w = pick(workloads, cmd.i);
			return w ? {type: 'replicasScaled', kind: w.kind, namespace: w.namespace, name: w.name, replicas: cmd.replicas} : null;
		}
		case 'label': {
			const pod = pick(
				sortedPods(state).filter(p => p.namespace !== 'kube-system'),
				cmd.i,
			);
			if (!pod) return null;
			return cmd.value === null
				? {type: 'podLabeled', namespace: pod.namespace, name: pod.name, set: {}, remove: [cmd.key], overwrite: false}
				: {type: 'podLabeled', namespace: pod.namespace, name: pod.name, set: {[cmd.key]: cmd.value}, remove: [], overwrite: true};
		}
		case 'probe': {
			const pod = pick(
				sortedPods(state).filter(p => p.spec.containers.some(c => c.readinessProbe)),
				cmd.i,
			);
			return pod ? {type: 'probeSet', namespace: pod.namespace, name: pod.name, passing: cmd.passing} : null;
		}
		case 'dns': {
			const svc = pick(sortedServices(state), cmd.svc);
			return svc ? {type: 'dnsQueried', name: `${svc.name}.${svc.namespace}`, from: clientSpec(state, cmd.from), qtype: cmd.qtype} : null;
		}
		case 'curl': {
			const svc = pick(sortedServices(state), cmd.svc);
			if (!svc) return null;
			const from = clientSpec(state, cmd.from);
			const tcp = (svc.spec.ports ?? []).filter(p => p.protocol === 'TCP');
			const port = pick(tcp, cmd.port);
			let target: string | null = null;
			// Outside clients and nodes know no cluster names (F6): mostly send them to an address.
			const named = cmd.via === 'name' || cmd.via === 'fqdn';
			const via: Via = named && (from.kind === 'external' || from.kind === 'node') && cmd.node % 4 !== 0 ? 'nodePort' : cmd.via;
			switch (via) {
				case 'name':
					target = `${svc.name}.${svc.namespace}:${port?.port ?? 80}`;
					break;
				case 'fqdn':
					target = `http://${svc.name}.${svc.namespace}.svc.cluster.local:${port?.port ?? 80}/`;
					break;
				case 'clusterIP':
					if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None' && port) target = `${svc.spec.clusterIP}:${port.port}`;
					break;
				case 'nodePort': {
					const node = pick(sortedNodes(state), cmd.node);
					if (node && port?.nodePort) target = `${node.internalIP}:${port.nodePort}`;
					break;
				}
				case 'loadBalancer': {
					const lb = svc.status.loadBalancer.ingress?.[0];
					if (lb && port) target = `${lb.ip}:${port.port}`;
					break;
				}
			}
			// A way in the Service does not have (no nodePort, no LB address): the next best one.
			if (target === null && from.kind !== 'pod' && from.kind !== 'default' && port) {
				const node = pick(sortedNodes(state), cmd.node);
				if (node && port.nodePort) target = `${node.internalIP}:${port.nodePort}`;
				else if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') target = `${svc.spec.clusterIP}:${port.port}`;
			}
			target ??= `${svc.name}.${svc.namespace}:${port?.port ?? 80}`;
			return {type: 'requestSent', target, from, count: cmd.count};
		}
	}
}
