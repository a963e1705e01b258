import test from 'ava';
import {type GetOptions, get} from '../../source/view/get.js';
import {externalIPCell, portsCell, serviceObject} from '../../source/view/service-rows.js';
import {buildState, fixtureServices, fixtureState, makePort, makeService} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('services', extra);

test('get svc: the S117 sample, byte for byte', t => {
	const state = buildState({services: fixtureServices().filter(s => s.name !== 'slow')});
	t.is(
		text(get(state, options())),
		[
			'NAME             TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)                      AGE',
			'db               ClusterIP      None            <none>        5432/TCP                     62m',
			'ext              ExternalName   <none>          example.com   <none>                       30s',
			'hello-node-svc   NodePort       10.104.23.171   <none>        8080:30036/TCP               5m12s',
			'kubernetes       ClusterIP      10.96.0.1       <none>        443/TCP                      12d',
			'web-lb           LoadBalancer   10.99.14.2      <pending>     80:31380/TCP,443:31390/TCP   2m',
		].join('\n'),
	);
});

test('get svc -A -o wide: NAMESPACE first, SELECTOR last, sorted by namespace then name', t => {
	t.is(
		text(get(fixtureState(), options({allNamespaces: true, output: 'wide'}))),
		[
			'NAMESPACE     NAME             TYPE           CLUSTER-IP      EXTERNAL-IP    PORT(S)                      AGE     SELECTOR',
			'default       db               ClusterIP      None            <none>         5432/TCP                     62m     app=db',
			'default       ext              ExternalName   <none>          example.com    <none>                       30s     <none>',
			'default       hello-node-svc   NodePort       10.104.23.171   <none>         8080:30036/TCP               5m12s   app=hello-node',
			'default       kubernetes       ClusterIP      10.96.0.1       <none>         443/TCP                      12d     <none>',
			'default       slow             ClusterIP      10.107.3.4      <none>         80/TCP                       10m     app=slow',
			'default       web-lb           LoadBalancer   10.99.14.2      <pending>      80:31380/TCP,443:31390/TCP   2m      app=web',
			'kube-system   kube-dns         ClusterIP      10.96.0.10      <none>         53/UDP,53/TCP,9153/TCP       12d     k8s-app=kube-dns',
			'shop          shop-lb          LoadBalancer   10.100.200.10   203.0.113.10   80:30080/TCP                 90m     app=shop',
		].join('\n'),
	);
});

test('get svc -l app=web', t => {
	t.is(
		text(get(fixtureState(), options({selector: 'app=web'}))),
		[
			'NAME     TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)                      AGE',
			'web-lb   LoadBalancer   10.99.14.2   <pending>     80:31380/TCP,443:31390/TCP   2m',
		].join('\n'),
	);
});

test('get svc NAME in another namespace', t => {
	t.is(
		text(get(fixtureState(), options({namespace: 'kube-system', name: 'kube-dns'}))),
		[
			'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE',
			'kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   12d',
		].join('\n'),
	);
});

test('EXTERNAL-IP: LoadBalancer ingress sorted, de-duplicated, cut to 13+... unless wide, then externalIPs (S118)', t => {
	const lb = makeService('default', 'lb', {
		type: 'LoadBalancer',
		loadBalancerIngress: ['203.0.113.20', '198.51.100.7', '203.0.113.20'],
		externalIPs: ['192.0.2.1'],
	});
	t.is(externalIPCell(lb, true), '198.51.100.7,203.0.113.20,192.0.2.1');
	t.is(externalIPCell(lb, false), '198.51.100.7,...,192.0.2.1');
	t.is(externalIPCell({...lb, status: {loadBalancer: {ingress: [{ip: '203.0.113.10', ipMode: 'VIP'}]}}}, false), '203.0.113.10,192.0.2.1');
	t.is(externalIPCell({...lb, status: {loadBalancer: {}}, spec: {...lb.spec, externalIPs: []}}, false), '<pending>');
	t.is(externalIPCell({...lb, status: {loadBalancer: {}}}, false), '192.0.2.1');
});

test('EXTERNAL-IP: ClusterIP and NodePort show externalIPs or <none>; ExternalName its name', t => {
	t.is(externalIPCell(makeService('default', 'a', {externalIPs: ['192.0.2.1', '192.0.2.2']}), false), '192.0.2.1,192.0.2.2');
	t.is(externalIPCell(makeService('default', 'a', {type: 'NodePort'}), false), '<none>');
	t.is(externalIPCell(makeService('default', 'a', {type: 'ExternalName', externalName: 'db.example.org'}), false), 'db.example.org');
});

test('PORT(S): port/PROTO, port:nodePort/PROTO, <none>; targetPort never shown (S119)', t => {
	t.is(portsCell(makeService('default', 'a', {ports: []})), '<none>');
	t.is(
		portsCell(
			makeService('default', 'a', {ports: [makePort('dns', 53, 5353, null, 'UDP'), makePort('web', 80, 'http', 30080), makePort('s', 9, 9, null, 'SCTP')]}),
		),
		'53/UDP,80:30080/TCP,9/SCTP',
	);
});

test('Service object: what the API server returns for a NodePort Service', t => {
	const result = get(fixtureState(), options({name: 'hello-node-svc', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	t.deepEqual(result.json, {
		apiVersion: 'v1',
		kind: 'Service',
		metadata: {
			creationTimestamp: '2026-01-01T01:54:48Z',
			labels: {app: 'hello-node'},
			name: 'hello-node-svc',
			namespace: 'default',
			uid: 'uid-svc-hello-node-svc',
		},
		spec: {
			clusterIP: '10.104.23.171',
			clusterIPs: ['10.104.23.171'],
			externalTrafficPolicy: 'Cluster',
			internalTrafficPolicy: 'Cluster',
			ipFamilies: ['IPv4'],
			ipFamilyPolicy: 'SingleStack',
			ports: [{nodePort: 30036, port: 8080, protocol: 'TCP', targetPort: 8080}],
			selector: {app: 'hello-node'},
			sessionAffinity: 'None',
			type: 'NodePort',
		},
		status: {loadBalancer: {}},
	});
	// Keys come out sorted, as kubectl prints unstructured objects, four spaces deep (printers/json.go).
	t.is(
		result.text,
		stringify4(
			'{"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":"2026-01-01T01:54:48Z","labels":{"app":"hello-node"},"name":"hello-node-svc","namespace":"default","uid":"uid-svc-hello-node-svc"},"spec":{"clusterIP":"10.104.23.171","clusterIPs":["10.104.23.171"],"externalTrafficPolicy":"Cluster","internalTrafficPolicy":"Cluster","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","ports":[{"nodePort":30036,"port":8080,"protocol":"TCP","targetPort":8080}],"selector":{"app":"hello-node"},"sessionAffinity":"None","type":"NodePort"},"status":{"loadBalancer":{}}}',
		),
	);
});

const stringify4 = (compact: string) => JSON.stringify(JSON.parse(compact), null, 4);

test('Service object: ExternalName has no clusterIP or IP families (A9, H4)', t => {
	const object = serviceObject(fixtureServices().find(s => s.name === 'ext')!);
	t.deepEqual(object.spec, {type: 'ExternalName', sessionAffinity: 'None', externalName: 'example.com'});
});

test('Service object: LoadBalancer ingress, affinity config, healthCheckNodePort, headless', t => {
	const services = fixtureServices();
	const shop = serviceObject(services.find(s => s.name === 'shop-lb')!);
	t.deepEqual(shop.status, {loadBalancer: {ingress: [{ip: '203.0.113.10', ipMode: 'VIP'}]}});
	t.like(shop.spec as object, {allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Local', healthCheckNodePort: 32000});
	t.deepEqual((shop.metadata as {annotations: unknown}).annotations, {'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb'});
	const web = serviceObject(services.find(s => s.name === 'web-lb')!);
	t.deepEqual((web.spec as {sessionAffinityConfig: unknown}).sessionAffinityConfig, {clientIP: {timeoutSeconds: 10800}});
	t.deepEqual((web.spec as {ports: unknown}).ports, [
		{name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 31380},
		{name: 'https', protocol: 'TCP', port: 443, targetPort: 'https', nodePort: 31390},
	]);
	const db = serviceObject(services.find(s => s.name === 'db')!);
	t.like(db.spec as object, {clusterIP: 'None', clusterIPs: ['None']});
	t.false('annotations' in (db.metadata as object));
});
