// `check`'s reports for CI (issue 13, "Routing tests for CI"): the OK line it prints, the
// `-o json` document, and the JUnit XML suite of `--junit`, all from one account of what loading
// found. The JUnit shape is the one `test` writes (headless/test-report.ts).

import type {JUnitCase, JUnitSuite} from '../headless/test-report.js';
import {type Diagnostic, formatDiagnostic} from '../load/index.js';
import type {ClusterInput, ObjectMetaInput} from '../sim/types.js';
import {sanitize} from '../view/sanitize.js';

export interface CheckCounts {
	services: number;
	workloads: number;
	barePods: number;
	networkPolicies: number;
}

export interface CheckResult {
	/** The files read, in the order given (a DIR as the files in it), then any that could not be read. */
	files: string[];
	/** null when the manifests did not load: what did validate is not the cluster that was asked for. */
	counts: CheckCounts | null;
	/** Load errors or warnings, then lint warnings, in the order check prints them. */
	diagnostics: Diagnostic[];
	/** kind → documents not simulated. */
	skipped: Record<string, number>;
}

/** The `kind/namespace/name` of the object's controller (the first reference not marked
 *  controller: false, as sim/initial-state.ts reads a pod's owner), when one is loaded. */
function controllerKey(meta: ObjectMetaInput): string | undefined {
	const ref = meta.ownerReferences?.find(r => r.controller !== false);
	return ref === undefined ? undefined : `${ref.kind}/${meta.namespace}/${ref.name}`;
}

/**
 * What the OK line counts: the objects the cluster was asked for, not the ones their controllers
 * made. A dump records every Deployment's ReplicaSets and every ReplicaSet's (or RC's, or
 * StatefulSet's) pods beside them, with ownerReferences; those count with their controller, as
 * the loader's pod budget counts them (load/load-sources.ts), so a dump and the manifests that
 * made it give the same line. A bare pod is one with no controller among the loaded workloads.
 */
export function checkCounts(input: ClusterInput): CheckCounts {
	const loaded = new Set(input.workloads.map(w => `${w.kind}/${w.meta.namespace}/${w.meta.name}`));
	const owned = (meta: ObjectMetaInput) => {
		const key = controllerKey(meta);
		return key !== undefined && loaded.has(key);
	};
	return {
		services: input.services.length,
		workloads: input.workloads.filter(w => !owned(w.meta)).length,
		barePods: input.pods.filter(p => !owned(p.meta)).length,
		networkPolicies: input.networkPolicies?.length ?? 0,
	};
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `FILES: OK (1 Service, 1 workload, 0 bare pods)`; NetworkPolicies only when there are some, so
 *  the line stays what scripts already read for manifests without any. */
export function okLine(names: string, counts: CheckCounts): string {
	const policies = counts.networkPolicies > 0 ? `, ${plural(counts.networkPolicies, 'NetworkPolicy', 'NetworkPolicies')}` : '';
	return `${sanitize(names)}: OK (${plural(counts.services, 'Service')}, ${plural(counts.workloads, 'workload')}, ${plural(counts.barePods, 'bare pod')}${policies})`;
}

export const hasErrors = (result: CheckResult) => result.counts === null || result.diagnostics.some(d => d.severity === 'error');

/** The `-o json` document. File names and messages are the text check prints (sanitized), so a
 *  tool reading the JSON and a person reading stderr see the same words. */
export function checkJson(result: CheckResult) {
	return {
		files: result.files.map(sanitize),
		ok: !hasErrors(result),
		counts: result.counts,
		skipped: result.skipped,
		diagnostics: result.diagnostics.map(d => ({file: sanitize(d.file), line: d.line, col: d.col, severity: d.severity, message: sanitize(d.message)})),
	};
}

/** Diagnostics that name no file (an object the loader cannot place) go in a case of their own. */
const UNPLACED = '(no file)';

/**
 * One test case per file: it fails when the file has errors, with one failure listing them all
 * (Jenkins' JUnit plugin and GitLab show the first failure of a case only), the first as its
 * message; its warnings go in system-out, which both show beside the case, passed or not.
 */
export function checkSuite(result: CheckResult): JUnitSuite {
	const names = [...result.files];
	for (const d of result.diagnostics) {
		const name = d.file === '' ? UNPLACED : d.file;
		if (!names.includes(name)) names.push(name);
	}
	const cases = names.map((name): JUnitCase => {
		const mine = result.diagnostics.filter(d => (d.file === '' ? UNPLACED : d.file) === name);
		const errors = mine.filter(d => d.severity === 'error').map(formatDiagnostic);
		const warnings = mine.filter(d => d.severity === 'warning').map(formatDiagnostic);
		const first = errors[0];
		const out: JUnitCase = {name: sanitize(name), status: 'passed', detail: [], ...(warnings.length > 0 ? {systemOut: warnings} : {})};
		if (first === undefined) return out;
		const more = errors.length > 1 ? ` (and ${plural(errors.length - 1, 'more error')})` : '';
		return {...out, status: 'failed', type: 'validation', message: first + more, detail: errors};
	});
	return {name: 'check', cases};
}
