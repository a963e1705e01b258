// What `f` offers: who sends (the in-cluster test pod, outside clients, nodes, running pods) and
// at which address of the Service (its DNS name, ClusterIP, each node's nodePort, LB address).

import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {getRow, hasRow, listRows} from '../../source/sim/index.js';
import {addressChoices, clientChoices, targetFor} from '../../source/ui/targets.js';
import {loadState} from './helpers.js';

const hello = loadState('samples/hello.yaml');
const svc = getRow(hello.services, 'default/hello-node-svc')!;

test('hello: clients, as an aligned table, the selected Service’s namespace first', t => {
	t.deepEqual(clientChoices(hello, svc), [
		{flags: '', who: 'pod/curl', label: 'pod/curl                      10.244.0.254 (default, node-1) · test client, not in get pods'},
		{flags: '--from external', who: 'external', label: 'external                      198.51.100.7 (outside the cluster)'},
		{flags: '--from node/node-1', who: 'node/node-1', label: 'node/node-1                   192.168.49.2 (host network: no cluster DNS)'},
		{flags: '--from node/node-2', who: 'node/node-2', label: 'node/node-2                   192.168.49.3 (host network: no cluster DNS)'},
		{flags: '--from node/node-3', who: 'node/node-3', label: 'node/node-3                   192.168.49.4 (host network: no cluster DNS)'},
		{flags: '--from pod/hello-node-4fp4j -n default', who: 'pod/hello-node-4fp4j', label: 'pod/hello-node-4fp4j          10.244.1.3 (default, node-2)'},
		{flags: '--from pod/hello-node-c4hwf -n default', who: 'pod/hello-node-c4hwf', label: 'pod/hello-node-c4hwf          10.244.0.2 (default, node-1)'},
		{flags: '--from pod/hello-node-vdtt6 -n default', who: 'pod/hello-node-vdtt6', label: 'pod/hello-node-vdtt6          10.244.2.3 (default, node-3)'},
		{
			flags: '--from pod/coredns-6c6dd8c559-jz9b2 -n kube-system',
			who: 'pod/coredns-6c6dd8c559-jz9b2',
			label: 'pod/coredns-6c6dd8c559-jz9b2  10.244.1.2 (kube-system, node-2)',
		},
		{
			flags: '--from pod/coredns-6c6dd8c559-mmjwr -n kube-system',
			who: 'pod/coredns-6c6dd8c559-mmjwr',
			label: 'pod/coredns-6c6dd8c559-mmjwr  10.244.2.2 (kube-system, node-3)',
		},
	]);
});

test('the default client’s row tells the truth: where a request from it comes from, and that get pods does not list it', t => {
	const [row] = clientChoices(hello, svc);
	const from = execute(hello, 'curl hello-node-svc -v').out.join('\n');
	t.true(from.includes('pod/curl (10.244.0.254 on node-1)'), from);
	t.true(row?.label.includes('10.244.0.254 (default, node-1)'));
	t.false(execute(hello, 'get pods -A -o wide').out.join('\n').includes('10.244.0.254'));
	// What the row names, the palette names too.
	t.deepEqual(execute(hello, 'curl hello-node-svc --from pod/curl -v').out, execute(hello, 'curl hello-node-svc -v').out);
});

test('an outside client not named `external` is chosen by its own name', t => {
	const lb = loadState('samples/loadbalancer.yaml');
	const clients = clientChoices(lb, undefined).filter(c => c.label.includes('outside the cluster'));
	t.true(clients.length > 0);
	for (const c of clients) t.regex(c.flags, /^--from [a-z0-9-]+$/);
	t.true(clients.some(c => c.flags === '--from laptop'));
});

test('terminating and not-yet-running pods cannot send', t => {
	const senders = (state: State) => clientChoices(state, svc).filter(c => c.flags.startsWith('--from pod/hello-node-'));
	t.deepEqual(
		senders(hello).map(c => c.flags),
		['--from pod/hello-node-4fp4j -n default', '--from pod/hello-node-c4hwf -n default', '--from pod/hello-node-vdtt6 -n default'],
	);
	// Killed: Terminating at once (C4), and the controller's replacement exists with no IP and no
	// running container yet (C1). Neither is offered; the other two still are.
	const killed = execute(hello, 'delete pod hello-node-4fp4j -n default');
	t.true(killed.ok);
	const replacement = listRows(killed.state.pods).find(p => p.name.startsWith('hello-node-') && !hasRow(hello.pods, `default/${p.name}`));
	if (!replacement) return t.fail('no replacement pod');
	t.is(getRow(killed.state.pods, 'default/hello-node-4fp4j')?.deletionTimestamp, hello.clock);
	t.is(replacement.podIP, null);
	t.false(replacement.containersRunning);
	t.deepEqual(
		senders(killed.state).map(c => c.flags),
		['--from pod/hello-node-c4hwf -n default', '--from pod/hello-node-vdtt6 -n default'],
	);
	// A container that is down (crashed, restarting: its IP kept) cannot send either.
	const crashed = execute(killed.state, 'crash pod hello-node-c4hwf -n default').state;
	t.is(getRow(crashed.pods, 'default/hello-node-c4hwf')?.podIP, '10.244.0.2');
	t.deepEqual(
		senders(crashed).map(c => c.flags),
		['--from pod/hello-node-vdtt6 -n default'],
	);
	// Once the replacement runs it is offered, with its new IP; the Terminating pod still is not.
	const later = execute(killed.state, 'wait 5s').state;
	const started = getRow(later.pods, `default/${replacement.name}`);
	t.is(started?.phase, 'Running');
	t.is(getRow(later.pods, 'default/hello-node-4fp4j')?.deletionTimestamp, hello.clock, 'still Terminating, inside its grace period');
	t.deepEqual(
		senders(later).map(c => c.flags),
		['--from pod/hello-node-c4hwf -n default', '--from pod/hello-node-vdtt6 -n default', `--from pod/${replacement.name} -n default`].sort(),
	);
	const offered = senders(later).find(c => c.flags.includes(replacement.name));
	t.truthy(started?.podIP);
	t.true(offered?.label.endsWith(`  ${started?.podIP} (default, ${started?.nodeName})`), offered?.label);
});

test('hello: addresses of a NodePort Service (E5: every node)', t => {
	t.deepEqual(addressChoices(hello, svc), [
		{mode: 'dns', label: 'DNS name  hello-node-svc.default:80', target: 'hello-node-svc.default:80'},
		{mode: 'clusterIP', label: 'ClusterIP 10.108.246.108:80', target: '10.108.246.108:80'},
		{mode: 'node:node-1', label: 'NodePort  192.168.49.2:30036 (node-1)', target: '192.168.49.2:30036'},
		{mode: 'node:node-2', label: 'NodePort  192.168.49.3:30036 (node-2)', target: '192.168.49.3:30036'},
		{mode: 'node:node-3', label: 'NodePort  192.168.49.4:30036 (node-3)', target: '192.168.49.4:30036'},
	]);
	t.is(targetFor(hello, svc, 'node:node-2'), '192.168.49.3:30036');
});

test('a mode the Service lacks falls back to its DNS name', t => {
	const kubernetes = getRow(hello.services, 'default/kubernetes')!;
	t.is(targetFor(hello, kubernetes, 'node:node-1'), 'kubernetes.default:443');
});

test('headless: the DNS name with the pods’ port, no ClusterIP (F2)', t => {
	const state = loadState('samples/headless.yaml');
	const choices = addressChoices(state, getRow(state.services, 'default/nginx')!);
	t.deepEqual(
		choices.map(c => c.mode),
		['dns'],
	);
	t.is(choices[0]!.target, 'nginx.default:80');
});

test('LoadBalancer: the LB address after the nodePorts (E6)', t => {
	const state = loadState('samples/loadbalancer.yaml');
	const api = getRow(state.services, 'default/api')!;
	const choices = addressChoices(state, api);
	t.deepEqual(choices.at(-1), {mode: 'loadBalancer', label: 'LB IP     203.0.113.100:80', target: '203.0.113.100:80'});
	t.is(choices.filter(c => c.mode.startsWith('node:')).length, 3);
});
