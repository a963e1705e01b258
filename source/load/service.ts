// Service: defaulting (docs/semantics.md S1, S2) then ValidateService in the API
// server's order (A1–A12, S3–S38), and the warnings kubectl prints for it (S23, S27).

import {
	isDNS1035Label,
	isDNS1123Label,
	isDNS1123Subdomain,
	isQualifiedName,
	isValidCIDR,
	isValidIP,
	isValidPortName,
	isValidPortNum,
	specialIPErrors,
	validCIDRMessage,
} from '../apimachinery/validation.js';
import {SOURCE_RANGES_ANNOTATION} from '../sim/cloud-lb.js';
import type {Labels, ServiceInput, ServicePort, ServiceSpec, ServiceType, TrafficDistribution, TrafficPolicy} from '../sim/types.js';

const TRAFFIC_DISTRIBUTIONS: readonly TrafficDistribution[] = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

import {duplicate, type FieldError, forbidden, invalid, required, unsupported} from './field-error.js';
import {goQuote, goStringSlice} from './go-format.js';
import {decodeMeta, validateLabels} from './metadata.js';
import {
	get,
	isObject,
	type Obj,
	type Problems,
	readBool,
	readInt,
	readIntOrString,
	readObject,
	readObjectList,
	readString,
	readStringList,
	readStringMap,
} from './object-reader.js';
import {isProtocol, protocols} from './pod-spec.js';
import type {Path} from './types.js';

const serviceTypes: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const trafficPolicies: readonly TrafficPolicy[] = ['Cluster', 'Local'];
/** Removed in Kubernetes 1.24 (kubernetes/kubernetes#108020); EndpointSlices never read it. */
const tolerateUnreadyAnnotation = 'service.alpha.kubernetes.io/tolerate-unready-endpoints';
/** Go's strconv.ParseBool, which the old endpoints controller used on the annotation. */
const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
/** docs/semantics.md S2. */
const defaultAffinitySeconds = 10800;
const maxAffinitySeconds = 86400;

interface RawPort {
	at: Path;
	name: string;
	protocol: string;
	port: number;
	targetPort: number | string;
	nodePort: number;
	appProtocol?: string;
}

/** core.ServicePort as Go's %#v prints the (protocol, port) key of a duplicate (S13). */
function goServicePortKey(protocol: string, port: number): string {
	return (
		`core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
		`TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
	);
}

function decodePorts(spec: Obj | undefined, p: Problems): RawPort[] {
	const ports: RawPort[] = [];
	for (const {item, index} of readObjectList(spec, 'ports', ['spec'], p) ?? []) {
		const at: Path = ['spec', 'ports', index];
		const port = readInt(item, 'port', at, p) ?? 0;
		let targetPort = readIntOrString(item, 'targetPort', at, p);
		// S1: an omitted, 0 or "" targetPort takes the port's value.
		if (targetPort === undefined || targetPort === 0 || targetPort === '') targetPort = port;
		const raw: RawPort = {
			at,
			name: readString(item, 'name', at, p) ?? '',
			protocol: readString(item, 'protocol', at, p) || 'TCP',
			port,
			targetPort,
			nodePort: readInt(item, 'nodePort', at, p) ?? 0,
		};
		const appProtocol = readString(item, 'appProtocol', at, p);
		if (appProtocol !== undefined) raw.appProtocol = appProtocol;
		ports.push(raw);
	}
	return ports;
}

/** validateServicePort. */
function validatePort(port: RawPort, requireName: boolean, names: Set<string>): FieldError[] {
	const errors: FieldError[] = [];
	const at = port.at;
	if (requireName && port.name === '') errors.push(required([...at, 'name']));
	else if (port.name !== '') {
		for (const msg of isDNS1123Label(port.name)) errors.push(invalid([...at, 'name'], port.name, msg));
		if (names.has(port.name)) errors.push(duplicate([...at, 'name'], port.name));
		else names.add(port.name);
	}
	for (const msg of isValidPortNum(port.port)) errors.push(invalid([...at, 'port'], port.port, msg));
	if (!isProtocol(port.protocol)) errors.push(unsupported([...at, 'protocol'], port.protocol, protocols));
	if (typeof port.targetPort === 'number') {
		for (const msg of isValidPortNum(port.targetPort)) errors.push(invalid([...at, 'targetPort'], port.targetPort, msg));
	} else {
		for (const msg of isValidPortName(port.targetPort)) errors.push(invalid([...at, 'targetPort'], port.targetPort, msg));
	}
	if (port.appProtocol !== undefined) {
		for (const msg of isQualifiedName(port.appProtocol)) {
			errors.push(invalid([...at, 'appProtocol'], port.appProtocol, msg));
		}
	}
	return errors;
}

export function decodeService(object: Obj, p: Problems): ServiceInput {
	const meta = decodeMeta(object, {namespaced: true, nameRule: isDNS1035Label}, p);
	const spec = readObject(object, 'spec', [], p);
	const S: Path = ['spec'];
	const e = p.errors;

	// --- decode and default (SetDefaults_Service, S1) ---
	const type = readString(spec, 'type', S, p) || 'ClusterIP';
	const ports = decodePorts(spec, p);
	const selectorGiven = readStringMap(spec, 'selector', S, p);
	const clusterIP = readString(spec, 'clusterIP', S, p) ?? '';
	const clusterIPsGiven = readStringList(spec, 'clusterIPs', S, p);
	const ipFamilies = readStringList(spec, 'ipFamilies', S, p);
	const ipFamilyPolicy = readString(spec, 'ipFamilyPolicy', S, p);
	const externalName = readString(spec, 'externalName', S, p) ?? '';
	const externalIPs = readStringList(spec, 'externalIPs', S, p) ?? [];
	const loadBalancerIP = readString(spec, 'loadBalancerIP', S, p) ?? '';
	const sourceRanges = readStringList(spec, 'loadBalancerSourceRanges', S, p) ?? [];
	const loadBalancerClass = readString(spec, 'loadBalancerClass', S, p);
	const allocateNodePorts = readBool(spec, 'allocateLoadBalancerNodePorts', S, p);
	const sessionAffinity = readString(spec, 'sessionAffinity', S, p) || 'None';
	const affinityConfig = readObject(spec, 'sessionAffinityConfig', S, p);
	const clientIP = readObject(affinityConfig, 'clientIP', [...S, 'sessionAffinityConfig'], p);
	const timeoutSeconds = readInt(clientIP, 'timeoutSeconds', [...S, 'sessionAffinityConfig', 'clientIP'], p);
	const etpGiven = readString(spec, 'externalTrafficPolicy', S, p) ?? '';
	const itpGiven = readString(spec, 'internalTrafficPolicy', S, p);
	const healthCheckNodePort = readInt(spec, 'healthCheckNodePort', S, p) ?? 0;
	const trafficDistribution = readString(spec, 'trafficDistribution', S, p);
	const publishNotReady = readBool(spec, 'publishNotReadyAddresses', S, p) ?? false;

	// The registry copies clusterIP into clusterIPs (S19).
	const clusterIPs = clusterIPsGiven && clusterIPsGiven.length > 0 ? clusterIPsGiven : clusterIP !== '' ? [clusterIP] : [];
	const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
	const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && externalIPs.length > 0);
	const etp = etpGiven === '' && externallyAccessible ? 'Cluster' : etpGiven;
	const itp = itpGiven ?? (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer' ? 'Cluster' : undefined);

	// --- ValidateService, in its order ---
	if (ports.length === 0 && !headless && type !== 'ExternalName') e.push(required([...S, 'ports']));
	if (type === 'LoadBalancer' && headless) {
		e.push(invalid([...S, 'clusterIPs', 0], 'None', "may not be set to 'None' for LoadBalancer services"));
	}
	if (type === 'NodePort' && headless) {
		e.push(invalid([...S, 'clusterIPs', 0], 'None', "may not be set to 'None' for NodePort services"));
	}
	if (type === 'ExternalName') {
		if (clusterIPs.length > 0) e.push(forbidden([...S, 'clusterIPs'], 'may not be set for ExternalName services'));
		if (ipFamilies && ipFamilies.length > 0) {
			e.push(forbidden([...S, 'ipFamilies'], 'may not be set for ExternalName services'));
		}
		if (ipFamilyPolicy !== undefined) {
			e.push(forbidden([...S, 'ipFamilyPolicy'], 'may not be set for ExternalName services'));
		}
		// One trailing dot marks a fully qualified name (S24).
		const cname = externalName.endsWith('.') ? externalName.slice(0, -1) : externalName;
		if (cname.length > 0) {
			for (const msg of isDNS1123Subdomain(cname)) e.push(invalid([...S, 'externalName'], cname, msg));
		} else e.push(required([...S, 'externalName']));
	}

	const names = new Set<string>();
	for (const port of ports) e.push(...validatePort(port, ports.length > 1, names));

	const selector: Record<string, string> | null = selectorGiven ?? null;
	if (selector !== null) e.push(...validateLabels(selector, [...S, 'selector']));

	if (sessionAffinity !== 'None' && sessionAffinity !== 'ClientIP') {
		e.push(unsupported([...S, 'sessionAffinity'], sessionAffinity, ['ClientIP', 'None']));
	}
	// S2: a missing timeout is defaulted; S31: 86400 itself is accepted despite the wording.
	// S32: with affinity None, defaulting drops sessionAffinityConfig, so it is no error.
	const affinityTimeoutSeconds = timeoutSeconds ?? defaultAffinitySeconds;
	if (sessionAffinity === 'ClientIP' && (affinityTimeoutSeconds <= 0 || affinityTimeoutSeconds > maxAffinitySeconds)) {
		e.push(
			invalid(
				[...S, 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
				affinityTimeoutSeconds,
				`must be greater than 0 and less than ${maxAffinitySeconds}`,
			),
		);
	}

	if (type !== 'ExternalName') e.push(...validateClusterIPs(clusterIP, clusterIPsGiven, clusterIPs, ipFamilies, ipFamilyPolicy));

	externalIPs.forEach((ip, i) => {
		const at = [...S, 'externalIPs', i];
		const msgs = isValidIP(ip);
		for (const msg of msgs.length > 0 ? msgs : specialIPErrors(ip)) e.push(invalid(at, ip, msg));
	});

	if (!(serviceTypes as readonly string[]).includes(type)) e.push(unsupported([...S, 'type'], type, serviceTypes));

	if (type === 'ClusterIP') {
		for (const port of ports) {
			if (port.nodePort !== 0) {
				e.push(forbidden([...port.at, 'nodePort'], "may not be used when `type` is 'ClusterIP'"));
			}
		}
	}
	// The registry allocates node ports before it validates (genericregistry Store.create runs
	// BeginCreate first), one allocation per port number (alloc.go initNodePorts). On a NodePort or
	// LoadBalancer Service, a node port that two port numbers ask for fails there, with the
	// allocator's 'provided port is already allocated' (sim/services.ts), so this check only sees
	// repeats within one port number; on other types nothing is allocated and it sees them all.
	const allocated = type === 'NodePort' || type === 'LoadBalancer';
	const nodePortsSeen = new Map<string, number>();
	for (const port of ports) {
		if (port.nodePort === 0) continue;
		const key = `${port.protocol}/${port.nodePort}`;
		const first = nodePortsSeen.get(key);
		if (first !== undefined && (!allocated || first === port.port)) e.push(duplicate([...port.at, 'nodePort'], port.nodePort));
		if (first === undefined) nodePortsSeen.set(key, port.port);
	}
	const portsSeen = new Set<string>();
	for (const port of ports) {
		const key = `${port.protocol}/${port.port}`;
		if (portsSeen.has(key)) e.push(duplicate(port.at, {raw: goServicePortKey(port.protocol, port.port)}));
		portsSeen.add(key);
	}

	// The API server really spells this path with a capital L.
	const sourceRangesField = 'spec.LoadBalancerSourceRanges';
	const rangesAnnotation = meta.annotations[SOURCE_RANGES_ANNOTATION];
	if (sourceRanges.length > 0) {
		if (type !== 'LoadBalancer') {
			e.push(forbidden([...S, 'loadBalancerSourceRanges'], "may only be used when `type` is 'LoadBalancer'", sourceRangesField));
		}
		sourceRanges.forEach((range, i) => {
			const value = range.trim();
			if (!isValidCIDR(value)) {
				e.push(invalid([...S, 'loadBalancerSourceRanges', i], value, validCIDRMessage, `${sourceRangesField}[${i}]`));
			}
		});
	} else if (rangesAnnotation !== undefined) {
		// Only without the field is the annotation checked, as one comma-separated list under its
		// own key (every bad entry reported at that key); an empty one means allow all.
		const at: Path = ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION];
		const field = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
		if (type !== 'LoadBalancer') e.push(forbidden(at, "may only be used when `type` is 'LoadBalancer'", field));
		const list = rangesAnnotation.trim();
		if (list !== '') {
			for (const range of list.split(',')) {
				const value = range.trim();
				if (!isValidCIDR(value)) e.push(invalid(at, value, validCIDRMessage, field));
			}
		}
	}
	if (allocateNodePorts !== undefined && type !== 'LoadBalancer') {
		e.push(forbidden([...S, 'allocateLoadBalancerNodePorts'], "may only be used when `type` is 'LoadBalancer'"));
	}
	if (loadBalancerClass !== undefined) {
		if (type !== 'LoadBalancer') {
			e.push(forbidden([...S, 'loadBalancerClass'], "may only be used when `type` is 'LoadBalancer'"));
		} else {
			for (const msg of isQualifiedName(loadBalancerClass)) {
				e.push(invalid([...S, 'loadBalancerClass'], loadBalancerClass, msg));
			}
		}
	}

	// validateServiceExternalTrafficPolicy (S36, S37).
	if (!externallyAccessible) {
		if (etp !== '') e.push(invalid([...S, 'externalTrafficPolicy'], etp, 'may only be set for externally-accessible services'));
	} else if (!(trafficPolicies as readonly string[]).includes(etp)) {
		e.push(unsupported([...S, 'externalTrafficPolicy'], etp, trafficPolicies));
	}
	const needsHealthCheck = type === 'LoadBalancer' && etp === 'Local';
	// validateServiceExternalTrafficPolicy also checks a needed one with IsValidPortNum, but on
	// create the node-port allocator has refused any number outside its range before validation
	// runs (alloc.go allocHealthCheckNodePort; sim/services.ts words it).
	if (!needsHealthCheck && healthCheckNodePort !== 0) {
		e.push(invalid([...S, 'healthCheckNodePort'], healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
	}
	// S38.
	if (itp !== undefined && !(trafficPolicies as readonly string[]).includes(itp)) {
		e.push(unsupported([...S, 'internalTrafficPolicy'], itp, trafficPolicies));
	}
	// validateServiceTrafficDistribution (pkg/apis/core/validation/validation.go), with the
	// PreferSameTrafficDistribution gate on as in v1.34 (beta, default on).
	if (trafficDistribution !== undefined && !(TRAFFIC_DISTRIBUTIONS as readonly string[]).includes(trafficDistribution)) {
		e.push(unsupported([...S, 'trafficDistribution'], trafficDistribution, TRAFFIC_DISTRIBUTIONS));
	}

	// --- warnings (pkg/api/service/warnings.go, S23, S27) ---
	if (headless) {
		if (sessionAffinity !== 'None') {
			p.warnings.push({at: [...S, 'sessionAffinity'], message: 'spec.SessionAffinity is ignored for headless services'});
		}
		if (externalIPs.length > 0) {
			p.warnings.push({at: [...S, 'externalIPs'], message: 'spec.externalIPs is ignored for headless services'});
		}
		if (loadBalancerIP !== '') {
			p.warnings.push({at: [...S, 'loadBalancerIP'], message: 'spec.loadBalancerIP is ignored for headless services'});
		}
	}
	if (type === 'ExternalName' && externalIPs.length > 0) {
		p.warnings.push({at: [...S, 'externalIPs'], message: 'spec.externalIPs is ignored when spec.type is "ExternalName"'});
	}
	if (type !== 'ExternalName' && externalName !== '') {
		p.warnings.push({
			at: [...S, 'externalName'],
			message: 'spec.externalName is ignored when spec.type is not "ExternalName"',
		});
	}

	// D2: only spec.publishNotReadyAddresses publishes not-ready pods now; manifests written for
	// the old annotation (StatefulSet examples) silently lose that, so say so.
	if (!publishNotReady && goTrue.has(meta.annotations[tolerateUnreadyAnnotation] ?? '')) {
		p.warnings.push({
			at: ['metadata', 'annotations', tolerateUnreadyAnnotation],
			message:
				`Service "${meta.name}" uses the annotation ${tolerateUnreadyAnnotation}, which a current cluster ignores (removed in Kubernetes 1.24): ` +
				'its not-ready pods stay out of its endpoints and DNS; set spec.publishNotReadyAddresses: true to publish them',
		});
	}

	// --- the simulator's input: the spec as the API server stores it, omitempty fields absent ---
	const serviceType = type as ServiceType;
	const outSpec: ServiceSpec = {type: serviceType, sessionAffinity: sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None'};
	// S29: an empty selector means "no managed endpoints", like no selector.
	if (selector !== null && Object.keys(selector).length > 0) outSpec.selector = selector as Labels;
	if (ports.length > 0) outSpec.ports = ports.map(toServicePort);
	if (type !== 'ExternalName' && clusterIPs.length > 0 && clusterIPs[0] !== '') outSpec.clusterIP = clusterIPs[0];
	// Stored whatever the type (only ExternalName uses it; the warning above says so), so -o json shows it.
	if (externalName !== '') outSpec.externalName = externalName;
	if (externalIPs.length > 0) outSpec.externalIPs = externalIPs;
	if (loadBalancerIP !== '') outSpec.loadBalancerIP = loadBalancerIP;
	// As given: kube-proxy and the cloud trim each entry when they read it.
	if (sourceRanges.length > 0) outSpec.loadBalancerSourceRanges = sourceRanges;
	// S32: with affinity None, defaulting drops sessionAffinityConfig.
	if (outSpec.sessionAffinity === 'ClientIP') outSpec.sessionAffinityConfig = {clientIP: {timeoutSeconds: affinityTimeoutSeconds}};
	if (etp !== '') outSpec.externalTrafficPolicy = etp as TrafficPolicy;
	if (itp !== undefined && type !== 'ExternalName') outSpec.internalTrafficPolicy = itp as TrafficPolicy;
	if (publishNotReady) outSpec.publishNotReadyAddresses = true;
	if (type === 'LoadBalancer') outSpec.allocateLoadBalancerNodePorts = allocateNodePorts ?? true;
	if (healthCheckNodePort !== 0) outSpec.healthCheckNodePort = healthCheckNodePort;
	if (trafficDistribution !== undefined) outSpec.trafficDistribution = trafficDistribution as TrafficDistribution;

	const service: ServiceInput = {meta, spec: outSpec};
	const ingress = loadBalancerIngress(object);
	if (ingress.length > 0) service.status = {loadBalancer: {ingress: ingress.map(ip => ({ip, ipMode: 'VIP'}))}};
	return service;
}

function toServicePort(port: RawPort): ServicePort {
	const out: ServicePort = {protocol: port.protocol as ServicePort['protocol'], port: port.port, targetPort: port.targetPort};
	if (port.name !== '') out.name = port.name;
	if (port.nodePort !== 0) out.nodePort = port.nodePort;
	if (port.appProtocol !== undefined) out.appProtocol = port.appProtocol;
	return out;
}

/** ValidateServiceClusterIPsRelatedFields (S19, S21). */
function validateClusterIPs(
	clusterIP: string,
	given: string[] | undefined,
	clusterIPs: string[],
	ipFamilies: string[] | undefined,
	ipFamilyPolicy: string | undefined,
): FieldError[] {
	const errors: FieldError[] = [];
	const S: Path = ['spec'];
	const field = [...S, 'clusterIPs'];
	if (given && given.length > 0) {
		// The registry copies clusterIP into an empty clusterIPs, never the other way
		// (strategy.go NormalizeClusterIPs: new clients must set both).
		if (clusterIP === '') errors.push(invalid(field, {raw: goStringSlice(given)}, 'must be empty when `clusterIP` is not specified'));
		else if (given[0] !== clusterIP) errors.push(invalid(field, {raw: goStringSlice(given)}, 'first value must match `clusterIP`'));
	}
	const seen = new Set<string>();
	(ipFamilies ?? []).forEach((family, i) => {
		if (family !== 'IPv4' && family !== 'IPv6') errors.push(unsupported([...S, 'ipFamilies', i], family, ['IPv4', 'IPv6']));
		if (seen.has(family)) errors.push(duplicate([...S, 'ipFamilies', i], family));
		seen.add(family);
	});
	if (ipFamilyPolicy !== undefined && !['SingleStack', 'PreferDualStack', 'RequireDualStack'].includes(ipFamilyPolicy)) {
		errors.push(unsupported([...S, 'ipFamilyPolicy'], ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
	}
	let invalidIPs = false;
	clusterIPs.forEach((ip, i) => {
		if (i === 0 && ip === 'None') {
			if (clusterIPs.length > 1) {
				invalidIPs = true;
				errors.push(invalid(field, {raw: goStringSlice(clusterIPs)}, "'None' must be the first and only value"));
			}
			return;
		}
		const msgs = isValidIP(ip);
		if (msgs.length > 0) invalidIPs = true;
		for (const msg of msgs) errors.push(invalid([...field, i], ip, msg));
	});
	if (clusterIPs.length > 2) {
		invalidIPs = true;
		errors.push(invalid(field, {raw: goStringSlice(clusterIPs)}, 'may only hold up to 2 values'));
	}
	if (!invalidIPs && clusterIPs.length === 2) {
		const v6 = clusterIPs.map(ip => ip.includes(':'));
		if (v6[0] === v6[1]) {
			errors.push(invalid(field, {raw: goStringSlice(clusterIPs)}, 'may specify no more than one IP for each IP family'));
		}
	}
	return errors;
}

/** status.loadBalancer.ingress as a dump recorded it (B4): IPs, or hostnames where a cloud
 *  gave one instead. Status is server-written, so it is read leniently. */
function loadBalancerIngress(object: Obj): string[] {
	const status = get(object, 'status');
	const lb = isObject(status) ? get(status, 'loadBalancer') : undefined;
	const ingress = isObject(lb) ? get(lb, 'ingress') : undefined;
	if (!Array.isArray(ingress)) return [];
	const out: string[] = [];
	for (const entry of ingress) {
		if (!isObject(entry)) continue;
		const ip = entry.ip;
		const hostname = entry.hostname;
		if (typeof ip === 'string' && ip !== '') out.push(ip);
		else if (typeof hostname === 'string' && hostname !== '') out.push(hostname);
	}
	return out;
}
