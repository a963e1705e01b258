// `kubectl get --field-selector` over the fields the API server selects each kind by: for pods
// pkg/registry/core/pod/strategy.go ToSelectableFields and pkg/apis/core/v1/conversion.go's Pod
// AddFieldLabelConversionFunc list; for nodes pkg/registry/core/node/strategy.go
// NodeToSelectableFields; for Services, namespaces and replication controllers the conversion
// funcs of the same file. Over the fixture dump (test/fixtures/dump, from bench/generate-dump.ts).
import {readFileSync} from 'node:fs';
import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {bootSources} from '../session/sample-state.js';

const state = bootSources([{name: 'cluster.json', text: readFileSync('test/fixtures/dump/cluster.json', 'utf8')}]);

/** The NAME column (the second, after NAMESPACE with -A) of one command's output, or its errors. */
function names(command: string): {names: string[]; err: string[]} {
	const out: string[] = [];
	const err: string[] = [];
	runScript(state, `${command}\n`, {out: line => out.push(line), err: line => err.push(line)}, {name: 's.txt'});
	const column = command.includes(' -A') ? 1 : 0;
	return {names: out.slice(1).map(line => line.split(/ +/)[column] ?? ''), err};
}

const NODE_10 = 'ip-10-0-0-10.ec2.internal';

test('pods (pkg/registry/core/pod/strategy.go ToSelectableFields): spec.nodeName with =, == and !=', t => {
	const on10 = names(`get pods -A --field-selector=spec.nodeName=${NODE_10}`);
	t.deepEqual(on10.err, []);
	t.is(on10.names.length, 5, 'four of the dump pods and one coredns replica');
	t.true(on10.names.includes('svc-0-lz6lp8qsfq-56bh2'));
	t.deepEqual(names(`get pods -A --field-selector spec.nodeName==${NODE_10}`).names, on10.names);
	const others = names(`get pods -A --field-selector spec.nodeName!=${NODE_10}`).names;
	t.is(others.length + on10.names.length, names('get pods -A').names.length);
	t.false(others.some(name => on10.names.includes(name)));
	// conversion.go: old v1 clients' spec.host is converted to spec.nodeName.
	t.deepEqual(names(`get pods -A --field-selector spec.host=${NODE_10}`).names, on10.names);
});

test('pods (pkg/apis/core/v1/conversion.go Pod field labels): status.phase, status.podIP, comma-joined terms all hold', t => {
	t.deepEqual(names('get pods -A --field-selector status.podIP=10.244.1.2').names, ['svc-0-lz6lp8qsfq-xlk46']);
	t.deepEqual(names('get pods -A --field-selector status.phase=Running,status.podIP=10.244.1.2').names, ['svc-0-lz6lp8qsfq-xlk46']);
	t.deepEqual(names('get pods -A --field-selector status.phase=Pending').err, ['No resources found']);
	t.is(names('get pods -A --field-selector status.phase=Running').names.length, names('get pods -A').names.length);
	t.deepEqual(names('get pods -n team-1 --field-selector status.phase=Running,metadata.name!=svc-1-p6b2m58p2w-4jn8d').names, [
		'svc-1-p6b2m58p2w-ggrs5',
		'svc-1-p6b2m58p2w-s2hbc',
		'svc-1-p6b2m58p2w-wfdn9',
	]);
});

test('pods (strategy.go ToSelectableFields): spec.hostNetwork defaults to "false", status.podIPs and status.nominatedNodeName read ""', t => {
	const all = names('get pods -A').names;
	t.deepEqual(names('get pods -A --field-selector spec.hostNetwork=false,status.podIPs=,status.nominatedNodeName=').names, all);
	t.deepEqual(names('get pods -A --field-selector spec.hostNetwork=true').err, ['No resources found']);
});

test('pods: labels the API server does not select on keep its exact error', t => {
	t.deepEqual(names('get pods -A --field-selector status.hostIP=10.0.0.10').err, [
		's.txt:1: Error from server (BadRequest): field label not supported: status.hostIP',
	]);
});

test('pods (pkg/apis/core/v1/conversion.go): spec.restartPolicy, spec.schedulerName and spec.serviceAccountName read the defaulted spec', t => {
	const all = names('get pods -A').names;
	t.deepEqual(names('get pods -A --field-selector spec.restartPolicy=Always,spec.schedulerName=default-scheduler').names, all);
	t.deepEqual(names('get pods -A --field-selector spec.restartPolicy=Never').err, ['No resources found']);
	// kubeadm's CoreDNS runs as its own service account; every other pod here as `default`.
	const coredns = names('get pods -A --field-selector spec.serviceAccountName=coredns').names;
	t.true(coredns.length > 0 && coredns.every(n => n.startsWith('coredns-')), coredns.join(' '));
	t.deepEqual(names('get pods -A --field-selector spec.serviceAccountName=default').names.length, all.length - coredns.length);
});

test('services (AddFieldLabelConversionsForService): spec.clusterIP and spec.type besides metadata; spec.ports is refused', t => {
	t.deepEqual(names('get svc -A --field-selector spec.type=ClusterIP,metadata.namespace=kube-system').names, ['kube-dns']);
	t.deepEqual(names('get svc -A --field-selector spec.clusterIP=10.96.0.10').names, ['kube-dns']);
	t.deepEqual(names('get svc -A --field-selector spec.ports=53').err, ['s.txt:1: Error from server (BadRequest): field label not supported: spec.ports']);
});

test('namespaces and replication controllers: status.phase; status.replicas', t => {
	t.true(names('get ns --field-selector status.phase=Active').names.includes('kube-system'));
	t.deepEqual(names('get ns --field-selector status.phase=Terminating').err, ['No resources found']);
	t.deepEqual(names('get rc -A --field-selector status.replicas=0').err, ['No resources found']);
});

test('nodes (pkg/registry/core/node/strategy.go NodeToSelectableFields): metadata.name and spec.unschedulable, no namespace', t => {
	t.deepEqual(names('get nodes --field-selector spec.unschedulable=false').names, [NODE_10, 'ip-10-0-0-11.ec2.internal', 'ip-10-0-0-12.ec2.internal']);
	t.deepEqual(names(`get nodes --field-selector spec.unschedulable!=true,metadata.name=${NODE_10}`).names, [NODE_10]);
	t.deepEqual(names('get nodes --field-selector metadata.namespace=').err, [
		's.txt:1: Error from server (BadRequest): field label not supported: metadata.namespace',
	]);
});
