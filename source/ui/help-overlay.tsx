import {Box, Text} from 'ink';
import {KINDS} from '../kinds/registry.js';
import {type Binding, KEYMAP, VIEWER_KEYMAP} from './keymap.js';
import {viewWord} from './table-views.js';
import {fitWidth, textWidth, wrapWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

const KEY_NAMES: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	home: 'Home',
	end: 'End',
	esc: 'Esc',
	'shift+tab': 'shift-tab',
	'ctrl+k': 'ctrl-k',
	'ctrl+c': 'ctrl-c',
	'ctrl+d': 'ctrl-d',
	'ctrl+f': 'ctrl-f',
	'ctrl+b': 'ctrl-b',
};

const keysText = (keys: readonly string[]) => keys.map(k => KEY_NAMES[k] ?? k).join(' ');

/** Every binding with what it does and the command it runs (the same tables drive input): the
 *  main screen's, then the viewer's under a heading (a line without keys). */
export function helpLines(): Array<{keys: string; help: string; command: string}> {
	const where = (b: Binding) => (b.where === 'home' ? ' (Services view)' : b.where === 'views' ? ' (resource views)' : '');
	return [
		...KEYMAP.map(b => ({keys: keysText(b.keys), help: `${b.help}${where(b)}`, command: b.command ?? b.opens ?? ''})),
		{keys: '', help: 'In the viewer (d, y, and what a : command prints):', command: ''},
		...VIEWER_KEYMAP.map(b => ({keys: keysText(b.keys), help: b.help, command: ''})),
	];
}

/** Lines the detailed page can show at once, for scrolling. */
export const helpRoom = (height: number) => Math.max(1, height - 4);

/** One row of the detailed page: the keys on an entry's first row, what it does, the command it runs. */
export interface DetailRow {
	keys: string;
	text: string;
	command: string;
}

const detailCache = new Map<number, DetailRow[]>();

/**
 * The detailed page's rows at `width` columns: each entry's words wrapped under its own column,
 * the command (`[scale …]`) on the row where it fits, so no description or command is cut at
 * 80×24; scrolling counts these rows.
 */
export function detailRows(width: number): DetailRow[] {
	let rows = detailCache.get(width);
	if (rows === undefined) {
		const lines = helpLines();
		const keyWidth = Math.max(...lines.map(l => l.keys.length));
		// Two columns after the keys, and one more: the command follows its text after two spaces, not one.
		const room = Math.max(10, width - keyWidth - 3);
		rows = [];
		for (const l of lines) {
			const words = [...l.help.split(' '), ...(l.command ? [`\u0000[${l.command}]`] : [])].join(' ');
			for (const [i, piece] of wrapWidth(words, room).entries()) {
				const at = piece.indexOf('\u0000');
				rows.push({
					keys: i === 0 ? l.keys.padEnd(keyWidth) : ' '.repeat(keyWidth),
					text: at < 0 ? piece : piece.slice(0, at).trimEnd(),
					command: at < 0 ? '' : piece.slice(at + 1),
				});
			}
		}
		detailCache.set(width, rows);
	}
	return rows;
}

type Entry = {heading: string} | {keys: string; label: string};

/**
 * The key page, k9s's help screen: short `key label` entries in sections (where a key works),
 * laid out in as many columns as fit, so that every key shows at once at 80×24. Bindings that
 * share a `group` (the sort keys) are one entry. The viewer's keys are on its own hint line
 * whenever it is open, and on the details page.
 */
function keyEntries(): Entry[] {
	const entries = (bindings: ReadonlyArray<Binding>): Entry[] => {
		const out: Array<{keys: string[]; label: string}> = [];
		const groups = new Map<string, {keys: string[]; label: string}>();
		for (const b of bindings) {
			const seen = b.group === undefined ? undefined : groups.get(b.group);
			if (seen) {
				seen.keys.push(...b.keys);
				continue;
			}
			const entry = {keys: [...b.keys], label: b.group ?? b.label};
			if (b.group !== undefined) groups.set(b.group, entry);
			out.push(entry);
		}
		return out.map(e => ({keys: keysText(e.keys), label: e.label}));
	};
	return [
		{heading: 'Everywhere'},
		...entries(KEYMAP.filter(b => b.where === undefined)),
		{heading: 'Services view'},
		...entries(KEYMAP.filter(b => b.where === 'home')),
		{heading: 'Resource views'},
		...entries(KEYMAP.filter(b => b.where === 'views')),
	];
}

/** The views `:` opens, by the short names k9s users type (kinds' own, source/kinds/). */
const VIEW_WORDS = KINDS.filter(k => k.resource !== 'services').map(k => `:${viewWord(k)}`);

/** The footer naming the views, wrapped at words to `width` (each kind added makes it longer). */
function viewLines(width: number): string[] {
	const lines: string[] = [];
	let line = 'views: :svc home ·';
	for (const word of VIEW_WORDS) {
		if (textWidth(`${line} ${word}`) > width) {
			lines.push(line);
			line = `      ${word}`;
		} else line = `${line} ${word}`;
	}
	lines.push(line);
	return lines;
}

const MIN_COLUMN = 24;
const MAX_KEYS = 9;

// The key page depends on the terminal's size alone (the keymap is fixed), and app.tsx asks for
// its height on every frame to share the room with the tour: laid out once per size.
const keyPages = new Map<string, string[] | null>();

/** The key page in `width` × `rows`: text lines, or null when it does not fit (then the details page scrolls). */
function keyColumns(width: number, height: number): string[] | null {
	const size = `${width}x${height}`;
	let page = keyPages.get(size);
	if (page === undefined) {
		page = layKeyColumns(width, height);
		keyPages.set(size, page);
	}
	return page;
}

function layKeyColumns(width: number, height: number): string[] | null {
	const entries = keyEntries();
	// The footer's lines beyond its first come out of the entries' room.
	const rows = height - (viewLines(width).length - 1);
	const columns = Math.max(1, Math.floor(width / MIN_COLUMN));
	const per = Math.ceil(entries.length / columns);
	if (per > rows) return null;
	const columnWidth = Math.floor(width / columns);
	// Each column aligns its labels after its own keys; a long key list (the sort keys) is not
	// allowed to push every label of its column out.
	const keyWidths = Array.from({length: columns}, (_, c) =>
		Math.min(MAX_KEYS, Math.max(0, ...entries.slice(c * per, (c + 1) * per).map(e => ('keys' in e ? textWidth(e.keys) : 0)))),
	);
	const cell = (e: Entry | undefined, keyWidth: number) => {
		if (e === undefined) return ' '.repeat(columnWidth);
		const text = 'heading' in e ? e.heading : `${e.keys}${' '.repeat(Math.max(1, keyWidth + 1 - textWidth(e.keys)))}${e.label}`;
		const fitted = fitWidth(text, columnWidth - 1);
		return `${fitted}${' '.repeat(Math.max(0, columnWidth - textWidth(fitted)))}`;
	};
	const lines: string[] = [];
	for (let r = 0; r < per; r++) {
		let line = '';
		for (let c = 0; c < columns; c++) line += cell(entries[c * per + r], keyWidths[c] ?? 0);
		lines.push(line.trimEnd());
	}
	return lines;
}

/** Rows the key page needs (title, entries, footer, border) at `width`, for the room left to the tour. */
export function keyPageRows(width: number, height: number): number {
	const lines = keyColumns(width - 4, height - 4);
	return lines === null ? height : lines.length + 3 + viewLines(width - 4).length;
}

export function HelpOverlay({width, height, offset, page}: {width: number; height: number; offset: number; page: 'keys' | 'details'}) {
	const theme = useTheme();
	const compact = page === 'keys' ? keyColumns(width - 4, height - 4) : null;
	const border = {borderStyle: 'round' as const, ...(theme.color ? {borderColor: 'cyan'} : {})};
	if (compact !== null) {
		return (
			<Box flexDirection="column" width={width} height={height} {...border} paddingX={1}>
				<Text bold wrap="truncate" {...tint(theme, 'cyan')}>
					Keys — tab: what each does and the command it runs · Esc closes
				</Text>
				{compact.map((line, i) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: the lines are positional
					<Text key={i} wrap="truncate">
						{line === '' ? ' ' : line}
					</Text>
				))}
				{viewLines(width - 4).map(line => (
					<Text key={line} wrap="truncate" {...tint(theme, 'gray')}>
						{line}
					</Text>
				))}
			</Box>
		);
	}
	const lines = detailRows(width - 4);
	const room = helpRoom(height);
	const start = Math.max(0, Math.min(offset, lines.length - room));
	const more = lines.length > room ? ` (${start + 1}-${Math.min(lines.length, start + room)} of ${lines.length}, ↑/↓ scroll)` : '';
	return (
		<Box flexDirection="column" width={width} height={height} {...border} paddingX={1}>
			<Text bold wrap="truncate" {...tint(theme, 'cyan')}>
				{`Keys${more} — tab: short list · Esc closes`}
			</Text>
			{lines.slice(start, start + room).map((l, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the rows are positional
				<Text key={start + i} wrap="truncate">
					<Text bold>{l.keys}</Text>
					{`  ${l.text}`}
					{l.command ? <Text {...tint(theme, 'gray')}>{`${l.text === '' ? '' : '  '}${l.command}`}</Text> : null}
				</Text>
			))}
			<Text wrap="truncate" {...tint(theme, 'gray')}>
				[ ] the command a key runs · after : any command (help lists them)
			</Text>
		</Box>
	);
}
