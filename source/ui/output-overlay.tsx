import {Box, Text} from 'ink';
import {sanitize} from '../view/index.js';
import {tint, useTheme} from './theme.js';

/** The output of a palette command (`get pods -o wide`, `describe svc …`), until a key is pressed. */
export function OutputOverlay({title, lines, error, width, height}: {title: string; lines: string[]; error: boolean; width: number; height: number}) {
	const theme = useTheme();
	const room = Math.max(1, height - 3);
	const shown = lines.slice(0, room);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: error ? 'red' : 'cyan'} : {})} paddingX={1}>
			<Text bold wrap="truncate" {...tint(theme, error ? 'red' : 'cyan')}>
				{`:${sanitize(title)}`}
			</Text>
			{shown.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: output lines have no identity (the same text can repeat); a line is its position
				<Text key={i} wrap="truncate" {...tint(theme, error ? 'red' : undefined)}>
					{line}
				</Text>
			))}
			<Text wrap="truncate" {...tint(theme, 'gray')}>
				{lines.length > room ? `… ${lines.length - room} more lines (try a narrower query) · ` : ''}any key closes
			</Text>
		</Box>
	);
}
