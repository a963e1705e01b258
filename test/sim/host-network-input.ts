// A hostNetwork workload for the sim tests: an agent listening on port 9100 of each node it runs on.
import type {WorkloadInput} from '../../source/sim/index.js';
import {helloRC} from './hello-input.js';

export function hostAgent(replicas: number, name = 'agent', port = 9100): WorkloadInput {
	return {
		...helloRC,
		meta: {name, namespace: 'default', labels: {app: name}, annotations: {}},
		replicas,
		selector: {matchLabels: {app: name}, matchExpressions: []},
		template: {
			labels: {app: name},
			annotations: {},
			spec: {
				terminationGracePeriodSeconds: 30,
				hostNetwork: true,
				containers: [{name, image: 'prom/node-exporter', ports: [{name: 'metrics', containerPort: port, protocol: 'TCP'}]}],
			},
		},
	};
}
