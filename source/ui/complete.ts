// Tab completion for the palette, from the one command grammar: the verbs and their flags
// (source/command/commands.ts), the kinds' words (source/kinds/registry.ts: plural, singular, short
// names and kind, as kubectl's RESTMapper accepts them) and, for names and namespaces, the current
// state, in the namespace the line's `-n` names. Pure: (state, line, cursor) give the next line and
// the candidates to list, as a shell's completion does (bash manual, "Commands for Completion":
// complete inserts the common prefix; with several matches, possible-completions lists them).

import {commandFlags, VERBS} from '../command/commands.js';
import type {FlagSpec} from '../command/flags.js';
import {KINDS, type KindInfo, type ResourceName, resolveKind, wordsOf} from '../kinds/registry.js';
import type {State} from '../sim/index.js';
import {objectNames as namesOfKind} from '../view/get.js';
import type {LineState} from './line-editor.js';

export interface Completion {
	line: LineState;
	/** What the word could become, when more than one thing (the list shown above the prompt);
	 *  at most CANDIDATES_MAX of them. */
	candidates: string[];
	/** How many matched in all (more than `candidates.length` when the list was cut). */
	total: number;
}

const CANDIDATES_MAX = 100;

/** Palette lines that quit, as k9s's do (derailed/k9s README: "To bail out of K9s: `:q`, ctrl-c"). */
export const QUIT_COMMANDS: ReadonlySet<string> = new Set(['q', 'q!', 'quit']);

/**
 * The kinds a verb's TYPE argument takes, from its usage line (source/command/verbs/*.ts):
 * `get` and `describe` any kind, `delete pod|node`, `scale rc|rs|deploy|sts`, the pod verbs `pod`.
 */
function kindsOf(verb: string): readonly KindInfo[] {
	switch (verb) {
		case 'get':
		case 'describe':
			return KINDS;
		case 'delete':
			return KINDS.filter(k => k.resource === 'pods' || k.resource === 'nodes');
		case 'scale':
			return KINDS.filter(k => k.scalable);
		case 'label':
		case 'probe':
		case 'crash':
			return KINDS.filter(k => k.resource === 'pods');
		default:
			return [];
	}
}

/** Fixed words a verb takes at an argument position (`probe pod NAME fail|pass`, `help COMMAND`). */
function fixedWords(verb: string, position: number): readonly string[] {
	if (verb === 'help' && position === 0) return VERBS.map(v => v.name);
	if (verb === 'probe' && position === 2) return ['fail', 'pass'];
	return [];
}

/** `-o` values a template follows (`-o jsonpath=…`), as parse-command.ts reads them. */
const TEMPLATE_OUTPUTS = new Set(['jsonpath', 'jsonpath-as-json', 'custom-columns']);

/** `--type` values nslookup asks for (its usage line). */
const DNS_TYPES = ['A', 'SRV', 'CNAME'];

const takesValue = (spec: FlagSpec | undefined) => spec !== undefined && spec.kind !== 'bool';

function specOf(token: string, specs: ReadonlyArray<FlagSpec>): FlagSpec | undefined {
	if (token.startsWith('--')) return specs.find(s => s.name === token.slice(2).split('=')[0]);
	return specs.find(s => s.shorthand === token[1]);
}

/** Does a flag token leave its value to the next token (`-n web`, `--namespace web`)? */
function valueFollows(token: string, specs: ReadonlyArray<FlagSpec>): boolean {
	if (token.includes('=')) return false;
	if (!token.startsWith('--') && token.length > 2) return false;
	return takesValue(specOf(token, specs));
}

interface Parsed {
	verb: string | undefined;
	/** Positional arguments after the verb, before the word being completed. */
	args: string[];
	/** The flag whose value the current word is (`-n ` just before it), if any. */
	flagBefore: FlagSpec | undefined;
	namespace: string;
	allNamespaces: boolean;
}

/** Read the words before the one being completed, as parse-command.ts would (cobra finds the verb
 *  as the first word that is not a flag or a flag's value). `rest` is every other word of the line,
 *  for `-n` typed after the cursor. */
function parseWords(words: readonly string[], rest: readonly string[]): Parsed {
	const all = words[0] === 'kubectl' ? words.slice(1) : words;
	let verb: string | undefined;
	const args: string[] = [];
	let flagBefore: FlagSpec | undefined;
	for (let i = 0; i < all.length; i++) {
		const token = all[i] ?? '';
		const specs = commandFlags(verb ?? 'get');
		if (token.length > 1 && token.startsWith('-')) {
			if (valueFollows(token, specs)) {
				if (i === all.length - 1) flagBefore = specOf(token, specs);
				i++;
			}
			continue;
		}
		if (verb === undefined) verb = token;
		else args.push(token);
	}
	let namespace = 'default';
	let allNamespaces = false;
	const line = [...all, ...rest];
	for (let i = 0; i < line.length; i++) {
		const token = line[i] ?? '';
		if (token === '-A' || token === '--all-namespaces') allNamespaces = true;
		const value =
			token === '-n' || token === '--namespace'
				? line[i + 1]
				: token.startsWith('--namespace=')
					? token.slice('--namespace='.length)
					: token.startsWith('-n') && !token.startsWith('--')
						? token.slice(2).replace(/^=/, '')
						: undefined;
		if (value) namespace = value;
	}
	return {verb, args, flagBefore, namespace, allNamespaces};
}

function namespaces(state: State): string[] {
	return Object.values(state.namespaces)
		.map(n => n.name)
		.sort();
}

/** The names of `kind`'s objects in the namespace (all of them with -A; cluster-scoped kinds have none). */
function objectNames(state: State, kind: KindInfo, parsed: Parsed): string[] {
	const namespace = !kind.namespaced || parsed.allNamespaces ? null : parsed.namespace;
	return [...new Set(namesOfKind(state, kind.resource as ResourceName, namespace))].sort();
}

/** Kind words matching `prefix`, one per kind: the word typed when it is one of the kind's
 *  (`po`), else its first word that fits, the plural before the others (`sv` → `svc`). */
function kindWords(kinds: readonly KindInfo[], prefix: string): string[] {
	const lower = prefix.toLowerCase();
	const out: string[] = [];
	for (const k of kinds) {
		const words = wordsOf(k);
		const word = words.includes(lower) ? lower : words.find(w => w.startsWith(lower));
		if (word !== undefined) out.push(word);
	}
	return out;
}

function flagWords(specs: ReadonlyArray<FlagSpec>): string[] {
	const out: string[] = [];
	for (const s of specs) {
		out.push(`--${s.name}${takesValue(s) ? '=' : ''}`);
		if (s.shorthand !== undefined) out.push(`-${s.shorthand}`);
	}
	return out;
}

function outputWords(verb: string): string[] {
	const outputs = VERBS.find(v => v.name === verb)?.outputs ?? [];
	return outputs.map(o => (TEMPLATE_OUTPUTS.has(o) ? `${o}=` : o));
}

/** What the word being typed could be, whole words, and how the first part of it is kept. */
function candidatesFor(state: State, parsed: Parsed, word: string): string[] {
	const {verb, args, flagBefore} = parsed;
	if (verb === undefined) return word.startsWith('-') ? flagWords(commandFlags('get')) : [...VERBS.map(v => v.name), 'quit'];
	const specs = commandFlags(verb);
	if (flagBefore !== undefined) return valueWords(state, flagBefore, verb);
	const eq = word.indexOf('=');
	if (word.startsWith('--') && eq !== -1) {
		const spec = specs.find(s => s.name === word.slice(2, eq));
		return spec ? valueWords(state, spec, verb).map(v => `${word.slice(0, eq + 1)}${v}`) : [];
	}
	if (word.startsWith('-')) return flagWords(specs);
	const fixed = fixedWords(verb, args.length);
	if (fixed.length > 0) return [...fixed];
	const kinds = kindsOf(verb);
	if (kinds.length === 0) return [];
	const [first] = args;
	if (first === undefined) {
		// TYPE, or TYPE/NAME once the type is typed.
		const slash = word.indexOf('/');
		if (slash === -1) return kindWords(kinds, word);
		const kind = resolveKind(word.slice(0, slash));
		return kind && kinds.includes(kind) ? objectNames(state, kind, parsed).map(n => `${word.slice(0, slash + 1)}${n}`) : [];
	}
	// After a single TYPE come its names (`get pods a b`); after TYPE/NAME words, more of them.
	if (first.includes(',')) return [];
	const kind = resolveKind(first.split('/')[0] ?? '');
	if (!kind || !kinds.includes(kind)) return [];
	if (first.includes('/')) {
		const slash = word.indexOf('/');
		const other = slash === -1 ? null : resolveKind(word.slice(0, slash));
		return other ? objectNames(state, other, parsed).map(n => `${word.slice(0, slash + 1)}${n}`) : kindWords(kinds, word);
	}
	// scale, label, probe and crash take one name.
	if (verb !== 'get' && verb !== 'describe' && verb !== 'delete' && args.length > 1) return [];
	return objectNames(state, kind, parsed);
}

function valueWords(state: State, spec: FlagSpec, verb: string): string[] {
	if (spec.name === 'namespace') return namespaces(state);
	if (spec.name === 'output') return outputWords(verb);
	if (spec.name === 'type' && verb === 'nslookup') return DNS_TYPES;
	return [];
}

function commonPrefix(words: readonly string[]): string {
	const [first] = words;
	if (first === undefined) return '';
	let end = first.length;
	for (const w of words) {
		let i = 0;
		while (i < end && i < w.length && w[i] === first[i]) i++;
		end = i;
	}
	return first.slice(0, end);
}

/**
 * Complete the word before the cursor: one match is inserted whole (a space after it, unless it
 * ends in `=` or `/` where more follows); several insert what they have in common and are listed.
 */
export function complete(state: State, line: LineState): Completion {
	const before = line.text.slice(0, line.cursor);
	const after = line.text.slice(line.cursor);
	const start = before.search(/\S*$/u);
	const word = before.slice(start);
	const words = before.slice(0, start).split(/\s+/u).filter(Boolean);
	const rest = after.replace(/^\S*/u, '').split(/\s+/u).filter(Boolean);
	const parsed = parseWords(words, rest);
	const lower = (s: string) => (parsed.verb !== undefined && !word.startsWith('-') ? s.toLowerCase() : s);
	const matches = [...new Set(candidatesFor(state, parsed, word))].filter(c => lower(c).startsWith(lower(word)));
	const unchanged = {line, candidates: [], total: 0};
	const [only] = matches;
	if (only === undefined) return unchanged;
	if (matches.length === 1) {
		const space = /[=/]$/u.test(only) || after.startsWith(' ') ? '' : ' ';
		const inserted = only + space;
		return {line: {text: before.slice(0, start) + inserted + after, cursor: start + inserted.length}, candidates: [], total: 1};
	}
	// Keep what was typed when the shared part differs only in case (`PO` against `pods`, `po`).
	const shared = commonPrefix(matches);
	const kept = shared.length > word.length ? shared : word;
	return {
		line: {text: before.slice(0, start) + kept + after, cursor: start + kept.length},
		candidates: matches.slice(0, CANDIDATES_MAX),
		total: matches.length,
	};
}
