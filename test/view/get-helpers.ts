// What the per-kind `get` tests share: options for one resource, and the text of a result.
import type {ResourceName} from '../../source/kinds/registry.js';
import type {GetOptions, get} from '../../source/view/get.js';

/** `kubectl get RESOURCE` in `default`, table output, unless `extra` says otherwise. */
export const getOptions = (resource: ResourceName, extra: Partial<GetOptions> = {}): GetOptions => ({
	resource,
	namespace: 'default',
	allNamespaces: false,
	output: 'table',
	...extra,
});

/** The printed text of a successful result (a failed one fails the test with its error). */
export function text(result: ReturnType<typeof get>): string {
	if (!result.ok) throw new Error(result.error);
	return result.text;
}
