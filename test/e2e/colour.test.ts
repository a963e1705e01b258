// Colour, where it is made: the TUI draws with Ink (chalk) and the theme (ui/theme.tsx), so the
// real binary runs in tmux and the screen's escape codes are read back (capture-pane -e) under
// --no-color, NO_COLOR, FORCE_COLOR and TERM=dumb (source/cli/colour.ts has the order). Headless
// output (--script, samples, --help) is never coloured, even when FORCE_COLOR asks. With no file
// the TUI opens the seed example and its header says so.

import {spawnSync} from 'node:child_process';
import test from 'ava';
import {CLI, ROOT, skipWithoutTmux, terminal} from './tmux.js';

/** SGR parameter lists on the screen. */
const sgr = (screen: string): number[][] =>
	// biome-ignore lint/suspicious/noControlCharactersInRegex: reading ESC-introduced SGR sequences is the point
	[...screen.matchAll(/\x1b\[([0-9;:]*)m/g)].map(([, params]) => (params ?? '').split(/[;:]/).map(Number));
/** Foreground or background colours (39/49, back to the default, are not). */
const colours = (screen: string) =>
	sgr(screen).filter(codes => codes.some(c => (c >= 30 && c <= 38) || (c >= 40 && c <= 48) || (c >= 90 && c <= 97) || (c >= 100 && c <= 107)));
/** Bold (1) or inverse (7): the selected row and the header. */
const attributes = (screen: string) => sgr(screen).filter(codes => codes.includes(1) || codes.includes(7));

const started = (s: string) => s.includes('Services (all namespaces)') && /hello-node-[a-z0-9]{5}/.test(s) && /ClusterIP \S+ unchanged/.test(s);

/** The first screen of `env … node dist/cli.js ARGS` in tmux (whose TERM is tmux's own), with escapes. */
async function firstScreen(t: Parameters<typeof terminal>[0], env: string, args = ''): Promise<string> {
	const term = terminal(t, `env -u NO_COLOR -u FORCE_COLOR ${env} node dist/cli.js ${args}`);
	await term.waitFor('the first screen', started);
	const screen = term.screen({escapes: true});
	term.keys('q');
	await term.waitFor('the exit code', s => s.includes('EXITED=0'), 5000);
	return screen;
}

test.serial('no file: the seed example opens, and the header says so; colour by default', async t => {
	if (skipWithoutTmux(t)) return;
	const screen = await firstScreen(t, '');
	// biome-ignore lint/suspicious/noControlCharactersInRegex: the header without its escapes
	const header = (screen.split('\n')[0] ?? '').replace(/\x1b\[[0-9;:]*m/g, '');
	// At 100 columns the app's own name gives way first, then the counts take their short names
	// (header.tsx), before anything of the clock goes.
	t.regex(
		header,
		/^(k8s-svc-tui · )?sample hello\.yaml \(no file given\) · 3 (nodes|no) · .* ▶ running 1× · t=/,
		'the header gives way before the clock at 100 columns',
	);
	t.true(colours(screen).length > 0, 'coloured: the checks below can fail');
});

for (const [env, args, what] of [
	['', '--no-color', '--no-color'],
	['NO_COLOR=1', '', 'NO_COLOR=1'],
	['NO_COLOR=1 FORCE_COLOR=3', '--no-color', 'the flag over FORCE_COLOR'],
] as const) {
	test.serial(`${what}: no colour, bold and inverse kept (they mark the cursor row)`, async t => {
		if (skipWithoutTmux(t)) return;
		const screen = await firstScreen(t, env, `samples/hello.yaml ${args}`);
		t.deepEqual(colours(screen), []);
		t.true(attributes(screen).length > 0);
	});
}

for (const env of ['TERM=dumb', 'FORCE_COLOR=0']) {
	test.serial(`${env}: plain text, no escape for colour or attributes`, async t => {
		if (skipWithoutTmux(t)) return;
		const screen = await firstScreen(t, env, 'samples/hello.yaml');
		t.deepEqual(colours(screen), []);
		t.deepEqual(attributes(screen), []);
	});
}

for (const env of ['NO_COLOR=1 FORCE_COLOR=1', 'TERM=dumb FORCE_COLOR=1']) {
	test.serial(`${env}: FORCE_COLOR wins, colour`, async t => {
		if (skipWithoutTmux(t)) return;
		const screen = await firstScreen(t, env, 'samples/hello.yaml');
		t.true(colours(screen).length > 0);
	});
}

test('output that is not a terminal is plain, whatever FORCE_COLOR says', t => {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: any escape at all
	const ESC = /\x1b/;
	for (const args of [['--sample', 'hello', '--script', '-'], ['samples'], ['--help'], ['test', '--help'], ['check', '--sample', 'hello']]) {
		const ran = spawnSync(process.execPath, [CLI, ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			input: 'get pods\ndescribe svc hello-node-svc\n',
			env: {...process.env, FORCE_COLOR: '3', NO_COLOR: ''},
		});
		t.is(ran.status, 0, ran.stderr);
		t.notRegex(ran.stdout + ran.stderr, ESC, args.join(' '));
		t.not(ran.stdout + ran.stderr, '');
	}
});
