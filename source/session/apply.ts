// `apply -f FILE` (command/verbs/apply.ts) against the running cluster: the file is read and
// validated as at load time (the same loader, the same positioned errors), each Service is created
// or updated by the simulator (sim/service-apply.ts), and the routing diff of the Services it
// changed follows, so what-if is one command: which requests now fail, and why.

import {type Diagnostic, diagnosticsFromInitErrors, formatDiagnostic, loadSources, type SourceFile} from '../load/index.js';
import {type Action, getRow, type State, step} from '../sim/index.js';
import {routingDiff} from './routing-diff.js';
import {routingDiffText} from './routing-diff-text.js';

/** The file's (or a folder's) manifests, or why they could not be read, as at load time (load/read-sources.ts). */
export type {SourceFile};

export type ReadFile = (path: string) => {files: SourceFile[]; errors: Diagnostic[]};

export interface Applied {
	state: State;
	out: string[];
	err: string[];
	/** `ns/name` of each Service some request now reaches differently (the TUI marks their rows). */
	changedServices: string[];
}

type Input = ReturnType<typeof loadSources>['input'];

/** Each object of the kinds apply leaves alone, as text to compare (`kind/name` first). */
function leftAlone(state: State, input: Input): Array<{name: string; text: string}> {
	const of = (name: string, object: unknown) => ({name, text: JSON.stringify(object)});
	return [
		...input.workloads.map(w => of(`${w.kind.toLowerCase()}/${w.meta.name}`, w)),
		...input.pods.map(p => of(`pod/${p.meta.name}`, p)),
		...(input.endpoints ?? []).map(e => of(`endpoints/${e.meta.name}`, e)),
		...input.nodes.map(n => of(`node/${n.name}`, n)),
		...input.namespaces.filter(n => !Object.hasOwn(state.namespaces, n.name)).map(n => of(`namespace/${n.name}`, n)),
	];
}

/** Kinds the simulator cannot apply yet, named with what was skipped (nothing is dropped silently). */
function skipped(state: State, input: Input, before: Input | undefined): string[] {
	// The loader makes up a Namespace a file only uses; a Service there is refused below, as
	// kubectl apply refuses it (it creates no namespace), so only one it does not use is named.
	const used = new Set([...input.services, ...(input.networkPolicies ?? [])].map(o => o.meta.namespace));
	// Watching a file, only what changed since its last version is news.
	const unchanged = new Set(before ? leftAlone(state, before).map(o => o.text) : []);
	const names = leftAlone(state, input)
		.filter(o => !unchanged.has(o.text) && !(o.name.startsWith('namespace/') && used.has(o.name.slice('namespace/'.length))))
		.map(o => o.name);
	return names.map(name => `error: ${name} not applied: apply changes Services and NetworkPolicies only, so far`);
}

/** What `-f FILE` is for: kubectl apply, create (refuses what exists) or delete (the file's objects). */
export type FileVerb = 'apply' | 'create' | 'delete';

/** One object of the file, as the simulator takes it: a Service or a NetworkPolicy. */
interface FileObject {
	resource: 'services' | 'networkpolicies';
	printed: string;
	meta: {namespace: string; name: string};
	action: Action;
}

function objectsOf(input: Input, verb: FileVerb): FileObject[] {
	const services: FileObject[] = input.services.map(service => ({
		resource: 'services',
		printed: 'service',
		meta: service.meta,
		action: verb === 'delete' ? {type: 'serviceDeleted', namespace: service.meta.namespace, name: service.meta.name} : {type: 'serviceApplied', input: service},
	}));
	const policies: FileObject[] = (input.networkPolicies ?? []).map(policy => ({
		resource: 'networkpolicies',
		printed: 'networkpolicy.networking.k8s.io',
		meta: policy.meta,
		action:
			verb === 'delete'
				? {type: 'networkPolicyDeleted', namespace: policy.meta.namespace, name: policy.meta.name}
				: {type: 'networkPolicyApplied', input: policy},
	}));
	return [...services, ...policies];
}

const exists = (state: State, object: FileObject) => {
	const key = `${object.meta.namespace}/${object.meta.name}`;
	return object.resource === 'services' ? getRow(state.services, key) !== undefined : Object.hasOwn(state.networkPolicies, key);
};

/**
 * `apply|create|delete -f FILE`. `previous`: the file's previous text (the TUI's --watch): kinds
 * apply leaves alone are named only when they changed.
 */
export function applyFile(state: State, file: string, read: ReadFile | undefined, previous?: SourceFile[], verb: FileVerb = 'apply'): Applied {
	if (!read) return {state, out: [], err: [`error: ${verb} -f needs files to read: use it in a --script file or the TUI`], changedServices: []};
	const print = (ds: Diagnostic[]) => ds.map(formatDiagnostic);
	const sources = read(file);
	if (sources.errors.length > 0) return {state, out: [], err: print(sources.errors), changedServices: []};
	const loaded = loadSources(sources.files);
	if (loaded.errors.length > 0) return {state, out: [], err: print(loaded.errors), changedServices: []};
	const before = state;
	const out: string[] = [];
	const err = verb === 'delete' ? [] : skipped(state, loaded.input, previous ? loadSources(previous).input : undefined);
	const changed = new Set<string>();
	// A policy can change any Service's traffic: then every Service is probed.
	let policies = false;
	const when = verb === 'delete' ? 'deleting' : 'creating';
	for (const object of objectsOf(loaded.input, verb)) {
		const {namespace, name} = object.meta;
		const plural = object.resource === 'services' ? 'services' : 'networkpolicies.networking.k8s.io';
		if (!Object.hasOwn(state.namespaces, namespace)) {
			err.push(`Error from server (NotFound): error when ${when} "${file}": namespaces "${namespace}" not found`);
			continue;
		}
		if (verb === 'create' && exists(state, object)) {
			err.push(`Error from server (AlreadyExists): error when creating "${file}": ${plural} "${name}" already exists`);
			continue;
		}
		if (verb === 'delete' && !exists(state, object)) {
			err.push(`Error from server (NotFound): error when deleting "${file}": ${plural} "${name}" not found`);
			continue;
		}
		const next = step(state, object.action);
		if (next.result.kind === 'invalid') {
			err.push(...print(diagnosticsFromInitErrors(loaded, next.result.errors)));
			continue;
		}
		if (next.result.kind === 'message') out.push(...next.result.lines);
		else if (next.result.kind === 'applied') out.push(`${object.printed}/${name} ${next.result.verb}`);
		else continue;
		if (next.result.kind === 'applied' && next.result.verb === 'unchanged') continue;
		if (object.resource === 'services') changed.add(`${namespace}/${name}`);
		else policies = true;
		state = next.state;
	}
	const routed = new Set<string>();
	if (changed.size > 0 || policies) {
		const diff = routingDiff({state: before}, {state, input: loaded.input}, policies ? {} : {services: changed});
		// Probe ids and service ports begin with the Service's `ns/name:`.
		for (const id of [...diff.changes.map(c => c.target), ...diff.onlyBefore, ...diff.onlyAfter]) routed.add(id.slice(0, id.indexOf(':')));
		const text = routingDiffText(diff);
		out.push('', ...(text.length > 0 ? ['Routing changes:', ...text] : ['Routing: no request changes outcome']));
	}
	return {state, out, err, changedServices: [...routed].sort()};
}
