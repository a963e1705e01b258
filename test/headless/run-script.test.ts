// `--script`: one command per line, comments and blank lines skipped, CRLF tolerated, the first
// failing line stops the run as `NAME:LINE: message`; and whole transcripts of the samples'
// scenes, checked against docs/semantics.md before they were accepted as snapshots.

import test from 'ava';
import {runScript, type ScriptOptions} from '../../source/headless/run-script.js';
import type {State} from '../../source/sim/index.js';
import {getRow} from '../../source/sim/index.js';
import {sampleState} from '../session/sample-state.js';

interface Run {
	out: string[];
	err: string[];
	/** stdout and stderr interleaved as a terminal shows them; stderr lines marked `[stderr] `. */
	transcript: string;
	exitCode: number;
	state: State;
}

function run(state: State, script: string, options: Partial<ScriptOptions> = {}): Run {
	const out: string[] = [];
	const err: string[] = [];
	const both: string[] = [];
	const io = {
		out(line: string) {
			out.push(line);
			both.push(line);
		},
		err(line: string) {
			err.push(line);
			both.push(`[stderr] ${line}`);
		},
	};
	const result = runScript(state, script, io, {name: 'scene.txt', ...options});
	return {out, err, transcript: both.join('\n'), exitCode: result.exitCode, state: result.state};
}

const hello = sampleState('hello.yaml');
const SVC_HEADER = 'NAME             TYPE       CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE';

// Script syntax.

test('comments, blank lines and CRLF line ends are skipped', t => {
	const result = run(hello, '# the service\r\n\r\n   \r\nget svc hello-node-svc\r\n  # done\r\n');
	t.is(result.exitCode, 0);
	t.deepEqual(result.out, [SVC_HEADER, 'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   0s']);
	t.deepEqual(result.err, []);
});

test('a last line without a newline runs; an empty script does nothing', t => {
	t.is(run(hello, 'get svc hello-node-svc').out.length, 2);
	const empty = run(hello, '');
	t.deepEqual([empty.out, empty.err, empty.exitCode], [[], [], 0]);
	t.is(empty.state, hello);
});

test('commands see the state the previous lines left', t => {
	const result = run(hello, 'wait 90s\nget svc hello-node-svc\n');
	t.is(result.out[1], 'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   90s');
	t.is(result.state.clock - hello.clock, 90_000, 'the final state is handed back');
});

test('stderr notices do not stop the run: No resources found, deprecation warnings', t => {
	const result = run(hello, 'get pods -l app=nope\nget endpoints hello-node-svc\nget svc kubernetes\n');
	t.is(result.exitCode, 0);
	t.deepEqual(result.err, ['No resources found in default namespace.', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
	t.is(result.out.at(-1), 'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s');
});

test('the first failing line stops the run with exit 1 and NAME:LINE: message', t => {
	const script = '# kill one pod\n\ndelete pod hello-node-4fp4j\nget svc nope\ndelete pod hello-node-c4hwf\n';
	const result = run(hello, script, {name: 'kill.txt'});
	t.is(result.exitCode, 1);
	t.deepEqual(result.out, ['pod "hello-node-4fp4j" deleted']);
	t.deepEqual(result.err, ['kill.txt:4: Error from server (NotFound): services "nope" not found']);
	t.is(getRow(result.state.pods, 'default/hello-node-c4hwf')!.deletionTimestamp, null, 'line 5 never ran');
	t.not(getRow(result.state.pods, 'default/hello-node-4fp4j')!.deletionTimestamp, null, 'line 3 did');
});

test('a parse error stops the run too, with the line counted through comments and CRLF', t => {
	const result = run(hello, '# one\r\n# two\r\nget svc\r\ngett pods\r\nget svc\r\n', {name: '<stdin>'});
	t.is(result.exitCode, 1);
	t.is(result.err.at(-1), '<stdin>:4: error: unknown command "gett" (did you mean "get"?)');
	t.is(result.out.length, 3, 'only line 3 printed');
});

test('a command with several errors: the first names the line, the rest follow as they are', t => {
	const result = run(hello, 'get svc kubernetes\ndelete pod nope hello-node-4fp4j gone\n', {name: 'multi.txt'});
	t.is(result.exitCode, 1);
	t.deepEqual(result.out.at(-1), 'pod "hello-node-4fp4j" deleted');
	t.deepEqual(result.err, ['multi.txt:2: Error from server (NotFound): pods "nope" not found', 'Error from server (NotFound): pods "gone" not found']);
});

test('the script name in errors is sanitized', t => {
	const result = run(hello, 'bogus\n', {name: 'evil\u001b[2J.txt'});
	t.deepEqual(result.err, ['evil^[[2J.txt:1: error: unknown command "bogus"']);
});

test('--echo prints each command as "$ command", trimmed, but not comments or blank lines', t => {
	const result = run(hello, '# hidden\n\n  get svc hello-node-svc  \nwait 5s\n', {echo: true});
	t.deepEqual(result.out, [
		'$ get svc hello-node-svc',
		SVC_HEADER,
		'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   0s',
		'$ wait 5s',
	]);
});

test('--echo also shows the line that failed, before its error', t => {
	const result = run(hello, 'get svc nope\n', {echo: true});
	t.is(result.transcript, '$ get svc nope\n[stderr] scene.txt:1: Error from server (NotFound): services "nope" not found');
	const parse = run(hello, 'bogus --flag\n', {echo: true});
	t.is(parse.transcript, '$ bogus --flag\n[stderr] scene.txt:1: error: unknown command "bogus"');
});

test("without --echo nothing but the commands' own output is printed", t => {
	const result = run(hello, 'wait 5s\ndelete pod hello-node-4fp4j\n');
	t.deepEqual(result.out, ['pod "hello-node-4fp4j" deleted']);
});

// Scenes: whole transcripts on the samples (seed 1). Each was read against docs/semantics.md; the
// facts that matter are also asserted outright, so a snapshot update cannot silently hide them.

function scene(file: string, lines: string[], extra?: string): Run {
	const result = run(sampleState(file, {extra}), `${lines.join('\n')}\n`, {echo: true, name: file});
	return result;
}

/** The output lines of the n-th (0-based) occurrence of command `line` in an echoed transcript. */
function outputOf(result: Run, line: string, nth = 0): string[] {
	const lines = result.out;
	let seen = -1;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== `$ ${line}`) continue;
		if (++seen < nth) continue;
		const end = lines.findIndex((l, j) => j > i && l.startsWith('$ '));
		return lines.slice(i + 1, end === -1 ? undefined : end);
	}
	throw new Error(`no "${line}" #${nth} in transcript`);
}

test('with a raw writer, a curl streams to it in order with the other lines, the same bytes as printed line by line', t => {
	const script =
		'get svc hello-node-svc\ncurl hello-node-svc --count 25000 -o json\ncurl hello-node-svc --count 12000\ncurl hello-node-svc --count 3 --summary\n';
	const lines = run(hello, script, {echo: true});
	let stdout = '';
	let writes = 0;
	const io = {
		out: (line: string) => {
			stdout += `${line}\n`;
		},
		err: (line: string) => t.fail(line),
		write: (text: string) => {
			stdout += text;
			writes++;
		},
	};
	const streamed = runScript(hello, script, io, {name: 'scene.txt', echo: true});
	t.is(stdout, `${lines.out.join('\n')}\n`);
	// 25,000 as JSON: three batches and the end; 12,000: two batches and the summary; 3 with --summary: the summary.
	t.is(writes, 4 + 3 + 1);
	t.deepEqual(streamed.state, lines.state);
});

test('hello: kill a pod, watch the replacement come up, ClusterIP unchanged', t => {
	const result = scene('hello.yaml', [
		'get svc hello-node-svc',
		'get pods -o wide',
		'delete pod hello-node-4fp4j',
		'get pods -o wide',
		'get endpoints hello-node-svc',
		'wait 3s',
		'get pods -o wide',
		'get endpoints hello-node-svc',
		'wait 30s',
		'get pods -o wide',
		'get svc hello-node-svc',
		'nslookup hello-node-svc',
	]);
	t.is(result.exitCode, 0);
	// A ClusterIP never changes while its Service lives (docs/architecture.md; B2, S53).
	const svcBefore = outputOf(result, 'get svc hello-node-svc', 0)[1]!;
	const svcAfter = outputOf(result, 'get svc hello-node-svc', 1)[1]!;
	t.is(svcBefore.replace(/\S+$/, ''), svcAfter.replace(/\S+$/, ''));
	// C4: Terminating at once, out of the endpoints at once; S61: the replacement exists at once.
	const justAfter = outputOf(result, 'get pods -o wide', 1);
	t.true(justAfter.some(l => /^hello-node-4fp4j +1\/1 +Terminating /.test(l)));
	t.true(justAfter.some(l => /^hello-node-\w{5} +0\/1 +ContainerCreating +0 +0s +<none> /.test(l)));
	t.false(outputOf(result, 'get endpoints hello-node-svc', 0)[1]!.includes('10.244.1.3:'));
	// C1: a new pod, a new IP; after the grace period (30 s) the old pod is gone.
	const final = outputOf(result, 'get pods -o wide', 3);
	t.is(final.length, 4);
	t.false(final.some(l => l.startsWith('hello-node-4fp4j') || l.includes(' 10.244.1.3 ')));
	t.snapshot(result.transcript);
});

test('hello: scale to 0 and back', t => {
	const result = scene('hello.yaml', [
		'scale rc hello-node --replicas=0',
		'get rc',
		'get pods -o wide',
		'get endpoints hello-node-svc',
		'curl hello-node-svc',
		'wait 30s',
		'get pods',
		'curl hello-node-svc',
		'nslookup hello-node-svc',
		'describe svc hello-node-svc',
		'scale rc hello-node --replicas=3',
		'get rc',
		'wait 5s',
		'get rc',
		'get pods -o wide',
		'get endpoints hello-node-svc',
		'get svc hello-node-svc',
		'curl hello-node-svc --count 30 --summary',
	]);
	t.is(result.exitCode, 0);
	// S61: RC counts only active pods, so CURRENT drops to 0 while the pods still terminate.
	t.is(outputOf(result, 'get rc', 0)[1], 'hello-node   0         0         0       0s');
	t.is(outputOf(result, 'get endpoints hello-node-svc', 0)[1], 'hello-node-svc   <none>      0s');
	// E2/S88: no endpoints at all ⇒ REJECT ⇒ connection refused (not a DNS error: H8, S101).
	t.regex(outputOf(result, 'curl hello-node-svc', 1)[0]!, /→ connection refused: no ready endpoints$/);
	t.true(outputOf(result, 'nslookup hello-node-svc').includes('Address: 10.108.246.108'));
	t.true(outputOf(result, 'describe svc hello-node-svc').includes('Endpoints:                '), 'S124: empty, not <none>');
	t.deepEqual(
		result.err.filter(l => l.startsWith('No resources')),
		['No resources found in default namespace.'],
	);
	t.is(outputOf(result, 'get rc', 2)[1], 'hello-node   3         3         3       35s');
	t.regex(outputOf(result, 'get svc hello-node-svc')[1]!, /^hello-node-svc {3}NodePort {3}10\.108\.246\.108 /);
	t.snapshot(result.transcript);
});

const NO_AFFINITY = `apiVersion: v1
kind: Service
metadata:
  name: cart-random
spec:
  selector:
    app: cart
  ports:
    - name: http
      port: 80
      targetPort: http
`;

test('affinity: ClientIP bursts stick to one pod, the same pods without affinity spread', t => {
	const result = scene(
		'affinity.yaml',
		[
			'get svc -o wide',
			'describe svc cart',
			'curl cart --count 20 --summary',
			'curl cart --from pod/client --count 20 --summary',
			'curl cart-random --count 20 --summary',
			'curl cart-random --from pod/client --count 20 --summary',
			'wait 59s',
			'curl cart --from pod/client',
			'wait 61s',
			'curl cart --from pod/client --count 20 --summary',
		],
		NO_AFFINITY,
	);
	t.is(result.exitCode, 0);
	const podsIn = (lines: string[]) => lines.filter(l => l.startsWith('  cart-')).length;
	// E3: one client IP, one endpoint, for the whole burst.
	t.is(podsIn(outputOf(result, 'curl cart --count 20 --summary')), 1);
	t.is(podsIn(outputOf(result, 'curl cart --from pod/client --count 20 --summary', 0)), 1);
	// E1: without affinity, iptables picks at random per connection.
	t.true(podsIn(outputOf(result, 'curl cart-random --count 20 --summary')) > 1);
	// E3, H9: the pin is timed from the last connection, so 59 s later it still holds.
	const pinned = outputOf(result, 'curl cart --from pod/client --count 20 --summary', 0)[1]!.trim().split(' ')[0]!;
	t.true(outputOf(result, 'curl cart --from pod/client')[0]!.includes(`→ ${pinned} `));
	t.snapshot(result.transcript);
});

test('nodeport: reached from outside on every node, ClusterIP not', t => {
	const result = scene('nodeport.yaml', [
		'get svc echo',
		'get nodes -o wide',
		'get pods -o wide',
		'curl 192.168.10.11:30253 --from external',
		'curl 192.168.10.12:30253 --from external',
		'curl 192.168.10.13:30253 --from external --count 10 --summary',
		'curl 192.168.10.13:30254 --from external',
		'curl 10.108.246.108:8080 --from external',
		'curl 10.108.246.108:8080 --from node/node-1',
		'curl echo:8080 --from external',
	]);
	t.is(result.exitCode, 0);
	t.is(outputOf(result, 'get svc echo')[1], 'echo   NodePort   10.108.246.108   <none>        8080:30253/TCP   0s');
	// E5, H6: node-1 runs no echo pod, yet its node port answers.
	t.false(outputOf(result, 'get pods -o wide').some(l => l.includes(' node-1 ')));
	t.regex(
		outputOf(result, 'curl 192.168.10.11:30253 --from external')[0]!,
		/→ NodePort 192\.168\.10\.11:30253 → echo-\S+ \S+ on node-[23] → source 192\.168\.10\.11 \(SNAT by node-1: externalTrafficPolicy: Cluster\) → ok /,
	);
	// E4, H3: a ClusterIP does not route from outside; F6: outside clients have no cluster DNS.
	t.regex(outputOf(result, 'curl 10.108.246.108:8080 --from external')[0]!, /→ timed out: ClusterIP is not reachable from outside the cluster$/);
	t.regex(outputOf(result, 'curl echo:8080 --from external')[0]!, /NXDOMAIN/);
	t.snapshot(result.transcript);
});

test('externalname: CNAME lookups, no ClusterIP, no endpoints', t => {
	const result = scene('externalname.yaml', [
		'get svc',
		'nslookup orders-db',
		'nslookup catalog --type CNAME',
		'nslookup catalog',
		'curl catalog',
		'curl orders-db:5432',
		'get endpoints',
		'describe svc orders-db',
	]);
	t.is(result.exitCode, 0);
	// G1, A9, H4: no ClusterIP, the CNAME target under EXTERNAL-IP.
	t.is(outputOf(result, 'get svc')[3], 'orders-db    ExternalName   <none>       orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com   5432/TCP   0s');
	// F4: a CNAME, followed by the resolver when it points into the cluster.
	t.true(outputOf(result, 'nslookup catalog').includes('catalog.default.svc.cluster.local\tcanonical name = catalog.shop.svc.cluster.local.'));
	t.regex(outputOf(result, 'curl catalog')[0]!, /→ CNAME catalog\.shop\.svc\.cluster\.local → A 10\.\d+\.\d+\.\d+ → ClusterIP /);
	// D4: ExternalName Services have no Endpoints.
	t.deepEqual(
		outputOf(result, 'get endpoints').map(l => l.split(' ')[0]),
		['NAME', 'kubernetes'],
	);
	t.snapshot(result.transcript);
});

test('headless: StatefulSet DNS, one A record per ready pod, stable names', t => {
	const result = scene('headless.yaml', [
		'get svc nginx',
		'get pods -o wide',
		'nslookup nginx',
		'nslookup web-0.nginx',
		'nslookup _web._tcp.nginx --type SRV',
		'curl nginx',
		'delete pod web-1',
		'nslookup nginx',
		'wait 10s',
		'get pods -o wide',
		'wait 5s',
		'get pods -o wide',
		'nslookup web-1.nginx',
	]);
	t.is(result.exitCode, 0);
	t.is(outputOf(result, 'get svc nginx')[1], 'nginx   ClusterIP   None         <none>        80/TCP    0s');
	// F2, H5: pod IPs, no VIP; a terminating pod leaves the answer at once (S104).
	const addresses = (lines: string[]) => lines.filter(l => l.startsWith('Address: 10.244.')).length;
	t.is(addresses(outputOf(result, 'nslookup nginx', 0)), 3);
	t.is(addresses(outputOf(result, 'nslookup nginx', 1)), 2);
	t.true(outputOf(result, 'nslookup web-0.nginx').includes('Name:\tweb-0.nginx.default.svc.cluster.local'));
	// F3, S105: one SRV per ready endpoint, weight floor(100/3), target the pod's own name.
	t.is(
		outputOf(result, 'nslookup _web._tcp.nginx --type SRV')[3],
		'_web._tcp.nginx.default.svc.cluster.local\tservice = 0 33 80 web-0.nginx.default.svc.cluster.local.',
	);
	// C2: web-1 returns with the same name once the old one is gone (grace 10 s), with a new IP.
	const back = outputOf(result, 'get pods -o wide', 1).find(l => l.startsWith('web-1 '))!;
	t.regex(back, /^web-1 +0\/1 +ContainerCreating /);
	const ready = outputOf(result, 'get pods -o wide', 2).find(l => l.startsWith('web-1 '))!;
	t.regex(ready, /^web-1 +1\/1 +Running /);
	t.false(ready.includes(' 10.244.1.3 '));
	t.snapshot(result.transcript);
});

test('multiport: named targetPorts resolve per pod', t => {
	const result = scene('multiport.yaml', [
		'get svc shop',
		'get pods -o wide',
		'get endpoints shop',
		'get endpointslices',
		'describe svc shop',
		'curl shop --count 20 --summary',
		'curl shop:443 --count 20 --summary',
		'nslookup _https._tcp.shop --type SRV',
		'scale deploy shop-v1 --replicas=0',
		'get endpoints shop',
		'curl shop:443 --count 5 --summary',
	]);
	t.is(result.exitCode, 0);
	t.is(outputOf(result, 'get svc shop')[1], 'shop   ClusterIP   10.108.246.108   <none>        80/TCP,443/TCP   0s');
	// D3, H7, S73: the same name, different numbers per pod.
	const describe = outputOf(result, 'describe svc shop');
	const endpoints = describe.filter(l => l.startsWith('Endpoints:'));
	t.is(endpoints.length, 2);
	t.regex(endpoints[0]!, /:8080,.*:9080/);
	t.regex(endpoints[1]!, /:8443,.*:9443/);
	// S122: every port of every address, three shown, then "+ N more...".
	t.regex(outputOf(result, 'get endpoints shop', 0)[1]!, / \+ 3 more\.\.\. +0s$/);
	t.regex(outputOf(result, 'get endpoints shop', 1)[1]!, /^shop {3}10\.244\.\d+\.\d+:9080,10\.244\.\d+\.\d+:9443 +0s$/);
	t.snapshot(result.transcript);
});

test('traffic-policy: Local keeps traffic on the receiving node or drops it', t => {
	const result = scene('traffic-policy.yaml', [
		'get svc',
		'get pods -o wide',
		'describe svc web-lb',
		'curl 192.168.20.11:30080 --from laptop',
		'curl 192.168.20.12:30080 --from laptop',
		'curl 192.168.20.13:30080 --from laptop',
		'curl 192.168.20.14:30080 --from laptop',
		'curl 203.0.113.20 --from laptop --count 10 --summary',
		'curl 192.168.20.12:30080 --from pod/client',
		'curl web-internal --from pod/client',
		'curl web-internal',
	]);
	t.is(result.exitCode, 0);
	const pods = outputOf(result, 'get pods -o wide');
	const withWeb = ['node-1', 'node-2', 'node-3', 'node-4'].filter(n => pods.some(l => l.startsWith('web-') && l.includes(` ${n} `)));
	t.deepEqual(withWeb, ['node-1', 'node-3'], 'the scene below assumes this placement (seed 1)');
	// E5, S91: nodes with a local pod answer and keep to it; the others drop (timeout, not refused).
	t.regex(outputOf(result, 'curl 192.168.20.11:30080 --from laptop')[0]!, /on node-1 → source 198\.51\.100\.7 \(client IP kept\) → ok /);
	t.regex(outputOf(result, 'curl 192.168.20.12:30080 --from laptop')[0]!, /→ timed out: externalTrafficPolicy: Local and no ready endpoint on node-2$/);
	t.regex(outputOf(result, 'curl 192.168.20.14:30080 --from laptop')[0]!, /→ timed out: externalTrafficPolicy: Local and no ready endpoint on node-4$/);
	// S91: pod-originated traffic to a node port is short-circuited to every endpoint.
	t.regex(outputOf(result, 'curl 192.168.20.12:30080 --from pod/client')[0]!, / → ok \(iptables random, 1 of 2\)$/);
	// E8, S89: internalTrafficPolicy Local from node-4, which has no web pod.
	t.regex(outputOf(result, 'curl web-internal --from pod/client')[0]!, /→ timed out: internalTrafficPolicy: Local and no ready endpoint on node-4$/);
	// B3: LoadBalancer + Local gets a healthCheckNodePort.
	t.true(outputOf(result, 'describe svc web-lb').some(l => /^HealthCheck NodePort: +3\d{4}$/.test(l)));
	t.snapshot(result.transcript);
});

// undo (issue 13, time travel).

test('undo N goes back to the state before the last N lines that changed the simulation; queries are not steps', t => {
	const before = run(hello, 'wait 5s').state;
	const r = run(hello, ['wait 5s', 'delete pod hello-node-4fp4j', 'get pods', 'wait 30s', 'undo 2', 'get pods -o name'].join('\n'));
	t.is(r.exitCode, 0, r.transcript);
	t.true(r.out.includes('undone: wait 30s (line 4)'));
	t.true(r.out.includes('undone: delete pod hello-node-4fp4j (line 2)'));
	t.deepEqual(r.state, before, 'exactly the state after line 1');
	t.true(r.out.includes('pod/hello-node-4fp4j'), 'the pod is back');
	// Acting after an undo goes on from there (a new timeline): the same as never having done the undone lines.
	const forked = run(hello, ['wait 5s', 'delete pod hello-node-4fp4j', 'undo', 'scale rc hello-node --replicas=2'].join('\n'));
	t.deepEqual(forked.state, run(hello, ['wait 5s', 'scale rc hello-node --replicas=2'].join('\n')).state);
});

test('undo past the start of the history fails as any line does: NAME:LINE, exit 1; a bad count is refused by the grammar', t => {
	const r = run(hello, ['wait 1s', 'undo 2'].join('\n'));
	t.is(r.exitCode, 1);
	t.deepEqual(r.err, ['scene.txt:2: error: cannot undo 2: only 1 step to go back']);
	const bad = run(hello, 'undo 0');
	t.is(bad.exitCode, 1);
	t.deepEqual(bad.err, ['scene.txt:1: error: invalid count "0": undo takes a number of steps from 1 to 100000']);
	const extra = run(hello, 'undo 1 2');
	t.deepEqual(extra.err, ['scene.txt:1: error: unexpected argument "2". Usage: undo [N]']);
});

test('with --record, an undo is recorded as written, so the record replays to the same state', t => {
	const recorded: string[] = [];
	const script = ['delete pod hello-node-4fp4j', 'wait 10s', 'undo', 'crash pod hello-node-c4hwf'].join('\n');
	const r = run(hello, script, {record: line => recorded.push(line)});
	t.deepEqual(recorded, ['delete pod hello-node-4fp4j', 'wait 10s', 'undo', 'crash pod hello-node-c4hwf']);
	t.deepEqual(run(hello, recorded.join('\n')).state, r.state);
});

// --until (issue 13, time travel): a recorded session replayed to a chosen point.
const SESSION = 'delete pod hello-node-4fp4j\nwait 3s\nscale rc hello-node --replicas=4\nwait 40s\nget pods -o name\n';

test('--until LINE: the lines after it do not run; the state is the one that line left', t => {
	const two = run(hello, SESSION, {until: {line: 2}});
	t.deepEqual(two.out, ['pod "hello-node-4fp4j" deleted']);
	t.is(two.exitCode, 0);
	t.is(two.state.clock, hello.clock + 3000);
	t.is(getRow(two.state.workloads, 'ReplicationController/default/hello-node')?.replicas, 3, 'the scale on line 3 never ran');
	t.is(run(hello, SESSION, {until: {line: 99}}).out.length, 1 + 1 + 4, 'past the end: all of it');
});

test('--until TIME: a wait that crosses it stops the clock exactly there, and nothing after runs', t => {
	const at = hello.clock + 2000;
	const cut = run(hello, SESSION, {until: {ms: at}});
	t.is(cut.state.clock, at);
	t.deepEqual(cut.out, ['pod "hello-node-4fp4j" deleted']);
	// Reached already: the first line does not run.
	t.deepEqual(run(hello, SESSION, {until: {ms: hello.clock}}).out, []);
	const later = run(hello, SESSION, {until: {ms: hello.clock + 5000}});
	t.is(later.state.clock, hello.clock + 5000, 'the scale ran, then the 40 s wait went only as far as the time');
	t.deepEqual(later.out, ['pod "hello-node-4fp4j" deleted', 'replicationcontroller/hello-node scaled']);
});
