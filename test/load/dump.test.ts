import fs from 'node:fs';
import test from 'ava';
import {loadSources} from '../../source/load/index.js';
import {getRow, initialState, listRows, type State, step} from '../../source/sim/index.js';
import {ipInCIDR} from '../../source/sim/ip.js';

type Item = {kind: string; metadata: {name: string; namespace?: string}; spec: any; status: any};
const recorded = JSON.parse(fs.readFileSync('test/fixtures/dump/cluster.json', 'utf8')) as {items: Item[]};
const of = (kind: string) => recorded.items.filter(i => i.kind === kind);

function load(file: string) {
	const result = loadSources([{name: file, text: fs.readFileSync(file, 'utf8')}]);
	const init = initialState(result.input, {seed: 1});
	if (!init.ok) throw new Error(JSON.stringify(init.errors));
	return {result, state: init.state};
}

for (const file of ['test/fixtures/dump/cluster.yaml', 'test/fixtures/dump/cluster.json']) {
	test(`${file}: kubectl's own output loads without a single warning or error`, t => {
		const {result} = load(file);
		t.deepEqual(result.errors, []);
		t.deepEqual(result.warnings, []);
		t.deepEqual(result.skipped, {});
	});

	test(`${file}: pods keep their recorded IPs, nodes, phase and readiness`, t => {
		const {state} = load(file);
		for (const pod of of('Pod')) {
			const simulated = getRow(state.pods, `${pod.metadata.namespace}/${pod.metadata.name}`)!;
			t.is(simulated.podIP, pod.status.podIP);
			t.is(simulated.nodeName, pod.spec.nodeName);
			t.is(simulated.phase, 'Running');
			t.true(simulated.ready);
			t.is(simulated.uid, (pod.metadata as any).uid);
		}
	});

	test(`${file}: nodes, clusterIPs and nodePorts are the recorded ones`, t => {
		const {state} = load(file);
		for (const node of of('Node')) {
			const n = state.nodes[node.metadata.name]!;
			t.is(n.podCIDR, node.spec.podCIDR);
			t.is(n.internalIP, node.status.addresses.find((a: any) => a.type === 'InternalIP').address);
		}
		for (const svc of of('Service')) {
			const s = getRow(state.services, `${svc.metadata.namespace}/${svc.metadata.name}`)!;
			t.is(s.spec.clusterIP, svc.spec.clusterIP);
			t.deepEqual(
				s.spec.ports!.map(p => p.nodePort ?? undefined),
				svc.spec.ports.map((p: any) => p.nodePort),
			);
		}
	});

	test(`${file}: the ranges come from what the dump shows, and ages from its timestamps`, t => {
		const {state} = load(file);
		t.is(state.config.podCIDR, '10.244.0.0/16');
		for (const svc of of('Service')) t.true(ipInCIDR(svc.spec.clusterIP, state.config.serviceCIDR), state.config.serviceCIDR);
		t.is(getRow(state.services, 'default/kubernetes')!.spec.clusterIP, '10.96.0.1');
		// Created before the dump was taken: negative virtual time.
		t.true(
			listRows(state.pods)
				.filter(p => !p.name.startsWith('coredns'))
				.every(p => p.createdAt < 0),
		);
	});

	test(`${file}: a killed pod is replaced from its ReplicaSet's template, with a new non-clashing IP`, t => {
		const {state} = load(file);
		const victim = of('Pod')[0]!;
		const rs = of('ReplicaSet').find(r => r.metadata.name === (victim.metadata as any).ownerReferences[0].name)!;
		let next: State = step(state, {type: 'podDeleted', namespace: victim.metadata.namespace!, name: victim.metadata.name}).state;
		next = step(next, {type: 'clockAdvanced', ms: 3000}).state;
		const replacement = listRows(next.pods).find(p => p.owner?.name === rs.metadata.name && !of('Pod').some(r => r.metadata.name === p.name))!;
		t.truthy(replacement, 'the ReplicaSet made a new pod');
		t.regex(replacement.name, new RegExp(`^${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
		t.deepEqual(replacement.labels, rs.spec.template.metadata.labels);
		t.true(replacement.ready);
		t.false(
			of('Pod').some(p => p.status.podIP === replacement.podIP),
			`${replacement.podIP} is new`,
		);
		t.true(ipInCIDR(replacement.podIP!, next.nodes[replacement.nodeName!]!.podCIDR));
		// (The dump has no kube-dns, so the simulator added CoreDNS and its ReplicaSet.)
		const replicaSets = listRows(next.workloads).filter(w => w.kind === 'ReplicaSet' && w.namespace !== 'kube-system');
		t.deepEqual(
			replicaSets.map(w => w.name).sort(),
			of('ReplicaSet')
				.map(r => r.metadata.name)
				.sort(),
			'no new ReplicaSet: each Deployment kept its recorded one',
		);
	});
}

test('the YAML and JSON dumps give the same simulation', t => {
	t.is(JSON.stringify(load('test/fixtures/dump/cluster.yaml').state), JSON.stringify(load('test/fixtures/dump/cluster.json').state));
});
