/** @jsxRuntime automatic */
// The Pods pane names the NetworkPolicies that isolate the pod under its cursor (issue 14), as
// `describe netpol` would select them for the same state; a cluster without policies shows none.

import test from 'ava';
import {selectedPod} from '../../source/ui/model.js';
import {KEYS, openScreen} from './helpers.js';

test.serial('netpol-default-deny at 120×32: the line over the Pods pane is the policies of the pod under the cursor', async t => {
	const s = await openScreen('samples/netpol-default-deny.yaml', {width: 120, height: 32});
	try {
		const frame = await s.press(KEYS.tab, KEYS.tab);
		t.is(s.model().focus, 'pods');
		t.regex(selectedPod(s.model())?.name ?? '', /^web-/);
		t.true(frame.includes('NetworkPolicy ingress: default-deny, web-from-client'), frame);
		t.true(frame.includes('egress: allow-dns, default-deny'), frame);
	} finally {
		s.unmount();
	}
});

test.serial('the line follows the cursor: j onto a pod no policy selects says so (two pods of one Service, one selected)', async t => {
	const s = await openScreen('test/fixtures/tui/netpol-cursor.yaml', {width: 120, height: 32});
	try {
		const first = await s.press(KEYS.tab, KEYS.tab);
		t.is(selectedPod(s.model())?.name, 'web-a');
		t.true(first.includes('NetworkPolicy ingress: front-only'), first);
		const second = await s.press('j');
		t.is(selectedPod(s.model())?.name, 'web-b');
		t.true(second.includes('NetworkPolicy ingress: not isolated (all allowed)'), second);
		t.false(second.includes('front-only'));
	} finally {
		s.unmount();
	}
});

test.serial('hello: no NetworkPolicy in the cluster, no policy line', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 120, height: 32});
	try {
		t.false(s.frame().includes('NetworkPolicy'));
	} finally {
		s.unmount();
	}
});

test.serial('a filter that leaves no Service: the Pods pane asks for one, as the Endpoints pane does, and claims nothing about a selector', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 80, height: 24});
	try {
		const frame = await s.press('/', 'z', 'z', 'z', KEYS.enter);
		t.is(s.model().selected, null);
		const lines = frame.split('\n');
		t.regex(lines.find(line => line.includes('╭─ Endpoints')) ?? '', /╭─ Pods/);
		const asked = lines.filter(line => line.includes('select a Service'));
		t.deepEqual(
			asked.map(line => line.split('││').map(side => side.includes('select a Service'))),
			[
				[true, false],
				[false, true],
			],
			'once in the Endpoints pane, once under the Pods pane’s header',
		);
		t.false(frame.includes('managed by hand'), frame);
	} finally {
		s.unmount();
	}
});
