// The TUI's state: the simulation plus what the screen needs (focus, cursors, dialogs, the
// request log, endpoint changes, the recorded script). A pure reducer, so screens are a function
// of (files, seed, keys) and tests need no terminal.
//
// Every change to the simulation goes through `run`, i.e. a command line of the shared grammar,
// which is also what `--record` writes.

import {parseCommand} from '../command/index.js';
import {shellWord} from '../command/shell-word.js';
import {kindByResource} from '../kinds/registry.js';
import type {SourceFile} from '../session/apply.js';
import {execute} from '../session/execute.js';
import {readFromDisk} from '../session/read-file.js';
import type {DnsResult, Pod, RequestSummary, RequestTrace, Service, State} from '../sim/index.js';
import {getRow, listRows} from '../sim/index.js';
import type {ApiObject} from '../view/api-object.js';
import {answeredOutside, sanitize} from '../view/index.js';
import {type EndpointChange, endpointChanges, endpointView, requestServices, serviceList, servicePods} from '../view/tui/index.js';
import {drillDown} from '../view/tui/resource-table.js';
import {complete} from './complete.js';
import {applyEdit, type LineEdit, type LineState, lineAt} from './line-editor.js';
import {type Replay, replayStep} from './replay.js';
import {anchored, newView, sortedBy, type TableView, tableOf, viewCommand} from './table-views.js';
import {addressChoices, clientChoices} from './targets.js';
import {addMoment, currentMoment, otherBranch, position, type Snapshot, startTimeline, stepBack, stepForward, type Timeline} from './timeline.js';
import {openViewer, outputMayDiffer, refreshViewer, type Viewer} from './viewer-model.js';

export type Pane = 'services' | 'endpoints' | 'pods' | 'log';
const PANES: Pane[] = ['services', 'endpoints', 'pods', 'log'];

/** How fired requests address the Service: its DNS name, ClusterIP, a node's `node:NAME`, or the LB address. */
type AddressMode = string;

export type LogEntry =
	| {kind: 'request'; at: number; trace: RequestTrace}
	| {kind: 'burst'; at: number; target: string; client: string; summary: RequestSummary}
	| {kind: 'dns'; at: number; client: string; result: DnsResult}
	| {kind: 'message'; at: number; text: string; error: boolean};

/** What a key's prompt is about, as typed values: `promptSubmitted` builds the command line from them.
 * (`workload` is the kind/name reference kubectl takes: `rc/hello-node`, `deploy/web`.) */
type PromptSubject = {purpose: 'scale'; workload: string; namespace: string} | {purpose: 'label'; pod: string; namespace: string};

/** A line being typed (line-editor.ts); no `cursor` means at the end, where typing starts. */
type LineFields = {text: string; cursor?: number};

export type Mode =
	| {kind: 'normal'}
	/** `keys`: the short list in columns (and the tour where there is room); `details`: each key's
	 *  help and command, scrolled; `try`: the files' Try: tour. */
	| {kind: 'help'; offset: number; page: 'keys' | 'details' | 'try'}
	/** `draft`: the line being typed, kept while ↑/↓ show history lines; `completions`: what the
	 *  last Tab found (complete.ts), listed above the prompt until the next edit. */
	| ({kind: 'palette'; historyIndex: number | null; draft?: string; completions?: {shown: string[]; total: number}} & LineFields)
	| ({kind: 'filter'} & LineFields)
	/** `selected`: the text is a preset value shown selected, which the first key typed replaces. */
	| ({kind: 'prompt'; selected: boolean} & LineFields & PromptSubject)
	/** The `f` chooser; `at` is the highlighted choice by value (flags or address mode), not by row. */
	| {kind: 'chooseClient'; at: string}
	| {kind: 'chooseAddress'; at: string}
	/** A command's output in the viewer (viewer-model.ts). */
	| ({kind: 'output'} & Viewer)
	/** k9s's confirmation before a delete (`ctrl-d`): `line` runs on yes. */
	| {kind: 'confirm'; line: string; question: string};

interface ServiceStats {
	/** Pods replaced by new pods with new IPs: the pod IP churn behind the Service. */
	ipChanges: number;
	ok: number;
	total: number;
	/** Of `total`, the requests that left the cluster (view/request-trace.ts answeredOutside): neither ok nor failed. */
	outside?: number;
}

export interface Model {
	sim: State;
	focus: Pane;
	cursor: Record<Pane, number>;
	/** The row under the Pods and Endpoints cursors by identity (pod key, endpoint address), so the
	 *  cursor stays on its object as rows come, go and reorder; `cursor` is its index now. */
	cursorKey: {pods: string | null; endpoints: string | null};
	/** The resource views opened over the home view (`:po`, Enter on a row), newest last; empty: home. */
	views: TableView[];
	/** Key of the Service that drives the Endpoints and Pods panes. */
	selected: string | null;
	filter: string;
	mode: Mode;
	history: string[];
	paused: boolean;
	speed: number;
	/** `--from` value for fired requests ('' = the default in-cluster client). */
	client: string;
	address: AddressMode;
	log: LogEntry[];
	/** Recent endpoint changes, newest last, with their causes; `replaces` pairs a new address with the one it took over from. */
	changes: EndpointChange[];
	/** The Services whose routing the last apply changed, and when: the Services pane marks their rows. */
	routingChanged?: {services: string[]; at: number};
	stats: Record<string, ServiceStats>;
	/** The session as a script: commands and the waits between them. */
	record: string[];
	recordedClock: number;
	status: {text: string; error: boolean} | null;
	/** What a heavy command that is about to run will keep busy (session/work-ahead.ts), drawn
	 *  in place of the bottom line until it has run (app.tsx). */
	working?: string;
	/** How many changes of each cause the latest step made, by `service\0cause`: `changes` keeps
	 *  only the last CHANGES_MAX, and a scale to thousands makes thousands at one moment. */
	changeCounts?: {at: number; counts: Readonly<Record<string, number>>};
	/** `--replay FILE`: the script run a line per key (replay.ts). */
	replay?: Replay;
	/** Every moment of the session, an undo tree (timeline.ts): `[` / `]` / `}` and `undo N` travel it. */
	timeline: Timeline<State>;
}

export type ModelAction =
	| {type: 'run'; line: string; show?: boolean}
	/** `e`: open `ref` (`service web -n shop`) in $EDITOR; the App does it, as it owns the terminal. */
	| {type: 'editAsked'; ref: string}
	/** --watch saw `file` change on disk: applied again, news only (`previous`: its text before). */
	| {type: 'fileChanged'; file: string; previous: string}
	| {type: 'tick'; ms: number}
	| {type: 'focus'; delta: number}
	| {type: 'focusPane'; pane: Pane}
	| {type: 'move'; delta: number; rows: number}
	| {type: 'select'}
	/** Enter in the palette: a view (`:po`, `:deploy kube-system`) or a command of the grammar. */
	| {type: 'paletteSubmitted'; line: string}
	/** Esc on the main screen: clear the filter, else back to the previous view. */
	| {type: 'back'}
	/** Sort the resource view by the first of these columns it has (the same again reverses). */
	| {type: 'sort'; columns: string[]}
	/** `ctrl-d`: ask before running `line` (a delete); then yes or no. */
	| {type: 'confirmAsked'; line: string; question: string}
	| {type: 'confirmed'; yes: boolean}
	/** Time travel (timeline.ts): `count` moments back, one forward, or the other branch. */
	| {type: 'travel'; to: 'back' | 'forward' | 'branch'; count?: number}
	/** `focus`: the pane the mode acts on, focused with it (the main screen's filter: Services). */
	| {type: 'mode'; mode: Mode; focus?: Pane}
	/** A key asked for a number or labels: `text` is what the prompt starts with; `selected`, a
	 *  preset the first key typed replaces (as in a form field whose value is selected). */
	| {type: 'promptOpened'; subject: PromptSubject; text: string; selected?: boolean}
	| {type: 'promptEdited'; text: string}
	/** Text typed, or one character erased, in the palette, the filter or a prompt. */
	| {type: 'lineInput'; text: string}
	| {type: 'lineErase'}
	/** Any other edit of that line: cursor moves, kills (line-editor.ts). */
	| {type: 'lineEdit'; edit: LineEdit}
	/** Tab in the palette: complete the word before the cursor, or list what it could be. */
	| {type: 'paletteComplete'}
	/** In the `f` chooser: move the highlight, or take the highlighted choice. */
	| {type: 'chooserMove'; delta: number}
	| {type: 'chooserPick'}
	/** Enter in a prompt: run its command (shown like a palette line). */
	| {type: 'promptSubmitted'}
	| {type: 'togglePause'}
	| {type: 'speed'; factor: number}
	| {type: 'setClient'; client: string}
	| {type: 'setAddress'; address: AddressMode}
	| {type: 'setFilter'; filter: string}
	| {type: 'paletteHistory'; delta: number}
	/** `p` while replaying: run the script's next line (replay.ts). */
	| {type: 'replayStep'}
	| {type: 'status'; text: string; error: boolean}
	| {type: 'working'; text: string | null}
	/** `d` / `y`: a query about the object under the cursor, opened in the viewer and named in the log. */
	| {type: 'viewerOpened'; line: string};

const LOG_MAX = 200;
const CHANGES_MAX = 100;
/** How long a new or vanished address stays highlighted (virtual time). */
export const HIGHLIGHT_MS = 10_000;
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

export function initialModel(sim: State): Model {
	const keys = serviceList(sim).keys;
	// The file's own Services first: one in default, else the first anywhere that is not the
	// cluster's own (kubernetes, kube-system's); a sample in its own namespace opens on it.
	const own = (k: string) => k !== 'default/kubernetes' && !k.startsWith('kube-system/');
	const found = keys.findIndex(k => k.startsWith('default/') && own(k));
	const index = Math.max(found === -1 ? keys.findIndex(own) : found, 0);
	const first = keys[index];
	const model: Omit<Model, 'timeline'> = {
		sim,
		focus: 'services',
		cursor: {services: index, endpoints: 0, pods: 0, log: 0},
		cursorKey: {pods: null, endpoints: null},
		views: [],
		selected: first ?? null,
		filter: '',
		mode: {kind: 'normal'},
		history: [],
		paused: false,
		speed: 1,
		client: '',
		address: 'dns',
		log: [],
		changes: [],
		stats: {},
		record: [],
		recordedClock: sim.clock,
		status: null,
	};
	return {...model, timeline: startTimeline(snapshotOf(model))};
}

/** What a moment of the timeline keeps: the simulation and the history the screen shows of it. */
function snapshotOf(model: Omit<Model, 'timeline'>): Snapshot<State> {
	return {sim: model.sim, record: recordedScript(model), recordedClock: model.sim.clock, extra: {log: model.log, changes: model.changes, stats: model.stats}};
}

function restore(model: Model, timeline: Timeline<State>): Model {
	const {at} = currentMoment(timeline);
	const extra = at.extra as Pick<Model, 'log' | 'changes' | 'stats'>;
	// The clock stops on a past moment: it is there to be looked at (space runs on from it, a fork).
	return keepSelection({...model, sim: at.sim, record: at.record, recordedClock: at.recordedClock, ...extra, timeline, paused: true});
}

/**
 * `[` (count times), `]`, `}`: to another moment. When the clock has run on since the last
 * command, the present is kept as a moment first, so `]` comes back to exactly here; going back
 * from it, `[` still undoes the last command (the time that passed goes with it).
 */
function travel(model: Model, to: 'back' | 'forward' | 'branch', count: number): Model {
	let timeline = model.timeline;
	const ranOn = model.sim !== currentMoment(timeline).at.sim;
	if (ranOn) {
		const waited = model.sim.clock - currentMoment(timeline).at.sim.clock;
		timeline = addMoment(timeline, snapshotOf(model), waited > 0 ? `wait ${waited}ms` : '(changes)');
	}
	let moved: Timeline<State> = timeline;
	const passed: string[] = [];
	const wanted = to === 'back' && ranOn ? count + 1 : count;
	while (passed.length < wanted) {
		const next = to === 'back' ? stepBack(moved) : to === 'forward' ? stepForward(moved) : otherBranch(moved);
		if (!next) break;
		passed.push(currentMoment(moved).line);
		moved = next;
	}
	// The present's own moment is not a command undone.
	const undoneLines = to === 'back' && ranOn ? passed.slice(1) : passed;
	if (passed.length === 0 || (to === 'back' && undoneLines.length === 0)) {
		const why = to === 'back' ? 'at the start: nothing before this' : to === 'forward' ? 'at the newest moment: nothing after this' : 'no other branch here';
		return passed.length === 0 ? {...model, timeline, status: {text: why, error: true}} : {...restore(model, moved), status: {text: why, error: true}};
	}
	const restored = restore(model, moved);
	const here = position(moved);
	const [only] = undoneLines;
	const undone = to === 'back' ? ` (undid ${undoneLines.length === 1 ? `"${sanitize(only ?? '')}"` : `${undoneLines.length} commands`})` : '';
	const branch = here.branches > 1 ? `, branch ${here.branch} of ${here.branches}` : '';
	return {...restored, status: {text: `step ${here.step} of ${here.steps}${branch}${undone} · ] forward · [ back · space runs on from here`, error: false}};
}

const clientLabel = (client: string) => (client === '' ? 'pod/curl' : client);

/** The commands so far as a replayable script (pending clock time flushed as a wait). */
export function recordedScript(model: Pick<Model, 'sim' | 'record' | 'recordedClock'>): string[] {
	const pending = model.sim.clock - model.recordedClock;
	return pending > 0 ? [...model.record, `wait ${pending}ms`] : model.record;
}

function absorb(model: Model, next: State): Model {
	// Classified and paired (a killed pod with its replacement) in view/tui/endpoint-changes.ts.
	const changes = endpointChanges(model.sim, next, model.changes, HIGHLIGHT_MS);
	if (changes.length === 0) return {...model, sim: next};
	const stats = {...model.stats};
	for (const change of changes) {
		// Only a pod replaced by a new pod with a new IP changes the IPs behind the Service; a
		// restart keeps its IP, scaling and relabeling replace nobody.
		if (change.cause !== 'replaced' || change.replaces === change.ip) continue;
		const s = stats[change.service] ?? {ipChanges: 0, ok: 0, total: 0};
		stats[change.service] = {...s, ipChanges: s.ipChanges + 1};
	}
	const counts: Record<string, number> = Object.create(null);
	for (const change of changes) {
		const key = `${change.service}\0${change.cause}`;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	const changeCounts = {at: next.clock, counts};
	return {...model, sim: next, changes: [...model.changes, ...changes].slice(-CHANGES_MAX), stats, changeCounts};
}

const podKey = (pod: Pod) => `${pod.namespace}/${pod.name}`;
/** An Endpoints row's identity: its address and the pod behind it (a replacement has a new IP). */
const endpointKey = (line: {ip: string; pod: string}) => `${line.ip} ${line.pod}`;

/** Where a cursor goes in `keys`: onto `key` where it still is, else its index clamped to the rows. */
function place(keys: readonly string[], index: number, key: string | null): {index: number; key: string | null} {
	if (key !== null) {
		const at = keys[index] === key ? index : keys.indexOf(key);
		if (at >= 0) return {index: at, key};
	}
	const clamped = Math.max(0, Math.min(index, keys.length - 1));
	return {index: clamped, key: keys[clamped] ?? null};
}

/**
 * Keep the Pods and Endpoints cursors on the object they were on (by identity, not index) after
 * `prev` became `next`: rows come and go as pods are created, deleted and scaled, and an index
 * would then point at a different pod. An object that is gone leaves the cursor at its index,
 * clamped, on whatever row is there now. `moved` is a pane whose cursor just moved by index (its
 * identity follows the index). Only re-reads the rows when the simulation, the selection or the
 * filter changed.
 */
function anchorCursors(prev: Model, next: Model, moved: Pane | null): Model {
	if (moved === null && next.sim === prev.sim && next.selected === prev.selected && next.filter === prev.filter) return next;
	const sameService = next.selected === prev.selected;
	const service = next.selected ? getRow(next.sim.services, next.selected) : undefined;
	const podKeys = servicePods(next.sim, service).items.map(i => podKey(i.pod));
	const endpointKeys = service ? endpointView(next.sim, service).lines.map(endpointKey) : [];
	const keep = (pane: 'pods' | 'endpoints') => (sameService && moved !== pane ? next.cursorKey[pane] : null);
	const pods = place(podKeys, sameService ? next.cursor.pods : 0, keep('pods'));
	const endpoints = place(endpointKeys, sameService ? next.cursor.endpoints : 0, keep('endpoints'));
	if (
		pods.index === next.cursor.pods &&
		endpoints.index === next.cursor.endpoints &&
		pods.key === next.cursorKey.pods &&
		endpoints.key === next.cursorKey.endpoints
	) {
		return next;
	}
	return {...next, cursor: {...next.cursor, pods: pods.index, endpoints: endpoints.index}, cursorKey: {pods: pods.key, endpoints: endpoints.key}};
}

function runLine(model: Model, line: string, show: boolean, previous?: SourceFile[]): Model {
	// `undo N` is time travel: only the session (its timeline) has a past to go back to.
	const parsed = parseCommand(line);
	if (parsed.ok && parsed.command?.kind === 'undo') {
		const trimmed = line.trim();
		const history = model.history[model.history.length - 1] !== trimmed ? [...model.history, trimmed] : model.history;
		const closed: Model = model.mode.kind === 'palette' ? {...model, mode: {kind: 'normal'}} : model;
		return travel({...closed, history}, 'back', parsed.command.count);
	}
	let recorded = false;
	const result = execute(model.sim, line, {readFile: readFromDisk, ...(previous ? {applyBefore: previous} : {})});
	const applying = result.command?.kind === 'apply' || result.command?.kind === 'edit';
	if (result.command === null && result.ok) return model;
	let next = model;
	const pending = model.sim.clock - model.recordedClock;
	// A command can fail part-way (`delete pod a nope` still deletes a, as kubectl does): keep
	// what happened, and record the line so a replay reaches the same state and the same error.
	if (result.ok || result.state !== model.sim) {
		next = absorb(next, result.state);
		// Queries (get, describe, help) change nothing, so a replay does not need them; an apply
		// does (it reads its file again on replay, as the line says).
		if (result.command?.kind === 'actions' || (applying && result.state !== model.sim)) {
			const record = pending > 0 ? [...model.record, `wait ${pending}ms`, line.trim()] : [...model.record, line.trim()];
			next = {...next, record, recordedClock: next.sim.clock};
			recorded = true;
		}
	}
	const history = line.trim() && model.history[model.history.length - 1] !== line.trim() ? [...model.history, line.trim()] : model.history;
	const log = [...next.log];
	const stats = {...next.stats};
	const at = next.sim.clock;
	for (const {action, result: r} of result.steps ?? []) {
		if (r.kind === 'requests') {
			// A burst's requests share a few targets, senders and answering Services: which Services
			// each counts toward is worked out once per such triple, not per request (a palette
			// `curl --count 1000000` makes a million traces).
			const servicesOf = new Map<string, string[]>();
			for (const trace of r.requests) {
				// Every request counts toward the Service it was aimed at, failed lookups included.
				const sender = trace.client.kind === 'pod' ? (trace.client.namespace ?? 'default') : '';
				const triple = `${trace.target}\0${sender}\0${trace.service ?? ''}`;
				let keys = servicesOf.get(triple);
				if (keys === undefined) {
					keys = requestServices(next.sim, trace);
					servicesOf.set(triple, keys);
				}
				for (const key of keys) {
					const s = stats[key] ?? {ipChanges: 0, ok: 0, total: 0};
					if (answeredOutside(trace)) stats[key] = {...s, total: s.total + 1, outside: (s.outside ?? 0) + 1};
					else stats[key] = {...s, ok: s.ok + (trace.outcome === 'ok' ? 1 : 0), total: s.total + 1};
				}
			}
			const [first] = r.requests;
			if (first !== undefined && r.requests.length === 1) log.unshift({kind: 'request', at, trace: first});
			else if (action.type === 'requestSent') {
				log.unshift({
					kind: 'burst',
					at,
					target: action.target,
					client: clientLabel(first ? `${first.client.kind}/${first.client.name}` : ''),
					summary: r.summary,
				});
			}
		} else if (r.kind === 'dns') {
			log.unshift({kind: 'dns', at, client: `${r.client.kind}/${r.client.name}`, result: r.result});
		} else if (r.kind === 'message' && r.lines.length > 0) {
			log.unshift({kind: 'message', at, text: r.lines.join('; '), error: false});
		}
	}
	// An apply's answers (`service/web configured`), without the routing diff the viewer shows.
	if (applying) {
		// kubectl's answers come first; the routing diff follows a blank line.
		const blank = result.out.indexOf('');
		const answers = blank === -1 ? result.out : result.out.slice(0, blank);
		if (answers.length > 0) log.unshift({kind: 'message', at, text: answers.join('; '), error: false});
	}
	if (!result.ok) log.unshift({kind: 'message', at, text: result.err.join(' '), error: true});
	next = {...next, log: log.slice(0, LOG_MAX), stats, history};
	if (result.changedServices !== undefined && result.changedServices.length > 0)
		next = {...next, routingChanged: {services: result.changedServices, at: next.sim.clock}};
	const kind = result.command?.kind;
	const queryOutput = kind === 'get' || kind === 'describe' || kind === 'help';
	// curl and nslookup print more than their one-line log entry (each hop, -v's sections): typed
	// at the palette, that output opens in the viewer too. Only queries are re-run to follow the state.
	// So does an apply: what it changed, then the routing diff of it.
	const printed = applying || (result.steps ?? []).some(s => s.result.kind === 'requests' || s.result.kind === 'dns');
	if (show && (queryOutput || printed || !result.ok)) {
		const live = kind === 'get' || kind === 'describe' ? line.trim() : null;
		// Exactly what --script prints for the line: stdout, then stderr (headless/run-script.ts).
		next = {...next, mode: {kind: 'output', ...openViewer(line.trim(), outputLines(result), !result.ok, live)}};
	} else if (next.mode.kind === 'palette') {
		next = {...next, mode: {kind: 'normal'}};
	}
	if (recorded) next = {...next, timeline: addMoment(model.timeline, snapshotOf(next), line.trim())};
	return keepSelection({...next, status: statusOf(result)});
}

/** One line for the bottom of the screen: what the last command answered. */
function statusOf(result: ReturnType<typeof execute>): Model['status'] {
	if (!result.ok) return {text: result.err.join(' '), error: true};
	const checked = result.expectation;
	// A routing test's line says first whether it held (session/expectations.ts).
	if (checked && !checked.passed) return {text: sanitize(`expected ${checked.expected}, got ${checked.got}`), error: true};
	if (checked) return {text: sanitize(`as expected: ${checked.expected} (${checked.got})`), error: false};
	const parts: string[] = [];
	for (const {result: r} of result.steps ?? []) {
		if (r.kind === 'message') parts.push(...r.lines);
		else if (r.kind === 'requests') {
			const s = r.summary;
			const [first] = r.requests;
			// As the log and the stability line have it: what left the cluster is neither ok nor failed.
			const outside = r.requests.filter(answeredOutside).length;
			if (first !== undefined && s.total === 1) {
				parts.push(outside > 0 ? 'request left the cluster (not simulated)' : first.outcome === 'ok' ? 'request ok' : `request failed: ${first.reason}`);
			} else parts.push(`${s.total} requests: ${s.ok - outside} ok, ${s.failed} failed${outside > 0 ? `, ${outside} left the cluster` : ''}`);
		} else if (r.kind === 'dns') {
			const d = r.result;
			parts.push(
				`nslookup ${d.question}: ${d.answers.length > 0 ? d.answers.map(a => a.data).join(', ') + (d.outside === undefined ? '' : ` (${d.outside} is outside the cluster: not simulated)`) : d.upstream ? 'forwarded upstream (not simulated)' : d.timedOut ? 'connection timed out; no servers could be reached' : d.rcode}`,
			);
		}
	}
	return parts.length > 0 ? {text: parts.join('; '), error: false} : null;
}

/** Keep the selected Service under the cursor as the list changes (by key; gone, the row at the
 *  cursor's index, clamped). */
function keepSelection(model: Model): Model {
	const keys = serviceList(model.sim, model.filter).keys;
	// The cursor usually still points at the selection: check there before searching.
	const cursor = model.cursor.services;
	const at = model.selected === keys[cursor] ? cursor : model.selected ? keys.indexOf(model.selected) : -1;
	const index = at >= 0 ? at : Math.min(cursor, keys.length - 1);
	const key = keys[index];
	// No Service left (or none the filter matches).
	if (key === undefined) return {...model, selected: null, cursor: {...model.cursor, services: 0}};
	if (model.selected === key && cursor === index) return model;
	return {...model, selected: key, cursor: {...model.cursor, services: index}};
}

/** What a command printed, as a terminal shows it: warnings above the output (kubectl prints the API
 *  server's as the response arrives), an error below what was printed before it. */
const outputLines = (result: {ok: boolean; out: string[]; err: string[]}): string[] =>
	result.ok ? [...result.err, ...result.out] : [...result.out, ...result.err];

export function reduceModel(model: Model, action: ModelAction): Model {
	const next = reduce(model, action);
	if (next === model) return model;
	const moved = action.type === 'move';
	return anchorTopView(model, anchorCursors(model, followViewer(model, next), moved && model.views.length === 0 ? model.focus : null), moved);
}

/** The resource view in front, if one is open. */
export const topView = (model: Model): TableView | undefined => model.views[model.views.length - 1];

function withTop(model: Model, change: (view: TableView) => TableView): Model {
	const top = topView(model);
	if (!top) return model;
	const next = change(top);
	return next === top ? model : {...model, views: [...model.views.slice(0, -1), next]};
}

/** The front view's cursor stays on its object as the state changes (table-views.ts anchored). */
function anchorTopView(prev: Model, next: Model, moved: boolean): Model {
	const top = topView(next);
	if (!top || (!moved && next.sim === prev.sim && top === topView(prev))) return next;
	return withTop(next, view => anchored(next.sim, view, moved));
}

/** Enter on a resource view's row: a narrower view, the Service in the home view, or describe. */
function drill(model: Model): Model {
	const top = topView(model);
	if (!top) return model.focus === 'services' ? {...model, focus: 'pods'} : model;
	const object = tableOf(model.sim, top).object(top.cursor);
	if (!object) return {...model, status: {text: 'nothing under the cursor', error: true}};
	const to = drillDown(top.scope.resource, object);
	if ('view' in to) return {...model, views: [...model.views, newView(to.view)]};
	if ('describe' in to) return reduce(model, {type: 'viewerOpened', line: to.describe});
	// Home, on that Service: its Endpoints pane is what the row was about.
	const shown = serviceList(model.sim, model.filter).keys.includes(to.service);
	const home = {...model, views: [], focus: 'endpoints' as const, selected: to.service, ...(shown ? {} : {filter: ''})};
	return keepSelection(home);
}

/** Enter in the palette: a view word opens that view (replacing the stack, as a k9s command
 *  does), anything else runs as a command. */
function paletteSubmitted(model: Model, line: string): Model {
	const view = viewCommand(line);
	if (view === null) return runLine(model, line, true);
	const trimmed = line.trim();
	const history = model.history[model.history.length - 1] !== trimmed ? [...model.history, trimmed] : model.history;
	const closed: Model = {...model, history, mode: {kind: 'normal'}};
	if ('error' in view) return {...closed, status: {text: view.error, error: true}};
	if ('home' in view) return {...closed, views: [], status: null};
	return {...closed, views: [newView(view.scope)], status: null};
}

/** Esc: a filter goes first (k9s), then the view. */
function back(model: Model): Model {
	const top = topView(model);
	if (!top) return model.filter ? reduce(model, {type: 'setFilter', filter: ''}) : model;
	if (top.filter !== '') return withTop(model, view => ({...view, filter: ''}));
	return {...model, views: model.views.slice(0, -1)};
}

function sort(model: Model, columns: string[]): Model {
	const top = topView(model);
	if (!top) return {...model, status: {text: 'sorting is for the resource views (:po, :deploy, …); the Services pane lists as kubectl does', error: true}};
	const {headers} = tableOf(model.sim, top);
	const column = columns.find(c => headers.includes(c));
	if (column === undefined) return {...model, status: {text: `this view has no ${columns.join(' / ')} column`, error: true}};
	const sorted = withTop(model, view => sortedBy(view, column));
	const now = topView(sorted)?.sort;
	return {...sorted, status: {text: `sorted by ${column}${now?.descending ? ', descending' : ''}`, error: false}};
}

/** A live viewer re-runs its query when the simulation moved on in a way its output can show. */
function followViewer(prev: Model, next: Model): Model {
	const mode = next.mode;
	if (mode.kind !== 'output' || mode.live === null || prev.mode.kind !== 'output' || !outputMayDiffer(prev.sim, next.sim)) return next;
	const result = execute(next.sim, mode.live);
	const viewer = refreshViewer(mode, outputLines(result), !result.ok);
	return viewer === mode ? next : {...next, mode: {...viewer, kind: 'output'}};
}

/** The command line an action would run, read before it runs (app.tsx says what a heavy one is
 *  doing first: session/work-ahead.ts); null for an action that runs none. */
export function lineAhead(model: Model, action: ModelAction): string | null {
	switch (action.type) {
		case 'run':
			return action.line;
		case 'paletteSubmitted':
			return model.mode.kind === 'palette' && viewCommand(action.line) === null ? action.line : null;
		case 'promptSubmitted':
			return model.mode.kind === 'prompt' ? promptLine(model.mode) : null;
		case 'replayStep': {
			const replay = model.replay;
			return replay && replay.failed === null ? (replay.lines[replay.next] ?? null) : null;
		}
		default:
			return null;
	}
}

function reduce(model: Model, action: ModelAction): Model {
	switch (action.type) {
		case 'run':
			return runLine(model, action.line, action.show ?? false);
		case 'editAsked':
			// Reached only where no terminal can be handed to an editor (the App handles it first).
			return {...model, status: {text: 'e opens $EDITOR: it needs the terminal the TUI runs in', error: true}};
		case 'fileChanged':
			// Shown as an apply typed at the palette: what changed, and the routing diff of it.
			return runLine({...model, mode: {kind: 'normal'}}, `apply -f ${shellWord(action.file)}`, true, [{name: action.file, text: action.previous}]);
		case 'tick': {
			if (model.paused || action.ms <= 0) return model;
			const ms = Math.round(action.ms * model.speed);
			const result = execute(model.sim, `wait ${ms}ms`);
			return result.ok ? keepSelection(absorb(model, result.state)) : model;
		}
		case 'focus': {
			const i = PANES.indexOf(model.focus);
			return {...model, focus: PANES[(i + action.delta + PANES.length) % PANES.length] ?? model.focus};
		}
		case 'focusPane':
			return {...model, focus: action.pane};
		case 'move': {
			const top = topView(model);
			if (top) {
				const rows = tableOf(model.sim, top).keys.length;
				return withTop(model, view => ({...view, cursor: Math.max(0, Math.min(rows - 1, view.cursor + action.delta))}));
			}
			const pane = model.focus;
			// g / G move by an infinite delta: the Services pane's own length bounds it, whatever the caller counted.
			const rows = pane === 'services' ? Math.min(action.rows, serviceList(model.sim, model.filter).keys.length) : action.rows;
			const max = Math.max(0, rows - 1);
			const index = Math.max(0, Math.min(max, model.cursor[pane] + action.delta));
			const next = {...model, cursor: {...model.cursor, [pane]: index}};
			if (pane !== 'services') return next;
			// Another Service: anchorCursors puts the Pods and Endpoints cursors on its first rows.
			const key = serviceList(model.sim, model.filter).keys[index];
			return {...next, selected: key ?? null};
		}
		case 'select':
			return drill(model);
		case 'paletteSubmitted':
			return paletteSubmitted(model, action.line);
		case 'back':
			return back(model);
		case 'sort':
			return sort(model, action.columns);
		case 'confirmAsked':
			return {...model, mode: {kind: 'confirm', line: action.line, question: action.question}};
		case 'travel':
			return travel(model, action.to, action.count ?? 1);
		case 'confirmed': {
			if (model.mode.kind !== 'confirm') return model;
			const closed: Model = {...model, mode: {kind: 'normal'}};
			return action.yes ? runLine(closed, model.mode.line, false) : {...closed, status: {text: 'not deleted', error: false}};
		}
		case 'mode':
			return {...model, mode: action.mode, ...(action.focus ? {focus: action.focus} : {})};
		case 'promptOpened':
			return {...model, mode: {kind: 'prompt', ...action.subject, text: action.text, selected: action.selected ?? false}};
		case 'promptEdited':
			return model.mode.kind === 'prompt' ? {...model, mode: {...model.mode, text: action.text, selected: false}} : model;
		case 'lineInput':
		case 'lineErase':
		case 'lineEdit':
			return editLine(model, action.type === 'lineInput' ? {op: 'insert', text: action.text} : action.type === 'lineErase' ? {op: 'backspace'} : action.edit);
		case 'paletteComplete':
			return completeLine(model);
		case 'chooserMove':
		case 'chooserPick':
			return choose(model, action.type === 'chooserMove' ? action.delta : null);
		case 'promptSubmitted':
			return model.mode.kind === 'prompt' ? runLine({...model, mode: {kind: 'normal'}}, promptLine(model.mode), true) : model;
		case 'togglePause':
			return {...model, paused: !model.paused};
		case 'speed': {
			const i = SPEEDS.indexOf(model.speed);
			const j = Math.max(0, Math.min(SPEEDS.length - 1, i + action.factor));
			return {...model, speed: SPEEDS[j] ?? model.speed};
		}
		case 'setClient':
			return {...model, client: action.client};
		case 'setAddress':
			return {...model, address: action.address};
		case 'setFilter': {
			if (topView(model)) return withTop(model, view => ({...view, filter: action.filter}));
			// The selected Service stays selected while the filter shows it (clearing the filter
			// never moves the cursor); filtered out, the first match is.
			const shown = model.selected !== null && serviceList(model.sim, action.filter).keys.includes(model.selected);
			return keepSelection({...model, filter: action.filter, ...(shown ? {} : {cursor: {...model.cursor, services: 0}, selected: null})});
		}
		case 'status':
			return {...model, status: {text: action.text, error: action.error}};
		case 'working': {
			if (action.text !== null) return {...model, working: action.text};
			const {working: _, ...rest} = model;
			return rest;
		}
		case 'replayStep':
			return replayStep(model, line => runLine(model, line, true));
		case 'viewerOpened': {
			const opened = runLine(model, action.line, true);
			const entry: LogEntry = {kind: 'message', at: opened.sim.clock, text: `opened ${sanitize(action.line)}`, error: false};
			return {...opened, log: [entry, ...opened.log].slice(0, LOG_MAX)};
		}
		case 'paletteHistory': {
			if (model.mode.kind !== 'palette' || model.history.length === 0) return model;
			const current = model.mode.historyIndex ?? model.history.length;
			const index = Math.max(0, Math.min(model.history.length, current + action.delta));
			// One past the newest line is the line that was being typed, kept as a shell keeps it.
			const draft = model.mode.historyIndex === null ? model.mode.text : (model.mode.draft ?? '');
			const text = model.history[index] ?? draft;
			return {...model, mode: {kind: 'palette', text, historyIndex: index, ...(draft ? {draft} : {})}};
		}
	}
}

/** The line's fields for a mode: the cursor only when it is not at the end. */
const lineFields = (line: LineState): LineFields => (line.cursor < line.text.length ? {text: line.text, cursor: line.cursor} : {text: line.text});

/** An edit of the line in the palette, the filter or a prompt (line-editor.ts). A prompt's
 *  selected preset is replaced by what is typed; other edits act on it like typed text. An edited
 *  palette line is the line being typed again (no longer a history line). */
function editLine(model: Model, edit: LineEdit): Model {
	const mode = model.mode;
	if (mode.kind !== 'palette' && mode.kind !== 'filter' && mode.kind !== 'prompt') return model;
	const replacing = mode.kind === 'prompt' && mode.selected && edit.op === 'insert';
	const line = applyEdit(replacing ? lineAt('') : lineAt(mode.text, mode.cursor), edit);
	if (mode.kind === 'prompt') {
		const {cursor: _old, ...prompt} = mode;
		return {...model, mode: {...prompt, ...lineFields(line), selected: false}};
	}
	if (mode.kind === 'palette') return {...model, mode: {kind: 'palette', historyIndex: null, ...lineFields(line)}};
	return {...reduce(model, {type: 'setFilter', filter: line.text}), mode: {kind: 'filter', ...lineFields(line)}};
}

/** Tab in the palette (complete.ts): the completed line, and the list when it could be several things. */
function completeLine(model: Model): Model {
	const mode = model.mode;
	if (mode.kind !== 'palette') return model;
	const done = complete(model.sim, lineAt(mode.text, mode.cursor));
	const completions = done.total > 1 ? {completions: {shown: done.candidates, total: done.total}} : {};
	if (done.line.text === mode.text) return {...model, mode: {...mode, ...lineFields(done.line), ...completions}};
	return {...model, mode: {kind: 'palette', historyIndex: null, ...lineFields(done.line), ...completions}};
}

/** The `f` chooser's rows for the current step: who sends, then at which address. */
export function chooserItems(model: Model): Array<{value: string; label: string}> {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	if (model.mode.kind === 'chooseClient') return clientChoices(model.sim, service).map(c => ({value: c.flags, label: c.label}));
	if (model.mode.kind === 'chooseAddress' && service) return addressChoices(model.sim, service).map(c => ({value: c.mode, label: c.label}));
	return [];
}

/** The highlighted row of the chooser: its value's row now (pods come and go), else the first. */
export function chooserIndex(model: Model, items: ReadonlyArray<{value: string}>): number {
	const at = model.mode.kind === 'chooseClient' || model.mode.kind === 'chooseAddress' ? model.mode.at : '';
	return Math.max(
		0,
		items.findIndex(i => i.value === at),
	);
}

/** Move the chooser's highlight by `delta` rows (clamped), or take the highlighted choice (null). */
function choose(model: Model, delta: number | null): Model {
	const mode = model.mode;
	if (mode.kind !== 'chooseClient' && mode.kind !== 'chooseAddress') return model;
	const items = chooserItems(model);
	const index = chooserIndex(model, items);
	if (delta !== null) {
		const item = items[Math.max(0, Math.min(items.length - 1, index + delta))];
		return item ? {...model, mode: {...mode, at: item.value}} : model;
	}
	const item = items[index];
	if (mode.kind === 'chooseClient') return {...model, client: item?.value ?? model.client, mode: {kind: 'chooseAddress', at: model.address}};
	const chosen = {...model, address: item?.value ?? model.address, mode: {kind: 'normal'} as const};
	return {...chosen, status: {text: aimText(chosen), error: false}};
}

/** What `f` settled on, said once it closes: `r and b now send from node/node-1 to ClusterIP 10.96.0.10:80`. */
function aimText(model: Model): string {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	// The chooser's own words: the client it names, the address row with its alignment undone.
	const who = clientChoices(model.sim, service).find(c => c.flags === model.client)?.who ?? model.client;
	const where = service
		? addressChoices(model.sim, service)
				.find(c => c.mode === model.address)
				?.label.replace(/\s+/g, ' ')
		: undefined;
	return `r and b now send from ${who}${where ? ` to ${where}` : ''}`;
}

/** The command a prompt runs: its subject and what was typed, in the shared grammar. */
function promptLine(prompt: PromptSubject & {text: string}): string {
	return prompt.purpose === 'scale'
		? `scale ${prompt.workload} --replicas=${prompt.text} -n ${prompt.namespace}`
		: `label pod ${prompt.pod} -n ${prompt.namespace} ${prompt.text.trim()}${prompt.text.trim() ? ' ' : ''}--overwrite`;
}

/** The pod under the Pods pane cursor, if any. */
export function selectedPod(model: Model): Pod | undefined {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	const pods = servicePods(model.sim, service).items;
	return pods[Math.min(model.cursor.pods, pods.length - 1)]?.pod;
}

/** The pod behind an Endpoints pane row: the address with that IP whose pod name the row shows. */
function endpointPod(state: State, service: Service, line: {ip: string; pod: string}): Pod | undefined {
	const endpoints = getRow(state.endpoints, `${service.namespace}/${service.name}`);
	for (const a of listRows(endpoints?.addresses)) {
		if (a.ip !== line.ip || a.podName === undefined || sanitize(a.podName) !== line.pod) continue;
		return getRow(state.pods, `${service.namespace}/${a.podName}`);
	}
	return undefined;
}

/**
 * The pod a pod key (x, c, u, l, s, +, -) acts on: the row under the focused cursor. On an
 * Endpoints row, that endpoint's pod; on a Pods row, that pod. The Services and Requests panes
 * have no pod rows, so there the keys act on the pod the Pods pane highlights (its cursor is
 * drawn whichever pane has the focus), the one in view next to the selected Service.
 */
export function podUnderCursor(model: Model): {pod: Pod} | {error: string} {
	const top = topView(model);
	if (top) {
		const row = rowUnderCursor(model, top);
		if ('error' in row) return row;
		if (top.scope.resource !== 'pods') return {error: `this key acts on pods; this row is a ${kindByResource(top.scope.resource).singular}`};
		const pod = getRow(model.sim.pods, row.key);
		return pod ? {pod} : {error: `pod ${sanitize(row.key)} is gone`};
	}
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	if (model.focus === 'endpoints') {
		if (!service) return {error: 'no Service selected'};
		const line = endpointView(model.sim, service).lines[model.cursor.endpoints];
		if (!line) return {error: 'no endpoint under the cursor'};
		const pod = endpointPod(model.sim, service, line);
		return pod ? {pod} : {error: `endpoint ${sanitize(line.ip)} has no pod behind it (an address without a targetRef, or its pod is gone)`};
	}
	const pod = selectedPod(model);
	return pod ? {pod} : {error: 'no pod selected: pick a Service with pods, then a pod in the Pods pane'};
}

/** The row under a resource view's cursor: its key and API object. */
export function rowUnderCursor(model: Model, view: TableView): {key: string; object: ApiObject} | {error: string} {
	const table = tableOf(model.sim, view);
	const key = table.keys[view.cursor];
	const object = table.object(view.cursor);
	return key !== undefined && object !== undefined ? {key, object} : {error: 'nothing under the cursor'};
}
