// The seed's example as a ClusterInput, built by hand so sim tests do not depend on the loader.
import type {ClusterInput, Service, ServiceInput, WorkloadInput} from '../../source/sim/index.js';

export const helloRC: WorkloadInput = {
	kind: 'ReplicationController',
	meta: {name: 'hello-node', namespace: 'default', labels: {app: 'hello-node'}, annotations: {}},
	replicas: 3,
	selector: {matchLabels: {app: 'hello-node'}, matchExpressions: []},
	template: {
		labels: {app: 'hello-node'},
		annotations: {},
		spec: {
			terminationGracePeriodSeconds: 30,
			containers: [
				{
					name: 'hello-node',
					image: 'gcr.io/google-samples/node-hello:1.0',
					ports: [{name: 'http', containerPort: 8080, protocol: 'TCP'}],
					readinessProbe: {
						httpGet: {path: '/', port: 8080, scheme: 'HTTP'},
						initialDelaySeconds: 0,
						timeoutSeconds: 1,
						periodSeconds: 10,
						failureThreshold: 3,
						successThreshold: 1,
					},
				},
			],
		},
	},
};

export function service(name: string, spec: Partial<ServiceInput['spec']>, namespace = 'default'): ServiceInput {
	return {
		meta: {name, namespace, labels: {}, annotations: {}},
		spec: {
			type: 'ClusterIP',
			selector: {app: 'hello-node'},
			ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080}],
			sessionAffinity: 'None',
			internalTrafficPolicy: 'Cluster',
			...spec,
		},
	};
}

/** The load-balancer addresses a Service's status holds. */
export const ingressIPs = (svc: Service): string[] => (svc.status.loadBalancer.ingress ?? []).map(i => i.ip);

export const helloSvc = service('hello-node-svc', {
	type: 'NodePort',
	externalTrafficPolicy: 'Cluster',
	ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30036}],
});

export function input(partial: Partial<ClusterInput> = {}): ClusterInput {
	return {config: {}, nodes: [], namespaces: [], pods: [], workloads: [helloRC], services: [helloSvc], endpoints: [], ...partial};
}
