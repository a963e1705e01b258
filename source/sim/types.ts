// The simulator's data model. Everything here is plain, JSON-serialisable data:
// no classes, no functions, no Maps (docs/architecture.md "Layers").
//
// Two halves:
//   - *Input types: what the loader hands the simulator (validated and defaulted,
//     as the API server stores objects after defaulting, docs/semantics.md S1).
//   - State types: what the reducer keeps and changes.

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type TrafficPolicy = 'Cluster' | 'Local';
export type WorkloadKind = 'ReplicationController' | 'ReplicaSet' | 'Deployment' | 'StatefulSet';
export type Labels = Readonly<Record<string, string>>;

/** Lookup table keyed by `namespace/name` (or plain name for cluster-scoped objects). */
type Table<T> = Readonly<Record<string, T>>;

/**
 * A table that grows with the cluster, in pieces a step copies one at a time (sim/rows.ts):
 * read it through getRow, listRows, listKeys, listEntries and countRows, never by hand.
 */
export interface Rows<T> {
	/** Rows in insertion order, by chunk of insertion numbers (sim/rows.ts CHUNK). */
	readonly chunks: ReadonlyArray<Readonly<Record<string, T>>>;
	/** Two hash levels of the key down to a bucket: key → insertion number. */
	readonly slots: ReadonlyArray<ReadonlyArray<Readonly<Record<string, number>> | null> | null>;
	/** How many rows. */
	readonly size: number;
	/** The next row's insertion number. */
	readonly next: number;
}

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

export interface ObjectMetaInput {
	name: string;
	/** '' for cluster-scoped kinds (Node, Namespace). */
	namespace: string;
	labels: Labels;
	annotations: Labels;
	/** Recorded by a real cluster (kubectl dumps); generated otherwise. */
	uid?: string;
	/** Seconds relative to the simulation's t=0 (negative = before it); from dumps. */
	createdAtSeconds?: number;
	ownerReferences?: OwnerReference[];
}

export interface OwnerReference {
	kind: string;
	name: string;
	uid?: string;
	controller?: boolean;
}

export interface LabelSelectorRequirement {
	key: string;
	operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
	values: string[];
}

/** A set-based selector as workloads use it; Services and RCs use matchLabels only. */
export interface LabelSelector {
	matchLabels: Labels;
	matchExpressions: LabelSelectorRequirement[];
}

export interface ContainerPort {
	name?: string;
	containerPort: number;
	protocol: Protocol;
}

/** HTTPGetAction after SetDefaults_HTTPGetAction: path "/" and scheme HTTP when omitted. */
export interface HTTPGetAction {
	path: string;
	/** A number or the name of a container port. */
	port: number | string;
	host?: string;
	scheme: string;
	httpHeaders?: Array<{name: string; value: string}>;
}

/**
 * A probe as the API server returns it (core/v1 Probe, SetDefaults_Probe; docs/semantics.md C3):
 * one handler (validation rejects none or several) and the timings with their defaults.
 */
export interface Probe {
	exec?: {command: string[]};
	httpGet?: HTTPGetAction;
	tcpSocket?: {port: number | string; host?: string};
	/** `service` defaults to "" (`+default=""` on GRPCAction.Service). */
	grpc?: {port: number; service: string};
	initialDelaySeconds: number;
	timeoutSeconds: number;
	periodSeconds: number;
	failureThreshold: number;
	successThreshold: number;
}

export interface Container {
	name: string;
	image: string;
	ports: ContainerPort[];
	/** Shown by describe and -o json; the lifecycle does not run liveness or startup probes. */
	livenessProbe?: Probe;
	readinessProbe?: Probe;
	startupProbe?: Probe;
	/** resources.requests and .limits as written (quantities), a limit also the request it
	 *  defaults (SetDefaults_Pod); absent when neither is set. describe node sums them. */
	resources?: {requests: Readonly<Record<string, string>>; limits: Readonly<Record<string, string>>};
	/** As written; absent, the API object shows SetDefaults_Container's (view/pod-defaults.ts). */
	imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
	terminationMessagePath?: string;
	terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
}

export interface PodSpec {
	containers: Container[];
	hostname?: string;
	subdomain?: string;
	/** Default 30 (docs/semantics.md C4). */
	terminationGracePeriodSeconds: number;
	/** A pod that names its node is not scheduled; it runs there. */
	nodeName?: string;
	hostNetwork?: boolean;
	/** spec.tolerations as written; absent when the manifest has none (sim/taints.ts matches them). */
	tolerations?: Toleration[];
	// As written; each absent one is shown with the API server's default (view/pod-defaults.ts).
	// The simulator acts on dnsPolicy (sim/dns.ts resolverOf), not on restartPolicy: every container restarts.
	restartPolicy?: 'Always' | 'OnFailure' | 'Never';
	dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
	schedulerName?: string;
	serviceAccountName?: string;
	enableServiceLinks?: boolean;
	/** spec.dnsConfig as written: appended to what dnsPolicy gives, or all of it for `None` (sim/dns.ts resolverOf). */
	dnsConfig?: {nameservers: string[]; searches: string[]; options: Array<{name: string; value?: string}>};
	/** spec.nodeSelector: labels a node must carry (sim/node-affinity.ts). Absent when empty. */
	nodeSelector?: Labels;
	/** affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: a node must match one. */
	requiredNodeAffinity?: NodeSelectorTerm[];
	/** spec.securityContext as written (schema-checked plain data); absent when the manifest has none. */
	securityContext?: Readonly<Record<string, unknown>>;
}

/** core/v1 NodeSelectorRequirement; `values` as written ([] when omitted). */
export interface NodeSelectorRequirement {
	key: string;
	operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
	values: string[];
}

/** core/v1 NodeSelectorTerm: requirements on a node's labels, and on its fields (metadata.name only). */
export interface NodeSelectorTerm {
	matchExpressions: NodeSelectorRequirement[];
	matchFields: NodeSelectorRequirement[];
}

/**
 * core/v1 Toleration with omitted fields absent, as the API keeps them. Release 1.34 knows the
 * operators Equal (the default) and Exists; Lt and Gt came later behind a feature gate.
 */
export interface Toleration {
	key?: string;
	operator?: 'Equal' | 'Exists';
	value?: string;
	effect?: string;
	tolerationSeconds?: number;
}

/** core/v1 Taint without timeAdded. */
export interface Taint {
	key: string;
	value?: string;
	effect: string;
}

export interface PodTemplate {
	labels: Labels;
	annotations: Labels;
	spec: PodSpec;
}

/** What a dump recorded of a running pod (issue 4); absent for plain manifests. */
export interface PodStatusInput {
	phase?: PodPhase;
	podIP?: string;
	hostIP?: string;
	ready?: boolean;
	restartCount?: number;
	startedAtSeconds?: number;
}

export interface PodInput {
	meta: ObjectMetaInput;
	spec: PodSpec;
	status?: PodStatusInput;
}

export interface WorkloadInput {
	kind: WorkloadKind;
	meta: ObjectMetaInput;
	/** Defaulted: 1 when the manifest omits it. */
	replicas: number;
	/** Defaulted from the template's labels where the API did so (RC; legacy extensions/v1beta1). */
	selector: LabelSelector;
	template: PodTemplate;
	/** StatefulSet only: the governing (usually headless) Service. */
	serviceName?: string;
	/** e.g. 'extensions/v1beta1' when the manifest used an API a current cluster rejects (A13). */
	legacyApiVersion?: string;
}

/**
 * core/v1 ServicePort as the API server returns it: omitted fields are absent (Go's `omitempty`),
 * so the state's object is the one `-o json` prints. The loader fills what defaulting fills; the
 * allocator writes nodePort.
 */
export interface ServicePort {
	/** Absent when unnamed (allowed only with a single port, A4). */
	name?: string;
	protocol: Protocol;
	port: number;
	/** Defaulted to `port` when omitted (A6). A string is a named container port. */
	targetPort: number | string;
	/** Asked for in the input (absent: allocated if the type needs one); allocated or recorded in the state. */
	nodePort?: number;
	appProtocol?: string;
}

/**
 * core/v1 ServiceSpec after defaulting (SetDefaults_Service, S1), in the API's own field names and
 * shape; absent fields are the ones the API server leaves out. The same type is the loader's output
 * (what the user asked for) and the state's (with the ClusterIP family fields, nodePorts and
 * healthCheckNodePort allocated, B2/B3): adding a field is declaring it here and decoding it in
 * source/load/service.ts.
 */
export interface ServiceSpec {
	type: ServiceType;
	/** Absent: no selector, so no managed endpoints (A12); an empty one is dropped (S29). */
	selector?: Labels;
	/** Absent when there are none (ExternalName, headless without ports). */
	ports?: ServicePort[];
	/** 'None' = headless; absent in the input = allocate; ExternalName has none. Never changes (B2). */
	clusterIP?: string;
	/** Written with clusterIP by the allocator: the simulator models IPv4 single-stack clusters (S25). */
	clusterIPs?: string[];
	ipFamilies?: Array<'IPv4'>;
	ipFamilyPolicy?: 'SingleStack';
	/** ExternalName's target; kept on other types too (as the API stores it), where nothing reads it. */
	externalName?: string;
	externalIPs?: string[];
	loadBalancerIP?: string;
	/** As given (entries may be space-padded); kube-proxy and the cloud read them trimmed. */
	loadBalancerSourceRanges?: string[];
	sessionAffinity: 'None' | 'ClientIP';
	/** Only with ClientIP; timeoutSeconds defaults to 10800 (A10). */
	sessionAffinityConfig?: {clientIP: {timeoutSeconds: number}};
	/** Set (defaulted to Cluster) only for externally accessible Services (A11). */
	externalTrafficPolicy?: TrafficPolicy;
	/** Set (defaulted to Cluster) for every type but ExternalName. */
	internalTrafficPolicy?: TrafficPolicy;
	/** D2. The legacy `tolerate-unready-endpoints` annotation is ignored (removed in Kubernetes 1.24); the loader warns. */
	publishNotReadyAddresses?: true;
	/** LoadBalancer only; default true (B3). */
	allocateLoadBalancerNodePorts?: boolean;
	healthCheckNodePort?: number;
	/** Topology-aware routing (sim/topology.ts): PreferClose is the older name of PreferSameZone. */
	trafficDistribution?: TrafficDistribution;
}

export type TrafficDistribution = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';

/** core/v1 ServiceStatus: the load balancer's addresses once the cloud ensured it (B4). */
interface ServiceStatus {
	/** No ingress yet: EXTERNAL-IP is <pending>. ipMode defaults to VIP (LoadBalancerIPMode, GA in 1.32). */
	loadBalancer: {ingress?: Array<{ip: string; ipMode: 'VIP'}>};
}

export interface ServiceInput {
	meta: ObjectMetaInput;
	spec: ServiceSpec;
	/** status.loadBalancer as recorded in a dump: that balancer was ensured before we looked. */
	status?: ServiceStatus;
}

export interface EndpointAddressInput {
	ip: string;
	nodeName?: string;
	hostname?: string;
	targetRef?: {kind: string; name: string; namespace?: string};
}

export interface EndpointPortInput {
	name: string;
	port: number;
	protocol: Protocol;
}

export interface EndpointSubsetInput {
	addresses: EndpointAddressInput[];
	notReadyAddresses: EndpointAddressInput[];
	ports: EndpointPortInput[];
}

/** A user-supplied Endpoints object, for a Service without a selector (docs/semantics.md S81). */
export interface EndpointsInput {
	meta: ObjectMetaInput;
	subsets: EndpointSubsetInput[];
}

/**
 * What a Node document records that the simulation does not run: the kubelet's report and the
 * cloud's facts, kept so the views print them as kubectl would (issue 12). Times are seconds
 * relative to t=0, as createdAtSeconds. Absent fields are the simulation's defaults.
 */
export interface RecordedNode {
	annotations?: Labels;
	/** status.nodeInfo's strings (kubeletVersion, osImage, …), as written. */
	nodeInfo?: Readonly<Record<string, string>>;
	/** status.addresses in their order. */
	addresses?: ReadonlyArray<{type: string; address: string}>;
	/** status.capacity and status.allocatable: quantities as written (a dump's are canonical). */
	capacity?: Readonly<Record<string, string>>;
	allocatable?: Readonly<Record<string, string>>;
	/** status.conditions in their order; the Ready one is superseded by the simulation's while they agree on readiness. */
	conditions?: ReadonlyArray<RecordedNodeCondition>;
	/** spec.taints and spec.unschedulable: the scheduler filters on these (sim/scheduler.ts). */
	taints?: ReadonlyArray<Taint>;
	unschedulable?: boolean;
	providerID?: string;
	/** spec.podCIDRs (dual-stack nodes have two); shown while the first is the node's podCIDR. */
	podCIDRs?: readonly string[];
}

export interface RecordedNodeCondition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastHeartbeatSeconds?: number;
	lastTransitionSeconds?: number;
}

export interface NodeInput {
	name: string;
	/** metadata.uid, from dumps. */
	uid?: string;
	labels?: Labels;
	internalIP?: string;
	podCIDR?: string;
	/** From dumps: a NotReady node keeps its pods but they are not Ready. */
	ready?: boolean;
	createdAtSeconds?: number;
	/** `status.allocatable.pods` from a dump: how many pods the scheduler may place here. */
	maxPods?: number;
	recorded?: RecordedNode;
}

export interface NamespaceInput {
	name: string;
	labels?: Labels;
	createdAtSeconds?: number;
}

/** networking/v1 NetworkPolicyPort after defaulting: protocol TCP when omitted (SetDefaults_NetworkPolicyPort). */
export interface NetworkPolicyPort {
	protocol: Protocol;
	/** A number or the name of a container port on the pod at the far end; absent: every port. */
	port?: number | string;
	/** Only with a numeric port: the range port..endPort, inclusive. */
	endPort?: number;
}

export interface IPBlock {
	cidr: string;
	except: string[];
}

/** One `from`/`to` entry; validation lets ipBlock stand only alone. */
export interface NetworkPolicyPeer {
	podSelector?: LabelSelector;
	namespaceSelector?: LabelSelector;
	ipBlock?: IPBlock;
}

/** An ingress rule's `from` or an egress rule's `to`, both as `peers`; empty lists match everything. */
export interface NetworkPolicyRule {
	ports: NetworkPolicyPort[];
	peers: NetworkPolicyPeer[];
}

export type PolicyType = 'Ingress' | 'Egress';

interface NetworkPolicySpec {
	podSelector: LabelSelector;
	ingress: NetworkPolicyRule[];
	egress: NetworkPolicyRule[];
	/** Defaulted: Ingress always, Egress when egress rules exist (pkg/apis/networking/v1/defaults.go). */
	policyTypes: PolicyType[];
}

export interface NetworkPolicyInput {
	meta: ObjectMetaInput;
	spec: NetworkPolicySpec;
}

export interface ExternalClient {
	name: string;
	ip: string;
}

/** From the optional `apiVersion: k8s-svc-tui/v1, kind: Cluster` document; defaults otherwise. */
export interface ClusterConfigInput {
	/** A count (names node-1 … node-N) or a list. Default 3. */
	nodes?: number | NodeInput[];
	serviceCIDR?: string;
	podCIDR?: string;
	/** e.g. '30000-32767'. */
	nodePortRange?: string;
	proxyMode?: ProxyMode;
	/** Addresses or CIDRs a simulated cloud hands out to LoadBalancer Services. */
	loadBalancerPool?: string[];
	externalClients?: ExternalClient[];
	/** Seconds from pod creation to containers running. Default 2. */
	podStartSeconds?: number;
	maxPodsPerNode?: number;
}

export interface ClusterInput {
	config: ClusterConfigInput;
	nodes: NodeInput[];
	namespaces: NamespaceInput[];
	pods: PodInput[];
	workloads: WorkloadInput[];
	services: ServiceInput[];
	endpoints: EndpointsInput[];
	networkPolicies?: NetworkPolicyInput[];
}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

export interface ClusterConfig {
	serviceCIDR: string;
	podCIDR: string;
	/** Per-node pod CIDR prefix length (24 for IPv4, docs/semantics.md B5). */
	nodeCIDRMaskSize: number;
	nodePortMin: number;
	nodePortMax: number;
	proxyMode: ProxyMode;
	loadBalancerPool: string[];
	externalClients: ExternalClient[];
	podStartSeconds: number;
	maxPodsPerNode: number;
	clusterDomain: string;
	/** kube-dns's ClusterIP: the 10th address of the service CIDR (B1). */
	dnsIP: string;
}

export interface Node {
	name: string;
	uid: string;
	labels: Labels;
	internalIP: string;
	/** '' as the API's empty spec.podCIDR: the node IPAM controller had no block left (sim/node-ipam.ts). */
	podCIDR: string;
	ready: boolean;
	createdAt: number;
	/** `status.allocatable.pods` when a dump recorded it; otherwise config.maxPodsPerNode. */
	maxPods?: number;
	/** Carried for the views; the simulation reads only its taints and unschedulable (the scheduler). */
	recorded?: RecordedNode;
}

export interface Namespace {
	name: string;
	uid: string;
	labels: Labels;
	createdAt: number;
	/** True when no document defined it and the loader created it (with a warning). */
	implicit: boolean;
}

export interface NetworkPolicy {
	name: string;
	namespace: string;
	uid: string;
	labels: Labels;
	annotations: Labels;
	createdAt: number;
	spec: NetworkPolicySpec;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface Pod {
	name: string;
	namespace: string;
	uid: string;
	labels: Labels;
	annotations: Labels;
	/** The controlling owner (a ReplicaSet for Deployment pods), or null for a bare pod. */
	owner: {kind: WorkloadKind; name: string} | null;
	spec: PodSpec;
	nodeName: string | null;
	podIP: string | null;
	phase: PodPhase;
	/** Containers started and not crashed (kubectl READY counts these when ready). */
	containersRunning: boolean;
	/** The Ready condition (C3). */
	ready: boolean;
	/** `probe pod NAME fail` makes the readiness probe fail from now on. */
	probeFailing: boolean;
	restartCount: number;
	lastRestartAt: number | null;
	createdAt: number;
	/** status.startTime: when the kubelet first started the pod; a container restart keeps it. */
	startedAt: number | null;
	/** When the running container started (a restart starts it again); unset: at startedAt. */
	containerStartedAt?: number;
	/** When the container that last terminated had started (its lastState.terminated.startedAt). */
	lastStartedAt?: number;
	/** Set when deleted; the pod is Terminating until the grace period ends (C4). */
	deletionTimestamp: number | null;
	/** Why a Pending pod has no node (e.g. 'Unschedulable'). */
	reason?: string;
}

export interface Workload {
	kind: WorkloadKind;
	name: string;
	namespace: string;
	uid: string;
	labels: Labels;
	annotations: Labels;
	replicas: number;
	selector: LabelSelector;
	template: PodTemplate;
	serviceName?: string;
	/** A ReplicaSet created by a Deployment points back at it. */
	owner: {kind: 'Deployment'; name: string} | null;
	/** Deployment: pod-template-hash of its current ReplicaSet. */
	templateHash?: string;
	legacyApiVersion?: string;
	createdAt: number;
}

/**
 * The metadata is flat, as for every kind here (keys, indexes and panes read name and namespace;
 * objectMeta() makes `metadata` for all kinds alike); spec and status are the API's objects.
 */
export interface Service {
	name: string;
	namespace: string;
	uid: string;
	labels: Labels;
	annotations: Labels;
	createdAt: number;
	spec: ServiceSpec;
	status: ServiceStatus;
}

/** One address of a Service's endpoints, with EndpointSlice conditions (D2, S72). */
export interface EndpointAddress {
	ip: string;
	nodeName: string | null;
	/** Set when the pod's hostname+subdomain name this Service (S77). */
	hostname?: string;
	/** The pod behind it (targetRef), absent for user-supplied addresses without one. */
	podName?: string;
	ready: boolean;
	serving: boolean;
	terminating: boolean;
	/** Resolved target port per Service port name ('' for unnamed). A missing name: this
	 *  pod does not serve that port (named targetPort not found, D3). */
	ports: Readonly<Record<string, number>>;
}

export interface Endpoints {
	name: string;
	namespace: string;
	/** true: kept by the endpoints controller from the selector; false: user-supplied. */
	managed: boolean;
	/** Keyed by pod name for managed endpoints, by IP for user-supplied ones; in pieces (sim/rows.ts). */
	addresses: Rows<EndpointAddress>;
	/** Ports in Service order (name, protocol, and for user-supplied ones the port). */
	ports: ReadonlyArray<{name: string; protocol: Protocol; port?: number}>;
	createdAt: number;
}

export interface Timer {
	at: number;
	/** Tie-breaker so timers at the same instant fire in creation order. */
	seq: number;
	kind: 'podStarted' | 'podReady' | 'podUnready' | 'probeFailed' | 'podGone' | 'statefulSetNext' | 'loadBalancerRetry';
	/** pod key `ns/name`, workload key for statefulSetNext, service key for loadBalancerRetry. */
	target: string;
	/** The uid of the pod (or Service) the timer was set for: a stale timer (object replaced) is ignored. */
	uid: string;
	/** loadBalancerRetry: how many syncs failed before, for the controller's exponential backoff. */
	failures?: number;
}

/** The object an event is about (core/v1 ObjectReference). */
interface InvolvedObject {
	kind: string;
	/** '' for cluster-scoped kinds (Node). */
	namespace: string;
	name: string;
	uid?: string;
	/** The container an event is about, e.g. `spec.containers{app}` (kubelet events). */
	fieldPath?: string;
}

/**
 * One core/v1 Event as the API server keeps it: repeats of an identical event (same object,
 * type, reason, message and source) are one event with a count, as client-go's EventCorrelator
 * records them (see sim/events.ts).
 */
export interface ClusterEvent {
	/** Serial of the first record; the name's suffix (`<object>.<hex>`) comes from it. */
	id: number;
	/** Serial of the latest record (the event log's queue order). */
	seq: number;
	type: 'Normal' | 'Warning';
	reason: string;
	involved: InvolvedObject;
	message: string;
	/** source.component, the From column of describe, e.g. `replicaset-controller`. */
	source: string;
	/** source.host: the node, for kubelet events. */
	host?: string;
	count: number;
	firstAt: number;
	lastAt: number;
}

/** The events the API server still holds: bounded by a TTL on virtual time and a count (sim/events.ts). */
export interface EventLog {
	/** Aggregation key → event (prototype-free; at most a thousand, sim/events.ts). */
	byKey: Readonly<Record<string, ClusterEvent>>;
	/** `[key, seq]` per record, oldest first from `head`; an entry whose seq is not its event's is stale. */
	queue: ReadonlyArray<readonly [key: string, seq: number]>;
	head: number;
	/** Records so far. */
	seq: number;
	size: number;
}

type ClientKind = 'pod' | 'node' | 'external';

export interface Client {
	kind: ClientKind;
	/** Pod name, node name, or external client name. */
	name: string;
	namespace?: string;
	ip: string;
	/** The node the client sits on (pods and nodes). */
	nodeName?: string;
	/** A pod with `hostNetwork: true`: it sends from its node's address, as the node does. */
	hostNetwork?: true;
	/** An outside client's `--via node/NAME`: the node its connections to a load-balancer or external IP enter by. */
	via?: string;
}

export interface DnsRecord {
	name: string;
	type: 'A' | 'SRV' | 'CNAME' | 'PTR' | 'SOA';
	ttl: number;
	/** A: IP; CNAME, PTR: target; SRV: `priority weight port target`; SOA: `mname rname serial refresh retry expire minimum`. */
	data: string;
}

export interface DnsQuery {
	name: string;
	rcode: 'NOERROR' | 'NXDOMAIN';
}

export interface DnsResult {
	question: string;
	qtype: 'A' | 'SRV' | 'CNAME' | 'PTR';
	/** Every absolute name tried on the search path, in order (F5). */
	tried: DnsQuery[];
	answers: DnsRecord[];
	/** `TIMEOUT` is no DNS rcode: no server replied and the resolver gave up (`timedOut` says why). */
	rcode: 'NOERROR' | 'NXDOMAIN' | 'TIMEOUT';
	/** No reply from the cluster DNS: where the query went and why nothing answered it. */
	timedOut?: {
		server: string;
		reason: string;
		/** Set when NetworkPolicies dropped the query (sim/dns.ts dnsDropped). */
		networkPolicy?: PolicyVerdict;
	};
	/** The name that answered (after the search path), if any. */
	canonicalName?: string;
	/** Answered by the upstream resolver, outside the cluster zone. */
	upstream: boolean;
	server: string;
	/** Why the name that answered NOERROR has no records: its ExternalName CNAMEs led nowhere. */
	cnameStop?: CnameStop;
	/** The reply's additional section: the SRV targets' A records. */
	additional?: DnsRecord[];
	/** The reply's authority section: the zone's SOA on a negative answer from CoreDNS. */
	authority?: DnsRecord[];
	/** An ExternalName's target outside the cluster zone: CoreDNS asks the upstream resolver for
	 *  its records, which the simulator does not have, so the answer stops at the CNAMEs. */
	outside?: string;
	/** Why a pod's lookup did not go to the cluster DNS (its dnsPolicy, sim/dns.ts resolverOf). */
	resolverNote?: string;
	/** The search path's threshold when the cluster DNS answered: a name with this many dots is tried as is first (F5). */
	ndots?: number;
}

/**
 * Where CoreDNS stopped following a chain of ExternalName CNAMEs and answered with no records
 * (coredns/coredns `plugin/backend_lookup.go` A()): `self` a target that is the name itself or
 * under it, `loop` a target the chain already had, `depth` more than MAX_CNAMES (sim/dns.ts),
 * `no-records` an in-zone target that has none.
 */
export interface CnameStop {
	why: 'self' | 'loop' | 'depth' | 'no-records';
	/** The question's absolute name, then each target followed, then the one not followed (a loop
	 *  ends at the first name seen twice). */
	chain: string[];
}

export type RequestOutcome = 'ok' | 'refused' | 'timeout' | 'nxdomain' | 'error';

/** How a request entered the Service data path. */
export type RequestVia = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP' | 'Headless' | 'ExternalName' | 'PodIP' | 'HealthCheckNodePort' | 'none';

export interface RequestTrace {
	seq: number;
	at: number;
	client: Client;
	/** As typed by the user. */
	target: string;
	/** The DNS step, when the target was a name. */
	dns?: DnsResult;
	/** `ip:port` the client connected to. */
	resolved: string | null;
	/** Absent for TCP, curl's own; set by `curl --udp` / `--sctp`. */
	protocol?: Exclude<Protocol, 'TCP'>;
	via: RequestVia;
	/** `ns/name` of the Service that handled it. */
	service?: string;
	servicePort?: string;
	endpoint: {pod: string | null; ip: string; port: number; node: string | null} | null;
	/** Chosen by session affinity rather than a fresh pick. */
	affinity?: boolean;
	/** The node an outside client's connection to a load-balancer or external IP entered by, and who chose it. */
	entryNode?: {name: string; chosenBy: 'load balancer' | 'route' | 'via'};
	/** The source address the endpoint saw (set when one was reached). */
	source?: RequestSource;
	/** The HTTP answer of a server the simulator itself runs (kube-proxy's health check). */
	http?: {status: number; body: string};
	/** The NetworkPolicy verdict, when a policy selected either end (sim/netpol.ts). */
	networkPolicy?: PolicyVerdict;
	outcome: RequestOutcome;
	reason: string;
}

/** One direction at one pod: who selects it, and what let the connection through (sim/netpol.ts). */
export interface DirectionVerdict {
	direction: 'ingress' | 'egress';
	/** `ns/name` of the pod judged. */
	pod: string;
	/** `ns/name` of every policy selecting the pod for this direction, sorted; empty: not isolated. */
	policies: string[];
	allowed: boolean;
	/** The first rule that allowed it: `ns/name` and the index in spec.ingress / spec.egress. */
	rule?: {policy: string; index: number};
	/** Ingress from the pod's own node, which policies never block. */
	localNode?: true;
}

export interface PolicyVerdict {
	allowed: boolean;
	egress?: DirectionVerdict;
	ingress?: DirectionVerdict;
}

/** The source address an endpoint sees; `snat` names the node that masqueraded it (sim/source-nat.ts). */
export interface RequestSource {
	ip: string;
	snat?: string;
	/** Why that node masqueraded it. */
	reason?: string;
}

export interface AffinityEntry {
	/** The pinned endpoint's IP. */
	ip: string;
	lastSeen: number;
}

interface Ipam {
	/** Allocated ClusterIPs → service key. */
	serviceIPs: Readonly<Record<string, string>>;
	/** Allocated node ports (and healthCheckNodePorts) → service key. */
	nodePorts: Readonly<Record<string, string>>;
	/** Handed-out LoadBalancer pool addresses → service key. */
	loadBalancerIPs: Readonly<Record<string, string>>;
	/** Per node: used pod IPs → pod key, and the host-local round-robin cursor (S57). */
	podIPs: Readonly<Record<string, {used: Readonly<Record<string, string>>; last: number}>>;
}

/** A set of keys, split into shards (see index-sets.ts): shard → member → true. */
export type IndexSet = Readonly<Record<string, Readonly<Record<string, true>>>>;

/** Every index is a table in pieces (sim/rows.ts): a pod change touches one bucket of each. */
interface Indexes {
	/** `ns\u0000key=value` → pod names. */
	podsByLabel: Rows<IndexSet>;
	/** `ns\u0000key=value` → names of the Services whose selector has that pair. */
	servicesByLabel: Rows<IndexSet>;
	/** Workload key `Kind/ns/name` → pod keys it owns. */
	podsByOwner: Rows<IndexSet>;
	/** Node name → pod keys on it. */
	podsByNode: Rows<IndexSet>;
	/** Node name → number of pods on it, so the scheduler need not count sets. */
	podCountByNode: Rows<number>;
	/** Workload key → how many of its pods are active (S61 IsPodActive): what its controller compares with replicas. */
	activePodCountByOwner: Rows<number>;
	/** Workload key → node → its pods bound there and not being deleted: the scheduler's spreading score. */
	podCountByOwnerNode: Rows<Readonly<Record<string, number>>>;
}

export interface State {
	/** Virtual milliseconds since the simulation started. */
	clock: number;
	/** Seeded PRNG state (uint32, mulberry32). */
	rng: number;
	seed: number;
	/** Counter for generated uids and timer order. */
	serial: number;
	config: ClusterConfig;
	nodes: Table<Node>;
	namespaces: Table<Namespace>;
	pods: Rows<Pod>;
	workloads: Rows<Workload>;
	services: Rows<Service>;
	endpoints: Rows<Endpoints>;
	/** `ns/name` → policy; loaded once, never changed by an action. */
	networkPolicies: Table<NetworkPolicy>;
	ipam: Ipam;
	index: Indexes;
	/** Pending lifecycle events, sorted by (at, seq). */
	timers: ReadonlyArray<Timer>;
	/** `ns/svc|port|clientIP[|node]` → pinned endpoint (E3); each node's kube-proxy keeps its own. */
	affinity: Readonly<Record<string, AffinityEntry>>;
	/** IPVS round-robin cursors per `ns/svc|port[|node]` (E1): each node's IPVS table rotates on its own. */
	roundRobin: Readonly<Record<string, number>>;
	/** Newest last, capped. */
	requestLog: ReadonlyArray<RequestTrace>;
	requestSeq: number;
	/** Aggregated, bounded events (sim/events.ts). */
	events: EventLog;
}

// ---------------------------------------------------------------------------
// Actions (named as events, Redux style) and their results
// ---------------------------------------------------------------------------

export interface ClientSpec {
	/** 'pod' + name, 'node' + name, 'external' (+ optional client name), or 'default'
	 *  (an in-cluster pod-like client in namespace `default`). */
	kind: 'pod' | 'node' | 'external' | 'default';
	name?: string;
	namespace?: string;
	/** `curl --via node/NAME`: the node an outside client's connection enters by. */
	via?: string;
}

export type Action =
	| {type: 'clockAdvanced'; ms: number}
	| {type: 'podDeleted'; namespace: string; name?: string; selector?: string}
	| {type: 'podCrashed'; namespace: string; name: string}
	| {type: 'nodeDeleted'; name: string}
	| {type: 'replicasScaled'; kind: WorkloadKind; namespace: string; name: string; replicas: number}
	| {type: 'podLabeled'; namespace: string; name: string; set: Labels; remove: string[]; overwrite: boolean}
	| {type: 'nodeLabeled'; name: string; set: Labels; remove: string[]; overwrite: boolean}
	| {type: 'probeSet'; namespace: string; name: string; passing: boolean}
	/** `protocol`: curl's TCP when absent; `curl --udp` / `--sctp` send datagrams / SCTP associations instead. */
	| {type: 'requestSent'; target: string; from: ClientSpec; count: number; protocol?: Exclude<Protocol, 'TCP'>}
	/** `kubectl apply` of a Service: created, or updated keeping what the cluster allocated (sim/service-apply.ts). */
	| {type: 'serviceApplied'; input: ServiceInput}
	| {type: 'serviceDeleted'; namespace: string; name: string}
	| {type: 'networkPolicyApplied'; input: NetworkPolicyInput}
	| {type: 'networkPolicyDeleted'; namespace: string; name: string}
	| {type: 'dnsQueried'; name: string; from: ClientSpec; qtype: DnsResult['qtype']};

export interface RequestSummary {
	total: number;
	ok: number;
	failed: number;
	/** Successful requests per pod name (or endpoint IP when no pod). */
	byPod: Readonly<Record<string, number>>;
	/** Failures per reason. */
	byReason: Readonly<Record<string, number>>;
}

export type StepResult =
	| {kind: 'message'; lines: string[]}
	| {kind: 'error'; message: string}
	| {kind: 'requests'; requests: RequestTrace[]; summary: RequestSummary}
	| {kind: 'dns'; result: DnsResult; client: Client}
	/** kubectl words these (`deployment.apps/web scaled`, `deployments.apps "x" not found`) from the
	 *  kind's names, which live above the simulator (source/kinds/); session/execute.ts does it. */
	| {kind: 'scaled'; workload: WorkloadKind; name: string}
	| {kind: 'workloadNotFound'; workload: WorkloadKind; name: string}
	/** An apply's answer, `service/web configured`; `unchanged` keeps the state as it was. */
	| {kind: 'applied'; resource: string; name: string; verb: 'created' | 'configured' | 'unchanged'}
	/** An apply the API server refuses, with each error's field path for the loader to position. */
	| {kind: 'invalid'; errors: InitError[]};

export interface Step {
	state: State;
	result: StepResult;
}

/** An allocation failure the API server would report for one object (docs/semantics.md A7, A8). */
export interface InitError {
	kind: string;
	namespace: string;
	name: string;
	/** Field path for display, e.g. `spec.ports[0].nodePort` or `spec.clusterIPs`. */
	field: string;
	/** Path into the document, for the loader to find a line and column. */
	path: Array<string | number>;
	/** The body after `<field>: `, e.g. `Invalid value: 80: provided port is not in the valid range. …`. */
	detail: string;
	/** `detail` is the whole message (an internal error names no object or field). */
	plain?: boolean;
}
