// Reading the viewer off a frame, and what `--script` prints for the same command line.

import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {runScript} from '../../source/headless/run-script.js';
import type {State} from '../../source/sim/index.js';

/**
 * ink-testing-library's stdout reports 100 columns whatever the App's size, and Ink lays the root
 * out at the terminal's width (ink/build/ink.js: rootNode.setWidth(getTerminalWidth())), so a
 * frame wider than 100 comes out ragged. A screen test at 120×40 widens that stdout first (its
 * class, shared by every render in this worker process).
 */
export function terminalColumns(columns: number) {
	const probe = render(createElement(Text, null, ''));
	const proto = Object.getPrototypeOf(probe.stdout) as object;
	probe.unmount();
	Object.defineProperty(proto, 'columns', {configurable: true, get: () => columns});
}

/** What `k8s-svc-tui FILES --script` prints for `line` from `state`: stdout, then stderr (for a
 *  line that succeeds; a failing one gets the script's `FILE:LINE:` in front). */
export function headless(state: State, line: string): string[] {
	const out: string[] = [];
	runScript(state, `${line}\n`, {out: l => out.push(l), err: l => out.push(l)}, {name: 'viewer-test'});
	return out;
}

/** The viewer's text rows in a frame (`│ text │`, the padding trimmed), below its title row, up to
 *  the last that is not blank (the page below a short output is empty). */
export function viewerRows(frame: string): string[] {
	const lines = frame.split('\n');
	const title = lines.findIndex(l => l.startsWith('│ :'));
	const bottom = lines.findIndex((l, i) => i > title && l.startsWith('╰'));
	// The row above the bottom border is the status row.
	const rows = lines.slice(title + 1, bottom - 1).map(l => l.slice(2, -2).trimEnd());
	while (rows.length > 0 && rows.at(-1) === '') rows.pop();
	return rows;
}

/** The viewer's status row (position, search, wrap, live). */
export function viewerStatusRow(frame: string): string {
	const lines = frame.split('\n');
	const bottom = lines.findIndex((l, i) => i > 1 && l.startsWith('╰'));
	return (lines[bottom - 1] ?? '').slice(2, -2).trimEnd();
}
