// Tab completion for the palette, from the one command grammar: the verbs and their flags
// (source/command/commands.ts) and the closed sets of values the verbs check (probe's states,
// nslookup's query types, get's outputs and field-selector fields), the kinds' words
// (source/kinds/registry.ts: plural, singular, short names and kind, as kubectl's RESTMapper accepts
// them) and, for names and namespaces, the current state, in the namespace the line's `-n` names;
// curl's and nslookup's targets and `--from` clients in the spellings the simulator answers
// (source/view/request-targets.ts, source/command/client-spec.ts). Where kubectl completes the same
// thing, it is followed (kubernetes/kubectl pkg/util/completion/completion.go: `TYPE,TYPE` lists,
// names already on the line left out, `SERVICE:PORT`). Pure: (state, line, cursor) give the next
// line and the candidates to list, as a shell's completion does (bash manual, "Commands for
// Completion": complete inserts the common prefix; with several matches, possible-completions
// lists them).

import {commandFlags, VERBS} from '../command/commands.js';
import type {FlagSpec} from '../command/flags.js';
import {splitResourcesAndPairs} from '../command/label-spec.js';
import {parseResourceArgs} from '../command/resources.js';
import {QUERY_TYPES} from '../command/verbs/nslookup.js';
import {PROBE_STATES} from '../command/verbs/probe.js';
import {KINDS, type KindInfo, kindByResource, type ResourceName, resolveKind, wordsOf} from '../kinds/registry.js';
import {resolveClient} from '../sim/clients.js';
import type {State} from '../sim/index.js';
import {getRow} from '../sim/index.js';
import {objectKey} from '../sim/keys.js';
import {objectNames as namesOfKind, selectableFields} from '../view/get.js';
import {endpointNames, type NameForms, namePorts, serviceAddresses, serviceNames, srvNames} from '../view/request-targets.js';
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

/** `-o` values a template follows (`-o jsonpath=…`), as parse-command.ts reads them. */
const TEMPLATE_OUTPUTS = new Set(['jsonpath', 'jsonpath-as-json', 'custom-columns']);

const takesValue = (spec: FlagSpec | undefined) => spec !== undefined && spec.kind !== 'bool';

/** A shorthand group as pflag reads it (source/command/flags.ts parseShort): boolean shorthands,
 *  then one that takes a value, glued (`-oyaml`, `-o=yaml`, `-Ao` `yaml`) or from the next word.
 *  `head` is the group up to that shorthand (`-o`, `-Ao`). */
function shortValue(token: string, specs: ReadonlyArray<FlagSpec>): {spec: FlagSpec; head: string} | undefined {
	for (let i = 1; i < token.length; i++) {
		const spec = specs.find(s => s.shorthand === token[i]);
		if (spec === undefined) return undefined;
		if (takesValue(spec)) return {spec, head: token.slice(0, i + 1)};
	}
	return undefined;
}

/** The flag whose value is the next word (`-n web`, `--namespace web`, `-An web`), if any. */
function valueFollows(token: string, specs: ReadonlyArray<FlagSpec>): FlagSpec | undefined {
	if (token.startsWith('--')) {
		const spec = specs.find(s => s.name === token.slice(2));
		return takesValue(spec) ? spec : undefined;
	}
	const short = shortValue(token, specs);
	return short !== undefined && short.head === token ? short.spec : undefined;
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
			const spec = valueFollows(token, specs);
			if (spec !== undefined) {
				if (i === all.length - 1) flagBefore = spec;
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
	const specs = commandFlags(verb ?? 'get');
	for (let i = 0; i < line.length; i++) {
		const token = line[i] ?? '';
		if (token === '--all-namespaces') allNamespaces = true;
		let value: string | undefined;
		if (token === '--namespace') value = line[i + 1];
		else if (token.startsWith('--namespace=')) value = token.slice('--namespace='.length);
		else if (token.length > 1 && token[0] === '-' && token[1] !== '-') {
			// A shorthand group: -A among its booleans, -n's value glued or next (`-An shop`).
			const short = shortValue(token, specs);
			if (token.slice(1, short?.head.length).includes('A')) allNamespaces = true;
			if (short?.spec.name === 'namespace') value = short.head === token ? line[i + 1] : token.slice(short.head.length).replace(/^=/u, '');
		}
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
	const specs = commandFlags(verb ?? 'get');
	if (flagBefore !== undefined) return valueWords(state, parsed, flagBefore, word);
	if (word.startsWith('--')) {
		const eq = word.indexOf('=');
		if (eq === -1) return flagWords(specs);
		const spec = specs.find(s => s.name === word.slice(2, eq));
		return spec ? withPrefix(word.slice(0, eq + 1), valueWords(state, parsed, spec, word.slice(eq + 1))) : [];
	}
	if (word.startsWith('-')) {
		// A value glued to its shorthand (`-oyaml`, `-o=yaml`), completed after what is kept of the flag.
		const short = shortValue(word, specs);
		if (short === undefined || short.head === word) return flagWords(specs);
		const head = word[short.head.length] === '=' ? `${short.head}=` : short.head;
		return withPrefix(head, valueWords(state, parsed, short.spec, word.slice(head.length)));
	}
	if (verb === undefined) return [...VERBS.map(v => v.name), 'quit'];
	if (verb === 'help') return args.length === 0 ? VERBS.map(v => v.name) : [];
	if (verb === 'curl' || verb === 'nslookup') return args.length === 0 ? targetWords(state, parsed.namespace, verb, word) : [];
	const kinds = kindsOf(verb);
	if (kinds.length === 0) return [];
	const [first] = args;
	if (first === undefined) {
		// TYPE, TYPE,TYPE for get (get-args.ts splits them; kubectl's compGetResourceList completes the
		// last), or TYPE/NAME once the type is typed.
		const slash = word.indexOf('/');
		if (slash === -1) {
			const comma = verb === 'get' ? word.lastIndexOf(',') + 1 : 0;
			return withPrefix(word.slice(0, comma), kindWords(kinds, word.slice(comma)));
		}
		const kind = resolveKind(word.slice(0, slash));
		return kind && kinds.includes(kind) ? withPrefix(word.slice(0, slash + 1), objectNames(state, kind, parsed)) : [];
	}
	// scale takes one object; label, probe and crash are completed for one, as their usage lines
	// show them, and what follows it is the verb's own.
	if (verb !== 'get' && verb !== 'describe' && verb !== 'delete') {
		const named = first.includes('/') ? 1 : 2;
		if (args.length >= named) return afterObject(state, parsed, verb, args);
	}
	// After a single TYPE come its names (`get pods a b`); after TYPE/NAME words, more of them.
	// Either way, not the ones already on the line (kubectl: cmdutil.Difference).
	if (first.includes(',')) return [];
	const kind = resolveKind(first.split('/')[0] ?? '');
	if (!kind || !kinds.includes(kind)) return [];
	if (first.includes('/')) {
		const slash = word.indexOf('/');
		const other = slash === -1 ? null : resolveKind(word.slice(0, slash));
		if (other === null) return kindWords(kinds, word);
		const typed = word.slice(0, slash + 1);
		return withPrefix(typed, objectNames(state, other, parsed)).filter(w => !args.includes(w));
	}
	return objectNames(state, kind, parsed).filter(n => !args.slice(1).includes(n));
}

const withPrefix = (prefix: string, words: readonly string[]) => words.map(w => `${prefix}${w}`);

/** What comes after the pod of `probe` (its states) and `label` (`KEY-` for each label it has,
 *  not yet on the line); `scale` and `crash` take nothing more. */
function afterObject(state: State, parsed: Parsed, verb: string, args: readonly string[]): string[] {
	if (verb === 'probe') return PROBE_STATES;
	if (verb !== 'label') return [];
	const split = splitResourcesAndPairs(args, 'label');
	const resources = split.ok ? parseResourceArgs(split.resources) : null;
	if (!split.ok || !resources?.ok) return [];
	const typed = new Set(split.pairs.map(p => p.replace(/(?:=.*|-)$/su, '')));
	const keys = resources.targets.flatMap(t => Object.keys(getRow(state.pods, objectKey(parsed.namespace, t.name))?.labels ?? {}));
	return [...new Set(keys)]
		.filter(k => !typed.has(k))
		.sort()
		.map(k => `${k}-`);
}

/**
 * A target as the simulator reads it (source/sim/proxy.ts parseTarget, source/sim/dns.ts resolve):
 * curl takes `[http[s]://]HOST[:PORT]`, nslookup a name. Without a dot typed, each Service once,
 * in the shortest name a client in `namespace` resolves (`web`, `cart.shop`); a dot past that
 * name brings its longer forms (`web.default.svc.cluster.local`); a headless Service's pods
 * (`web-0.nginx`) come when no Service fits, or after a dot. `HOST:` lists the ports, a digit the
 * addresses kube-proxy routes (ClusterIP, node IP:nodePort, load balancer, external IP), an
 * underscore (nslookup) the SRV names.
 */
function targetWords(state: State, namespace: string, verb: 'curl' | 'nslookup', word: string): string[] {
	const scheme = verb === 'curl' ? (/^https?:\/\//iu.exec(word)?.[0] ?? '') : '';
	const host = word.slice(scheme.length);
	if (verb === 'curl' && /^\d/u.test(host)) return withPrefix(scheme, serviceAddresses(state));
	const lower = host.toLowerCase();
	const colon = host.lastIndexOf(':');
	if (verb === 'curl' && colon !== -1) {
		const name = lower.slice(0, colon);
		const owners = [...serviceNames(state, namespace), ...endpointNames(state, namespace)].filter(n => n.forms.includes(name));
		return withPrefix(scheme, [...new Set(owners.flatMap(n => namePorts(state, n.service).map(port => `${host.slice(0, colon)}:${port}`)))]);
	}
	const dots = lower.split('.').length - 1;
	// An entry's longer forms once the word has more dots than its shortest form's bare name.
	const fitting = (entries: NameForms[]) => entries.flatMap(n => (dots > n.dots ? n.forms : n.forms.slice(0, 1))).filter(f => f.startsWith(lower));
	if (verb === 'nslookup' && host.startsWith('_')) return fitting(srvNames(state, namespace));
	const services = fitting(serviceNames(state, namespace));
	if (services.length > 0 && dots === 0) return withPrefix(scheme, services);
	return withPrefix(scheme, [...services, ...fitting(endpointNames(state, namespace))]);
}

/** `--from`: the clients client-spec.ts accepts: `external` and the named outside clients, then
 *  `pod/NAME` and `node/NAME` (any word for the type, as kubectl's), pods only when they can send
 *  (resolveClient, which the request itself goes through). */
function clientWords(state: State, parsed: Parsed, value: string): string[] {
	const slash = value.indexOf('/');
	const [pods, nodes] = [kindByResource('pods'), kindByResource('nodes')];
	if (slash === -1) return [...new Set(['external', ...state.config.externalClients.map(c => c.name)]), `${pods.singular}/`, `${nodes.singular}/`];
	const kind = resolveKind(value.slice(0, slash));
	const names =
		kind === pods
			? objectNames(state, pods, parsed).filter(name => resolveClient(state, {kind: 'pod', name, namespace: parsed.namespace}).ok)
			: kind === nodes
				? objectNames(state, nodes, parsed)
				: [];
	return withPrefix(value.slice(0, slash + 1), names);
}

/** The values a flag takes, whole (`value` is what is typed of it, for values built of parts). */
function valueWords(state: State, parsed: Parsed, spec: FlagSpec, value: string): string[] {
	const verb = parsed.verb ?? 'get';
	if (spec.name === 'namespace') return namespaces(state);
	if (spec.name === 'output') return outputWords(verb);
	if (spec.name === 'type' && verb === 'nslookup') return [...QUERY_TYPES];
	if (spec.name === 'from') return clientWords(state, parsed, value);
	if (spec.name === 'field-selector') {
		// Comma-separated terms (apimachinery fields.ParseSelector): the field of the last one, for
		// the kind typed (events have their own, view/get.ts).
		const kind = resolveKind(parsed.args[0]?.split(/[,/]/u)[0] ?? '');
		const fields = Object.keys(selectableFields(kind?.resource ?? 'pods'));
		return withPrefix(
			value.slice(0, value.lastIndexOf(',') + 1),
			fields.map(f => `${f}=`),
		);
	}
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
	// Words match in any case (type words, DNS names, nslookup's types), flags' own names exactly (`-A` is not `-a`).
	const lower = (s: string) => (parsed.verb !== undefined && (!word.startsWith('-') || word.includes('=')) ? s.toLowerCase() : s);
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
