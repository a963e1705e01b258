/** @jsxRuntime automatic */
// The sample's "Try:" tour on screen (issue 10, for learners): on first open in the request log's
// place, beside the panes, until the first key (which then acts as usual); and under `?`.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {listRows} from '../../source/sim/index.js';
import {startModel} from '../../source/ui/run-tui.js';
import {fitTour, wrapTour} from '../../source/ui/try-panel.js';
import {tourText} from '../../source/view/tui/try-text.js';
import {fromRoot} from '../root.js';
import {KEYS, openScreen} from './helpers.js';

const tourOf = (file: string) => tourText([{name: file, text: readFileSync(fromRoot(file), 'utf8')}]);

for (const size of [
	{width: 80, height: 24},
	{width: 120, height: 40},
]) {
	test.serial(`hello at ${size.width}×${size.height}: the tour opens where the log goes, beside the panes; the first key closes it and acts`, async t => {
		const tour = tourOf('samples/hello.yaml');
		const s = await openScreen('samples/hello.yaml', size, {tour});
		try {
			const first = s.frame();
			t.true(first.includes('Try:'), first);
			// The commands to type come first when the panel is short; the prose above them, when it fits.
			t.true(first.includes('get pods -o wide'), first);
			// Every row of the panel is a line of the tour; how much is left out is in its footer.
			t.true(first.includes('delete pod -l app=hello-node'), first);
			if (size.height >= 40) t.true(first.includes('The seed example: RC hello-node keeps 3 pods'), first);
			t.true(first.includes('the first key closes this'), first);
			t.true(first.includes('Endpoints: hello-node-svc'), 'the panes stay in view');
			t.false(first.includes('Requests (newest first)'), 'the tour takes the log’s place');
			t.is(first.split('\n').length, size.height, 'the frame is the screen');
			if (size.height >= 40) t.true(first.includes('curl 192.168.49.2:30036 --from external'), 'the whole tour fits');
			else t.regex(first, /… \d+ more rows/);
			// x closes it and deletes the pod under the cursor, as it would have anyway.
			const closed = await s.press('x');
			t.false(closed.includes('the first key closes this'), closed);
			t.true(closed.includes('Requests (newest first)'), closed);
			t.is(listRows(s.model().sim.pods).filter(p => p.deletionTimestamp !== null).length, 1);
			// `?` shows the keys and the tour again; Esc closes both.
			const help = await s.press('?');
			t.true(help.includes('Keys'), help);
			t.true(help.includes('Try:'), help);
			t.true(help.includes("from the file's opening comment"), help);
			t.is(help.split('\n').length, size.height);
			const back = await s.press(KEYS.esc);
			t.false(back.includes('Try:'), back);
		} finally {
			s.unmount();
		}
	});
}

test.serial('Esc closes the tour and does nothing else', async t => {
	const s = await openScreen('samples/hello.yaml', undefined, {tour: tourOf('samples/hello.yaml')});
	try {
		const closed = await s.press(KEYS.esc);
		t.false(closed.includes('Try:'), closed);
		t.deepEqual(s.model().record, []);
		t.is(s.model().mode.kind, 'normal');
	} finally {
		s.unmount();
	}
});

test.serial('load warnings come first: with notices in the log, the tour waits for ?', async t => {
	const s = await openScreen('samples/hello.yaml', undefined, {
		tour: tourOf('samples/hello.yaml'),
		start: state => startModel(state, ['samples/hello.yaml: warning: something to read']),
	});
	try {
		const first = s.frame();
		t.true(first.includes('warning: something to read'), first);
		t.false(first.includes('Try:'), first);
		t.true((await s.press('?')).includes('Try:'));
	} finally {
		s.unmount();
	}
});

test.serial('no tour (a file without a Try: comment): the app opens on the panes, and ? shows only the keys', async t => {
	const s = await openScreen('samples/hello.yaml', undefined, {tour: []});
	try {
		t.true(s.frame().includes('Endpoints: hello-node-svc'));
		const help = await s.press('?');
		t.false(help.includes('Try:'), help);
	} finally {
		s.unmount();
	}
});

test.serial('80×24 help: the tour starts under the keys; tab to the details, which scroll to the end; tab again to the whole tour', async t => {
	const tour = tourOf('samples/hello.yaml');
	const s = await openScreen('samples/hello.yaml', {width: 80, height: 24}, {tour});
	try {
		await s.press(' ');
		let frame = await s.press('?');
		t.true(frame.includes('Try:'), frame);
		frame = await s.press('\t');
		t.false(frame.includes('Try:'), 'the details page takes the whole middle');
		// The last key of the table (quit) comes into view by scrolling.
		for (let i = 0; i < 120 && !frame.includes('quit (the terminal is restored)'); i++) frame = await s.press('j');
		t.true(frame.includes('quit (the terminal is restored)'), frame);
		frame = await s.press('\t');
		// The tour's own page: all of it (hello's has 9 lines), every word of it: a comment that
		// does not fit beside its command goes under it.
		for (const row of wrapTour(tour, 76)) t.true(frame.includes(row.trim()), row);
		t.true(frame.includes("# new pods, new IPs; the Service's IP stays put"), frame);
	} finally {
		s.unmount();
	}
});

test('a tour too long for its rows starts at its Try: line and counts what it leaves out', t => {
	const tour = ['What this file sets up,', 'over two lines.', 'Try:', '  get svc', '  curl web', '  nslookup web'];
	t.deepEqual(fitTour(tour, 6), {lines: tour, more: 0}, 'it fits: all of it');
	t.deepEqual(fitTour(tour, 4), {lines: ['Try:', '  get svc', '  curl web', '  nslookup web'], more: 2});
	// What is left out is counted for the footer, so every row shows the tour.
	t.deepEqual(fitTour(tour, 3), {lines: ['Try:', '  get svc', '  curl web'], more: 3});
	t.deepEqual(fitTour(['no tour word', 'a', 'b'], 2), {lines: ['no tour word', 'a'], more: 1});
});

test.serial('headless at 80×24: the first frame shows the tour’s first command, not only the prose above it', async t => {
	const s = await openScreen('samples/headless.yaml', {width: 80, height: 24}, {tour: tourOf('samples/headless.yaml')});
	try {
		const first = s.frame();
		t.true(first.includes('Try:'), first);
		t.true(first.includes('nslookup nginx'), first);
	} finally {
		s.unmount();
	}
});

test('wrapTour: a comment that does not fit goes under its command, indented, whole; a line that fits stays as it is', t => {
	const tour = tourOf('samples/hello.yaml');
	const rows = wrapTour(tour, 76);
	t.true(rows.includes("  get pods -o wide                              # note each pod's IP"));
	const i = rows.indexOf('  delete pod -l app=hello-node');
	t.true(i >= 0, rows.join('\n'));
	t.is(rows[i + 1], "      # new pods, new IPs; the Service's IP stays put");
	t.true(
		rows.every(row => row.length <= 76),
		rows.join('\n'),
	);
	// Nothing is lost: the words of the tour are the words of the rows.
	const words = (lines: ReadonlyArray<string>) => lines.join(' ').split(/\s+/).filter(Boolean);
	t.deepEqual(words(rows), words(tour));
});
