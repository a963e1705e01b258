// `kubectl get events`: the layout of pkg/printers/internalversion/printers.go printEvent, the
// core/v1 Event object, and --field-selector over the fields the API server selects events by
// (pkg/registry/core/event/strategy.go). Expected texts are written out by hand.

import test from 'ava';
import {get} from '../../source/view/get.js';
import {kubectlGet} from '../../source/view/get-formats.js';
import {buildState, CLOCK, type FixtureEvent, M, S} from './fixture-state.js';

const pod = {kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-web-1'};
const container = {...pod, fieldPath: 'spec.containers{web}'};
const unhealthy = (at: number): FixtureEvent => ({
	at,
	type: 'Warning',
	reason: 'Unhealthy',
	involved: container,
	message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
	source: 'kubelet',
	host: 'node-1',
});

const EVENTS: FixtureEvent[] = [
	{
		at: CLOCK - 5 * M,
		type: 'Normal',
		reason: 'ScalingReplicaSet',
		involved: {kind: 'Deployment', namespace: 'default', name: 'web'},
		message: 'Scaled up replica set web-5d59d67564 to 3 from 0',
		source: 'deployment-controller',
	},
	unhealthy(CLOCK - 2 * M),
	unhealthy(CLOCK - 1 * M),
	{
		at: CLOCK - 45 * S,
		type: 'Normal',
		reason: 'Scheduled',
		involved: pod,
		message: 'Successfully assigned default/web-1 to node-1',
		source: 'default-scheduler',
	},
	{
		at: CLOCK - 30 * S,
		type: 'Normal',
		reason: 'RemovingNode',
		involved: {kind: 'Node', namespace: '', name: 'node-2'},
		message: 'Node node-2 event: Removing Node node-2 from Controller',
		source: 'node-controller',
	},
	{
		at: CLOCK - 20 * S,
		type: 'Normal',
		reason: 'Killing',
		involved: {kind: 'Pod', namespace: 'shop', name: 'cart-0', fieldPath: 'spec.containers{cart}'},
		message: 'Stopping container cart',
		source: 'kubelet',
		host: 'node-3',
	},
	unhealthy(CLOCK - 10 * S),
];

const state = buildState({events: EVENTS});

function text(options: Partial<Parameters<typeof get>[1]>): string {
	const result = get(state, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'table', ...options});
	if (!result.ok) throw new Error(result.error);
	return result.text;
}

test("get events: LAST SEEN TYPE REASON OBJECT MESSAGE, in name order (the API lists by key, not time); a node's events live in default", t => {
	t.is(
		text({}),
		[
			'LAST SEEN   TYPE      REASON              OBJECT           MESSAGE',
			'30s         Normal    RemovingNode        node/node-2      Node node-2 event: Removing Node node-2 from Controller',
			'10s         Warning   Unhealthy           pod/web-1        Readiness probe failed: HTTP probe failed with statuscode: 503',
			'45s         Normal    Scheduled           pod/web-1        Successfully assigned default/web-1 to node-1',
			'5m          Normal    ScalingReplicaSet   deployment/web   Scaled up replica set web-5d59d67564 to 3 from 0',
		].join('\n'),
	);
});

test('get events -A: a NAMESPACE column, namespaces in order', t => {
	const lines = text({allNamespaces: true}).split('\n');
	t.is(lines[0], 'NAMESPACE   LAST SEEN   TYPE      REASON              OBJECT           MESSAGE');
	t.is(lines[5], 'shop        20s         Normal    Killing             pod/cart-0       Stopping container cart');
});

test('get events -o wide: SUBOBJECT and SOURCE before MESSAGE, then FIRST SEEN, COUNT, NAME (printEvent wide)', t => {
	const lines = text({output: 'wide', fieldSelector: 'involvedObject.name=web-1'}).split('\n');
	t.deepEqual(lines, [
		'LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT              SOURCE              MESSAGE                                                          FIRST SEEN   COUNT   NAME',
		'10s         Warning   Unhealthy   pod/web-1   spec.containers{web}   kubelet, node-1     Readiness probe failed: HTTP probe failed with statuscode: 503   2m           3       web-1.188678c25edc9001',
		'45s         Normal    Scheduled   pod/web-1                          default-scheduler   Successfully assigned default/web-1 to node-1                    45s          1       web-1.188678d3d535be03',
	]);
});

test('--field-selector: =, == and != on involvedObject.*, type and reason, all terms must hold', t => {
	const objects = (fieldSelector: string) => {
		const result = get(state, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'json', fieldSelector});
		if (!result.ok) throw new Error(result.error);
		return (result.json as {items: Array<{reason: string}>}).items.map(e => e.reason);
	};
	t.deepEqual(objects('involvedObject.kind=Pod,type=Warning'), ['Unhealthy']);
	t.deepEqual(objects('involvedObject.kind==Pod,reason!=Unhealthy'), ['Scheduled']);
	t.deepEqual(objects('source=node-controller'), ['RemovingNode']);
	t.deepEqual(objects('involvedObject.fieldPath=spec.containers{web}'), ['Unhealthy']);
	t.deepEqual(objects('type!=Warning,type!=Normal'), []);
	t.deepEqual(get(state, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'table', fieldSelector: 'color=red'}), {
		ok: false,
		error: 'Error from server (BadRequest): field label not supported: color',
	});
	t.false(get(state, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'table', fieldSelector: 'type'}).ok);
	// Other kinds select on metadata only.
	t.false(get(state, {resource: 'pods', namespace: 'default', allNamespaces: false, output: 'table', fieldSelector: 'type=Warning'}).ok);
});

test('get events -o json: the core/v1 Event object, one aggregated event with count and first/last timestamps', t => {
	const result = get(state, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'json', fieldSelector: 'reason=Unhealthy'});
	if (!result.ok) throw new Error(result.error);
	const [event] = (result.json as {items: unknown[]}).items;
	t.deepEqual(event, {
		apiVersion: 'v1',
		count: 3,
		eventTime: null,
		firstTimestamp: '2026-01-01T01:58:00Z',
		involvedObject: {apiVersion: 'v1', fieldPath: 'spec.containers{web}', kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'uid-web-1'},
		kind: 'Event',
		lastTimestamp: '2026-01-01T01:59:50Z',
		message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
		metadata: {
			creationTimestamp: '2026-01-01T01:58:00Z',
			name: 'web-1.188678c25edc9001',
			namespace: 'default',
			uid: (event as {metadata: {uid: string}}).metadata.uid,
		},
		reason: 'Unhealthy',
		reportingComponent: 'kubelet',
		reportingInstance: 'node-1',
		source: {component: 'kubelet', host: 'node-1'},
		type: 'Warning',
	});
	t.regex((event as {metadata: {uid: string}}).metadata.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('get events: untrusted text is sanitized', t => {
	const odd = buildState({
		events: [{at: CLOCK, type: 'Normal', reason: 'X', involved: {kind: 'Pod', namespace: 'default', name: 'p'}, message: 'a\u001b[31mb', source: 's'}],
	});
	const result = get(odd, {resource: 'events', namespace: 'default', allNamespaces: false, output: 'table'});
	t.true(result.ok && result.text.includes('a^[[31mb'));
});

test("--field-selector reaches the table through kubectl get's printers, with --sort-by=.lastTimestamp", t => {
	const result = kubectlGet(state, {
		resource: 'events',
		namespace: 'default',
		allNamespaces: false,
		output: 'table',
		fieldSelector: 'involvedObject.kind=Pod',
		sortBy: '.lastTimestamp',
	});
	t.true(result.ok);
	if (!result.ok) return;
	t.deepEqual(
		result.text.split('\n').map(line => line.split(/ {3,}/)[2]),
		['REASON', 'Scheduled', 'Unhealthy'],
	);
});
