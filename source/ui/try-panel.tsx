import {Box, Text} from 'ink';
import {tint, useTheme} from './theme.js';

/** Rows the tour takes under the help overlay: all of it, or at most half of the room. */
export function tourRows(tour: ReadonlyArray<string>, room: number): number {
	return tour.length === 0 ? 0 : Math.min(tour.length + 3, Math.floor(room / 2));
}

/**
 * The rows of a tour in `room` rows, and how many of its lines that leaves out (the footer says
 * so, so every row goes to the tour). When it does not fit, the commands to type matter more than
 * the prose above them (at 80×24 the panel has three rows): it starts at the `Try:` line.
 */
export function fitTour(tour: ReadonlyArray<string>, room: number): {lines: ReadonlyArray<string>; more: number} {
	if (tour.length <= room) return {lines: tour, more: 0};
	const start = Math.max(
		0,
		tour.findIndex(line => line.trimStart().startsWith('Try:')),
	);
	const lines = tour.slice(start, start + room);
	return {lines, more: tour.length - lines.length};
}

/**
 * The sample's "Try:" tour (view/tui/try-text.ts, lines already sanitized), on first open and
 * under `?`. `footer` says how it closes.
 */
export function TryPanel({tour, width, height, footer}: {tour: ReadonlyArray<string>; width: number; height: number; footer: string}) {
	const theme = useTheme();
	// Border and footer take three rows; a tour that does not fit says how much is left out.
	const room = Math.max(1, height - 3);
	const {lines: shown, more} = fitTour(tour, room);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: 'green'} : {})} paddingX={1}>
			{shown.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed text; two may be equal.
				<Text key={i} wrap="truncate">
					{line === '' ? ' ' : line}
				</Text>
			))}
			<Text wrap="truncate" {...tint(theme, 'gray')}>
				{more > 0 ? `… ${more} more lines · ${footer}` : footer}
			</Text>
		</Box>
	);
}
