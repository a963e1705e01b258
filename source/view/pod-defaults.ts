/**
 * What the API server writes into a pod spec the manifest left out (docs/semantics.md C5), so `-o yaml` and `describe`
 * show what a real cluster would return. The simulator keeps each field only as written
 * (sim/types.ts PodSpec); the defaults live here, once.
 *
 * - SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go), for Pods and templates alike: dnsPolicy
 *   ClusterFirst, restartPolicy Always, securityContext {} (as written when there is one),
 *   schedulerName default-scheduler (and
 *   terminationGracePeriodSeconds 30, which the loader already writes).
 * - setDefaults_Container: imagePullPolicy Always for the tag `latest` (an image with neither a
 *   tag nor a digest has it, parseImageName), IfNotPresent otherwise; terminationMessagePath
 *   /dev/termination-log; terminationMessagePolicy File.
 * - Pods only: SetDefaults_Pod's enableServiceLinks true; the ServiceAccount admission plugin's
 *   serviceAccountName `default` (v1 also carries it as the deprecated serviceAccount); the
 *   Priority admission plugin's priority 0 and preemptionPolicy PreemptLowerPriority when no
 *   priority class applies (plugin/pkg/admission/priority/admission.go).
 */
import type {Container, PodSpec} from '../sim/types.js';

/** The tag of an image reference: after the last `:` of its last path segment; none when a digest pins it. */
function imageTag(image: string): string {
	const at = image.indexOf('@');
	const name = at < 0 ? image : image.slice(0, at);
	const colon = name.lastIndexOf(':');
	const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
	return tag === '' && at < 0 ? 'latest' : tag;
}

function imagePullPolicy(container: Container): string {
	return container.imagePullPolicy ?? (imageTag(container.image) === 'latest' ? 'Always' : 'IfNotPresent');
}

/** The defaulted fields of one container, as its API object holds them. */
export function containerDefaults(container: Container): Record<string, string> {
	return {
		imagePullPolicy: imagePullPolicy(container),
		terminationMessagePath: container.terminationMessagePath ?? '/dev/termination-log',
		terminationMessagePolicy: container.terminationMessagePolicy ?? 'File',
	};
}

/** The fields SetDefaults_PodSpec fills in, with what the manifest wrote where it did. */
export function podSpecDefaults(spec: PodSpec): Record<string, unknown> {
	const out: Record<string, unknown> = {
		dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
		restartPolicy: spec.restartPolicy ?? 'Always',
		schedulerName: spec.schedulerName ?? 'default-scheduler',
		securityContext: spec.securityContext ? structuredClone(spec.securityContext) : {},
	};
	if (spec.serviceAccountName !== undefined) out.serviceAccountName = spec.serviceAccountName;
	if (spec.enableServiceLinks !== undefined) out.enableServiceLinks = spec.enableServiceLinks;
	return out;
}

/** The service account a Pod runs as once admitted. */
export const serviceAccountOf = (spec: PodSpec): string => spec.serviceAccountName ?? 'default';

/** What defaulting and admission add to a Pod's spec on top of podSpecDefaults. */
export function admittedPodFields(spec: PodSpec): Record<string, unknown> {
	const account = serviceAccountOf(spec);
	return {
		enableServiceLinks: spec.enableServiceLinks ?? true,
		serviceAccount: account,
		serviceAccountName: account,
		priority: 0,
		preemptionPolicy: 'PreemptLowerPriority',
	};
}
