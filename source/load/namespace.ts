// A Namespace document. A stray metadata.namespace on it is ignored, as kubectl does for
// every cluster-scoped object.

import {isDNS1123Label} from '../apimachinery/validation.js';
import type {NamespaceInput} from '../sim/types.js';
import {decodeMeta} from './metadata.js';
import type {Obj, Problems} from './object-reader.js';

/** Namespaces every cluster has; the simulator adds them itself. */
export const builtinNamespaces: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function decodeNamespace(object: Obj, p: Problems): NamespaceInput {
	// docs/semantics.md A1: namespace names are DNS-1123 labels.
	const meta = decodeMeta(object, {namespaced: false, nameRule: isDNS1123Label}, p);
	const namespace: NamespaceInput = {name: meta.name};
	if (meta.createdAtSeconds !== undefined) namespace.createdAtSeconds = meta.createdAtSeconds;
	if (Object.keys(meta.labels).length > 0) namespace.labels = meta.labels;
	return namespace;
}
