import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {nodeObject, rolesCell} from '../../source/view/node-rows.js';
import {apiTimestamp} from '../../source/view/timestamp.js';
import {fixtureNodes, fixtureState, makeNode} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('nodes', extra);

test('get nodes: STATUS Ready/NotReady, ROLES from labels, VERSION', t => {
	t.is(
		text(get(fixtureState(), options())),
		[
			'NAME     STATUS     ROLES           AGE   VERSION',
			'node-1   Ready      control-plane   12d   v1.34.0',
			'node-2   Ready      <none>          12d   v1.34.0',
			'node-3   NotReady   <none>          3h    v1.34.0',
		].join('\n'),
	);
});

test('get nodes -o wide -A: cluster-scoped, so no NAMESPACE column whatever the namespace flags', t => {
	const expected = [
		'NAME     STATUS     ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
		'node-1   Ready      control-plane   12d   v1.34.0   192.168.49.2   <none>        Ubuntu 24.04.3 LTS   6.8.0-85-generic   containerd://2.1.4',
		'node-2   Ready      <none>          12d   v1.34.0   192.168.49.3   <none>        Ubuntu 24.04.3 LTS   6.8.0-85-generic   containerd://2.1.4',
		'node-3   NotReady   <none>          3h    v1.34.0   192.168.49.4   <none>        Ubuntu 24.04.3 LTS   6.8.0-85-generic   containerd://2.1.4',
	].join('\n');
	t.is(text(get(fixtureState(), options({output: 'wide', allNamespaces: true}))), expected);
	t.is(text(get(fixtureState(), options({output: 'wide', namespace: 'shop'}))), expected);
});

test('get node NAME ignores the namespace; a missing one is NotFound; -A with a name is fine for nodes', t => {
	t.is(text(get(fixtureState(), options({name: 'node-2', namespace: 'elsewhere'}))).split('\n')[1], 'node-2   Ready    <none>   12d   v1.34.0');
	t.deepEqual(get(fixtureState(), options({name: 'node-9'})), {ok: false, error: 'Error from server (NotFound): nodes "node-9" not found'});
	t.true(get(fixtureState(), options({name: 'node-1', allNamespaces: true})).ok);
	t.is(text(get(fixtureState(), options({selector: 'node-role.kubernetes.io/control-plane'}))).split('\n').length, 2);
	t.is(text(get(fixtureState(), options({selector: 'gpu=true'}))), 'No resources found');
});

test('ROLES: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted', t => {
	const labels = {
		'node-role.kubernetes.io/worker': '',
		'node-role.kubernetes.io/control-plane': '',
		'kubernetes.io/role': 'edge',
		'node-role.kubernetes.io/': '',
	};
	t.is(rolesCell(makeNode('n', '10.0.0.1', '10.244.0.0/24', {labels})), 'control-plane,edge,worker');
	t.is(rolesCell(makeNode('n', '10.0.0.1', '10.244.0.0/24', {labels: {'kubernetes.io/role': ''}})), '<none>');
});

test('Node object: addresses, podCIDR, Ready condition, nodeInfo; no namespace', t => {
	const object = nodeObject(fixtureState(), fixtureNodes()[2]!);
	t.like(object, {
		apiVersion: 'v1',
		kind: 'Node',
		spec: {podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24']},
		status: {
			addresses: [
				{type: 'InternalIP', address: '192.168.49.4'},
				{type: 'Hostname', address: 'node-3'},
			],
			conditions: [{type: 'Ready', status: 'Unknown'}],
			nodeInfo: {kubeletVersion: 'v1.34.0'},
		},
	});
	t.false('namespace' in (object.metadata as object));
});

test('Node object without a podCIDR: no spec.podCIDR(s) (omitempty), Ready False from the kubelet (runtime network not ready)', t => {
	const state = fixtureState();
	const node = makeNode('n', '10.0.0.1', '', {ready: false});
	const object = nodeObject(state, node);
	t.deepEqual(object.spec, {});
	// A posting kubelet's heartbeat is now; the model keeps no transitions, so the last is the node's creation.
	t.deepEqual((object.status as {conditions: unknown[]}).conditions, [
		{
			type: 'Ready',
			status: 'False',
			lastHeartbeatTime: apiTimestamp(state.clock),
			lastTransitionTime: apiTimestamp(node.createdAt),
			reason: 'KubeletNotReady',
			message:
				'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
		},
	]);
});
