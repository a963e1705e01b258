// Run one command line against a simulation and render what kubectl would print. The TUI's `:`
// palette, its key bindings and `--script` all come through here, so they cannot drift apart.
//
// Layering: session sits above command, view and sim, and below ui and headless (a deliberate
// addition to docs/architecture.md: both front ends need the same executor).

import {cutQuoted} from '../apimachinery/quote.js';
import {COMMANDS, type Command, type OutputFormat, parseCommand} from '../command/index.js';
import {scaleResultText, type WordedResult} from '../command/verbs/scale.js';
import type {SourceFile} from '../load/index.js';
import {type Action, type State, type StepResult, step} from '../sim/index.js';
import {
	describeObjects,
	dnsJson,
	ENDPOINTS_DEPRECATION_WARNING,
	formatNslookup,
	formatSummary,
	formatTraces,
	jsonText,
	kubectlGet,
	requestsJson,
	sanitize,
} from '../view/index.js';
import {applyFile, type ReadFile} from './apply.js';
import {checkEndpoints, checkSteps, type ExpectationResult} from './expectations.js';
import {runBurst} from './request-burst.js';

export interface ExecResult {
	state: State;
	ok: boolean;
	/** What kubectl prints on stdout, line by line. */
	out: string[];
	/** What it prints on stderr (warnings, `No resources found`, errors). */
	err: string[];
	command: Command | null;
	/**
	 * What each simulator action answered, for front ends that render more than text. A curl
	 * whose output went to `ExecOptions.write` keeps its traces here only for an `--expect`.
	 */
	steps?: Array<{action: Action; result: StepResult}>;
	/** The line's `--expect` / `expect`, checked (session/expectations.ts): a failed one is no error of the command. */
	expectation?: ExpectationResult;
	/** After `apply|create|delete -f`: the Services whose routing it changed (`ns/name`). */
	changedServices?: string[];
}

export interface ExecOptions {
	/** How `apply -f FILE` reads its file: the CLI and the TUI pass the file system; without it apply refuses. */
	readFile?: ReadFile;
	/** The file's previous text, when --watch applies it again (session/apply.ts). */
	applyBefore?: SourceFile[];
	/**
	 * Takes a curl's output as it is made, batch by batch (text whose lines end in `\n`), instead
	 * of `out`: `--count 1000000` then holds one batch of traces, not a million (session/request-burst.ts).
	 */
	write?: (text: string) => void;
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

export function execute(state: State, line: string, options: ExecOptions = {}): ExecResult {
	const parsed = parseCommand(line);
	if (!parsed.ok) return finish({state, ok: false, out: [], err: [parsed.error], command: null});
	const command = parsed.command;
	if (command === null) return {state, ok: true, out: [], err: [], command};
	switch (command.kind) {
		case 'get': {
			const output = command.output === 'text' ? 'table' : command.output;
			const result = kubectlGet(state, {...command, output});
			if (!result.ok) return finish({state, ok: false, out: [], err: [result.error], command});
			const err = [...(result.warnings ?? [])];
			const tableLike = output === 'table' || output === 'wide';
			// kubectl writes the empty-list notice to stderr, and names it could not find after the output.
			if (tableLike && result.text.startsWith('No resources found')) return finish({state, ok: true, out: [], err: [...err, result.text], command});
			const errors = result.errors ?? [];
			return finish({state, ok: errors.length === 0, out: lines(result.text), err: [...err, ...errors], command});
		}
		case 'describe': {
			const result = describeObjects(state, command);
			// kubectl prints what it could describe, then the errors; the empty-list notice goes to stderr.
			// An API server of v1.33+ warns on every use of v1 Endpoints, describe's GET too (S82).
			const endpoints = command.resource === 'endpoints' || command.targets.some(target => target.resource === 'endpoints');
			const warned = endpoints && result.errors.length === 0 ? [ENDPOINTS_DEPRECATION_WARNING] : [];
			const err = result.notice === undefined ? [...warned, ...result.errors] : [...warned, ...result.errors, result.notice];
			const described = result.text !== '' || result.errors.length === 0;
			const out = command.output === 'json' ? (described && result.notice === undefined ? [jsonText(result.json)] : []) : lines(result.text);
			return finish({state, ok: result.errors.length === 0, out, err, command});
		}
		case 'help': {
			if (command.output === 'json') {
				const commands = COMMANDS.filter(c => command.topic === undefined || c.name === command.topic);
				return finish({state, ok: true, out: [jsonText({commands})], err: [], command});
			}
			return finish({state, ok: true, out: helpText(command.topic), err: [], command});
		}
		case 'actions': {
			const [only, ...others] = command.actions;
			const ran =
				only?.type === 'requestSent' && others.length === 0 ? {...runBurst(state, only, command, options.write), command} : runActions(state, command);
			if (command.expect === undefined || !ran.ok) return finish(ran);
			return finish({...ran, expectation: checkSteps(ran.state, command.expect, ran.steps ?? [])});
		}
		case 'expect': {
			const ready = command.expect.on === 'endpoints' ? command.expect.ready : 0;
			return finish({state, ok: true, out: [], err: [], command, expectation: checkEndpoints(state, command.namespace, command.service, ready)});
		}
		case 'apply':
			return finish(appliedResult(command, applyFile(state, command.file, options.readFile, options.applyBefore, command.verb ?? 'apply')));
		case 'edit': {
			// Only the TUI has an editor to open (ui/edit-object.ts); a script names the edited file.
			if (command.file === undefined) {
				const err = [`error: edit opens $EDITOR in the TUI; in a script give the edited object: edit ${command.ref} -f FILE`];
				return finish({state, ok: false, out: [], err, command});
			}
			return finish(appliedResult(command, applyFile(state, command.file, options.readFile, options.applyBefore)));
		}
		case 'undo':
			// Only a session's runner knows what came before (headless/run-script.ts, ui/timeline.ts).
			return finish({state, ok: false, out: [], err: ['error: undo needs a session to go back through: use it in a --script file or the TUI'], command});
	}
}

/** An apply's (or an edit's) outcome as the command's result. */
function appliedResult(command: Command, applied: ReturnType<typeof applyFile>): ExecResult {
	const {state, out, err, changedServices} = applied;
	return {state, ok: err.length === 0, out, err, command, changedServices};
}

function runActions(state: State, command: Extract<Command, {kind: 'actions'}>): ExecResult {
	const out: string[] = [];
	const err: string[] = [];
	const json: unknown[] = [];
	const steps: Array<{action: Action; result: StepResult}> = [];
	for (const action of command.actions) {
		const next = step(state, action);
		// The simulator answers a scale with what happened; kubectl's words for it need the kinds.
		const result = scaleResultText(next.result);
		if (result.kind === 'error') {
			// kubectl goes on past a name that fails (`delete pod nope a` still deletes a) and
			// reports the errors after the output; the command then fails.
			err.push(result.message);
			continue;
		}
		state = next.state;
		steps.push({action, result});
		if (command.output === 'json') json.push(resultJson(result));
		else out.push(...renderResult(result, action, command));
	}
	if (command.output === 'json' && json.length > 0) out.push(jsonText(combine(json)));
	return {state, ok: err.length === 0, out, err, command, steps};
}

function renderResult(result: WordedResult, action: Action, command: {summaryOnly?: boolean; verbose?: boolean; output: OutputFormat}): string[] {
	switch (result.kind) {
		case 'message':
			return result.lines;
		case 'requests': {
			const traces = command.summaryOnly ? [] : lines(formatTraces(result.requests));
			const many = action.type === 'requestSent' && action.count > 1;
			return many || command.summaryOnly ? [...traces, ...lines(formatSummary(result.summary, result.requests))] : traces;
		}
		case 'dns':
			return lines(formatNslookup(result.result, {verbose: command.verbose ?? false}));
		case 'error':
			return [result.message];
	}
}

function resultJson(result: WordedResult): unknown {
	switch (result.kind) {
		case 'message':
			return {messages: result.lines};
		case 'requests':
			return requestsJson(result.requests, result.summary);
		case 'dns':
			return dnsJson(result.result);
		case 'error':
			return {error: result.message};
	}
}

/** `-o json` prints exactly one line, whatever the number of actions. */
const combine = (items: unknown[]) => (items.length === 1 ? items[0] : {items});

function helpText(topic?: string): string[] {
	if (topic) {
		const entry = COMMANDS.find(c => c.name === topic);
		if (entry) return [`${entry.usage}`, `  ${entry.summary}`];
	}
	const width = Math.max(...COMMANDS.map(c => c.usage.length));
	return ['Commands (kubectl habits; `help COMMAND` for one):', ...COMMANDS.map(c => `  ${c.usage.padEnd(width)}  ${c.summary}`)];
}

/**
 * Every line leaving this module is safe for a terminal, whatever the manifests contained. The
 * exceptions are tabs the output's own layout asks for, where the writer escapes every value it
 * prints, so a tab from input stays `^I`: nslookup's text (BIND's layout, view/nslookup.ts) and
 * `-o jsonpath=` (the template's `{"\t"}`, unquoted as client-go's jsonpath parseQuote does;
 * view/jsonpath.ts escapes the values it finds).
 */
function finish(result: ExecResult): ExecResult {
	const c = result.command;
	const nslookupText = c?.kind === 'actions' && c.output === 'text' && c.actions.every(a => a.type === 'dnsQueried');
	const template = c?.kind === 'get' && c.output === 'jsonpath';
	const safe = nslookupText || template ? (line: string) => line.split('\t').map(sanitize).join('\t') : sanitize;
	// An error echoes what was asked for (`pods "NAME" not found`): a megabyte name is cut, as the
	// loader cuts the values it quotes (apimachinery/quote.ts).
	return {...result, out: result.out.map(safe), err: result.err.map(line => sanitize(cutQuoted(line)))};
}
