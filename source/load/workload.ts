// ReplicationController, ReplicaSet, Deployment and StatefulSet, with their defaulting
// (replicas 1; the selector and labels from the template where the API version did so,
// docs/semantics.md A13) and the selector rules of ValidateDeploymentSpec and friends.

import {isDNS1123Subdomain} from '../apimachinery/validation.js';
import {matchesLabels, matchesSelector} from '../sim/labels.js';
import {MAX_REPLICAS, tooManyReplicas} from '../sim/limits.js';
import type {LabelSelector, PodTemplate, WorkloadInput, WorkloadKind} from '../sim/types.js';
import {invalid, required, unsupported} from './field-error.js';
import {goStringMap} from './go-format.js';
import {decodeLabelSelector, goLabelSelector, isEmptySelector} from './label-selector.js';
import {decodeMeta, validateLabels} from './metadata.js';
import {type Obj, type Problems, readInt, readObject, readString, readStringMap} from './object-reader.js';
import {decodePodSpec, nonNegative, restartPolicyOf} from './pod-spec.js';
import type {Path} from './types.js';

export interface WorkloadVersion {
	apiVersion: string;
	/** Set when the manifest used an API version a current cluster rejects. */
	legacy: boolean;
	/** extensions/v1beta1 and apps/v1beta1 defaulted spec.selector and metadata.labels from
	 *  the template; apps/v1beta2 and apps/v1 require a selector. */
	defaultsSelector: boolean;
}

const templateLabelsAt: Path = ['spec', 'template', 'metadata', 'labels'];
const mismatch = '`selector` does not match template `labels`';

interface DecodedTemplate {
	template: PodTemplate;
	/** null when the template sets no labels (Go prints a nil map differently). */
	labels: Record<string, string> | null;
	/** ValidatePodTemplateSpec's findings, reported after the selector checks. */
	problems: Problems;
}

function decodeTemplate(template: Obj | undefined, p: Problems): DecodedTemplate {
	const at: Path = ['spec', 'template'];
	const own: Problems = {errors: [], warnings: p.warnings};
	const metadata = readObject(template, 'metadata', at, own);
	const labels = readStringMap(metadata, 'labels', [...at, 'metadata'], own) ?? null;
	const annotations = readStringMap(metadata, 'annotations', [...at, 'metadata'], own) ?? {};
	own.errors.push(...validateLabels(labels ?? {}, templateLabelsAt));
	const specAt: Path = [...at, 'spec'];
	const specObject = readObject(template, 'spec', at, own);
	const spec = decodePodSpec(specObject, specAt, {requireImage: false}, own);
	// Workloads' pods must restart (ValidatePodTemplateSpecForReplicaSet and friends).
	const policy = restartPolicyOf(specObject, specAt, own);
	if (policy !== 'Always') own.errors.push(unsupported([...specAt, 'restartPolicy'], policy, ['Always']));
	return {template: {labels: labels ?? {}, annotations, spec}, labels, problems: own};
}

function replicationControllerSelector(spec: Obj | undefined, hasTemplate: boolean, labels: Record<string, string> | null, p: Problems): ChosenSelector {
	let selector = readStringMap(spec, 'selector', ['spec'], p) ?? {};
	// SetDefaults_ReplicationController: an empty selector becomes the template's labels.
	if (Object.keys(selector).length === 0 && hasTemplate) selector = {...(labels ?? {})};
	if (Object.keys(selector).length === 0) p.errors.push(required(['spec', 'selector']));
	const mismatched = hasTemplate && Object.keys(selector).length > 0 && !matchesLabels(labels ?? {}, selector);
	return {selector: {matchLabels: selector, matchExpressions: []}, mismatch: mismatched};
}

interface ChosenSelector {
	selector: LabelSelector;
	/** The template's labels do not match it. */
	mismatch: boolean;
	/** LabelSelectorAsSelector failed, so the API server skipped the template checks. */
	unusable?: boolean;
}

function appsSelector(kind: WorkloadKind, spec: Obj | undefined, labels: Record<string, string> | null, version: WorkloadVersion, p: Problems): ChosenSelector {
	const at: Path = ['spec', 'selector'];
	const given = readObject(spec, 'selector', ['spec'], p);
	let selector: LabelSelector | null = null;
	if (given !== undefined) {
		const before = p.errors.length;
		selector = decodeLabelSelector(given, at, p);
		if (isEmptySelector(selector)) {
			const what = kind === 'StatefulSet' ? 'statefulset' : 'deployment';
			p.errors.push(invalid(at, {raw: goLabelSelector(given)}, `empty selector is invalid for ${what}`));
		}
		if (p.errors.length > before && !isEmptySelector(selector)) {
			// The selector cannot be converted, so its template is not checked at all
			// (StatefulSets say so with no detail).
			const detail = kind === 'StatefulSet' ? '' : 'invalid label selector';
			p.errors.push(invalid(at, {raw: goLabelSelector(given)}, detail));
			return {selector, mismatch: false, unusable: true};
		}
	} else if (version.defaultsSelector) {
		selector = {matchLabels: {...(labels ?? {})}, matchExpressions: []};
	} else {
		p.errors.push(required(at));
	}
	// A nil selector converts to "match nothing", so the API server also reports the
	// template's labels as not matching (the familiar two-line error).
	const mismatched = selector === null || (!isEmptySelector(selector) && !matchesSelector(labels ?? {}, selector));
	return {selector: selector ?? {matchLabels: {}, matchExpressions: []}, mismatch: mismatched};
}

/** The API server's bound, then the simulator's own (sim/limits.ts), said before any pod is built. */
function replicasInRange(replicas: number | undefined, p: Problems): void {
	nonNegative(replicas, ['spec', 'replicas'], p);
	if (replicas !== undefined && replicas > MAX_REPLICAS) p.errors.push(invalid(['spec', 'replicas'], replicas, tooManyReplicas()));
}

export function decodeWorkload(kind: WorkloadKind, object: Obj, version: WorkloadVersion, p: Problems): WorkloadInput {
	const meta = decodeMeta(object, {namespaced: true, nameRule: isDNS1123Subdomain}, p);
	const spec = readObject(object, 'spec', [], p);
	const replicas = readInt(spec, 'replicas', ['spec'], p);
	const serviceName = kind === 'StatefulSet' ? readString(spec, 'serviceName', ['spec'], p) : undefined;
	const templateObject = readObject(spec, 'template', ['spec'], p);
	const decoded = decodeTemplate(templateObject, p);

	let chosen: ChosenSelector;
	if (kind === 'ReplicationController') {
		// ValidateReplicationControllerSpec's order: selector, replicas, then the template
		// (a pointer in the RC API, so it can be missing).
		chosen = replicationControllerSelector(spec, templateObject !== undefined, decoded.labels, p);
		replicasInRange(replicas, p);
		if (templateObject === undefined) p.errors.push(required(['spec', 'template']));
	} else {
		replicasInRange(replicas, p);
		chosen = appsSelector(kind, spec, decoded.labels, version, p);
	}
	if (chosen.mismatch) p.errors.push(invalid(templateLabelsAt, {raw: goStringMap(decoded.labels)}, mismatch));
	const templateChecked = kind === 'ReplicationController' ? templateObject !== undefined : !chosen.unusable;
	// A wrong type in the template fails decoding, which comes before any validation.
	p.errors.push(...decoded.problems.errors.filter(error => templateChecked || error.decode));

	// RCs, and the legacy versions that defaulted the selector, also took the object's
	// labels from the template when it had none.
	const defaultsLabels = kind === 'ReplicationController' || version.defaultsSelector;
	if (defaultsLabels && Object.keys(meta.labels).length === 0) meta.labels = {...decoded.template.labels};

	const workload: WorkloadInput = {kind, meta, replicas: replicas ?? 1, selector: chosen.selector, template: decoded.template};
	if (serviceName) workload.serviceName = serviceName;
	if (version.legacy) workload.legacyApiVersion = version.apiVersion;
	return workload;
}
