import test from 'ava';
import {cutOutput, kubectlArgs} from '../../source/cli/snapshot.js';

test('kubectlArgs: the snapshot command of issue 16, all namespaces by default', t => {
	t.deepEqual(kubectlArgs({}), ['get', 'nodes,pods,services,endpointslices,deployments,replicasets,statefulsets,networkpolicies', '-A', '-o', 'json']);
});

test('kubectlArgs: --context and --kubeconfig go first as --flag=value; -n replaces -A (nodes come anyway: cluster-scoped)', t => {
	t.deepEqual(kubectlArgs({context: '-odd', kubeconfig: '/k/config', namespace: 'shop'}), [
		'--context=-odd',
		'--kubeconfig=/k/config',
		'get',
		'nodes,pods,services,endpointslices,deployments,replicasets,statefulsets,networkpolicies',
		'--namespace=shop',
		'-o',
		'json',
	]);
});

test('cutOutput: blank lines dropped, the last lines kept, long lines cut, control characters made visible', t => {
	const many = Array.from({length: 30}, (_, i) => `line ${i}`).join('\n');
	const cut = cutOutput(`${many}\n\n`, 20);
	t.is(cut.length, 21);
	t.is(cut[0], '… (10 earlier lines left out)');
	t.is(cut[1], 'line 10');
	t.is(cut.at(-1), 'line 29');
	t.deepEqual(cutOutput(`${'x'.repeat(400)}\n`, 20, 300), [`${'x'.repeat(300)}…`]);
	t.deepEqual(cutOutput('refused\u001b[2J\u202e\r\n'), ['refused^[[2J\\u202e']);
});
