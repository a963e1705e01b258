// Every sample's "Try:" tour, typed into the real binary in tmux at 80×24 and at 120×40, the way
// a learner follows it (issue 10, "Done when"). Each line goes through the palette; the viewer
// must show what `--script` prints for the same line at the same virtual time, every line and
// every character of it (wherever it wraps), so the screen says what the API objects say. The clock is
// paused first and the headless run waits as long as the TUI ran, so ages, pod states and the
// seeded choices agree.

import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import {clipWidth} from '../../source/ui/text-width.js';
import {fromRoot} from '../root.js';
import {CLI, ROOT, shellQuote, skipWithoutTmux, type Terminal, terminal, tmux} from './tmux.js';

const SAMPLES = readdirSync(fromRoot('samples/'))
	.filter(f => f.endsWith('.yaml'))
	.sort();

/** The commands of a sample's leading `# Try:` comment, without their trailing `# …` remarks. */
function tourOf(file: string): string[] {
	const lines = readFileSync(fromRoot(`samples/${file}`), 'utf8').split('\n');
	const start = lines.findIndex(l => /^# Try:\s*$/.test(l));
	if (start < 0) return [];
	const tour: string[] = [];
	for (const line of lines.slice(start + 1)) {
		const m = /^#\s{2,}(\S.*)$/.exec(line);
		if (!m?.[1]) break;
		tour.push(m[1].replace(/\s+#.*$/, '').trim());
	}
	return tour;
}

/**
 * `--script` with `--echo`: what each command printed, stdout first, then kubectl's warnings
 * (stderr, each line `Warning: …`), as the viewer shows them. Both streams go to one pipe so a
 * line stays with its command (writes to a pipe are synchronous in Node on Linux).
 */
function headless(file: string, script: string[]): string[][] {
	const args = [process.execPath, CLI, `samples/${file}`, '--script', '-', '--echo'].map(shellQuote).join(' ');
	const run = spawnSync('sh', ['-c', `${args} 2>&1`], {cwd: ROOT, input: `${script.join('\n')}\n`, encoding: 'utf8'});
	if (run.status !== 0) throw new Error(`--script failed (${run.status}):\n${run.stdout}`);
	const outputs: string[][] = [];
	for (const line of run.stdout.replace(/\n$/, '').split('\n')) {
		if (line.startsWith('$ ')) outputs.push([]);
		else outputs.at(-1)?.push(line);
	}
	// Warnings come first, in the terminal and in the viewer alike (run-script.ts, ui/model.ts).
	return outputs;
}

/** The first nodePort of a NodePort Service, for the tour line that says to look it up. */
function nodePortOf(file: string): string {
	const [out] = headless(file, [`get svc -A -o jsonpath='{.items[?(@.spec.type=="NodePort")].spec.ports[0].nodePort}'`]);
	return (out?.[0] ?? '').split(' ')[0] ?? '';
}

/** A tab as the viewer draws it: spaces to the next multiple of 8 columns (nslookup prints BIND's tabs). */
function expandTabs(line: string): string {
	let out = '';
	for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
	return out;
}

/** The text without its spaces: what the viewer shows does not depend on where it wraps. */
const unspaced = (lines: string[]) => lines.map(expandTabs).join('').replace(/\s+/g, '');

/** The row above the hint line: where the app answers a command. */
function statusRow(screen: string): string {
	const rows = screen.replace(/\n+$/, '').split('\n');
	return (rows.at(-2) ?? '').trimEnd();
}

/** The viewer's text rows: between its title row (`│ :command`) and its status row (`│ lines a-b of n`). */
function viewerRows(screen: string): string[] {
	const rows = screen.split('\n');
	const top = rows.findIndex(r => /^│ :/.test(r));
	const bottom = rows.findIndex(r => /^│ lines \d+-\d+ of \d+/.test(r));
	return rows.slice(top + 1, bottom).map(r => r.replace(/^│ /, '').replace(/ ?│$/, '').trimEnd());
}

const SIZES = [
	{width: 80, height: 24},
	{width: 120, height: 40},
];

async function openPaused(term: Terminal, file: string, width: number): Promise<number> {
	await term.waitFor('the Services pane', s => s.includes('Services (') && s.split('\n')[1]?.length === width, 20_000);
	// The sample's Try panel, where the app shows one on first open: put it away first.
	const first = tourOf(file)[0] ?? '';
	if (term.screen().includes(first)) {
		term.keys('Escape');
		await term.waitFor('the Try panel gone', s => !s.includes(first));
	}
	term.keys('Space');
	const paused = await term.waitFor('the clock paused', s => s.includes('paused'));
	const m = /t=(\d+):(\d+)\.(\d)/.exec(paused);
	if (!m) throw new Error(`no clock on the screen:\n${paused}`);
	return (Number(m[1]) * 60 + Number(m[2])) * 1000 + Number(m[3]) * 100;
}

for (const file of SAMPLES) {
	const tour = tourOf(file);
	if (tour.length === 0) continue;
	// One at a time: the other terminal tests wait on screens too, and nine TUIs at once on two
	// cores would make their waits time out.
	test.serial(`${file}: its Try tour at 80×24 and 120×40 shows, line by line, what --script prints`, async t => {
		if (skipWithoutTmux(t)) return;
		const nodePort = tour.some(l => l.includes('NODEPORT')) ? nodePortOf(file) : '';
		const lines = tour.map(l => l.replace('NODEPORT', nodePort));
		for (const {width, height} of SIZES) {
			const term = terminal(t, `node dist/cli.js samples/${file}`);
			tmux('resize-window', '-t', term.name, '-x', String(width), '-y', String(height));
			const at = await openPaused(term, file, width);
			const expected = headless(file, [`wait ${at}ms`, ...lines]).slice(1);
			for (const [i, line] of lines.entries()) {
				term.keys(':');
				await term.waitFor('the palette', s => s.split('\n').some(r => r.startsWith(':')));
				tmux('send-keys', '-t', term.name, '-l', line);
				term.keys('Enter');
				const title = `│ :${line}`.slice(0, width - 2);
				const output = expected[i] ?? [];
				// What the app says on its status line for a command that changes things (delete,
				// scale, wait): the lines --script prints, joined, as far as the row goes (cut with an ellipsis).
				const said = clipWidth(output.join('; '), width);
				const viewing = (s: string) => s.includes(title) && /^│ lines \d+-\d+ of \d+/m.test(s);
				const screen = await term.waitFor(`the answer to "${line}"`, s => viewing(s) || statusRow(s) === said);
				if (!viewing(screen)) {
					t.is(statusRow(screen), said, `${width}×${height} "${line}"\n${screen}`);
					continue;
				}
				// Every character the output has, in order, wherever the viewer wraps its lines (it
				// breaks between words): all of it when the status row says it all fits, else its start.
				const shown = unspaced(viewerRows(screen));
				const whole = unspaced(output);
				const all = new RegExp(`^│ lines 1-${output.length} of ${output.length} `, 'm').test(screen);
				t.true(all ? shown === whole : shown.length > 0 && whole.startsWith(shown), `${width}×${height} "${line}"\n${screen}`);
				// Each line of the output starts a row of its own.
				const starts = new Set(viewerRows(screen).map(r => r.trim().split(/\s+/)[0]));
				for (const out of all ? output : []) {
					const first = expandTabs(out).trim().split(/\s+/)[0];
					if (first) t.true(starts.has(first), `${width}×${height} "${line}": a row starts with ${first}\n${screen}`);
				}
				term.keys('Escape');
				await term.waitFor('the main screen', s => s.includes('Services ('));
			}
			term.keys('q');
			t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
		}
	});
}
