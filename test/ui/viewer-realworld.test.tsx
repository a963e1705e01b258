/** @jsxRuntime automatic */
// The report of issue 10, problem 2 at 120×40, on the real ingress-nginx manifest
// (../shared/realworld/ingress-nginx-cloud-deploy.yaml, SOURCES.md #6): the palette's describe
// showed `Name: ingress-nginx-controllernginx` (the palette line under the first output line) and
// stopped at `… 7 more lines`, so the second port's TargetPort and Endpoints never showed.

import test from 'ava';
import {requireRealworld} from '../prerequisites.js';
import {KEYS, openScreen} from './helpers.js';
import {headless, terminalColumns, viewerRows, viewerStatusRow} from './viewer-frames.js';

const present = requireRealworld();
const SIZE = {width: 120, height: 40};
/** 32 text rows of 116 columns in a 36-row viewer. */
const ROWS = 32;
const COLUMNS = 116;

if (present) {
	terminalColumns(SIZE.width);

	test.serial('120×40: describe svc ingress-nginx-controller in full, nothing of the palette line under it, as --script prints it', async t => {
		const s = await openScreen('../shared/realworld/ingress-nginx-cloud-deploy.yaml', SIZE);
		try {
			const line = 'describe svc ingress-nginx-controller -n ingress-nginx';
			const expected = headless(s.model().sim, line);
			const frame = await s.press(':', ...line, KEYS.enter);
			const lines = frame.split('\n');
			t.true(
				lines.slice(1, SIZE.height - 3).every(l => [...l].length === SIZE.width),
				'every row of the viewer box is the full width',
			);
			t.false(frame.includes('controllernginx'), frame);
			t.is(lines[2], `${`│ :${line}`.padEnd(SIZE.width - 1)}│`);
			t.is(lines[3], `${'│ Name:                     ingress-nginx-controller'.padEnd(SIZE.width - 1)}│`);
			// Everything fits on one page once the one line longer than the page (the Selector) wraps.
			const long = expected.filter(l => l.length > COLUMNS);
			t.is(long.length, 1);
			t.true(long[0]?.startsWith('Selector:'));
			t.true(expected.length + 1 <= ROWS);
			const rows = viewerRows(frame);
			const at = expected.findIndex(l => l.startsWith('Selector:'));
			t.deepEqual(rows.slice(0, at), expected.slice(0, at));
			t.is(rows[at], long[0]?.slice(0, COLUMNS));
			t.is(rows[at + 1], long[0]?.slice(COLUMNS));
			t.deepEqual(rows.slice(at + 2), expected.slice(at + 1));
			// What the old overlay cut off: both ports' TargetPort and Endpoints, and the end.
			for (const fact of ['TargetPort:               http/TCP', 'TargetPort:               https/TCP', 'Events:                   <none>']) {
				t.true(rows.includes(fact), fact);
			}
			t.is(rows.filter(r => r.startsWith('Endpoints:')).length, 2);
			t.is(viewerStatusRow(frame), `lines 1-${expected.length} of ${expected.length} · wrap · live`);
			t.false(frame.includes('more lines'));
		} finally {
			s.unmount();
		}
	});
}
