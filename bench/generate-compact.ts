// A compact cluster: N pods behind S Services (mixed kinds, several namespaces, named ports).
// Deterministic: the same arguments give the same file.

const KINDS = ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless'] as const;

export function compactCluster(pods: number, services: number): string {
	const namespaces = Math.max(1, Math.round(services / 100));
	const perService = Math.max(1, Math.floor(pods / services));
	const nodes = Math.ceil(pods / 100);
	const docs: string[] = [
		`apiVersion: k8s-svc-tui/v1
kind: Cluster
nodes: ${nodes}
podCIDR: 10.0.0.0/8
loadBalancerPool: [203.0.113.0/24, 198.51.100.0/24]`,
	];
	for (let n = 0; n < namespaces; n++) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${n}`);
	for (let i = 0; i < services; i++) {
		const ns = `team-${i % namespaces}`;
		const kind = KINDS[i % KINDS.length]!;
		const app = `app-${i}`;
		docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  replicas: ${perService}
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, tier: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.${i % 7}
          ports:
            - {name: http, containerPort: 8080}
            - {name: metrics, containerPort: 9090}
          readinessProbe:
            httpGet: {path: /healthz, port: http}`);
		docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: ${ns}
spec:
  ${kind === 'headless' ? 'clusterIP: None' : `type: ${kind}`}
  selector: {app: ${app}}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: metrics, port: 9090, targetPort: metrics}`);
	}
	return `${docs.join('\n---\n')}\n`;
}

if (process.argv[1]?.endsWith('generate-compact.ts')) {
	const [pods = '10000', services = '1000'] = process.argv.slice(2);
	process.stdout.write(compactCluster(Number(pods), Number(services)));
}
