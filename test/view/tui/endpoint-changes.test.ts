// Which addresses started or stopped taking traffic between two states: only ready addresses
// count (a terminating or not-ready one takes no traffic, docs/semantics.md D2, H2).

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
		{service: 'default/hello-node-svc', ip: '10.244.1.3', pod: 'hello-node-4fp4j', kind: 'removed', at: killed.clock},
	]);
	const ready = execute(killed, 'wait 10s').state;
	const added = endpointChanges(killed, ready);
	t.is(added.length, 1);
	t.is(added[0]!.kind, 'added');
	t.is(added[0]!.service, 'default/hello-node-svc');
	t.regex(added[0]!.pod!, /^hello-node-[a-z0-9]{5}$/);
	t.not(added[0]!.ip, '10.244.1.3');
	t.is(added[0]!.at, ready.clock);
	// The terminating pod going away for good changes no ready address.
	t.deepEqual(endpointChanges(ready, execute(ready, 'wait 30s').state), []);
});

test('scaling to 0: every address leaves, listed by Service then address', t => {
	const next = execute(hello, 'scale rc hello-node --replicas=0').state;
	t.deepEqual(
		endpointChanges(hello, next).map(c => [c.kind, c.ip]),
		[
			['removed', '10.244.0.2'],
			['removed', '10.244.1.3'],
			['removed', '10.244.2.3'],
		],
	);
});
