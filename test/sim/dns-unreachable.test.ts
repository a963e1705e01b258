// A pod's lookups when no CoreDNS endpoint is ready: kube-proxy has no backend for the kube-dns
// ClusterIP, so no reply comes and the pod's resolver gives up after its timeout (glibc
// resolv/resolv.h RES_TIMEOUT, RES_DFLRETRY; musl src/network/resolvconf.c), the way
// `;; connection timed out; no servers could be reached` reads in a real cluster.
import test from 'ava';
import type {Action} from '../../source/sim/index.js';
import {input} from './hello-input.js';
import {boot, curl, requests, run, wait} from './helpers.js';

const scaleCoreDNS = (replicas: number): Action => ({type: 'replicasScaled', kind: 'Deployment', namespace: 'kube-system', name: 'coredns', replicas});
const lookup = (name: string, from: Action extends never ? never : any = {kind: 'default'}): Action => ({type: 'dnsQueried', name, from, qtype: 'A'});

function dnsOf(result: ReturnType<typeof run>['results'][number]) {
	if (result.kind !== 'dns') throw new Error(`expected a lookup, got ${JSON.stringify(result)}`);
	return result.result;
}

test('kube-dns is the only nameserver of a pod (pkg/kubelet/network/dns/dns.go): with no CoreDNS pod its lookup times out, and says why', t => {
	const {results} = run(boot(input()), scaleCoreDNS(0), wait(60), lookup('hello-node-svc'));
	const dns = dnsOf(results[2]!);
	t.is(dns.rcode, 'TIMEOUT');
	t.deepEqual(dns.answers, []);
	t.deepEqual(dns.timedOut, {
		server: '10.96.0.10',
		reason: 'Service kube-system/kube-dns has no ready endpoints: no pod in namespace "kube-system" has labels k8s-app=kube-dns',
	});
});

test('CoreDNS pods that exist but are Pending (pkg/scheduler: the only node is NotReady) answer nothing either', t => {
	const state = boot(input({nodes: [{name: 'worker-1', ready: false}]}));
	const {results} = run(state, lookup('kubernetes.default'));
	const reason = dnsOf(results[0]!).timedOut?.reason ?? '';
	t.regex(
		reason,
		/^Service kube-system\/kube-dns has no ready endpoints: none of its 2 pods is ready \(2 pods Pending, not scheduled: 0\/1 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}\)$/,
	);
});

test('curl cannot resolve the host: the request fails before any connection, naming the resolver timeout', t => {
	const {results} = run(boot(input()), scaleCoreDNS(0), wait(60), curl('hello-node-svc:80'));
	const [trace] = requests(results[2]!).requests;
	t.is(trace!.outcome, 'nxdomain');
	t.is(trace!.resolved, null);
	t.is(
		trace!.reason,
		'no reply from 10.96.0.10:53 (glibc gives up after 2 tries of 5 s, musl after 5 s): Service kube-system/kube-dns has no ready endpoints: no pod in namespace "kube-system" has labels k8s-app=kube-dns',
	);
});

test('the answer comes back once a CoreDNS pod is Ready again, and nodes never asked CoreDNS', t => {
	const {state, results} = run(boot(input()), scaleCoreDNS(0), wait(60), lookup('example.com', {kind: 'node', name: 'node-1'}), scaleCoreDNS(1), wait(30));
	t.is(dnsOf(results[2]!).timedOut, undefined, 'a node uses its own resolver');
	const after = dnsOf(run(state, lookup('hello-node-svc')).results[0]!);
	t.is(after.timedOut, undefined);
	t.is(after.rcode, 'NOERROR');
	t.is(after.answers[0]?.type, 'A');
});
