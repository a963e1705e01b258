// The NetworkPolicy samples' "Try:" tours (samples/netpol-*.yaml), line by line through --script
// as a learner types them: each sample loads without a warning, its tour is exactly the lines
// below, and each line does what its comment in the sample says. `check` finds what the header
// says it finds, and nothing in the samples meant to be right.
import {readFileSync} from 'node:fs';
import test from 'ava';
import {runScript} from '../../source/headless/run-script.js';
import {boot} from '../../source/session/boot.js';
import type {State} from '../../source/sim/index.js';
import {lint} from '../../source/view/lint.js';
import {fromRoot} from '../root.js';

/** The commands of the header's `# Try:` block, without their `# …` remarks (as test/e2e/tour.test.ts reads them). */
function tourOf(text: string): string[] {
	const lines = text.split('\n');
	const tour: string[] = [];
	for (const line of lines.slice(lines.findIndex(l => /^# Try:\s*$/.test(l)) + 1)) {
		const m = /^#\s{2,}(\S.*)$/.exec(line);
		if (!m?.[1]) break;
		tour.push(m[1].replace(/\s+#.*$/, '').trim());
	}
	return tour;
}

type Step = [line: string, claim: (out: string) => boolean | string, why: string];

/** What one line printed (stdout and stderr), and the state after it. */
function typed(state: State, line: string): {out: string; state: State; exitCode: number} {
	const lines: string[] = [];
	const io = {out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l)};
	const result = runScript(state, line, io, {name: 'tour'});
	return {out: lines.join('\n'), state: result.state, exitCode: result.exitCode};
}

function tour(file: string): {steps: string[]; state: State; warnings: number} {
	const text = readFileSync(fromRoot(`samples/${file}`), 'utf8');
	const booted = boot([{name: `samples/${file}`, text}], {seed: 1});
	if (!booted.ok) throw new Error(JSON.stringify(booted.errors));
	return {steps: tourOf(text), state: booted.state, warnings: booted.loaded.warnings.length};
}

const ok = (out: string) => / → ok \(/.test(out);
const dropped = (policy: RegExp) => (out: string) => policy.test(out) && / → timed out: dropped by NetworkPolic(y|ies) /.test(out);

const TOURS: Record<string, Step[]> = {
	'netpol-default-deny.yaml': [
		[
			'curl web --from pod/client -n shop',
			out =>
				ok(out) &&
				out.includes(
					'egress allowed by NetworkPolicy shop/client-to-web spec.egress[0], ingress allowed by NetworkPolicy shop/web-from-client spec.ingress[0]',
				),
			'ok, naming the egress and the ingress rule',
		],
		[
			'nslookup web --from pod/batch -n shop',
			out => /^Name:\tweb\.shop\.svc\.cluster\.local\nAddress: \d+\.\d+\.\d+\.\d+$/m.test(out),
			'answered through allow-dns',
		],
		[
			'curl web --from pod/batch -n shop',
			dropped(
				/dropped by NetworkPolicies shop\/allow-dns, shop\/default-deny \(egress of pod batch, no rule allows to pod\/web-\S+ in shop on port 8080\/TCP\)$/,
			),
			'batch may send DNS only',
		],
		[
			'curl web.shop',
			dropped(
				/dropped by NetworkPolicies shop\/default-deny, shop\/web-from-client \(ingress of pod web-\S+, no rule allows from pod\/curl in default on port 8080\/TCP\)$/,
			),
			'from default: dropped, naming the policies',
		],
		['describe netpol allow-dns -n shop', out => out.includes('    To Port: 53/UDP\n    To Port: 53/TCP\n'), 'the DNS allowance'],
	],
	'netpol-wrong-port.yaml': [
		[
			'curl api --from pod/frontend',
			dropped(
				/dropped by NetworkPolicy default\/api-from-frontend \(ingress of pod api-\S+, no rule allows from pod\/frontend in default on port 8080\/TCP\)$/,
			),
			'no rule allows 8080/TCP',
		],
		['get endpoints api', out => /^api +\d+\.\d+\.\d+\.\d+:8080,\d+\.\d+\.\d+\.\d+:8080 /m.test(out), '8080 is the port the policy sees'],
		['describe netpol api-from-frontend', out => out.includes('    To Port: 80/TCP\n    From:\n      PodSelector: app=frontend\n'), 'the policy on port 80'],
	],
	'netpol-cross-namespace.yaml': [
		[
			'curl api.backend --from pod/web -n frontend',
			out => ok(out) && out.includes('ingress allowed by NetworkPolicy backend/api-from-frontend spec.ingress[0]'),
			'both selectors match',
		],
		[
			'curl api.backend --from pod/batch -n frontend',
			dropped(/no rule allows from pod\/batch in frontend on port 8080\/TCP\)$/),
			'right namespace, other labels',
		],
		['curl api.backend', dropped(/no rule allows from pod\/curl in default on port 8080\/TCP\)$/), 'another namespace'],
		['get ns --show-labels', out => /^frontend +Active +\S+ +kubernetes\.io\/metadata\.name=frontend$/m.test(out), 'the name label'],
		[
			'describe netpol api-from-frontend -n backend',
			out => out.includes('    From:\n      NamespaceSelector: kubernetes.io/metadata.name=frontend\n      PodSelector: app=web\n'),
			'one peer, both selectors',
		],
	],
};

for (const [file, steps] of Object.entries(TOURS)) {
	test(`samples/${file}: loads without warnings, and every Try: line does what its comment says`, t => {
		const sample = tour(file);
		t.is(sample.warnings, 0);
		t.deepEqual(
			sample.steps,
			steps.map(([line]) => line),
			'the tour in the file is the one tested here',
		);
		let state = sample.state;
		for (const [line, claim, why] of steps) {
			const result = typed(state, line);
			t.is(result.exitCode, 0, `${line}\n${result.out}`);
			t.true(claim(result.out) === true, `${line} (${why}):\n${result.out}`);
			state = result.state;
		}
	});
}

test('check: the wrong-port sample gets exactly the Service-port warning its header promises; the other two are clean', t => {
	t.deepEqual(
		lint(tour('netpol-wrong-port.yaml').state).map(w => [w.name, w.check, w.path.join('.')]),
		[['api-from-frontend', 'netpol-service-port', 'spec.ingress.0.ports.0.port']],
	);
	t.deepEqual(lint(tour('netpol-default-deny.yaml').state), []);
	t.deepEqual(lint(tour('netpol-cross-namespace.yaml').state), []);
});

test('routing tests for CI see the policies (issue 14): --expect timeout holds for a dropped request, and --expect ok fails on it with the reason', t => {
	const {state} = tour('netpol-default-deny.yaml');
	const held = typed(state, 'curl web --from pod/batch -n shop --expect timeout');
	t.is(held.exitCode, 0, held.out);
	const failed = typed(state, 'curl web --from pod/batch -n shop --expect ok');
	t.is(failed.exitCode, 1);
	t.regex(failed.out, /tour:1: expected ok, got timeout/);
	t.regex(failed.out, /dropped by NetworkPolic(y|ies) /);
	t.is(typed(state, 'curl web --from pod/client -n shop --expect ok').exitCode, 0);
});
