// The source-IP view through the real binary and --script (issue 12): an outside client through
// a LoadBalancer with externalTrafficPolicy Local keeps its address and enters by the node the
// health check leaves in rotation; --via a node without an endpoint drops it; Cluster masquerades;
// the healthCheckNodePort answers as kube-proxy's health server (pkg/proxy/healthcheck/service_health.go).

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {cli, STACK} from './spawn-cli.js';

const CLUSTER = `apiVersion: k8s-svc-tui/v1
kind: Cluster
nodes: 3
loadBalancerPool: [203.0.113.10, 203.0.113.11]
externalClients:
  - {name: laptop, ip: 198.51.100.7}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: web, image: nginx, ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-local}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  healthCheckNodePort: 32000
  loadBalancerIP: 203.0.113.10
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web-cluster}
spec:
  type: LoadBalancer
  loadBalancerIP: 203.0.113.11
  selector: {app: web}
  ports: [{port: 80}]
`;

test('--script: Local keeps the client IP through the node the health check leaves in rotation; Cluster shows the SNAT; the health check answers 200/503', async t => {
	const dir = mkdtempSync(join(tmpdir(), 'source-ip-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const manifest = join(dir, 'lb.yaml');
	const script = join(dir, 'lb.txt');
	writeFileSync(manifest, CLUSTER);
	writeFileSync(
		script,
		[
			'get pods -o wide',
			'curl 203.0.113.10 --from laptop --count 3 --expect ok',
			'curl 203.0.113.11 --from laptop',
			'curl 192.168.49.2:32000 --from laptop',
			'curl 192.168.49.3:32000 --from laptop',
			'curl 192.168.49.4:32000 --from laptop',
			'curl 203.0.113.10 --from laptop --via node/node-1 --expect timeout',
		].join('\n'),
	);
	const ran = await cli([manifest, '--script', script]);
	t.is(ran.code, 0, ran.stderr);
	t.notRegex(ran.stderr, STACK);
	const lines = ran.stdout.split('\n');
	const podNode = /\s(node-\d)\s/.exec(lines.find(l => l.startsWith('web-')) ?? '')?.[1];
	t.truthy(podNode, ran.stdout);
	const local = lines.filter(l => l.includes('→ 203.0.113.10 →'));
	t.is(local.length, 4);
	for (const line of local.slice(0, 3)) {
		t.true(line.includes(`→ LoadBalancer 203.0.113.10:80 via ${podNode} (the load balancer's pick) →`), line);
		t.true(line.includes('→ source 198.51.100.7 (client IP kept) → ok'), line);
	}
	t.not(podNode, 'node-1', 'the scene assumes this placement (seed 1)');
	t.is(
		local[3],
		`external/laptop (198.51.100.7) → 203.0.113.10 → LoadBalancer 203.0.113.10:80 via node-1 → timed out: externalTrafficPolicy: Local and no ready endpoint on node-1`,
	);
	t.regex(lines.find(l => l.includes('→ 203.0.113.11 →')) ?? '', /→ source \S+ \(SNAT by node-\d: externalTrafficPolicy: Cluster\) → ok/);
	const checks = lines.filter(l => l.includes(':32000 → ok (kube-proxy health check'));
	t.is(checks.length, 3);
	t.is(checks.filter(l => l.includes('HTTP 200 OK') && l.includes('"localEndpoints": 1,')).length, 1);
	t.is(checks.filter(l => l.includes('HTTP 503 Service Unavailable') && l.includes('"localEndpoints": 0,')).length, 2);
});
