// A small, hand-built simulator State for the view tests (the simulator core is written in
// parallel). Every State field is filled and the indexes are computed from the objects, so they
// are consistent. Ages are chosen to hit kubectl's AGE formats: clock is 2h.

import {eventLogOf, type NewEvent} from '../../source/sim/events.js';
import {setOf} from '../../source/sim/index-sets.js';
import {rowsFrom} from '../../source/sim/rows.js';
import type {
	Container,
	EndpointAddress,
	Endpoints,
	Labels,
	Node,
	Pod,
	Service,
	ServicePort,
	ServiceSpec,
	State,
	Workload,
	WorkloadKind,
} from '../../source/sim/types.js';

/** An event as a component records it at `at` (the log aggregates repeats). */
export type FixtureEvent = NewEvent & {at: number};

export const CLOCK = 2 * 60 * 60 * 1000;
export const S = 1000;
export const M = 60 * S;
const DAY = 24 * 60 * M;

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.39';

export function makeNode(name: string, internalIP: string, podCIDR: string, extra: Partial<Node> = {}): Node {
	return {
		name,
		uid: `uid-node-${name}`,
		labels: {'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux'},
		internalIP,
		podCIDR,
		ready: true,
		createdAt: -12 * DAY,
		...extra,
	};
}

function makeContainer(name: string, image: string, ports: Container['ports'] = []): Container {
	return {name, image, ports};
}

export function makePod(namespace: string, name: string, fields: Partial<Pod>): Pod {
	return {
		name,
		namespace,
		uid: `uid-pod-${name}`,
		labels: {},
		annotations: {},
		owner: null,
		spec: {containers: [makeContainer('main', 'busybox:1.36')], terminationGracePeriodSeconds: 30},
		nodeName: null,
		podIP: null,
		phase: 'Running',
		containersRunning: true,
		ready: true,
		probeFailing: false,
		restartCount: 0,
		lastRestartAt: null,
		createdAt: CLOCK - 10 * M,
		startedAt: CLOCK - 10 * M + 2 * S,
		deletionTimestamp: null,
		...fields,
	};
}

export function makeWorkload(kind: WorkloadKind, namespace: string, name: string, fields: Partial<Workload>): Workload {
	return {
		kind,
		name,
		namespace,
		uid: `uid-${kind.toLowerCase()}-${name}`,
		labels: {},
		annotations: {},
		replicas: 1,
		selector: {matchLabels: {}, matchExpressions: []},
		template: {labels: {}, annotations: {}, spec: {containers: [], terminationGracePeriodSeconds: 30}},
		owner: null,
		createdAt: CLOCK - 10 * M,
		...fields,
	};
}

export function makePort(
	name: string,
	p: number,
	targetPort: number | string,
	nodePort: number | null = null,
	protocol: ServicePort['protocol'] = 'TCP',
): ServicePort {
	const port: ServicePort = {protocol, port: p, targetPort};
	if (name !== '') port.name = name;
	if (nodePort !== null) port.nodePort = nodePort;
	return port;
}

/** Metadata, the spec's fields, and the load balancer's addresses (status) of a fixture Service. */
type ServiceFields = Partial<Pick<Service, 'uid' | 'labels' | 'annotations' | 'createdAt'>> & Partial<ServiceSpec> & {loadBalancerIngress?: string[]};

/** A Service as the API server returns it after defaulting and allocation (IPv4 single-stack). */
export function makeService(namespace: string, name: string, fields: ServiceFields): Service {
	const {uid = `uid-svc-${name}`, labels = {}, annotations = {}, createdAt = CLOCK - 10 * M, loadBalancerIngress = [], ...given} = fields;
	const spec: ServiceSpec = {type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ...given};
	if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
	if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= {clientIP: {timeoutSeconds: 10800}};
	if (spec.clusterIP !== undefined) Object.assign(spec, {clusterIPs: [spec.clusterIP], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack'});
	// omitempty: what the API server leaves out is absent.
	for (const [key, value] of Object.entries(spec)) {
		if (value === undefined || (Array.isArray(value) && value.length === 0)) delete spec[key as keyof ServiceSpec];
	}
	const status = {loadBalancer: loadBalancerIngress.length > 0 ? {ingress: loadBalancerIngress.map(ip => ({ip, ipMode: 'VIP' as const}))} : {}};
	return {name, namespace, uid, labels, annotations, createdAt, spec, status};
}

export function makeAddress(ip: string, fields: Partial<EndpointAddress>): EndpointAddress {
	return {ip, nodeName: null, ready: true, serving: true, terminating: false, ports: {}, ...fields};
}

export function makeEndpoints(
	namespace: string,
	name: string,
	managed: boolean,
	ports: Endpoints['ports'],
	list: EndpointAddress[],
	createdAt: number,
): Endpoints {
	const addresses: Record<string, EndpointAddress> = {};
	for (const a of list) addresses[managed ? a.podName! : a.ip] = a;
	return {name, namespace, managed, addresses: rowsFrom(Object.entries(addresses)), ports, createdAt};
}

const HELLO_TEMPLATE_CONTAINER = makeContainer('hello-node', AGNHOST, [{name: 'http', containerPort: 8080, protocol: 'TCP'}]);
const WEB_CONTAINER = makeContainer('nginx', 'nginx:1.27', [
	{name: 'http', containerPort: 8080, protocol: 'TCP'},
	{name: 'https', containerPort: 8443, protocol: 'TCP'},
]);
const DB_CONTAINER = makeContainer('postgres', 'postgres:17', [{name: 'postgres', containerPort: 5432, protocol: 'TCP'}]);
const COREDNS_CONTAINER = makeContainer('coredns', 'registry.k8s.io/coredns/coredns:v1.12.1', [
	{name: 'dns', containerPort: 53, protocol: 'UDP'},
	{name: 'dns-tcp', containerPort: 53, protocol: 'TCP'},
	{name: 'metrics', containerPort: 9153, protocol: 'TCP'},
]);

export function fixtureNodes(): Node[] {
	return [
		makeNode('node-1', '192.168.49.2', '10.244.0.0/24', {
			labels: {'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': ''},
		}),
		makeNode('node-2', '192.168.49.3', '10.244.1.0/24', {createdAt: -12 * DAY + 40 * S}),
		makeNode('node-3', '192.168.49.4', '10.244.2.0/24', {ready: false, createdAt: CLOCK - 3 * 60 * M}),
	];
}

function fixturePods(): Pod[] {
	const hello = (name: string, fields: Partial<Pod>): Pod =>
		makePod('default', name, {
			labels: {app: 'hello-node'},
			owner: {kind: 'ReplicationController', name: 'hello-node'},
			spec: {containers: [HELLO_TEMPLATE_CONTAINER], terminationGracePeriodSeconds: 30},
			...fields,
		});
	const web = (name: string, fields: Partial<Pod>): Pod =>
		makePod('default', name, {
			labels: {app: 'web', 'pod-template-hash': '7b87cd5f68'},
			owner: {kind: 'ReplicaSet', name: 'web-7b87cd5f68'},
			spec: {containers: [WEB_CONTAINER], terminationGracePeriodSeconds: 30},
			createdAt: CLOCK - 2 * M,
			...fields,
		});
	const db = (name: string, fields: Partial<Pod>): Pod =>
		makePod('default', name, {
			labels: {app: 'db', 'statefulset.kubernetes.io/pod-name': name},
			owner: {kind: 'StatefulSet', name: 'db'},
			spec: {containers: [DB_CONTAINER], terminationGracePeriodSeconds: 30, hostname: name, subdomain: 'db'},
			createdAt: CLOCK - 61 * M,
			...fields,
		});
	const coredns = (name: string, fields: Partial<Pod>): Pod =>
		makePod('kube-system', name, {
			labels: {'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc'},
			owner: {kind: 'ReplicaSet', name: 'coredns-668d6bf9bc'},
			spec: {containers: [COREDNS_CONTAINER], terminationGracePeriodSeconds: 30},
			createdAt: -12 * DAY + 30 * S,
			...fields,
		});
	return [
		hello('hello-node-x2k4z', {nodeName: 'node-2', podIP: '10.244.1.3', createdAt: CLOCK - 5 * M}),
		hello('hello-node-7b2qp', {
			nodeName: 'node-1',
			podIP: '10.244.0.5',
			restartCount: 2,
			lastRestartAt: CLOCK - 5 * M - 400,
			createdAt: CLOCK - 17 * M,
		}),
		// Readiness probe failing: Running, 0/1, listed under notReadyAddresses.
		hello('hello-node-zq9l6', {nodeName: 'node-3', podIP: '10.244.2.7', ready: false, probeFailing: true, createdAt: CLOCK - 20 * S}),
		// Deleted 10 s ago: Terminating, still 1/1, gone from Endpoints but kept in the slice.
		hello('hello-node-g8w6c', {nodeName: 'node-2', podIP: '10.244.1.2', deletionTimestamp: CLOCK - 10 * S}),
		web('web-7b87cd5f68-x2v4p', {nodeName: 'node-2', podIP: '10.244.1.4'}),
		// Scheduled, containers not started yet: ContainerCreating, no IP.
		web('web-7b87cd5f68-zq9l6', {
			nodeName: 'node-1',
			phase: 'Pending',
			containersRunning: false,
			ready: false,
			startedAt: null,
			createdAt: CLOCK - 3 * S,
		}),
		db('db-0', {nodeName: 'node-2', podIP: '10.244.1.5'}),
		db('db-1', {nodeName: 'node-1', podIP: '10.244.0.6', createdAt: CLOCK - 60 * M}),
		// Unschedulable: Pending with no node.
		makePod('default', 'lonely', {
			labels: {app: 'lonely'},
			phase: 'Pending',
			containersRunning: false,
			ready: false,
			startedAt: null,
			reason: 'Unschedulable',
			createdAt: CLOCK - 45 * S,
		}),
		makePod('default', 'slow', {
			labels: {app: 'slow'},
			nodeName: 'node-2',
			podIP: '10.244.1.6',
			ready: false,
			spec: {containers: [makeContainer('slow', AGNHOST, [{name: 'http', containerPort: 9000, protocol: 'TCP'}])], terminationGracePeriodSeconds: 30},
		}),
		makePod('default', 'curl', {
			labels: {run: 'curl'},
			nodeName: 'node-1',
			podIP: '10.244.0.4',
			spec: {containers: [makeContainer('curl', 'curlimages/curl:8.11.1')], terminationGracePeriodSeconds: 30},
		}),
		coredns('coredns-668d6bf9bc-b6nzv', {nodeName: 'node-1', podIP: '10.244.0.2'}),
		coredns('coredns-668d6bf9bc-wq7tx', {nodeName: 'node-1', podIP: '10.244.0.3'}),
	];
}

export function fixtureWorkloads(): Workload[] {
	return [
		makeWorkload('ReplicationController', 'default', 'hello-node', {
			labels: {app: 'hello-node'},
			replicas: 3,
			selector: {matchLabels: {app: 'hello-node'}, matchExpressions: []},
			template: {labels: {app: 'hello-node'}, annotations: {}, spec: {containers: [HELLO_TEMPLATE_CONTAINER], terminationGracePeriodSeconds: 30}},
			createdAt: CLOCK - 17 * M,
		}),
		makeWorkload('Deployment', 'default', 'web', {
			labels: {app: 'web'},
			replicas: 2,
			selector: {matchLabels: {app: 'web'}, matchExpressions: []},
			template: {labels: {app: 'web'}, annotations: {}, spec: {containers: [WEB_CONTAINER], terminationGracePeriodSeconds: 30}},
			templateHash: '7b87cd5f68',
			createdAt: CLOCK - 2 * M,
		}),
		makeWorkload('ReplicaSet', 'default', 'web-7b87cd5f68', {
			labels: {app: 'web', 'pod-template-hash': '7b87cd5f68'},
			replicas: 2,
			selector: {matchLabels: {app: 'web', 'pod-template-hash': '7b87cd5f68'}, matchExpressions: []},
			template: {
				labels: {app: 'web', 'pod-template-hash': '7b87cd5f68'},
				annotations: {},
				spec: {containers: [WEB_CONTAINER], terminationGracePeriodSeconds: 30},
			},
			owner: {kind: 'Deployment', name: 'web'},
			createdAt: CLOCK - 2 * M,
		}),
		makeWorkload('StatefulSet', 'default', 'db', {
			labels: {app: 'db'},
			replicas: 2,
			selector: {matchLabels: {app: 'db'}, matchExpressions: []},
			template: {labels: {app: 'db'}, annotations: {}, spec: {containers: [DB_CONTAINER], terminationGracePeriodSeconds: 30}},
			serviceName: 'db',
			createdAt: CLOCK - 62 * M,
		}),
		makeWorkload('Deployment', 'kube-system', 'coredns', {
			labels: {'k8s-app': 'kube-dns'},
			replicas: 2,
			selector: {matchLabels: {'k8s-app': 'kube-dns'}, matchExpressions: []},
			template: {labels: {'k8s-app': 'kube-dns'}, annotations: {}, spec: {containers: [COREDNS_CONTAINER], terminationGracePeriodSeconds: 30}},
			templateHash: '668d6bf9bc',
			createdAt: -12 * DAY,
		}),
		makeWorkload('ReplicaSet', 'kube-system', 'coredns-668d6bf9bc', {
			labels: {'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc'},
			replicas: 2,
			selector: {matchLabels: {'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc'}, matchExpressions: []},
			template: {
				labels: {'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc'},
				annotations: {},
				spec: {containers: [COREDNS_CONTAINER], terminationGracePeriodSeconds: 30},
			},
			owner: {kind: 'Deployment', name: 'coredns'},
			createdAt: -12 * DAY,
		}),
	];
}

export function fixtureServices(): Service[] {
	return [
		makeService('default', 'kubernetes', {
			labels: {component: 'apiserver', provider: 'kubernetes'},
			ports: [makePort('https', 443, 6443)],
			clusterIP: '10.96.0.1',
			createdAt: -12 * DAY,
		}),
		// The S124 sample.
		makeService('default', 'hello-node-svc', {
			labels: {app: 'hello-node'},
			type: 'NodePort',
			selector: {app: 'hello-node'},
			ports: [makePort('', 8080, 8080, 30036)],
			clusterIP: '10.104.23.171',
			externalTrafficPolicy: 'Cluster',
			createdAt: CLOCK - 5 * M - 12 * S,
		}),
		makeService('default', 'db', {
			labels: {app: 'db'},
			selector: {app: 'db'},
			ports: [makePort('postgres', 5432, 5432)],
			clusterIP: 'None',
			createdAt: CLOCK - 62 * M,
		}),
		makeService('default', 'ext', {
			type: 'ExternalName',
			externalName: 'example.com',
			internalTrafficPolicy: undefined,
			createdAt: CLOCK - 30 * S,
		}),
		makeService('default', 'web-lb', {
			labels: {app: 'web'},
			type: 'LoadBalancer',
			selector: {app: 'web'},
			ports: [makePort('http', 80, 'http', 31380), makePort('https', 443, 'https', 31390)],
			clusterIP: '10.99.14.2',
			sessionAffinity: 'ClientIP',
			externalTrafficPolicy: 'Cluster',
			createdAt: CLOCK - 2 * M,
		}),
		// Only a not-ready pod behind it: empty ENDPOINTS cell.
		makeService('default', 'slow', {
			selector: {app: 'slow'},
			ports: [makePort('', 80, 'http')],
			clusterIP: '10.107.3.4',
			createdAt: CLOCK - 10 * M,
		}),
		makeService('shop', 'shop-lb', {
			labels: {app: 'shop', tier: 'frontend'},
			annotations: {'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb'},
			type: 'LoadBalancer',
			selector: {app: 'shop'},
			ports: [makePort('', 80, 8080, 30080)],
			clusterIP: '10.100.200.10',
			loadBalancerIngress: ['203.0.113.10'],
			externalTrafficPolicy: 'Local',
			healthCheckNodePort: 32000,
			createdAt: CLOCK - 90 * M,
		}),
		makeService('kube-system', 'kube-dns', {
			labels: {'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'},
			selector: {'k8s-app': 'kube-dns'},
			ports: [makePort('dns', 53, 53, null, 'UDP'), makePort('dns-tcp', 53, 53), makePort('metrics', 9153, 9153)],
			clusterIP: '10.96.0.10',
			createdAt: -12 * DAY,
		}),
	];
}

function fixtureEndpoints(): Endpoints[] {
	const hello = (podName: string, ip: string, nodeName: string, fields: Partial<EndpointAddress> = {}): EndpointAddress =>
		makeAddress(ip, {podName, nodeName, ports: {'': 8080}, ...fields});
	return [
		makeEndpoints(
			'default',
			'kubernetes',
			false,
			[{name: 'https', protocol: 'TCP', port: 6443}],
			[makeAddress('192.168.49.2', {ports: {https: 6443}})],
			-12 * DAY,
		),
		makeEndpoints(
			'default',
			'hello-node-svc',
			true,
			[{name: '', protocol: 'TCP'}],
			[
				hello('hello-node-x2k4z', '10.244.1.3', 'node-2'),
				hello('hello-node-7b2qp', '10.244.0.5', 'node-1'),
				hello('hello-node-zq9l6', '10.244.2.7', 'node-3', {ready: false, serving: false}),
				hello('hello-node-g8w6c', '10.244.1.2', 'node-2', {ready: false, serving: true, terminating: true}),
			],
			CLOCK - 5 * M - 12 * S,
		),
		makeEndpoints(
			'default',
			'db',
			true,
			[{name: 'postgres', protocol: 'TCP'}],
			[
				makeAddress('10.244.1.5', {podName: 'db-0', nodeName: 'node-2', hostname: 'db-0', ports: {postgres: 5432}}),
				makeAddress('10.244.0.6', {podName: 'db-1', nodeName: 'node-1', hostname: 'db-1', ports: {postgres: 5432}}),
			],
			CLOCK - 62 * M,
		),
		makeEndpoints(
			'default',
			'web-lb',
			true,
			[
				{name: 'http', protocol: 'TCP'},
				{name: 'https', protocol: 'TCP'},
			],
			[makeAddress('10.244.1.4', {podName: 'web-7b87cd5f68-x2v4p', nodeName: 'node-2', ports: {http: 8080, https: 8443}})],
			CLOCK - 2 * M,
		),
		makeEndpoints(
			'default',
			'slow',
			true,
			[{name: '', protocol: 'TCP'}],
			[makeAddress('10.244.1.6', {podName: 'slow', nodeName: 'node-2', ready: false, serving: false, ports: {'': 9000}})],
			CLOCK - 10 * M,
		),
		makeEndpoints('shop', 'shop-lb', true, [{name: '', protocol: 'TCP'}], [], CLOCK - 90 * M),
		makeEndpoints(
			'kube-system',
			'kube-dns',
			true,
			[
				{name: 'dns', protocol: 'UDP'},
				{name: 'dns-tcp', protocol: 'TCP'},
				{name: 'metrics', protocol: 'TCP'},
			],
			[
				makeAddress('10.244.0.2', {podName: 'coredns-668d6bf9bc-b6nzv', nodeName: 'node-1', ports: {dns: 53, 'dns-tcp': 53, metrics: 9153}}),
				makeAddress('10.244.0.3', {podName: 'coredns-668d6bf9bc-wq7tx', nodeName: 'node-1', ports: {dns: 53, 'dns-tcp': 53, metrics: 9153}}),
			],
			-12 * DAY,
		),
	];
}

function fixtureEvents(): FixtureEvent[] {
	const lb = (object: string, at: number, reason: string, message: string): FixtureEvent => {
		const [, namespace = '', name = ''] = object.split('/');
		return {at, type: 'Normal', reason, involved: {kind: 'Service', namespace, name}, message, source: 'service-controller'};
	};
	return [
		lb('Service/shop/shop-lb', CLOCK - 90 * M, 'EnsuringLoadBalancer', 'Ensuring load balancer'),
		lb('Service/shop/shop-lb', CLOCK - 89 * M, 'EnsuredLoadBalancer', 'Ensured load balancer'),
		lb('Service/default/web-lb', CLOCK - 2 * M, 'EnsuringLoadBalancer', 'Ensuring load balancer'),
		{
			at: CLOCK - 10 * S,
			type: 'Normal',
			reason: 'Killing',
			involved: {kind: 'Pod', namespace: 'default', name: 'hello-node-g8w6c', fieldPath: 'spec.containers{hello-node}'},
			message: 'Stopping container hello-node',
			source: 'kubelet',
			host: 'node-1',
		},
		lb('Service/default/web-lb', CLOCK - 60 * S, 'EnsuringLoadBalancer', 'Ensuring load balancer'),
		lb('Service/default/web-lb', CLOCK - 30 * S, 'EnsuringLoadBalancer', 'Ensuring load balancer'),
	];
}

type MutableSet = Record<string, Record<string, true>>;

/** The simulator keeps each index set in shards (source/sim/index-sets.ts). */
const sharded = (index: MutableSet) => Object.fromEntries(Object.entries(index).map(([key, set]) => [key, setOf(Object.keys(set))]));

function addTo(index: MutableSet, key: string, member: string): void {
	const set = index[key] ?? {};
	set[member] = true;
	index[key] = set;
}

function keyed<T>(items: T[], key: (item: T) => string): Record<string, T> {
	const table: Record<string, T> = {};
	for (const item of items) table[key(item)] = item;
	return table;
}

/** A consistent State from object lists; indexes and IPAM tables are derived from them. */
export function buildState(parts: {
	clock?: number;
	nodes?: Node[];
	pods?: Pod[];
	workloads?: Workload[];
	services?: Service[];
	endpoints?: Endpoints[];
	events?: FixtureEvent[];
	namespaces?: string[];
}): State {
	const nodes = parts.nodes ?? [];
	const pods = parts.pods ?? [];
	const workloads = parts.workloads ?? [];
	const services = parts.services ?? [];
	const podsByLabel: MutableSet = {};
	const servicesByLabel: MutableSet = {};
	const podsByOwner: MutableSet = {};
	const podsByNode: MutableSet = {};
	const activePodCountByOwner: Record<string, number> = {};
	const podCountByOwnerNode: Record<string, Record<string, number>> = {};
	const podIPs: Record<string, {used: Record<string, string>; last: number}> = {};
	for (const n of nodes) podIPs[n.name] = {used: {}, last: 0};
	for (const p of pods) {
		const key = `${p.namespace}/${p.name}`;
		for (const [k, v] of Object.entries(p.labels)) addTo(podsByLabel, `${p.namespace}\u0000${k}=${v}`, p.name);
		if (p.owner) {
			const owner = `${p.owner.kind}/${p.namespace}/${p.owner.name}`;
			addTo(podsByOwner, owner, key);
			if (p.deletionTimestamp === null && p.phase !== 'Succeeded' && p.phase !== 'Failed') {
				activePodCountByOwner[owner] = (activePodCountByOwner[owner] ?? 0) + 1;
			}
			if (p.nodeName && p.deletionTimestamp === null) {
				podCountByOwnerNode[owner] ??= {};
				const counts = podCountByOwnerNode[owner];
				counts[p.nodeName] = (counts[p.nodeName] ?? 0) + 1;
			}
		}
		if (p.nodeName) {
			addTo(podsByNode, p.nodeName, key);
			if (p.podIP) {
				const table = podIPs[p.nodeName] ?? {used: {}, last: 0};
				podIPs[p.nodeName] = table;
				table.used[p.podIP] = key;
				table.last = Math.max(table.last, Number(p.podIP.split('.')[3]));
			}
		}
	}
	const serviceIPs: Record<string, string> = {};
	const nodePorts: Record<string, string> = {};
	const loadBalancerIPs: Record<string, string> = {};
	for (const s of services) {
		const key = `${s.namespace}/${s.name}`;
		for (const [k, v] of Object.entries(s.spec.selector ?? {})) addTo(servicesByLabel, `${s.namespace}\u0000${k}=${v}`, s.name);
		if (s.spec.clusterIP !== undefined && s.spec.clusterIP !== 'None') serviceIPs[s.spec.clusterIP] = key;
		for (const p of s.spec.ports ?? []) if (p.nodePort !== undefined) nodePorts[String(p.nodePort)] = key;
		if (s.spec.healthCheckNodePort !== undefined) nodePorts[String(s.spec.healthCheckNodePort)] = key;
		for (const {ip} of s.status.loadBalancer.ingress ?? []) loadBalancerIPs[ip] = key;
	}
	const namespaceNames = parts.namespaces ?? ['default', 'kube-system', 'shop'];
	return {
		clock: parts.clock ?? CLOCK,
		rng: 12345,
		seed: 1,
		serial: 100,
		config: {
			serviceCIDR: '10.96.0.0/12',
			podCIDR: '10.244.0.0/16',
			nodeCIDRMaskSize: 24,
			nodePortMin: 30000,
			nodePortMax: 32767,
			proxyMode: 'iptables',
			loadBalancerPool: ['203.0.113.10'],
			externalClients: [{name: 'laptop', ip: '203.0.113.50'}],
			podStartSeconds: 2,
			maxPodsPerNode: 110,
			clusterDomain: 'cluster.local',
			dnsIP: '10.96.0.10',
		},
		nodes: keyed(nodes, n => n.name),
		namespaces: keyed(
			namespaceNames.map(name => ({
				name,
				uid: `uid-ns-${name}`,
				labels: {'kubernetes.io/metadata.name': name} as Labels,
				createdAt: -12 * DAY,
				implicit: false,
			})),
			n => n.name,
		),
		pods: rowsFrom(Object.entries(keyed(pods, p => `${p.namespace}/${p.name}`))),
		workloads: rowsFrom(Object.entries(keyed(workloads, w => `${w.kind}/${w.namespace}/${w.name}`))),
		services: rowsFrom(Object.entries(keyed(services, s => `${s.namespace}/${s.name}`))),
		endpoints: rowsFrom(Object.entries(keyed(parts.endpoints ?? [], e => `${e.namespace}/${e.name}`))),
		networkPolicies: {},
		ipam: {serviceIPs, nodePorts, loadBalancerIPs, podIPs},
		index: {
			podsByLabel: rowsFrom(Object.entries(sharded(podsByLabel))),
			servicesByLabel: rowsFrom(Object.entries(sharded(servicesByLabel))),
			podsByOwner: rowsFrom(Object.entries(sharded(podsByOwner))),
			podsByNode: rowsFrom(Object.entries(sharded(podsByNode))),
			podCountByNode: rowsFrom(Object.entries(podsByNode).map(([node, pods]) => [node, Object.keys(pods).length] as const)),
			activePodCountByOwner: rowsFrom(Object.entries(activePodCountByOwner)),
			podCountByOwnerNode: rowsFrom(Object.entries(podCountByOwnerNode)),
		},
		timers: [],
		affinity: {},
		roundRobin: {},
		requestLog: [],
		requestSeq: 0,
		events: eventLogOf(parts.events ?? []),
	};
}

/** The whole scene: 3 nodes, RC/Deployment/StatefulSet pods, every Service type. */
export function fixtureState(): State {
	return buildState({
		nodes: fixtureNodes(),
		pods: fixturePods(),
		workloads: fixtureWorkloads(),
		services: fixtureServices(),
		endpoints: fixtureEndpoints(),
		events: fixtureEvents(),
	});
}
