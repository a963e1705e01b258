// What a real API server adds to a pod spec the manifest left out (pkg/apis/core/v1/defaults.go
// SetDefaults_PodSpec, SetDefaults_Pod, setDefaults_Container; the ServiceAccount and Priority
// admission plugins), as `get -o json` and `describe` show it. The pods go through the loader.
import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {sampleState} from '../session/sample-state.js';

function withPod(spec: string[]): State {
	const extra = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...spec].join('\n');
	return sampleState('hello.yaml', {extra});
}

function json(state: State, line: string): Record<string, any> {
	const result = execute(state, line);
	if (!result.ok) throw new Error(result.err.join('\n'));
	return JSON.parse(result.out.join('\n'));
}

const containers = (...images: string[]) => ['  containers:', ...images.map((image, i) => `  - {name: c${i}, image: "${image}"}`)];

test('a bare pod: the spec a real cluster returns for it, field by field', t => {
	const spec = json(withPod(containers('nginx:1.27')), 'get pod p -o json').spec;
	t.like(spec, {
		dnsPolicy: 'ClusterFirst',
		restartPolicy: 'Always',
		schedulerName: 'default-scheduler',
		securityContext: {},
		terminationGracePeriodSeconds: 30,
		enableServiceLinks: true,
		serviceAccount: 'default',
		serviceAccountName: 'default',
		priority: 0,
		preemptionPolicy: 'PreemptLowerPriority',
	});
	t.deepEqual(spec.containers[0], {
		image: 'nginx:1.27',
		imagePullPolicy: 'IfNotPresent',
		name: 'c0',
		resources: {},
		terminationMessagePath: '/dev/termination-log',
		terminationMessagePolicy: 'File',
	});
});

test('setDefaults_Container imagePullPolicy (parseImageName): Always for the tag latest, written or implied; IfNotPresent for any other tag or a digest', t => {
	const digest = `sha256:${'a'.repeat(64)}`;
	const images = [
		'nginx',
		'nginx:latest',
		'registry.local:5000/team/nginx',
		'nginx:1.27',
		'registry.local:5000/nginx:1',
		`nginx@${digest}`,
		`nginx:latest@${digest}`,
	];
	const policies = json(withPod(containers(...images)), 'get pod p -o json').spec.containers.map((c: {imagePullPolicy: string}) => c.imagePullPolicy);
	t.deepEqual(policies, ['Always', 'Always', 'Always', 'IfNotPresent', 'IfNotPresent', 'IfNotPresent', 'Always']);
});

test('what the manifest wrote wins over every default, and describe shows the service account', t => {
	const state = withPod([
		'  dnsPolicy: ClusterFirstWithHostNet',
		'  restartPolicy: OnFailure',
		'  schedulerName: my-scheduler',
		'  serviceAccountName: robot',
		'  enableServiceLinks: false',
		'  securityContext: {runAsNonRoot: true}',
		'  containers:',
		'  - {name: c, image: nginx, imagePullPolicy: IfNotPresent, terminationMessagePolicy: FallbackToLogsOnError}',
	]);
	const spec = json(state, 'get pod p -o json').spec;
	t.like(spec, {
		dnsPolicy: 'ClusterFirstWithHostNet',
		restartPolicy: 'OnFailure',
		schedulerName: 'my-scheduler',
		serviceAccount: 'robot',
		serviceAccountName: 'robot',
		enableServiceLinks: false,
		securityContext: {runAsNonRoot: true},
	});
	t.like(spec.containers[0], {imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'FallbackToLogsOnError'});
	const described = execute(state, 'describe pod p').out;
	t.true(described.includes('Service Account:  robot'), described.join('\n'));
});

test('a template gets SetDefaults_PodSpec but not what admission gives a Pod; its pods get both', t => {
	const hello = sampleState('hello.yaml');
	const template = json(hello, 'get rc hello-node -o json').spec.template.spec;
	t.like(template, {dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}});
	for (const admitted of ['serviceAccountName', 'serviceAccount', 'priority', 'preemptionPolicy', 'enableServiceLinks'])
		t.false(admitted in template, admitted);
	const pods = json(hello, 'get pods -l app=hello-node -o json').items;
	t.true(pods.length > 0);
	for (const pod of pods) t.like(pod.spec, {serviceAccountName: 'default', enableServiceLinks: true, dnsPolicy: 'ClusterFirst'});
});

test("kubeadm's CoreDNS (cmd/kubeadm/app/phases/addons/dns/manifests.go): dnsPolicy Default, its own service account", t => {
	const pods = json(sampleState('hello.yaml'), 'get pods -n kube-system -l k8s-app=kube-dns -o json').items;
	t.is(pods.length, 2);
	for (const pod of pods) t.like(pod.spec, {dnsPolicy: 'Default', serviceAccountName: 'coredns', containers: [{imagePullPolicy: 'IfNotPresent'}]});
});
