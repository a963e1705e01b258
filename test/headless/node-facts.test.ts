// A dump's nodes say what the dump says of them (issue 12: the screen tells the truth): the
// `--script` path of `kubectl get nodes -o wide` (printers.go printNode) and the TUI's `:no` view,
// which draws the same rows, over the fixture dump (test/fixtures/dump, from bench/generate-dump.ts).
import {readFileSync} from 'node:fs';
import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {resourceTable} from '../../source/view/tui/resource-table.js';
import {bootSources} from '../session/sample-state.js';

for (const file of ['cluster.yaml', 'cluster.json']) {
	const state = bootSources([{name: file, text: readFileSync(`test/fixtures/dump/${file}`, 'utf8')}]);

	test(`${file}: get nodes -o wide prints the dump's kubelet version, OS image, kernel and runtime, not the simulated ones`, t => {
		const out: string[] = [];
		const result = runScript(state, 'get nodes -o wide\n', {out: line => out.push(line), err: line => t.fail(line)}, {name: 'scene.txt'});
		t.is(result.exitCode, 0);
		t.deepEqual(out, [
			'NAME                        STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                       KERNEL-VERSION                    CONTAINER-RUNTIME',
			'ip-10-0-0-10.ec2.internal   Ready    <none>   23h   v1.31.2   10.0.0.10     <none>        Amazon Linux 2023.6.20241111   6.1.112-124.190.amzn2023.x86_64   containerd://1.7.22',
			'ip-10-0-0-11.ec2.internal   Ready    <none>   23h   v1.31.2   10.0.0.11     <none>        Amazon Linux 2023.6.20241111   6.1.112-124.190.amzn2023.x86_64   containerd://1.7.22',
			'ip-10-0-0-12.ec2.internal   Ready    <none>   23h   v1.31.2   10.0.0.12     <none>        Amazon Linux 2023.6.20241111   6.1.112-124.190.amzn2023.x86_64   containerd://1.7.22',
		]);
	});

	test(`${file}: the TUI's nodes view shows the same facts and carries the dump's objects`, t => {
		const view = resourceTable(state, {resource: 'nodes', namespace: null, crumb: 'nodes'}, '', null);
		const column = (name: string) => view.rows.map(row => row[view.headers.indexOf(name)]);
		t.deepEqual(column('VERSION'), Array(3).fill('v1.31.2'));
		t.deepEqual(column('OS-IMAGE'), Array(3).fill('Amazon Linux 2023.6.20241111'));
		const spec = view.objects.map(object => (object.spec as {providerID?: string}).providerID);
		t.true(
			spec.every(id => id?.startsWith('aws:///us-east-1a/i-0')),
			String(spec),
		);
	});
}
