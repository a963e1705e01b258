// The manifests in shared/realworld (see its SOURCES.md) load with zero errors and say what
// their authors meant. Each loads on its own, except the two groups SOURCES.md names.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {formatDiagnostic, formatSkipped, type LoadResult, loadSources} from '../../source/load/index.js';
import {REALWORLD as realworld, requireRealworld} from '../prerequisites.js';

// shared/realworld sits beside the repository (see its SOURCES.md); without it, this file's tests
// give way to one that says so (and fails under CI).
requireRealworld();

function loadFiles(...names: string[]): LoadResult {
	return loadSources(names.map(name => ({name, text: readFileSync(realworld + name, 'utf8')})));
}

function loadClean(t: {deepEqual: (a: unknown, b: unknown) => void}, ...names: string[]): LoadResult {
	const result = loadFiles(...names);
	t.deepEqual(result.errors.map(formatDiagnostic), []);
	return result;
}

const svc = (result: LoadResult, name: string) => result.input.services.find(s => s.meta.name === name)!;
const replicas = (result: LoadResult) => result.input.workloads.reduce((sum, w) => sum + w.replicas, 0);

test('#1 online-boutique: 12 Services, 12 Deployments, 11 readiness probes', t => {
	const result = loadClean(t, 'online-boutique.yaml');
	t.deepEqual(result.warnings, []);
	t.is(result.input.services.length, 12);
	t.deepEqual(
		result.input.services.filter(s => s.spec.type !== 'ClusterIP').map(s => `${s.meta.name} ${s.spec.type}`),
		['frontend-external LoadBalancer'],
	);
	t.is(result.input.workloads.length, 12);
	t.true(result.input.workloads.every(w => w.kind === 'Deployment' && w.replicas === 1));
	const probed = result.input.workloads.filter(w => w.template.spec.containers.some(c => c.readinessProbe));
	t.is(probed.length, 11);
	t.false(probed.some(w => w.meta.name === 'loadgenerator'));
	t.deepEqual(svc(result, 'emailservice').spec.ports, [{name: 'grpc', protocol: 'TCP', port: 5000, targetPort: 8080}]);
	t.is(formatSkipped(result.skipped), 'skipped: 11 ServiceAccount');
});

test('#2 bookinfo: 4 ClusterIP Services with defaulted targetPorts, reviews behind 3 Deployments', t => {
	const result = loadClean(t, 'bookinfo.yaml');
	t.deepEqual(result.warnings, []);
	t.is(result.input.services.length, 4);
	for (const s of result.input.services) {
		t.is(s.spec.type, 'ClusterIP');
		t.is(s.spec.ports![0]!.targetPort, s.spec.ports![0]!.port);
	}
	t.is(svc(result, 'reviews').spec.ports![0]!.targetPort, 9080);
	t.is(result.input.workloads.length, 6);
	t.is(replicas(result), 6);
	t.deepEqual(
		result.input.workloads.filter(w => w.template.labels.app === 'reviews').map(w => w.meta.name),
		['reviews-v1', 'reviews-v2', 'reviews-v3'],
	);
	t.is(formatSkipped(result.skipped), 'skipped: 4 ServiceAccount');
});

test('#3 guestbook: a NodePort frontend without a nodePort, 6 pods over 3 Deployments', t => {
	const result = loadClean(t, 'guestbook-all-in-one.yaml');
	t.deepEqual(result.warnings, []);
	const frontend = svc(result, 'frontend');
	t.is(frontend.spec.type, 'NodePort');
	t.is(frontend.spec.ports![0]!.nodePort, undefined);
	t.is(frontend.spec.externalTrafficPolicy, 'Cluster');
	t.is(result.input.services.length, 3);
	t.deepEqual(
		result.input.workloads.map(w => w.replicas),
		[1, 2, 3],
	);
	t.is(formatSkipped(result.skipped), null);
});

test('#4 guestbook 2016: ReplicationControllers without selectors select their template labels', t => {
	const result = loadClean(t, 'guestbook-all-in-one-rc-2016.yaml');
	t.deepEqual(result.warnings, []);
	t.is(result.input.services.length, 3);
	t.deepEqual(
		result.input.workloads.map(w => `${w.kind}/${w.meta.name}×${w.replicas}`),
		['ReplicationController/redis-master×1', 'ReplicationController/redis-slave×2', 'ReplicationController/frontend×3'],
	);
	for (const w of result.input.workloads) t.deepEqual(w.selector.matchLabels, w.template.labels);
	t.deepEqual(result.input.workloads[0]!.selector.matchLabels, {app: 'redis', role: 'master', tier: 'backend'});
	t.is(svc(result, 'redis-slave').spec.ports![0]!.targetPort, 6379);
});

test('#5 cockroachdb: a headless Service with the removed tolerate-unready annotation, a StatefulSet with named ports', t => {
	const result = loadClean(t, 'cockroachdb-statefulset.yaml');
	// D2: the annotation stopped working in Kubernetes 1.24 (kubernetes#108020).
	t.deepEqual(result.warnings.map(formatDiagnostic), [
		'cockroachdb-statefulset.yaml:40:61: warning: Service "cockroachdb" uses the annotation service.alpha.kubernetes.io/tolerate-unready-endpoints, which a current cluster ignores (removed in Kubernetes 1.24): its not-ready pods stay out of its endpoints and DNS; set spec.publishNotReadyAddresses: true to publish them',
	]);
	const headless = svc(result, 'cockroachdb');
	t.is(headless.spec.clusterIP, 'None');
	t.is(headless.spec.publishNotReadyAddresses, undefined);
	t.deepEqual(
		headless.spec.ports!.map(p => `${p.name}:${p.port}`),
		['grpc:26257', 'http:8080'],
	);
	t.is(svc(result, 'cockroachdb-public').spec.publishNotReadyAddresses, undefined);
	const sts = result.input.workloads[0]!;
	t.is(sts.kind, 'StatefulSet');
	t.is(sts.replicas, 3);
	t.is(sts.serviceName, 'cockroachdb');
	t.is(sts.template.spec.terminationGracePeriodSeconds, 60);
	t.deepEqual(
		sts.template.spec.containers.map(c => c.name),
		['cockroachdb'],
	);
	t.deepEqual(
		sts.template.spec.containers[0]!.ports.map(p => p.name),
		['grpc', 'http'],
	);
	t.is(formatSkipped(result.skipped), 'skipped: 1 PodDisruptionBudget');
});

test('#6 ingress-nginx: a LoadBalancer with named targetPorts and ETP Local; 15 documents skipped', t => {
	const result = loadClean(t, 'ingress-nginx-cloud-deploy.yaml');
	t.deepEqual(result.warnings, []);
	t.deepEqual(result.input.namespaces, [
		{
			name: 'ingress-nginx',
			labels: {'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx'},
		},
	]);
	const controller = svc(result, 'ingress-nginx-controller');
	t.is(controller.meta.namespace, 'ingress-nginx');
	t.is(controller.spec.type, 'LoadBalancer');
	t.is(controller.spec.externalTrafficPolicy, 'Local');
	t.is(controller.spec.allocateLoadBalancerNodePorts, true);
	t.deepEqual(controller.spec.ports, [
		{name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', appProtocol: 'http'},
		{name: 'https', protocol: 'TCP', port: 443, targetPort: 'https', appProtocol: 'https'},
	]);
	t.is(svc(result, 'ingress-nginx-controller-admission').spec.ports![0]!.targetPort, 'webhook');
	t.deepEqual(
		result.input.workloads.map(w => `${w.meta.name}×${w.replicas}`),
		['ingress-nginx-controller×1'],
	);
	t.is(
		formatSkipped(result.skipped),
		'skipped: 2 ClusterRole, 2 ClusterRoleBinding, 2 Job, 2 Role, 2 RoleBinding, 2 ServiceAccount, 1 ConfigMap, 1 IngressClass, 1 ValidatingWebhookConfiguration',
	);
});

test('#7 + #8 ExternalName pair: a CNAME to a Service in another namespace', t => {
	const result = loadClean(t, 'externalname-backup-svc.yaml', 'externalname-target-external-cafe.yaml');
	t.deepEqual(result.warnings, []);
	const backup = svc(result, 'backup-svc');
	t.is(backup.spec.type, 'ExternalName');
	t.is(backup.spec.externalName, 'coffee-backup-svc.external-ns.svc.cluster.local');
	t.is(backup.spec.clusterIP, undefined);
	t.is(backup.spec.ports, undefined);
	t.deepEqual(result.input.namespaces, [{name: 'external-ns'}]);
	const target = svc(result, 'coffee-backup-svc');
	t.is(target.meta.namespace, 'external-ns');
	t.deepEqual(target.spec.ports, [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080}]);
	t.is(result.input.workloads[0]!.meta.namespace, 'external-ns');
});

test('#9 kube-prometheus: ClientIP affinity, named targetPorts, an undefined namespace', t => {
	const result = loadClean(t, 'kube-prometheus-prometheus-service.yaml');
	t.deepEqual(result.warnings.map(formatDiagnostic), [
		'kube-prometheus-prometheus-service.yaml:11:14: warning: namespace "monitoring" is not defined by any document; creating it',
	]);
	t.deepEqual(result.input.namespaces, [{name: 'monitoring'}]);
	const prometheus = svc(result, 'prometheus-k8s');
	t.is(prometheus.spec.sessionAffinity, 'ClientIP');
	t.is(prometheus.spec.sessionAffinityConfig?.clientIP.timeoutSeconds, 10800);
	t.deepEqual(
		prometheus.spec.ports!.map(p => p.targetPort),
		['web', 'reloader-web'],
	);
});

test('#10-#13 meteor: JSON files, a LoadBalancer with a 90 s affinity, an RC and a bare Pod', t => {
	const result = loadClean(t, 'meteor-service.json', 'meteor-controller.json', 'meteor-mongo-pod.json', 'meteor-mongo-service.json');
	t.deepEqual(result.warnings, []);
	const meteor = svc(result, 'meteor');
	t.is(meteor.spec.type, 'LoadBalancer');
	t.is(meteor.spec.sessionAffinity, 'ClientIP');
	t.is(meteor.spec.sessionAffinityConfig?.clientIP.timeoutSeconds, 90);
	t.is(meteor.spec.ports![0]!.targetPort, 'http-server');
	const rc = result.input.workloads[0]!;
	t.is(rc.kind, 'ReplicationController');
	t.is(rc.replicas, 2);
	t.deepEqual(rc.selector.matchLabels, {name: 'meteor'});
	t.is(rc.template.spec.containers[0]!.ports[0]!.name, 'http-server');
	const mongo = result.input.pods[0]!;
	t.is(mongo.meta.name, 'mongo');
	t.deepEqual(mongo.spec.containers[0]!.ports, [{name: 'mongo', containerPort: 27017, protocol: 'TCP'}]);
	t.is(svc(result, 'mongo').spec.ports![0]!.targetPort, 'mongo');
});

test('#14 jaeger: a List with a legacy Deployment, headless and UDP Services', t => {
	const result = loadClean(t, 'jaeger-all-in-one-list.yml');
	t.deepEqual(result.warnings.map(formatDiagnostic), [
		'jaeger-all-in-one-list.yml:18:15: warning: Deployment "jaeger" uses extensions/v1beta1, which a current cluster rejects (removed in Kubernetes 1.16); loading it as apps/v1',
	]);
	const jaeger = result.input.workloads[0]!;
	t.is(jaeger.legacyApiVersion, 'extensions/v1beta1');
	t.deepEqual(jaeger.selector.matchLabels, {
		app: 'jaeger',
		'app.kubernetes.io/name': 'jaeger',
		'app.kubernetes.io/component': 'all-in-one',
	});
	// The handler as written, with SetDefaults_HTTPGetAction's scheme and SetDefaults_Probe's timings.
	t.deepEqual(jaeger.template.spec.containers[0]!.readinessProbe, {
		httpGet: {path: '/', port: 14269, scheme: 'HTTP'},
		initialDelaySeconds: 5,
		timeoutSeconds: 1,
		periodSeconds: 10,
		failureThreshold: 3,
		successThreshold: 1,
	});
	t.deepEqual(
		result.input.services.map(s => `${s.meta.name} ${s.spec.type} ${s.spec.clusterIP ?? '-'} ${s.spec.ports?.length ?? 0}`),
		['jaeger-query LoadBalancer - 1', 'jaeger-collector ClusterIP - 3', 'jaeger-agent ClusterIP None 4', 'zipkin ClusterIP None 1'],
	);
	t.deepEqual(
		svc(result, 'jaeger-agent').spec.ports!.map(p => p.protocol),
		['UDP', 'UDP', 'UDP', 'TCP'],
	);
	// Positions inside List items work for later (simulator) errors.
	t.deepEqual(result.locate('Service', 'default', 'zipkin', ['spec', 'ports', 0, 'port']), {
		file: 'jaeger-all-in-one-list.yml',
		line: 149,
		col: 13,
	});
});

test('#15 kubectl-list: a List with an unnamed port and a Deployment without container ports', t => {
	const result = loadClean(t, 'kubectl-list.yaml');
	t.deepEqual(result.warnings, []);
	t.deepEqual(svc(result, 'list-service-test').spec.ports, [{protocol: 'TCP', port: 80, targetPort: 80}]);
	const deployment = result.input.workloads[0]!;
	t.is(deployment.replicas, 1);
	t.deepEqual(deployment.template.spec.containers[0]!.ports, []);
});
