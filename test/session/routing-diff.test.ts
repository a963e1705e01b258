// The routing diff (issue 13): two clusters from the same seed, one change between them, and
// exactly the (client, Service port, address kind) pairs whose outcome it changes, with why.
// The fixture is test/fixtures/diff/before/shop.yaml; each test edits one thing in a copy.

import {readFileSync} from 'node:fs';
import test from 'ava';
import {boot} from '../../source/session/boot.js';
import {type DiffSide, type RoutingDiff, routingDiff} from '../../source/session/routing-diff.js';
import {routingDiffChanged, routingDiffText} from '../../source/session/routing-diff-text.js';
import {listKeys} from '../../source/sim/index.js';
import {fromRoot} from '../root.js';

const SHOP = readFileSync(fromRoot('test/fixtures/diff/before/shop.yaml'), 'utf8');

function side(text: string): DiffSide {
	const booted = boot([{name: 'shop.yaml', text}], {seed: 1});
	if (!booted.ok) throw new Error(JSON.stringify(booted.errors));
	return {state: booted.state, input: booted.loaded.input};
}

/** The fixture with one edit, checked to have happened. */
function edited(from: string, to: string): string {
	if (!SHOP.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
	return SHOP.replace(from, to);
}

const diffAfter = (text: string) => routingDiff(side(SHOP), side(text));

/** Each changed pair as `CLIENT → TARGET: BEFORE → AFTER`, outcomes and answering workloads only. */
function pairs(diff: RoutingDiff): string[] {
	const result = (r: RoutingDiff['changes'][number]['before']) => [r.outcomes.join('/'), ...r.answers.map(a => `${a.pods}×${a.by}:${a.port}`)].join(' ');
	return diff.changes.map(c => `${c.client} → ${c.target}: ${result(c.before)} → ${result(c.after)}`);
}

/** The why lines, which are the same for every pair of one Service port. */
const whys = (diff: RoutingDiff) => [...new Set(diff.changes.map(c => c.why.join(' | ')))];

/** The pairs a change to web:80's ClusterIP data path touches: nodes by its ClusterIP, pods by it
 *  and by DNS (nodes resolve no cluster names, outside clients never reach a ClusterIP). The only
 *  pods in kube-system are CoreDNS's, which ask their node's resolver (dnsPolicy Default,
 *  docs/semantics.md F7): web's name fails from there on both sides, so that pair never changes. */
const webPairs = (before: string, after: string) => [
	`node/node-1 → default/web:80 ClusterIP: ${before} → ${after}`,
	`node/node-2 → default/web:80 ClusterIP: ${before} → ${after}`,
	`node/node-3 → default/web:80 ClusterIP: ${before} → ${after}`,
	`pod -n default → default/web:80 ClusterIP: ${before} → ${after}`,
	`pod -n default → default/web:80 dns: ${before} → ${after}`,
	`pod -n kube-system → default/web:80 ClusterIP: ${before} → ${after}`,
];

test('no change: no pairs, nothing on one side only, and nothing to print (exit 0)', t => {
	const diff = diffAfter(SHOP);
	t.deepEqual(diff, {onlyBefore: [], onlyAfter: [], clientsOnlyBefore: [], clientsOnlyAfter: [], changes: []});
	t.false(routingDiffChanged(diff));
	t.deepEqual(routingDiffText(diff), []);
});

test('a selector typo: web:80 refuses everyone in the cluster, and the selector is named', t => {
	const diff = diffAfter(edited('  selector:\n    app: web\n', '  selector:\n    app: wbe\n'));
	t.deepEqual(pairs(diff), webPairs('ok 3×deployment/web:8080', 'refused'));
	t.deepEqual(whys(diff), ['selector app=web → app=wbe: now matches 0 pods (was 3)']);
	t.is(diff.changes[0]?.after.reason, 'no ready endpoints');
	t.true(routingDiffChanged(diff));
});

test('a targetPort change: the same pods answer on another port, which their containers do not declare', t => {
	const diff = diffAfter(edited('targetPort: http', 'targetPort: 8081'));
	t.deepEqual(pairs(diff), webPairs('ok 3×deployment/web:8080', 'ok 3×deployment/web:8081'));
	t.deepEqual(whys(diff), ['targetPort http → 8081 | targetPort 8081 not declared by app=web pods']);
});

test('a named targetPort no container declares: the pods leave the endpoints (D3), refused', t => {
	const diff = diffAfter(edited('targetPort: http', 'targetPort: htp'));
	t.deepEqual(pairs(diff), webPairs('ok 3×deployment/web:8080', 'refused'));
	t.deepEqual(whys(diff), ['targetPort http → htp | targetPort htp not declared by app=web pods']);
});

test('type ClusterIP → NodePort: a node port on every node appears, for every client; the ClusterIP and DNS pairs stay', t => {
	const diff = diffAfter(edited('  name: web\nspec:\n  selector:', '  name: web\nspec:\n  type: NodePort\n  selector:'));
	const clients = ['external/external', 'node/node-1', 'node/node-2', 'node/node-3', 'pod -n default', 'pod -n kube-system'];
	const expected = clients.flatMap(c => ['node-1', 'node-2', 'node-3'].map(n => `${c} → default/web:80 NodePort ${n}: absent → ok 3×deployment/web:8080`));
	t.deepEqual(pairs(diff), expected);
	t.deepEqual(whys(diff), ['type ClusterIP → NodePort: new address kind']);
	t.is(diff.changes[0]?.before.address, null);
	t.regex(diff.changes[0]?.after.address ?? '', /^192\.168\.49\.2:3\d{4}$/);
});

test('scale to 0: refused, and the Deployment that was behind the selector is named', t => {
	const diff = diffAfter(edited('  replicas: 3\n', '  replicas: 0\n'));
	t.deepEqual(pairs(diff), webPairs('ok 3×deployment/web:8080', 'refused'));
	t.deepEqual(whys(diff), ['selector app=web now matches 0 pods (was 3) | deployment/web scaled to 0']);
});

test("a label removed from the pod template: the Deployment still runs its pods, the Service's selector no longer matches them", t => {
	const diff = diffAfter(edited('        app: web\n        tier: front\n', '        tier: front\n'));
	t.deepEqual(pairs(diff), webPairs('ok 3×deployment/web:8080', 'refused'));
	t.deepEqual(whys(diff), ["selector app=web now matches 0 pods (was 3) | deployment/web's pod template no longer has app=web"]);
});

test('a nodePort the file pins moves: every node port pair changes address, though the same pods answer', t => {
	const diff = diffAfter(edited('nodePort: 30080', 'nodePort: 30081'));
	const clients = ['external/external', 'node/node-1', 'node/node-2', 'node/node-3', 'pod -n default', 'pod -n kube-system'];
	t.deepEqual(
		pairs(diff),
		clients.flatMap(c => ['node-1', 'node-2', 'node-3'].map(n => `${c} → default/api:80 NodePort ${n}: ok 2×deployment/api:9090 → ok 2×deployment/api:9090`)),
	);
	t.deepEqual(whys(diff), ['nodePort 30080 moved to 30081']);
	t.deepEqual([diff.changes[0]?.before.address, diff.changes[0]?.after.address], ['192.168.49.2:30080', '192.168.49.2:30081']);
	t.is(
		routingDiffText(diff)[0],
		'external/external → default/api:80 (NodePort on node-1): before ok at 192.168.49.2:30080 (2 pods of deployment/api on port 9090) → after ok at 192.168.49.2:30081 (2 pods of deployment/api on port 9090)',
	);
});

test('pod names differ between the two runs (one PRNG stream), so answering pods are compared by their workload', t => {
	const before = side(SHOP);
	const after = side(edited('  replicas: 3\n', '  replicas: 2\n'));
	const apiPods = (s: DiffSide) =>
		listKeys(s.state.pods)
			.filter(k => k.startsWith('default/api-'))
			.sort();
	t.notDeepEqual(apiPods(before), apiPods(after), 'the unchanged Deployment api got other pod names');
	// Fewer pods of the same workload answering is no change of outcome.
	t.deepEqual(routingDiff(before, after).changes, []);
});

test('a Service removed, and one added: listed as on one side only, not as a pair per client', t => {
	const withoutApi = SHOP.slice(0, SHOP.indexOf('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api'));
	const diff = diffAfter(withoutApi);
	t.deepEqual(diff.onlyBefore, ['default/api:80/TCP']);
	t.deepEqual(diff.onlyAfter, []);
	t.deepEqual(diff.changes, []);
	t.deepEqual(routingDiffText(diff), ['- service port default/api:80/TCP: only before']);
	const back = routingDiff(side(withoutApi), side(SHOP));
	t.deepEqual(routingDiffText(back), ['+ service port default/api:80/TCP: only after']);
});

test('text: sorted by client then target, each pair on one line with its why lines under it', t => {
	const lines = routingDiffText(diffAfter(edited('  replicas: 3\n', '  replicas: 0\n')));
	t.deepEqual(lines.slice(0, 3), [
		'node/node-1 → default/web:80 (ClusterIP): before ok (3 pods of deployment/web on port 8080) → after refused (no ready endpoints)',
		'    why: selector app=web now matches 0 pods (was 3)',
		'    why: deployment/web scaled to 0',
	]);
	t.is(lines.length, 6 * 3);
});

test('a NetworkPolicy added (issue 14: the diff takes policies into account): pods that reached web now time out; a node still reaches the web pod on itself', t => {
	const deny = `${SHOP}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-deny-all\n  namespace: default\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n`;
	const diff = diffAfter(deny);
	t.true(routingDiffChanged(diff));
	const outcomes = diff.changes.map(c => `${c.client} → ${c.target}: ${c.before.outcomes.join('/')} → ${c.after.outcomes.join('/')}`);
	t.deepEqual(outcomes, [
		// Ingress from a pod's own node is always allowed (staging/src/k8s.io/api/networking/v1/types.go
		// NetworkPolicySpec.PolicyTypes: "OR if the traffic source is the pod's local node").
		'node/node-1 → default/web:80 ClusterIP: ok → ok/timeout',
		'node/node-2 → default/web:80 ClusterIP: ok → ok/timeout',
		'node/node-3 → default/web:80 ClusterIP: ok → ok/timeout',
		'pod -n default → default/web:80 ClusterIP: ok → timeout',
		'pod -n default → default/web:80 dns: ok → timeout',
		'pod -n kube-system → default/web:80 ClusterIP: ok → timeout',
	]);
});

test('UDP ports are probed as curl --udp reaches them: a syslog targetPort edit changes 514/UDP, and the declared port is judged by protocol', t => {
	const UDP = readFileSync(fromRoot('test/fixtures/protocols/udp-sctp.yaml'), 'utf8');
	const sideOf = (text: string): DiffSide => {
		const booted = boot([{name: 'udp-sctp.yaml', text}], {seed: 1});
		if (!booted.ok) throw new Error(JSON.stringify(booted.errors));
		return {state: booted.state, input: booted.loaded.input};
	};
	const from = '  ports: [{port: 514, protocol: UDP}]';
	t.true(UDP.includes(from));
	const diff = routingDiff(sideOf(UDP), sideOf(UDP.replace(from, '  ports: [{port: 514, protocol: UDP, targetPort: 5140}]')));
	const targets = [...new Set(diff.changes.map(c => c.target))];
	t.deepEqual(targets, ['default/syslog:514/UDP ClusterIP', 'default/syslog:514/UDP dns']);
	t.deepEqual(whys(diff), ['targetPort 514 → 5140 | targetPort 5140 not declared by app=syslog pods']);
	t.regex(diff.changes[0]?.targetLabel ?? '', /^default\/syslog:514\/UDP \(ClusterIP\)$/);
	// The collector answered everyone on 514 before. After, its policy (UDP 514 only) judges the
	// translated port, 5140, and drops the others (node-3 is its own node, which policies never
	// block); the collector reaching itself now gets 5140.
	const shown = (r: RoutingDiff['changes'][number]['before']) => `${r.outcomes.join('/')} ${r.answers.map(a => a.port).join()}`.trim();
	const byClient = Object.fromEntries(diff.changes.filter(c => c.kind === 'ClusterIP').map(c => [c.clientLabel, `${shown(c.before)} → ${shown(c.after)}`]));
	t.like(byClient, {
		'node/node-1': 'ok 514 → timeout',
		'node/node-3': 'ok 514 → ok 5140',
		'pod/collector -n default': 'ok 514 → ok 5140',
	});
	const dropped = diff.changes.find(c => c.clientLabel === 'node/node-1')?.after.reason ?? '';
	t.regex(dropped, /^dropped by NetworkPolicy default\/syslog-udp-only .* on port 5140\/UDP\)$/);
});
