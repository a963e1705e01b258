import {logLines} from './log-lines.js';
import type {Model} from './model.js';
import {TablePane} from './table-pane.js';

export function RequestLog({model, width, height}: {model: Model; width: number; height: number}) {
	const lines = logLines(model.log, width - 3);
	const focused = model.focus === 'log';
	return (
		<TablePane
			title="Requests (newest first)"
			focused={focused}
			width={width}
			height={height}
			headers={[]}
			priority={[0]}
			rows={lines.map(l => ({cells: [l.text], ...(l.color ? {color: l.color} : {})}))}
			cursor={focused ? model.cursor.log : null}
			empty="r: one request · b: burst of 100 · n: DNS lookup · f: choose who sends"
		/>
	);
}
