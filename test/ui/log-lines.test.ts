// The request log's lines: one request on one line when it fits, else the answer on a second
// line; DNS answers the same way; a burst as a per-pod bar chart.

import test from 'ava';
import {logLines} from '../../source/ui/log-lines.js';
import {initialModel, reduceModel} from '../../source/ui/model.js';
import {loadState} from './helpers.js';

const logOf = (file: string, ...lines: string[]) => lines.reduce((m, line) => reduceModel(m, {type: 'run', line}), initialModel(loadState(file))).log;

test('a request: who → target → VIP → pod IP:port on node, ✓; narrow, it breaks between hops', t => {
	const log = logOf('samples/hello.yaml', 'curl 10.108.246.108');
	t.deepEqual(logLines(log), [
		{text: '00:00.0 pod/curl → 10.108.246.108 → ClusterIP 10.108.246.108:80 → hello-node-c4hwf 10.244.0.2:8080 on node-1 ✓', color: 'green'},
	]);
	const narrow = logLines(log, 60);
	t.deepEqual(
		narrow.map(l => l.text),
		['00:00.0 pod/curl → 10.108.246.108', '        → ClusterIP 10.108.246.108:80', '        → hello-node-c4hwf 10.244.0.2:8080 on node-1 ✓'],
	);
});

// The same hops as the headless trace (source/view/request-trace.ts formatTrace): a name's DNS
// answer is a hop, and an ExternalName's CNAME (docs/semantics.md F4) is the whole answer.
test('a request by name shows its DNS hop; an ExternalName request its CNAME hop, as --script prints them', t => {
	const byName = logLines(logOf('samples/hello.yaml', 'curl hello-node-svc'));
	t.deepEqual(
		byName.map(l => l.text),
		['00:00.0 pod/curl → hello-node-svc → A 10.108.246.108 → ClusterIP 10.108.246.108:80 → hello-node-c4hwf 10.244.0.2:8080 on node-1 ✓'],
	);
	const cname = logLines(logOf('samples/externalname.yaml', 'curl orders-db:5432'), 97);
	t.deepEqual(
		cname.map(l => l.text),
		[
			'00:00.0 pod/curl → orders-db:5432 → CNAME orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com',
			'        ⋯ CNAME orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com. is outside the cluster:',
			'        the client connects to whatever it resolves to (not simulated)',
		],
	);
	// Nothing in the cluster answered: neither ✓ nor ✗, and not green (a fresh tester read ✓ as a success).
	t.true(cname.every(l => l.color === 'cyan'));
});

test('a failed request gives its reason, in red', t => {
	const log = logOf('samples/hello.yaml', 'curl 10.108.246.108 --from external');
	const [line] = logLines(log);
	t.is(line!.color, 'red');
	t.regex(line!.text, /^00:00\.0 external\/external → 10\.108\.246\.108.* ✗ /);
});

test('nslookup: an ExternalName out of the cluster says its target is not simulated (coredns plugin/backend_lookup.go A() asks upstream)', t => {
	const [line] = logLines(logOf('samples/externalname.yaml', 'nslookup orders-db'));
	t.is(
		line!.text,
		'00:00.0 pod/curl nslookup orders-db → CNAME orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com. (orders.cluster-c9x2k3m4n5p6.eu-west-1.rds.amazonaws.com is outside the cluster: not simulated)',
	);
});

test('nslookup: the answer on a second line rather than cut', t => {
	const log = logOf('samples/externalname.yaml', 'nslookup catalog');
	t.deepEqual(logLines(log), [{text: '00:00.0 pod/curl nslookup catalog → CNAME catalog.shop.svc.cluster.local., A 10.111.158.83', color: 'cyan'}]);
	t.deepEqual(logLines(log, 64), [
		{text: '00:00.0 pod/curl nslookup catalog', color: 'cyan'},
		{text: '        → CNAME catalog.shop.svc.cluster.local., A 10.111.158.83', color: 'cyan'},
	]);
	// Narrower than the answer: it still starts a line of its own, and wraps between words.
	t.deepEqual(
		logLines(log, 50).map(l => l.text),
		['00:00.0 pod/curl nslookup catalog', '        → CNAME catalog.shop.svc.cluster.local., A', '        10.111.158.83'],
	);
	const missing = logLines(logOf('samples/hello.yaml', 'nslookup nope'));
	t.deepEqual(missing, [{text: '00:00.0 pod/curl nslookup nope → NXDOMAIN', color: 'red'}]);
});

test('nslookup with no ready CoreDNS: nslookup’s timeout words, in red, not a cyan TIMEOUT', t => {
	const log = logOf('samples/hello.yaml', 'scale deploy coredns --replicas=0 -n kube-system', 'wait 40s', 'nslookup hello-node-svc');
	const [line] = logLines(log);
	t.regex(line?.text ?? '', /pod\/curl nslookup hello-node-svc → connection timed out; no servers could be reached$/);
	t.is(line?.color, 'red');
});

test('a burst: the summary, then one bar per pod (sorted), bars scaled to 20', t => {
	const lines = logLines(logOf('samples/affinity.yaml', 'curl cart --count 100'));
	t.is(lines.length, 2);
	t.deepEqual(lines[0], {text: '00:00.0 pod/curl → cart ×100: 100 ok, 0 failed', color: 'green'});
	t.regex(lines[1]!.text, /^ {8}cart-f47cc5f6-[a-z0-9]{5} █{20} 100$/);
});

test('messages and errors, newest first', t => {
	const lines = logLines(logOf('samples/hello.yaml', 'delete pod hello-node-4fp4j', 'scale rc nope --replicas=1'));
	t.deepEqual(lines, [
		{text: '00:00.0 Error from server (NotFound): replicationcontrollers "nope" not found', color: 'red'},
		{text: '00:00.0 pod "hello-node-4fp4j" deleted'},
	]);
});

// logLines keeps each entry's lines per width (issue 15): a frame at another width, or with
// another entry logged, must still get what laying the log out afresh would give.
test('the log laid out again at another width, or with a new entry, is what a fresh layout gives', t => {
	const first = logOf('samples/hello.yaml', 'curl hello-node-svc', 'nslookup nope');
	const fresh = (width: number) => logLines(structuredClone(first), width);
	t.deepEqual(logLines(first, 60), fresh(60));
	t.deepEqual(logLines(first, 200), fresh(200));
	t.deepEqual(logLines(first, 60), fresh(60));
	t.notDeepEqual(fresh(60), fresh(200), 'the widths chosen do wrap differently');
	const more = [...first, ...logOf('samples/hello.yaml', 'curl 10.108.246.108')];
	t.deepEqual(logLines(more, 60), logLines(structuredClone(more), 60));
	t.is(logLines(more, 60).length, fresh(60).length + 3);
});
