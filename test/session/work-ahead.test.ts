// What a command line is about to keep busy, said before it runs (issue 10 #10). The bars are
// 2,000 pods and 100,000 requests in one step.

import test from 'ava';
import {workAhead} from '../../source/session/work-ahead.js';
import {getRow, listEntries} from '../../source/sim/index.js';
import {rowsFrom} from '../../source/sim/rows.js';
import type {Workload} from '../../source/sim/types.js';
import {sampleState} from './sample-state.js';

const hello = sampleState('hello.yaml');

test('a scale that creates or deletes thousands of pods is named with the count, as kubectl names the workload', t => {
	t.is(workAhead(hello, 'scale rc hello-node --replicas=100000'), 'scaling replicationcontroller/hello-node to 100,000 replicas: 99,997 pods to create…');
	t.is(workAhead(hello, `scale rc hello-node --replicas=2003`), `scaling replicationcontroller/hello-node to 2,003 replicas: 2,000 pods to create…`);
	const key = 'ReplicationController/default/hello-node';
	const rc = {...(getRow(hello.workloads, key) as Workload), replicas: 50_000};
	const big = {...hello, workloads: rowsFrom(listEntries(hello.workloads).map(([k, w]) => [k, k === key ? rc : w] as const))};
	t.is(workAhead(big, 'scale replicationcontroller/hello-node --replicas=0'), 'scaling replicationcontroller/hello-node to 0 replicas: 50,000 pods to delete…');
});

test('what answers at once says nothing: small scales, queries, unknown workloads, lines that do not parse', t => {
	t.is(workAhead(hello, `scale rc hello-node --replicas=2002`), null, 'one pod short of the bar');
	t.is(workAhead(hello, 'get pods'), null);
	t.is(workAhead(hello, 'scale rc nope --replicas=100000'), null, 'the step refuses it at once (NotFound)');
	t.is(workAhead(hello, 'scale rc hello-node --replicas='), null);
	t.is(workAhead(hello, 'curl hello-node-svc --count 10'), null);
});

test('a burst of requests past the bar is named with its count and target', t => {
	t.is(workAhead(hello, `curl hello-node-svc --count 1000000 --summary`), 'sending 1,000,000 requests to hello-node-svc…');
});
