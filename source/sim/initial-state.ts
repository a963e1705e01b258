// Build the simulation's first state from loaded manifests: a settled cluster where every pod
// that can run is Running and Ready at t=0, with the kubeadm built-ins a real cluster has.

import {placeDefaultClient} from './clients.js';
import {podChanged, reconcile} from './controllers.js';
import {beginDraft, type Draft, finishDraft, put} from './draft.js';
import {EMPTY_EVENT_LOG, recordEvent} from './events.js';
import {configCIDR, formatCIDR, formatIPv4, parseCIDR, parseIPv4} from './ip.js';
import {allocateServiceIP, reservePodIP, serviceIPAt} from './ipam.js';
import {objectKey, workloadKey} from './keys.js';
import {createPod} from './lifecycle.js';
import {generateUid} from './names.js';
import {networkPolicyObject} from './networkpolicy-apply.js';
import {allocateNodeCIDRs, type ExplicitPodCIDR, refusedPodCIDRs} from './node-ipam.js';
import {savePod} from './pods.js';
import {seedState} from './prng.js';
import {emptyRows, getRow} from './rows.js';
import {completeService, type Reserved, reserveRequested, userEndpoints} from './services.js';
import {copyTable, emptyTable} from './tables.js';
import type {ClusterConfig, ClusterInput, InitError, NodeInput, Pod, PodInput, ServiceInput, State, Workload, WorkloadInput} from './types.js';

type InitResult = {ok: true; state: State; warnings: string[]} | {ok: false; errors: InitError[]};

const DEFAULT_SEED = 1;

/**
 * The smallest block holding every address, widened to at least /`widest`: a dump shows
 * some of a cluster's addresses, not its range, and ranges are rarely narrower than /16.
 */
function inferCIDR(addresses: string[], widest = 16): string | null {
	const values = addresses.map(parseIPv4).filter((v): v is number => v !== null);
	if (values.length === 0) return null;
	const min = Math.min(...values);
	const max = Math.max(...values);
	let prefix = 32;
	while (prefix > 0 && Math.floor(min / 2 ** (32 - prefix)) !== Math.floor(max / 2 ** (32 - prefix))) prefix--;
	prefix = Math.min(prefix, widest);
	const size = 2 ** (32 - prefix);
	return formatCIDR({base: Math.floor(min / size) * size, prefix, size});
}

/** Only Services a cluster recorded (they carry a uid) say where its range is; a hand-written
 *  clusterIP outside the range is an error to report, not a hint (A8). */
function recordedServiceCIDR(input: ClusterInput): string | null {
	return inferCIDR(
		input.services
			.filter(s => s.meta.uid !== undefined)
			.map(s => s.spec.clusterIP)
			.filter((ip): ip is string => ip !== undefined && ip !== 'None'),
	);
}

function recordedPodCIDR(input: ClusterInput): string | null {
	const blocks = input.nodes.map(n => n.podCIDR).filter((c): c is string => c !== undefined);
	return inferCIDR(
		blocks.flatMap(c => {
			const cidr = parseCIDR(c);
			return cidr ? [formatIPv4(cidr.base), formatIPv4(cidr.base + cidr.size - 1)] : [];
		}),
	);
}

function resolveConfig(input: ClusterInput): ClusterConfig {
	const c = input.config;
	// Without a Cluster document, a dump's own addresses say where the ranges are.
	const serviceCIDR = c.serviceCIDR ?? recordedServiceCIDR(input) ?? '10.96.0.0/12';
	const recordedDNS = input.services.find(s => s.meta.namespace === 'kube-system' && s.meta.name === 'kube-dns')?.spec.clusterIP;
	// The loader passes only `low-high` (cluster-config.ts); the defaults are kube-apiserver's.
	const [min = 30000, max = 32767] = (c.nodePortRange ?? '30000-32767').split('-').map(Number);
	return {
		serviceCIDR,
		podCIDR: c.podCIDR ?? recordedPodCIDR(input) ?? '10.244.0.0/16',
		nodeCIDRMaskSize: 24,
		nodePortMin: min,
		nodePortMax: max,
		proxyMode: c.proxyMode ?? 'iptables',
		loadBalancerPool: expandPool(c.loadBalancerPool ?? []),
		externalClients: c.externalClients?.length ? c.externalClients : [{name: 'external', ip: '198.51.100.7'}],
		podStartSeconds: c.podStartSeconds ?? 2,
		maxPodsPerNode: c.maxPodsPerNode ?? 110,
		clusterDomain: 'cluster.local',
		// B1: kube-dns takes the 10th address of the service range (or where the dump says it is).
		dnsIP: recordedDNS && recordedDNS !== 'None' ? recordedDNS : formatIPv4(configCIDR(serviceCIDR).base + 10),
	};
}

/** Pool entries are addresses or CIDRs; a CIDR gives its usable hosts. */
function expandPool(entries: string[]): string[] {
	const out: string[] = [];
	for (const entry of entries) {
		const cidr = parseCIDR(entry);
		if (!cidr) {
			out.push(entry);
			continue;
		}
		const skipEnds = cidr.prefix < 31;
		for (let i = skipEnds ? 1 : 0; i < cidr.size - (skipEnds ? 1 : 0) && out.length < 65536; i++) {
			out.push(formatIPv4(cidr.base + i));
		}
	}
	return out;
}

/** Every podCIDR the input gives a node, with where it was written (the last writer wins, as in nodeInputs). */
function explicitPodCIDRs(input: ClusterInput): ExplicitPodCIDR[] {
	const fromConfig = input.config.nodes;
	const claims = new Map<string, ExplicitPodCIDR>();
	(Array.isArray(fromConfig) ? fromConfig : []).forEach((n, index) => {
		if (n.podCIDR) claims.set(n.name, {node: n.name, podCIDR: n.podCIDR, source: {kind: 'Cluster', index}});
	});
	for (const n of input.nodes) if (n.podCIDR) claims.set(n.name, {node: n.name, podCIDR: n.podCIDR, source: {kind: 'Node'}});
	return [...claims.values()];
}

function nodeInputs(input: ClusterInput): NodeInput[] {
	const fromConfig = input.config.nodes;
	const listed: NodeInput[] = Array.isArray(fromConfig) ? fromConfig : [];
	const merged = new Map<string, NodeInput>();
	for (const n of [...listed, ...input.nodes]) merged.set(n.name, {...merged.get(n.name), ...n});
	// `nodes: []` (or 0) is a cluster without nodes, as a control plane alone is: every pod stays
	// Pending (schedule_one.go ErrNoNodesAvailable). Only a config that says nothing gets 3.
	if (typeof fromConfig !== 'number' && (merged.size > 0 || fromConfig !== undefined)) return [...merged.values()];
	const count = typeof fromConfig === 'number' ? fromConfig : 3;
	for (let i = 1; i <= count; i++) if (!merged.has(`node-${i}`)) merged.set(`node-${i}`, {name: `node-${i}`});
	return [...merged.values()];
}

function emptyState(config: ClusterConfig, seed: number): State {
	return {
		clock: 0,
		rng: seedState(seed),
		seed,
		serial: 0,
		config,
		// Every table keyed by names from input starts prototype-free (sim/tables.ts).
		nodes: emptyTable(),
		namespaces: emptyTable(),
		pods: emptyRows(),
		workloads: emptyRows(),
		services: emptyRows(),
		endpoints: emptyRows(),
		networkPolicies: emptyTable(),
		ipam: {serviceIPs: emptyTable(), nodePorts: emptyTable(), loadBalancerIPs: emptyTable(), podIPs: emptyTable()},
		index: {
			podsByLabel: emptyRows(),
			servicesByLabel: emptyRows(),
			podsByOwner: emptyRows(),
			podsByNode: emptyRows(),
			podCountByNode: emptyRows(),
			activePodCountByOwner: emptyRows(),
			podCountByOwnerNode: emptyRows(),
		},
		timers: [],
		affinity: emptyTable(),
		roundRobin: emptyTable(),
		requestLog: [],
		requestSeq: 0,
		events: EMPTY_EVENT_LOG,
	};
}

/** 192.168.49.2, where minikube's first node is. */
const FIRST_NODE_IP = ((192 * 256 + 168) * 256 + 49) * 256 + 2;

/**
 * The labels a kubelet puts on its Node when it registers (pkg/kubelet/kubelet_node_status.go
 * initialNode): hostname, OS and architecture, stable and beta keys. The simulated nodes are
 * linux/amd64; a manifest's own labels win. A dump's node has the labels it recorded (its kubelet
 * wrote them), with only hostname and OS filled in where it has none.
 */
function kubeletLabels(name: string): Record<string, string> {
	return {
		'beta.kubernetes.io/arch': 'amd64',
		'beta.kubernetes.io/os': 'linux',
		'kubernetes.io/arch': 'amd64',
		'kubernetes.io/hostname': name,
		'kubernetes.io/os': 'linux',
	};
}
function addNodes(d: Draft, inputs: NodeInput[]): void {
	const {config} = d.s;
	// S56: per-node CIDRs are handed out in order from the cluster CIDR (sim/node-ipam.ts).
	const podCIDRs = allocateNodeCIDRs(inputs, config.podCIDR, config.nodeCIDRMaskSize, config.serviceCIDR);
	let nextIP = FIRST_NODE_IP;
	const takenIPs = new Set(inputs.map(n => n.internalIP).filter(Boolean));
	inputs.forEach((n, i) => {
		const cidr = podCIDRs[i] ?? '';
		let ip = n.internalIP;
		while (!ip) {
			const candidate = formatIPv4(nextIP++);
			if (!takenIPs.has(candidate)) ip = candidate;
		}
		const uid = n.uid ?? generateUid(d);
		put(d, 'nodes', n.name, {
			name: n.name,
			uid,
			labels: copyTable({...(n.recorded === undefined ? kubeletLabels(n.name) : {'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux'}), ...n.labels}),
			internalIP: ip,
			podCIDR: cidr,
			// Without a podCIDR the node's CNI agent writes no network config, so the runtime reports
			// NetworkReady=false and the kubelet posts Ready=False (view/node-facts.ts readyCondition).
			ready: cidr !== '' && (n.ready ?? true),
			createdAt: (n.createdAtSeconds ?? 0) * 1000,
			...(n.maxPods === undefined ? {} : {maxPods: n.maxPods}),
			...(n.recorded === undefined ? {} : {recorded: n.recorded}),
		});
		if (cidr === '') {
			// range_allocator.go AllocateOrOccupyCIDR, via controller/util/node RecordNodeStatusChange; the
			// newest upstream records it as a Warning (it was Normal before).
			recordEvent(d, {
				type: 'Warning',
				reason: 'CIDRNotAvailable',
				involved: {kind: 'Node', namespace: '', name: n.name, uid},
				message: `Node ${n.name} status is now: CIDRNotAvailable`,
				source: 'cidrAllocator',
			});
		}
	});
}

const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The `kubernetes` Service (B1, S43) and kube-dns with its CoreDNS Deployment (S44). */
function builtins(input: ClusterInput): {services: ServiceInput[]; workloads: WorkloadInput[]} {
	const has = (ns: string, name: string) => input.services.some(s => s.meta.namespace === ns && s.meta.name === name);
	const services: ServiceInput[] = [];
	const workloads: WorkloadInput[] = [];
	const spec = {sessionAffinity: 'None' as const, internalTrafficPolicy: 'Cluster' as const};
	if (!has('default', 'kubernetes')) {
		services.push({
			meta: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}, annotations: {}},
			spec: {...spec, type: 'ClusterIP', ports: [{name: 'https', protocol: 'TCP', port: 443, targetPort: 6443}]},
		});
	}
	if (!has('kube-system', 'kube-dns')) {
		const labels = {'k8s-app': 'kube-dns'};
		services.push({
			meta: {
				name: 'kube-dns',
				namespace: 'kube-system',
				labels: {'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'},
				annotations: {'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true'},
			},
			spec: {
				...spec,
				type: 'ClusterIP',
				selector: labels,
				ports: [
					{name: 'dns', protocol: 'UDP', port: 53, targetPort: 53},
					{name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53},
					{name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153},
				],
			},
		});
		workloads.push({
			kind: 'Deployment',
			meta: {name: 'coredns', namespace: 'kube-system', labels, annotations: {}},
			replicas: 2,
			selector: {matchLabels: labels, matchExpressions: []},
			template: {
				labels,
				annotations: {},
				spec: {
					terminationGracePeriodSeconds: 30,
					// kubeadm's manifest: CoreDNS resolves outside names through its node's resolver.
					dnsPolicy: 'Default',
					serviceAccountName: 'coredns',
					containers: [
						{
							name: 'coredns',
							image: 'registry.k8s.io/coredns/coredns:v1.11.3',
							imagePullPolicy: 'IfNotPresent',
							ports: [
								{name: 'dns', containerPort: 53, protocol: 'UDP'},
								{name: 'dns-tcp', containerPort: 53, protocol: 'TCP'},
								{name: 'metrics', containerPort: 9153, protocol: 'TCP'},
							],
							// kubeadm's CoreDNS manifest (cmd/kubeadm/app/phases/addons/dns/manifests.go): the
							// health plugin on :8080/health, the ready plugin on :8181/ready (coredns
							// plugin/health, plugin/ready READMEs); the rest are SetDefaults_Probe's.
							livenessProbe: {
								httpGet: {path: '/health', port: 8080, scheme: 'HTTP'},
								initialDelaySeconds: 60,
								timeoutSeconds: 5,
								periodSeconds: 10,
								successThreshold: 1,
								failureThreshold: 5,
							},
							readinessProbe: {
								httpGet: {path: '/ready', port: 8181, scheme: 'HTTP'},
								initialDelaySeconds: 0,
								timeoutSeconds: 1,
								periodSeconds: 10,
								successThreshold: 1,
								failureThreshold: 3,
							},
						},
					],
				},
			},
		});
	}
	return {services, workloads};
}

function addWorkload(d: Draft, input: WorkloadInput): void {
	const w: Workload = {
		kind: input.kind,
		name: input.meta.name,
		namespace: input.meta.namespace,
		uid: input.meta.uid ?? generateUid(d),
		labels: input.meta.labels,
		annotations: input.meta.annotations,
		replicas: input.replicas,
		selector: input.selector,
		template: input.template,
		...(input.serviceName !== undefined ? {serviceName: input.serviceName} : {}),
		owner: null,
		...(input.legacyApiVersion ? {legacyApiVersion: input.legacyApiVersion} : {}),
		createdAt: (input.meta.createdAtSeconds ?? 0) * 1000,
	};
	// A recorded ReplicaSet that belongs to a recorded Deployment keeps that link.
	const deployRef = input.meta.ownerReferences?.find(r => r.kind === 'Deployment');
	if (input.kind === 'ReplicaSet' && deployRef) {
		w.owner = {kind: 'Deployment', name: deployRef.name};
		const hash = input.template.labels['pod-template-hash'];
		if (hash) w.templateHash = hash;
	}
	put(d, 'workloads', workloadKey(w.kind, w.namespace, w.name), w);
}

/**
 * A dump records each Deployment's ReplicaSets: the Deployment's current one is the one with
 * replicas (or the newest), so the Deployment keeps using it instead of making a new one.
 */
function adoptRecordedReplicaSets(d: Draft, workloads: WorkloadInput[]): void {
	for (const deploy of workloads.filter(w => w.kind === 'Deployment')) {
		const owned = workloads.filter(
			w =>
				w.kind === 'ReplicaSet' &&
				w.meta.namespace === deploy.meta.namespace &&
				w.meta.ownerReferences?.some(r => r.kind === 'Deployment' && r.name === deploy.meta.name),
		);
		const current = [...owned].sort((a, b) => b.replicas - a.replicas || (b.meta.createdAtSeconds ?? 0) - (a.meta.createdAtSeconds ?? 0))[0];
		const hash = current?.template.labels['pod-template-hash'] ?? current?.meta.name.slice(deploy.meta.name.length + 1);
		if (!hash) continue;
		const key = workloadKey('Deployment', deploy.meta.namespace, deploy.meta.name);
		const deployment = getRow(d.s.workloads, key);
		if (deployment) put(d, 'workloads', key, {...deployment, templateHash: hash});
	}
}

/** A pod from the manifests: bare, or (in a dump) owned by a recorded controller. */
function addPod(d: Draft, input: PodInput, ownerKinds: Map<string, Workload['kind']>): void {
	const ref = input.meta.ownerReferences?.find(r => r.controller !== false);
	const ownerKind = ref ? ownerKinds.get(workloadKey(ref.kind, input.meta.namespace, ref.name)) : undefined;
	const owner = ref && ownerKind ? {kind: ownerKind, name: ref.name} : null;
	const status = input.status;
	const node = status?.podIP && input.spec.nodeName ? d.s.nodes[input.spec.nodeName] : undefined;
	if (!node || !status?.podIP) {
		createPod(d, podChanged, {
			namespace: input.meta.namespace,
			name: input.meta.name,
			labels: input.meta.labels,
			annotations: input.meta.annotations,
			spec: input.spec,
			owner,
		});
		return;
	}
	// Start from what the dump records: node, IP, phase, readiness.
	const key = objectKey(input.meta.namespace, input.meta.name);
	// A hostNetwork pod's recorded IP is its node's: no pod CIDR address is held for it.
	if (input.spec.hostNetwork !== true) reservePodIP(d, node.name, status.podIP, key);
	const running = (status.phase ?? 'Running') === 'Running';
	const pod: Pod = {
		name: input.meta.name,
		namespace: input.meta.namespace,
		uid: input.meta.uid ?? generateUid(d),
		labels: input.meta.labels,
		annotations: input.meta.annotations,
		owner,
		spec: input.spec,
		nodeName: node.name,
		podIP: status.podIP,
		phase: status.phase ?? 'Running',
		containersRunning: running,
		ready: running && (status.ready ?? true),
		probeFailing: false,
		restartCount: status.restartCount ?? 0,
		lastRestartAt: null,
		createdAt: (input.meta.createdAtSeconds ?? 0) * 1000,
		startedAt: status.startedAtSeconds !== undefined ? status.startedAtSeconds * 1000 : 0,
		deletionTimestamp: null,
	};
	savePod(d, null, pod);
}

export function initialState(input: ClusterInput, options: {seed?: number} = {}): InitResult {
	const seed = options.seed ?? DEFAULT_SEED;
	const config = resolveConfig(input);
	const d = beginDraft(emptyState(config, seed));
	d.settling = true;
	const warnings: string[] = [];
	const errors: InitError[] = [];

	errors.push(...refusedPodCIDRs(explicitPodCIDRs(input), config.serviceCIDR));
	addNodes(d, nodeInputs(input));
	for (const name of BUILTIN_NAMESPACES) {
		put(d, 'namespaces', name, {name, uid: generateUid(d), labels: copyTable({'kubernetes.io/metadata.name': name}), createdAt: 0, implicit: false});
	}
	for (const ns of input.namespaces) {
		put(d, 'namespaces', ns.name, {
			name: ns.name,
			uid: generateUid(d),
			labels: copyTable({'kubernetes.io/metadata.name': ns.name, ...ns.labels}),
			createdAt: (ns.createdAtSeconds ?? 0) * 1000,
			implicit: false,
		});
	}
	for (const np of input.networkPolicies ?? []) put(d, 'networkPolicies', objectKey(np.meta.namespace, np.meta.name), networkPolicyObject(d, np, 0));

	// Services: the built-in addresses first (B1), then every requested address, then random ones.
	const extra = builtins(input);
	const services = [...extra.services, ...input.services];
	const reserved: Array<[ServiceInput, Reserved]> = services.map(s => {
		if (s.meta.namespace === 'default' && s.meta.name === 'kubernetes' && s.spec.clusterIP === undefined) {
			return [s, reserveRequested(d, {...s, spec: {...s.spec, clusterIP: serviceIPAt(d.s, 0)}}, errors)];
		}
		if (s.meta.namespace === 'kube-system' && s.meta.name === 'kube-dns' && s.spec.clusterIP === undefined) {
			return [s, reserveRequested(d, {...s, spec: {...s.spec, clusterIP: config.dnsIP}}, errors)];
		}
		return [s, reserveRequested(d, s, errors)];
	});
	// The DNS address is never handed out at random even when no kube-dns object claims it.
	if (!d.s.ipam.serviceIPs[config.dnsIP]) allocateServiceIP(d, 'kube-system/kube-dns', config.dnsIP);
	for (const [s, r] of reserved) completeService(d, s, r, errors);
	if (errors.length > 0) return {ok: false, errors};

	for (const e of input.endpoints) userEndpoints(d, e);
	const apiserver = getRow(d.s.services, 'default/kubernetes');
	if (apiserver && !getRow(d.s.endpoints, 'default/kubernetes')) {
		const controlPlane = Object.values(d.s.nodes).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
		userEndpoints(d, {
			meta: {name: 'kubernetes', namespace: 'default', labels: {}, annotations: {}},
			subsets: controlPlane ? [{addresses: [{ip: controlPlane.internalIP}], notReadyAddresses: [], ports: [{name: 'https', port: 6443, protocol: 'TCP'}]}] : [],
		});
	}

	// Workloads, then the pods the dump recorded, then controllers top up to their replicas.
	const workloads = [...extra.workloads, ...input.workloads];
	for (const w of workloads) addWorkload(d, w);
	adoptRecordedReplicaSets(d, workloads);
	const ownerKinds = new Map<string, Workload['kind']>();
	for (const w of workloads) ownerKinds.set(workloadKey(w.kind, w.meta.namespace, w.meta.name), w.kind);
	placeDefaultClient(d);
	for (const p of input.pods) addPod(d, p, ownerKinds);
	for (const w of workloads) {
		reconcile(d, workloadKey(w.kind, w.meta.namespace, w.meta.name));
	}
	d.settling = false;
	return {ok: true, state: finishDraft(d), warnings};
}
