// Topology-aware routing for spec.trafficDistribution, in its two halves: the hints the
// EndpointSlice controller writes on each endpoint (k8s.io/endpointslice trafficdist: for
// PreferClose and PreferSameZone the endpoint's own zone, for PreferSameNode its node too), and
// the choice each node's kube-proxy makes from them (pkg/proxy/topology.go topologyModeFromHints
// and availableForTopology). An endpoint's zone is its node's topology.kubernetes.io/zone label.
// The hints of the service.kubernetes.io/topology-mode annotation (proportional, by zone CPU)
// are not modelled.

import type {EndpointAddress, Service, State} from './types.js';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** discovery/v1 EndpointHints as the controller sets them: forZones and forNodes, each a name. */
export interface EndpointHints {
	forZones?: string[];
	forNodes?: string[];
}

/** The zone of a node: its topology.kubernetes.io/zone label (an empty one is none). */
export function nodeZone(state: State, nodeName: string | null | undefined): string | undefined {
	if (nodeName === null || nodeName === undefined) return undefined;
	return state.nodes[nodeName]?.labels[ZONE_LABEL] || undefined;
}

/** The hints on a Service's endpoint; none without trafficDistribution or for an address no pod of the selector holds. */
export function endpointHints(state: State, service: Service, address: EndpointAddress): EndpointHints | undefined {
	const distribution = service.spec.trafficDistribution;
	// Only the EndpointSlice controller writes hints: a Service without a selector has its
	// Endpoints mirrored into slices without any (endpointslicemirroring).
	if (distribution === undefined || service.spec.selector === undefined || address.podName === undefined) return undefined;
	const zone = nodeZone(state, address.nodeName);
	const hints: EndpointHints = {};
	if (zone !== undefined) hints.forZones = [zone];
	if (distribution === 'PreferSameNode' && address.nodeName !== null) hints.forNodes = [address.nodeName];
	return hints.forZones || hints.forNodes ? hints : undefined;
}

export type TopologyMode = '' | 'PreferSameZone' | 'PreferSameNode';

/**
 * topologyModeFromHints: the same node's endpoints when every ready endpoint has a node hint and
 * one is for this node; else the same zone's when every ready endpoint has a zone hint and one is
 * for this node's zone; else every endpoint. `why` says, when hints were there, why they were not
 * used (kube-proxy logs the same at -v=2).
 */
export function topologyMode(
	state: State,
	service: Service,
	ready: ReadonlyArray<EndpointAddress>,
	nodeName: string | null,
): {mode: TopologyMode; zone?: string; why?: string} {
	if (service.spec.trafficDistribution === undefined || ready.length === 0) return {mode: ''};
	const zone = nodeZone(state, nodeName);
	let allNodeHints = true;
	let forNode = false;
	let allZoneHints = true;
	let forZone = false;
	for (const address of ready) {
		const hints = endpointHints(state, service, address);
		if (!hints?.forNodes?.length) allNodeHints = false;
		else if (nodeName !== null && hints.forNodes.includes(nodeName)) forNode = true;
		if (!hints?.forZones?.length) allZoneHints = false;
		else if (zone !== undefined && hints.forZones.includes(zone)) forZone = true;
	}
	if (allNodeHints && forNode) return {mode: 'PreferSameNode'};
	if (allZoneHints && forZone) return {mode: 'PreferSameZone', ...(zone === undefined ? {} : {zone})};
	const why: string[] = [];
	if (allNodeHints) why.push(`no ready endpoint on ${nodeName ?? 'this node'}`);
	if (allZoneHints) why.push(zone === undefined ? `${nodeName ?? 'the node'} has no ${ZONE_LABEL} label` : `no ready endpoint in zone ${zone}`);
	else why.push(`an endpoint has no zone (its node has no ${ZONE_LABEL} label)`);
	return {mode: '', why: why.join('; ')};
}

/** availableForTopology: whether `address` serves a node using `mode`. */
export function availableForTopology(
	state: State,
	service: Service,
	address: EndpointAddress,
	mode: TopologyMode,
	nodeName: string | null,
	zone?: string,
): boolean {
	if (mode === '') return true;
	const hints = endpointHints(state, service, address);
	if (mode === 'PreferSameNode') return nodeName !== null && hints?.forNodes?.includes(nodeName) === true;
	return zone !== undefined && hints?.forZones?.includes(zone) === true;
}
