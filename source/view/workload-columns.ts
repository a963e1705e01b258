// Pieces shared by the workload tables (deploy, rs, rc, sts) and objects.

import {apiVersionOf, workloadKind} from '../kinds/registry.js';
import type {LabelSelector, PodTemplate, WorkloadKind} from '../sim/types.js';

export function workloadApiVersion(kind: WorkloadKind): string {
	return apiVersionOf(workloadKind(kind));
}

/** CONTAINERS and IMAGES (printers.go layoutContainerCells): comma-joined. */
export function containerCells(template: PodTemplate): [string, string] {
	return [template.spec.containers.map(c => c.name).join(','), template.spec.containers.map(c => c.image).join(',')];
}

/**
 * A set-based selector as apimachinery's `Selector.String()` prints it: requirements sorted by
 * key, `k=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; values sorted. '' when it selects everything.
 */
export function selectorString(selector: LabelSelector): string {
	const terms: Array<[string, string]> = [];
	for (const key of Object.keys(selector.matchLabels)) terms.push([key, `${key}=${selector.matchLabels[key]}`]);
	for (const req of selector.matchExpressions) {
		const values = [...req.values].sort().join(',');
		switch (req.operator) {
			case 'In':
				terms.push([req.key, `${req.key} in (${values})`]);
				break;
			case 'NotIn':
				terms.push([req.key, `${req.key} notin (${values})`]);
				break;
			case 'Exists':
				terms.push([req.key, req.key]);
				break;
			case 'DoesNotExist':
				terms.push([req.key, `!${req.key}`]);
				break;
		}
	}
	// Sorted by key; two requirements on one key keep their order (matchLabels first).
	terms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return terms.map(t => t[1]).join(',');
}

/** metav1.FormatLabelSelector: `<none>` instead of ''. */
export function formatLabelSelector(selector: LabelSelector): string {
	const text = selectorString(selector);
	return text === '' ? '<none>' : text;
}
