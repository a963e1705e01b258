// `kubectl describe` over every kind we hold (kubernetes/kubectl pkg/cmd/describe/describe.go,
// release-1.34): named objects, or every object `get` would list (`-l`, `-A`), each through its
// kind's describer. Output and errors are kubectl's: descriptions separated by two blank lines,
// NotFound errors after the output, `No resources found…` for an empty list, and for `TYPE NAME`
// that matches nothing, every object whose name starts with NAME (DescribeMatchingResources).

import {kindByResource, qualifiedResource, type ResourceName} from '../kinds/registry.js';
import {getRow, listRows} from '../sim/index.js';
import {objectKey, workloadKey} from '../sim/keys.js';
import type {State} from '../sim/types.js';
import {type ApiObject, sortKeys} from './api-object.js';
import {describeEndpointSlice, describeEndpoints, describeNamespace} from './describe-endpoints.js';
import {describeNetworkPolicy} from './describe-networkpolicy.js';
import {describeNode} from './describe-node.js';
import {describePod} from './describe-pod.js';
import {describeService} from './describe-service.js';
import {describeWorkload} from './describe-workload.js';
import {endpointsObject} from './endpoints-rows.js';
import {type EndpointSlice, endpointSliceObject, endpointSlices} from './endpointslice-rows.js';
import {getTable} from './get.js';
import {namespaceView} from './namespace-rows.js';
import {networkPolicyObject} from './networkpolicy-rows.js';
import {nodeObject} from './node-rows.js';
import {podObject} from './pod-rows.js';
import {sanitize} from './sanitize.js';
import {serviceObject} from './service-rows.js';
import {workloadObject} from './workload-object.js';

/** Every kind we hold but Event (kubectl has no describer of its own for it). */
type DescribeResource = Exclude<ResourceName, 'events'>;

interface DescribeQuery {
	/** Objects named on the command line, in order. */
	targets: ReadonlyArray<{resource: DescribeResource; name: string}>;
	/** `describe TYPE` without names: every object of the type (in the namespace, or all with `-A`). */
	resource?: DescribeResource;
	/** The arguments were `TYPE NAME`: a NotFound falls back to the objects whose names start with NAME. */
	prefixMatch?: boolean;
	namespace: string;
	allNamespaces: boolean;
	selector?: string;
}

interface DescribeResult {
	/** What kubectl prints on stdout, without a final newline; '' when nothing was described. */
	text: string;
	/** The described API objects (`-o json`): the object itself for one, a List for several. */
	json: unknown;
	/** stderr: errors (the command then fails) and the empty-list notice. */
	errors: string[];
	notice?: string;
}

interface Described {
	text: string;
	object: ApiObject;
}

/** An own entry of a state table (names come from input: `constructor` must not find Object.prototype's). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** One object's description, or undefined when it does not exist. */
function describeOne(state: State, resource: DescribeResource, namespace: string, name: string): Described | undefined {
	switch (resource) {
		case 'services': {
			const result = describeService(state, namespace, name);
			const svc = getRow(state.services, objectKey(namespace, name));
			return result.ok && svc ? {text: result.text, object: serviceObject(svc)} : undefined;
		}
		case 'pods': {
			const pod = getRow(state.pods, objectKey(namespace, name));
			return pod && {text: describePod(state, pod), object: podObject(state, pod)};
		}
		case 'nodes': {
			const node = own(state.nodes, name);
			return node && {text: describeNode(state, node), object: nodeObject(state, node)};
		}
		case 'namespaces': {
			const ns = own(state.namespaces, name);
			return ns && {text: describeNamespace(state, ns), object: namespaceView.object(state, ns)};
		}
		case 'endpoints': {
			const endpoints = getRow(state.endpoints, objectKey(namespace, name));
			return endpoints && {text: describeEndpoints(state, endpoints), object: endpointsObject(state, endpoints)};
		}
		case 'networkpolicies': {
			const policy = own(state.networkPolicies, objectKey(namespace, name));
			return policy && {text: describeNetworkPolicy(policy), object: networkPolicyObject(policy)};
		}
		case 'endpointslices': {
			const slice = findSlice(state, namespace, name);
			return slice && {text: describeEndpointSlice(state, slice), object: endpointSliceObject(state, slice)};
		}
		default: {
			const k = kindByResource(resource);
			const workload = k.scalable ? getRow(state.workloads, workloadKey(k.kind, namespace, name)) : undefined;
			return workload && {text: describeWorkload(state, workload), object: workloadObject(state, workload)};
		}
	}
}

/**
 * A slice is named `<service>-<5 characters>` (the apiserver's own: plain `kubernetes`), so its
 * Service is found from the name; only a base cut at 58 characters needs a look through the namespace.
 */
function findSlice(state: State, namespace: string, name: string): EndpointSlice | undefined {
	const candidates = [getRow(state.endpoints, objectKey(namespace, name.slice(0, -6))), getRow(state.endpoints, objectKey(namespace, name))];
	if (name.length >= 64) candidates.push(...listRows(state.endpoints).filter(ep => ep.namespace === namespace && ep.name.startsWith(name.slice(0, 58))));
	for (const endpoints of candidates) {
		const slice = endpoints && endpointSlices(state, endpoints).find(s => s.name === name);
		if (slice) return slice;
	}
	return undefined;
}

function notFound(resource: DescribeResource, name: string): string {
	return `Error from server (NotFound): ${qualifiedResource(kindByResource(resource))} "${sanitize(name)}" not found`;
}

/** Namespace and name of every object `get` lists, in its order. */
function listNames(state: State, resource: DescribeResource, query: Pick<DescribeQuery, 'namespace' | 'allNamespaces' | 'selector'>) {
	const table = getTable(state, {resource, namespace: query.namespace, allNamespaces: query.allNamespaces, selector: query.selector, output: 'table'});
	if (!table.ok) return [];
	return table.objects.map(object => {
		const meta = object.metadata as {name: string; namespace?: string};
		return {namespace: meta.namespace ?? '', name: meta.name};
	});
}

export function describeObjects(state: State, query: DescribeQuery): DescribeResult {
	const described: Described[] = [];
	const errors: string[] = [];
	let separator = '\n\n\n';
	if (query.resource !== undefined && query.targets.length === 0) {
		const resource = query.resource;
		for (const {namespace, name} of listNames(state, resource, query)) {
			const one = describeOne(state, resource, namespace, name);
			if (one) described.push(one);
		}
		if (described.length === 0) {
			const notice = query.allNamespaces ? 'No resources found' : `No resources found in ${sanitize(query.namespace)} namespace.`;
			return {text: '', json: list([]), errors, notice};
		}
	} else {
		for (const target of query.targets) {
			const one = describeOne(state, target.resource, query.namespace, target.name);
			if (one) described.push(one);
			else errors.push(notFound(target.resource, target.name));
		}
		const [target] = query.targets;
		if (query.prefixMatch && target !== undefined && described.length === 0) {
			const matches = listNames(state, target.resource, {namespace: query.namespace, allNamespaces: false})
				.filter(entry => entry.name.startsWith(target.name))
				.flatMap(entry => describeOne(state, target.resource, entry.namespace, entry.name) ?? []);
			if (matches.length > 0) {
				// DescribeMatchingResources prints each with a newline after kubectl's own final one.
				described.push(...matches);
				errors.length = 0;
				separator = '\n\n';
			}
		}
	}
	let text = described.map(d => d.text).join(separator);
	if (separator === '\n\n') text += '\n';
	const [only] = described;
	const json = described.length === 1 && only !== undefined ? sortKeys(only.object) : list(described.map(d => d.object));
	return {text, json, errors};
}

function list(items: ApiObject[]): ApiObject {
	return {apiVersion: 'v1', items: items.map(sortKeys), kind: 'List', metadata: {resourceVersion: ''}};
}
