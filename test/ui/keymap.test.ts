// The one key table: Ink's key events become names, every name finds at most one binding, and
// every key that changes the simulation runs a line of the shared grammar (so the keyboard and
// `--script` cannot drift apart, and `--record` can write what a key did).

import {readdirSync} from 'node:fs';
import test from 'ava';
import {parseCommand} from '../../source/command/index.js';
import {getRow, listKeys} from '../../source/sim/index.js';
import {helpLines} from '../../source/ui/help-overlay.js';
import {type Binding, bindingFor, escapesBefore, KEYMAP, keyName, QUIT_KEYS, VIEWER_KEYMAP, viewerBindingFor} from '../../source/ui/keymap.js';
import {initialModel, type Model, type ModelAction, reduceModel} from '../../source/ui/model.js';
import {addressChoices, clientChoices} from '../../source/ui/targets.js';
import {servicePods} from '../../source/view/tui/index.js';
import {fromRoot} from '../root.js';
import {sampleState} from '../session/sample-state.js';
import {loadState} from './helpers.js';

const SAMPLES = readdirSync(fromRoot('samples/'))
	.filter(f => f.endsWith('.yaml'))
	.sort();

// Esc then a key, in one chunk (issue 10, problem 5).

// Ink's own input parser (not exported from the package, so loaded by path): the premise of
// escapesBefore is how it splits a chunk into the events useInput sees.
const {createInputParser} = (await import(fromRoot('node_modules/ink/build/input-parser.js').href)) as {
	createInputParser(): {push(chunk: string): string[]};
};

test('Ink 6 splits a chunk into key events so: ESC plus one character is one event (Meta+key), sequences whole', t => {
	const events = (chunk: string) => createInputParser().push(chunk);
	t.deepEqual(events('\u001Bj'), ['\u001Bj']);
	t.deepEqual(events('\u001B:'), ['\u001B:']);
	t.deepEqual(events('\u001B[B\u001B[B\r'), ['\u001B[B', '\u001B[B', '\r']);
	t.deepEqual(events('\u001B\u001B[A'), ['\u001B\u001B[A']);
	t.deepEqual(events('\u001B\u001Bk'), ['\u001B\u001B', 'k']);
	t.deepEqual(events(':get pods\r'), [':get pods\r']);
});

test('escapesBefore: an Esc press ahead of the key in ESC-prefixed events, none in a key’s own sequence', t => {
	const cases: Array<[string, number]> = [
		['\u001Bj', 1],
		['\u001BJ', 1],
		['\u001B:', 1],
		['\u001B/', 1],
		['\u001B\t', 1],
		['\u001B\r', 1],
		['\u001B\u007F', 1],
		// Esc, then ↑ (Ink: ↑ with option); ESC ESC alone: one here, the other is Ink's Escape.
		['\u001B\u001B[A', 1],
		['\u001B\u001B', 1],
		// ESC [ or ESC O cut short (flushed alone): Esc, then the bracket or the O.
		['\u001B[', 1],
		['\u001BO', 1],
		// A key's own sequence, a lone Esc, plain keys and text: no extra Esc.
		['\u001B[A', 0],
		['\u001B[5~', 0],
		['\u001BOA', 0],
		['\u001B[Z', 0],
		['\u001B', 0],
		['j', 0],
		[':get pods\r', 0],
		['', 0],
	];
	for (const [raw, n] of cases) t.is(escapesBefore(raw), n, JSON.stringify(raw));
});

// keyName.

test('keyName: special keys by name, ctrl chords, space, and plain characters as typed', t => {
	const cases: Array<[string, Parameters<typeof keyName>[1], string]> = [
		['', {upArrow: true}, 'up'],
		['', {downArrow: true}, 'down'],
		['', {leftArrow: true}, 'left'],
		['', {rightArrow: true}, 'right'],
		['', {pageUp: true}, 'pageup'],
		['', {pageDown: true}, 'pagedown'],
		['', {home: true}, 'home'],
		['', {end: true}, 'end'],
		['f', {ctrl: true}, 'ctrl+f'],
		['N', {shift: true}, 'N'],
		['', {tab: true}, 'tab'],
		['', {tab: true, shift: true}, 'shift+tab'],
		['\r', {return: true}, 'enter'],
		['', {escape: true}, 'esc'],
		['', {backspace: true}, 'backspace'],
		['', {delete: true}, 'backspace'],
		['k', {ctrl: true}, 'ctrl+k'],
		['c', {ctrl: true}, 'ctrl+c'],
		[' ', {}, 'space'],
		['x', {}, 'x'],
		['X', {shift: true}, 'X'],
		[':', {}, ':'],
		['?', {}, '?'],
	];
	for (const [input, key, name] of cases) t.is(keyName(input, key), name, JSON.stringify([input, key]));
});

test('every key in the table is one keyName can produce, and belongs to one binding only', t => {
	const producible = new Set(['up', 'down', 'home', 'end', 'tab', 'shift+tab', 'enter', 'esc', 'space', 'ctrl+k', 'ctrl+d', 'ctrl+c']);
	const seen = new Map<string, string>();
	for (const b of KEYMAP) {
		for (const key of b.keys) {
			t.true(producible.has(key) || [...key].length === 1, `${key} (${b.label})`);
			t.false(seen.has(key), `${key} is bound twice: ${seen.get(key)} and ${b.label}`);
			seen.set(key, b.label);
			t.is(bindingFor(key, b.where ?? 'home'), b);
			if (b.where === undefined) t.is(bindingFor(key, 'views'), b, `${key} works in both views`);
		}
	}
	t.is(bindingFor('F13'), undefined);
	t.deepEqual([...QUIT_KEYS].sort(), ['ctrl+c', 'q']);
});

test('the viewer’s table: every key one keyName can produce, bound once; d and y are free on the main screen (k9s’s describe and YAML)', t => {
	const producible = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'esc', 'ctrl+f', 'ctrl+b']);
	const seen = new Set<string>();
	for (const b of VIEWER_KEYMAP) {
		for (const key of b.keys) {
			t.true(producible.has(key) || [...key].length === 1, key);
			t.false(seen.has(key), `${key} is bound twice in the viewer`);
			seen.add(key);
			t.is(viewerBindingFor(key), b);
		}
	}
	t.deepEqual(
		KEYMAP.filter(b => b.keys.includes('d') || b.keys.includes('y')).map(b => b.label),
		['describe', 'yaml'],
	);
	t.is(viewerBindingFor('x'), undefined);
});

test('the help overlay lists every binding, with the command it runs', t => {
	const lines = helpLines();
	// The main screen's keys, a heading, the viewer's keys.
	t.is(lines.length, KEYMAP.length + 1 + VIEWER_KEYMAP.length);
	t.deepEqual(lines[KEYMAP.length], {keys: '', help: 'In the viewer (d, y, and what a : command prints):', command: ''});
	t.deepEqual(lines.at(-1), {keys: 'Esc q', help: 'close the viewer, back to where you were', command: ''});
	t.deepEqual(lines[0], {keys: '↑ k', help: 'move up in the focused pane', command: ''});
	t.deepEqual(
		lines.find(l => l.keys === 'x ctrl-k'),
		{keys: 'x ctrl-k', help: 'delete the selected pod (graceful; its controller replaces it with a new pod and IP)', command: 'delete pod POD -n NS'},
	);
	for (const [i, b] of KEYMAP.entries()) t.is(lines[i]!.command, b.command ?? b.opens ?? '');
	t.deepEqual(
		lines.find(l => l.keys === 'd'),
		{keys: 'd', help: 'describe the Service, EndpointSlice or pod under the cursor, in the viewer (live)', command: 'describe KIND NAME -n NS'},
	);
});

// The lines keys run.

const reduceAll = (model: Model, actions: ModelAction[]) => actions.reduce(reduceModel, model);

/** A binding pressed in the normal mode: its actions through the real reducer, or its refusal. */
function press(binding: Binding, model: Model): Model | {error: string} {
	const out = binding.run(model);
	if (!Array.isArray(out) && !('type' in out)) return out;
	return reduceAll(model, Array.isArray(out) ? out : [out]);
}

/**
 * The lines a binding runs: pressed, then Enter (`promptSubmitted`) on the prompt it opens, with
 * the text the prompt starts with. The lines are read back from the model's history, where the
 * reducer puts every line it runs.
 */
function linesOf(binding: Binding, model: Model): {lines: string[]; after: Model} | {error: string} {
	if (model.history.length > 0) throw new Error('linesOf reads the lines run from the history: start from an empty one');
	let after = press(binding, model);
	if ('error' in after) return after;
	// The l prompt starts empty (the pod's labels are shown beside it): type one label to set.
	if (after.mode.kind === 'prompt' && after.mode.purpose === 'label') after = reduceModel(after, {type: 'lineInput', text: 'tier=web'});
	if (after.mode.kind === 'prompt') after = reduceModel(after, {type: 'promptSubmitted'});
	// ctrl-d asks first: answered yes, its line runs.
	if (after.mode.kind === 'confirm') after = reduceModel(after, {type: 'confirmed', yes: true});
	return {lines: after.history, after};
}

/** The lines alone, for a binding that must not refuse. */
function ran(binding: Binding | undefined, model: Model): string[] {
	if (!binding) throw new Error('no such binding');
	const out = linesOf(binding, model);
	if ('error' in out) throw new Error(`${binding.keys[0]} refused: ${out.error}`);
	return out.lines;
}

/** The line is an action of the grammar, and the model that ran it reports no error. */
function assertRan(t: {true(v: boolean, m?: string): void}, line: string, after: Model) {
	const parsed = parseCommand(line);
	t.true(parsed.ok && parsed.command?.kind === 'actions', `${line} → ${JSON.stringify(parsed)}`);
	if (after.status?.error !== true) return t.true(true);
	// The simulator may refuse (an error value, not a grammar problem): `u` on a pod without a
	// readiness probe, which the kubelet counts Ready whenever it runs (docs/semantics.md C3).
	t.true(
		/^probe pod \S+ fail -n \S+$/.test(line) &&
			/^error: pod "[^"]+" has no readiness probe: without one the kubelet counts it Ready whenever it runs$/.test(after.status.text),
		`${line} → ${after.status.text}`,
	);
}

const withCommand = KEYMAP.filter(b => b.command !== undefined);

test('the keys that change the simulation are the ones the help shows a command for', t => {
	t.deepEqual(
		withCommand.map(b => b.keys[0]),
		['r', 'b', 'x', 'ctrl+d', 'c', 's', '+', '-', 'n', 'u', 'l', '.'],
	);
	const m = reduceModel(initialModel(loadState('samples/hello.yaml')), {type: 'focusPane', pane: 'pods'});
	// d and y open a query in the viewer: tested below.
	for (const b of KEYMAP.filter(b => b.command === undefined && b.opens === undefined)) {
		const out = linesOf(b, m);
		if ('error' in out) {
			t.fail(`${b.keys[0]}: ${out.error}`);
			continue;
		}
		t.deepEqual(out.lines, [], `${b.keys[0]} runs nothing`);
		t.is(out.after.sim, m.sim, `${b.keys[0]} leaves the simulation alone`);
		t.deepEqual(out.after.record, [], `${b.keys[0]} records nothing`);
	}
});

test('hello: each key runs the exact line its help promises, and records it', t => {
	const m = reduceModel(initialModel(loadState('samples/hello.yaml')), {type: 'focusPane', pane: 'pods'});
	const byKey: Record<string, string[]> = {};
	for (const b of withCommand) {
		const out = linesOf(b, m);
		if ('error' in out) {
			t.fail(`${b.keys[0]}: ${out.error}`);
			continue;
		}
		byKey[b.keys[0] ?? ''] = out.lines;
		for (const line of out.lines) assertRan(t, line, out.after);
		// Every one changes the simulation, so --record keeps exactly the line that ran.
		t.deepEqual(out.after.record, out.lines, `${b.keys[0]}: recorded`);
	}
	t.deepEqual(byKey, {
		x: ['delete pod hello-node-4fp4j -n default'],
		'ctrl+d': ['delete pod hello-node-4fp4j -n default'],
		c: ['crash pod hello-node-4fp4j -n default'],
		s: ['scale rc/hello-node --replicas=3 -n default'],
		'+': ['scale rc/hello-node --replicas=4 -n default'],
		'-': ['scale rc/hello-node --replicas=2 -n default'],
		r: ['curl hello-node-svc.default:80'],
		b: ['curl hello-node-svc.default:80 --count 100'],
		n: ['nslookup hello-node-svc.default'],
		u: ['probe pod hello-node-4fp4j fail -n default'],
		l: ['label pod hello-node-4fp4j -n default tier=web --overwrite'],
		'.': ['wait 1s'],
	});
});

test('hello: d and y open the query their help promises about the focused row, change nothing, record nothing', t => {
	const start = initialModel(loadState('samples/hello.yaml'));
	const opened = (key: string, pane: Model['focus']) => {
		const m = reduceModel(start, {type: 'focusPane', pane});
		const out = linesOf(bindingFor(key)!, m);
		if ('error' in out) throw new Error(out.error);
		t.is(out.after.sim, m.sim, `${key} on ${pane} leaves the simulation alone`);
		t.deepEqual(out.after.record, []);
		t.is(out.after.mode.kind, 'output');
		const parsed = parseCommand(out.lines[0] ?? '');
		t.true(parsed.ok && (parsed.command?.kind === 'describe' || parsed.command?.kind === 'get'), out.lines[0]);
		return out.lines;
	};
	t.deepEqual(opened('d', 'services'), ['describe svc hello-node-svc -n default']);
	t.deepEqual(opened('y', 'services'), ['get svc hello-node-svc -n default -o yaml']);
	// The Endpoints pane reads EndpointSlices: a row opens the slice that holds its address.
	const [slice] = opened('d', 'endpoints')[0]?.match(/hello-node-svc-[a-z0-9]{5}/) ?? [];
	t.truthy(slice);
	t.deepEqual(opened('d', 'endpoints'), [`describe endpointslice ${slice} -n default`]);
	t.deepEqual(opened('y', 'endpoints'), [`get endpointslice ${slice} -n default -o yaml`]);
	t.deepEqual(opened('d', 'pods'), ['describe pod hello-node-4fp4j -n default']);
	t.deepEqual(opened('y', 'pods'), ['get pod hello-node-4fp4j -n default -o yaml']);
	const log = reduceModel(start, {type: 'focusPane', pane: 'log'});
	t.deepEqual(bindingFor('d')!.run(log), {error: 'd and y open the row under the cursor in the Services, Endpoints or Pods pane (Tab to one)'});
});

test('hello: what is typed into the s and l prompts is what runs', t => {
	const m = reduceModel(initialModel(loadState('samples/hello.yaml')), {type: 'focusPane', pane: 'pods'});
	const type = (key: string, text: string): Model => {
		const prompt = press(bindingFor(key)!, m);
		if ('error' in prompt || prompt.mode.kind !== 'prompt') throw new Error(`${key} opens no prompt`);
		return reduceAll(prompt, [{type: 'promptEdited', text}, {type: 'promptSubmitted'}]);
	};
	const scaled = type('s', '5');
	t.deepEqual(scaled.record, ['scale rc/hello-node --replicas=5 -n default']);
	t.is(getRow(scaled.sim.workloads, 'ReplicationController/default/hello-node')?.replicas, 5);
	const labeled = type('l', 'app=hello-node tier=web');
	t.deepEqual(labeled.record, ['label pod hello-node-4fp4j -n default app=hello-node tier=web --overwrite']);
	t.deepEqual(getRow(labeled.sim.pods, 'default/hello-node-4fp4j')?.labels, {app: 'hello-node', tier: 'web'});
});

for (const file of SAMPLES) {
	test(`${file}: every key with a command runs a line the grammar accepts, from every client and address`, t => {
		const start = reduceModel(initialModel(loadState(`samples/${file}`)), {type: 'focusPane', pane: 'pods'});
		const services = listKeys(start.sim.services);
		let checked = 0;
		for (const key of services) {
			const service = getRow(start.sim.services, key)!;
			let m: Model = {...start, selected: key};
			for (const b of withCommand) {
				const out = linesOf(b, m);
				if ('error' in out) {
					// Only pod keys may refuse, and only for a Service without pods.
					t.true(/^(no pod selected|the selected pod has no controller)/.test(out.error), `${b.keys[0]}: ${out.error}`);
					continue;
				}
				t.is(out.lines.length, 1, `${b.keys[0]} runs one line`);
				for (const line of out.lines) {
					assertRan(t, line, out.after);
					checked++;
				}
			}
			for (const client of clientChoices(m.sim, service)) {
				for (const address of addressChoices(m.sim, service)) {
					m = {...m, client: client.flags, address: address.mode};
					for (const k of ['r', 'b', 'n']) {
						const out = linesOf(bindingFor(k)!, m);
						if ('error' in out) {
							t.fail(`${k}: ${out.error}`);
							continue;
						}
						t.is(out.lines.length, 1, `${k} runs one line`);
						for (const line of out.lines) {
							assertRan(t, line, out.after);
							checked++;
						}
					}
				}
			}
		}
		t.true(checked > 50, `${checked} lines checked`);
	});
}

test('keys that need a pod say why when there is none', t => {
	// externalname.yaml opens on the ExternalName Service default/catalog: no pods (A9).
	const m = reduceModel(initialModel(loadState('samples/externalname.yaml')), {type: 'focusPane', pane: 'pods'});
	t.is(m.selected, 'default/catalog');
	for (const key of ['x', 'c', 'u', 'l']) {
		t.deepEqual(bindingFor(key)!.run(m), {error: 'no pod selected: pick a Service with pods, then a pod in the Pods pane'});
	}
	for (const key of ['s', '+', '-']) t.deepEqual(bindingFor(key)!.run(m), {error: 'no pod selected: pick a Service with pods, then a pod in the Pods pane'});
	t.deepEqual(ran(bindingFor('n'), m), ['nslookup catalog.default']);
});

test('a bare pod has no controller to scale, but can be killed; no Service, no request', t => {
	const bare = `apiVersion: v1
kind: Pod
metadata:
  name: standalone
  labels:
    app: hello-node
spec:
  containers:
    - name: c
      image: busybox
      ports:
        - containerPort: 8080
`;
	const m0 = reduceModel(initialModel(sampleState('hello.yaml', {extra: bare})), {type: 'focusPane', pane: 'pods'});
	const index = servicePods(m0.sim, getRow(m0.sim.services, 'default/hello-node-svc')).items.findIndex(i => i.pod.name === 'standalone');
	t.true(index >= 0, 'the bare pod matches the Service');
	const m = {...m0, cursor: {...m0.cursor, pods: index}};
	for (const key of ['s', '+', '-']) t.deepEqual(bindingFor(key)!.run(m), {error: 'the selected pod has no controller to scale (a bare pod)'});
	t.deepEqual(ran(bindingFor('x'), m), ['delete pod standalone -n default']);
	t.deepEqual(bindingFor('r')!.run({...m, selected: null}), {error: 'no Service selected'});
});

test('r and b on a UDP-only Service send UDP (curl --udp), which reaches it; on a TCP one they stay plain curl', t => {
	const start = initialModel(loadState('test/fixtures/protocols/udp-sctp.yaml'));
	const on = (service: string) => ({...start, selected: service});
	t.deepEqual(ran(bindingFor('r'), on('default/syslog')), ['curl syslog.default:514 --udp']);
	t.deepEqual(ran(bindingFor('b'), on('default/diameter')), ['curl diameter.default:3868 --sctp --count 100']);
	t.deepEqual(ran(bindingFor('r'), on('default/dns')), ['curl dns.default:53'], 'TCP first where a Service has both');
	const out = linesOf(bindingFor('r')!, on('default/syslog'));
	if ('error' in out) throw new Error(out.error);
	const [entry] = out.after.log;
	t.like(entry, {kind: 'request', trace: {outcome: 'ok', protocol: 'UDP', endpoint: {pod: 'collector'}}});
});

test('/ from the Pods or Endpoints pane filters the Services and moves the cursor there, where the filter acts', t => {
	const start = initialModel(loadState('samples/hello.yaml'));
	for (const pane of ['pods', 'endpoints'] as const) {
		const m = reduceModel(start, {type: 'focusPane', pane});
		const opened = press(bindingFor('/')!, m);
		if ('error' in opened) throw new Error(opened.error);
		t.is(opened.mode.kind, 'filter', pane);
		t.is(opened.focus, 'services', pane);
		const filtered = reduceModel(opened, {type: 'lineInput', text: 'kube-dns'});
		t.is(filtered.selected, 'kube-system/kube-dns', `${pane}: the Services the filter keeps, the first selected`);
	}
});

test('e: the selected Service on the main screen, the row in a Services or NetworkPolicies view; other kinds are said at once', t => {
	const start = initialModel(loadState('samples/netpol-default-deny.yaml'));
	const [namespace, name] = (start.selected ?? '').split('/');
	t.deepEqual(bindingFor('e')!.run(start), {type: 'editAsked', ref: `service ${name} -n ${namespace}`});
	const view = (word: string) =>
		reduceAll(start, [
			{type: 'mode', mode: {kind: 'palette', text: word, historyIndex: null}},
			{type: 'paletteSubmitted', line: word},
		]);
	const policies = view('netpol');
	const action = bindingFor('e')!.run(policies);
	t.like(action, {type: 'editAsked'});
	t.regex('ref' in action ? action.ref : '', /^networkpolicy allow-dns -n shop$/);
	t.deepEqual(bindingFor('e')!.run(view('po')), {error: 'e edits Services and NetworkPolicies (what apply changes, so far), not pods'});
});
