// A viewer opened on a query follows the simulation (k9s's live views): as the clock runs, the
// query is re-run when the state changed, and the viewer shows what --script would print now.
// An action's output (curl) is never re-run.

import test from 'ava';
import {initialModel, type Model, type ModelAction, reduceModel, selectedPod} from '../../source/ui/model.js';
import {loadState} from './helpers.js';
import {headless} from './viewer-frames.js';

const hello = loadState('samples/hello.yaml');
const reduceAll = (m: Model, actions: ModelAction[]) => actions.reduce(reduceModel, m);
const ticks = (n: number, ms: number): ModelAction[] => Array.from({length: n}, () => ({type: 'tick', ms}));
const viewerOf = (m: Model) => {
	if (m.mode.kind !== 'output') throw new Error(`no viewer: ${m.mode.kind}`);
	return m.mode;
};

test('a pod deleted, get ep open in the viewer, then the clock: the viewer follows the Endpoints as --script would print them now', t => {
	const start = reduceAll(initialModel(hello), [{type: 'focusPane', pane: 'pods'}]);
	const pod = selectedPod(start);
	t.truthy(pod);
	const line = `get ep hello-node-svc -n default`;
	const killed = reduceAll(start, [
		{type: 'run', line: `delete pod ${pod?.name} -n default`},
		{type: 'viewerOpened', line},
	]);
	const opened = viewerOf(killed);
	t.is(opened.live, line);
	t.deepEqual(opened.lines, headless(killed.sim, line));
	t.false(opened.lines.join('\n').includes(pod?.podIP ?? '?'), 'the deleted pod left the endpoints at once (docs/semantics.md C1)');

	// The replacement starts and becomes ready on the virtual clock; the viewer's lines follow.
	const later = reduceAll(killed, ticks(40, 250));
	const followed = viewerOf(later);
	t.true(later.sim.clock >= killed.sim.clock + 10_000);
	t.deepEqual(followed.lines, headless(later.sim, line));
	t.notDeepEqual(followed.lines, opened.lines, 'the replacement pod’s address came in');
	t.is(followed.title, opened.title);
});

test('a tick inside the same second that changes no object keeps the viewer as it is; a closed viewer is not re-run', t => {
	const opened = reduceModel(initialModel(hello), {type: 'viewerOpened', line: 'describe svc hello-node-svc -n default'});
	const ticked = reduceModel(opened, {type: 'tick', ms: 100});
	t.not(ticked.sim, opened.sim);
	t.is(ticked.mode, opened.mode);
	const closed = reduceAll(opened, [{type: 'mode', mode: {kind: 'normal'}}, ...ticks(4, 500)]);
	t.is(closed.mode.kind, 'normal');
});

test('palette curl output is not re-run as the clock moves: no second request', t => {
	const fired = reduceModel(initialModel(hello), {type: 'run', line: 'curl hello-node-svc', show: true});
	const viewer = viewerOf(fired);
	t.is(viewer.live, null);
	const later = reduceAll(fired, ticks(8, 500));
	t.is(viewerOf(later).lines, viewer.lines);
	t.is(later.sim.requestLog.length, fired.sim.requestLog.length);
});
