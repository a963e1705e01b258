import test from 'ava';
import {scaleResultText} from '../../../source/command/verbs/scale.js';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: scale rc|rs|deploy|sts NAME --replicas=N [-n NS]';

const scaled = (kind: 'ReplicationController' | 'ReplicaSet' | 'Deployment' | 'StatefulSet', replicas: number, name = 'web', namespace = 'default') =>
	({type: 'replicasScaled', kind, namespace, name, replicas}) as const;

test(parses, 'scale rc hello-node --replicas=5', actions(scaled('ReplicationController', 5, 'hello-node')));
test(parses, 'scale replicationcontroller web --replicas 2', actions(scaled('ReplicationController', 2)));
test(parses, 'scale rs web --replicas=1', actions(scaled('ReplicaSet', 1)));
test(parses, 'scale replicasets web --replicas=1', actions(scaled('ReplicaSet', 1)));
test(parses, 'scale deploy web --replicas=0', actions(scaled('Deployment', 0)));
test(parses, 'scale deployment/web --replicas 3', actions(scaled('Deployment', 3)));
test(parses, 'scale deployments.apps web --replicas 3', actions(scaled('Deployment', 3)));
test(parses, 'scale sts web --replicas=4', actions(scaled('StatefulSet', 4)));
test(parses, 'scale statefulset/web --replicas=4 -n db', actions(scaled('StatefulSet', 4, 'web', 'db')));
test('the flag may come first', parses, 'scale --replicas=2 rc/web', actions(scaled('ReplicationController', 2)));
test('one action per name', parses, 'scale rc a b --replicas=1', actions(scaled('ReplicationController', 1, 'a'), scaled('ReplicationController', 1, 'b')));
test(parses, 'scale rc/a deploy/b --replicas=1', actions(scaled('ReplicationController', 1, 'a'), scaled('Deployment', 1, 'b')));

test(fails, 'scale rc hello-node', 'error: required flag(s) "replicas" not set');
test('the missing flag is reported before missing arguments', fails, 'scale', 'error: required flag(s) "replicas" not set');
test(fails, 'scale rc web --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
test(fails, 'scale rc web --replicas=two', 'error: invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax');
test(fails, 'scale rc web --replicas', 'error: flag needs an argument: --replicas');
test(fails, 'scale --replicas=1', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'scale rc --replicas=1', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'scale svc web --replicas=1', `error: services cannot be scaled; only rc, rs, deploy and sts have replicas. ${USAGE}`);
test(fails, 'scale pod/x --replicas=1', `error: pods cannot be scaled; only rc, rs, deploy and sts have replicas. ${USAGE}`);
test(fails, 'scale ds web --replicas=1', 'error: the server doesn\'t have a resource type "ds"');

// G6: kubectl/pkg/cmd/scale prints `<singular>.<group>/<name> scaled` (no group for the core
// group), and the API server's NotFound names `<plural>.<group>`.
test("scale results in kubectl's words, each kind with its group", t => {
	const said = (workload: Parameters<typeof scaled>[0], name: string) => scaleResultText({kind: 'scaled', workload, name});
	t.deepEqual(said('ReplicationController', 'hello-node'), {kind: 'message', lines: ['replicationcontroller/hello-node scaled']});
	t.deepEqual(said('ReplicaSet', 'web-5d4b9c'), {kind: 'message', lines: ['replicaset.apps/web-5d4b9c scaled']});
	t.deepEqual(said('Deployment', 'frontend'), {kind: 'message', lines: ['deployment.apps/frontend scaled']});
	t.deepEqual(said('StatefulSet', 'web'), {kind: 'message', lines: ['statefulset.apps/web scaled']});
	t.deepEqual(scaleResultText({kind: 'workloadNotFound', workload: 'Deployment', name: 'nope'}), {
		kind: 'error',
		message: 'Error from server (NotFound): deployments.apps "nope" not found',
	});
	t.deepEqual(scaleResultText({kind: 'workloadNotFound', workload: 'ReplicationController', name: 'nope'}), {
		kind: 'error',
		message: 'Error from server (NotFound): replicationcontrollers "nope" not found',
	});
	t.deepEqual(scaleResultText({kind: 'message', lines: ['pod "a" deleted']}), {kind: 'message', lines: ['pod "a" deleted']});
});
