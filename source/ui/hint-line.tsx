import {Text} from 'ink';
import {type Binding, KEYMAP} from './keymap.js';
import type {Model} from './model.js';
import {textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

const SHOWN: Record<string, string> = {'ctrl+k': '^k', 'ctrl+d': '^d', space: 'space', tab: 'tab', enter: 'enter', esc: 'esc'};

/** A binding is hinted by its first key and its label. */
const hintOf = (b: Binding) => {
	const [first] = b.keys;
	return first === undefined ? '' : `${SHOWN[first] ?? first} ${b.label}`;
};

/** The key hints that fit, from the same table as the help overlay, for the home view or the
 *  resource views (`where`). */
export function hintText(width: number, where: 'home' | 'views' = 'home', model?: Model): string {
	const here = KEYMAP.filter(b => (b.where === undefined || b.where === where) && (model === undefined || b.offered?.(model) !== false));
	// The bindings marked `always` (the palette, help, quit) end the line at every width, so
	// nobody is ever stuck; the others fill what room is left, in table order.
	const tail = here
		.filter(b => b.hint === 'always')
		.map(hintOf)
		.filter(Boolean)
		.join('  ');
	let text = '';
	for (const b of here.filter(b => (where === 'views' ? b.hint === 'views' : b.hint === true))) {
		const item = hintOf(b);
		if (!item) continue;
		if ((text ? textWidth(text) + 2 : 0) + textWidth(item) + 2 + textWidth(tail) > width) break;
		text = text ? `${text}  ${item}` : item;
	}
	return text ? `${text}  ${tail}` : tail;
}

export function HintLine({width, where, model}: {width: number; where: 'home' | 'views'; model?: Model}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate" {...tint(theme, 'gray')}>
			{hintText(width, where, model)}
		</Text>
	);
}
