import {Box, Text, useApp, useInput, useStdin, useStdout} from 'ink';
import {type ReactNode, useEffect, useReducer, useRef, useState} from 'react';
import {parseCommand} from '../command/index.js';
import {workAhead} from '../session/work-ahead.js';
import {getRow} from '../sim/index.js';
import {endpointView, serviceList, servicePods} from '../view/tui/index.js';
import {BottomLine, CompletionsLine} from './bottom-line.js';
import {Chooser} from './chooser.js';
import {QUIT_COMMANDS} from './complete.js';
import {EndpointsPane} from './endpoints-pane.js';
import {Header} from './header.js';
import {detailRows, HelpOverlay, helpRoom, keyPageRows} from './help-overlay.js';
import {HintLine} from './hint-line.js';
import {bindingFor, escapesBefore, keyName, QUIT_KEYS, unboundText, viewerBindingFor, viewerUnboundText} from './keymap.js';
import {lineEditFor} from './line-editor.js';
import {logLines} from './log-lines.js';
import {lineAhead, type Model, type ModelAction, type Pane, reduceModel, topView} from './model.js';
import {PodsPane} from './pods-pane.js';
import {replayText} from './replay.js';
import {RequestLog} from './request-log.js';
import {ResourcePane} from './resource-pane.js';
import {ServicesPane} from './services-pane.js';
import {StabilityLine} from './stability-line.js';
import {tint, useTheme} from './theme.js';
import {TryPanel, tourRows} from './try-panel.js';
import {ViewerBox, viewerHints, viewerPage} from './viewer.js';
import {viewerKey, viewerSearch} from './viewer-model.js';

const MIN_WIDTH = 80;
const MIN_HEIGHT = 24;
/** How often the real-time clock ticks (ms of wall time). */
const TICK_MS = 250;
/** Time Ink gets to draw what a heavy command is doing before the command holds the process
 *  (Ink throttles its writes; one frame at its 30 fps is 33 ms). */
const DRAW_BEFORE_WORK_MS = 50;

/** C0 controls and DEL: keys with a meaning of their own, never text to insert. */
function hasControl(text: string): boolean {
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/** Keys with a meaning while a viewer search is typed (k9s's details view: Enter searches, Esc
 *  cancels, ctrl-u clears); other printable keys are text. */
const SEARCH_EDITS: Record<string, 'cancel' | 'submit' | 'erase' | 'clear'> = {esc: 'cancel', enter: 'submit', backspace: 'erase', 'ctrl+u': 'clear'};

const sizeOf = (stdout: {columns?: number; rows?: number}) => ({width: stdout.columns || MIN_WIDTH, height: stdout.rows || MIN_HEIGHT});

interface Props {
	initial: Model;
	title: string;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	size?: {width: number; height: number};
	/** Let the virtual clock follow the wall clock (off in tests: the same keys give the same screens). */
	realtime: boolean;
	onModel?(model: Model): void;
	/** Fault injection for tests: throw while drawing once this many commands have run. */
	faultAfterCommands?: number;
	/** The files' "Try:" tour (view/tui/try-text.ts, sanitized): shown on first open, and under `?`. */
	tour?: ReadonlyArray<string>;
	/** `e`: hands the terminal to $EDITOR on the object's YAML; says what to run after (its apply), or why not. */
	edit?(model: Model, ref: string): ModelAction;
	/** Events from outside the keyboard (--watch's changed files): given a dispatch, returns what unsubscribes. */
	subscribe?(dispatch: (action: ModelAction) => void): () => void;
}

function useTerminalSize(fixed?: {width: number; height: number}) {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}

function rowsIn(model: Model, pane: Pane, width: number): number {
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	switch (pane) {
		case 'services':
			return serviceList(model.sim, model.filter).keys.length;
		case 'pods':
			return servicePods(model.sim, service).items.length;
		case 'endpoints':
			return service ? endpointView(model.sim, service).lines.length : 0;
		case 'log':
			return logLines(model.log, width - 3).length;
	}
}

export function App({initial, title, size: fixed, realtime, onModel, faultAfterCommands, tour = [], subscribe, edit}: Props) {
	// The model lives in a ref so that every key of a fast burst sees the state the previous key
	// left (React would batch them against a stale copy); each action is reduced exactly once.
	const modelRef = useRef(initial);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	const apply = (action: ModelAction) => {
		const next = reduceModel(modelRef.current, action);
		if (next === modelRef.current) return;
		modelRef.current = next;
		onModel?.(next);
		rerender();
	};
	// Keys that arrive while a heavy command waits for its line to be drawn, run after it in order.
	const waiting = useRef<ModelAction[] | null>(null);
	// A quit in that moment must not leave the step to run after the screen is gone.
	const pendingWork = useRef<ReturnType<typeof setTimeout> | null>(null);
	useEffect(
		() => () => {
			if (pendingWork.current !== null) clearTimeout(pendingWork.current);
		},
		[],
	);
	/** `e` and `:edit REF` hand the terminal to an editor first; what it then asks for is the action. */
	const editing = (asked: ModelAction): ModelAction => {
		if (!edit || waiting.current !== null) return asked;
		if (asked.type === 'editAsked') return edit(modelRef.current, asked.ref);
		if (asked.type !== 'paletteSubmitted') return asked;
		const parsed = parseCommand(asked.line);
		if (!parsed.ok || parsed.command?.kind !== 'edit' || parsed.command.file !== undefined) return asked;
		apply({type: 'mode', mode: {kind: 'normal'}});
		return edit(modelRef.current, parsed.command.ref);
	};
	const dispatch = (asked: ModelAction) => {
		const action = editing(asked);
		if (waiting.current !== null) {
			// The clock's ticks measure from the last one: skipped here, the next carries the time.
			if (action.type !== 'tick') waiting.current.push(action);
			return;
		}
		const line = lineAhead(modelRef.current, action);
		const work = line === null ? null : workAhead(modelRef.current.sim, line);
		if (line === null || work === null) return apply(action);
		// A step is synchronous: say what it is doing, let Ink draw that, then run it.
		waiting.current = [];
		// A typed line closes its palette or prompt now, so the keys typed meanwhile are read as
		// the screen they will act on reads them; the line then runs as Enter would run it.
		const typed = action.type === 'paletteSubmitted' || action.type === 'promptSubmitted';
		if (typed) apply({type: 'mode', mode: {kind: 'normal'}});
		apply({type: 'working', text: work});
		pendingWork.current = setTimeout(() => {
			pendingWork.current = null;
			const after = waiting.current ?? [];
			waiting.current = null;
			apply(typed ? {type: 'run', line, show: true} : action);
			apply({type: 'working', text: null});
			for (const a of after) dispatchRef.current(a);
		}, DRAW_BEFORE_WORK_MS);
	};
	const dispatchRef = useRef(dispatch);
	dispatchRef.current = dispatch;
	const model = modelRef.current;
	const {exit} = useApp();
	const theme = useTheme();
	const {width, height} = useTerminalSize(fixed);
	// A replay's line (replay.ts) takes a row above the stability line.
	const replayRows = model.replay ? 1 : 0;
	// The viewer takes the whole middle, as help does: everything but the header and the three lines at the foot.
	const viewerHeight = height - 4 - replayRows;
	// The tour sits where the request log goes until the first key (try-panel.tsx), unless load
	// warnings are there to read; under `?` it shares the room with help.
	const tourOpen = useRef(tour.length > 0 && initial.log.length === 0);
	// Help's key page takes what it needs and the tour the rest, where that is enough to read
	// (help-overlay.tsx); the details page and the tour's own page take the whole middle.
	const middle = height - 4 - replayRows;
	const keyRows = keyPageRows(width, middle);
	const tourBeside = tour.length > 0 && middle - keyRows >= 5 ? Math.min(middle - keyRows, tourRows(tour, middle * 2)) : 0;
	const helpHeight = model.mode.kind === 'help' && model.mode.page === 'keys' ? middle - tourBeside : middle;

	// biome-ignore lint/correctness/useExhaustiveDependencies: subscribed once; dispatchRef follows the model
	useEffect(() => subscribe?.(action => dispatchRef.current(action)), []);

	useEffect(() => {
		if (!realtime) return;
		let last = performance.now();
		const timer = setInterval(() => {
			const now = performance.now();
			dispatchRef.current({type: 'tick', ms: now - last});
			last = now;
		}, TICK_MS);
		return () => clearInterval(timer);
	}, [realtime]);

	const send = (action: ModelAction | ModelAction[] | {error: string}) => {
		if (!Array.isArray(action) && !('type' in action)) return dispatch({type: 'status', text: action.error, error: true});
		for (const a of Array.isArray(action) ? action : [action]) {
			dispatch(a.type === 'move' ? {...a, rows: rowsIn(modelRef.current, modelRef.current.focus, width)} : a);
		}
	};

	// The raw event behind each useInput call (Ink emits it to its listeners first; prepended, this
	// one runs before useInput's): only the raw text tells Esc-then-key from the key (keymap.ts
	// escapesBefore).
	const rawRef = useRef('');
	const forwardDeleteRef = useRef(false);
	const {internal_eventEmitter: events} = useStdin();
	useEffect(() => {
		const onRaw = (raw: unknown) => {
			rawRef.current = typeof raw === 'string' ? raw : String(raw);
		};
		events.prependListener('input', onRaw);
		return () => {
			events.removeListener('input', onRaw);
		};
	}, [events]);

	useInput((input, key) => {
		const escapes = escapesBefore(rawRef.current);
		// Ink reports Backspace (DEL) and the Delete key (ESC [3~) alike; only the raw text tells them apart.
		forwardDeleteRef.current = rawRef.current === '\u001B[3~';
		rawRef.current = '';
		const none = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false};
		const esc = {...key, ...none, escape: true, meta: false, ctrl: false, shift: false, return: false, tab: false, backspace: false, delete: false};
		for (let i = 0; i < escapes; i++) handleKey('', esc);
		replayKeys(input, escapes > 0 ? {...key, meta: false} : key);
	});

	function replayKeys(input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) {
		// Fast typing and pastes arrive as one chunk (`:get pods\r`): replay it key by key, so a
		// chunk means exactly what the same keys typed slowly would. (A lone control character is
		// what Ink leaves of `ESC Tab` once the Esc is handled.)
		if ((input.length > 1 || hasControl(input)) && !key.ctrl && !key.meta && !input.includes('\x1b')) {
			const none = {...key, return: false, tab: false, backspace: false, delete: false};
			for (const ch of input) {
				if (ch === '\r' || ch === '\n') handleKey('', {...none, return: true});
				else if (ch === '\t') handleKey('', {...none, tab: true});
				else if (ch === '\x7f' || ch === '\b') handleKey('', {...none, backspace: true});
				// ctrl+a … ctrl+z are 0x01 … 0x1a (ctrl-w typed right after a word arrives with it).
				else if (ch >= '\x01' && ch <= '\x1a') handleKey(String.fromCharCode(ch.charCodeAt(0) + 0x60), {...none, ctrl: true});
				else if (!hasControl(ch)) handleKey(ch, none);
			}
			return;
		}
		handleKey(input, key);
	}

	function handleKey(input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) {
		const m = modelRef.current;
		const name = keyName(input, key);
		const mode = m.mode;
		if (tourOpen.current) {
			// The panes are in view beside the tour, so the key that closes it also does what it does.
			tourOpen.current = false;
			rerender();
		}
		switch (mode.kind) {
			case 'output': {
				if (name === 'ctrl+c') return exit();
				const page = viewerPage(width, viewerHeight);
				if (mode.typing !== null) {
					const printable = !key.ctrl && !key.meta && input.length > 0 && !hasControl(input);
					const edit = SEARCH_EDITS[name] ?? (printable ? {text: input} : null);
					if (edit !== null) dispatch({type: 'mode', mode: {...viewerSearch(mode, edit, page), kind: 'output'}});
					return;
				}
				const binding = viewerBindingFor(name);
				// As on the main screen, a key bound to nothing says so (a kill key here must not pass through).
				if (!binding) return name === '' ? undefined : dispatch({type: 'status', text: viewerUnboundText(name), error: false});
				if (binding.does === 'palette') return dispatch({type: 'mode', mode: {kind: 'palette', text: '', historyIndex: null}});
				if (binding.does === 'help') return dispatch({type: 'mode', mode: {kind: 'help', offset: 0, page: 'keys'}});
				const next = viewerKey(mode, binding.does, page);
				return dispatch({type: 'mode', mode: next ? {...next, kind: 'output'} : {kind: 'normal'}});
			}
			case 'help':
				if (name === 'esc' || name === '?' || name === 'q' || name === 'enter') dispatch({type: 'mode', mode: {kind: 'normal'}});
				if (name === 'tab' || name === 'shift+tab') {
					const pages: ReadonlyArray<'keys' | 'details' | 'try'> = tour.length > 0 ? ['keys', 'details', 'try'] : ['keys', 'details'];
					const at = pages.indexOf(mode.page);
					const page = pages[(at + (name === 'tab' ? 1 : pages.length - 1)) % pages.length] ?? 'keys';
					dispatch({type: 'mode', mode: {...mode, offset: 0, page}});
				}
				if (mode.page === 'details' && (name === 'up' || name === 'k' || name === 'down' || name === 'j')) {
					const delta = name === 'up' || name === 'k' ? -1 : 1;
					const max = Math.max(0, detailRows(width - 4).length - helpRoom(helpHeight));
					dispatch({type: 'mode', mode: {...mode, offset: Math.max(0, Math.min(max, mode.offset + delta))}});
				}
				if (name === 'ctrl+c') exit();
				return;
			case 'chooseClient':
			case 'chooseAddress':
				// The chooser's highlight lives in the model, so every key of a burst (Down Down
				// Enter in one chunk) moves from where the previous one left it, and the Enter that
				// closes it is consumed here, never seen by the main screen.
				if (name === 'esc') dispatch({type: 'mode', mode: {kind: 'normal'}});
				else if (name === 'up' || name === 'k' || name === 'down' || name === 'j')
					dispatch({type: 'chooserMove', delta: name === 'up' || name === 'k' ? -1 : 1});
				else if (name === 'enter') dispatch({type: 'chooserPick'});
				else if (name === 'ctrl+c') exit();
				return;
			case 'palette':
			case 'filter':
			case 'prompt': {
				if (name === 'ctrl+c') return exit();
				if (name === 'esc') {
					if (mode.kind === 'filter') dispatch({type: 'setFilter', filter: ''});
					return dispatch({type: 'mode', mode: {kind: 'normal'}});
				}
				if (mode.kind === 'palette' && (name === 'up' || name === 'down')) return dispatch({type: 'paletteHistory', delta: name === 'up' ? -1 : 1});
				if (mode.kind === 'palette' && name === 'tab') return dispatch({type: 'paletteComplete'});
				if (name === 'enter') {
					if (mode.kind === 'palette' && QUIT_COMMANDS.has(mode.text.trim())) return exit();
					if (mode.kind === 'palette') return dispatch({type: 'paletteSubmitted', line: mode.text});
					if (mode.kind === 'filter') return dispatch({type: 'mode', mode: {kind: 'normal'}});
					return dispatch({type: 'promptSubmitted'});
				}
				const edit = lineEditFor(name === 'backspace' && forwardDeleteRef.current ? 'delete' : name);
				if (edit) return dispatch({type: 'lineEdit', edit});
				const printable = !key.ctrl && !key.meta && input.length > 0 && !hasControl(input);
				if (printable) dispatch({type: 'lineInput', text: input});
				return;
			}
			case 'confirm':
				// k9s's dialog: nothing happens until it is answered.
				if (name === 'y' || name === 'enter') dispatch({type: 'confirmed', yes: true});
				else if (name === 'n' || name === 'esc' || name === 'q') dispatch({type: 'confirmed', yes: false});
				else if (name === 'ctrl+c') exit();
				return;
			case 'normal': {
				if (QUIT_KEYS.has(name)) return exit();
				const where = m.views.length > 0 ? 'views' : 'home';
				const binding = bindingFor(name, where);
				if (binding) send(binding.run(m));
				else if (name !== '') dispatch({type: 'status', text: unboundText(name, where), error: false});
				return;
			}
		}
	}

	if (faultAfterCommands !== undefined && model.record.filter(l => !l.startsWith('wait')).length >= faultAfterCommands) {
		throw new Error(`injected render fault after ${faultAfterCommands} command(s) (K8S_SVC_TUI_FAULT)`);
	}

	if (width < MIN_WIDTH || height < MIN_HEIGHT) {
		return (
			<Box width={width} flexDirection="column">
				<Text wrap="wrap">{`k8s-svc-tui needs a terminal of at least ${MIN_WIDTH}×${MIN_HEIGHT}; this one is ${width}×${height}.`}</Text>
				<Text wrap="wrap">Enlarge it, or press q to quit.</Text>
			</Box>
		);
	}

	// Header, stability line, status/palette line and key hints take one row each; each pane row
	// has a border above and below.
	const content = height - 4 - 6 - replayRows;
	const servicesRows = Math.max(3, Math.round(content * 0.3));
	const middleRows = Math.max(5, Math.round(content * 0.4));
	const logRows = Math.max(2, content - servicesRows - middleRows);
	// The Pods pane needs the width more on narrow screens: its IP column is the point of the show.
	const left = width >= 120 ? Math.floor(width * 0.5) : Math.max(32, width - 48);
	const lowerHeight = middleRows + logRows + 4;

	const top = topView(model);
	let lower: ReactNode;
	if (model.mode.kind === 'help') {
		lower = (
			<>
				{model.mode.page === 'try' ? (
					<TryPanel tour={tour} width={width} height={middle} footer="Try: from the file's opening comment · tab: keys · Esc closes" />
				) : (
					<HelpOverlay width={width} height={helpHeight} offset={model.mode.offset} page={model.mode.page} />
				)}
				{model.mode.page === 'keys' && tourBeside > 0 ? (
					<TryPanel tour={tour} width={width} height={tourBeside} footer="Try: from the file's opening comment · tab twice: all of it" />
				) : null}
			</>
		);
	} else if (model.mode.kind === 'output') lower = <ViewerBox viewer={model.mode} width={width} height={viewerHeight} />;
	else if (model.mode.kind === 'chooseClient' || model.mode.kind === 'chooseAddress') {
		lower = <Chooser model={model} width={width} height={lowerHeight} />;
	} else if (top) {
		// A resource view takes the whole middle, as k9s's tables do.
		lower = <ResourcePane model={model} view={top} width={width} height={viewerHeight - 2} />;
	} else {
		lower = (
			<>
				<Box>
					<EndpointsPane model={model} width={left} height={middleRows} />
					<PodsPane model={model} width={width - left} height={middleRows} />
				</Box>
				{tourOpen.current ? (
					<TryPanel tour={tour} width={width} height={logRows + 2} footer="the first key closes this (and does what it does) · ? shows it again" />
				) : (
					<RequestLog model={model} width={width} height={logRows} />
				)}
			</>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Header model={model} width={width} title={title} />
			{model.mode.kind === 'help' || model.mode.kind === 'output' || top ? null : <ServicesPane model={model} width={width} height={servicesRows} />}
			{lower}
			{model.replay ? (
				<Text wrap="truncate" {...tint(theme, 'cyan')}>
					{replayText(model.replay)}
				</Text>
			) : null}
			{model.mode.kind === 'palette' && model.mode.completions ? (
				<CompletionsLine completions={model.mode.completions} width={width} />
			) : (
				<StabilityLine model={model} width={width} />
			)}
			<BottomLine model={model} width={width} />
			{model.mode.kind === 'output' ? (
				<Text wrap="truncate" {...tint(theme, 'gray')}>
					{viewerHints(width)}
				</Text>
			) : (
				<HintLine width={width} where={top ? 'views' : 'home'} model={model} />
			)}
		</Box>
	);
}
