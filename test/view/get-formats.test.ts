// `kubectl get` over lists and with the printer flags (kubernetes/kubectl pkg/cmd/get/get.go Run
// and printGeneric; cli-runtime printers/tableprinter.go decorateTable, printers/name.go).
// Expected texts written from kubectl's output format.
import test from 'ava';
import {type KubectlGetOptions, kubectlGet} from '../../source/view/get-formats.js';
import {buildState, makeNode, makePod, makeService, makeWorkload} from './fixture-state.js';

const state = buildState({
	nodes: [makeNode('n1', '192.168.49.2', '10.244.0.0/24')],
	pods: [
		makePod('default', 'b', {labels: {app: 'db'}, nodeName: 'n1', podIP: '10.244.0.9'}),
		makePod('default', 'a', {labels: {app: 'web', 'app.kubernetes.io/tier': 'fe'}, nodeName: 'n1', podIP: '10.244.0.10', restartCount: 3}),
		makePod('kube-system', 'c', {nodeName: 'n1', podIP: '10.244.0.2'}),
	],
	services: [makeService('default', 'web', {clusterIP: '10.96.0.20'})],
	workloads: [makeWorkload('Deployment', 'default', 'web', {replicas: 0})],
});

const options = (extra: Partial<KubectlGetOptions>): KubectlGetOptions => ({
	resource: 'pods',
	namespace: 'default',
	allNamespaces: false,
	output: 'table',
	...extra,
});
const text = (extra: Partial<KubectlGetOptions>): string => {
	const result = kubectlGet(state, options(extra));
	if (!result.ok) throw new Error(result.error);
	return result.text;
};
const r = (resource: KubectlGetOptions['resource'], ...names: string[]) => ({resource, names});

const PODS = ['NAME   READY   STATUS    RESTARTS   AGE', 'a      1/1     Running   3          10m', 'b      1/1     Running   0          10m'];

test('one type, no flags: the plain table', t => {
	t.is(text({}), PODS.join('\n'));
});

test('comma list: one table per type, a blank line between, NAME as kind/name (deployment.apps/x)', t => {
	t.is(
		text({requests: [r('pods'), r('services'), r('deployments')]}),
		[
			'NAME    READY   STATUS    RESTARTS   AGE',
			'pod/a   1/1     Running   3          10m',
			'pod/b   1/1     Running   0          10m',
			'',
			'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
			'service/web   ClusterIP   10.96.0.20   <none>        <none>    10m',
			'',
			'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
			'deployment.apps/web   0/0     0            0           10m',
		].join('\n'),
	);
});

test('an empty type prints nothing, not even its header', t => {
	t.is(
		text({requests: [r('statefulsets'), r('services')]}),
		['NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE', 'service/web   ClusterIP   10.96.0.20   <none>        <none>    10m'].join('\n'),
	);
	t.is(text({requests: [r('statefulsets'), r('replicasets')]}), 'No resources found in default namespace.');
	t.is(text({requests: [r('statefulsets'), r('nodes')], selector: 'x=y'}), 'No resources found');
});

test('names of mixed types: found ones printed, the others errors after the output', t => {
	const result = kubectlGet(state, options({requests: [r('services', 'web'), r('pods', 'nope'), r('pods', 'a')]}));
	t.like(result, {
		ok: true,
		text: [
			'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
			'service/web   ClusterIP   10.96.0.20   <none>        <none>    10m',
			'',
			'NAME    READY   STATUS    RESTARTS   AGE',
			'pod/a   1/1     Running   3          10m',
		].join('\n'),
		errors: ['Error from server (NotFound): pods "nope" not found'],
	});
	// One name asked for: just the error.
	t.deepEqual(kubectlGet(state, options({name: 'nope'})), {ok: false, error: 'Error from server (NotFound): pods "nope" not found'});
	t.deepEqual(kubectlGet(state, options({requests: [r('pods', 'a')], allNamespaces: true})), {
		ok: false,
		error: 'error: a resource cannot be retrieved by name across all namespaces',
	});
	t.like(kubectlGet(state, options({requests: [r('nodes', 'n1')], allNamespaces: true})), {ok: true});
});

test('--show-labels: LABELS last, k=v sorted by key (Go byte order), <none> for none', t => {
	t.is(
		text({showLabels: true, allNamespaces: true}),
		[
			'NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE   LABELS',
			'default       a      1/1     Running   3          10m   app=web,app.kubernetes.io/tier=fe',
			'default       b      1/1     Running   0          10m   app=db',
			'kube-system   c      1/1     Running   0          10m   <none>',
		].join('\n'),
	);
});

test('-L: one column per key, headed by the key after its last slash, upper-cased; before LABELS', t => {
	t.is(
		text({labelColumns: ['app.kubernetes.io/tier', 'app'], showLabels: true}),
		[
			'NAME   READY   STATUS    RESTARTS   AGE   TIER   APP   LABELS',
			'a      1/1     Running   3          10m   fe     web   app=web,app.kubernetes.io/tier=fe',
			'b      1/1     Running   0          10m          db    app=db',
		].join('\n'),
	);
});

test('--no-headers: rows only, and no blank line between types', t => {
	// Aligned on the rows alone (tableprinter.go pads by the widest cell, not the header).
	t.is(text({noHeaders: true}), ['a     1/1   Running   3     10m', 'b     1/1   Running   0     10m'].join('\n'));
	t.is(
		text({noHeaders: true, requests: [r('pods'), r('services')]}),
		['pod/a   1/1   Running   3     10m', 'pod/b   1/1   Running   0     10m', 'service/web   ClusterIP   10.96.0.20   <none>   <none>   10m'].join('\n'),
	);
});

test('--sort-by: by the API field (strings as quantities when both are, else lexically)', t => {
	// 10.244.0.10 < 10.244.0.9 lexically (IPs are not quantities).
	t.is(text({sortBy: '{.status.podIP}'}), PODS.join('\n'));
	t.is(text({sortBy: '.status.containerStatuses[0].restartCount'}), [PODS[0], PODS[2], PODS[1]].join('\n'));
	t.is(text({sortBy: 'metadata.name', output: 'name'}), 'pod/a\npod/b');
	t.deepEqual(kubectlGet(state, options({sortBy: '.spec.nope'})), {
		ok: false,
		error: 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects',
	});
});

test('-o name: kind.group/name, one per line; nothing for an empty list', t => {
	t.is(text({output: 'name', requests: [r('pods'), r('deployments'), r('services')]}), 'pod/a\npod/b\ndeployment.apps/web\nservice/web');
	t.is(text({output: 'name', selector: 'app=nothing'}), '');
});

test('-o json of several types is one List; of one name, the object', t => {
	const list = kubectlGet(state, options({output: 'json', requests: [r('services'), r('pods', 'a')]}));
	if (!list.ok) return t.fail(list.error);
	const json = list.json as {kind: string; items: Array<{kind: string}>};
	t.is(json.kind, 'List');
	t.deepEqual(
		json.items.map(i => i.kind),
		['Service', 'Pod'],
	);
	t.like(kubectlGet(state, options({output: 'json', name: 'a'})), {ok: true, json: {kind: 'Pod', metadata: {name: 'a'}}});
});

test('-o jsonpath over the List kubectl builds', t => {
	t.is(text({output: 'jsonpath', template: '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'}), 'a\t10.244.0.10\nb\t10.244.0.9');
	t.is(text({output: 'jsonpath', template: '{.metadata.name}', name: 'a'}), 'a');
	t.deepEqual(kubectlGet(state, options({output: 'jsonpath', template: ''})), {ok: false, error: 'error: template format specified but no template given'});
});

test('-o custom-columns over several types: one table', t => {
	t.is(
		text({output: 'custom-columns', template: 'KIND:.kind,NAME:.metadata.name,IP:.status.podIP', requests: [r('services'), r('pods')]}),
		['KIND      NAME   IP', 'Service   web    <none>', 'Pod       a      10.244.0.10', 'Pod       b      10.244.0.9'].join('\n'),
	);
});

test('the endpoints warning once for a list that includes endpoints', t => {
	const result = kubectlGet(state, options({requests: [r('endpoints'), r('endpoints', 'web')]}));
	t.like(result, {ok: true, warnings: ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']});
});
