// The real binary in a real terminal (tmux): keys in, screen out. It starts on the alternate
// screen, a killed pod is replaced while the ClusterIP stays put, `q` exits 0 and gives the
// terminal back; `--record` writes a script `--script` replays; NO_COLOR turns colour off.
// Skipped (with a log line) where tmux is not installed.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {CLI, ROOT, shellQuote, skipWithoutTmux, sleep, terminal, tmux} from './tmux.js';

/** The whole first screen is drawn: a frame read mid-draw can lack the stability line at the bottom. */
const started = (s: string) =>
	s.includes('Services (all namespaces)') && s.includes('hello-node-svc') && /hello-node-[a-z0-9]{5}/.test(s) && /ClusterIP \S+ unchanged/.test(s);
const clusterIP = (s: string) => /ClusterIP (\d+\.\d+\.\d+\.\d+) unchanged/.exec(s)?.[1];
const podNames = (s: string) => new Set(s.match(/\bhello-node-[a-z0-9]{5}\b/g) ?? []);

/** SGR sequences that set a foreground or background colour (39/49, back to the default, are not). */
function colourEscapes(text: string): string[] {
	const found: string[] = [];
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding ESC-introduced SGR sequences is the point
	for (const [sequence, params] of text.matchAll(/\x1b\[([0-9;:]*)m/g)) {
		const codes = params!.split(/[;:]/).map(Number);
		if (codes.some(c => (c >= 30 && c <= 38) || (c >= 40 && c <= 48) || (c >= 90 && c <= 97) || (c >= 100 && c <= 107))) found.push(JSON.stringify(sequence));
	}
	return found;
}

test.serial('hello in a real terminal: kill a pod, the replacement runs, the ClusterIP stays; q exits 0 and restores the terminal', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	const first = await term.waitFor('the Services pane', started);
	t.is(term.display('#{alternate_on}'), '1', 'full screen on the alternate screen');
	const ip = clusterIP(first);
	t.regex(ip ?? '', /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/, 'a ClusterIP from 10.96.0.0/12 (docs/semantics.md B1)');
	const before = podNames(first);
	t.is(before.size, 3);
	const victim = /›(hello-node-[a-z0-9]{5})\b/.exec(first)?.[1];
	t.truthy(victim, 'the Pods pane has a pod under its cursor');

	term.keys('x');
	const killed = await term.waitFor('Terminating', s => s.includes('Terminating'), 5000);
	t.true(killed.includes(`pod "${victim}" deleted`));
	t.regex(killed, new RegExp(`${victim!.slice(-5)}\\s+(?:\\d+/\\d+\\s+)?Terminating`));

	// C1: a new pod with a new name reaches Running (start delay plus readiness, on the real clock).
	// The whole frame: read mid-draw, a screen can lack the stability line at the bottom.
	const replaced = await term.waitFor(
		'a new pod Running',
		s => [...s.matchAll(/\b(hello-node-[a-z0-9]{5})\s+(?:\d+\/\d+\s+)?Running/g)].some(m => !before.has(m[1]!)) && clusterIP(s) !== undefined,
		15_000,
	);
	t.true(replaced.includes('3/3 ready'));
	t.is(clusterIP(replaced), ip, 'the ClusterIP text is unchanged');

	term.keys('q');
	const after = await term.waitFor('the exit code', s => s.includes('EXITED='), 5000);
	t.regex(after, /^EXITED=0$/m);
	t.false(after.includes('Services (all namespaces)'), 'the TUI is gone from the screen');
	// Back on the normal screen, with the cursor shown again.
	t.is(term.display('#{alternate_on} #{cursor_flag}'), '0 1');
});

test.serial('--record writes the session as a script that --script replays', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-record-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'session.txt');
	const term = terminal(t, `node dist/cli.js samples/hello.yaml --record ${shellQuote(file)}`);
	const first = await term.waitFor('the Services pane', started);
	const victim = /›(hello-node-[a-z0-9]{5})\b/.exec(first)![1]!;

	term.keys('x');
	await term.waitFor('Terminating', s => s.includes('Terminating'), 5000);
	await sleep(300);
	term.keys('b');
	await term.waitFor('the burst', s => s.includes('×100:'), 5000);
	term.keys(':');
	await term.waitFor('the palette', s => /^:█/m.test(s), 5000);
	term.keys('scale rc hello-node --replicas=4', 'Enter');
	await term.waitFor('the scale', s => s.includes('replicationcontroller/hello-node scaled'), 5000);
	term.keys('q');
	const after = await term.waitFor('the exit code', s => s.includes('EXITED='), 5000);
	t.regex(after, /^EXITED=0$/m);

	const script = readFileSync(file, 'utf8');
	const lines = script.trimEnd().split('\n');
	t.deepEqual(lines.slice(0, 2), ['# k8s-svc-tui session; replay it with:', '#   k8s-svc-tui samples/hello.yaml --seed 1 --script THIS_FILE']);
	const commands = lines.slice(2).filter(l => !l.startsWith('wait '));
	t.deepEqual(commands, [`delete pod ${victim} -n default`, 'curl hello-node-svc.default:80 --count 100', 'scale rc hello-node --replicas=4']);
	t.true(
		lines.slice(2).every(l => commands.includes(l) || /^wait \d+ms$/.test(l)),
		script,
	);

	const replay = spawnSync(process.execPath, [CLI, 'samples/hello.yaml', '--script', file], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '1'},
	});
	t.is(replay.status, 0, replay.stderr);
	t.is(replay.stderr, '');
	const out = replay.stdout.split('\n');
	t.is(out[0], `pod "${victim}" deleted`);
	t.true(out.includes('replicationcontroller/hello-node scaled'));
});

test.serial('NO_COLOR=1: no colour escape sequences on the screen (colour otherwise)', async t => {
	if (skipWithoutTmux(t)) return;
	const plain = terminal(t, `NO_COLOR=1 node dist/cli.js samples/hello.yaml`);
	await plain.waitFor('the Services pane', started);
	plain.keys('x');
	await plain.waitFor('Terminating', s => s.includes('Terminating'), 5000);
	const escaped = plain.screen({escapes: true});
	t.true(escaped.includes('Terminating'));
	t.deepEqual(colourEscapes(escaped), []);
	plain.keys('q');
	t.regex(await plain.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);

	// The same screen with colour allowed does have colour: the check above can fail.
	const coloured = terminal(t, `env -u NO_COLOR node dist/cli.js samples/hello.yaml`);
	await coloured.waitFor('the Services pane', started);
	t.true(colourEscapes(coloured.screen({escapes: true})).length > 0);
	coloured.keys('q');
	await coloured.waitFor('the exit code', s => s.includes('EXITED='), 5000);
});

// Esc then a key, sent as one chunk the way ssh and tmux deliver a fast pair (issue 10, problem
// 5): `send-keys -l` writes the bytes at once, so the app reads ESC k as one event.

/** The row of the Services pane under the cursor names this Service. */
const servicesCursorOn = (s: string, namespace: string, name: string) => new RegExp(`│›${namespace}\\s+${name}\\s`).test(s);
const bottomLines = (s: string) => s.trimEnd().split('\n').slice(-3).join('\n');

test.serial('Esc+key in one chunk is Esc, then the key: filter, palette, help, main screen', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	await term.waitFor('the Services pane', started);
	const chunk = (text: string) => tmux('send-keys', '-t', term.name, '-l', text);

	term.keys('/', 'd', 'n', 's');
	await term.waitFor('the filter', s => /^\/dns█/m.test(s) && servicesCursorOn(s, 'kube-system', 'kube-dns'));
	chunk('\u001Bk');
	await term.waitFor('Esc (filter cleared, closed), then k (up to kubernetes)', s => !/^\/dns/m.test(s) && servicesCursorOn(s, 'default', 'kubernetes'));

	term.keys(':', 'g');
	await term.waitFor('the palette', s => /^:g█/m.test(s));
	chunk('\u001Bj');
	await term.waitFor('Esc (palette closed), then j (down to kube-dns)', s => !/^:g/m.test(s) && servicesCursorOn(s, 'kube-system', 'kube-dns'));

	term.keys('?');
	await term.waitFor('help', s => s.includes('Keys —'));
	chunk('\u001Bk');
	await term.waitFor('Esc (help closed), then k', s => !s.includes('Keys —') && servicesCursorOn(s, 'default', 'kubernetes'));

	// On the main screen Esc clears a kept filter before the key acts.
	term.keys('/', 'd', 'n', 's', 'Enter');
	await term.waitFor('the filter kept', s => !/^\/dns/m.test(s) && !/\skubernetes\s/.test(s) && servicesCursorOn(s, 'kube-system', 'kube-dns'));
	chunk('\u001Bk');
	const after = await term.waitFor('Esc (filter cleared), then k', s => servicesCursorOn(s, 'default', 'kubernetes'));
	t.true(after.includes('hello-node-svc'), 'every Service is listed again');
	t.false(bottomLines(after).includes('█'), 'no line editor is open');

	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
});

test.serial(
	'resource views in a real terminal: :deploy, Enter down to pods, shift-I sorts, ctrl-d asks and y deletes the row under the cursor, Esc+: in one chunk',
	async t => {
		if (skipWithoutTmux(t)) return;
		const term = terminal(t, `node dist/cli.js samples/clusterip.yaml`);
		await term.waitFor('the Services pane', s => s.includes('Services (all namespaces)') && /web\s+ClusterIP/.test(s));
		const chunk = (text: string) => tmux('send-keys', '-t', term.name, '-l', text);
		term.keys('Space', ':', 'd', 'e', 'p', 'l', 'o', 'y', 'Enter');
		await term.waitFor('the Deployments view', s => s.includes('services › deployments · Deployment(all)'));
		// Down Enter Enter sent at once: web, its ReplicaSet, that ReplicaSet's pods.
		chunk('j\r\r');
		const pods = await term.waitFor('web’s pods', s => /services › deployments › web › web-[a-z0-9]+ · Pod\(default\)\[2\]/.test(s));
		const rows = [...pods.matchAll(/^│([› ])(web-[a-z0-9]+-[a-z0-9]{5})\s.*?(\d+\.\d+\.\d+\.\d+)/gm)];
		t.is(rows.length, 2, pods);
		chunk('II');
		const sorted = await term.waitFor('sorted by IP, descending', s => s.includes('IP↓'));
		const order = [...sorted.matchAll(/^│[› ](web-[a-z0-9]+-[a-z0-9]{5})\s.*?(\d+\.\d+\.\d+\.\d+)/gm)].map(m => m[2]!);
		const value = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
		t.true(value(order[0]!) > value(order[1]!), `${order.join(' > ')}`);
		const victim = /^│›(web-[a-z0-9]+-[a-z0-9]{5})/m.exec(sorted)?.[1];
		t.truthy(victim, sorted);
		term.keys('C-d');
		await term.waitFor('the question', s => s.includes(`Delete pod default/${victim}?`));
		term.keys('y');
		const deleted = await term.waitFor('the delete', s => s.includes(`pod "${victim}" deleted`));
		t.regex(deleted, new RegExp(`${victim}\\s.*Terminating`));
		// Esc and : in one chunk: back to the ReplicaSet, then the palette opens.
		chunk('\u001B:');
		const back = await term.waitFor('back one view, palette open', s => /^:█/m.test(s) && s.includes('ReplicaSet(default)'));
		t.false(back.includes('Pod(default)'));
		term.keys('s', 'v', 'c', 'Enter');
		await term.waitFor('home', s => s.includes('Services (all namespaces)'));
		term.keys('q');
		t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
	},
);

test.serial('the f chooser takes Down Down Enter sent at once, and its closing Enter stays in it', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	await term.waitFor('the Services pane', started);
	const chunk = (text: string) => tmux('send-keys', '-t', term.name, '-l', text);

	term.keys('f');
	await term.waitFor('the client chooser', s => s.includes('Who sends the requests?'));
	chunk('\u001B[B\u001B[B\r');
	await term.waitFor('the address step', s => s.includes('Address hello-node-svc by…'));
	chunk('\u001B[B\r');
	await term.waitFor('the chooser closed', s => !s.includes('Address hello-node-svc by…') && s.includes('Endpoints: hello-node-svc'));
	// Focus is still on Services (a leaked Enter would have moved it to Pods): Tab goes to Endpoints,
	// whose cursor is drawn only while it has the focus.
	term.keys('Tab');
	await term.waitFor('the Endpoints cursor', s => /│›10\.244\.\d+\.\d+:8080/.test(s));
	term.keys('r');
	// The third client (node/node-1) at the second address (the ClusterIP).
	const fired = await term.waitFor('the request', s => s.includes('node/node-1 → 10.108.246.108:80'));
	t.true(fired.includes('node/node-1 → 10.108.246.108:80'));

	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
});

// Keys act on the row under the focused cursor (issue 10, problem 1).

test.serial('x on an Endpoints row deletes the pod of that row, and the log names it', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	await term.waitFor('the Services pane', started);
	term.keys('Tab', 'Down', 'Down');
	const moved = await term.waitFor('the Endpoints cursor on the third row', s => /│›10\.244\.2\.\d+:8080/.test(s));
	// Pods are told apart by IP and by the end of their names (a narrow NAME column is cut in the
	// middle): the endpoint's pod is the one the Pods pane lists with the row's IP.
	const ip = /│›(10\.244\.\d+\.\d+):8080/.exec(moved)?.[1] ?? '';
	// READY (`1/1`) stands between the name and the status where the pane has room for it.
	const podRow = (s: string, what: string) =>
		new RegExp(`││[ ›]hello-\\S*([a-z0-9]{5})\\s+(?:\\d+/\\d+\\s+)?${what}\\s+${ip.replace(/\./g, '\\.')}`).exec(s)?.[1];
	const suffix = podRow(moved, 'Running');
	const podsPaneCursor = /││›hello-\S*([a-z0-9]{5})\s+(?:\d+\/\d+\s+)?Running\s+(\S+)/.exec(moved);
	t.truthy(suffix, moved);
	t.not(podsPaneCursor?.[2], ip, 'the Pods pane highlights another pod');
	term.keys('x');
	const killed = await term.waitFor('the deletion', s => /pod "hello-node-[a-z0-9]{5}" deleted/.test(s));
	t.is(/pod "hello-node-([a-z0-9]{5})" deleted/.exec(killed)?.[1], suffix, 'the log names the endpoint’s pod');
	t.is(podRow(killed, 'Terminating'), suffix, 'and that pod is the one terminating');
	t.regex(
		killed,
		new RegExp(`${podsPaneCursor?.[1]}\\s+(?:\\d+/\\d+\\s+)?Running\\s+${podsPaneCursor?.[2]?.replace(/\./g, '\\.')}`),
		'the Pods pane’s pod runs on',
	);

	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
});

// Issue 10, problem 4: load warnings show in the TUI (its request log). Written to stderr they
// would land on the normal screen behind the alternate one, unseen until quit.
test.serial('load warnings open the request log in the TUI; nothing is written behind the alternate screen', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-warn-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const manifest = join(dir, 'svc.yaml');
	writeFileSync(
		manifest,
		'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetport: 8080\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
	);
	const stderr = join(dir, 'stderr.txt');
	const term = terminal(t, `node dist/cli.js --validate=warn ${shellQuote(manifest)} 2>${shellQuote(stderr)}`);
	const first = await term.waitFor('the warning in the log', s => s.includes('Requests (newest first)') && s.includes('unknown field'));
	t.regex(first, /│ 00:00\.0 \S*svc\.yaml:10:7: warning: unknown field/);
	t.truthy(
		first.split('\n').find(l => l.includes('skipped:') && l.includes('ConfigMap')),
		first,
	);
	term.keys('q');
	const after = await term.waitFor('the exit code', s => s.includes('EXITED='), 5000);
	t.regex(after, /^EXITED=0$/m);
	// (Ink shows the cursor again on stderr: an escape sequence, no text.)
	const written = readFileSync(stderr, 'utf8');
	t.false(/warning|skipped/.test(written), `stderr: ${JSON.stringify(written)}`);
});

// Issue 10, problem 2: palette output opens in a full-pane viewer that scrolls and searches. At
// 80×24 `get svc hello-node-svc -o yaml` used to show `apiVersion: v1-node-svc -o yaml`.
test.serial('80×24: palette output opens in the viewer; PgDn scrolls, / searches, n goes round, Esc goes back', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	tmux('resize-window', '-t', term.name, '-x', '80', '-y', '24');
	await term.waitFor('the Services pane at 80 columns', s => started(s) && s.split('\n')[1]?.length === 80);
	const chunk = (text: string) => tmux('send-keys', '-t', term.name, '-l', text);
	const statusRow = (s: string) => s.split('\n').find(l => /^│ lines \d+-\d+ of \d+/.test(l)) ?? '';

	term.keys(':');
	await term.waitFor('the palette', s => /^:█/m.test(s));
	chunk('get svc hello-node-svc -o yaml');
	term.keys('Enter');
	const opened = await term.waitFor('the viewer', s => s.includes('│ apiVersion: v1 ') && statusRow(s).includes('lines 1-16 of'));
	t.false(opened.includes('v1-node-svc'), opened);
	t.false(opened.includes('Services (all namespaces)'), 'full pane');
	t.regex(opened, /^│ :get svc hello-node-svc -o yaml +│$/m);
	const total = Number(/of (\d+)/.exec(statusRow(opened))?.[1]);
	t.true(total > 16);

	term.keys('NPage');
	const paged = await term.waitFor('the next page', s => statusRow(s).includes(`lines ${total - 15}-${total} of ${total}`));
	t.regex(paged, /│ +targetPort: 8080 +│/);
	t.false(paged.includes('│ apiVersion: v1 '));

	// Search `nodeport`: `nodePort: 30036` in the ports and `type: NodePort` in the spec.
	chunk('/nodeport');
	await term.waitFor('the search typed', s => statusRow(s).includes('/nodeport█'));
	term.keys('Enter');
	await term.waitFor('the first match', s => statusRow(s).includes('/nodeport [1:2]') && s.includes('nodePort: 30036'));
	term.keys('n');
	await term.waitFor('the second match', s => statusRow(s).includes('/nodeport [2:2]') && s.includes('type: NodePort'));
	term.keys('n');
	await term.waitFor('round to the first', s => statusRow(s).includes('/nodeport [1:2]'));
	term.keys('g');
	await term.waitFor('the top', s => statusRow(s).includes(`lines 1-16 of ${total}`));

	term.keys('Escape');
	const back = await term.waitFor('the main screen', s => s.includes('Services (all namespaces)') && s.includes('Endpoints: hello-node-svc'));
	t.false(back.includes('│ apiVersion: v1 '));
	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
});

test.serial('palette: Tab completes a kind, then lists the pods and completes one; ctrl-u clears the line; :q quits', async t => {
	if (skipWithoutTmux(t)) return;
	const term = terminal(t, `node dist/cli.js samples/hello.yaml`);
	await term.waitFor('the Services pane', started);

	term.keys(':', 'g', 'e', 't', ' ', 'p', 'o', 'Tab');
	await term.waitFor('the kind completed, a space after it', s => /^:get po █$/m.test(s));
	// `hello-node-` is what the three pods' names share; the line above the prompt lists them.
	term.keys('Tab');
	const listed = await term.waitFor('the pods listed above the prompt', s => /^:get po hello-node-█$/m.test(s));
	const [, names] = /^(hello-node-[a-z0-9]{5}(?: {2}hello-node-[a-z0-9]{5}){2})$/m.exec(listed) ?? [];
	t.truthy(names, 'three pod names on one line');
	const lines = listed.trimEnd().split('\n');
	t.is(lines.at(-2), ':get po hello-node-█');
	t.is(lines.at(-3), names, 'the list is on the line above the prompt');
	// All but the last letter of one of them makes it unique: Tab completes it and adds a space.
	const pod = names!.split('  ')[1]!;
	term.keys(...pod.slice('hello-node-'.length, -1), 'Tab');
	await term.waitFor('the pod completed', s => s.includes(`:get po ${pod} █`));
	term.keys('Enter');
	const shown = await term.waitFor('the pod in the viewer', s => new RegExp(`^│ ${pod}\\s+1/1\\s+Running`, 'm').test(s));
	t.true(shown.includes(`│ :get po ${pod} `), 'the viewer is titled with the line that ran');

	term.keys('Escape');
	await term.waitFor('back on the main screen', started);
	// ctrl-w sent in one chunk with the word before it (as fast typing arrives) kills that word;
	// ctrl-u kills the rest of the line behind the cursor; then `:q` as in k9s.
	term.keys(':');
	tmux('send-keys', '-t', term.name, '-l', 'get po\u0017');
	await term.waitFor('ctrl-w killed `po`', s => /^:get █$/m.test(s));
	term.keys('C-u');
	await term.waitFor('the line cleared', s => /^:█$/m.test(s));
	term.keys('q', 'Enter');
	const after = await term.waitFor('the exit code', s => s.includes('EXITED='), 5000);
	t.regex(after, /^EXITED=0$/m);
	t.is(term.display('#{alternate_on} #{cursor_flag}'), '0 1', 'the terminal is given back');
});

test.serial('the real binary: the Try: tour opens beside the panes; --replay runs a script a line per p, to the state --script reaches', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-replay-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'session.txt');
	writeFileSync(file, '# a session\ndelete pod hello-node-4fp4j -n default\nwait 3s\nscale rc hello-node --replicas=4 -n default\nwait 40s\n');
	const term = terminal(t, `node dist/cli.js samples/hello.yaml --replay ${shellQuote(file)}`);
	const first = await term.waitFor('the tour and the replay line', s => started(s) && s.includes('Try:') && s.includes('p runs: delete pod hello-node-4fp4j'));
	t.true(first.includes('the first key closes this'), first);
	t.true(first.includes('⏸ paused'), 'replaying, the clock stands still');
	term.keys('p');
	const deleted = await term.waitFor('the first step', s => s.includes('pod "hello-node-4fp4j" deleted') && s.includes('p runs: wait 3s'));
	t.false(deleted.includes('the first key closes this'), 'the first key closed the tour, and ran the step');
	term.keys('p', 'p', 'p');
	const done = await term.waitFor('the end of the script', s => s.includes(`replay ${file}: done, all 5 lines run`));
	t.true(done.includes('4/4 ready'), done);
	// The same script headless: the same pods, by name.
	const headless = spawnSync(process.execPath, [CLI, 'samples/hello.yaml', '--script', '-'], {
		cwd: ROOT,
		encoding: 'utf8',
		input: `${readFileSync(file, 'utf8')}get pods -o name\n`,
	});
	t.is(headless.status, 0, headless.stderr);
	const names = headless.stdout
		.split('\n')
		.filter(l => l.startsWith('pod/'))
		.map(l => l.slice(4));
	t.is(names.length, 4);
	for (const name of names) t.true(done.includes(name), `${name} on screen:\n${done}`);
	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
});

test.serial('--watch in a real terminal: saving a selector typo opens the routing diff, the panes say the pods left; --record keeps the apply', async t => {
	if (skipWithoutTmux(t)) return;
	const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-watch-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = join(dir, 'hello.yaml');
	const text = readFileSync(join(ROOT, 'samples/hello.yaml'), 'utf8');
	writeFileSync(file, text);
	const record = join(dir, 'session.txt');
	const term = terminal(t, `node dist/cli.js ${shellQuote(file)} --watch --record ${shellQuote(record)}`);
	await term.waitFor('the Services pane', started);
	term.keys('Space');
	// Only the Service's selector: the ReplicationController keeps its own.
	const typo = text.replace(/(kind: Service[\s\S]*?selector:\n\s+app: )hello-node/, '$1hello-nod');
	t.not(typo, text);
	writeFileSync(file, typo);
	const shown = await term.waitFor('the diff in the viewer', s => s.includes('service/hello-node-svc configured') && s.includes('Routing changes:'));
	t.regex(shown, /why: selector app=hello-node → app=hello-nod: now matches 0 pods/);
	term.keys('Escape');
	const panes = await term.waitFor('the panes after it', s => s.includes('left selector') && s.includes('no pod matches the selector'));
	t.false(panes.includes('not applied'), 'nothing else in the file changed, so nothing else is named');
	term.keys('q');
	t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
	t.true(readFileSync(record, 'utf8').includes(`apply -f ${file}`), readFileSync(record, 'utf8'));
});

test.serial(
	'e in a real terminal: $EDITOR gets the Service, a saved selector typo is applied and its diff opens; an unchanged file changes nothing',
	async t => {
		if (skipWithoutTmux(t)) return;
		const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-tui-edit-'));
		t.teardown(() => rmSync(dir, {recursive: true, force: true}));
		// An editor as a person uses one: it edits the file it is given, then saves and exits.
		const editor = join(dir, 'editor.sh');
		writeFileSync(editor, `#!/bin/sh\nsed -i 's/app: hello-node$/app: hello-nod/' "$1"\n`, {mode: 0o755});
		const term = terminal(t, `EDITOR=${shellQuote(editor)} node dist/cli.js samples/hello.yaml`);
		await term.waitFor('the Services pane', started);
		term.keys('Space', 'e');
		const shown = await term.waitFor('the applied edit', s => s.includes('service/hello-node-svc configured') && s.includes('Routing changes:'));
		t.regex(shown, /:apply -f \S+service-hello-node-svc\.yaml/);
		t.is(term.display('#{alternate_on}'), '1', 'back on the alternate screen after the editor');
		term.keys('Escape');
		await term.waitFor('the panes after it', s => s.includes('no pod matches the selector'));
		term.keys('q');
		t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
		// An editor that saves nothing: kubectl edit's words, nothing applied.
		const unchanged = terminal(t, 'EDITOR=true node dist/cli.js samples/hello.yaml');
		await unchanged.waitFor('the Services pane', started);
		unchanged.keys('Space', 'e');
		const cancelled = await unchanged.waitFor('the cancel', s => s.includes('Edit cancelled, no changes made.'));
		t.true(cancelled.includes('3/3 ready'), cancelled);
		unchanged.keys('q');
		t.regex(await unchanged.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
	},
);

test.serial(
	'manifests piped in from a slow producer (kubectl get … -o json | k8s-svc-tui -): read to their end, and the keys come from the terminal',
	async t => {
		if (skipWithoutTmux(t)) return;
		const term = terminal(t, `(sleep 0.5; cat samples/hello.yaml) | node dist/cli.js -`);
		const first = await term.waitFor('the Services pane', started);
		t.true(first.includes('k8s-svc-tui · <stdin> ·'), first);
		term.keys('Space', 'Tab', 'Tab', 'x');
		await term.waitFor('the kill, from the keyboard', s => /pod "hello-node-[a-z0-9]{5}" deleted/.test(s));
		term.keys('q');
		t.regex(await term.waitFor('the exit code', s => s.includes('EXITED='), 5000), /^EXITED=0$/m);
	},
);
