// PodSpec: containers, their ports and probes, with API defaults (docs/semantics.md
// C3, C4, docs/semantics.md S64, S73) and the parts of ValidatePodSpec that matter for Services.

import {parseQuantity, QUANTITY_FORMAT_ERROR} from '../apimachinery/quantity.js';
import {
	isDNS1123Label,
	isDNS1123Subdomain,
	isQualifiedName,
	isValidIP,
	isValidLabelValue,
	isValidPortName,
	isValidPortNum,
} from '../apimachinery/validation.js';
import type {Container, ContainerPort, HTTPGetAction, PodSpec, Probe, Protocol, Toleration} from '../sim/types.js';
import {duplicate, forbidden, invalid, required, unsupported} from './field-error.js';
import {goQuote, goStringSlice} from './go-format.js';
import {decodeNodeSelector, decodeRequiredNodeAffinity} from './node-affinity.js';
import {has, type Obj, type Problems, readBool, readInt, readIntOrString, readObject, readObjectList, readString, readStringList} from './object-reader.js';
import type {Path} from './types.js';

export const protocols: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function isProtocol(value: string): value is Protocol {
	return (protocols as readonly string[]).includes(value);
}

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

// The values validatePullPolicy, validateDNSPolicy and validateRestartPolicy accept
// (pkg/apis/core/validation/validation.go), and the termination message policies.
const pullPolicies = ['Always', 'IfNotPresent', 'Never'] as const;
const terminationMessagePolicies = ['File', 'FallbackToLogsOnError'] as const;
const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;
const restartPolicies = ['Always', 'OnFailure', 'Never'] as const;

/** A string field that takes one of `values`: as written, or undefined when absent or empty (the default applies). */
function oneOf<T extends string>(object: Obj | undefined, key: string, at: Path, values: readonly T[], p: Problems): T | undefined {
	const value = readString(object, key, at, p);
	if (!value) return undefined;
	if ((values as readonly string[]).includes(value)) return value as T;
	p.errors.push(unsupported([...at, key], value, values));
	return undefined;
}

/** supportedHTTPSchemes (pkg/apis/core/validation/validation.go), sorted as NotSupported lists them. */
const httpSchemes = ['HTTP', 'HTTPS'];

/** apimachinery IsHTTPHeaderName (pkg/util/validation/validation.go). */
const httpHeaderName = /^[-A-Za-z0-9]+$/;
const httpHeaderNameError =
	"a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

/** ValidateNonnegativeField. */
export function nonNegative(value: number | undefined, at: Path, p: Problems): void {
	if (value !== undefined && value < 0) p.errors.push(invalid(at, value, 'must be greater than or equal to 0'));
}

/** ValidatePortNumOrName; an omitted port is the zero int. */
function portNumOrName(port: number | string | undefined, at: Path, p: Problems): void {
	const value = port ?? 0;
	const msgs = typeof value === 'number' ? isValidPortNum(value) : isValidPortName(value);
	for (const msg of msgs) p.errors.push(invalid(at, value, msg));
}

type Handler = Pick<Probe, 'exec' | 'httpGet' | 'tcpSocket' | 'grpc'>;

/** One handler with SetDefaults_HTTPGetAction and GRPCAction's `+default=""`, checked as validateHandler checks it. */
function decodeHandler(kind: (typeof probeHandlers)[number], action: Obj, at: Path, p: Problems): Handler {
	switch (kind) {
		case 'exec': {
			const command = readStringList(action, 'command', at, p) ?? [];
			if (command.length === 0) p.errors.push(required([...at, 'command']));
			return {exec: {command}};
		}
		case 'httpGet': {
			const port = readIntOrString(action, 'port', at, p);
			portNumOrName(port, [...at, 'port'], p);
			const scheme = readString(action, 'scheme', at, p) || 'HTTP';
			if (!httpSchemes.includes(scheme)) p.errors.push(unsupported([...at, 'scheme'], scheme, httpSchemes));
			const httpGet: HTTPGetAction = {path: readString(action, 'path', at, p) || '/', port: port ?? 0, scheme};
			const host = readString(action, 'host', at, p);
			if (host) httpGet.host = host;
			const headers = readObjectList(action, 'httpHeaders', at, p);
			if (headers !== undefined && headers.length > 0) {
				httpGet.httpHeaders = headers.map(({item, index}) => {
					const name = readString(item, 'name', [...at, 'httpHeaders', index], p) ?? '';
					const value = readString(item, 'value', [...at, 'httpHeaders', index], p) ?? '';
					// The error names the list, not the item, as validateHTTPGetAction does.
					if (!httpHeaderName.test(name)) p.errors.push(invalid([...at, 'httpHeaders'], name, httpHeaderNameError));
					return {name, value};
				});
			}
			return {httpGet};
		}
		case 'tcpSocket': {
			const port = readIntOrString(action, 'port', at, p);
			portNumOrName(port, [...at, 'port'], p);
			const host = readString(action, 'host', at, p);
			return {tcpSocket: host ? {port: port ?? 0, host} : {port: port ?? 0}};
		}
		case 'grpc': {
			const port = readInt(action, 'port', at, p) ?? 0;
			portNumOrName(port, [...at, 'port'], p);
			return {grpc: {port, service: readString(action, 'service', at, p) ?? ''}};
		}
	}
}

/**
 * A probe with SetDefaults_Probe's timings, checked as validateProbe does: the first handler is
 * kept and validated, each further one is Forbidden (validateHandler), then the timings. A
 * liveness or startup probe's successThreshold must be 1 (validateLivenessProbe, validateStartupProbe).
 */
function decodeProbe(probe: Obj, at: Path, successMustBeOne: boolean, p: Problems): Probe {
	let handler: Handler = {};
	let found = false;
	for (const kind of probeHandlers) {
		if (!has(probe, kind)) continue;
		if (found) {
			p.errors.push(forbidden([...at, kind], 'may not specify more than 1 handler type'));
			continue;
		}
		found = true;
		handler = decodeHandler(kind, readObject(probe, kind, at, p) ?? {}, [...at, kind], p);
	}
	if (!found) p.errors.push(required(at, 'must specify a handler type'));
	const read = (key: string): number | undefined => {
		const value = readInt(probe, key, at, p);
		nonNegative(value, [...at, key], p);
		return value;
	};
	const initialDelaySeconds = read('initialDelaySeconds');
	const timeoutSeconds = read('timeoutSeconds');
	const periodSeconds = read('periodSeconds');
	const successThreshold = read('successThreshold') || 1;
	const failureThreshold = read('failureThreshold');
	if (successMustBeOne && successThreshold !== 1) {
		p.errors.push(invalid([...at, 'successThreshold'], successThreshold, 'must be 1'));
	}
	// SetDefaults_Probe: a zero is replaced by the default, like an omitted field (S64).
	return {
		...handler,
		initialDelaySeconds: initialDelaySeconds ?? 0,
		timeoutSeconds: timeoutSeconds || 1,
		periodSeconds: periodSeconds || 10,
		successThreshold,
		failureThreshold: failureThreshold || 3,
	};
}

function decodeContainerPorts(container: Obj, at: Path, p: Problems): ContainerPort[] {
	const ports: ContainerPort[] = [];
	const names = new Set<string>();
	for (const {item, index} of readObjectList(container, 'ports', at, p) ?? []) {
		const portAt = [...at, 'ports', index];
		const name = readString(item, 'name', portAt, p) ?? '';
		const containerPort = readInt(item, 'containerPort', portAt, p);
		const hostPort = readInt(item, 'hostPort', portAt, p);
		const protocol = readString(item, 'protocol', portAt, p) || 'TCP';
		if (name !== '') {
			const msgs = isValidPortName(name);
			for (const msg of msgs) p.errors.push(invalid([...portAt, 'name'], name, msg));
			if (msgs.length === 0 && names.has(name)) p.errors.push(duplicate([...portAt, 'name'], name));
			names.add(name);
		}
		if (containerPort === 0 || !has(item, 'containerPort')) {
			p.errors.push(required([...portAt, 'containerPort']));
		} else if (containerPort !== undefined) {
			for (const msg of isValidPortNum(containerPort)) {
				p.errors.push(invalid([...portAt, 'containerPort'], containerPort, msg));
			}
		}
		if (hostPort) {
			for (const msg of isValidPortNum(hostPort)) p.errors.push(invalid([...portAt, 'hostPort'], hostPort, msg));
		}
		if (!isProtocol(protocol)) p.errors.push(unsupported([...portAt, 'protocol'], protocol, protocols));
		if (containerPort && isProtocol(protocol)) {
			const port: ContainerPort = {containerPort, protocol};
			if (name !== '') port.name = name;
			ports.push(port);
		}
	}
	return ports;
}

function decodeContainer(container: Obj, at: Path, requireImage: boolean, p: Problems): Container {
	const name = readString(container, 'name', at, p) ?? '';
	const image = readString(container, 'image', at, p) ?? '';
	if (name === '') p.errors.push(required([...at, 'name']));
	else for (const msg of isDNS1123Label(name)) p.errors.push(invalid([...at, 'name'], name, msg));
	// Container.image is optional in workload templates ("to allow higher level config
	// management to default or override container images"), required in a Pod.
	if (requireImage && image.trim() === '') p.errors.push(required([...at, 'image']));
	const ports = decodeContainerPorts(container, at, p);
	const out: Container = {name, image, ports};
	const resources = decodeResources(container, at, p);
	if (resources !== undefined) out.resources = resources;
	const pullPolicy = oneOf(container, 'imagePullPolicy', at, pullPolicies, p);
	if (pullPolicy !== undefined) out.imagePullPolicy = pullPolicy;
	const messagePath = readString(container, 'terminationMessagePath', at, p);
	if (messagePath) out.terminationMessagePath = messagePath;
	const messagePolicy = oneOf(container, 'terminationMessagePolicy', at, terminationMessagePolicies, p);
	if (messagePolicy !== undefined) out.terminationMessagePolicy = messagePolicy;
	// validateContainers checks the probes in this order.
	for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
		const probe = readObject(container, key, at, p);
		if (probe !== undefined) out[key] = decodeProbe(probe, [...at, key], key !== 'readinessProbe', p);
	}
	return out;
}

/**
 * resources.requests and .limits: each value a quantity (resource.ParseQuantity), kept as written.
 * A resource with a limit and no request gets the limit as its request, as the API server's
 * defaulting does (pkg/apis/core/v1/defaults.go SetDefaults_Pod), so manifests and dumps agree.
 */
function decodeResources(container: Obj, at: Path, p: Problems): Container['resources'] {
	const resourcesAt = [...at, 'resources'];
	const resources = readObject(container, 'resources', at, p);
	const list = (key: 'requests' | 'limits'): Array<[string, string]> => {
		const out: Array<[string, string]> = [];
		const object = readObject(resources, key, resourcesAt, p);
		for (const [name, value] of Object.entries(object ?? {})) {
			const text = typeof value === 'number' ? String(value) : value;
			if (typeof text !== 'string' || parseQuantity(text) === null) p.errors.push(invalid([...resourcesAt, key, name], value, QUANTITY_FORMAT_ERROR));
			else out.push([name, text]);
		}
		return out;
	};
	const requests = list('requests');
	const limits = list('limits');
	for (const [name, limit] of limits) if (!requests.some(([n]) => n === name)) requests.push([name, limit]);
	// fromEntries defines own keys, so a resource named like an Object.prototype member stays data.
	return requests.length + limits.length === 0 ? undefined : {requests: Object.fromEntries(requests), limits: Object.fromEntries(limits)};
}

export interface PodSpecOptions {
	/** True for a Pod, false for a workload's pod template. */
	requireImage: boolean;
}

/** `at` is the path of the spec itself: ['spec'] or ['spec', 'template', 'spec']. */
export function decodePodSpec(spec: Obj | undefined, at: Path, options: PodSpecOptions, p: Problems): PodSpec {
	const containers: Container[] = [];
	const names = new Set<string>();
	const checkName = (container: Container, containerAt: Path): void => {
		if (container.name === '') return;
		if (names.has(container.name)) p.errors.push(duplicate([...containerAt, 'name'], container.name));
		names.add(container.name);
	};

	const regular = readObjectList(spec, 'containers', at, p);
	if (regular === undefined || regular.length === 0) p.errors.push(required([...at, 'containers']));
	for (const {item, index} of regular ?? []) {
		const containerAt = [...at, 'containers', index];
		const container = decodeContainer(item, containerAt, options.requireImage, p);
		checkName(container, containerAt);
		containers.push(container);
	}
	for (const {item, index} of readObjectList(spec, 'initContainers', at, p) ?? []) {
		const containerAt = [...at, 'initContainers', index];
		const container = decodeContainer(item, containerAt, options.requireImage, p);
		checkName(container, containerAt);
		const restartPolicy = readString(item, 'restartPolicy', containerAt, p);
		if (restartPolicy !== undefined && restartPolicy !== 'Always') {
			p.errors.push(unsupported([...containerAt, 'restartPolicy'], restartPolicy, ['Always']));
		}
		// A restartable init container is a sidecar: it keeps running beside the app, and its
		// named ports resolve a Service's targetPort like any other (docs/semantics.md S73).
		if (restartPolicy === 'Always') containers.push(container);
	}

	const hostname = readString(spec, 'hostname', at, p);
	const subdomain = readString(spec, 'subdomain', at, p);
	const nodeName = readString(spec, 'nodeName', at, p);
	const hostNetwork = readBool(spec, 'hostNetwork', at, p);
	const grace = readInt(spec, 'terminationGracePeriodSeconds', at, p);
	if (hostname) for (const msg of isDNS1123Label(hostname)) p.errors.push(invalid([...at, 'hostname'], hostname, msg));
	if (subdomain) {
		for (const msg of isDNS1123Label(subdomain)) p.errors.push(invalid([...at, 'subdomain'], subdomain, msg));
	}
	if (nodeName) for (const msg of isDNS1123Subdomain(nodeName)) p.errors.push(invalid([...at, 'nodeName'], nodeName, msg));
	nonNegative(grace, [...at, 'terminationGracePeriodSeconds'], p);

	const tolerations = decodeTolerations(spec, at, p);
	const dnsPolicy = oneOf(spec, 'dnsPolicy', at, dnsPolicies, p);
	const dnsConfig = decodeDnsConfig(spec, dnsPolicy, at, p);
	const schedulerName = readString(spec, 'schedulerName', at, p);
	const serviceAccountName = readString(spec, 'serviceAccountName', at, p);
	if (serviceAccountName)
		for (const msg of isDNS1123Subdomain(serviceAccountName)) p.errors.push(invalid([...at, 'serviceAccountName'], serviceAccountName, msg));
	const serviceLinks = readBool(spec, 'enableServiceLinks', at, p);
	const securityContext = readObject(spec, 'securityContext', at, p);
	const nodeSelector = decodeNodeSelector(spec, at, p);
	const requiredNodeAffinity = decodeRequiredNodeAffinity(spec, at, p);

	const out: PodSpec = {containers, terminationGracePeriodSeconds: grace ?? 30};
	if (hostname) out.hostname = hostname;
	if (subdomain) out.subdomain = subdomain;
	if (nodeName) out.nodeName = nodeName;
	if (hostNetwork !== undefined) out.hostNetwork = hostNetwork;
	if (tolerations.length > 0) out.tolerations = tolerations;
	if (dnsPolicy !== undefined) out.dnsPolicy = dnsPolicy;
	if (dnsConfig !== undefined) out.dnsConfig = dnsConfig;
	if (schedulerName) out.schedulerName = schedulerName;
	if (serviceAccountName) out.serviceAccountName = serviceAccountName;
	if (serviceLinks !== undefined) out.enableServiceLinks = serviceLinks;
	if (securityContext !== undefined && Object.keys(securityContext).length > 0) out.securityContext = structuredClone(securityContext);
	if (nodeSelector !== undefined) out.nodeSelector = nodeSelector;
	if (requiredNodeAffinity !== undefined) out.requiredNodeAffinity = requiredNodeAffinity;
	return out;
}

// validatePodDNSConfig's limits (pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPaths,
// MaxDNSSearchListChars), from the C library's resolv.conf.
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 32;
const MAX_DNS_SEARCH_LIST_CHARS = 2048;

/**
 * spec.dnsConfig, checked as validatePodDNSConfig checks it. Any dnsPolicy may carry one: the
 * kubelet appends its nameservers and searches to what the policy gives and merges its options
 * (pkg/kubelet/network/dns/dns.go appendDNSConfig; sim/dns.ts resolverOf). `dnsPolicy: None`
 * takes its resolver from dnsConfig alone, so there must be one, with a nameserver.
 */
function decodeDnsConfig(spec: Obj | undefined, dnsPolicy: string | undefined, at: Path, p: Problems): PodSpec['dnsConfig'] {
	const config = readObject(spec, 'dnsConfig', at, p);
	const here = [...at, 'dnsConfig'];
	if (config === undefined) {
		if (dnsPolicy === 'None') p.errors.push(required(here, 'must provide `dnsConfig` when `dnsPolicy` is None'));
		return undefined;
	}
	const nameservers = readStringList(config, 'nameservers', here, p) ?? [];
	if (dnsPolicy === 'None' && nameservers.length === 0) {
		p.errors.push(required([...here, 'nameservers'], 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
		return undefined;
	}
	if (nameservers.length > MAX_DNS_NAMESERVERS) {
		p.errors.push(invalid([...here, 'nameservers'], {raw: goStringSlice(nameservers)}, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
	}
	for (const [i, ns] of nameservers.entries()) for (const msg of isValidIP(ns)) p.errors.push(invalid([...here, 'nameservers', i], ns, msg));
	const searches = readStringList(config, 'searches', here, p) ?? [];
	if (searches.length > MAX_DNS_SEARCH_PATHS) {
		p.errors.push(invalid([...here, 'searches'], {raw: goStringSlice(searches)}, `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`));
	}
	if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) {
		p.errors.push(
			invalid(
				[...here, 'searches'],
				{raw: goStringSlice(searches)},
				`must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
			),
		);
	}
	// "it is fine to have a trailing dot"
	for (const [i, search] of searches.entries()) {
		const name = search.replace(/\.$/, '');
		for (const msg of isDNS1123Subdomain(name)) p.errors.push(invalid([...here, 'searches', i], name, msg));
	}
	const options: NonNullable<PodSpec['dnsConfig']>['options'] = [];
	for (const {item, index} of readObjectList(config, 'options', here, p) ?? []) {
		const name = readString(item, 'name', [...here, 'options', index], p) ?? '';
		const value = readString(item, 'value', [...here, 'options', index], p);
		if (name === '') p.errors.push(required([...here, 'options', index], 'must not be empty'));
		else options.push(value === undefined ? {name} : {name, value});
	}
	return {nameservers, searches, options};
}

const tolerationOperators = ['Equal', 'Exists'];
const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * spec.tolerations as written, checked as ValidateTolerations (pkg/apis/core/validation) checks
 * them, in its order and with its quirks: a bad Equal value is reported on `operator`, joined by
 * `;`, and a value with Exists prints the whole toleration as Go's %#v of core.Toleration.
 */
function decodeTolerations(spec: Obj | undefined, at: Path, p: Problems): Toleration[] {
	const out: Toleration[] = [];
	for (const {item, index} of readObjectList(spec, 'tolerations', at, p) ?? []) {
		const tAt = [...at, 'tolerations', index];
		const key = readString(item, 'key', tAt, p) ?? '';
		const operator = readString(item, 'operator', tAt, p) ?? '';
		const value = readString(item, 'value', tAt, p) ?? '';
		const effect = readString(item, 'effect', tAt, p) ?? '';
		const seconds = readInt(item, 'tolerationSeconds', tAt, p);
		// ValidateLabelName.
		if (key !== '') for (const msg of isQualifiedName(key)) p.errors.push(invalid([...tAt, 'key'], key, msg));
		if (key === '' && operator !== 'Exists') {
			p.errors.push(invalid([...tAt, 'operator'], operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
		}
		if (seconds !== undefined && effect !== 'NoExecute') {
			p.errors.push(invalid([...tAt, 'effect'], effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
		}
		if (operator === '' || operator === 'Equal') {
			const msgs = isValidLabelValue(value);
			if (msgs.length > 0) p.errors.push(invalid([...tAt, 'operator'], value, msgs.join(';')));
		} else if (operator === 'Exists') {
			if (value !== '') {
				// The pointer's address is the one thing Go prints that a simulation cannot know.
				const secondsText = seconds === undefined ? '(*int64)(nil)' : '(*int64)(0xc000000000)';
				const raw = `core.Toleration{Key:${goQuote(key)}, Operator:${goQuote(operator)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TolerationSeconds:${secondsText}}`;
				p.errors.push(invalid([...tAt, 'operator'], {raw}, "value must be empty when `operator` is 'Exists'"));
			}
		} else {
			p.errors.push(unsupported([...tAt, 'operator'], operator, tolerationOperators));
		}
		// validateTaintEffect with allowEmpty: an empty effect matches every effect.
		if (effect !== '' && !taintEffects.includes(effect)) p.errors.push(unsupported([...tAt, 'effect'], effect, taintEffects));
		const toleration: Toleration = {};
		if (key !== '') toleration.key = key;
		if (operator === 'Equal' || operator === 'Exists') toleration.operator = operator;
		if (value !== '') toleration.value = value;
		if (effect !== '') toleration.effect = effect;
		if (seconds !== undefined) toleration.tolerationSeconds = seconds;
		out.push(toleration);
	}
	return out;
}

/** spec.restartPolicy as given, or Always (SetDefaults_PodSpec). The caller checks it against what its kind allows. */
export function restartPolicyOf(spec: Obj | undefined, at: Path, p: Problems): string {
	return readString(spec, 'restartPolicy', at, p) || 'Always';
}

/** A Pod's restartPolicy, kept when it is one the API server accepts. */
export function isRestartPolicy(value: string): value is NonNullable<PodSpec['restartPolicy']> {
	return (restartPolicies as readonly string[]).includes(value);
}
