// Routing warnings for `k8s-svc-tui check`, and for the TUI's Endpoints pane beside the Service
// they concern: manifests that load fine but would not route the way their author probably meant.
// Pure over a state; one Service costs what its endpoints hold (the TUI asks per frame).

import {describeCnameStop, externalNameStop} from '../sim/dns.js';
import {getRow, listRows} from '../sim/index.js';
import {formatLabels} from '../sim/labels.js';
import type {Pod, Service, State} from '../sim/types.js';
import {selectedPods as podsSelectedBy, unreadySummary} from '../sim/unready.js';
import {networkPolicyLint} from './lint-networkpolicy.js';
import type {LintWarning} from './lint-warning.js';

function selectedPods(state: State, service: Service): Pod[] {
	const endpoints = getRow(state.endpoints, `${service.namespace}/${service.name}`);
	if (!endpoints?.managed) return [];
	return listRows(endpoints.addresses)
		.map(a => (a.podName ? getRow(state.pods, `${service.namespace}/${a.podName}`) : undefined))
		.filter((p): p is Pod => p !== undefined);
}

/** The warnings about one Service, in port order. */
function serviceWarnings(state: State, service: Service): LintWarning[] {
	const warnings: LintWarning[] = [];
	if (service.spec.type === 'ExternalName') {
		// A loop, a CNAME to itself or a chain too long for CoreDNS: the name answers with no address.
		const stop = externalNameStop(state, service);
		if (stop) {
			const base = {kind: 'Service' as const, namespace: service.namespace, name: service.name};
			warnings.push({
				...base,
				path: ['spec', 'externalName'],
				check: 'cname-stop',
				message: `Service "${service.name}" has no address in DNS: ${describeCnameStop(stop)}`,
			});
		}
		return warnings;
	}
	const selector = service.spec.selector;
	if (selector === undefined || Object.keys(selector).length === 0) return warnings;
	const base = {kind: 'Service' as const, namespace: service.namespace, name: service.name};
	const pods = selectedPods(state, service);
	const ready = listRows(getRow(state.endpoints, `${service.namespace}/${service.name}`)?.addresses).some(a => a.ready);
	// Pending pods have no IP and so no address at all: "selects no pods" would be untrue. Pods
	// that are all Terminating are a scale-down or deletion under way, which the pane already shows.
	const matching = ready ? [] : pods.length > 0 ? pods : podsSelectedBy(state, service);
	if (!ready && (matching.length === 0 || matching.some(p => p.deletionTimestamp === null))) {
		if (matching.length === 0) {
			warnings.push({
				...base,
				path: ['spec', 'selector'],
				check: 'no-pods',
				message: `Service "${service.name}" selects no pods: no pod in namespace "${service.namespace}" has labels ${formatLabels(selector)}, so it has no endpoints and connections are refused`,
			});
			return warnings;
		}
		const count = matching.length === 1 ? '1 pod has' : `${matching.length} pods have`;
		// The cluster's DNS Service: every pod's lookups go there and get no answer (sim/dns.ts).
		const effect = service.spec.clusterIP === state.config.dnsIP ? "pods' DNS lookups time out" : 'connections are refused';
		warnings.push({
			...base,
			path: ['spec', 'selector'],
			check: 'none-ready',
			message: `Service "${service.name}" has no ready endpoints: ${count} labels ${formatLabels(selector)} but none is ready (${unreadySummary(matching, state)}), so ${effect}`,
		});
	}
	// The port checks read the pods' addresses; without any there is nothing to check.
	if (pods.length === 0) return warnings;
	(service.spec.ports ?? []).forEach((port, i) => {
		const path = ['spec', 'ports', i, 'targetPort'];
		const label = port.name ? `port "${port.name}"` : `port ${port.port}`;
		if (typeof port.targetPort === 'string') {
			const missing = pods.filter(p => !p.spec.containers.some(c => c.ports.some(cp => cp.name === port.targetPort && cp.protocol === port.protocol)));
			if (missing.length === pods.length) {
				warnings.push({
					...base,
					path,
					check: 'no-port',
					message: `Service "${service.name}" ${label}: no selected pod has a ${port.protocol} container port named "${port.targetPort}", so this port has no endpoints`,
				});
			} else if (missing.length > 0) {
				warnings.push({
					...base,
					path,
					check: 'some-pods-lack-port',
					message: `Service "${service.name}" ${label}: ${missing.length} of ${pods.length} selected pods have no container port named "${port.targetPort}" and get no traffic on it (${missing
						.map(p => p.name)
						.sort()
						.join(', ')})`,
				});
			}
		} else if (!pods.some(p => p.spec.containers.some(c => c.ports.some(cp => cp.containerPort === port.targetPort)))) {
			warnings.push({
				...base,
				path,
				check: 'port-not-declared',
				message: `Service "${service.name}" ${label}: targetPort ${port.targetPort} is not declared by any selected container (traffic still goes there: containerPort is informational, so check the process listens on ${port.targetPort})`,
			});
		}
	});
	return warnings;
}

// The policy warnings of one state by the Service they are about, worked out once per state
// however many Service rows a frame draws (a step makes a new state).
const policyWarningsByState = new WeakMap<State, Map<string, LintWarning[]>>();

/**
 * What the TUI shows beside a Service: its own warnings, then those of NetworkPolicies written for
 * its port (`netpol-service-port`), which `check` lists under the policy.
 */
export function warningsAbout(state: State, service: Service): LintWarning[] {
	const own = serviceWarnings(state, service);
	if (Object.keys(state.networkPolicies).length === 0) return own;
	let byService = policyWarningsByState.get(state);
	if (!byService) {
		byService = new Map();
		for (const w of networkPolicyLint(state)) if (w.service !== undefined) byService.set(w.service, [...(byService.get(w.service) ?? []), w]);
		policyWarningsByState.set(state, byService);
	}
	const policies = byService.get(`${service.namespace}/${service.name}`);
	return policies ? [...own, ...policies] : own;
}

export function lint(state: State): LintWarning[] {
	const services = listRows(state.services).sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
	return [...services.flatMap(service => serviceWarnings(state, service)), ...networkPolicyLint(state)];
}
