// The Events block of kubectl describe (kubernetes/kubectl pkg/describe/describe.go DescribeEvents),
// written out by hand.

import test from 'ava';
import {describeEvents} from '../../source/view/describe-events.js';
import {DESCRIBE_LAYOUT, tabwrite} from '../../source/view/table.js';
import {buildState, CLOCK, type FixtureEvent, M, S} from './fixture-state.js';

const pod = {kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-1'};
const unhealthy = (at: number): FixtureEvent => ({
	at,
	type: 'Warning',
	reason: 'Unhealthy',
	involved: {...pod, fieldPath: 'spec.containers{web}'},
	message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
	source: 'kubelet',
	host: 'node-1',
});

const state = buildState({
	events: [
		unhealthy(CLOCK - 2 * M),
		{
			at: CLOCK - 45 * S,
			type: 'Normal',
			reason: 'Scheduled',
			involved: pod,
			message: 'Successfully assigned default/web-1 to node-1',
			source: 'default-scheduler',
		},
		unhealthy(CLOCK - 10 * S),
		// An earlier pod of the same name (another uid) is not this one's.
		{at: CLOCK - 5 * S, type: 'Normal', reason: 'Killing', involved: {...pod, uid: 'uid-0'}, message: 'Stopping container web', source: 'kubelet'},
	],
});

test('describeEvents: oldest last-seen first, `<last> (xN over <first>)` for a repeated event, a container event prefixed with its fieldPath', t => {
	t.is(
		tabwrite(describeEvents(state, pod), DESCRIBE_LAYOUT),
		[
			'Events:',
			'  Type     Reason     Age               From               Message',
			'  ----     ------     ----              ----               -------',
			'  Normal   Scheduled  45s               default-scheduler  Successfully assigned default/web-1 to node-1',
			'  Warning  Unhealthy  10s (x2 over 2m)  kubelet            spec.containers{web}: Readiness probe failed: HTTP probe failed with statuscode: 503',
		].join('\n'),
	);
});

test('describeEvents: `Events:  <none>` when nothing is about the object', t => {
	t.is(tabwrite(describeEvents(state, {kind: 'Service', namespace: 'default', name: 'web-1'}), DESCRIBE_LAYOUT), 'Events:  <none>');
});

test('describeEvents: without a kind (describe pod clears it) any kind of that name and uid matches', t => {
	const rows = describeEvents(state, {namespace: 'default', name: 'web-1', uid: 'uid-0'});
	t.deepEqual(rows.slice(3), [['  Normal', 'Killing', '5s', 'kubelet', 'Stopping container web']]);
});
