import {Box, Text} from 'ink';
import {KEYMAP} from './keymap.js';
import {tint, useTheme} from './theme.js';

const KEY_NAMES: Record<string, string> = {up: '↑', down: '↓', 'shift+tab': 'shift-tab', 'ctrl+k': 'ctrl-k', 'ctrl+c': 'ctrl-c'};

/** Every binding with what it does and the command it runs (the same table drives input). */
export function helpLines(): Array<{keys: string; help: string; command: string}> {
	return KEYMAP.map(b => ({
		keys: b.keys.map(k => KEY_NAMES[k] ?? k).join(' '),
		help: b.help,
		command: b.command ?? '',
	}));
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
				<Text key={l.keys} wrap="truncate">
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
