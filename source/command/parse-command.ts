// One command line → a Command. The `:` palette and `--script` files share this grammar
// (docs/architecture.md "Commands: one grammar, two doors"); it parses and never touches state.

import {quote} from '../apimachinery/quote.js';
import {VERBS} from './commands.js';
import {COMMON_FLAGS, type FlagSpec, parseFlags} from './flags.js';
import {suggest} from './suggest.js';
import {tokenize} from './tokenize.js';
import type {OutputFormat, ParseResult, TemplateFormat} from './types.js';
import {stringFlag} from './verbs/verb.js';

const COMMAND_NAMES = VERBS.map(v => v.name);

const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['jsonpath', 'jsonpath-as-json', 'custom-columns'];

/** What kubectl's root command knows before it has found the command word. */
const ROOT_FLAGS: ReadonlyArray<FlagSpec> = COMMON_FLAGS.filter(f => f.name !== 'output');

export function parseCommand(line: string): ParseResult {
	const tokenized = tokenize(line);
	if (!tokenized.ok) return tokenized;
	let tokens = tokenized.tokens;
	if (tokens.length === 0) return {ok: true, command: null};
	// Commands pasted from kubectl habits (`kubectl get svc`) work as typed.
	if (tokens[0] === 'kubectl') tokens = tokens.slice(1);

	const at = commandWordIndex(tokens);
	const verbName = at === -1 ? undefined : tokens[at];
	if (verbName === undefined) {
		// Only flags, as in a bare `kubectl` or `kubectl -n web`: kubectl prints its help.
		const parsed = parseFlags(tokens, ROOT_FLAGS);
		return parsed.ok ? {ok: true, command: {kind: 'help'}} : parsed;
	}
	const verb = VERBS.find(v => v.name === verbName);
	if (verb === undefined) return unknownCommand(verbName);

	// Like cobra, the command parses the flags on both sides of its name (`kubectl -n web get pods`).
	const rest = [...tokens.slice(0, at), ...tokens.slice(at + 1)];
	const parsed = parseFlags(verb.rewrite ? verb.rewrite(rest) : rest, [...COMMON_FLAGS, ...verb.flags]);
	if (!parsed.ok) return parsed;
	const {flags} = parsed;
	if (flags.help === true) return {ok: true, command: {kind: 'help', topic: verb.name}};

	const output = outputFormat(stringFlag(flags, 'output'), verb.outputs);
	if (!output.ok) return output;
	const namespace = stringFlag(flags, 'namespace');
	return verb.build({
		args: parsed.args,
		flags,
		// kubectl falls back to the context's namespace for an empty -n; ours is `default`.
		namespace: namespace === undefined || namespace === '' ? 'default' : namespace,
		output: output.format,
		commands: COMMAND_NAMES,
	});
}

/** cobra's stripFlags: the first word that is not a flag or a flag's value. A flag the root
 *  does not know as boolean is taken to have a value, so `-o json get` finds `get`. */
function commandWordIndex(tokens: readonly string[]): number {
	const isBool = (spec: FlagSpec | undefined): boolean => spec?.kind === 'bool';
	// One iterator, so that skipping a flag's value is taking the next entry.
	const entries = tokens.entries();
	for (const [i, token] of entries) {
		if (token === '--') return -1;
		if (token !== '' && !token.startsWith('-')) return i;
		if (token.includes('=')) continue;
		const takesValue =
			(token.startsWith('--') && !isBool(ROOT_FLAGS.find(f => f.name === token.slice(2)))) ||
			(token.length === 2 && token !== '--' && !isBool(ROOT_FLAGS.find(f => f.shorthand === token[1])));
		if (takesValue) entries.next();
	}
	return -1;
}

function unknownCommand(name: string): ParseResult {
	const near = suggest(name, COMMAND_NAMES);
	const hint = near.length === 0 ? '' : ` (did you mean ${near.map(quote).join(' or ')}?)`;
	return {ok: false, error: `error: unknown command ${quote(name)}${hint}`};
}

function outputFormat(text: string | undefined, allowed: ReadonlyArray<OutputFormat>): {ok: true; format: OutputFormat} | {ok: false; error: string} {
	if (text === undefined || text === '') return {ok: true, format: 'text'};
	// `jsonpath=TEMPLATE`, `custom-columns=SPEC`: the format is the part before the first `=` (the
	// verb reads the rest from the raw flag), as cli-runtime's JSONPathPrintFlags.ToPrinter splits it.
	const eq = text.indexOf('=');
	const head = eq === -1 ? text : text.slice(0, eq);
	const name = TEMPLATE_FORMATS.includes(head as TemplateFormat) ? head : text.toLowerCase();
	const format = allowed.find(f => f === name);
	if (format !== undefined) return {ok: true, format};
	return {
		ok: false,
		error: `error: unable to match a printer suitable for the output format ${quote(text)}, allowed formats are: ${allowed.join(',')}`,
	};
}
