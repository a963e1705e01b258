// A realistic `kubectl get nodes,pods,svc,endpoints,deploy,rs,sts -A -o yaml|json` dump of a
// running cluster: every field the API server stores (managedFields, status, probes, volumes…),
// about 5-6 KB of YAML per pod. Deterministic for given sizes.

import {writeSync} from 'node:fs';

const ALPHA = 'bcdfghjklmnpqrstvwxz2456789';

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let r = Math.imul(s ^ (s >>> 15), s | 1);
		r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

export interface DumpOptions {
	pods: number;
	/** Pods per Deployment (its Service selects them). */
	podsPerApp?: number;
	podsPerNode?: number;
	namespaces?: number;
}

type Obj = Record<string, unknown>;

const BASE = Date.UTC(2026, 9, 1, 8, 0, 0);
const ts = (offsetSeconds: number) => new Date(BASE + offsetSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** The dump's items in kubectl's order (nodes, pods, services, endpoints, workloads), one at a
 *  time: pods are yielded as they are made, so a dump at the Kubernetes limits (150,000 pods)
 *  never holds its pods at once. */
function* dumpItems(options: DumpOptions): Generator<Obj> {
	const random = rng(options.pods);
	const pick = (n: number) => Math.floor(random() * n);
	const suffix = (n: number) => Array.from({length: n}, () => ALPHA[pick(ALPHA.length)]).join('');
	const uid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
	const hex = (n: number) => Array.from({length: n}, () => '0123456789abcdef'[pick(16)]).join('');
	const podsPerApp = options.podsPerApp ?? 10;
	const podsPerNode = options.podsPerNode ?? 100;
	const nodeCount = Math.max(1, Math.ceil(options.pods / podsPerNode));
	const apps = Math.max(1, Math.ceil(options.pods / podsPerApp));
	const namespaces = options.namespaces ?? Math.max(1, Math.min(20, Math.ceil(apps / 25)));
	const items: Obj[] = [];
	const nodes = Array.from({length: nodeCount}, (_, i) => ({
		name: `ip-10-0-${Math.floor(i / 250)}-${(i % 250) + 10}.ec2.internal`,
		ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 10}`,
		index: i,
		// Past 256 nodes the /24s go on into 10.245.0.0/16 and up: a cluster that big has a
		// pod CIDR wider than kubeadm's 10.244.0.0/16.
		cidr: `10.${244 + (i >> 8)}.${i & 255}.0/24`,
		next: 2,
	}));
	for (const node of nodes) {
		items.push({
			apiVersion: 'v1',
			kind: 'Node',
			metadata: {
				annotations: {'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true'},
				creationTimestamp: ts(0),
				labels: {
					'beta.kubernetes.io/arch': 'amd64',
					'beta.kubernetes.io/os': 'linux',
					'kubernetes.io/arch': 'amd64',
					'kubernetes.io/hostname': node.name,
					'kubernetes.io/os': 'linux',
					'topology.kubernetes.io/zone': `us-east-1${'abc'[pick(3)]}`,
				},
				name: node.name,
				resourceVersion: String(1000 + pick(90000)),
				uid: uid(),
			},
			spec: {podCIDR: node.cidr, podCIDRs: [node.cidr], providerID: `aws:///us-east-1a/i-0${hex(16)}`},
			status: {
				addresses: [
					{address: node.ip, type: 'InternalIP'},
					{address: node.name, type: 'InternalDNS'},
					{address: node.name, type: 'Hostname'},
				],
				allocatable: {cpu: '3920m', 'ephemeral-storage': '95551679124', memory: '15341056Ki', pods: '110'},
				capacity: {cpu: '4', 'ephemeral-storage': '104845292Ki', memory: '16186368Ki', pods: '110'},
				conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure']
					.map(type => ({
						lastHeartbeatTime: ts(86000),
						lastTransitionTime: ts(0),
						message: `kubelet has no ${type.toLowerCase()}`,
						reason: `KubeletHasNo${type}`,
						status: 'False',
						type,
					}))
					.concat([
						{
							lastHeartbeatTime: ts(86000),
							lastTransitionTime: ts(30),
							message: 'kubelet is posting ready status',
							reason: 'KubeletReady',
							status: 'True',
							type: 'Ready',
						},
					]),
				daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
				nodeInfo: {
					architecture: 'amd64',
					bootID: uid(),
					containerRuntimeVersion: 'containerd://1.7.22',
					kernelVersion: '6.1.112-124.190.amzn2023.x86_64',
					kubeProxyVersion: 'v1.31.2',
					kubeletVersion: 'v1.31.2',
					machineID: hex(32),
					operatingSystem: 'linux',
					osImage: 'Amazon Linux 2023.6.20241111',
					systemUUID: uid(),
				},
			},
		});
	}
	let podIndex = 0;
	let nodeCursor = 0;
	let clusterIPs = 0;
	let nodePorts = 0;
	const services: Obj[] = [];
	const endpoints: Obj[] = [];
	const workloads: Obj[] = [];
	items.unshift({
		apiVersion: 'v1',
		kind: 'Service',
		metadata: {
			creationTimestamp: ts(0),
			labels: {component: 'apiserver', provider: 'kubernetes'},
			name: 'kubernetes',
			namespace: 'default',
			resourceVersion: '198',
			uid: uid(),
		},
		spec: {
			clusterIP: '10.96.0.1',
			clusterIPs: ['10.96.0.1'],
			internalTrafficPolicy: 'Cluster',
			ipFamilies: ['IPv4'],
			ipFamilyPolicy: 'SingleStack',
			ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 443}],
			sessionAffinity: 'None',
			type: 'ClusterIP',
		},
		status: {loadBalancer: {}},
	});
	yield* items;
	for (let a = 0; a < apps && podIndex < options.pods; a++) {
		const namespace = `team-${a % namespaces}`;
		const app = `svc-${a}`;
		const replicas = Math.min(podsPerApp, options.pods - podIndex);
		const hash = Array.from({length: 10}, () => ALPHA[pick(ALPHA.length)]).join('');
		const deployUid = uid();
		const rsUid = uid();
		const rsName = `${app}-${hash}`;
		const created = 3600 + a * 7;
		const labels = {app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'shop', 'pod-template-hash': hash};
		const container = (podIP?: string) => ({
			env: [
				{name: 'PORT', value: '8080'},
				{name: 'POD_IP', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'status.podIP'}}},
			],
			image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/${app}:v1.${a % 17}.${a % 5}`,
			imagePullPolicy: 'IfNotPresent',
			livenessProbe: {
				failureThreshold: 3,
				httpGet: {path: '/livez', port: 'http', scheme: 'HTTP'},
				initialDelaySeconds: 10,
				periodSeconds: 10,
				successThreshold: 1,
				timeoutSeconds: 1,
			},
			name: 'app',
			ports: [
				{containerPort: 8080, name: 'http', protocol: 'TCP'},
				{containerPort: 9090, name: 'metrics', protocol: 'TCP'},
			],
			readinessProbe: {failureThreshold: 3, httpGet: {path: '/readyz', port: 'http', scheme: 'HTTP'}, periodSeconds: 5, successThreshold: 1, timeoutSeconds: 1},
			resources: {limits: {memory: '512Mi'}, requests: {cpu: '100m', memory: '256Mi'}},
			securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true},
			terminationMessagePath: '/dev/termination-log',
			terminationMessagePolicy: 'File',
			volumeMounts: [
				{mountPath: '/tmp', name: 'tmp'},
				{mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access', readOnly: true},
			],
			...(podIP ? {} : {}),
		});
		const template = {
			metadata: {creationTimestamp: null, labels: {app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'shop'}},
			spec: {
				containers: [container()],
				dnsPolicy: 'ClusterFirst',
				restartPolicy: 'Always',
				schedulerName: 'default-scheduler',
				securityContext: {},
				terminationGracePeriodSeconds: 30,
				volumes: [{emptyDir: {}, name: 'tmp'}],
			},
		};
		workloads.push({
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: {
				annotations: {'deployment.kubernetes.io/revision': '1'},
				creationTimestamp: ts(created),
				generation: 1,
				labels: {app},
				name: app,
				namespace,
				resourceVersion: String(5000 + a),
				uid: deployUid,
			},
			spec: {
				progressDeadlineSeconds: 600,
				replicas,
				revisionHistoryLimit: 10,
				selector: {matchLabels: {app}},
				strategy: {rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}, type: 'RollingUpdate'},
				template,
			},
			status: {
				availableReplicas: replicas,
				conditions: [
					{
						lastTransitionTime: ts(created + 20),
						lastUpdateTime: ts(created + 20),
						message: 'Deployment has minimum availability.',
						reason: 'MinimumReplicasAvailable',
						status: 'True',
						type: 'Available',
					},
				],
				observedGeneration: 1,
				readyReplicas: replicas,
				replicas,
				updatedReplicas: replicas,
			},
		});
		workloads.push({
			apiVersion: 'apps/v1',
			kind: 'ReplicaSet',
			metadata: {
				annotations: {
					'deployment.kubernetes.io/desired-replicas': String(replicas),
					'deployment.kubernetes.io/max-replicas': String(replicas + 1),
					'deployment.kubernetes.io/revision': '1',
				},
				creationTimestamp: ts(created),
				generation: 1,
				labels,
				name: rsName,
				namespace,
				ownerReferences: [{apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: app, uid: deployUid}],
				resourceVersion: String(6000 + a),
				uid: rsUid,
			},
			spec: {replicas, selector: {matchLabels: {app, 'pod-template-hash': hash}}, template: {...template, metadata: {...template.metadata, labels}}},
			status: {availableReplicas: replicas, fullyLabeledReplicas: replicas, observedGeneration: 1, readyReplicas: replicas, replicas},
		});
		const addresses: Obj[] = [];
		for (let r = 0; r < replicas; r++, podIndex++) {
			const node = nodes[nodeCursor++ % nodes.length]!;
			const ip = `10.${244 + (node.index >> 8)}.${node.index & 255}.${node.next++}`;
			const name = `${rsName}-${suffix(5)}`;
			const started = created + 5 + r;
			const podUid = uid();
			addresses.push({ip, nodeName: node.name, targetRef: {kind: 'Pod', name, namespace, uid: podUid}});
			yield {
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {
					annotations: {'kubectl.kubernetes.io/restartedAt': ts(created), 'prometheus.io/port': '9090', 'prometheus.io/scrape': 'true'},
					creationTimestamp: ts(started - 5),
					generateName: `${rsName}-`,
					labels,
					managedFields: [
						{
							apiVersion: 'v1',
							fieldsType: 'FieldsV1',
							fieldsV1: {
								'f:metadata': {
									'f:annotations': {'.': {}, 'f:kubectl.kubernetes.io/restartedAt': {}, 'f:prometheus.io/port': {}, 'f:prometheus.io/scrape': {}},
									'f:generateName': {},
									'f:labels': {'.': {}, 'f:app': {}, 'f:app.kubernetes.io/name': {}, 'f:app.kubernetes.io/part-of': {}, 'f:pod-template-hash': {}},
									'f:ownerReferences': {'.': {}, [`k:{"uid":"${rsUid}"}`]: {}},
								},
								'f:spec': {
									'f:containers': {'k:{"name":"app"}': {'.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': {}, 'f:readinessProbe': {}}},
									'f:dnsPolicy': {},
									'f:restartPolicy': {},
								},
							},
							manager: 'kube-controller-manager',
							operation: 'Update',
							time: ts(started - 5),
						},
						{
							apiVersion: 'v1',
							fieldsType: 'FieldsV1',
							fieldsV1: {
								'f:status': {
									'f:conditions': {
										'k:{"type":"ContainersReady"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
										'k:{"type":"Ready"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
									},
									'f:containerStatuses': {},
									'f:hostIP': {},
									'f:hostIPs': {},
									'f:phase': {},
									'f:podIP': {},
									'f:podIPs': {'.': {}, [`k:{"ip":"${ip}"}`]: {'.': {}, 'f:ip': {}}},
									'f:startTime': {},
								},
							},
							manager: 'kubelet',
							operation: 'Update',
							subresource: 'status',
							time: ts(started + 3),
						},
					],
					name,
					namespace,
					ownerReferences: [{apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: rsName, uid: rsUid}],
					resourceVersion: String(10000 + podIndex),
					uid: podUid,
				},
				spec: {
					containers: [container(ip)],
					dnsPolicy: 'ClusterFirst',
					enableServiceLinks: true,
					nodeName: node.name,
					preemptionPolicy: 'PreemptLowerPriority',
					priority: 0,
					restartPolicy: 'Always',
					schedulerName: 'default-scheduler',
					securityContext: {fsGroup: 2000, runAsUser: 1000},
					serviceAccount: 'default',
					serviceAccountName: 'default',
					terminationGracePeriodSeconds: 30,
					tolerations: [
						{effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300},
						{effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300},
					],
					volumes: [
						{emptyDir: {}, name: 'tmp'},
						{
							name: 'kube-api-access',
							projected: {
								defaultMode: 420,
								sources: [
									{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
									{configMap: {items: [{key: 'ca.crt', path: 'ca.crt'}], name: 'kube-root-ca.crt'}},
									{downwardAPI: {items: [{fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}, path: 'namespace'}]}},
								],
							},
						},
					],
				},
				status: {
					conditions: [
						{lastProbeTime: null, lastTransitionTime: ts(started - 3), status: 'True', type: 'PodReadyToStartContainers'},
						{lastProbeTime: null, lastTransitionTime: ts(started - 5), status: 'True', type: 'Initialized'},
						{lastProbeTime: null, lastTransitionTime: ts(started + 3), status: 'True', type: 'Ready'},
						{lastProbeTime: null, lastTransitionTime: ts(started + 3), status: 'True', type: 'ContainersReady'},
						{lastProbeTime: null, lastTransitionTime: ts(started - 5), status: 'True', type: 'PodScheduled'},
					],
					containerStatuses: [
						{
							containerID: `containerd://${hex(64)}`,
							image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/${app}:v1.${a % 17}.${a % 5}`,
							imageID: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/${app}@sha256:${hex(64)}`,
							lastState: {},
							name: 'app',
							ready: true,
							restartCount: 0,
							started: true,
							state: {running: {startedAt: ts(started)}},
							volumeMounts: [
								{mountPath: '/tmp', name: 'tmp'},
								{mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access', readOnly: true, recursiveReadOnly: 'Disabled'},
							],
						},
					],
					hostIP: node.ip,
					hostIPs: [{ip: node.ip}],
					phase: 'Running',
					podIP: ip,
					podIPs: [{ip}],
					qosClass: 'Burstable',
					startTime: ts(started - 5),
				},
			};
		}
		// The node port range (30000-32767) holds 2,768 ports: past 30100 + 2,666 the Services are
		// ClusterIP, as a cluster of 10,000 Services has no port for a seventh of them.
		const portsLeft = nodePorts + 2 <= 2666;
		const type = portsLeft && a % 10 === 0 ? 'NodePort' : portsLeft && a % 25 === 1 ? 'LoadBalancer' : 'ClusterIP';
		const clusterIP = `10.${96 + Math.floor((clusterIPs + 300) / 65536)}.${Math.floor(((clusterIPs + 300) % 65536) / 256)}.${(clusterIPs + 300) % 256}`;
		clusterIPs++;
		const external = type !== 'ClusterIP';
		const ports = [
			{name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', ...(external ? {nodePort: 30100 + nodePorts++} : {})},
			{name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 'metrics', ...(external ? {nodePort: 30100 + nodePorts++} : {})},
		];
		services.push({
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {
				annotations: {'meta.helm.sh/release-name': 'shop', 'meta.helm.sh/release-namespace': namespace},
				creationTimestamp: ts(created),
				labels: {app, 'app.kubernetes.io/managed-by': 'Helm'},
				name: app,
				namespace,
				resourceVersion: String(7000 + a),
				uid: uid(),
			},
			spec: {
				clusterIP,
				clusterIPs: [clusterIP],
				...(external ? {externalTrafficPolicy: 'Cluster'} : {}),
				internalTrafficPolicy: 'Cluster',
				ipFamilies: ['IPv4'],
				ipFamilyPolicy: 'SingleStack',
				ports,
				selector: {app},
				sessionAffinity: 'None',
				type,
			},
			status: {loadBalancer: type === 'LoadBalancer' ? {ingress: [{hostname: `a${hex(31)}-${hex(16)}.elb.us-east-1.amazonaws.com`}]} : {}},
		});
		endpoints.push({
			apiVersion: 'v1',
			kind: 'Endpoints',
			metadata: {
				annotations: {'endpoints.kubernetes.io/last-change-trigger-time': ts(created + 30)},
				creationTimestamp: ts(created),
				labels: {app, 'app.kubernetes.io/managed-by': 'Helm'},
				name: app,
				namespace,
				resourceVersion: String(8000 + a),
				uid: uid(),
			},
			subsets: [
				{
					addresses,
					ports: [
						{name: 'http', port: 8080, protocol: 'TCP'},
						{name: 'metrics', port: 9090, protocol: 'TCP'},
					],
				},
			],
		});
	}
	yield* services;
	yield* endpoints;
	yield* workloads;
}

export const dumpObject = (options: DumpOptions): Obj => ({apiVersion: 'v1', items: [...dumpItems(options)], kind: 'List', metadata: {resourceVersion: ''}});

// --- kubectl's YAML style (sigs.k8s.io/yaml over go-yaml): sorted keys, 2-space indent,
// sequences at their parent's indentation, strings quoted only when they would not read back.

function scalar(value: unknown): string {
	if (value === null) return 'null';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const s = String(value);
	const plain =
		s !== '' &&
		/^[A-Za-z0-9_./@-][A-Za-z0-9 _./@:()%+-]*$/.test(s) &&
		!/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s) &&
		!/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/.test(s) &&
		!/:\s|\s$|^-\s|: *$/.test(s) &&
		!/^\d{4}-\d\d-\d\d/.test(s);
	return plain ? s : JSON.stringify(s).replace(/\\"/g, '\\"');
}

function emit(value: unknown, indent: string, out: string[], key: string | null): void {
	const prefix = key === null ? '' : `${indent}${key}:`;
	if (Array.isArray(value)) {
		if (value.length === 0) return void out.push(`${prefix} []`);
		if (key !== null) out.push(prefix);
		for (const item of value) {
			if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
				const lines: string[] = [];
				emit(item, `${indent}  `, lines, null);
				out.push(`${indent}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
			} else {
				const lines: string[] = [];
				emit(item, `${indent}  `, lines, null);
				out.push(`${indent}- ${lines.join('\n').trimStart()}`);
			}
		}
		return;
	}
	if (value !== null && typeof value === 'object') {
		const keys = Object.keys(value as Obj).sort();
		if (keys.length === 0) return void out.push(key === null ? '{}' : `${prefix} {}`);
		if (key !== null) out.push(prefix);
		const inner = key === null ? indent : `${indent}  `;
		for (const k of keys) emit((value as Obj)[k], inner, out, scalar(k));
		return;
	}
	out.push(key === null ? `${indent}${scalar(value)}` : `${prefix} ${scalar(value)}`);
}

/** One item of a list as kubectl's YAML writes it: `- ` at column 0, the rest indented by two. */
function yamlItem(item: unknown): string {
	const lines: string[] = [];
	emit(item, '  ', lines, null);
	return [`- ${(lines[0] ?? '').trimStart()}`, ...lines.slice(1)].join('\n');
}

export function toKubectlYaml(value: Obj): string {
	const out: string[] = [];
	emit(value, '', out, null);
	return `${out.join('\n')}\n`;
}

export const toKubectlJson = (value: Obj) => `${JSON.stringify(value, null, 4)}\n`;

/**
 * A `kind: List` of `items` written item by item, byte for byte what toKubectlJson /
 * toKubectlYaml print for the whole List object: a dump past V8's longest string (about 512 MiB)
 * is never one string.
 */
function writeKubectlList(items: Iterable<Obj>, format: 'json' | 'yaml', write: (text: string) => void): void {
	const pad = (text: string) => text.replace(/^/gm, '        ');
	let first = true;
	if (format === 'json') write('{\n    "apiVersion": "v1",\n    "items": [');
	else write('apiVersion: v1\nitems:');
	for (const item of items) {
		if (format === 'json') write(`${first ? '' : ','}\n${pad(JSON.stringify(item, null, 4))}`);
		else write(`\n${yamlItem(item)}`);
		first = false;
	}
	if (format === 'json') write(`${first ? ']' : '\n    ]'},\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n`);
	else write(`${first ? ' []' : ''}\nkind: List\nmetadata:\n  resourceVersion: ""\n`);
}

/** Writes to a file descriptor in chunks of about a megabyte (synchronously: a file, a pipe). */
function chunkedWriter(fd: number): {write: (text: string) => void; end: () => void} {
	let pending: string[] = [];
	let size = 0;
	const flush = () => {
		if (pending.length > 0) writeSync(fd, pending.join(''));
		pending = [];
		size = 0;
	};
	return {
		write: text => {
			pending.push(text);
			size += text.length;
			if (size >= 1 << 20) flush();
		},
		end: flush,
	};
}

// Usage: tsx bench/generate-dump.ts PODS [yaml|json] [PODS_PER_APP] [PODS_PER_NODE]   → the dump on stdout.
if (process.argv[1]?.endsWith('generate-dump.ts')) {
	const [pods = '1000', format = 'yaml', podsPerApp, podsPerNode] = process.argv.slice(2);
	const out = chunkedWriter(1);
	const options: DumpOptions = {
		pods: Number(pods),
		...(podsPerApp ? {podsPerApp: Number(podsPerApp)} : {}),
		...(podsPerNode ? {podsPerNode: Number(podsPerNode)} : {}),
	};
	writeKubectlList(dumpItems(options), format === 'json' ? 'json' : 'yaml', out.write);
	out.end();
}
