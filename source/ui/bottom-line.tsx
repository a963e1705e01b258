import {Text} from 'ink';
import {getRow} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {lineAt} from './line-editor.js';
import type {Model} from './model.js';
import {clipWidth, textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * A line being typed, split around its cursor for drawing: what is before it, the character under
 * it ('' at the end, where a block is drawn) and what follows. When the line is wider than `room`,
 * the start is cut (marked `…`) so the cursor stays in view, by display width (text-width.ts).
 */
export function cursorParts(text: string, cursor: number | undefined, room: number): {before: string; at: string; after: string} {
	const line = lineAt(text, cursor);
	let before = sanitize(line.text.slice(0, line.cursor));
	const rest = line.text.slice(line.cursor);
	const [first] = segmenter.segment(rest);
	const at = first ? sanitize(first.segment) : '';
	const after = sanitize(rest.slice(first?.segment.length ?? 0));
	// The cursor's cell counts as one column at the end.
	const need = () => textWidth(before) + Math.max(1, textWidth(at));
	if (need() > room) {
		const graphemes = [...segmenter.segment(before)].map(s => s.segment);
		while (graphemes.length > 0 && textWidth(`…${graphemes.join('')}`) + Math.max(1, textWidth(at)) > room) graphemes.shift();
		before = `…${graphemes.join('')}`;
	}
	return {before, at, after};
}

/** The line with its cursor: the character under it drawn inverse, or a block at the end. */
function Edited({text, cursor, room, inverse = false}: {text: string; cursor: number | undefined; room: number; inverse?: boolean}) {
	const {before, at, after} = cursorParts(text, cursor, room);
	if (inverse) return <Text inverse>{before + at + after}</Text>;
	return (
		<>
			{before}
			{at ? <Text inverse>{at}</Text> : '█'}
			{after}
		</>
	);
}

/** The palette, filter or prompt being typed; otherwise the last command's answer. */
export function BottomLine({model, width}: {model: Model; width: number}) {
	const theme = useTheme();
	const mode = model.mode;
	if (model.working !== undefined) {
		return (
			<Text wrap="truncate" {...tint(theme, 'yellow')}>
				{sanitize(model.working)}
			</Text>
		);
	}
	if (mode.kind === 'palette' || mode.kind === 'filter') {
		return (
			<Text wrap="truncate">
				{mode.kind === 'palette' ? ':' : '/'}
				<Edited text={mode.text} cursor={mode.cursor} room={width - 1} />
			</Text>
		);
	}
	if (mode.kind === 'prompt') {
		// The prompt reads as the very command Enter runs (model.ts promptLine), the cursor where
		// the typed part goes. A selected preset is drawn inverse and said to be replaced.
		const [before, after] =
			mode.purpose === 'scale'
				? [`scale ${mode.workload} --replicas=`, ` -n ${mode.namespace}`]
				: [`label pod ${mode.pod} -n ${mode.namespace} `, ' --overwrite'];
		const pod = mode.purpose === 'label' ? getRow(model.sim.pods, `${mode.namespace}/${mode.pod}`) : undefined;
		const labels = pod ? Object.entries(pod.labels).map(([k, v]) => `${k}=${v}`) : [];
		const help = mode.selected
			? 'type a number to replace it; Enter runs, Esc cancels'
			: mode.purpose === 'label'
				? `now: ${labels.join(' ') || '<none>'}; key=value sets, key- removes; Enter runs, Esc cancels`
				: 'Enter runs, Esc cancels';
		return (
			<Text wrap="truncate">
				{sanitize(before)}
				{mode.selected ? (
					<>
						<Text inverse>{sanitize(mode.text)}</Text>█
					</>
				) : (
					<Edited text={mode.text} cursor={mode.cursor} room={Math.max(1, width - textWidth(before))} />
				)}
				{`${sanitize(after)}  (${sanitize(help)})`}
			</Text>
		);
	}
	if (mode.kind === 'confirm') {
		return (
			<Text wrap="truncate" {...tint(theme, 'yellow')}>
				<Text bold>{sanitize(mode.question)}</Text>
				{`  y/Enter yes · n/Esc no  [${sanitize(mode.line)}]`}
			</Text>
		);
	}
	if (!model.status) return <Text> </Text>;
	return (
		<Text wrap="truncate" {...tint(theme, model.status.error ? 'red' : 'gray')}>
			{/* Cut by display width, with an ellipsis, so a cut answer says it is cut. */}
			{clipWidth(sanitize(model.status.text), width)}
		</Text>
	);
}

/** What Tab found, above the palette (as a shell lists possible completions), as many as fit. */
export function completionsText(completions: {shown: readonly string[]; total: number}, width: number): string {
	let text = '';
	for (const [i, word] of completions.shown.entries()) {
		const item = sanitize(word);
		const left = completions.total - i - 1;
		const more = left > 0 ? `  … ${left} more` : '';
		const next = text ? `${text}  ${item}` : item;
		if (textWidth(next + more) > width) {
			return `${text}  … ${completions.total - i} more`.trimStart();
		}
		text = next;
	}
	// More matched than were kept (complete.ts bounds the list).
	return completions.total > completions.shown.length ? `${text}  … ${completions.total - completions.shown.length} more` : text;
}

export function CompletionsLine({completions, width}: {completions: {shown: readonly string[]; total: number}; width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate" {...tint(theme, 'gray')}>
			{completionsText(completions, width)}
		</Text>
	);
}
