// The one executor behind the TUI palette and `--script`: every command kind, kubectl's split
// of stdout and stderr, `-o json` as one compact line, errors that leave the state alone, and
// untrusted manifest text that never reaches a terminal raw.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {COMMANDS} from '../../source/command/index.js';
import {type ExecResult, execute} from '../../source/session/execute.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {ANY_CONTROL, RAW_CONTROL, withoutBindTabs} from '../control-chars.js';
import {fromRoot} from '../root.js';
import {bootSources as boot, sampleState} from './sample-state.js';

const hello = sampleState('hello.yaml');
const HELLO_PODS = ['hello-node-4fp4j', 'hello-node-c4hwf', 'hello-node-vdtt6'];
const DEPRECATED = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

function ok(t: {true(v: boolean, m?: string): void}, result: ExecResult): void {
	t.true(result.ok, `expected success, got ${JSON.stringify(result.err)}`);
}

test('the hello sample boots with the pods these tests name (seed 1)', t => {
	const names = listRows(hello.pods)
		.filter(p => p.namespace === 'default')
		.map(p => p.name)
		.sort();
	t.deepEqual(names, HELLO_PODS);
});

// Blank lines and comments.

for (const line of ['', '   ', '# a comment', '\t# indented comment', '\r']) {
	test(`${JSON.stringify(line)} does nothing`, t => {
		const result = execute(hello, line);
		t.deepEqual({ok: result.ok, out: result.out, err: result.err, command: result.command}, {ok: true, out: [], err: [], command: null});
		t.is(result.state, hello);
	});
}

// get (docs/semantics.md G1-G3).

test("get svc prints kubectl's table on stdout and nothing on stderr", t => {
	const result = execute(hello, 'get svc');
	ok(t, result);
	t.deepEqual(result.out, [
		'NAME             TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE',
		'hello-node-svc   NodePort    10.108.246.108   <none>        80:30036/TCP   0s',
		'kubernetes       ClusterIP   10.96.0.1        <none>        443/TCP        0s',
	]);
	t.deepEqual(result.err, []);
	t.is(result.state, hello, 'a query does not change the state');
});

test('get svc -o wide adds SELECTOR', t => {
	const result = execute(hello, 'get svc hello-node-svc -o wide');
	t.deepEqual(result.out, [
		'NAME             TYPE       CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE   SELECTOR',
		'hello-node-svc   NodePort   10.108.246.108   <none>        80:30036/TCP   0s    app=hello-node',
	]);
});

test('get pods -o wide lists the pods with their IPs and nodes', t => {
	const result = execute(hello, 'get pods -o wide');
	t.deepEqual(result.out, [
		'NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
		'hello-node-4fp4j   1/1     Running   0          0s    10.244.1.3   node-2   <none>           <none>',
		'hello-node-c4hwf   1/1     Running   0          0s    10.244.0.2   node-1   <none>           <none>',
		'hello-node-vdtt6   1/1     Running   0          0s    10.244.2.3   node-3   <none>           <none>',
	]);
});

test('get endpoints: the table on stdout, the v1.33 deprecation warning on stderr (S82)', t => {
	const result = execute(hello, 'get endpoints hello-node-svc');
	ok(t, result);
	t.deepEqual(result.out, [
		'NAME             ENDPOINTS                                         AGE',
		'hello-node-svc   10.244.0.2:8080,10.244.1.3:8080,10.244.2.3:8080   0s',
	]);
	t.deepEqual(result.err, [DEPRECATED]);
});

test('describe endpoints warns as get does: the API server sends the warning on every v1 Endpoints request (S82)', t => {
	for (const line of ['describe ep hello-node-svc', 'describe endpoints', 'describe endpoints/hello-node-svc', 'describe ep hello -o json']) {
		const result = execute(hello, line);
		ok(t, result);
		t.deepEqual(result.err, [DEPRECATED], line);
		t.true(result.out.length > 0, line);
	}
	t.deepEqual(execute(hello, 'describe svc hello-node-svc').err, [], 'a Service is not an Endpoints');
	t.deepEqual(execute(hello, 'describe endpointslices').err, [], 'nor are its slices');
	// Nothing matched: the notice, after the warning, as kubectl prints them.
	t.deepEqual(execute(hello, 'describe ep -l app=nothing').err, [DEPRECATED, 'No resources found in default namespace.']);
});

test("get -o yaml prints kubectl's List", t => {
	const result = execute(hello, 'get pods -l app=nope -o yaml');
	t.deepEqual(result.out, ['apiVersion: v1', 'items: []', 'kind: List', 'metadata:', '  resourceVersion: ""']);
	t.deepEqual(result.err, []);
});

for (const [line, notice] of [
	['get pods -l app=nope', 'No resources found in default namespace.'],
	['get pods -l app=nope -o wide', 'No resources found in default namespace.'],
	['get pods -n nope', 'No resources found in nope namespace.'],
	['get pods -A -l app=nope', 'No resources found'],
	['get endpointslices -l app=nope', 'No resources found in default namespace.'],
] as const) {
	test(`${line}: "No resources found" goes to stderr and succeeds`, t => {
		const result = execute(hello, line);
		ok(t, result);
		t.deepEqual(result.out, []);
		t.deepEqual(result.err, [notice]);
	});
}

// describe (G5, S124).

test("describe svc prints kubectl's layout", t => {
	const result = execute(hello, 'describe svc hello-node-svc');
	ok(t, result);
	t.deepEqual(result.out, [
		'Name:                     hello-node-svc',
		'Namespace:                default',
		'Labels:                   <none>',
		'Annotations:              <none>',
		'Selector:                 app=hello-node',
		'Type:                     NodePort',
		'IP Family Policy:         SingleStack',
		'IP Families:              IPv4',
		'IP:                       10.108.246.108',
		'IPs:                      10.108.246.108',
		'Port:                     http  80/TCP',
		'TargetPort:               8080/TCP',
		'NodePort:                 http  30036/TCP',
		'Endpoints:                10.244.0.2:8080,10.244.1.3:8080,10.244.2.3:8080',
		'Session Affinity:         None',
		'External Traffic Policy:  Cluster',
		'Internal Traffic Policy:  Cluster',
		'Events:                   <none>',
	]);
	t.deepEqual(result.err, []);
});

// help.

test('help lists every command from the one command table', t => {
	const result = execute(hello, 'help');
	ok(t, result);
	t.is(result.out[0], 'Commands (kubectl habits; `help COMMAND` for one):');
	t.is(result.out.length, COMMANDS.length + 1);
	for (const [i, command] of COMMANDS.entries()) {
		t.true(result.out[i + 1]!.startsWith(`  ${command.usage}`), result.out[i + 1]);
		t.true(result.out[i + 1]!.endsWith(`  ${command.summary}`), result.out[i + 1]);
	}
});

test('help COMMAND and COMMAND -h print the same two lines', t => {
	const expected = [
		'curl TARGET [--from pod/NAME|node/NAME|external|CLIENT] [--via node/NAME] [--udp|--sctp] [--count N] [--summary] [-v] [--expect ok|refused|timeout|nxdomain|pod=SELECTOR] [-n NS]',
		'  Send requests to a Service name, name:port, IP:port or URL and trace where each one lands',
	];
	t.deepEqual(execute(hello, 'help curl').out, expected);
	t.deepEqual(execute(hello, 'curl -h').out, expected);
	t.deepEqual(execute(hello, 'curl --help').out, expected);
});

// Actions: one line each, as kubectl's verbs answer (G6).

test('delete pod answers like kubectl and the pod goes Terminating (C4)', t => {
	const result = execute(hello, 'delete pod hello-node-4fp4j');
	ok(t, result);
	t.deepEqual(result.out, ['pod "hello-node-4fp4j" deleted']);
	t.deepEqual(result.err, []);
	t.not(result.state, hello);
	t.not(getRow(result.state.pods, 'default/hello-node-4fp4j')!.deletionTimestamp, null);
	t.is(getRow(hello.pods, 'default/hello-node-4fp4j')!.deletionTimestamp, null, 'the old state is untouched');
});

test('delete pod -l answers once per pod, in name order', t => {
	const result = execute(hello, 'delete pod -l app=hello-node');
	t.deepEqual(
		result.out,
		HELLO_PODS.map(name => `pod "${name}" deleted`),
	);
});

test('scale answers with kind/name scaled', t => {
	const result = execute(hello, 'scale rc hello-node --replicas=5');
	ok(t, result);
	t.deepEqual(result.out, ['replicationcontroller/hello-node scaled']);
	t.is(getRow(result.state.workloads, 'ReplicationController/default/hello-node')!.replicas, 5);
});

test("crash keeps the pod's name and IP (C1, H1)", t => {
	const result = execute(hello, 'crash pod hello-node-c4hwf');
	t.deepEqual(result.out, ['pod/hello-node-c4hwf container restarted (restarts: 1, IP 10.244.0.2 kept)']);
	t.is(getRow(result.state.pods, 'default/hello-node-c4hwf')!.podIP, '10.244.0.2');
});

test('label answers pod/NAME labeled', t => {
	const result = execute(hello, 'label pod hello-node-c4hwf tier=web');
	t.deepEqual(result.out, ['pod/hello-node-c4hwf labeled']);
	t.is(getRow(result.state.pods, 'default/hello-node-c4hwf')!.labels.tier, 'web');
});

test('probe fail takes the pod out of the ready endpoints', t => {
	const result = execute(hello, 'probe pod hello-node-c4hwf fail');
	t.deepEqual(result.out, ['pod/hello-node-c4hwf readiness probe failing (NotReady in 20s)']);
	const later = execute(result.state, 'wait 30s').state;
	t.deepEqual(execute(later, 'get endpoints hello-node-svc').out[1], 'hello-node-svc   10.244.1.3:8080,10.244.2.3:8080   30s');
});

test('wait advances the virtual clock and prints nothing', t => {
	const result = execute(hello, 'wait 1m30s');
	ok(t, result);
	t.deepEqual(result.out, []);
	t.is(result.state.clock - hello.clock, 90_000);
});

test('curl prints one trace line per request, ending in the outcome', t => {
	const result = execute(hello, 'curl hello-node-svc');
	ok(t, result);
	t.is(result.out.length, 1);
	t.regex(
		result.out[0]!,
		/^pod\/curl \(10\.244\.0\.254 on node-1\) → hello-node-svc → A 10\.108\.246\.108 → ClusterIP 10\.108\.246\.108:80 → hello-node-\w{5} 10\.244\.\d\.\d:8080 on node-\d → ok \(iptables random, 1 of 3\)$/,
	);
});

test('curl --count N prints N traces and a summary; --summary only the summary', t => {
	const many = execute(hello, 'curl hello-node-svc --count 4');
	t.is(many.out.length, 4 + 1 + new Set(many.out.slice(0, 4).map(l => l.match(/hello-node-\w{5} /)![0])).size);
	t.is(many.out[4], '4 requests: 4 ok, 0 failed');
	const summary = execute(hello, 'curl hello-node-svc --count 4 --summary');
	t.is(summary.out[0], '4 requests: 4 ok, 0 failed');
	t.false(summary.out.some(l => l.includes('→')));
});

test("nslookup prints nslookup's answer for a ClusterIP Service (F1)", t => {
	const result = execute(hello, 'nslookup hello-node-svc');
	t.deepEqual(result.out, [
		'Server:\t\t10.96.0.10',
		'Address:\t10.96.0.10#53',
		'',
		'Name:\thello-node-svc.default.svc.cluster.local',
		'Address: 10.108.246.108',
		'',
	]);
});

// -o json: exactly one line of compact, valid JSON, whatever the command.

const GET_JSON_COMMANDS = [
	'get svc',
	'get svc hello-node-svc',
	'get pods -A',
	'get endpoints',
	'get endpointslices',
	'get nodes',
	'get rc',
	'get pods -l app=nope',
];

for (const command of GET_JSON_COMMANDS) {
	test(`${command} -o json: kubectl's JSONPrinter layout, json.MarshalIndent with four spaces (cli-runtime printers/json.go)`, t => {
		const result = execute(hello, `${command} -o json`);
		ok(t, result);
		const text = result.out.join('\n');
		t.is(text, JSON.stringify(JSON.parse(text), null, 4));
		t.true(result.out.length > 1);
	});
}

/** Our own verbs' JSON: one line each, so a script's answers can be read line by line. */
const JSON_COMMANDS = [
	'describe svc hello-node-svc',
	'delete pod hello-node-4fp4j',
	'delete pod -l app=hello-node',
	'delete node node-3',
	'scale rc hello-node --replicas=0',
	'crash pod hello-node-c4hwf hello-node-vdtt6',
	'label pod hello-node-c4hwf tier=web',
	'probe pod hello-node-c4hwf fail',
	'curl hello-node-svc',
	'curl hello-node-svc --count 5',
	'curl hello-node-svc --count 5 --summary',
	'curl 192.168.49.3:30036 --from external',
	'curl nope',
	'nslookup hello-node-svc',
	'nslookup _http._tcp.hello-node-svc --type SRV',
	'nslookup nope',
	'wait 5s',
];

for (const command of JSON_COMMANDS) {
	test(`${command} -o json: one line of compact JSON`, t => {
		const result = execute(hello, `${command} -o json`);
		ok(t, result);
		t.is(result.out.length, 1, result.out.join('\n'));
		const line = result.out[0]!;
		const value: unknown = JSON.parse(line);
		t.is(line, JSON.stringify(value), 'compact: no spaces or newlines added');
		t.true(typeof value === 'object' && value !== null);
	});
}

test('help -o json: one line of JSON listing the commands', t => {
	const result = execute(hello, 'help -o json');
	t.is(result.out.length, 1);
	const parsed = JSON.parse(result.out[0]!) as {commands: Array<{name: string}>};
	t.true(parsed.commands.some(c => c.name === 'curl'));
	t.deepEqual((JSON.parse(execute(hello, 'help curl -o json').out[0]!) as {commands: unknown[]}).commands.length, 1);
});

test('-o json carries the answer: messages, requests, DNS', t => {
	const parse = (line: string) => JSON.parse(execute(hello, `${line} -o json`).out[0]!) as Record<string, any>;
	t.deepEqual(parse('delete pod hello-node-4fp4j'), {messages: ['pod "hello-node-4fp4j" deleted']});
	t.deepEqual(parse('wait 5s'), {messages: []});
	t.deepEqual(parse('crash pod hello-node-c4hwf hello-node-vdtt6').items.length, 2, 'several actions are combined in one object');
	const curl = parse('curl hello-node-svc --count 5');
	t.is(curl.requests.length, 5);
	t.like(curl.summary, {total: 5, ok: 5, failed: 0});
	const dns = parse('nslookup hello-node-svc');
	t.like(dns, {rcode: 'NOERROR', server: '10.96.0.10'});
	t.deepEqual(dns.answers, [{name: 'hello-node-svc.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.108.246.108'}]);
	t.is(JSON.parse(execute(hello, 'get pods -l app=nope -o json').out.join('\n')).items.length, 0, 'an empty list is still JSON, not "No resources found"');
});

test('-o json keeps warnings on stderr, off the JSON line', t => {
	const result = execute(hello, 'get endpoints -o json');
	t.deepEqual(result.err, [DEPRECATED]);
	t.is(JSON.parse(result.out.join('\n')).kind, 'List');
});

// Errors: stderr only, exit-worthy, and the state is left as it was.

for (const [line, message] of [
	['get svc nope', 'Error from server (NotFound): services "nope" not found'],
	['describe svc nope', 'Error from server (NotFound): services "nope" not found'],
	['delete pod nope', 'Error from server (NotFound): pods "nope" not found'],
	['delete node nope', 'Error from server (NotFound): nodes "nope" not found'],
	['scale rc nope --replicas=1', 'Error from server (NotFound): replicationcontrollers "nope" not found'],
	['scale rc hello-node --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'],
	['crash pod nope', 'Error from server (NotFound): pods "nope" not found'],
	['label pod nope a=b', 'Error from server (NotFound): pods "nope" not found'],
	['probe pod nope fail', 'Error from server (NotFound): pods "nope" not found'],
	['curl hello-node-svc --from pod/nope', 'Error from server (NotFound): pods "nope" not found'],
	['nslookup hello-node-svc --from pod/nope', 'Error from server (NotFound): pods "nope" not found'],
	['wait abc', 'error: invalid duration "abc"'],
	['bogus', 'error: unknown command "bogus"'],
	['gett svc', 'error: unknown command "gett" (did you mean "get"?)'],
	['help nope', 'error: unknown help topic "nope"'],
	['get svc --bogus', 'error: unknown flag: --bogus'],
	['delete pod nope -o json', 'Error from server (NotFound): pods "nope" not found'],
] as const) {
	test(`${line}: the error goes to stderr and the state is unchanged`, t => {
		const result = execute(hello, line);
		t.false(result.ok);
		t.deepEqual(result.out, []);
		t.deepEqual(result.err, [message]);
		t.is(result.state, hello);
	});
}

test('several names: like kubectl, the good ones go through and the errors follow', t => {
	const result = execute(hello, 'delete pod nope hello-node-4fp4j');
	t.false(result.ok);
	t.deepEqual(result.out, ['pod "hello-node-4fp4j" deleted']);
	t.deepEqual(result.err, ['Error from server (NotFound): pods "nope" not found']);
	t.not(getRow(result.state.pods, 'default/hello-node-4fp4j')!.deletionTimestamp, null);
	const json = execute(hello, 'delete pod nope hello-node-4fp4j -o json');
	t.deepEqual(json.out, ['{"messages":["pod \\"hello-node-4fp4j\\" deleted"]}']);
	t.deepEqual(json.err, ['Error from server (NotFound): pods "nope" not found']);
});

test('several names that all fail: every error, no output, state unchanged', t => {
	const result = execute(hello, 'crash pod nope gone');
	t.false(result.ok);
	t.deepEqual(result.out, []);
	t.deepEqual(result.err, ['Error from server (NotFound): pods "nope" not found', 'Error from server (NotFound): pods "gone" not found']);
	t.is(result.state, hello);
});

// Untrusted text: a manifest's control characters never reach out or err raw.

const controlState = boot([{name: 'control-chars.yaml', text: readFileSync(fromRoot('test/fixtures/cli/control-chars.yaml'), 'utf8')}]);

for (const line of [
	'describe svc web',
	'describe svc web -o json',
	'get svc -o json',
	'get svc -o yaml',
	'get deploy -o wide',
	'get deploy -o json',
	'get deploy -o yaml',
	'get rs -o wide',
	'get rs -o yaml',
	'get pods -o yaml',
	'get pods -o json',
	'curl web',
	'curl web --from laptop',
	'nslookup web',
	'delete pod -l app=web',
]) {
	test(`control characters from manifests: ${line} prints none raw`, t => {
		const result = execute(controlState, line);
		// The one exception: the tabs of BIND's nslookup layout (isc-projects/bind9 bin/dig/nslookup.c), where BIND puts them.
		const out = line.startsWith('nslookup') ? result.out.map(withoutBindTabs) : result.out;
		for (const text of [...out, ...result.err]) t.false(ANY_CONTROL.test(text), JSON.stringify(text));
		t.true(result.out.length + result.err.length > 0);
	});
}

test('control characters show escaped: caret notation in text, \\u escapes in JSON', t => {
	const describe = execute(controlState, 'describe svc web').out;
	t.true(describe.includes('Annotations:              evil: ^[[31mred^[[0m^G'), describe.join('\n'));
	const wide = execute(controlState, 'get deploy -o wide').out;
	t.is(wide[1], 'web    1/1     1            1           0s    web          nginx^[[31m:1.27   app=web');
	const client = execute(controlState, 'curl web --from laptop');
	t.deepEqual(client.err, ['error: unknown client "laptop" (known: pod/NAME, node/NAME, external, lap^[[31mtop)']);
});

test('control characters survive -o json as valid escapes (C1 and DEL included)', t => {
	const json = JSON.parse(execute(controlState, 'get deploy web -o json').out.join('\n')) as {metadata: {annotations: Record<string, string>}};
	t.is(json.metadata.annotations.note, 'evil \u001b]0;pwned\u0007 title \u009b31m \u007f');
});

test('undo alone has no past to go back to: it says where it works (--script and the TUI keep the history)', t => {
	const result = execute(sampleState('hello.yaml'), 'undo');
	t.false(result.ok);
	t.deepEqual(result.err, ['error: undo needs a session to go back through: use it in a --script file or the TUI']);
});

// client-go util/jsonpath parser.go parseQuote unquotes `{"\t"}` with strconv.Unquote: the tab is
// the user's own text and reaches stdout as 0x09, as kubectl prints it; values stay escaped.
test('get -o jsonpath (client-go util/jsonpath parser.go parseQuote): {"\\t"} prints a TAB, {"\\n"} ends the line', t => {
	const result = execute(hello, `get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`);
	ok(t, result);
	t.deepEqual(result.out, ['hello-node-4fp4j\tnode-2', 'hello-node-c4hwf\tnode-1', 'hello-node-vdtt6\tnode-3']);
});

test('get -o jsonpath: a TAB from the template is raw, control characters from the manifest stay escaped', t => {
	const result = execute(controlState, `get deploy web -o jsonpath='{.metadata.name}{"\\t"}{.metadata.annotations.note}{"\\t\\x1b"}'`);
	t.deepEqual(result.out, ['web\tevil ^[]0;pwned^G title \\x9b31m ^?\t^[']);
	t.false(RAW_CONTROL.test(result.out[0]!.replaceAll('\t', ' ')));
});

test('curl -o json carries the DNS step the trace shows: an ExternalName’s CNAME and the A record after it, an NXDOMAIN with the names tried (issue 12)', t => {
	const state = sampleState('externalname.yaml');
	const text = execute(state, 'curl catalog').out.join('\n');
	t.true(text.includes('→ CNAME catalog.shop.svc.cluster.local → A 10.111.158.83 →'), text);
	type Json = {requests: Array<{dns?: {rcode: string; answers: Array<{type: string; data: string}>; tried: Array<{name: string}>}}>};
	const [request] = (JSON.parse(execute(state, 'curl catalog -o json').out.join('')) as Json).requests;
	t.is(request?.dns?.rcode, 'NOERROR');
	t.deepEqual(
		request?.dns?.answers.map(a => `${a.type} ${a.data}`),
		['CNAME catalog.shop.svc.cluster.local.', 'A 10.111.158.83'],
	);
	const [missing] = (JSON.parse(execute(state, 'curl nope -o json').out.join('')) as Json).requests;
	t.is(missing?.dns?.rcode, 'NXDOMAIN');
	t.deepEqual(
		missing?.dns?.tried.map(q => q.name),
		['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope'],
	);
	// An address typed as ip:port asked no DNS: no dns field.
	const [direct] = (JSON.parse(execute(state, 'curl 10.111.158.83:80 -o json').out.join('')) as Json).requests;
	t.is(direct?.dns, undefined);
});

test('an error echoes a long name cut to its start and its length, not a megabyte line (issue 11)', t => {
	const name = 'a'.repeat(1_000_000);
	const [line = '', ...rest] = execute(hello, `get pods ${name}`).err;
	t.deepEqual(rest, []);
	t.true(line.length < 300, `${line.length} characters`);
	t.is(line, `Error from server (NotFound): pods "${'a'.repeat(64)}"... (1000000 characters) not found`);
	// Short names are said whole, as kubectl says them.
	t.deepEqual(execute(hello, 'get pods nope').err, ['Error from server (NotFound): pods "nope" not found']);
});
