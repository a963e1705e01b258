import test from 'ava';
import {execute} from '../../source/session/execute.js';
import {eventLogOf} from '../../source/sim/events.js';
import {describeService, endpointsForPort} from '../../source/view/describe-service.js';
import type {EndpointSlice} from '../../source/view/endpointslice-rows.js';
import {RAW_CONTROL} from '../control-chars.js';
import {bootSources} from '../session/sample-state.js';
import {buildState, CLOCK, fixtureServices, fixtureState, M, makeAddress, makeEndpoints, makePort, makeService} from './fixture-state.js';

function text(result: ReturnType<typeof describeService>): string {
	if (!result.ok) throw new Error(result.error);
	return result.text;
}

test('describe svc: the S124 sample, byte for byte (value column at 26)', t => {
	const state = buildState({
		services: fixtureServices().filter(s => s.name === 'hello-node-svc'),
		endpoints: [
			makeEndpoints(
				'default',
				'hello-node-svc',
				true,
				[{name: '', protocol: 'TCP'}],
				[makeAddress('10.244.1.3', {podName: 'p', ports: {'': 8080}})],
				CLOCK - 5 * M,
			),
		],
	});
	t.is(
		text(describeService(state, 'default', 'hello-node-svc')),
		[
			'Name:                     hello-node-svc',
			'Namespace:                default',
			'Labels:                   app=hello-node',
			'Annotations:              <none>',
			'Selector:                 app=hello-node',
			'Type:                     NodePort',
			'IP Family Policy:         SingleStack',
			'IP Families:              IPv4',
			'IP:                       10.104.23.171',
			'IPs:                      10.104.23.171',
			'Port:                     <unset>  8080/TCP',
			'TargetPort:               8080/TCP',
			'NodePort:                 <unset>  30036/TCP',
			'Endpoints:                10.244.1.3:8080',
			'Session Affinity:         None',
			'External Traffic Policy:  Cluster',
			'Internal Traffic Policy:  Cluster',
			'Events:                   <none>',
		].join('\n'),
	);
});

test('describe svc LoadBalancer: labels one per line, annotation, ingress (VIP), Local policy, health check, empty Endpoints, events table', t => {
	t.is(
		text(describeService(fixtureState(), 'shop', 'shop-lb')),
		[
			'Name:                     shop-lb',
			'Namespace:                shop',
			'Labels:                   app=shop',
			'                          tier=frontend',
			'Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb',
			'Selector:                 app=shop',
			'Type:                     LoadBalancer',
			'IP Family Policy:         SingleStack',
			'IP Families:              IPv4',
			'IP:                       10.100.200.10',
			'IPs:                      10.100.200.10',
			'LoadBalancer Ingress:     203.0.113.10 (VIP)',
			'Port:                     <unset>  80/TCP',
			'TargetPort:               8080/TCP',
			'NodePort:                 <unset>  30080/TCP',
			// The placeholder slice exists but has no ready endpoint: an empty value (S124).
			'Endpoints:                ',
			'Session Affinity:         None',
			'External Traffic Policy:  Local',
			'Internal Traffic Policy:  Cluster',
			'HealthCheck NodePort:     32000',
			'Events:',
			'  Type    Reason                Age   From                Message',
			'  ----    ------                ----  ----                -------',
			'  Normal  EnsuringLoadBalancer  90m   service-controller  Ensuring load balancer',
			'  Normal  EnsuredLoadBalancer   89m   service-controller  Ensured load balancer',
		].join('\n'),
	);
});

test('describe svc with named ports and session affinity; repeated events are counted', t => {
	t.is(
		text(describeService(fixtureState(), 'default', 'web-lb')),
		[
			'Name:                     web-lb',
			'Namespace:                default',
			'Labels:                   app=web',
			'Annotations:              <none>',
			'Selector:                 app=web',
			'Type:                     LoadBalancer',
			'IP Family Policy:         SingleStack',
			'IP Families:              IPv4',
			'IP:                       10.99.14.2',
			'IPs:                      10.99.14.2',
			'Port:                     http  80/TCP',
			'TargetPort:               http/TCP',
			'NodePort:                 http  31380/TCP',
			'Endpoints:                10.244.1.4:8080',
			'Port:                     https  443/TCP',
			'TargetPort:               https/TCP',
			'NodePort:                 https  31390/TCP',
			'Endpoints:                10.244.1.4:8443',
			'Session Affinity:         ClientIP',
			'External Traffic Policy:  Cluster',
			'Internal Traffic Policy:  Cluster',
			'Events:',
			'  Type    Reason                Age               From                Message',
			'  ----    ------                ----              ----                -------',
			'  Normal  EnsuringLoadBalancer  30s (x3 over 2m)  service-controller  Ensuring load balancer',
		].join('\n'),
	);
});

test('describe svc ExternalName: no IP families, empty IP, External Name; the column follows the longest label', t => {
	t.is(
		text(describeService(fixtureState(), 'default', 'ext')),
		[
			'Name:              ext',
			'Namespace:         default',
			'Labels:            <none>',
			'Annotations:       <none>',
			'Selector:          <none>',
			'Type:              ExternalName',
			'IP Families:       <none>',
			'IP:                ',
			'IPs:               <none>',
			'External Name:     example.com',
			'Session Affinity:  None',
			'Events:            <none>',
		].join('\n'),
	);
});

test('describe svc: ready endpoints only; headless shows None; selector-less without Endpoints shows <none>', t => {
	const state = fixtureState();
	const hello = text(describeService(state, 'default', 'hello-node-svc'));
	t.true(hello.includes('\nEndpoints:                10.244.0.5:8080,10.244.1.3:8080\n'));
	const db = text(describeService(state, 'default', 'db'));
	t.true(db.includes('\nIP:                       None\nIPs:                      None\n'));
	t.false(db.includes('External Traffic Policy'));
	const manual = buildState({services: [makeService('default', 'manual', {clusterIP: '10.96.5.5', ports: [makePort('', 80, 80)]})]});
	t.true(text(describeService(manual, 'default', 'manual')).includes('\nEndpoints:                <none>\n'));
	const dns = text(describeService(state, 'kube-system', 'kube-dns'));
	t.true(dns.includes('Port:                     dns  53/UDP\nTargetPort:               53/UDP\nEndpoints:                10.244.0.2:53,10.244.0.3:53\n'));
	t.true(
		dns.includes(
			'Port:                     metrics  9153/TCP\nTargetPort:               9153/TCP\nEndpoints:                10.244.0.2:9153,10.244.0.3:9153\n',
		),
	);
});

test('describe svc: External IPs, Desired LoadBalancer IP, AppProtocol, long and multi-line annotations', t => {
	const long = 'x'.repeat(150);
	const svc = makeService('default', 'extra', {
		type: 'LoadBalancer',
		clusterIP: '10.96.7.7',
		externalIPs: ['192.0.2.10', '192.0.2.11'],
		loadBalancerIP: '203.0.113.99',
		externalTrafficPolicy: 'Cluster',
		ports: [{...makePort('web', 80, 8080, 30100), appProtocol: 'http'}],
		annotations: {'a.io/long': long, 'b.io/multi': 'one\ntwo\n', 'kubectl.kubernetes.io/last-applied-configuration': '{}'},
	});
	const out = text(describeService(buildState({services: [svc]}), 'default', 'extra')).split('\n');
	t.deepEqual(out.slice(3, 8), [
		'Annotations:              a.io/long:',
		`                            ${'x'.repeat(138)}...`,
		'                          b.io/multi:',
		'                            one',
		'                            two',
	]);
	t.true(out.includes('External IPs:             192.0.2.10,192.0.2.11'));
	t.true(out.includes('Desired LoadBalancer IP:  203.0.113.99'));
	t.true(out.includes('AppProtocol:              http'));
	t.is(out.indexOf('AppProtocol:              http'), out.indexOf('TargetPort:               8080/TCP') + 1);
});

test('describe svc: LoadBalancer Source Ranges last, the field as stored and comma-joined (describe.go describeService); json keeps it', t => {
	const svc = makeService('default', 'guarded', {
		type: 'LoadBalancer',
		clusterIP: '10.96.7.8',
		externalTrafficPolicy: 'Local',
		healthCheckNodePort: 32001,
		loadBalancerSourceRanges: ['10.0.0.0/8', ' 198.51.100.0/24'],
		ports: [makePort('web', 80, 8080, 30101)],
	});
	const result = describeService(buildState({services: [svc]}), 'default', 'guarded');
	const out = text(result).split('\n');
	// The longest label sets the value column (tabwriter): 27 characters and two spaces.
	t.is(out[out.indexOf('HealthCheck NodePort:        32001') + 1], 'LoadBalancer Source Ranges:  10.0.0.0/8, 198.51.100.0/24');
	t.deepEqual((result.ok && (result.json as {spec: {loadBalancerSourceRanges: string[]}}).spec.loadBalancerSourceRanges) || [], [
		'10.0.0.0/8',
		' 198.51.100.0/24',
	]);
});

test('describe svc: untrusted text is sanitized', t => {
	const svc = makeService('default', 'x', {labels: {note: 'a\u001b[5mb'}, annotations: {n: 'c\u009bd'}, clusterIP: '10.96.1.1'});
	const out = text(describeService(buildState({services: [svc]}), 'default', 'x'));
	t.true(out.includes('Labels:                   note=a^[[5mb\nAnnotations:              n: c\\x9bd\n'));
	t.false(RAW_CONTROL.test(out));
});

test("describe svc: From is the event's recorded source when it has one", t => {
	const state = fixtureState();
	const involved = {kind: 'Service', namespace: 'default', name: 'hello-node-svc'};
	const events = eventLogOf([
		{at: CLOCK - 30 * 1000, type: 'Normal', reason: 'IPAllocated', involved, message: 'Assigned IP ["203.0.113.10"]', source: 'metallb-controller'},
		{at: CLOCK - 20 * 1000, type: 'Warning', reason: 'Odd', involved, message: '  spaced  ', source: 'service-controller'},
	]);
	const out = text(describeService({...state, events}, 'default', 'hello-node-svc')).split('\n');
	t.deepEqual(out.slice(-4), [
		'  Type     Reason       Age   From                Message',
		'  ----     ------       ----  ----                -------',
		'  Normal   IPAllocated  30s   metallb-controller  Assigned IP ["203.0.113.10"]',
		'  Warning  Odd          20s   service-controller  spaced',
	]);
});

// A pool of one address and two LoadBalancer Services: the second's balancer cannot be ensured.
// Reasons and messages from k8s.io/cloud-provider controllers/service/controller.go
// (syncLoadBalancerIfNeeded, processServiceCreateOrUpdate); the layout is describe.go's Events
// table and printers.go printEvent (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE).
const LB_POOL_OF_ONE = [
	'apiVersion: k8s-svc-tui/v1',
	'kind: Cluster',
	'nodes: 2',
	'loadBalancerPool: [203.0.113.7]',
	'---',
	'apiVersion: v1',
	'kind: Service',
	'metadata: {name: first}',
	'spec: {type: LoadBalancer, selector: {app: a}, ports: [{port: 80}]}',
	'---',
	'apiVersion: v1',
	'kind: Service',
	'metadata: {name: second}',
	'spec: {type: LoadBalancer, selector: {app: a}, ports: [{port: 80}]}',
].join('\n');

test('describe svc LoadBalancer: Ensuring/Ensured from the service-controller; a pending one says why in SyncLoadBalancerFailed', t => {
	const state = bootSources([{name: 'lb.yaml', text: LB_POOL_OF_ONE}]);
	const first = execute(state, 'describe svc first').out;
	t.true(first.includes('LoadBalancer Ingress:     203.0.113.7 (VIP)'));
	t.deepEqual(first.slice(-5), [
		'Events:',
		'  Type    Reason                Age   From                Message',
		'  ----    ------                ----  ----                -------',
		'  Normal  EnsuringLoadBalancer  0s    service-controller  Ensuring load balancer',
		'  Normal  EnsuredLoadBalancer   0s    service-controller  Ensured load balancer',
	]);
	const second = execute(state, 'describe svc second').out;
	t.false(second.some(line => line.startsWith('LoadBalancer Ingress:')));
	t.deepEqual(second.slice(-5), [
		'Events:',
		'  Type     Reason                  Age   From                Message',
		'  ----     ------                  ----  ----                -------',
		'  Normal   EnsuringLoadBalancer    0s    service-controller  Ensuring load balancer',
		'  Warning  SyncLoadBalancerFailed  0s    service-controller  Error syncing load balancer: failed to ensure load balancer: no available IPs in the load-balancer pool',
	]);
	t.deepEqual(execute(state, 'get events --field-selector involvedObject.name=second').out, [
		'LAST SEEN   TYPE      REASON                   OBJECT           MESSAGE',
		'0s          Normal    EnsuringLoadBalancer     service/second   Ensuring load balancer',
		'0s          Warning   SyncLoadBalancerFailed   service/second   Error syncing load balancer: failed to ensure load balancer: no available IPs in the load-balancer pool',
	]);
	t.regex(execute(state, 'get svc second').out[1] ?? '', /^second +LoadBalancer +\S+ +<pending> +80:\d+\/TCP/);
	// The controller retries (syncs at 0, 5, 15, 35, 75, 155, 315 s); describe.go prints an
	// aggregated event as `%s (x%d over %s)`: last seen, count, first seen.
	const later = execute(execute(state, 'wait 10m').state, 'describe svc second').out;
	t.deepEqual(later.slice(-2), [
		'  Normal   EnsuringLoadBalancer    4m45s (x7 over 10m)  service-controller  Ensuring load balancer',
		'  Warning  SyncLoadBalancerFailed  4m45s (x7 over 10m)  service-controller  Error syncing load balancer: failed to ensure load balancer: no available IPs in the load-balancer pool',
	]);
});

test('describe svc: NotFound', t => {
	t.deepEqual(describeService(fixtureState(), 'default', 'nope'), {ok: false, error: 'Error from server (NotFound): services "nope" not found'});
	t.false(describeService(fixtureState(), 'shop', 'hello-node-svc').ok);
});

test('describe svc returns the Service object as json', t => {
	const result = describeService(fixtureState(), 'default', 'hello-node-svc');
	t.like(result, {ok: true, json: {kind: 'Service', metadata: {name: 'hello-node-svc'}, spec: {clusterIP: '10.104.23.171'}}});
});

test("Endpoints line keeps kubectl's quirks: + 0 more after a late not-ready endpoint; bare IPs from a port-less slice", t => {
	const svc = makeService('default', 's', {});
	const address = (ip: string, ready = true) => makeAddress(ip, {ready, ports: {web: 80}});
	const slice = (ports: EndpointSlice['ports'], endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
		name: 's-abcde',
		namespace: 'default',
		uid: 'u',
		labels: {},
		service: svc,
		ports,
		endpoints,
		createdAt: 0,
	});
	const web = [{name: 'web', port: 80, protocol: 'TCP' as const}];
	t.is(
		endpointsForPort([slice(web, [address('10.0.0.1'), address('10.0.0.2'), address('10.0.0.3'), address('10.0.0.4', false)])], 'web'),
		'10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...',
	);
	t.is(
		endpointsForPort([slice(web, [address('10.0.0.1'), address('10.0.0.2'), address('10.0.0.3'), address('10.0.0.4'), address('10.0.0.5')])], 'web'),
		'10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...',
	);
	t.is(endpointsForPort([slice(web, [address('10.0.0.1', false)])], 'web'), '');
	t.is(endpointsForPort([slice(web, [address('10.0.0.1')]), slice([], [address('10.0.0.9')])], 'other'), '10.0.0.9');
	t.is(endpointsForPort([], 'web'), '<none>');
});
