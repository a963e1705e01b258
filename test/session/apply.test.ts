// `apply -f FILE` and `delete svc NAME` on a running cluster (issue 13): kubectl's answers
// (`service/x created|configured|unchanged`, `service "x" deleted`), what an update keeps (the
// clusterIP, a node port while the type has them: pkg/registry/core/service/storage
// dropTypeDependentFields), what it refuses (`spec.clusterIPs[0]: … may not change once set`,
// ValidateServiceUpdate), with positions as at load time, then the routing diff of what changed.

import test from 'ava';
import type {ReadFile} from '../../source/session/apply.js';
import {execute} from '../../source/session/execute.js';
import {readFromDisk} from '../../source/session/read-file.js';
import {getRow} from '../../source/sim/index.js';
import {sampleState} from './sample-state.js';

const hello = sampleState('hello.yaml');
const readFile: ReadFile = readFromDisk;
const run = (state: typeof hello, line: string) => execute(state, line, {readFile});

test('a selector typo applied: configured, the ClusterIP and nodePort kept, the endpoints empty, and the diff names the selector', t => {
	const before = getRow(hello.services, 'default/hello-node-svc');
	const result = run(hello, 'apply -f test/fixtures/apply/selector-typo.yaml');
	t.true(result.ok, result.err.join('\n'));
	t.is(result.out[0], 'service/hello-node-svc configured');
	const after = getRow(result.state.services, 'default/hello-node-svc');
	t.is(after?.spec.clusterIP, before?.spec.clusterIP);
	t.is(after?.spec.ports?.[0]?.nodePort, before?.spec.ports?.[0]?.nodePort);
	t.is(after?.uid, before?.uid, 'the same object, updated');
	t.deepEqual(after?.spec.selector, {app: 'hello-nod'});
	t.deepEqual(execute(result.state, 'get ep hello-node-svc').out, ['NAME             ENDPOINTS   AGE', 'hello-node-svc   <none>      0s']);
	t.true(result.out.includes('Routing changes:'));
	t.true(
		result.out.some(line => /^pod\/\S+ -n default → default\/hello-node-svc:80 \(dns\): before ok .* → after refused \(no ready endpoints\)$/.test(line)),
		result.out.join('\n'),
	);
	t.true(result.out.includes('    why: selector app=hello-node → app=hello-nod: now matches 0 pods (was 3)'));
	// The same file again changes nothing: unchanged, the state itself kept, no diff.
	const again = run(result.state, 'apply -f test/fixtures/apply/selector-typo.yaml');
	t.deepEqual(again.out, ['service/hello-node-svc unchanged']);
	t.is(again.state, result.state);
});

test('a clusterIP change is refused where the file sets it, and nothing changes', t => {
	const result = run(hello, 'apply -f test/fixtures/apply/clusterip-change.yaml');
	t.false(result.ok);
	t.deepEqual(result.err, [
		'test/fixtures/apply/clusterip-change.yaml:7:14: The Service "hello-node-svc" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
	]);
	t.is(result.state, hello);
});

test('NodePort → ClusterIP: the node port goes, and is free for another Service', t => {
	const nodePort = getRow(hello.services, 'default/hello-node-svc')?.spec.ports?.[0]?.nodePort;
	const result = run(hello, 'apply -f test/fixtures/apply/to-clusterip.yaml');
	t.true(result.ok, result.err.join('\n'));
	const after = getRow(result.state.services, 'default/hello-node-svc');
	t.is(after?.spec.type, 'ClusterIP');
	t.is(after?.spec.ports?.[0]?.nodePort, undefined);
	t.is(result.state.ipam.nodePorts[String(nodePort)], undefined, `${nodePort} released`);
	t.true(result.out.some(line => line.includes('(NodePort on node-1): before ok') && line.includes('after no such address')));
});

test('a new Service is created and resolves; kinds not applied yet and a missing namespace are errors that name the object', t => {
	const result = run(hello, 'apply -f test/fixtures/apply/new-and-more.yaml');
	t.false(result.ok);
	t.is(result.out[0], 'service/hello-api created');
	t.deepEqual(result.err, [
		'error: deployment/extra not applied: apply changes Services and NetworkPolicies only, so far',
		'Error from server (NotFound): error when creating "test/fixtures/apply/new-and-more.yaml": namespaces "nowhere" not found',
	]);
	t.regex(execute(result.state, 'nslookup hello-api').out.join('\n'), /Name:\thello-api\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+/);
	t.true(result.out.includes('+ service port default/hello-api:8080/TCP: only after'), result.out.join('\n'));
});

test('a file the loader refuses is refused with its positions, as at load time', t => {
	const result = run(hello, 'apply -f test/fixtures/apply/bad-port.yaml');
	t.false(result.ok);
	// Its targetPort defaults to the port, so both are out of range, as the API server says.
	t.deepEqual(result.err, [
		'test/fixtures/apply/bad-port.yaml:6:18: The Service "hello-node-svc" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive',
		'test/fixtures/apply/bad-port.yaml:6:11: The Service "hello-node-svc" is invalid: spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive',
	]);
	t.is(result.state, hello);
	t.regex(run(hello, 'apply -f test/fixtures/apply/nope.yaml').err[0] ?? '', /nope\.yaml/);
	t.deepEqual(execute(hello, 'apply -f x.yaml').err, ['error: apply -f needs files to read: use it in a --script file or the TUI']);
});

test('delete svc: the name stops resolving, the ClusterIP and node port are free, the endpoints gone', t => {
	const service = getRow(hello.services, 'default/hello-node-svc');
	const result = execute(hello, 'delete svc hello-node-svc');
	t.deepEqual(result.out, ['service "hello-node-svc" deleted']);
	t.is(getRow(result.state.endpoints, 'default/hello-node-svc'), undefined);
	t.is(result.state.ipam.serviceIPs[service?.spec.clusterIP ?? ''], undefined);
	t.is(result.state.ipam.nodePorts[String(service?.spec.ports?.[0]?.nodePort)], undefined);
	t.regex(execute(result.state, 'nslookup hello-node-svc').out.join('\n'), /NXDOMAIN/);
	t.deepEqual(execute(hello, 'delete svc nope').err, ['Error from server (NotFound): services "nope" not found']);
	// Applied back, it is a new object with a new ClusterIP.
	const back = run(result.state, 'apply -f test/fixtures/apply/to-clusterip.yaml');
	t.is(back.out[0], 'service/hello-node-svc created');
	t.not(getRow(back.state.services, 'default/hello-node-svc')?.uid, service?.uid);
});

test('a NetworkPolicy applied: requests to the pods it selects time out, and the diff says which policy drops them; deleted, they answer again', t => {
	const result = run(hello, 'apply -f test/fixtures/apply/deny-web.yaml');
	t.true(result.ok, result.err.join('\n'));
	t.is(result.out[0], 'networkpolicy.networking.k8s.io/deny-hello created');
	t.true(
		result.out.some(line =>
			/^pod\/coredns-\S+ -n kube-system → default\/hello-node-svc:80 \(ClusterIP\): before ok .* → after timed out \(dropped by NetworkPolicy default\/deny-hello /.test(
				line,
			),
		),
		result.out.join('\n'),
	);
	t.regex(execute(result.state, 'curl hello-node-svc').out[0] ?? '', /timed out: dropped by NetworkPolicy default\/deny-hello/);
	const policy = result.state.networkPolicies['default/deny-hello'];
	t.is(policy?.createdAt, result.state.clock, 'created now, not at t=0');
	t.deepEqual(run(result.state, 'apply -f test/fixtures/apply/deny-web.yaml').out, ['networkpolicy.networking.k8s.io/deny-hello unchanged']);
	const deleted = execute(result.state, 'delete netpol deny-hello');
	t.deepEqual(deleted.out, ['networkpolicy.networking.k8s.io "deny-hello" deleted']);
	t.regex(execute(deleted.state, 'curl hello-node-svc').out[0] ?? '', / → ok \(/);
	t.deepEqual(execute(hello, 'delete netpol nope').err, ['Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found']);
});

test('applied again with its previous text (--watch): kinds apply leaves alone are named only when they changed', t => {
	const file = 'test/fixtures/apply/new-and-more.yaml';
	const [source] = readFromDisk(file).files;
	if (!source) throw new Error('fixture missing');
	const same = execute(hello, `apply -f ${file}`, {readFile, applyBefore: [source]});
	t.false(
		same.err.some(line => line.includes('deployment/extra')),
		same.err.join('\n'),
	);
	const edited = source.text.replace('image: nginx', 'image: nginx:1.27');
	const changed = execute(hello, `apply -f ${file}`, {readFile, applyBefore: [{name: file, text: edited}]});
	t.true(changed.err.includes('error: deployment/extra not applied: apply changes Services and NetworkPolicies only, so far'), changed.err.join('\n'));
});

test("create -f refuses what exists (kubectl create: AlreadyExists) and makes what does not; delete -f takes the file's objects away", t => {
	const refused = run(hello, 'create -f test/fixtures/apply/selector-typo.yaml');
	t.deepEqual(refused.err, [
		'Error from server (AlreadyExists): error when creating "test/fixtures/apply/selector-typo.yaml": services "hello-node-svc" already exists',
	]);
	t.is(refused.state, hello);
	const created = run(hello, 'create -f test/fixtures/apply/deny-web.yaml');
	t.is(created.out[0], 'networkpolicy.networking.k8s.io/deny-hello created');
	const deleted = run(created.state, 'delete -f test/fixtures/apply/deny-web.yaml');
	t.is(deleted.out[0], 'networkpolicy.networking.k8s.io "deny-hello" deleted');
	t.false(Object.hasOwn(deleted.state.networkPolicies, 'default/deny-hello'));
	t.true(deleted.out.includes('Routing changes:'), 'the requests it dropped answer again');
	t.deepEqual(run(hello, 'delete -f test/fixtures/apply/deny-web.yaml').err, [
		'Error from server (NotFound): error when deleting "test/fixtures/apply/deny-web.yaml": networkpolicies.networking.k8s.io "deny-hello" not found',
	]);
	const gone = run(hello, 'delete -f test/fixtures/apply/to-clusterip.yaml');
	t.deepEqual(gone.out.slice(0, 4), ['service "hello-node-svc" deleted', '', 'Routing changes:', '- service port default/hello-node-svc:80/TCP: only before']);
});

test('edit in a script: the edited object comes with -f and is applied; without it the line says what to give', t => {
	const edited = run(hello, 'edit svc hello-node-svc -f test/fixtures/apply/selector-typo.yaml');
	t.true(edited.ok, edited.err.join('\n'));
	t.is(edited.out[0], 'service/hello-node-svc configured');
	t.deepEqual(edited.changedServices, ['default/hello-node-svc']);
	t.deepEqual(run(hello, 'edit svc hello-node-svc').err, [
		'error: edit opens $EDITOR in the TUI; in a script give the edited object: edit service hello-node-svc -n default -f FILE',
	]);
});
