// Generator of source/load/schema/fields.generated.ts: the field tree of every kind the loader decodes, read from the
// `kubernetes-models` package's type declarations (generated upstream from the Kubernetes
// OpenAPI spec) with the TypeScript compiler, and written to fields.generated.ts. Run it
// after upgrading kubernetes-models: `npx tsx bench/generate-schema.ts`
// (test/load/strict.test.ts fails while the committed tree is stale).
//
// The tree keeps only what strict decoding needs: each object type's field names and each
// field's shape. Encoding of a field's shape: '' a value with no fields to check (scalars,
// int-or-string, quantities, and free-form objects such as FieldsV1), 'T' an object of type
// T, '[]X' a list of X, '{}X' a map whose values are X.

import {writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

/** kind → [module of kubernetes-models, interface]. */
const kinds: Record<string, [string, string]> = {
	Pod: ['kubernetes-models/v1/Pod', 'IPod'],
	Service: ['kubernetes-models/v1/Service', 'IService'],
	Endpoints: ['kubernetes-models/v1/Endpoints', 'IEndpoints'],
	Node: ['kubernetes-models/v1/Node', 'INode'],
	Namespace: ['kubernetes-models/v1/Namespace', 'INamespace'],
	ReplicationController: ['kubernetes-models/v1/ReplicationController', 'IReplicationController'],
	Deployment: ['kubernetes-models/apps/v1/Deployment', 'IDeployment'],
	ReplicaSet: ['kubernetes-models/apps/v1/ReplicaSet', 'IReplicaSet'],
	StatefulSet: ['kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'],
	NetworkPolicy: ['kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
	// The metadata of a `kind: List` (kubectl get -o yaml|json), for the List document itself.
	ListMeta: ['@kubernetes-models/apimachinery/apis/meta/v1/ListMeta', 'IListMeta'],
};

export interface FieldTree {
	/** The version of kubernetes-models the tree was read from. */
	source: string;
	kinds: Record<string, string>;
	types: Record<string, Record<string, string>>;
}

export function generateTree(): FieldTree {
	const require = createRequire(import.meta.url);
	const root = dirname(require.resolve('kubernetes-models/package.json'));
	const version = (require('kubernetes-models/package.json') as {version: string}).version;
	const entry = join(root, '__k8s_svc_tui_entry__.ts');
	const names = Object.keys(kinds);
	const source = [
		...names.map((kind, i) => `import type {${kinds[kind]?.[1]} as T${i}} from '${kinds[kind]?.[0]}';`),
		`export type All = [${names.map((_, i) => `T${i}`).join(', ')}];`,
	].join('\n');
	const options: ts.CompilerOptions = {strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext};
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile;
	host.getSourceFile = (file, language, ...rest) =>
		file === entry ? ts.createSourceFile(file, source, language) : getSourceFile.call(host, file, language, ...rest);
	const fileExists = host.fileExists;
	host.fileExists = file => file === entry || fileExists.call(host, file);
	const program = ts.createProgram([entry], options, host);
	const checker = program.getTypeChecker();
	const file = program.getSourceFile(entry);
	const alias = file?.statements.find(ts.isTypeAliasDeclaration);
	if (!alias) throw new Error('generator entry did not parse');
	const all = checker.getTypeAtLocation(alias.name) as ts.TupleType;
	const members = checker.getTypeArguments(all);

	const types: Record<string, Record<string, string>> = {};
	const nameOf = (type: ts.Type, context: string): string => {
		const declaration = type.getSymbol()?.declarations?.[0];
		// An inline object type (StatefulSetSpec.volumeClaimTemplates) is named by where it is.
		if (!declaration || ts.isTypeLiteralNode(declaration)) return context;
		return relative(join(root, '..'), declaration.getSourceFile().fileName)
			.replace(/\.d\.ts$/, '')
			.replace(/^@?kubernetes-models\/(apimachinery\/)?/, '');
	};
	const shape = (given: ts.Type, context: string): string => {
		const type = checker.getNonNullableType(given);
		if (type.isUnion()) return '';
		if (checker.isArrayType(type)) {
			const [element] = checker.getTypeArguments(type as ts.TypeReference);
			return `[]${element ? shape(element, context) : ''}`;
		}
		if (!(type.flags & ts.TypeFlags.Object)) return '';
		const properties = checker.getPropertiesOfType(type);
		const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
		if (properties.length === 0) return index ? `{}${shape(index, context)}` : '';
		const name = nameOf(type, context);
		if (types[name]) return name;
		const fields: Record<string, string> = {};
		types[name] = fields;
		for (const property of properties) {
			fields[property.getName()] = shape(checker.getTypeOfSymbol(property), `${name}.${property.getName()}`);
		}
		return name;
	};
	const out: Record<string, string> = {};
	names.forEach((kind, i) => {
		const member = members[i];
		if (member) out[kind] = shape(member, kind);
	});
	const sorted: Record<string, Record<string, string>> = {};
	for (const name of Object.keys(types).sort()) sorted[name] = types[name] ?? {};
	return {source: `kubernetes-models@${version}`, kinds: out, types: sorted};
}

/** The module that holds the tree, as the loader imports it. */
export function renderTree(tree: FieldTree): string {
	const json = JSON.stringify(tree).replace(/\\/g, '\\\\').replace(/'/g, "\\'");
	return [
		'// Generated by bench/generate-schema.ts from the type declarations of',
		`// ${tree.source} (Kubernetes OpenAPI). Do not edit.`,
		'',
		'/** The field tree as JSON text: parsed once, on first use (start-up stays cheap). */',
		`export const fieldTreeJson = '${json}';`,
		'',
	].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const target = fileURLToPath(new URL('../source/load/schema/fields.generated.ts', import.meta.url));
	writeFileSync(target, renderTree(generateTree()));
	console.log(`wrote ${target}`);
}
