/** @jsxRuntime automatic */
// The Endpoints pane on screen reads the Service's EndpointSlices: on a screen wide enough for
// every column, each row's address, node, zone, pod and conditions are those `kubectl get
// endpointslices -o json` prints for the same state (discovery/v1 Endpoint; conditions as
// kubernetes/kubernetes staging/src/k8s.io/endpointslice/utils.go podToEndpoint sets them, S72).

import test from 'ava';
import {execute} from '../../source/session/execute.js';
import {listRows} from '../../source/sim/index.js';
import {KEYS, openScreen} from './helpers.js';

interface PrintedEndpoint {
	addresses: string[];
	conditions: {ready: boolean; serving: boolean; terminating: boolean};
	nodeName?: string;
	zone?: string;
	targetRef?: {name: string};
}

test.serial('hello at 220×50: each Endpoints row is its EndpointSlice endpoint, a terminating pod included', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 220, height: 50});
	try {
		// Focus the Endpoints pane and kill the pod of its first row: it stays in the slice while it terminates (S75).
		const frame = await s.press(KEYS.tab, 'x');
		const sim = s.model().sim;
		const result = execute(sim, 'get endpointslices -l kubernetes.io/service-name=hello-node-svc -o json');
		const printed = (JSON.parse(result.out.join('\n')) as {items: Array<{endpoints: PrintedEndpoint[]; ports: Array<{port: number}>}>}).items.flatMap(slice =>
			slice.endpoints.map(e => {
				const c = e.conditions;
				const held = [c.ready && 'ready', c.serving && 'serving', c.terminating && 'terminating'].filter(Boolean).join(' ') || 'none';
				return [`${e.addresses[0]}:${slice.ports.map(p => p.port).join(',')}`, e.nodeName ?? '<none>', e.zone ?? '<none>', e.targetRef?.name ?? '<none>', held];
			}),
		);
		const lines = frame.split('\n');
		const header = lines.find(l => l.includes('ADDRESS') && l.includes('CONDITIONS'));
		t.truthy(header, frame);
		t.regex(header ?? '', /ADDRESS +NODE +ZONE +POD +STATE +CONDITIONS +CHANGE/);
		// Rows of the Endpoints pane: the left side of the Endpoints | Pods divider.
		const rows = lines
			.map(l => l.split('││')[0] ?? '')
			.map(l => l.replace(/^│[› ]?/, '').trim())
			.filter(l => /^\d+\.\d+\.\d+\.\d+:/.test(l))
			.map(l => l.split(/ {2,}/));
		t.is(rows.length, printed.length, frame);
		for (const [i, row] of rows.entries()) {
			// ADDRESS NODE ZONE POD STATE CONDITIONS [CHANGE]
			t.deepEqual([row[0], row[1], row[2], row[3], row[5]], printed[i], `row ${i}: ${row.join(' | ')}`);
		}
		const terminating = printed.find(p => p[4] === 'serving terminating');
		t.truthy(terminating, 'the killed pod is listed: ready=false, serving=true, terminating=true');
		t.truthy(
			rows.find(r => r[0] === terminating?.[0] && r[4] === 'terminating'),
			'its STATE says terminating',
		);
	} finally {
		s.unmount();
	}
});

test.serial('a scale past the hundred changes the pane keeps: the headline counts every endpoint the step added', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 120, height: 40});
	try {
		await s.press(':', ...'scale rc hello-node --replicas=200', KEYS.enter);
		const frame = await s.press(':', ...'wait 30s', KEYS.enter);
		// The head wraps: `… · +197` on its first row, `endpoints, scaled up` on the next.
		t.true(frame.includes('│endpoints, scaled up'), frame);
		const shown = /→ (\d+) of (\d+) ready · \+(\d+)/.exec(frame);
		t.truthy(
			shown,
			frame
				.split('\n')
				.filter(l => l.includes('ready'))
				.join('\n'),
		);
		t.is(Number(shown?.[1]), 200);
		t.is(Number(shown?.[3]), 197, 'all of them, not the last hundred');
	} finally {
		s.unmount();
	}
});

test.serial(
	'multiport at 80×24, scaled to 0: each row still starts with its own IP (an address is cut at its end), and the head names the change whole',
	async t => {
		const s = await openScreen('samples/multiport.yaml', {width: 80, height: 24});
		try {
			const frame = await s.press(' ', KEYS.tab, KEYS.tab, 's', '0', KEYS.enter, '.');
			const lines = frame.split('\n');
			const top = lines.findIndex(line => line.startsWith('╭─ Endpoints'));
			const bottom = lines.findIndex((line, i) => i > top && line.startsWith('╰'));
			const pane = lines.slice(top + 1, bottom).map(line => line.split('││')[0] ?? '');
			const ips = listRows(s.model().sim.pods)
				.filter(p => p.podIP !== null && p.name.startsWith('shop-'))
				.map(p => p.podIP ?? '');
			t.true(ips.length >= 3, JSON.stringify(ips));
			for (const ip of ips)
				t.true(
					pane.some(line => line.startsWith(`│ ${ip}:`)),
					`${ip} whole:\n${pane.join('\n')}`,
				);
			// `ClusterIP 10.x → ` gives way first: `1 of 1 ready · −2 endpoints, scaled down` fits in two rows.
			t.regex(pane.slice(0, 2).join(' '), /ready · −2 endpoints,\s+│scaled down/, pane.join('\n'));
		} finally {
			s.unmount();
		}
	},
);
