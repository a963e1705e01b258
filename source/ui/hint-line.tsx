import {Text} from 'ink';
import {KEYMAP} from './keymap.js';
import {textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

const SHOWN: Record<string, string> = {'ctrl+k': '^k', space: 'space', tab: 'tab'};

/** The key hints that fit, from the same table as the help overlay. */
export function hintText(width: number): string {
	// Help and quit always show, at the end, so nobody is ever stuck.
	const tail = '? help  q quit';
	let text = '';
	for (const b of KEYMAP.filter(b => b.hint && b.label !== 'help' && b.label !== 'quit')) {
		// A binding is hinted by its first key.
		const [first] = b.keys;
		if (first === undefined) continue;
		const item = `${SHOWN[first] ?? first} ${b.label}`;
		if ((text ? textWidth(text) + 2 : 0) + textWidth(item) + 2 + textWidth(tail) > width) break;
		text = text ? `${text}  ${item}` : item;
	}
	return text ? `${text}  ${tail}` : tail;
}

export function HintLine({width}: {width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate" {...tint(theme, 'gray')}>
			{hintText(width)}
		</Text>
	);
}
