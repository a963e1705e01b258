// `apply -f FILE` (command/verbs/apply.ts) against the running cluster: the file is read and
// validated as at load time (the same loader, the same positioned errors), each Service is created
// or updated by the simulator (sim/service-apply.ts), and the routing diff of the Services it
// changed follows, so what-if is one command: which requests now fail, and why.

import {type Diagnostic, diagnosticsFromInitErrors, formatDiagnostic, loadSources, type SourceFile} from '../load/index.js';
import {type State, step} from '../sim/index.js';
import {routingDiff} from './routing-diff.js';
import {routingDiffText} from './routing-diff-text.js';

/** The file's (or a folder's) manifests, or why they could not be read, as at load time (load/read-sources.ts). */
export type {SourceFile};

export type ReadFile = (path: string) => {files: SourceFile[]; errors: Diagnostic[]};

export interface Applied {
	state: State;
	out: string[];
	err: string[];
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

/** `previous`: the file's previous text (the TUI's --watch): kinds apply leaves alone are named only when they changed. */
export function applyFile(state: State, file: string, read: ReadFile | undefined, previous?: SourceFile[]): Applied {
	if (!read) return {state, out: [], err: ['error: apply needs files to read: use it in a --script file or the TUI']};
	const print = (ds: Diagnostic[]) => ds.map(formatDiagnostic);
	const sources = read(file);
	if (sources.errors.length > 0) return {state, out: [], err: print(sources.errors)};
	const loaded = loadSources(sources.files);
	if (loaded.errors.length > 0) return {state, out: [], err: print(loaded.errors)};
	const before = state;
	const out: string[] = [];
	const err = skipped(state, loaded.input, previous ? loadSources(previous).input : undefined);
	const changed = new Set<string>();
	for (const service of loaded.input.services) {
		const key = `${service.meta.namespace}/${service.meta.name}`;
		if (!Object.hasOwn(state.namespaces, service.meta.namespace)) {
			err.push(`Error from server (NotFound): error when creating "${file}": namespaces "${service.meta.namespace}" not found`);
			continue;
		}
		const next = step(state, {type: 'serviceApplied', input: service});
		if (next.result.kind === 'invalid') {
			err.push(...print(diagnosticsFromInitErrors(loaded, next.result.errors)));
			continue;
		}
		if (next.result.kind !== 'applied') continue;
		out.push(`service/${service.meta.name} ${next.result.verb}`);
		if (next.result.verb !== 'unchanged') changed.add(key);
		state = next.state;
	}
	// A policy can change any Service's traffic: then every Service is probed.
	let policies = false;
	for (const policy of loaded.input.networkPolicies ?? []) {
		if (!Object.hasOwn(state.namespaces, policy.meta.namespace)) {
			err.push(`Error from server (NotFound): error when creating "${file}": namespaces "${policy.meta.namespace}" not found`);
			continue;
		}
		const next = step(state, {type: 'networkPolicyApplied', input: policy});
		if (next.result.kind !== 'applied') continue;
		out.push(`networkpolicy.networking.k8s.io/${policy.meta.name} ${next.result.verb}`);
		if (next.result.verb !== 'unchanged') policies = true;
		state = next.state;
	}
	if (changed.size > 0 || policies) {
		const diff = routingDiffText(routingDiff({state: before}, {state, input: loaded.input}, policies ? {} : {services: changed}));
		out.push('', ...(diff.length > 0 ? ['Routing changes:', ...diff] : ['Routing: no request changes outcome']));
	}
	return {state, out, err};
}
