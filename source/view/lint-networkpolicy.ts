// NetworkPolicy warnings for `k8s-svc-tui check`: policies that load fine but do not do what their
// author most likely meant. The verdicts come from sim/netpol.ts, so a warning says what the
// simulated cluster would do, not what a pattern suggests. Text from input is left as it is:
// `check` sanitizes each line it prints.
//
// - A port that is a Service's port but not its pods': policies judge the connection after the
//   Service translated it, on the endpoint's targetPort (the NetworkPolicyPort comment in
//   staging/src/k8s.io/api/networking/v1/types.go: "the port on the given protocol" of the pods).
// - Egress isolation without a DNS allowance: the pods' lookups to CoreDNS (UDP 53) are dropped.
// - A podSelector that selects no pod, and a namespaceSelector that matches no namespace: the
//   policy or the peer has no effect. The API server labels every namespace
//   kubernetes.io/metadata.name=<its name> (the NamespaceDefaultLabelName feature, GA in 1.22).

import {getRow, listEntries, listRows} from '../sim/index.js';
import {objectKey} from '../sim/keys.js';
import {matchesSelector} from '../sim/labels.js';
import {judge, peerSelectsPod, podsSelectedBy} from '../sim/netpol.js';
import type {LabelSelector, NetworkPolicy, NetworkPolicyPort, NetworkPolicyRule, Pod, Service, State} from '../sim/types.js';
import type {LintWarning} from './lint-warning.js';
import {formatLabelSelector} from './workload-columns.js';

const NAME_LABEL = 'kubernetes.io/metadata.name';

type Warning = LintWarning & {kind: 'NetworkPolicy'};

/** Rows in key order: `[key, row]` pairs from a record (Object.entries) or a table in pieces (listEntries). */
const byKey = <T>(entries: Array<[string, T]>): T[] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

const shortList = (names: string[]): string => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

const inRange = (rulePort: NetworkPolicyPort, port: number): boolean =>
	typeof rulePort.port === 'number' && (rulePort.endPort === undefined ? port === rulePort.port : port >= rulePort.port && port <= rulePort.endPort);

const portText = (rulePort: NetworkPolicyPort): string =>
	`${rulePort.port}${rulePort.endPort === undefined ? '' : `-${rulePort.endPort}`}/${rulePort.protocol}`;

/** Whether some container of `pod` declares a port the rule port takes in. */
const podDeclares = (pod: Pod, rulePort: NetworkPolicyPort): boolean =>
	pod.spec.containers.some(c => c.ports.some(p => p.protocol === rulePort.protocol && inRange(rulePort, p.containerPort)));

/** The Services whose endpoints hold one of `pods`, with those pods' resolved targetPorts per Service port name. */
function servicesOf(state: State, pods: Pod[]): Array<{service: Service; targetPorts: Map<string, Set<number>>}> {
	const keys = new Set(pods.map(p => objectKey(p.namespace, p.name)));
	const out: Array<{service: Service; targetPorts: Map<string, Set<number>>}> = [];
	for (const service of byKey(listEntries(state.services))) {
		const endpoints = getRow(state.endpoints, objectKey(service.namespace, service.name));
		if (!endpoints) continue;
		const targetPorts = new Map<string, Set<number>>();
		for (const address of listRows(endpoints.addresses)) {
			if (address.podName === undefined || !keys.has(objectKey(service.namespace, address.podName))) continue;
			for (const [name, port] of Object.entries(address.ports)) {
				const seen = targetPorts.get(name) ?? new Set<number>();
				seen.add(port);
				targetPorts.set(name, seen);
			}
		}
		if (targetPorts.size > 0) out.push({service, targetPorts});
	}
	return out;
}

/**
 * The classic mistake: a rule port that is a Service's `port` while the pods behind it listen on
 * another targetPort. Ingress rules are read against the pods the policy selects, egress rules
 * against the pods their peers select (a rule without peers names no Service to compare with).
 */
function servicePortWarnings(state: State, policy: NetworkPolicy, base: Omit<Warning, 'path' | 'message' | 'check'>): Warning[] {
	const warnings: Warning[] = [];
	const selected = podsSelectedBy(state, policy);
	const directions = [
		{key: 'ingress' as const, rules: policy.spec.policyTypes.includes('Ingress') ? policy.spec.ingress : []},
		{key: 'egress' as const, rules: policy.spec.policyTypes.includes('Egress') ? policy.spec.egress : []},
	];
	for (const {key, rules} of directions) {
		rules.forEach((rule: NetworkPolicyRule, i) => {
			let pods: Pod[];
			if (key === 'ingress') pods = selected;
			else if (rule.peers.length === 0) return;
			else
				pods = byKey(listEntries(state.pods)).filter(pod => pod.spec.hostNetwork !== true && rule.peers.some(peer => peerSelectsPod(state, policy, peer, pod)));
			if (pods.length === 0) return;
			const services = servicesOf(state, pods);
			rule.ports.forEach((rulePort, j) => {
				if (typeof rulePort.port !== 'number' || pods.some(pod => podDeclares(pod, rulePort))) return;
				for (const {service, targetPorts} of services) {
					for (const servicePort of service.spec.ports ?? []) {
						if (servicePort.protocol !== rulePort.protocol || !inRange(rulePort, servicePort.port)) continue;
						const resolved = [...(targetPorts.get(servicePort.name ?? '') ?? [])].sort((a, b) => a - b);
						if (resolved.length === 0 || resolved.some(port => inRange(rulePort, port))) continue;
						const target =
							typeof servicePort.targetPort === 'string'
								? `targetPort "${servicePort.targetPort}" (${resolved.join(', ')})`
								: `targetPort ${resolved.join(', ')}`;
						const instead =
							typeof servicePort.targetPort === 'string' ? `${resolved.join(', ')} (or the name "${servicePort.targetPort}")` : resolved.join(', ');
						const whose = key === 'ingress' ? 'the pods it selects' : `the pods spec.egress[${i}] allows`;
						warnings.push({
							...base,
							path: ['spec', key, i, 'ports', j, 'port'],
							check: 'netpol-service-port',
							service: `${service.namespace}/${service.name}`,
							brief: `policy ${policy.name} allows port ${rulePort.port}; traffic arrives on ${resolved.join(', ')}`,
							message: `NetworkPolicy "${policy.name}" spec.${key}[${i}] port ${portText(rulePort)} is the port of Service "${service.namespace === policy.namespace ? service.name : `${service.namespace}/${service.name}`}", which ${whose} do not expose: policies see a connection after the Service translates it, on ${target}, so this port never matches it; allow ${instead} instead`,
						});
					}
				}
			});
		});
	}
	return warnings;
}

/** The CoreDNS pods behind the cluster DNS address, with the port a UDP lookup reaches them on. */
function corednsPods(state: State): Array<{pod: Pod; port: number}> {
	const owner = state.ipam.serviceIPs[state.config.dnsIP];
	const service = owner === undefined ? undefined : getRow(state.services, owner);
	const servicePort = service?.spec.ports?.find(p => p.protocol === 'UDP' && p.port === 53);
	const endpoints = service === undefined ? undefined : getRow(state.endpoints, objectKey(service.namespace, service.name));
	if (!service || !servicePort || !endpoints) return [];
	const out: Array<{pod: Pod; port: number}> = [];
	for (const address of listRows(endpoints.addresses)) {
		const pod = address.podName === undefined ? undefined : getRow(state.pods, objectKey(service.namespace, address.podName));
		const port = address.ports[servicePort.name ?? ''];
		if (pod && port !== undefined) out.push({pod, port});
	}
	return out;
}

/**
 * Egress isolation that leaves the pods no way to CoreDNS: judged by the verdict engine, so an
 * allowance in any other policy selecting the pod counts. Reported at each policy that isolates
 * such a pod for egress.
 */
function dnsWarning(state: State, policy: NetworkPolicy, base: Omit<Warning, 'path' | 'message' | 'check'>): Warning | undefined {
	if (!policy.spec.policyTypes.includes('Egress')) return undefined;
	const coredns = corednsPods(state);
	if (coredns.length === 0) return undefined;
	const cut = podsSelectedBy(state, policy).filter(pod =>
		coredns.every(dns => judge(state, {from: {kind: 'pod', pod}, to: {kind: 'pod', pod: dns.pod}, port: dns.port, protocol: 'UDP'}).egress?.allowed === false),
	);
	if (cut.length === 0) return undefined;
	const pods = cut.length === 1 ? `pod ${cut[0]?.name ?? ''}` : `${cut.length} pods (${shortList(cut.map(p => p.name))})`;
	const where = policy.spec.egress.length > 0 ? ['spec', 'egress'] : ['spec', 'policyTypes'];
	return {
		...base,
		path: where,
		check: 'netpol-no-dns',
		message: `NetworkPolicy "${policy.name}" isolates ${pods} for egress, and no egress rule of the policies selecting ${cut.length === 1 ? 'it' : 'them'} allows port 53/UDP to the CoreDNS pods, so ${cut.length === 1 ? 'its' : 'their'} DNS lookups time out; add an egress rule with ports 53/UDP and 53/TCP to pods k8s-app=kube-dns in namespace ${NAME_LABEL}=kube-system`,
	};
}

/** A hint for a namespaceSelector that matches no namespace: the name label, when a value names one. */
function nameLabelHint(state: State, selector: LabelSelector): string {
	const named = Object.values(selector.matchLabels).find(value => Object.hasOwn(state.namespaces, value));
	if (named !== undefined) {
		return `; every namespace carries ${NAME_LABEL}=<its name>, so ${NAME_LABEL}: ${named} selects namespace "${named}"`;
	}
	return `; every namespace carries ${NAME_LABEL}=<its name>, which selects one by name`;
}

function namespaceSelectorWarnings(state: State, policy: NetworkPolicy, base: Omit<Warning, 'path' | 'message' | 'check'>): Warning[] {
	const namespaces = Object.values(state.namespaces);
	const warnings: Warning[] = [];
	for (const key of ['ingress', 'egress'] as const) {
		const peersKey = key === 'ingress' ? 'from' : 'to';
		policy.spec[key].forEach((rule, i) => {
			rule.peers.forEach((peer, j) => {
				const selector = peer.namespaceSelector;
				if (!selector || namespaces.some(ns => matchesSelector(ns.labels, selector))) return;
				warnings.push({
					...base,
					path: ['spec', key, i, peersKey, j, 'namespaceSelector'],
					check: 'netpol-no-namespace',
					message: `NetworkPolicy "${policy.name}" spec.${key}[${i}].${peersKey}[${j}]: namespaceSelector ${formatLabelSelector(selector)} matches no namespace's labels, so this peer matches nothing${nameLabelHint(state, selector)}`,
				});
			});
		});
	}
	return warnings;
}

/** The warnings about one NetworkPolicy: its selector first, then its ports, DNS, peers. */
function networkPolicyWarnings(state: State, policy: NetworkPolicy): Warning[] {
	const base = {kind: 'NetworkPolicy' as const, namespace: policy.namespace, name: policy.name};
	if (podsSelectedBy(state, policy).length === 0) {
		const selector = formatLabelSelector(policy.spec.podSelector);
		const which = selector === '<none>' ? 'no pod is in namespace' : `no pod in namespace "${policy.namespace}" has labels ${selector}`;
		return [
			{
				...base,
				path: ['spec', 'podSelector'],
				check: 'netpol-no-pods',
				message: `NetworkPolicy "${policy.name}" selects no pods: ${selector === '<none>' ? `${which} "${policy.namespace}"` : which}, so it isolates nothing`,
			},
			...namespaceSelectorWarnings(state, policy, base),
		];
	}
	const dns = dnsWarning(state, policy, base);
	return [...servicePortWarnings(state, policy, base), ...(dns ? [dns] : []), ...namespaceSelectorWarnings(state, policy, base)];
}

export function networkPolicyLint(state: State): LintWarning[] {
	return byKey(Object.entries(state.networkPolicies)).flatMap(policy => networkPolicyWarnings(state, policy));
}
