import {Box, Text} from 'ink';
import {countRows} from '../sim/index.js';
import {clockText} from './clock-text.js';
import type {Model} from './model.js';
import {clipWidth, textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';
import {position} from './timeline.js';

// Counting a table on every frame showed up in profiles; tables change far less often (the pods
// and Services tables keep their count: sim/rows.ts).
const sizes = new WeakMap<object, number>();
function size(table: object): number {
	let n = sizes.get(table);
	if (n === undefined) {
		n = Object.keys(table).length;
		sizes.set(table, n);
	}
	return n;
}

/** The fewest columns a cut file name keeps, its ellipsis included. */
const MIN_TITLE = 8;

export function Header({model, width, title}: {model: Model; width: number; title: string}) {
	const theme = useTheme();
	const sim = model.sim;
	// Travelling (timeline.ts): where on the timeline the screen stands, until it is the newest moment again.
	const here = position(model.timeline);
	const travelling =
		here.step < here.steps || here.branches > 1 ? `⏪ ${here.step}/${here.steps}${here.branches > 1 ? ` branch ${here.branch}/${here.branches}` : ''} · ` : '';
	const clock = `${travelling}${model.paused ? '⏸ paused' : '▶ running'} ${model.speed}× · t=${clockText(sim.clock)}`;
	// The clock always shows; the left part gives way, the app's own name first (it says nothing
	// about the cluster), then the counts take kubectl's short names (`no`, `svc`, `po`), then a
	// long file name is cut, then the proxy mode goes, before a count is cut.
	const [nodes, services, pods] = [size(sim.nodes), countRows(sim.services), countRows(sim.pods)];
	const proxy = sim.config.proxyMode;
	const counts = `${nodes} nodes · ${services} services · ${pods} pods · ${proxy}`;
	const short = `${nodes} no · ${services} svc · ${pods} po`;
	// Display widths: a file or Service name in Hangul takes two columns a character.
	const room = Math.max(0, width - textWidth(clock) - 1);
	const tail = ` · ${short} · ${proxy}`;
	// A cut file name keeps enough to be told apart (`ingress-ngi…`).
	const titleRoom = room - textWidth(tail);
	const fits = [
		`k8s-svc-tui · ${title} · ${counts}`,
		`${title} · ${counts}`,
		`${title}${tail}`,
		...(titleRoom >= MIN_TITLE ? [`${clipWidth(title, titleRoom)}${tail}`] : []),
		`${title} · ${short}`,
	];
	const left = fits.find(text => textWidth(text) <= room) ?? clipWidth(fits.at(-1) ?? '', room);
	const gap = Math.max(1, width - textWidth(left) - textWidth(clock));
	return (
		<Box width={width}>
			<Text wrap="truncate">
				<Text bold {...tint(theme, 'cyan')}>
					{left}
				</Text>
				{' '.repeat(gap)}
				<Text {...tint(theme, model.paused ? 'yellow' : 'green')}>{clock}</Text>
			</Text>
		</Box>
	);
}
