import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {DEFAULT_SAMPLE, firstTry, sampleNames, samplePath, samplesTable} from '../../source/cli/samples.js';
import {fromRoot} from '../root.js';

const SAMPLES = fileURLToPath(fromRoot('samples/'));

test('the samples are the *.yaml files of samples/, and hello, the seed example, is one of them', t => {
	const yaml = readdirSync(SAMPLES)
		.filter(name => name.endsWith('.yaml'))
		.map(name => name.slice(0, -'.yaml'.length));
	t.deepEqual(sampleNames(SAMPLES), yaml.sort());
	t.false(sampleNames(SAMPLES).includes('hello-routes'), 'a script is not a sample');
	t.true(sampleNames(SAMPLES).includes(DEFAULT_SAMPLE));
});

test('samplePath finds a sample by name, and an unknown name lists the real ones', t => {
	t.deepEqual(samplePath(SAMPLES, 'headless'), {ok: true, path: `${SAMPLES}headless.yaml`});
	const unknown = samplePath(SAMPLES, 'helo');
	t.false(unknown.ok);
	if (!unknown.ok) t.is(unknown.message, `unknown sample "helo": the samples are ${sampleNames(SAMPLES).join(', ')} (k8s-svc-tui samples lists them)`);
});

test('firstTry: the first command under Try:, its comment two spaces after it; nothing without Try:', t => {
	t.is(firstTry('# What it is.\n# Try:\n#   curl web --count 20     # spread out\n#   get svc\nkind: x\n'), 'curl web --count 20  # spread out');
	t.is(firstTry('# Try: nslookup api\n'), 'nslookup api');
	t.is(firstTry('# Try:\n#   get endpoints shop\n'), 'get endpoints shop');
	t.is(firstTry('# No tour here.\napiVersion: v1\n# Try: not in the header\n'), '');
	t.is(firstTry('# Try:\n#   get svc \u001b[2J # \u202eevil\n'), 'get svc ^[[2J  # \\u202eevil', 'file text is sanitized');
});

test('samples: every bundled sample has something to try, and hello is marked as the default', t => {
	const lines = samplesTable(SAMPLES);
	t.regex(lines[0] ?? '', /^NAME {3,}TRY$/);
	t.is(lines.length, sampleNames(SAMPLES).length + 1);
	for (const name of sampleNames(SAMPLES)) {
		const text = readFileSync(`${SAMPLES}${name}.yaml`, 'utf8');
		const row = lines.find(l => l.startsWith(`${name} `));
		t.truthy(row, name);
		t.not(firstTry(text), '', `${name} has a Try: line`);
		t.true(row?.endsWith(firstTry(text)), row);
	}
	t.regex(lines.find(l => l.startsWith('hello ')) ?? '', /^hello \(default\) +get pods -o wide {2}# note each pod's IP$/);
	// One column start for TRY on every line.
	const at = (lines[0] ?? '').indexOf('TRY');
	for (const line of lines.slice(1)) {
		t.regex(line.slice(0, at), /\S {3,}$/, line);
		t.not(line[at], ' ', line);
	}
});
