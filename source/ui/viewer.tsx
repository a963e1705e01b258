import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {VIEWER_KEYMAP} from './keymap.js';
import {tint, useTheme} from './theme.js';
import {type Page, type Viewer, viewerStatus, visibleRows} from './viewer-model.js';

/** The text area inside a viewer box of this size: the border and padding around it, the title
 *  row above and the status row below. */
export const viewerPage = (width: number, height: number): Page => ({width: Math.max(1, width - 4), rows: Math.max(1, height - 4)});

/**
 * A command's output, full pane, scrolled and searched (viewer-model.ts). Every row is drawn at
 * exactly the page's width, so each frame overwrites the whole box: nothing of the text before
 * (the palette line, a longer row) can show through.
 */
export function ViewerBox({viewer, width, height}: {viewer: Viewer; width: number; height: number}) {
	const theme = useTheme();
	const page = viewerPage(width, height);
	const rows = visibleRows(viewer, page);
	const blank = ' '.repeat(page.width);
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			{...(theme.color ? {borderColor: viewer.error ? 'red' : 'cyan'} : {})}
			paddingX={1}
		>
			<Text bold wrap="truncate-end" {...tint(theme, viewer.error ? 'red' : 'cyan')}>
				{`:${viewer.title}`}
			</Text>
			{Array.from({length: page.rows}, (_, i) => {
				const segments = rows[i];
				if (!segments) {
					// biome-ignore lint/suspicious/noArrayIndexKey: a screen row is its position
					return <Text key={i}>{blank}</Text>;
				}
				const used = segments.reduce((n, s) => n + stringWidth(s.text), 0);
				return (
					// biome-ignore lint/suspicious/noArrayIndexKey: a screen row is its position (the same text can repeat)
					<Text key={i} wrap="truncate-end" {...tint(theme, viewer.error ? 'red' : undefined)}>
						{segments.map((s, j) =>
							s.mark === 'none' ? (
								s.text
							) : (
								// biome-ignore lint/suspicious/noArrayIndexKey: segments of one row, in order
								<Text key={j} inverse {...(theme.color ? {backgroundColor: s.mark === 'current' ? 'yellow' : undefined} : {})} bold={s.mark === 'current'}>
									{s.text}
								</Text>
							),
						)}
						{' '.repeat(Math.max(used === 0 ? 1 : 0, page.width - used))}
					</Text>
				);
			})}
			<Text wrap="truncate-end" {...tint(theme, 'gray')}>
				{viewerStatus(viewer, page)}
			</Text>
		</Box>
	);
}

/** The hint line while the viewer is open, from its key table. */
export function viewerHints(width: number): string {
	const hints = (always: boolean) => VIEWER_KEYMAP.flatMap(b => (b.hint && (b.always ?? false) === always ? [b.hint] : []));
	const tail = hints(true).join('  ');
	let text = '';
	for (const hint of hints(false)) {
		if (text.length + 2 + hint.length + 2 + tail.length > width) break;
		text = text ? `${text}  ${hint}` : hint;
	}
	return text ? `${text}  ${tail}` : tail;
}
