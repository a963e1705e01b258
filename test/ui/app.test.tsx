/** @jsxRuntime automatic */
// The whole screen, key by key: every sample's opening screen and the scenes the app exists for
// (kill a pod, scale to 0 and back, bursts with and without session affinity, NodePort from
// outside, ExternalName lookups, help, the palette). Colour off, seed 1, fixed sizes, and the
// clock moves only on `.` (wait 1s). Each snapshot was read against docs/semantics.md before it was
// accepted; the facts are asserted too, so a carelessly updated snapshot still fails.

import {readdirSync} from 'node:fs';
import test from 'ava';
import stringWidth from 'string-width';
import {KINDS} from '../../source/kinds/registry.js';
import {getRow, listKeys, listRows} from '../../source/sim/index.js';
import {detailRows} from '../../source/ui/help-overlay.js';
import {KEYMAP} from '../../source/ui/keymap.js';
import {type Model, selectedPod} from '../../source/ui/model.js';
import {viewWord} from '../../source/ui/table-views.js';
import {fromRoot} from '../root.js';
import {KEYS, openScreen, type Screen} from './helpers.js';

const SAMPLES = readdirSync(fromRoot('samples/'))
	.filter(f => f.endsWith('.yaml'))
	.sort();

const lines = (frame: string) => frame.split('\n');
/** The line of the frame that holds every one of `parts` (first match). */
const lineWith = (frame: string, ...parts: string[]) => lines(frame).find(l => parts.every(p => l.includes(p)));
const clusterIPOf = (frame: string) => /ClusterIP (\d+\.\d+\.\d+\.\d+) unchanged/.exec(frame)?.[1];

/** Every frame is exactly the screen: no line wider, no line more. */
function assertFits(t: {true(v: boolean, m?: string): void; is(a: unknown, b: unknown, m?: string): void}, frame: string, size = {width: 100, height: 30}) {
	const all = lines(frame);
	t.is(all.length, size.height, 'one frame line per terminal row');
	const wide = all.filter(l => [...l].length > size.width);
	t.is(wide.length, 0, `lines wider than ${size.width}: ${wide.join('\n')}`);
}

async function withScreen(file: string, size: {width: number; height: number} | undefined, body: (s: Screen) => Promise<void>) {
	const screen = await openScreen(file, size);
	try {
		await body(screen);
	} finally {
		screen.unmount();
	}
}

// Opening screens.

for (const file of SAMPLES) {
	test.serial(`${file}: opening screen`, async t => {
		await withScreen(`samples/${file}`, undefined, async s => {
			const frame = s.frame();
			t.snapshot(frame, `${file}: opening screen`);
			assertFits(t, frame);
			const sim = s.model().sim;
			// The app's own name gives way first where a long file name needs the room (header.tsx).
			t.regex(lines(frame)[0]!, new RegExp(`^(k8s-svc-tui · )?${file.replace('.', '\\.')} · ${Object.keys(sim.nodes).length} nodes · `));
			t.regex(lines(frame)[0]!, /▶ running 1× · t=00:00\.0$/);
			// Every Service is listed with its ClusterIP (docs/semantics.md G1: None for headless,
			// <none> for ExternalName), and the first one in `default` is selected.
			for (const svc of listRows(sim.services)) {
				const ip = svc.spec.type === 'ExternalName' ? '<none>' : svc.spec.clusterIP!;
				t.truthy(lineWith(frame, ` ${svc.name} `, ip), `${svc.namespace}/${svc.name} ${ip}`);
			}
			// The file's own first Service (in default if it has one there), not the cluster's own.
			const selected = getRow(sim.services, s.model().selected!)!;
			const own = listRows(sim.services).filter(x => !(x.namespace === 'default' && x.name === 'kubernetes') && x.namespace !== 'kube-system');
			t.is(selected.namespace, own.some(x => x.namespace === 'default') ? 'default' : selected.namespace);
			t.not(selected.name, 'kubernetes');
			t.not(selected.namespace, 'kube-system');
			t.truthy(lineWith(frame, `›${selected.namespace}`, ` ${selected.name} `), 'the cursor is on the selected Service');
			t.true(frame.includes(`Endpoints: ${selected.name} `));
			t.regex(lines(frame)[29]!, /\? help {2}q quit$/);
		});
	});
}

// hello: kill a pod, watch the replacement, the ClusterIP stays put.

test.serial('hello: after killing one pod, and once the replacement is ready', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const before = s.frame();
		const ip = clusterIPOf(before);
		t.is(ip, getRow(s.model().sim.services, 'default/hello-node-svc')!.spec.clusterIP!);
		const victim = selectedPod(s.model())!;
		const oldNames = new Set(listKeys(s.model().sim.pods));

		const killed = await s.press('x');
		t.snapshot(killed, 'hello: after killing one pod');
		assertFits(t, killed);
		// docs/semantics.md C4: Terminating at once, out of the ready endpoints at once.
		t.truthy(lineWith(killed, victim.name.slice(-5), 'Terminating'), 'the killed pod shows Terminating');
		t.truthy(lineWith(killed, `${victim.podIP}:8080`, 'terminating'));
		t.truthy(lineWith(killed, 'hello-node-svc', '2/2 ready'));
		t.true(killed.includes('ClusterIP 10.108.246.108 → 2 of 2 ready'));
		// C1: the controller creates a new pod at once; it has no IP yet. Its status, wider than
		// planned, is what gives: the names beside it stay whole (pods-pane.tsx).
		t.truthy(lineWith(killed, 'ContainerCreat', '<none>'));
		t.true(
			[...oldNames].every(key => killed.includes(key.slice(key.indexOf('/') + 1)) || !key.startsWith('default/hello-node')),
			'every hello-node pod name whole',
		);
		t.true(killed.includes(`pod "${victim.name}" deleted`));
		t.is(clusterIPOf(killed), ip, 'the ClusterIP text is unchanged');

		const ready = await s.press('.', '.', '.', '.', '.');
		t.snapshot(ready, 'hello: the replacement pod is ready (5 s later)');
		assertFits(t, ready);
		const fresh = listRows(s.model().sim.pods).filter(p => !oldNames.has(`${p.namespace}/${p.name}`));
		t.is(fresh.length, 1);
		const replacement = fresh[0]!;
		t.regex(replacement.name, /^hello-node-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
		t.not(replacement.podIP, victim.podIP, 'a new pod, a new IP');
		t.truthy(lineWith(ready, replacement.name, 'Running', replacement.podIP!), 'the new pod appears, Running, with its IP');
		t.truthy(lineWith(ready, `${replacement.podIP}:8080`, 'ready', `was ${victim.podIP}`));
		t.true(ready.includes(`IP ${victim.podIP} → ${replacement.podIP} (pod replaced)`));
		// Still inside its 30 s grace period.
		t.truthy(lineWith(ready, victim.name, 'Terminating'));
		t.truthy(lineWith(ready, 'hello-node-svc', '3/3 ready'));
		t.regex(ready, /t=00:05\.0/);
		t.true(ready.includes('ClusterIP 10.108.246.108 unchanged 5s · pod IPs changed 1×'));
		t.is(clusterIPOf(ready), ip, 'the ClusterIP text is unchanged');
	});
});

test.serial('hello: scaled to 0 (past the grace period) and back to 3', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const ip = clusterIPOf(s.frame());
		const oldNames = listRows(s.model().sim.pods)
			.filter(p => p.name.startsWith('hello-node-'))
			.map(p => p.name);
		t.is(oldNames.length, 3);

		const typing = await s.press(':', ...'scale rc hello-node --replicas=0');
		t.is(lines(typing)[28], ':scale rc hello-node --replicas=0█');
		const scaled = await s.press(KEYS.enter);
		t.snapshot(scaled, 'hello: just scaled to 0');
		t.is(lines(scaled)[28], 'replicationcontroller/hello-node scaled');
		for (const name of oldNames) t.truthy(lineWith(scaled, name, 'Terminating'));
		t.true(scaled.includes('Pods (rc/hello-node ×0)'));
		t.truthy(lineWith(scaled, 'hello-node-svc', '0/0 ready'));

		for (let i = 0; i < 31; i++) await s.press('.');
		const empty = s.frame();
		t.snapshot(empty, 'hello: scaled to 0, 31 s later');
		assertFits(t, empty);
		t.regex(empty, /t=00:31\.0/);
		// Gone after the 30 s grace period (C4); the Service and its ClusterIP stay (A8, F1, H8).
		for (const name of oldNames) t.false(empty.includes(name));
		t.true(empty.includes('no pod matches the selector'));
		t.true(empty.includes('no endpoints: connections are refused'));
		t.true(empty.includes('ClusterIP 10.108.246.108 → 0 of 0 ready'));
		t.is(clusterIPOf(empty), ip);

		await s.press(':', ...'scale rc hello-node --replicas=3', KEYS.enter);
		for (let i = 0; i < 6; i++) await s.press('.');
		const back = s.frame();
		t.snapshot(back, 'hello: scaled back to 3, 6 s later');
		assertFits(t, back);
		const fresh = listRows(s.model().sim.pods).filter(p => p.name.startsWith('hello-node-'));
		t.is(fresh.length, 3);
		for (const pod of fresh) {
			t.false(oldNames.includes(pod.name), 'new pods, new names');
			t.truthy(lineWith(back, pod.name, 'Running', pod.podIP!));
			t.truthy(lineWith(back, `${pod.podIP}:8080`, 'ready'));
		}
		t.truthy(lineWith(back, 'hello-node-svc', '3/3 ready'));
		// New pods 30 s after the old ones left replace nobody.
		t.false(back.includes('pod replaced'));
		t.false(back.includes('was 10.'));
		t.is(clusterIPOf(back), ip, 'the ClusterIP outlives every pod');
	});
});

// Bursts: session affinity pins a client to one pod (E3); without it kube-proxy picks at random (E1).

test.serial('affinity: a burst of 100 lands on one pod', async t => {
	await withScreen('samples/affinity.yaml', undefined, async s => {
		const frame = await s.press('b');
		t.snapshot(frame, 'affinity: burst with sessionAffinity ClientIP');
		assertFits(t, frame);
		t.true(frame.includes('pod/curl → cart.default:80 ×100: 100 ok, 0 failed'));
		const bars = lines(frame).filter(l => l.includes('█'));
		t.is(bars.length, 1);
		t.regex(bars[0]!, /│ {9}cart-[a-z0-9]+-[a-z0-9]{5} █{20} 100 +│$/);
		t.is(lines(frame)[28], '100 requests: 100 ok, 0 failed');
		t.true(frame.includes('100% ok (100/100)'));
	});
});

test.serial('hello: a burst of 100 spreads over the three pods', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const frame = await s.press('b');
		t.snapshot(frame, 'hello: burst without session affinity');
		assertFits(t, frame);
		t.true(frame.includes('pod/curl → hello-node-svc.default:80 ×100: 100 ok, 0 failed'));
		const counts = lines(frame)
			.filter(l => l.includes('█'))
			.map(l => Number(/ (\d+) +│$/.exec(l)![1]));
		t.is(counts.length, 3, 'every ready pod got some');
		t.is(
			counts.reduce((a, b) => a + b, 0),
			100,
		);
		t.true(
			counts.every(n => n > 10 && n < 60),
			`random spread: ${counts.join(', ')}`,
		);
	});
});

// Help and the palette.

test.serial('help overlay: the short list, then (tab) each key with its command, scrolled, closed', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const keys = await s.press('?');
		t.snapshot(keys, 'help overlay: short list');
		assertFits(t, keys);
		t.truthy(lineWith(keys, 'x ctrl-k', 'kill pod'));
		t.truthy(lineWith(keys, 'N P A R S T I O sort'));
		t.false(keys.includes('Services (all namespaces)'), 'the overlay takes the whole middle');

		const help = await s.press(KEYS.tab);
		t.snapshot(help, 'help overlay');
		assertFits(t, help);
		t.true(help.includes(`Keys (1-22 of ${detailRows(96).length}, ↑/↓ scroll) — tab: short list · Esc closes`));
		t.truthy(lineWith(help, 'x ctrl-k', 'delete the selected pod'));
		// Further down (wrapped descriptions take two rows): d and y, each whole.
		const further = await s.press(...Array<string>(12).fill(KEYS.down));
		t.truthy(lineWith(further, 'd ', 'describe the Service, EndpointSlice or pod under the cursor, in the viewer (live)'));
		t.truthy(lineWith(further, 'y ', 'its YAML, in the viewer (live)  [get KIND NAME -n NS -o yaml]'));
		t.false(further.includes('…'), 'nothing on the page is cut');

		// Rows, not entries: a description too long for the 96 columns inside the border wraps.
		const total = detailRows(96).length;
		const scrolled = await s.press(...Array<string>(total).fill(KEYS.down));
		t.snapshot(scrolled, 'help overlay scrolled to the end');
		t.true(scrolled.includes(`Keys (${total - 21}-${total} of ${total}, ↑/↓ scroll)`), 'scrolling stops at the last line');
		t.truthy(lineWith(scrolled, 'q ctrl-c', 'quit (the terminal is restored)'));
		// The viewer's keys come from its table in keymap.ts, under a heading.
		t.truthy(lineWith(scrolled, 'In the viewer (d, y, and what a : command prints):'));
		t.truthy(lineWith(scrolled, 'PgDn ctrl-f', 'one page down'));
		t.truthy(lineWith(scrolled, 'Esc q', 'close the viewer, back to where you were'));
		t.false(scrolled.includes('move up in the focused pane'));
		t.true((await s.press('k')).includes(`Keys (${total - 22}-${total - 1} of ${total}`), 'k scrolls up too');
		t.true((await s.press('j')).includes(`Keys (${total - 21}-${total} of ${total}`), 'j scrolls down too');

		const closed = await s.press(KEYS.esc);
		t.true(closed.includes('Services (all namespaces)'));
		t.false(closed.includes('Keys ('));
	});
});

test.serial('palette: typing a command, and the output of get pods -o wide', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const typing = await s.press(':', ...'get pods -o wide');
		t.snapshot(typing, 'palette: typing get pods -o wide');
		t.is(lines(typing)[28], ':get pods -o wide█');

		const output = await s.press(KEYS.enter);
		t.snapshot(output, 'palette: output of get pods -o wide');
		assertFits(t, output);
		t.truthy(lineWith(output, '│ :get pods -o wide'));
		// docs/semantics.md G3: kubectl's wide columns (wrapped at the viewer's edge).
		t.truthy(lineWith(output, 'NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE'));
		for (const pod of listRows(s.model().sim.pods).filter(p => p.namespace === 'default')) {
			t.truthy(lineWith(output, pod.name, '1/1', 'Running', pod.podIP!, pod.nodeName!));
		}
		t.true(output.includes('lines 1-4 of 4 · wrap · live'));
		t.is(s.model().history.at(-1), 'get pods -o wide');

		const closed = await s.press(KEYS.esc);
		t.true(closed.includes('Endpoints: hello-node-svc'));
		// A query changes nothing, so it is not recorded for replay.
		t.deepEqual(s.model().record, []);
	});
});

test.serial('palette: a paste arrives as one chunk and runs like typed keys', async t => {
	// The same keys typed one at a time, on a second screen: what the paste must match.
	const typed = await openScreen('samples/hello.yaml');
	let typedFrame: string;
	let typedModel: Model;
	try {
		typedFrame = await typed.press(':', ...'get svc hello-node-svc', KEYS.enter, KEYS.esc, ':', ...'scale rc hello-node --replicas=2', KEYS.enter);
		typedModel = typed.model();
	} finally {
		typed.unmount();
	}
	await withScreen('samples/hello.yaml', undefined, async s => {
		const frame = await s.press(':get svc hello-node-svc\r');
		t.truthy(lineWith(frame, '│ :get svc hello-node-svc'));
		t.truthy(lineWith(frame, 'hello-node-svc', 'NodePort', '10.108.246.108', '<none>', '80:30036/TCP'));
		t.is(s.model().mode.kind, 'output', 'Enter inside the chunk ran the line');
		t.deepEqual(s.model().history, ['get svc hello-node-svc']);
		// Once the overlay is closed, a chunk that scales.
		await s.press(KEYS.esc);
		const scaled = await s.press(':scale rc hello-node --replicas=2\r');
		t.is(lines(scaled)[28], 'replicationcontroller/hello-node scaled');
		t.true(scaled.includes('Pods (rc/hello-node ×2)'));
		t.deepEqual(s.model().record, ['scale rc hello-node --replicas=2']);
		t.is(getRow(s.model().sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 2);
		// Exactly what the same keys typed one by one gave.
		t.is(scaled, typedFrame);
		t.deepEqual(s.model().history, typedModel.history);
		t.deepEqual(s.model().record, typedModel.record);
		t.is(JSON.stringify(s.model().sim), JSON.stringify(typedModel.sim));
	});
});

test.serial('palette: an error shows in the overlay and on the status line', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const frame = await s.press(':', ...'scale rc nope --replicas=1', KEYS.enter);
		t.snapshot(frame, 'palette: scaling a missing controller');
		t.true(frame.includes('replicationcontrollers "nope" not found'));
	});
});

// The s and l prompts: Enter runs the line built from what was typed; Esc runs nothing.

/** The command a prompt line shows: the line without its cursor and its help in parentheses. */
const promptCommand = (line: string) => line.replace(/ {2}\(.*$/, '').replace('█', '');

// Prompts behave as a form field does: a preset shown selected is replaced by what is typed,
// Backspace edits it, and the line reads as the very command Enter runs (issue 10, problem 6).
test.serial('hello: s asks for the replicas, Enter scales to what was typed; l edits labels; Esc cancels', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const labels = await s.press('l');
		// The help is cut at 100 columns; the pod's labels come first in it.
		t.true(
			lines(labels)[28]!.startsWith('label pod hello-node-4fp4j -n default █ --overwrite  (now: app=hello-node; key=value sets, key- '),
			lines(labels)[28],
		);
		const tier = await s.press(...'tier=web');
		t.deepEqual(s.model().record, [], 'nothing runs before Enter');
		const shown = promptCommand(lines(tier)[28]!);
		t.is(shown, 'label pod hello-node-4fp4j -n default tier=web --overwrite');
		await s.press(KEYS.enter);
		t.deepEqual(s.model().record, [shown], 'the line shown is the line that ran');
		t.deepEqual(getRow(s.model().sim.pods, 'default/hello-node-4fp4j')?.labels, {app: 'hello-node', tier: 'web'});
		// Removing a label is `key-`, as with kubectl label; the prompt shows the labels it has now.
		const again = await s.press('l');
		t.true(lines(again)[28]!.includes('(now: app=hello-node tier=web;'));
		await s.press(...'tier-', KEYS.enter);
		t.is(s.model().record.at(-1), 'label pod hello-node-4fp4j -n default tier- --overwrite');
		t.deepEqual(getRow(s.model().sim.pods, 'default/hello-node-4fp4j')?.labels, {app: 'hello-node'});

		const asked = await s.press('s');
		t.is(lines(asked)[28], 'scale rc/hello-node --replicas=3█ -n default  (type a number to replace it; Enter runs, Esc cancels)');
		// The preset 3 is selected: typing 5 asks for 5 replicas, not 35.
		const typed = await s.press('5');
		t.is(lines(typed)[28], 'scale rc/hello-node --replicas=5█ -n default  (Enter runs, Esc cancels)');
		const scaled = await s.press(KEYS.enter);
		t.is(s.model().record.at(-1), promptCommand(lines(typed)[28]!));
		t.is(s.model().record.at(-1), 'scale rc/hello-node --replicas=5 -n default');
		t.is(getRow(s.model().sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 5);
		t.is(lines(scaled)[28], 'replicationcontroller/hello-node scaled');
		t.true(scaled.includes('Pods (rc/hello-node ×5)'));

		// Backspace edits the preset like typed text: 12 → 1 → 10.
		await s.press('s', '1', '2', KEYS.enter);
		t.is(getRow(s.model().sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 12);
		const edited = await s.press('s', KEYS.backspace, '0');
		t.is(lines(edited)[28], 'scale rc/hello-node --replicas=10█ -n default  (Enter runs, Esc cancels)');
		await s.press(KEYS.enter);
		t.is(s.model().record.at(-1), 'scale rc/hello-node --replicas=10 -n default');
		t.is(getRow(s.model().sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 10);

		await s.press('s', KEYS.backspace, '0');
		const cancelled = await s.press(KEYS.esc);
		t.is(s.model().mode.kind, 'normal');
		t.is(s.model().record.length, 5, 'Esc ran nothing');
		t.true(cancelled.includes('Pods (rc/hello-node ×10)'));
	});
});

// A NodePort request from outside (docs/semantics.md E5: every node answers on the nodePort).

test.serial('NodePort from outside: choose the external client, then a node address, then r', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const clients = await s.press('f');
		t.snapshot(clients, 'chooser: who sends');
		assertFits(t, clients);
		t.truthy(lineWith(clients, '❯ pod/curl', 'test client, not in get pods'));
		t.truthy(lineWith(clients, 'external', '198.51.100.7 (outside the cluster)'));
		t.truthy(lineWith(clients, 'node/node-1', '192.168.49.2 (host network: no cluster DNS)'));

		await s.press(KEYS.down);
		const addresses = await s.press(KEYS.enter);
		t.snapshot(addresses, 'chooser: which address');
		t.is(s.model().client, '--from external');
		t.true(addresses.includes('Address hello-node-svc by…'));
		t.truthy(lineWith(addresses, 'DNS name', 'hello-node-svc.default:80'));
		t.truthy(lineWith(addresses, 'ClusterIP 10.108.246.108:80'));
		for (const [node, ip] of [
			['node-1', '192.168.49.2'],
			['node-2', '192.168.49.3'],
			['node-3', '192.168.49.4'],
		]) {
			t.truthy(lineWith(addresses, `NodePort  ${ip}:30036 (${node})`));
		}

		await s.press(KEYS.down, KEYS.down);
		const back = await s.press(KEYS.enter);
		t.is(s.model().address, 'node:node-1');
		t.true(back.includes('Endpoints: hello-node-svc'));

		const fired = await s.press('r');
		t.snapshot(fired, 'NodePort request from outside');
		assertFits(t, fired);
		const m = s.model();
		t.deepEqual(m.record, ['curl 192.168.49.2:30036 --from external']);
		const entry = m.log[0];
		if (entry?.kind !== 'request') return t.fail(`the newest log entry is one request: ${JSON.stringify(entry)}`);
		const {trace} = entry;
		t.deepEqual([trace.client.kind, trace.via, trace.resolved, trace.outcome], ['external', 'NodePort', '192.168.49.2:30036', 'ok']);
		// It reached one of the Service's ready pods, at its IP and targetPort (E5).
		const pod = getRow(m.sim.pods, `default/${trace.endpoint?.pod}`);
		if (!pod || !trace.endpoint) return t.fail('the request reached no pod');
		t.is(pod.podIP, trace.endpoint.ip);
		t.is(trace.endpoint.port, 8080);
		t.is(trace.endpoint.node, pod.nodeName);
		t.true(pod.ready && pod.labels.app === 'hello-node');
		// The screen says the same: who asked, by which address, and the pod, IP and node that answered.
		t.truthy(lineWith(fired, '│ 00:00.0 external/external → 192.168.49.2:30036 → NodePort 192.168.49.2:30036'));
		t.truthy(lineWith(fired, `→ ${pod.name} ${pod.podIP}:8080 on ${pod.nodeName}`));
		// …and the address the pod saw: the entry node masquerades for externalTrafficPolicy: Cluster.
		t.truthy(lineWith(fired, '→ source ', '(SNAT by node-1: externalTrafficPolicy: Cluster) ✓'));
		t.is(lines(fired)[28], 'request ok');
		t.deepEqual(m.stats['default/hello-node-svc'], {ipChanges: 0, ok: 1, total: 1});
		t.true(fired.includes('100% ok (1/1)'));
	});
});

test.serial('ClusterIP from outside does not route', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		await s.press('f', KEYS.down, KEYS.enter, KEYS.down, KEYS.enter);
		t.is(s.model().address, 'clusterIP');
		const frame = await s.press('r');
		// docs/semantics.md E4, H3: the client times out, and no pod is reached.
		const m = s.model();
		t.deepEqual(m.record, ['curl 10.108.246.108:80 --from external']);
		const entry = m.log[0];
		if (entry?.kind !== 'request') return t.fail(`the newest log entry is one request: ${JSON.stringify(entry)}`);
		t.deepEqual(
			[entry.trace.client.kind, entry.trace.outcome, entry.trace.reason, entry.trace.endpoint],
			['external', 'timeout', 'ClusterIP is not reachable from outside the cluster', null],
		);
		t.truthy(lineWith(frame, 'external/external → 10.108.246.108:80'));
		// The outcome as the headless trace words it (request-trace.ts): `timed out: <reason>`.
		t.truthy(lineWith(frame, '✗ timed out: ClusterIP is not reachable from outside the cluster'));
		t.false(frame.includes(' ✓'), 'no request succeeded');
		t.is(lines(frame)[28], 'request failed: ClusterIP is not reachable from outside the cluster');
		t.deepEqual(m.stats['default/hello-node-svc'], {ipChanges: 0, ok: 0, total: 1});
		t.true(frame.includes('0% ok (0/1)'));
	});
});

// ExternalName: DNS only (E7, F4).

test.serial('externalname: nslookup of an ExternalName Service', async t => {
	await withScreen('samples/externalname.yaml', undefined, async s => {
		t.true(s.frame().includes('›default      catalog'));
		const moved = await s.press(KEYS.down, KEYS.down);
		t.is(s.model().selected, 'default/orders-db');
		t.truthy(lineWith(moved, '›default', 'orders-db', 'ExternalName', '<none>'));
		t.true(moved.includes('ExternalName: no pods, DNS only'));
		t.true(moved.includes('orders-db.default.svc.cluster.local CNAME orders.'));
		// The host name breaks after a dot, not mid-label.
		t.truthy(lineWith(moved, '│cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com.'));

		const looked = await s.press('n');
		t.snapshot(looked, 'externalname: nslookup orders-db');
		assertFits(t, looked);
		t.truthy(lineWith(looked, 'pod/curl nslookup orders-db.default'));
		t.truthy(lineWith(looked, 'CNAME orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com.'));
		// The status line goes on to say the target is outside the cluster, not simulated (cut at 100 columns).
		t.true(
			lines(looked)[28]!.startsWith('nslookup orders-db.default: orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com. (orders.cluste…'),
			lines(looked)[28],
		);
		t.true(looked.includes('is outside the cluster: not'), 'the log says so too');
		// H4: no ClusterIP, no A record of ours; the CNAME target is for the upstream resolver.
		t.false(lineWith(looked, 'orders.cluster-', ' A ') !== undefined);
	});
});

test.serial('externalname: a CNAME to an in-cluster Service resolves on to its ClusterIP', async t => {
	await withScreen('samples/externalname.yaml', undefined, async s => {
		const frame = await s.press('n');
		const shopIP = getRow(s.model().sim.services, 'shop/catalog')!.spec.clusterIP!;
		t.truthy(lineWith(frame, 'pod/curl nslookup catalog.default'));
		t.truthy(lineWith(frame, '→ CNAME catalog.shop.svc.cluster.local.', `A ${shopIP}`));
	});
});

// Sizes.

test.serial('a terminal below 80×24 gets the size message', async t => {
	for (const size of [
		{width: 79, height: 24},
		{width: 100, height: 23},
	]) {
		await withScreen('samples/hello.yaml', size, async s => {
			const frame = s.frame();
			t.snapshot(frame, `${size.width}×${size.height}: too small`);
			t.is(frame, `k8s-svc-tui needs a terminal of at least 80×24; this one is ${size.width}×${size.height}.\nEnlarge it, or press q to quit.`);
		});
	}
});

// Found by a fresh tester: at 80 columns the NAMESPACE column went first, and externalname.yaml's
// two `catalog` Services (default's ExternalName, shop's ClusterIP) read as the same row.
test.serial('80×24: Services that share a name keep the NAMESPACE column (TYPE goes first); hello.yaml, with unique names, keeps TYPE', async t => {
	const size = {width: 80, height: 24};
	await withScreen('samples/externalname.yaml', size, async s => {
		const open = s.frame();
		assertFits(t, open, size);
		t.truthy(lineWith(open, 'NAMESPACE', 'NAME', 'CLUSTER-IP'));
		t.truthy(lineWith(open, '›default', 'catalog', '<none>'));
		const shop = await s.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down);
		t.is(s.model().selected, 'shop/catalog');
		t.truthy(lineWith(shop, '›shop', 'catalog', '10.111.158.83'));
	});
	await withScreen('samples/hello.yaml', size, async s => {
		t.falsy(lineWith(s.frame(), 'NAMESPACE'));
		t.truthy(lineWith(s.frame(), '›hello-node-svc', 'NodePort'));
	});
});

// Found by a fresh tester: the headless head at 80×24 split `cluster.loca|l` and ended in `… …`.
test.serial('80×24: the Endpoints head breaks a host name after a dot and, cut short, ends in one ellipsis', async t => {
	await withScreen('samples/headless.yaml', {width: 80, height: 24}, async s => {
		const frame = s.frame();
		t.truthy(lineWith(frame, '│nginx.default.svc.cluster.'));
		t.truthy(lineWith(frame, '│local → 3 A records'));
		t.false(frame.includes('… …'), frame);
	});
});

// Found by a fresh tester: the answer line was cut mid-word with no mark (`… pod "hello-node-`).
test.serial('80×24: a command answer wider than the screen is cut with an ellipsis', async t => {
	const size = {width: 80, height: 24};
	await withScreen('samples/hello.yaml', size, async s => {
		const frame = await s.press(':', ...'delete pod -l app=hello-node', KEYS.enter);
		const status = lines(frame).find(l => l.startsWith('pod "hello-node-'));
		t.truthy(status, frame);
		t.true(status!.endsWith('…'), status);
		assertFits(t, frame, size);
	});
});

test.serial('80×24: hello opening screen and after killing one pod', async t => {
	const size = {width: 80, height: 24};
	await withScreen('samples/hello.yaml', size, async s => {
		const open = s.frame();
		t.snapshot(open, '80×24: hello opening screen');
		assertFits(t, open, size);
		t.truthy(lineWith(open, '›hello-node-svc', 'NodePort', '10.108.246.108', '80:30036/TCP', '3/3 ready'));
		t.regex(lines(open)[23]!, /\? help {2}q quit$/);

		const killed = await s.press('x', '.', '.', '.', '.', '.');
		t.snapshot(killed, '80×24: hello, replacement ready');
		assertFits(t, killed, size);
		t.truthy(lineWith(killed, 'Terminating'));
		t.is(clusterIPOf(killed), '10.108.246.108');
	});
});

test.serial('80×24: help shows every key at once, each binding by its label (issue 10: help fits at 80×24)', async t => {
	const size = {width: 80, height: 24};
	await withScreen('samples/hello.yaml', size, async s => {
		const help = await s.press('?');
		t.snapshot(help, '80×24: help overlay');
		assertFits(t, help, size);
		for (const b of KEYMAP) t.true(help.includes(` ${b.group ?? b.label}`), `${b.keys[0]} (${b.group ?? b.label}) is on the key page`);
		t.false(help.includes('↑/↓ scroll'), 'nothing to scroll to');
		// Every view `:` opens is named, whole, however many kinds there are (the footer wraps).
		for (const k of KINDS) if (k.resource !== 'services') t.regex(help, new RegExp(` :${viewWord(k)}( |$)`, 'm'), k.kind);
		t.true(help.includes(':svc home'));
	});
});

// Keys act on the row under the focused cursor, and the log names what they acted on (issue 10,
// problem 1).

/** The part of a frame line left of the Endpoints | Pods divider. */
const leftPane = (line: string) => line.split('││')[0] ?? '';

test.serial('hello: x on an Endpoints row deletes the pod of that row, as the log says', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const frame = await s.press(KEYS.tab, KEYS.down, KEYS.down);
		t.is(s.model().focus, 'endpoints');
		// The row's address names its pod (by pod IP in the simulation): the pane's columns may vary.
		const row = lines(frame)
			.filter(l => l.includes('││'))
			.map(leftPane)
			.find(l => l.includes('│›'));
		const ip = /│›(\d+\.\d+\.\d+\.\d+):8080/.exec(row ?? '')?.[1];
		const pod = listRows(s.model().sim.pods).find(p => ip !== undefined && p.podIP === ip)?.name;
		if (!pod) return t.fail(`no Endpoints row under the cursor:\n${frame}`);
		t.not(pod, selectedPod(s.model())?.name, 'the Pods pane highlights another pod');
		const killed = await s.press('x');
		t.is(lines(killed)[28], `pod "${pod}" deleted`);
		t.truthy(lineWith(killed, `│ 00:00.0 pod "${pod}" deleted`), 'the request log names it too');
		const terminating = listRows(s.model().sim.pods)
			.filter(p => p.deletionTimestamp !== null)
			.map(p => p.name);
		t.deepEqual(terminating, [pod]);
	});
});

// Esc then a key in one chunk, as ssh and tmux deliver them (issue 10, problem 5). Each
// `press` argument is one write, so '\u001Bk' arrives as Ink's one Meta+k event.

test.serial('Esc+key in one chunk is Esc, then the key: in the filter, the palette, help and the main screen', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const cursorOn = (name: string) => t.is(s.model().selected, name);
		await s.press('/', ...'dns');
		cursorOn('kube-system/kube-dns');
		let frame = await s.press('\u001Bk');
		t.deepEqual([s.model().mode.kind, s.model().filter], ['normal', ''], 'Esc left the filter and cleared it');
		cursorOn('default/kubernetes');
		t.truthy(lineWith(frame, '›default', ' kubernetes '), 'then k moved up');

		await s.press(':', 'g');
		frame = await s.press('\u001Bj');
		t.is(s.model().mode.kind, 'normal', 'Esc closed the palette');
		cursorOn('kube-system/kube-dns');
		t.false(lines(frame)[28]!.startsWith(':'));

		await s.press('?');
		await s.press('\u001Bk');
		t.is(s.model().mode.kind, 'normal', 'Esc closed help');
		cursorOn('default/kubernetes');

		// On the main screen Esc clears a kept filter, then the key acts.
		await s.press('/', ...'dns', KEYS.enter);
		t.deepEqual([s.model().mode.kind, s.model().filter], ['normal', 'dns']);
		await s.press('\u001Bk');
		t.is(s.model().filter, '', 'Esc cleared the filter');
		cursorOn('default/kubernetes');

		// ESC before a key Ink reports without Meta (`:`): still Esc, then the key.
		await s.press('/', ...'dns');
		frame = await s.press('\u001B:');
		t.is(s.model().filter, '');
		t.deepEqual(s.model().mode, {kind: 'palette', text: '', historyIndex: null});
		t.is(lines(frame)[28], ':█');
		// Esc then ↑ (ESC ESC [A) is not ↑ alone: the palette closes, and ↑ moves the cursor.
		await s.press('\u001B\u001B[A');
		t.is(s.model().mode.kind, 'normal');
		cursorOn('default/kubernetes');
	});
});

test.serial('the f chooser takes a burst of keys in order, and its closing Enter stays in it', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		await s.press('f');
		const addresses = await s.press(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
		t.is(s.model().client, '--from node/node-1', 'Down Down Enter picked the third client');
		t.true(addresses.includes('Address hello-node-svc by…'));
		const back = await s.press(`${KEYS.down}${KEYS.enter}`);
		t.is(s.model().address, 'clusterIP');
		t.deepEqual(s.model().mode, {kind: 'normal'});
		t.is(s.model().focus, 'services', 'the Enter did not reach the main screen (there it goes to the Pods pane)');
		t.true(back.includes('Endpoints: hello-node-svc'));
		await s.press('r');
		t.deepEqual(s.model().record, ['curl 10.108.246.108:80 --from node/node-1']);
	});
});

// The cursor stays on its object (issue 10, problem 10).

test.serial('hello: the Pods cursor stays on its pod through a scale to 35; clearing a filter keeps the Service', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		let frame = await s.press(KEYS.tab, KEYS.tab, KEYS.down, KEYS.down);
		t.truthy(lineWith(frame, '›hello-node-vdtt6'));
		frame = await s.press(':', ...'scale rc hello-node --replicas=35', KEYS.enter, '.');
		t.true(frame.includes('Pods (rc/hello-node ×35)'));
		// (The NAME column may be cut in the middle at this width: match its ends.)
		t.truthy(lineWith(frame, '›hello-', 'vdtt6  ', '10.244.2.3'), `the cursor is still on hello-node-vdtt6:\n${frame}`);
		t.is(selectedPod(s.model())?.name, 'hello-node-vdtt6');
		t.not(s.model().cursor.pods, 2, 'at another index now');
		// And x acts on it.
		await s.press('x');
		t.is(lines(s.frame())[28], 'pod "hello-node-vdtt6" deleted');

		await s.press(KEYS.tab, KEYS.tab, KEYS.down, KEYS.down);
		t.is(s.model().selected, 'kube-system/kube-dns');
		await s.press('/', ...'dns');
		frame = await s.press(KEYS.esc);
		t.is(s.model().selected, 'kube-system/kube-dns');
		t.truthy(lineWith(frame, '›kube-system', ' kube-dns '));
	});
});

// The panes agree with the API objects (issue 10, problems 3, 4, 7, 8, 9).

/** The Endpoints pane's part of a frame: the left side of the Endpoints | Pods divider. */
const endpointsPane = (frame: string) =>
	lines(frame)
		.filter(l => l.includes('││'))
		.map(leftPane)
		.join('\n');
/** The pane's text as one line: a head wrapped over two rows reads as one sentence. */
const flat = (pane: string) => pane.replace(/\s*\n│/g, ' ').replace(/ +/g, ' ');

test.serial('the IP story: a crash keeps the IP, scaling replaces nobody, a relabeled pod left the selector (issue 10 #3)', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const pod = selectedPod(s.model())!;
		// docs/semantics.md C1: a crashed container restarts in the same pod, which keeps its IP.
		const crashed = await s.press('c', '.', '.', '.');
		t.truthy(lineWith(crashed, `pod/${pod.name} container restarted`, `IP ${pod.podIP} kept`));
		const pane = endpointsPane(crashed);
		t.true(pane.includes(`IP ${pod.podIP} kept (container restarted)`), pane);
		t.like(s.model().changes.at(-1), {kind: 'added', ip: pod.podIP!, pod: pod.name, cause: 'restarted'});
		t.false(pane.includes('replaced'), 'a restart replaces no pod');
		t.true(crashed.includes('pod IPs changed 0×'));

		const scaled = await s.press(':', ...'scale rc hello-node --replicas=35', KEYS.enter, '.', '.', '.');
		t.true(flat(endpointsPane(scaled)).includes('+32 endpoints, scaled up'), endpointsPane(scaled));
		t.true(scaled.includes('pod IPs changed 0×'), 'scaling 3→35 replaced no pod');
		// Up by one and at once down to 3: the new pod is not ready, so it goes first and was never
		// an endpoint. 33 pods go; 32 of them were endpoints, and the story counts those.
		const down = await s.press(':', ...'scale rc hello-node --replicas=36', KEYS.enter, ':', ...'scale rc hello-node --replicas=3', KEYS.enter);
		t.true(flat(endpointsPane(down)).includes('−32 endpoints, scaled down'), endpointsPane(down));
	});
	await withScreen('samples/hello.yaml', undefined, async s => {
		const pod = selectedPod(s.model())!;
		const relabeled = await s.press(':', ...`label pod ${pod.name} app-`, KEYS.enter);
		const pane = endpointsPane(relabeled);
		t.true(pane.includes(`${pod.podIP} left the selector (pod runs on)`), pane);
		t.truthy(lineWith(pane, pod.podIP!, 'gone'), 'no longer an endpoint');
		t.false(pane.includes('replaced'));
		// The pod runs on with its IP (as `get pods` says).
		t.is(getRow(s.model().sim.pods, `default/${pod.name}`)!.podIP, pod.podIP);
		const later = await s.press('.', '.', '.');
		t.true(later.includes('pod IPs changed 0×'), 'the RC’s new pod replaced no pod IP behind the Service');
		t.false(endpointsPane(later).includes('pod replaced'));
	});
	await withScreen('samples/hello.yaml', undefined, async s => {
		// A real replacement: killed, and a new pod with a new IP takes over (C4).
		const pod = selectedPod(s.model())!;
		const replaced = await s.press('x', '.', '.', '.');
		const added = s.model().changes.find(c => c.cause === 'replaced')!;
		t.is(added.replaces, pod.podIP!);
		t.true(endpointsPane(replaced).includes(`IP ${pod.podIP} → ${added.ip} (pod replaced)`));
		t.true(replaced.includes('pod IPs changed 1×'));
	});
});

test.serial('a targetPort no pod declares: the panes say <none> and why, as get ep does; check’s warnings sit by their Service (issue 10 #4)', async t => {
	await withScreen('test/fixtures/tui/wrong-target-port.yaml', undefined, async s => {
		const frame = s.frame();
		t.is(s.model().selected, 'default/odd');
		// kubectl get ep: shop <none>, stray <none> (printers.go formatEndpoints, no subsets).
		t.truthy(lineWith(frame, ' shop ', '<none>: no port'));
		t.truthy(lineWith(frame, ' stray ', '<none>: no pods'));
		t.falsy(lineWith(frame, ' shop ', 'ready'), 'no ready count where the Endpoints object has none');
		// odd routes (containerPort is informational) but check warns: ⚠ on its row, the warning beside it.
		t.truthy(lineWith(frame, '›default', ' odd ', '2/2 ready ⚠'));
		t.true(endpointsPane(frame).includes('⚠ port 80: targetPort 9090 is not declared by any'), endpointsPane(frame));

		const shop = await s.press(KEYS.down);
		t.is(s.model().selected, 'default/shop');
		const pane = endpointsPane(shop);
		t.true(pane.includes('0 endpoints — no selected pod declares port "web"'), pane);
		t.is(pane.match(/ no port /g)?.length, 2, 'both pods: no port');
		t.false(/ ready /.test(pane), pane);
		// `r` fails, as the panes said it would.
		const fired = await s.press('r');
		t.truthy(lineWith(fired, '✗ connection refused'));

		const stray = await s.press(KEYS.down);
		t.is(s.model().selected, 'default/stray');
		t.true(flat(endpointsPane(stray)).includes('no pod matches app=nothing-here'), endpointsPane(stray));
	});
});

test.serial('every failed request counts toward the Service it was aimed at: an NXDOMAIN from outside too (issue 10 #7)', async t => {
	await withScreen('samples/externalname.yaml', undefined, async s => {
		await s.press(KEYS.down, KEYS.down);
		t.is(s.model().selected, 'default/orders-db');
		const ok = await s.press('r');
		// The CNAME answered, but what is beyond it is not simulated: neither a success nor a failure.
		t.true(ok.includes('1 request left the cluster'), lines(ok)[27]);
		t.true(ok.includes('request left the cluster (not simulated)'), 'the status line says what the log and the stability line say');
		t.false(ok.includes('% ok'), lines(ok)[27]);
		// From outside, the cluster's names do not resolve.
		// The palette's curl opens its output in the viewer; Esc back to the log.
		const failed = await s.press(':', ...'curl orders-db.default:5432 --from external', KEYS.enter, KEYS.esc);
		t.truthy(lineWith(failed, 'external/external → orders-db.default:5432'));
		t.truthy(lineWith(failed, '✗ could not resolve host'));
		t.true(failed.includes('0% ok (0/1), 1 request left the cluster'), lines(failed)[27]);
	});
});

test.serial('the TUI trace has the hops the headless trace has: the DNS answer, and an ExternalName’s CNAME (issue 10 #9)', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		const frame = await s.press('r');
		// request-trace.ts formatTrace: … → hello-node-svc.default:80 → A 10.108.246.108 → ClusterIP … → pod … → ok
		t.truthy(lineWith(frame, 'pod/curl → hello-node-svc.default:80 → A 10.108.246.108 → ClusterIP 10.108.246.108:80'));
	});
	await withScreen('samples/externalname.yaml', undefined, async s => {
		await s.press(KEYS.down, KEYS.down);
		const frame = await s.press('r');
		const log = lines(frame).slice(lines(frame).findIndex(l => l.includes('pod/curl → orders-db.default:5432')));
		t.regex(log[1] ?? '', /│ {9}→ CNAME orders\.cluster-c9x2k3m4n5p6\.eu-west-1\.rds\.amazonaws\.com /, frame);
	});
});

/** Every row is exactly `width` terminal columns (display width: Hangul takes two) and bordered rows end on the border. */
function assertColumns(t: {is(a: unknown, b: unknown, m?: string): void}, frame: string, width: number) {
	for (const line of lines(frame)) {
		if (!/[│╮╯]$/.test(line)) continue;
		t.is(stringWidth(line), width, `not ${width} columns wide: ${line}`);
	}
}

test.serial('columns stay put as statuses change; at 80×24 the IP story and headless IPs survive; a Hangul filter keeps the borders (issue 10 #8)', async t => {
	await withScreen('samples/hello.yaml', undefined, async s => {
		// The column names in order (a wider cell may widen its column; no column comes or goes).
		const words = (line: string | undefined) => (line ?? '').replace(/[│›]/g, ' ').trim().split(/\s+/);
		const header = (frame: string) => words(leftPane(lines(frame).find(l => l.includes('ADDRESS')) ?? ''));
		const podsHeader = (frame: string) =>
			words(
				lines(frame)
					.find(l => l.includes(' NAME ') && l.includes('││'))
					?.split('││')[1],
			);
		const quiet = s.frame();
		const killed = await s.press('x');
		const replaced = await s.press('.', '.', '.');
		t.deepEqual(header(killed), header(quiet), 'a Terminating pod changes no Endpoints column');
		t.deepEqual(header(replaced), header(quiet), 'a replacement changes no Endpoints column');
		t.deepEqual(podsHeader(killed), podsHeader(quiet), 'nor a Pods column');
		t.deepEqual(podsHeader(quiet), ['NAME', 'STATUS', 'IP']);
		t.deepEqual(podsHeader(replaced), podsHeader(quiet));
	});
	const size = {width: 80, height: 24};
	await withScreen('samples/hello.yaml', size, async s => {
		const pod = selectedPod(s.model())!;
		const killed = await s.press('x', '.', '.', '.');
		const next = s.model().changes.find(c => c.cause === 'replaced')!;
		// The key fact whole, on one line of the narrow pane, and what it was, on the next.
		t.truthy(lineWith(endpointsPane(killed), `IP ${pod.podIP} → ${next.ip}`), endpointsPane(killed));
		t.truthy(lineWith(endpointsPane(killed), '(pod replaced)'));
		assertColumns(t, killed, size.width);
	});
	await withScreen('samples/headless.yaml', size, async s => {
		const pane = endpointsPane(s.frame());
		for (const ip of ['10.244.0.2', '10.244.1.3', '10.244.2.3']) t.truthy(lineWith(pane, `${ip}:80`), pane);
	});
	await withScreen('samples/hello.yaml', undefined, async s => {
		const filtered = await s.press('/', ...'서비스');
		t.true(filtered.includes('Services /서비스'));
		assertColumns(t, filtered, 100);
		t.true(filtered.includes('no Service matches /서비스'));
	});
});

test.serial('80×24: scrolling a pane moves the cursor, not the columns (issue 10: clusterip.yaml’s CLUSTER-IP and PORT(S) jumped)', async t => {
	await withScreen('samples/clusterip.yaml', {width: 80, height: 24}, async s => {
		// The Services pane holds 3 of its 4 rows; each step scrolls it or moves the cursor.
		const header = (frame: string) => lines(frame).find(l => l.includes('CLUSTER-IP')) ?? '';
		const first = header(s.frame());
		t.regex(first, /CLUSTER-IP {6}PORT\(S\)/, 'the widest IP (api’s 10.102.160.250) sets the column, on screen or not');
		const seen = new Set<string>();
		for (const key of ['k', 'k', 'j', 'j', 'j', 'G', 'g']) seen.add(header(await s.press(key)));
		t.deepEqual([...seen], [first]);
		t.true(s.frame().includes('api '), 'the scroll reached the row that was off screen');
	});
});

test.serial('80×24: the narrow Endpoints pane still says what check warns about, and why a Service has no endpoints (issue 10 #4)', async t => {
	await withScreen('test/fixtures/tui/wrong-target-port.yaml', {width: 80, height: 24}, async s => {
		t.is(s.model().selected, 'default/odd');
		// The warning whole, up to its explanation in parentheses; the count it pushed out is on the Services row.
		const odd = flat(endpointsPane(s.frame()));
		t.true(odd.includes('⚠ port 80: targetPort 9090 is not declared by any selected container'), endpointsPane(s.frame()));
		t.truthy(lineWith(s.frame(), '›odd ', '2/2 ready ⚠'));
		t.truthy(lineWith(s.frame(), '10.244.0.3:9090', 'ready'), 'and both addresses below it');
		t.truthy(lineWith(s.frame(), '10.244.2.2:9090', 'ready'));
		await s.press(KEYS.down, KEYS.down);
		t.is(s.model().selected, 'default/stray');
		const stray = flat(endpointsPane(s.frame()));
		t.true(stray.includes('no pod matches app=nothing-here'), endpointsPane(s.frame()));
		t.true(stray.includes('none: connections refused'), endpointsPane(s.frame()));
		t.false(endpointsPane(s.frame()).includes('…'), 'nothing cut');
	});
});
