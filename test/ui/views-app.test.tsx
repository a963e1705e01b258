// The resource views on screen (issue 10): what a view shows is what `kubectl get … -o wide`
// prints for the same state, the breadcrumbs say how it was reached, the keys' hints are the
// views', and ctrl-d's question is on screen until it is answered. Frames at 80×24 and 120×40.

import test from 'ava';
import stringWidth from 'string-width';
import {execute} from '../../source/session/execute.js';
import {listRows} from '../../source/sim/index.js';
import {KEYS, openScreen} from './helpers.js';

const typed = (line: string) => [':', ...line, KEYS.enter];

for (const size of [
	{width: 80, height: 24},
	{width: 120, height: 40},
]) {
	test.serial(
		`${size.width}×${size.height}: :po lists every pod as get pods -A -o wide does; Enter from :deploy shows the ReplicaSet, with breadcrumbs`,
		async t => {
			const s = await openScreen('samples/clusterip.yaml', size);
			try {
				await s.press(' ');
				const frame = await s.press(...typed('po'));
				const lines = frame.split('\n');
				t.is(lines.length, size.height);
				for (const line of lines) t.true(stringWidth(line) <= size.width, line);
				t.true(frame.includes('services › pods · Pod(all)['), frame);
				// Every pod get lists is a row, with its IP, in get's order.
				const got = execute(s.model().sim, 'get pods -A -o wide');
				const rows = got.out.slice(1).map(l => l.split(/\s+/));
				const shown = lines.filter(l => l.startsWith('│') && /\d+\.\d+\.\d+\.\d+|<none>/.test(l));
				t.is(shown.length, rows.length);
				for (const [i, [namespace, name, , , , , ip]] of rows.entries()) {
					const line = shown[i] ?? '';
					t.true(line.includes(namespace!) && line.includes(ip!), `${name}: ${line}`);
				}
				t.regex(lines.at(-1) ?? '', /^enter open {2}esc back {2}\^d delete {2}d describe/);
				t.regex(lines.at(-1) ?? '', /: command {2}\? help {2}q quit$/);

				await s.press(...typed('deploy'));
				const drilled = await s.press(KEYS.down, KEYS.enter);
				const rs = listRows(s.model().sim.workloads).find(w => w.kind === 'ReplicaSet' && w.owner?.name === 'web');
				t.true(drilled.includes(`services › deployments › web`), drilled);
				t.true(drilled.includes(rs!.name), drilled);
				const back = await s.press(KEYS.esc);
				t.true(back.includes('services › deployments · Deployment(all)'), back);
				const home = await s.press(KEYS.esc);
				t.true(home.includes('Services (all namespaces)'), home);
			} finally {
				s.unmount();
			}
		},
	);
}

test.serial('ctrl-d: the question names the pod under the cursor and stays until answered; n keeps the pod, y deletes it', async t => {
	const s = await openScreen('samples/clusterip.yaml', {width: 100, height: 30});
	try {
		await s.press(' ', ...typed('po -n backend'));
		const pod = /›(api-[a-z0-9-]+)/.exec(s.frame())?.[1];
		t.truthy(pod, s.frame());
		const asked = await s.press('\u0004');
		t.true(asked.includes(`Delete pod backend/${pod}?  y/Enter yes · n/Esc no`), asked);
		// Other keys do nothing while it is asked.
		const still = await s.press('j', 'x');
		t.true(still.includes(`Delete pod backend/${pod}?`));
		t.deepEqual(s.model().record, []);
		const kept = await s.press('n');
		t.true(kept.includes('not deleted'), kept);
		await s.press('\u0004');
		const deleted = await s.press('y');
		t.true(deleted.includes(`pod "${pod}" deleted`), deleted);
		t.deepEqual(s.model().record, [`delete pod ${pod} -n backend`]);
	} finally {
		s.unmount();
	}
});

test.serial('sort keys mark the sorted column in the header; / filters the view with -l, and the title says so', async t => {
	const s = await openScreen('samples/clusterip.yaml', {width: 120, height: 40});
	try {
		await s.press(' ', ...typed('po'));
		let frame = await s.press('I');
		t.regex(frame, /NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP↑\s+NODE/);
		frame = await s.press('I');
		t.true(frame.includes('IP↓'), frame);
		frame = await s.press('/', ...'-l app=api', KEYS.enter);
		t.true(frame.includes('services › pods /-l app=api · Pod(all)[2]'), frame);
		t.false(frame.includes(' web-'), 'web pods are filtered out');
	} finally {
		s.unmount();
	}
});

test.serial('time travel on screen: [ names what it undid and the header where the screen stands; ] comes back; the record is the path shown', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 100, height: 30});
	try {
		await s.press(' ', 'x');
		const killed = s.frame();
		t.true(killed.includes('Terminating'), killed);
		const back = await s.press('[');
		t.true(back.includes('step 0 of 1 (undid "delete pod hello-node-4fp4j -n default")'), back);
		t.regex(back.split('\n')[0] ?? '', /⏪ 0\/1 · ⏸ paused/);
		t.false(back.includes('Terminating'), 'the pod is back as it was');
		t.deepEqual(s.model().record, []);
		const forward = await s.press(']');
		t.true(forward.includes('Terminating'));
		t.false((forward.split('\n')[0] ?? '').includes('⏪'), 'at the newest moment the header says nothing of it');
		t.deepEqual(s.model().record, ['delete pod hello-node-4fp4j -n default']);
	} finally {
		s.unmount();
	}
});

for (const size of [
	{width: 80, height: 24},
	{width: 120, height: 40},
]) {
	test.serial(`${size.width}×${size.height}: :ev keeps what happened to which object (REASON, OBJECT, MESSAGE), not the generated NAME`, async t => {
		const s = await openScreen('samples/hello.yaml', size);
		try {
			const frame = await s.press(' ', ...typed('ev'));
			const lines = frame.split('\n');
			const header = lines[2] ?? '';
			for (const column of ['NAMESPACE', 'REASON', 'OBJECT', 'MESSAGE']) t.true(header.includes(column), header);
			if (size.width >= 120) for (const column of ['LAST SEEN', 'TYPE']) t.true(header.includes(column), header);
			t.false(/\bNAME\b/.test(header.replace('NAMESPACE', '')), header);
			// The first row's message is the first event's, as get events -A -o wide prints it (cut to fit).
			const got = execute(s.model().sim, 'get events -A');
			const message = (got.out[1] ?? '').split(/ {3,}/).at(-1) ?? '';
			t.true(message.length > 0);
			const row = lines[3] ?? '';
			const shown = (row.split(/ {2,}/).at(-1) ?? '').replace(/[…│]/g, '').trim();
			t.true(shown.length >= 10 && message.startsWith(shown), `${shown} | ${message}`);
		} finally {
			s.unmount();
		}
	});
}

test.serial(':po at 80×24: the columns stay put when a pod turns Terminating and its replacement ContainerCreating', async t => {
	const s = await openScreen('samples/hello.yaml', {width: 80, height: 24});
	try {
		const header = (frame: string) => frame.split('\n').find(line => line.includes('NAMESPACE') && line.includes('STATUS')) ?? '';
		const before = await s.press(' ', ':', 'p', 'o', KEYS.enter);
		const after = await s.press('x', '.');
		t.true(after.includes('ContainerCreating'), after);
		t.true(after.includes('Terminating'), after);
		t.is(header(after), header(before), `${before}\n${after}`);
	} finally {
		s.unmount();
	}
});
