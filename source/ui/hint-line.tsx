import {Text} from 'ink';
import {type Binding, KEYMAP} from './keymap.js';
import {textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

const SHOWN: Record<string, string> = {'ctrl+k': '^k', space: 'space', tab: 'tab'};

/** A binding is hinted by its first key and its label. */
const hintOf = (b: Binding) => {
	const [first] = b.keys;
	return first === undefined ? '' : `${SHOWN[first] ?? first} ${b.label}`;
};

/** The key hints that fit, from the same table as the help overlay. */
export function hintText(width: number): string {
	// The bindings marked `always` (the palette, help, quit) end the line at every width, so
	// nobody is ever stuck; the others fill what room is left, in table order.
	const tail = KEYMAP.filter(b => b.hint === 'always')
		.map(hintOf)
		.filter(Boolean)
		.join('  ');
	let text = '';
	for (const b of KEYMAP.filter(b => b.hint === true)) {
		const item = hintOf(b);
		if (!item) continue;
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
