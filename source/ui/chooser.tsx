import {Box, Text} from 'ink';
import {getRow} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {visibleWindow} from './fit-columns.js';
import {chooserIndex, chooserItems, type Model} from './model.js';
import {tint, useTheme} from './theme.js';

/**
 * `f`: who fires (a pod, a node, an outside client), then at which address of the Service. The
 * highlight is the model's (app.tsx moves it key by key), so a burst of keys is never read
 * against a stale highlight; this only draws the list around it.
 */
export function Chooser({model, width, height}: {model: Model; width: number; height: number}) {
	const theme = useTheme();
	const step = model.mode.kind === 'chooseAddress' ? 'address' : 'client';
	const service = model.selected ? getRow(model.sim.services, model.selected) : undefined;
	const items = chooserItems(model);
	const index = chooserIndex(model, items);
	const {start, end} = visibleWindow(items.length, index, Math.max(3, height - 3));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: 'cyan'} : {})} paddingX={1}>
			<Text bold {...tint(theme, 'cyan')}>
				{step === 'client' ? 'Who sends the requests? (↑/↓, Enter; Esc cancels)' : `Address ${sanitize(service?.name ?? '')} by… (↑/↓, Enter; Esc cancels)`}
			</Text>
			{items.slice(start, end).map((item, i) => {
				const highlighted = start + i === index;
				return (
					<Text key={item.value || 'default'} wrap="truncate" {...(highlighted ? tint(theme, 'blue') : {})}>
						{`${highlighted ? '❯' : ' '} ${sanitize(item.label)}`}
					</Text>
				);
			})}
		</Box>
	);
}
