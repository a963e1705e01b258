import {Box, Text} from 'ink';
import {textWidth, wrapWidth} from './text-width.js';
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
 * The tour's lines as rows of `width`: a line too long for it goes on over more rows rather than
 * losing its end. A command's `# comment` moves under the command, indented, so the command stays
 * whole on its own row (at 80 columns the comments say what to watch for).
 */
export function wrapTour(tour: ReadonlyArray<string>, width: number): string[] {
	return tour.flatMap(line => {
		if (textWidth(line) <= width) return [line];
		const margin = line.length - line.trimStart().length;
		const indent = ' '.repeat(Math.min(margin + 4, Math.floor(width / 2)));
		const comment = line.indexOf('  # ');
		const [first = '', ...rest] =
			comment > 0 && textWidth(line.slice(0, comment).trimEnd()) <= width
				? [line.slice(0, comment).trimEnd(), line.slice(comment).trim()]
				: wrapWidth(line, width);
		return [first, ...wrapWidth(rest.join(' '), width - indent.length).map(row => indent + row)];
	});
}

/**
 * The sample's "Try:" tour (view/tui/try-text.ts, lines already sanitized), on first open and
 * under `?`. `footer` says how it closes.
 */
export function TryPanel({tour, width, height, footer}: {tour: ReadonlyArray<string>; width: number; height: number; footer: string}) {
	const theme = useTheme();
	// Border and footer take three rows; a tour that does not fit says how much is left out.
	const room = Math.max(1, height - 3);
	// Border and padding take four columns.
	const {lines: shown, more} = fitTour(wrapTour(tour, Math.max(10, width - 4)), room);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: 'green'} : {})} paddingX={1}>
			{shown.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed text; two may be equal.
				<Text key={i} wrap="truncate">
					{line === '' ? ' ' : line}
				</Text>
			))}
			<Text wrap="truncate" {...tint(theme, 'gray')}>
				{more > 0 ? `… ${more} more ${more === 1 ? 'row' : 'rows'} · ${footer}` : footer}
			</Text>
		</Box>
	);
}
