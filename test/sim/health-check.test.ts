// kube-proxy's service health server (kubernetes/kubernetes pkg/proxy/healthcheck/service_health.go
// hcHandler.ServeHTTP; the count is proxy/endpointsmap.go LocalReadyEndpoints).
import test from 'ava';
import {healthCheckAnswer, localReadyEndpoints} from '../../source/sim/health-check.js';
import {getRow, listRows} from '../../source/sim/index.js';
import {helloRC, input, service} from './hello-input.js';
import {boot, curl, livePods, requests, run} from './helpers.js';

const lbLocal = (ports = [{name: 'http', protocol: 'TCP' as const, port: 80, targetPort: 8080}]) =>
	service('web', {type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, ports});

function onePod(ports?: Parameters<typeof lbLocal>[0]) {
	const state = boot(input({config: {loadBalancerPool: ['203.0.113.10']}, services: [lbLocal(ports)], workloads: [{...helloRC, replicas: 1}]}));
	const pod = livePods(state, 'hello-node-')[0]!;
	const here = state.nodes[pod.nodeName!]!;
	const other = Object.values(state.nodes).find(n => n.name !== here.name)!;
	return {state, pod, here, other, svc: getRow(state.services, 'default/web')!};
}

test('service_health.go ServeHTTP: 200 with the node’s local endpoint count, 503 with none; the JSON body as it writes it', t => {
	const {state, here, other, svc} = onePod();
	const ok = healthCheckAnswer(state, svc, here.name);
	t.is(ok.status, 200);
	t.is(ok.localEndpoints, 1);
	t.is(ok.body, '{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "web"\n\t},\n\t"localEndpoints": 1,\n\t"serviceProxyHealthy": true\n}');
	const none = healthCheckAnswer(state, svc, other.name);
	t.is(none.status, 503);
	t.true(none.body.includes('"localEndpoints": 0,'));
});

test('endpointsmap.go LocalReadyEndpoints: one address serving two ports counts once', t => {
	const {state, here, svc} = onePod([
		{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080},
		{name: 'alt', protocol: 'TCP', port: 81, targetPort: 8080},
	]);
	t.is(localReadyEndpoints(state, svc, here.name), 1);
});

test('endpointsmap.go getLocalReadyEndpointIPs: a node left with only a terminating endpoint answers 503, though it still serves it', t => {
	let {state, pod, here, svc} = onePod();
	// Deleted and not yet replaced by a ready pod (the replacement needs podStartSeconds).
	state = run(state, {type: 'podDeleted', namespace: 'default', name: pod.name}).state;
	const address = listRows(getRow(state.endpoints, 'default/web')!.addresses).find(a => a.podName === pod.name)!;
	t.deepEqual([address.ready, address.serving, address.terminating], [false, true, true]);
	t.is(healthCheckAnswer(state, svc, here.name).status, 503);
	// The balancer leaves the node, but a connection sent there still reaches the terminating pod (S84).
	const [trace] = requests(run(state, curl('203.0.113.10:80', {kind: 'external', via: here.name})).results[0]!).requests;
	t.is(trace!.outcome, 'ok');
	t.is(trace!.endpoint!.pod, pod.name);
});

test('curl NODEIP:healthCheckNodePort from outside shows the health server’s answer (it listens on every node address)', t => {
	const {state, here, other} = onePod();
	const [good] = requests(run(state, curl(`${here.internalIP}:32000`, {kind: 'external'})).results[0]!).requests;
	t.is(good!.via, 'HealthCheckNodePort');
	t.is(good!.outcome, 'ok');
	t.is(good!.http!.status, 200);
	t.is(
		good!.reason,
		`kube-proxy health check on ${here.name}: HTTP 200 OK {"service": {"namespace": "default", "name": "web"}, "localEndpoints": 1, "serviceProxyHealthy": true}`,
	);
	const [bad] = requests(run(state, curl(`${other.internalIP}:32000`, {kind: 'external'})).results[0]!).requests;
	t.is(bad!.http!.status, 503);
	t.regex(bad!.reason, /HTTP 503 Service Unavailable .*"localEndpoints": 0,/);
});
