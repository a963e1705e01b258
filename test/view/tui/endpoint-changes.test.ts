// Which addresses started or stopped taking traffic between two states, and why: only ready
// addresses count (a terminating or not-ready one takes no traffic, docs/semantics.md D2, H2), and
// only a deleted pod's successor replaces anything (C4); a restart keeps the pod and its IP (C5).

import test from 'ava';
import {execute} from '../../../source/session/execute.js';
import {endpointChanges} from '../../../source/view/tui/index.js';
import {sampleState} from '../../session/sample-state.js';

const hello = sampleState('hello.yaml');

test('nothing changed, nothing to report', t => {
	t.deepEqual(endpointChanges(hello, hello), []);
	t.deepEqual(endpointChanges(hello, execute(hello, 'wait 1s').state), []);
});

test('a killed pod leaves at once; its replacement joins once ready', t => {
	const killed = execute(hello, 'delete pod hello-node-4fp4j').state;
	t.deepEqual(endpointChanges(hello, killed), [
		{
			service: 'default/hello-node-svc',
			ip: '10.244.1.3',
			pod: 'hello-node-4fp4j',
			kind: 'removed',
			at: killed.clock,
			cause: 'deleted',
			owner: 'ReplicationController/default/hello-node',
		},
	]);
	const ready = execute(killed, 'wait 10s').state;
	const added = endpointChanges(killed, ready, endpointChanges(hello, killed));
	t.is(added.length, 1);
	t.is(added[0]!.kind, 'added');
	t.is(added[0]!.service, 'default/hello-node-svc');
	t.regex(added[0]!.pod!, /^hello-node-[a-z0-9]{5}$/);
	t.not(added[0]!.ip, '10.244.1.3');
	t.is(added[0]!.at, ready.clock);
	t.is(added[0]!.cause, 'replaced');
	t.is(added[0]!.replaces, '10.244.1.3');
	// The terminating pod going away for good changes no ready address.
	t.deepEqual(endpointChanges(ready, execute(ready, 'wait 30s').state), []);
});

test('scaling to 0: every address leaves, listed by Service then address', t => {
	const next = execute(hello, 'scale rc hello-node --replicas=0').state;
	t.deepEqual(
		endpointChanges(hello, next).map(c => [c.kind, c.ip, c.cause]),
		[
			['removed', '10.244.0.2', 'scaled down'],
			['removed', '10.244.1.3', 'scaled down'],
			['removed', '10.244.2.3', 'scaled down'],
		],
	);
});

/** Every change from `state` through each command in turn, as the TUI accumulates them. */
function story(state: typeof hello, ...lines: string[]) {
	const all: ReturnType<typeof endpointChanges> = [];
	for (const line of lines) {
		const next = execute(state, line).state;
		all.push(...endpointChanges(state, next, all));
		state = next;
	}
	return all.map(c => [c.kind, c.ip, c.pod, c.cause, c.replaces]);
}

test('a crashed container: the same pod leaves the ready set and comes back with the same IP, replacing nothing (C5)', t => {
	t.deepEqual(story(hello, 'crash pod hello-node-4fp4j', 'wait 10s'), [
		['removed', '10.244.1.3', 'hello-node-4fp4j', 'restarted', undefined],
		['added', '10.244.1.3', 'hello-node-4fp4j', 'restarted', undefined],
	]);
});

test('a pod relabeled out of the selector left it and runs on; its controller’s new pod is new, not a replacement', t => {
	const changes = story(hello, 'label pod hello-node-4fp4j app-', 'wait 10s');
	t.deepEqual(changes[0], ['removed', '10.244.1.3', 'hello-node-4fp4j', 'left selector', undefined]);
	t.is(changes.length, 2);
	t.is(changes[1]![0], 'added');
	t.is(changes[1]![3], 'new');
	t.is(changes[1]![4], undefined);
	// Labeled back in, the same pod joins again.
	const back = story(hello, 'label pod hello-node-4fp4j app-', 'wait 10s', 'label pod hello-node-4fp4j app=hello-node', 'wait 1s');
	t.true(back.some(c => c[0] === 'added' && c[2] === 'hello-node-4fp4j' && c[3] === 'joined selector'));
});

test('a killed pod and one long wait: the replacement is made at once and ready within the step, still a replacement (paired by its creation, not by when it is seen)', t => {
	const changes = story(hello, 'delete pod hello-node-4fp4j', 'wait 30s');
	t.deepEqual(
		changes.map(c => [c[0], c[3], c[4]]),
		[
			['removed', 'deleted', undefined],
			['added', 'replaced', '10.244.1.3'],
		],
	);
	// A pod made long after the deletion replaces nothing: a later scale-up.
	const later = story(hello, 'delete pod hello-node-4fp4j', 'wait 30s', 'scale rc hello-node --replicas=4', 'wait 10s');
	t.deepEqual(later.at(-1)?.[3], 'scaled up');
});

test('a relabeled pod is made up for by one new pod; a scale-up seconds later adds pods that are scaled up, not new', t => {
	const changes = story(hello, 'label pod hello-node-4fp4j app-', 'wait 3s', 'scale rc hello-node --replicas=5', 'wait 3s');
	t.deepEqual(
		changes.map(c => [c[0], c[3]]),
		[
			['removed', 'left selector'],
			['added', 'new'],
			['added', 'scaled up'],
			['added', 'scaled up'],
		],
	);
	// Both at once (one step): still one new, the rest scaled up.
	const together = story(hello, 'label pod hello-node-4fp4j app-', 'scale rc hello-node --replicas=5', 'wait 10s');
	t.deepEqual(
		together
			.filter(c => c[0] === 'added')
			.map(c => c[3])
			.sort(),
		['new', 'scaled up', 'scaled up'],
	);
});

test('scaling up adds addresses and replaces none; scaling down removes them and replaces none', t => {
	const up = story(hello, 'scale rc hello-node --replicas=35', 'wait 10s');
	t.is(up.length, 32);
	t.true(up.every(c => c[0] === 'added' && c[3] === 'scaled up' && c[4] === undefined));
	const downUp = story(hello, 'scale rc hello-node --replicas=2', 'scale rc hello-node --replicas=3', 'wait 6s');
	t.deepEqual(
		downUp.map(c => [c[0], c[3], c[4]]),
		[
			['removed', 'scaled down', undefined],
			['added', 'scaled up', undefined],
		],
	);
});

test('a StatefulSet pod deleted comes back under the same name with a new IP: a replacement (C4)', t => {
	const web = sampleState('headless.yaml');
	const changes = story(web, 'delete pod web-1', 'wait 40s');
	const added = changes.filter(c => c[0] === 'added');
	t.is(added.length, 1);
	t.is(added[0]![2], 'web-1');
	t.is(added[0]![3], 'replaced');
	t.is(added[0]![4], changes[0]![1]);
	t.not(added[0]![1], changes[0]![1]);
});
