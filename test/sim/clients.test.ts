// Who sends a request (source/sim/clients.ts): the default client is the pod `kubectl run curl`
// would start; it is no object of the API, and `--from pod/curl` names it.

import test from 'ava';
import {resolveClient} from '../../source/sim/clients.js';
import {listRows} from '../../source/sim/index.js';
import {helloRC, input} from './hello-input.js';
import {boot, run, wait} from './helpers.js';

const hello = run(boot(input()), wait(30)).state;

test('the default client sits on the first node at an address no pod has, and is no pod of the API', t => {
	const result = resolveClient(hello, {kind: 'default'});
	if (!result.ok) return t.fail(result.error);
	const {client} = result;
	t.like(client, {kind: 'pod', name: 'curl', namespace: 'default', nodeName: 'node-1'});
	const pods = listRows(hello.pods);
	t.true(pods.length > 0);
	t.false(
		pods.some(p => p.podIP === client.ip),
		client.ip,
	);
	t.false(pods.some(p => p.name === 'curl'));
	t.like(resolveClient(hello, {kind: 'default', namespace: 'backend'}), {ok: true, client: {namespace: 'backend', ip: client.ip}});
});

test('--from pod/curl is the default client, in the namespace asked for', t => {
	t.deepEqual(resolveClient(hello, {kind: 'pod', name: 'curl', namespace: 'default'}), resolveClient(hello, {kind: 'default'}));
	t.deepEqual(resolveClient(hello, {kind: 'pod', name: 'curl', namespace: 'shop'}), resolveClient(hello, {kind: 'default', namespace: 'shop'}));
	t.deepEqual(resolveClient(hello, {kind: 'pod', name: 'curly', namespace: 'default'}), {
		ok: false,
		error: 'Error from server (NotFound): pods "curly" not found',
	});
});

test('a pod of the cluster called curl is that pod, not the default client', t => {
	const curl = {meta: {name: 'curl', namespace: 'default', labels: {run: 'curl'}, annotations: {}}, spec: helloRC.template.spec};
	const state = run(boot(input({pods: [curl]})), wait(30)).state;
	const pod = listRows(state.pods).find(p => p.name === 'curl');
	if (!pod?.podIP) return t.fail('the pod curl did not start');
	t.like(resolveClient(state, {kind: 'pod', name: 'curl', namespace: 'default'}), {ok: true, client: {name: 'curl', ip: pod.podIP}});
	t.notDeepEqual(resolveClient(state, {kind: 'pod', name: 'curl', namespace: 'default'}), resolveClient(state, {kind: 'default'}));
});
