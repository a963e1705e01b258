import {Box, Text} from 'ink';
import {fitColumns, layoutRow, visibleWindow} from './fit-columns.js';
import {clipWidth, textWidth, wrapWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

export interface PaneRow {
	cells: string[];
	color?: string;
	bold?: boolean;
	/** Text after the cells (e.g. `← replaces 10.244.0.2`). */
	note?: string;
	/** Marked in the cursor's column (`*`) when the cursor is elsewhere: a row the last apply changed. */
	mark?: boolean;
}

interface Props {
	title: string;
	focused: boolean;
	width: number;
	/** Content rows (without the border), header included. */
	height: number;
	headers: string[];
	priority: number[];
	/** Per column, the width a cell may be cut down to before columns are dropped. */
	shrinkTo?: number[];
	/** Per column, the width the column set is planned with, so it does not change with the rows. */
	nominal?: number[];
	/** Every row; or, for long lists, `count` and `row(i)`, so only the visible rows get built. */
	rows?: PaneRow[];
	count?: number;
	row?(index: number): PaneRow;
	cursor: number | null;
	/** Lines under the title, above the header (what clients connect to, warnings), wrapped
	 *  between words; at most `headRows` rows of them (the last one cut with an ellipsis). */
	head?: string | string[];
	headRows?: number;
	empty?: string;
	/** How the first column is cut: in the middle (generated names differ in their tails), or at
	 *  the end (an address, whose IP leads: `10.244.0.3:8080,…`). */
	cutFirst?: 'middle' | 'end';
}

/** How many rows from the top of a list set its column widths besides those on screen. */
const MEASURED = 200;

export function TablePane({
	title,
	focused,
	width,
	height,
	headers,
	priority,
	shrinkTo,
	nominal,
	rows,
	count,
	row,
	cursor,
	head,
	headRows,
	empty,
	cutFirst,
}: Props) {
	const theme = useTheme();
	const inner = Math.max(10, width - 2);
	const total = rows ? rows.length : (count ?? 0);
	// With no table under it the head is all the pane says (an ExternalName's CNAME): it may take every row.
	const headRoom = headers.length === 0 && total === 0 ? height : Math.min(headRows ?? 1, height);
	const headLines = wrapHead(typeof head === 'string' ? [head] : (head ?? []), inner, headRoom);
	const bodyHeight = Math.max(0, height - (headers.length > 0 ? 1 : 0) - headLines.length);
	const {start, end} = visibleWindow(total, cursor ?? 0, bodyHeight);
	// Only the rows on screen are built (a pane may list thousands).
	const rowAt = (index: number): PaneRow | undefined => (rows ? rows[index] : row?.(index));
	const visible: PaneRow[] = [];
	for (let index = start; index < end; index++) {
		const r = rowAt(index);
		if (r) visible.push(r);
	}
	// Column widths are measured over the first MEASURED rows as well as the visible ones, so they
	// do not change as the cursor scrolls a list of ordinary length (issue 10: clusterip.yaml's
	// CLUSTER-IP and PORT(S) columns jumped on every step); a longer list costs no more per frame.
	const measured = visible.map(r => r.cells);
	for (let index = 0; index < Math.min(total, MEASURED); index++) {
		if (index >= start && index < end) continue;
		const r = rowAt(index);
		if (r) measured.push(r.cells);
	}
	// One column goes to the cursor marker. A pane without headers (the request log) is one
	// column of lines.
	const fitted = fitColumns(headers.length > 0 ? headers : [''], measured, inner - 1, headers.length > 0 ? priority : [0], shrinkTo, nominal);
	const more = total > bodyHeight ? ` ${start + 1}-${end}/${total}` : '';
	// The row range outlasts the title's end when the pane is narrow.
	const label = ` ${clipWidth(title, Math.max(0, width - 6 - textWidth(more)))}${more} `;
	const border = theme.color ? {borderColor: focused ? 'cyan' : 'gray'} : {};
	return (
		<Box flexDirection="column" width={width} height={height + 2}>
			<Text wrap="truncate" {...tint(theme, focused ? 'cyan' : 'gray')}>
				{'╭─'}
				<Text bold={focused} {...tint(theme, focused ? 'cyan' : 'white')}>
					{label}
				</Text>
				{`${'─'.repeat(Math.max(0, width - 3 - textWidth(label)))}╮`}
			</Text>
			<Box flexDirection="column" width={width} height={height + 1} borderStyle="round" borderTop={false} {...border}>
				{headLines.map((line, k) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: the head's lines are positional
					<Text key={k} wrap="truncate" {...tint(theme, line.warning ? 'yellow' : 'gray')}>
						{line.text}
					</Text>
				))}
				{headers.length > 0 ? (
					<Text bold wrap="truncate">
						{` ${layoutRow(headers, fitted)}`}
					</Text>
				) : null}
				{total === 0 && empty ? (
					<Text wrap="truncate" {...tint(theme, 'gray')}>
						{empty}
					</Text>
				) : null}
				{visible.map((paneRow, k) => {
					const index = start + k;
					const selected = cursor === index;
					const line = layoutRow(paneRow.cells, fitted, headers.length > 0 && cutFirst !== 'end') + (paneRow.note ? `  ${paneRow.note}` : '');
					return (
						<Text key={index} wrap="truncate" inverse={selected && focused} bold={paneRow.bold || (selected && !focused)} {...tint(theme, paneRow.color)}>
							{(selected ? '›' : paneRow.mark ? '*' : ' ') + line}
						</Text>
					);
				})}
			</Box>
		</Box>
	);
}

/** Each head line wrapped to `width`, at most `rows` rows in all; what is left out ends in `…`. */
export function wrapHead(lines: string[], width: number, rows: number): HeadRow[] {
	// A warning (`⚠ …`, check's words) stands out in yellow over all its rows, not only its first.
	const all = lines.flatMap(line => wrapWidth(line, width).map(text => ({text, warning: line.startsWith('⚠')})));
	if (all.length <= rows) return all;
	const kept = all.slice(0, rows);
	const last = kept.pop();
	if (last === undefined) return [];
	// One ellipsis: ` …` after a line that has room for it, else the line's own cut.
	return [...kept, {...last, text: textWidth(last.text) <= width - 2 ? `${last.text} …` : clipWidth(`${last.text}…`, width)}];
}

export interface HeadRow {
	text: string;
	warning: boolean;
}
