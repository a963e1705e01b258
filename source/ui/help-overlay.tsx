import {Box, Text} from 'ink';
import {KEYMAP, VIEWER_KEYMAP} from './keymap.js';
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
	'ctrl+f': 'ctrl-f',
	'ctrl+b': 'ctrl-b',
};

const keysText = (keys: readonly string[]) => keys.map(k => KEY_NAMES[k] ?? k).join(' ');

/** Every binding with what it does and the command it runs (the same tables drive input): the
 *  main screen's, then the viewer's under a heading (a line without keys). */
export function helpLines(): Array<{keys: string; help: string; command: string}> {
	return [
		...KEYMAP.map(b => ({keys: keysText(b.keys), help: b.help, command: b.command ?? b.opens ?? ''})),
		{keys: '', help: 'In the viewer (d, y, and what a : command prints):', command: ''},
		...VIEWER_KEYMAP.map(b => ({keys: keysText(b.keys), help: b.help, command: ''})),
	];
}

/** Lines the overlay can show at once, for scrolling. */
export const helpRoom = (height: number) => Math.max(1, height - 4);

export function HelpOverlay({width, height, offset}: {width: number; height: number; offset: number}) {
	const theme = useTheme();
	const lines = helpLines();
	const keyWidth = Math.max(...lines.map(l => l.keys.length));
	const room = helpRoom(height);
	const start = Math.max(0, Math.min(offset, lines.length - room));
	const more = lines.length > room ? ` (${start + 1}-${Math.min(lines.length, start + room)} of ${lines.length}, ↑/↓ scroll)` : '';
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: 'cyan'} : {})} paddingX={1}>
			<Text bold wrap="truncate" {...tint(theme, 'cyan')}>
				{`Keys${more} — Esc closes`}
			</Text>
			{lines.slice(start, start + room).map(l => (
				<Text key={`${l.keys} ${l.help}`} wrap="truncate">
					<Text bold>{l.keys.padEnd(keyWidth)}</Text>
					{`  ${l.help}`}
					{l.command ? <Text {...tint(theme, 'gray')}>{`  [${l.command}]`}</Text> : null}
				</Text>
			))}
			<Text wrap="truncate" {...tint(theme, 'gray')}>
				[ ] is the command a key runs; type any command after : (help lists them all)
			</Text>
		</Box>
	);
}
