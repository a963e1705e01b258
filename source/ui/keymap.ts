// The one key table (docs/conventions.md): input handling, the hint line and the help overlay all
// read it. A key that changes the simulation runs a command of the shared grammar, shown in the
// help next to the key, so everything on the keyboard is also scriptable.

import {parseCommand} from '../command/index.js';
import {kindByResource} from '../kinds/registry.js';
import type {Pod, Service, Workload} from '../sim/index.js';
import {getRow} from '../sim/index.js';
import {workloadKey} from '../sim/keys.js';
import {sanitize} from '../view/index.js';
import {endpointView, topWorkload, workloadRef} from '../view/tui/index.js';
import {type Mode, type Model, type ModelAction, podUnderCursor, rowUnderCursor, topView} from './model.js';
import {protocolFlag, targetFor} from './targets.js';
import type {ViewerCommand} from './viewer-model.js';

export interface Binding {
	/** Key names as `keyName` produces them; the first is shown in hints. */
	keys: string[];
	/** Short label for the hint line. */
	label: string;
	/** One line for the help overlay. */
	help: string;
	/** The grammar command the key runs (a template for help), if it changes the simulation. */
	command?: string;
	/** The query the key opens in the viewer (a template for help); it changes nothing. */
	opens?: string;
	/** Shown in the bottom hint line (in this order) while there is room: `true` in the home view,
	 *  `views` in the resource views; `always`: at its end, whatever the width, so nobody is ever
	 *  stuck (the palette, help and quit). Table order is the hint line's priority: the Service
	 *  actions and the kill come before crash and scale, so 80 columns still show `b` and `f`. */
	hint?: boolean | 'always' | 'views';
	/** Where the key works: the home view (Services, Endpoints, Pods, Requests), the resource
	 *  views (`:po`, `:deploy`, …), or (unset) both. */
	where?: 'home' | 'views';
	/** Whether the hint line offers the key for what is on screen (unset: always): a key that
	 *  would only refuse here (ctrl-d in a Deployments view) is not offered. */
	offered?(model: Model): boolean;
	/** Bindings of one group are one entry in help's short list (the sort keys). */
	group?: string;
	run(model: Model): ModelAction | ModelAction[] | {error: string};
}

const service = (m: Model): Service | undefined => (m.selected ? getRow(m.sim.services, m.selected) : undefined);

/** A pod key acts on the row under the focused cursor (see podUnderCursor), or says why not: the
 *  "selected pod" of the help texts. */
function withPod(m: Model, build: (pod: Pod) => ModelAction | ModelAction[]): ModelAction | ModelAction[] | {error: string} {
	const target = podUnderCursor(m);
	return 'pod' in target ? build(target.pod) : target;
}

function withService(m: Model, build: (svc: Service) => ModelAction | ModelAction[]): ModelAction | ModelAction[] | {error: string} {
	const svc = service(m);
	return svc ? build(svc) : {error: 'no Service selected'};
}

const from = (m: Model) => (m.client ? ` ${m.client}` : '');

/** The workload behind the pod under the cursor (a Deployment rather than its ReplicaSet); in a
 *  resource view of a workload kind, the row's own. */
function withWorkload(m: Model, build: (w: Workload) => ModelAction): ModelAction | {error: string} {
	const top = topView(m);
	const kind = top ? kindByResource(top.scope.resource) : undefined;
	if (top && kind?.scalable) {
		const row = rowUnderCursor(m, top);
		if ('error' in row) return row;
		const [namespace = '', name = ''] = row.key.split('/');
		const w = getRow(m.sim.workloads, workloadKey(kind.kind, namespace, name));
		return w ? build(w) : {error: `${kind.singular} ${sanitize(row.key)} is gone`};
	}
	const target = podUnderCursor(m);
	if (!('pod' in target)) return target;
	const w = topWorkload(m.sim, target.pod);
	return w ? build(w) : {error: 'the selected pod has no controller to scale (a bare pod)'};
}

/**
 * The object under the focused cursor, as kubectl names it, for `d` and `y` (k9s's describe and
 * YAML keys): the Service of a Services row, the Endpoints object behind the Endpoints pane's
 * addresses (named after its Service), the pod of a Pods row.
 */
function objectUnderCursor(m: Model): {ref: string} | {error: string} {
	const top = topView(m);
	if (top) {
		const row = rowUnderCursor(m, top);
		if ('error' in row) return row;
		const kind = kindByResource(top.scope.resource);
		const [first = '', second] = row.key.split('/');
		return {ref: second === undefined ? `${kind.singular} ${first}` : `${kind.singular} ${second} -n ${first}`};
	}
	if (m.focus === 'log') return {error: 'd and y open the row under the cursor in the Services, Endpoints or Pods pane (Tab to one)'};
	if (m.focus === 'pods') return podRef(m);
	const svc = service(m);
	if (!svc) return {error: 'no Service selected'};
	if (m.focus === 'endpoints') {
		// The pane reads EndpointSlices (Endpoints is deprecated since v1.33): a row opens the slice
		// that holds its address; an empty pane, the Endpoints object, which says why there is none.
		const slice = endpointView(m.sim, svc).lines[m.cursor.endpoints]?.slice;
		if (slice) return {ref: `endpointslice ${slice} -n ${svc.namespace}`};
	}
	return {ref: `${m.focus === 'services' ? 'svc' : 'ep'} ${svc.name} -n ${svc.namespace}`};
}

/** Open `line` for the object under the cursor in the viewer, live. */
function view(m: Model, line: (ref: string) => string): ModelAction | {error: string} {
	const target = objectUnderCursor(m);
	return 'ref' in target ? {type: 'viewerOpened', line: line(target.ref)} : target;
}

/** `ctrl-d`: the delete for the object under the cursor, asked first (k9s's delete dialog). The
 *  grammar says what can be deleted: a line it refuses is said at once, not asked about. */
function askDelete(m: Model): ModelAction | {error: string} {
	// On an Endpoints row the object to delete is its pod, as for x, not the slice d opens.
	const target = m.focus === 'endpoints' && !topView(m) ? podRef(m) : objectUnderCursor(m);
	if (!('ref' in target)) return target;
	const line = `delete ${target.ref}`;
	const parsed = parseCommand(line);
	// The grammar's first sentence (its usage line follows): it fits the status line.
	if (!parsed.ok) return {error: (parsed.error.split('\n')[0] ?? parsed.error).replace(/\. Usage: .*$/, '')};
	const [kind = '', name = '', , namespace] = target.ref.split(' ');
	return {type: 'confirmAsked', line, question: `Delete ${kind} ${namespace ? `${namespace}/` : ''}${name}?`};
}

/** `e`: the object to open in $EDITOR and apply back (kubectl edit): the selected Service on the
 *  main screen, the row's object in a Services or NetworkPolicies view (what apply can change). */
function editTarget(m: Model): ModelAction | {error: string} {
	const top = topView(m);
	if (!top) {
		const svc = service(m);
		return svc ? {type: 'editAsked', ref: `service ${svc.name} -n ${svc.namespace}`} : {error: 'no Service selected'};
	}
	const kind = kindByResource(top.scope.resource);
	if (kind.singular !== 'service' && kind.singular !== 'networkpolicy')
		return {error: `e edits Services and NetworkPolicies (what apply changes, so far), not ${kind.resource}`};
	const target = objectUnderCursor(m);
	return 'ref' in target ? {type: 'editAsked', ref: target.ref} : target;
}

function podRef(m: Model): {ref: string} | {error: string} {
	const target = podUnderCursor(m);
	return 'pod' in target ? {ref: `pod ${target.pod.name} -n ${target.pod.namespace}`} : target;
}

/** k9s's sort keys (derailed/k9s internal/view/table.go, pod.go: shift-N name, shift-A age,
 *  shift-R ready, shift-S status, shift-T restarts, shift-I IP, shift-O node), and shift-P for
 *  the namespace; a key names the columns it sorts by, the first the view has. */
const SORT_KEYS: ReadonlyArray<{key: string; columns: string[]}> = [
	{key: 'N', columns: ['NAME']},
	{key: 'P', columns: ['NAMESPACE']},
	{key: 'A', columns: ['AGE', 'LAST SEEN']},
	{key: 'R', columns: ['READY']},
	{key: 'S', columns: ['STATUS']},
	{key: 'T', columns: ['RESTARTS']},
	{key: 'I', columns: ['IP', 'CLUSTER-IP', 'INTERNAL-IP', 'ADDRESSES', 'ENDPOINTS']},
	{key: 'O', columns: ['NODE', 'NOMINATED NODE']},
];

const scaleBy = (m: Model, delta: number) =>
	withWorkload(m, w => ({type: 'run', line: `scale ${workloadRef(w)} --replicas=${Math.max(0, w.replicas + delta)} -n ${w.namespace}`}));

export const KEYMAP: ReadonlyArray<Binding> = [
	{keys: ['up', 'k'], label: 'up', group: 'move', help: 'move up in the focused pane', run: () => ({type: 'move', delta: -1, rows: Infinity})},
	{keys: ['down', 'j'], label: 'down', group: 'move', help: 'move down in the focused pane', run: () => ({type: 'move', delta: 1, rows: Infinity})},
	{
		keys: ['g', 'home'],
		label: 'top',
		help: 'to the first row of the focused table',
		group: 'top / end',
		run: () => ({type: 'move', delta: -Infinity, rows: Infinity}),
	},
	{
		keys: ['G', 'end'],
		label: 'bottom',
		help: 'to the last row of the focused table',
		group: 'top / end',
		run: () => ({type: 'move', delta: Infinity, rows: Infinity}),
	},
	{
		keys: ['tab'],
		where: 'home',
		group: 'pane',
		label: 'pane',
		help: 'next pane (Services → Endpoints → Pods → Requests)',
		hint: true,
		run: () => ({type: 'focus', delta: 1}),
	},
	{keys: ['shift+tab'], where: 'home', group: 'pane', label: 'pane', help: 'previous pane', run: () => ({type: 'focus', delta: -1})},
	{
		keys: ['enter'],
		label: 'open',
		help: 'select the Service and go to its pods; in a resource view, what the row holds (Deployment → ReplicaSets → pods, node → pods)',
		hint: 'views',
		run: () => ({type: 'select'}),
	},
	{keys: ['esc'], label: 'back', help: 'clear the filter, else back to the previous view', hint: 'views', run: () => ({type: 'back'})},
	{
		keys: ['r'],
		where: 'home',
		label: 'request',
		help: 'fire one request at the selected Service (from the chosen client, at the chosen address)',
		command: 'curl TARGET [--from CLIENT]',
		hint: true,
		run: m => withService(m, svc => ({type: 'run', line: `curl ${targetFor(m.sim, svc, m.address)}${protocolFlag(svc)}${from(m)}`})),
	},
	{
		keys: ['b'],
		where: 'home',
		label: 'burst',
		help: 'fire a burst of 100 requests and show how they spread over the pods',
		command: 'curl TARGET --count 100 [--from CLIENT]',
		hint: true,
		run: m => withService(m, svc => ({type: 'run', line: `curl ${targetFor(m.sim, svc, m.address)}${protocolFlag(svc)} --count 100${from(m)}`})),
	},
	{
		keys: ['f'],
		where: 'home',
		label: 'from',
		help: 'choose who fires (a pod, a node, an outside client) and which address',
		hint: true,
		run: m => ({type: 'mode', mode: {kind: 'chooseClient', at: m.client}}),
	},
	{
		keys: ['x', 'ctrl+k'],
		label: 'kill pod',
		help: 'delete the selected pod (graceful; its controller replaces it with a new pod and IP)',
		command: 'delete pod POD -n NS',
		hint: true,
		run: m => withPod(m, pod => ({type: 'run', line: `delete pod ${pod.name} -n ${pod.namespace}`})),
	},
	{
		keys: ['ctrl+d'],
		label: 'delete',
		help: 'delete the pod (or node) under the cursor, after asking (y or Enter deletes)',
		command: 'delete KIND NAME -n NS',
		hint: 'views',
		offered: m => {
			const top = topView(m);
			return top === undefined || parseCommand(`delete ${kindByResource(top.scope.resource).singular} x`).ok;
		},
		run: askDelete,
	},
	{
		keys: ['c'],
		label: 'crash',
		help: 'crash the selected pod’s container (a restart: same pod, same IP)',
		command: 'crash pod POD -n NS',
		hint: true,
		run: m => withPod(m, pod => ({type: 'run', line: `crash pod ${pod.name} -n ${pod.namespace}`})),
	},
	{
		keys: ['s'],
		label: 'scale',
		help: 'scale the workload behind the selected pod (type a number)',
		command: 'scale KIND/NAME --replicas=N -n NS',
		hint: true,
		// The current count is a preset, selected: typing `5` asks for 5, not 35; Backspace edits it.
		run: m =>
			withWorkload(m, w => ({
				type: 'promptOpened',
				subject: {purpose: 'scale', workload: workloadRef(w), namespace: w.namespace},
				text: String(w.replicas),
				selected: true,
			})),
	},
	{keys: ['+', '='], label: '+1', group: '+1 / -1', help: 'one more replica', command: 'scale KIND/NAME --replicas=N+1', run: m => scaleBy(m, 1)},
	{keys: ['-', '_'], label: '-1', group: '+1 / -1', help: 'one replica less', command: 'scale KIND/NAME --replicas=N-1', run: m => scaleBy(m, -1)},
	{
		keys: ['n'],
		where: 'home',
		label: 'nslookup',
		help: 'look up the selected Service’s DNS name from the chosen client',
		command: 'nslookup NAME.NS [--from CLIENT]',
		hint: true,
		run: m => withService(m, svc => ({type: 'run', line: `nslookup ${svc.name}.${svc.namespace}${from(m)}`})),
	},
	{
		keys: ['u'],
		label: 'readiness',
		help: 'make the selected pod’s readiness probe fail, or pass again',
		command: 'probe pod POD fail|pass -n NS',
		hint: true,
		run: m => withPod(m, pod => ({type: 'run', line: `probe pod ${pod.name} ${pod.probeFailing ? 'pass' : 'fail'} -n ${pod.namespace}`})),
	},
	{
		keys: ['l'],
		label: 'labels',
		help: 'edit the selected pod’s labels (key=value to set, key- to remove)',
		command: 'label pod POD key=value|key- --overwrite -n NS',
		// The prompt starts empty: what is typed is exactly the label arguments that run (the
		// pod's current labels are shown beside it, not as text that would be sent again).
		run: m => withPod(m, pod => ({type: 'promptOpened', subject: {purpose: 'label', pod: pod.name, namespace: pod.namespace}, text: ''})),
	},
	{
		keys: ['d'],
		label: 'describe',
		help: 'describe the Service, EndpointSlice or pod under the cursor, in the viewer (live)',
		opens: 'describe KIND NAME -n NS',
		hint: 'views',
		offered: m => topView(m)?.scope.resource !== 'events',
		run: m =>
			topView(m)?.scope.resource === 'events'
				? {error: 'events have no describer here: y shows this one, Enter describes its object'}
				: view(m, ref => `describe ${ref}`),
	},
	{
		keys: ['y'],
		label: 'yaml',
		help: 'its YAML, in the viewer (live)',
		opens: 'get KIND NAME -n NS -o yaml',
		run: m => view(m, ref => `get ${ref} -o yaml`),
	},
	{
		keys: ['e'],
		label: 'edit',
		help: 'edit the Service (or, in a view, the row’s Service or NetworkPolicy) in $EDITOR; saved, it is applied and the routing diff opens',
		run: editTarget,
	},
	{
		keys: ['['],
		label: 'back in time',
		help: 'step back to the moment before the last command, as :undo does (the clock pauses there; acting from it starts a new branch)',
		group: 'time travel',
		run: () => ({type: 'travel', to: 'back'}),
	},
	{
		keys: [']'],
		label: 'forward in time',
		help: 'step forward again, along the branch made last',
		group: 'time travel',
		run: () => ({type: 'travel', to: 'forward'}),
	},
	{
		keys: ['}'],
		label: 'other branch',
		help: 'the same step on the other branch (the timeline left when you acted from a past moment)',
		group: 'time travel',
		run: () => ({type: 'travel', to: 'branch'}),
	},
	{keys: ['space'], label: 'pause', help: 'pause or resume the clock', hint: true, run: () => ({type: 'togglePause'})},
	{keys: ['.'], label: 'step 1s', help: 'advance the clock one second', command: 'wait 1s', run: () => ({type: 'run', line: 'wait 1s'})},
	{keys: ['<', ','], label: 'slower', group: 'slower/faster', help: 'slow the clock down', run: () => ({type: 'speed', factor: -1})},
	{keys: ['>'], label: 'faster', group: 'slower/faster', help: 'speed the clock up', run: () => ({type: 'speed', factor: 1})},
	{
		keys: ['p'],
		label: 'replay step',
		help: 'with --replay FILE: run the script’s next line (shown above the stability line)',
		// Without a script it changes nothing and says so (an action, not an error: no key is wrong here).
		run: m =>
			m.replay ? {type: 'replayStep'} : {type: 'status', text: 'nothing to replay: start with --replay FILE (a script, as --record writes)', error: true},
	},
	{
		keys: [':'],
		label: 'command',
		help: 'command palette: any command of the grammar (Tab completes, ↑/↓ history, :q quits)',
		hint: 'always',
		run: () => ({type: 'mode', mode: {kind: 'palette', text: '', historyIndex: null}}),
	},
	{
		keys: ['/'],
		label: 'filter',
		help: 'filter the Services (in a view, its table): text anywhere in a row, -l SELECTOR by labels, !text for rows without it',
		// The Endpoints and Pods panes show the selected Service's own: filtering the Services, the
		// cursor goes where the filter acts rather than leaving it on a pane the filter empties.
		run: m => {
			const mode: Mode = {kind: 'filter', text: topView(m)?.filter ?? m.filter};
			return topView(m) ? {type: 'mode', mode} : {type: 'mode', mode, focus: 'services'};
		},
	},
	...SORT_KEYS.map(
		({key, columns}): Binding => ({
			keys: [key],
			label: `sort ${columns[0]}`,
			help: `sort by ${columns.join(' / ')} (again: reverse)`,
			where: 'views',
			group: 'sort',
			...(key === 'N' ? {hint: 'views' as const} : {}),
			run: () => ({type: 'sort', columns}),
		}),
	),
	{keys: ['?'], label: 'help', help: 'this help', hint: 'always', run: () => ({type: 'mode', mode: {kind: 'help', offset: 0, page: 'keys'}})},
	{keys: ['q', 'ctrl+c'], label: 'quit', help: 'quit (the terminal is restored)', hint: 'always', run: () => []},
];

export const QUIT_KEYS = new Set(['q', 'ctrl+c']);

export interface ViewerBinding {
	keys: string[];
	help: string;
	/** Its part of the hint line while the viewer is open (one hint can speak for a pair of bindings). */
	hint?: string;
	/** Its hint shows at any width, at the end of the line (`:` and `?`, as on the main screen). */
	always?: boolean;
	does: ViewerCommand;
}

/**
 * The viewer's keys (palette output, `d`, `y`), as k9s's details view and less have them
 * (derailed/k9s internal/view/details.go: `/` search, `n` next match, `N` previous, Esc back).
 * While a search is typed, keys are text: Enter searches, Esc cancels.
 */
export const VIEWER_KEYMAP: ReadonlyArray<ViewerBinding> = [
	{keys: ['down', 'j'], help: 'scroll down one line', hint: 'j/k line', does: 'lineDown'},
	{keys: ['up', 'k'], help: 'scroll up one line', does: 'lineUp'},
	{keys: ['pagedown', 'ctrl+f'], help: 'one page down', hint: 'PgDn/PgUp page', does: 'pageDown'},
	{keys: ['pageup', 'ctrl+b'], help: 'one page up', does: 'pageUp'},
	{keys: ['g', 'home'], help: 'to the first line', hint: 'g/G top/bottom', does: 'top'},
	{keys: ['G', 'end'], help: 'to the last line', does: 'bottom'},
	{keys: ['/'], help: 'search, case-insensitive (Enter finds, Esc cancels)', hint: '/ search', does: 'search'},
	{keys: ['n'], help: 'next match (after the last, the first)', hint: 'n/N match', does: 'nextMatch'},
	{keys: ['N'], help: 'previous match', does: 'previousMatch'},
	{keys: ['w'], help: 'wrap long lines (the default) or not; unwrapped, ←/→ scroll sideways', hint: 'w wrap', does: 'toggleWrap'},
	{keys: ['left'], help: 'scroll left (lines not wrapped)', does: 'scrollLeft'},
	{keys: ['right'], help: 'scroll right (lines not wrapped)', does: 'scrollRight'},
	{keys: [':'], help: 'command palette (the viewer closes; the output of what runs opens in it)', hint: ': command', always: true, does: 'palette'},
	{keys: ['?'], help: 'help', hint: '? help', always: true, does: 'help'},
	{keys: ['esc', 'q'], help: 'close the viewer, back to where you were', hint: 'Esc back', always: true, does: 'close'},
];

/** What the status line says for a key the viewer does not bind. */
export function viewerUnboundText(name: string): string {
	const back = VIEWER_KEYMAP.find(b => b.does === 'close')?.keys[0] ?? 'esc';
	return `${name}: not bound in the viewer — ${back === 'esc' ? 'Esc' : back} goes back`;
}

export function viewerBindingFor(name: string): ViewerBinding | undefined {
	return VIEWER_KEYMAP.find(b => b.keys.includes(name));
}

/** Ink's (input, key) as one name: `up`, `shift+tab`, `ctrl+k`, `space`, `x`, … */
export function keyName(
	input: string,
	key: {
		upArrow?: boolean;
		downArrow?: boolean;
		leftArrow?: boolean;
		rightArrow?: boolean;
		tab?: boolean;
		shift?: boolean;
		ctrl?: boolean;
		return?: boolean;
		escape?: boolean;
		backspace?: boolean;
		delete?: boolean;
		pageUp?: boolean;
		pageDown?: boolean;
		home?: boolean;
		end?: boolean;
	},
): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input}`;
	if (input === ' ') return 'space';
	return input;
}

/**
 * Ink 6 hands `useInput` one event per key sequence its input parser splits off a chunk
 * (node_modules/ink/build/input-parser.js: CSI/SS3 sequences whole, else ESC plus the one code
 * point after it), and parse-keypress.js reads `ESC x` as Meta+x (`metaKeyCodeRe`, meta: true),
 * the form a terminal sends for Alt+x. use-input.js then strips the ESC from `input`, and for an
 * ESC before a non-alphanumeric key (`ESC :`, `ESC /`, `ESC Tab`) reports no modifier at all. So
 * Esc pressed quickly before a key, which ssh and tmux deliver as one chunk, is indistinguishable
 * from Alt+key, and after use-input only the raw event tells it apart from the bare key.
 *
 * The keymap binds no Meta/Alt keys, so an ESC-prefixed event means what the user pressed: Esc,
 * then the key. Given the raw event, the number of Esc presses to handle before Ink's key (with
 * its meta flag then cleared): 1 for `ESC x` and `ESC ESC [A` (Esc, then ↑), 0 for a plain key
 * or a whole escape sequence such as `ESC [A`. (`ESC ESC` alone Ink reports as Escape itself,
 * so one more is handled here and the other is Ink's.)
 */
export function escapesBefore(raw: string): number {
	if (raw.length < 2 || raw[0] !== '\u001B') return 0;
	const next = raw[1];
	if (next === '\u001B') return 1;
	// ESC [ … and ESC O x are the arrow, function and paging keys' sequences, not an Esc press.
	if ((next === '[' || next === 'O') && raw.length > 2) return 0;
	return 1;
}

export function bindingFor(name: string, where: 'home' | 'views' = 'home'): Binding | undefined {
	return KEYMAP.find(b => b.keys.includes(name) && (b.where === undefined || b.where === where));
}

/** What the status line says for a key the table does not bind on the main screen (or binds in the other view). */
export function unboundText(name: string, where: 'home' | 'views' = 'home'): string {
	const help = KEYMAP.find(b => b.label === 'help')?.keys[0] ?? '?';
	const elsewhere = bindingFor(name, where === 'home' ? 'views' : 'home');
	if (elsewhere)
		return `${name} (${elsewhere.label}) works in ${where === 'home' ? 'the resource views (:po, :deploy, …)' : 'the Services view (Esc back)'} — ${help} for help`;
	return `${name}: not bound here — ${help} for help`;
}
