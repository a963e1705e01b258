// `get TYPE[,TYPE…] [NAME…] | TYPE/NAME…`: a query for the view layer (kubectl's tables,
// docs/semantics.md G1-G3), with kubectl get's printer flags (kubernetes/kubectl
// `pkg/cmd/get/get_flags.go`, `humanreadable_flags.go`) and their checks in get.go Validate.

import type {Command} from '../types.js';
import {parseGetArgs} from './get-args.js';
import {SELECTOR_FLAG, selectorFlag} from './selector-flag.js';
import {stringFlag, usageError, type Verb} from './verb.js';

export const get: Verb = {
	name: 'get',
	usage: 'get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [-n NS | -A] [-l SELECTOR] [-o FORMAT] [--field-selector=FIELD=VALUE,…]',
	summary: 'List services, endpoints, endpointslices, pods, nodes or workloads as kubectl prints them',
	flags: [
		{name: 'all-namespaces', shorthand: 'A', kind: 'bool'},
		SELECTOR_FLAG,
		{name: 'show-labels', kind: 'bool'},
		{name: 'label-columns', shorthand: 'L', kind: 'stringSlice'},
		{name: 'no-headers', kind: 'bool'},
		{name: 'sort-by', kind: 'string'},
		{name: 'field-selector', kind: 'string'},
	],
	outputs: ['custom-columns', 'json', 'jsonpath', 'jsonpath-as-json', 'name', 'wide', 'yaml'],
	build(ctx) {
		const parsed = parseGetArgs(ctx.args);
		if (!parsed.ok) return parsed;
		// No arguments: the only way to name no type.
		const [first] = parsed.requests;
		if (first === undefined) return usageError(get, 'You must specify the type of resource to get.');
		const printing = printFlags(ctx.flags, stringFlag(ctx.flags, 'output') ?? '');
		if (!printing.ok) return printing;
		const selector = selectorFlag(ctx.flags);
		if (!selector.ok) return selector;
		const named = parsed.requests.some(r => r.names.length > 0);
		if (named && selector.selector !== undefined) {
			// builder.go visitBySelector words the two argument forms differently.
			const error = parsed.tuples
				? 'selectors and the all flag cannot be used when passing resource/name arguments'
				: 'name cannot be provided when a selector is specified';
			return {ok: false, error: `error: ${error}`};
		}
		const fieldSelector = stringFlag(ctx.flags, 'field-selector');
		// A name with -A is refused by the view, for namespaced kinds only (builder.go visitByName).
		const allNamespaces = ctx.flags['all-namespaces'] === true;
		// The simple form keeps the short command (`resource`, `name`); anything more lists every request.
		const simple = parsed.requests.length === 1 && first.names.length <= 1;
		const [name] = first.names;
		return {
			ok: true,
			command: {
				kind: 'get',
				resource: first.resource,
				...(simple && name !== undefined ? {name} : {}),
				namespace: ctx.namespace,
				allNamespaces,
				...(selector.selector === undefined ? {} : {selector: selector.selector}),
				...(fieldSelector === undefined ? {} : {fieldSelector}),
				output: ctx.output,
				...(simple ? {} : {requests: parsed.requests}),
				...printing.fields,
			},
		};
	},
};

type GetCommand = Extract<Command, {kind: 'get'}>;
type PrintFields = Pick<GetCommand, 'template' | 'showLabels' | 'labelColumns' | 'noHeaders' | 'sortBy'>;

/** The printer flags, set only when given; `output` is the raw `-o` text (kubectl's messages quote it). */
function printFlags(flags: Parameters<Verb['build']>[0]['flags'], output: string): {ok: true; fields: PrintFields} | {ok: false; error: string} {
	const fields: PrintFields = {};
	const eq = output.indexOf('=');
	if (/^(?:jsonpath|jsonpath-as-json|custom-columns)(?:=|$)/.test(output)) fields.template = eq === -1 ? '' : output.slice(eq + 1);
	const labelColumns = (stringFlag(flags, 'label-columns') ?? '').split(',').filter(key => key !== '');
	if (flags['show-labels'] === true) {
		if (output !== '' && output !== 'wide') return {ok: false, error: `error: --show-labels option cannot be used with ${output} printer`};
		fields.showLabels = true;
	}
	if (labelColumns.length > 0) {
		if (output.startsWith('custom-columns')) return {ok: false, error: `error: --label-columns option cannot be used with ${output} printer`};
		fields.labelColumns = labelColumns;
	}
	if (flags['no-headers'] === true) fields.noHeaders = true;
	const sortBy = stringFlag(flags, 'sort-by');
	if (sortBy !== undefined && sortBy !== '') fields.sortBy = sortBy;
	return {ok: true, fields};
}
