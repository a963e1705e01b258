// Cordons and taints through the `--script` path: a manifest with a cordoned node and a tainted
// one, read back as kubectl prints it (printers.go printNode, printPod; the scheduler's
// FailedScheduling event, pkg/scheduler/framework/types.go FitError.Error over the
// nodeunschedulable and tainttoleration plugins' reasons).
import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {bootSources} from '../session/sample-state.js';

const manifest = `apiVersion: v1
kind: Node
metadata:
  name: cp
spec:
  taints:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
spec:
  unschedulable: true
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    operator: Exists
    effect: NoSchedule
  containers:
  - name: agent
    image: busybox
`;

function script(text: string): string[] {
	const state = bootSources([{name: 'cluster.yaml', text: manifest}]);
	const out: string[] = [];
	const result = runScript(state, text, {out: line => out.push(line), err: line => out.push(`ERR ${line}`)}, {name: 'scene.txt'});
	if (result.exitCode !== 0) out.push(`exit ${result.exitCode}`);
	return out;
}

test('get nodes, get pods -o wide and get events: the pod that tolerates the control-plane taint runs there, the other stays Pending with FailedScheduling naming both nodes', t => {
	t.deepEqual(script('get nodes\nget pods -o wide\nget events\n'), [
		'NAME       STATUS                     ROLES    AGE   VERSION',
		'cp         Ready                      <none>   0s    v1.34.0',
		'worker-1   Ready,SchedulingDisabled   <none>   0s    v1.34.0',
		'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
		'agent   1/1     Running   0          0s    10.244.0.2   cp       <none>           <none>',
		'web     0/1     Pending   0          0s    <none>       <none>   <none>           <none>',
		'LAST SEEN   TYPE      REASON             OBJECT      MESSAGE',
		'0s          Normal    Scheduled          pod/agent   Successfully assigned default/agent to cp',
		'0s          Normal    Pulled             pod/agent   Container image "busybox" already present on machine and can be accessed by the pod',
		'0s          Normal    Created            pod/agent   Container created',
		'0s          Normal    Started            pod/agent   Container started',
		'0s          Warning   FailedScheduling   pod/web     0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..',
	]);
});
