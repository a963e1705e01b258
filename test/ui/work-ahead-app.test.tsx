/** @jsxRuntime automatic */
// A heavy command in the real App (issue 10 #10): the screen says what it is doing before the
// step holds the process, and the keys typed meanwhile run after it, in order.

import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {KEYS, openScreen} from './helpers.js';

const RC = 'ReplicationController/default/hello-node';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

test.serial('scale to thousands from the palette: the status line names the work first, then the step runs; a key typed meanwhile acts after it', async t => {
	const s = await openScreen('samples/hello.yaml');
	try {
		await s.press(':', ...'scale rc hello-node --replicas=2500');
		t.is(s.model().selected, 'default/hello-node-svc');
		// Enter, then `j` at once, inside the moment the App gives Ink to draw the line.
		s.write(KEYS.enter);
		s.write('j');
		for (let waited = 0; getRow(s.model().sim.workloads, RC)?.replicas !== 2500 && waited < 20_000; waited += 10) await sleep(10);
		await s.press();
		// What was drawn before the step: the line, on the state it had not changed yet.
		const said = 'scaling replicationcontroller/hello-node to 2,500 replicas: 2,497 pods to create…';
		const before = s.models().find(m => m.working === said);
		t.truthy(before, 'a model with the line came first');
		t.is((before && getRow(before.sim.workloads, RC))?.replicas, 3, 'the step had not run yet: what is drawn is said before it');
		t.true(
			s.frames().some(f => f.includes(said) && f.includes('3 services · 5 pods')),
			'a frame showed the line over the unchanged cluster',
		);
		t.is(getRow(s.model().sim.workloads, RC)?.replicas, 2500);
		t.is(s.model().working, undefined, 'the line is gone once the step has run');
		t.is(s.model().status?.text, 'replicationcontroller/hello-node scaled');
		t.is(s.model().selected, 'default/kubernetes', 'the queued j moved the Services cursor after the scale');
	} finally {
		s.unmount();
	}
});

test.serial('a small scale runs at once, with no word about it', async t => {
	const s = await openScreen('samples/hello.yaml');
	try {
		await s.press(':', ...'scale rc hello-node --replicas=5');
		await s.press(KEYS.enter);
		t.is(getRow(s.model().sim.workloads, RC)?.replicas, 5);
		t.is(s.model().status?.text, 'replicationcontroller/hello-node scaled');
	} finally {
		s.unmount();
	}
});

test.serial('quitting while the line is being drawn: the step never runs after the screen is gone', async t => {
	const s = await openScreen('samples/hello.yaml');
	await s.press(':', ...'scale rc hello-node --replicas=2500');
	// Enter and the unmount in one turn: the App's draw moment has not passed.
	s.write(KEYS.enter);
	t.truthy(s.model().working);
	s.unmount();
	await sleep(300);
	t.is(getRow(s.model().sim.workloads, RC)?.replicas, 3, 'nothing ran once the app was gone');
});
