// The samples' header comments teach commands; they must stay valid in this grammar. Each
// header is 3-8 comment lines, and the files themselves must be well-formed YAML.

import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import {parseAllDocuments} from 'yaml';
import {parseCommand} from '../../source/command/parse-command.js';
import {fromRoot} from '../root.js';

const DIR = fromRoot('samples/');
const FILES = readdirSync(DIR)
	.filter(f => f.endsWith('.yaml'))
	.sort();

test('the samples are all there', t => {
	t.deepEqual(FILES, [
		'affinity.yaml',
		'clusterip.yaml',
		'externalname.yaml',
		'headless.yaml',
		'hello.yaml',
		'loadbalancer.yaml',
		'multiport.yaml',
		'netpol-cross-namespace.yaml',
		'netpol-default-deny.yaml',
		'netpol-wrong-port.yaml',
		'nodeport.yaml',
		'traffic-policy.yaml',
	]);
});

for (const file of FILES) {
	const text = readFileSync(new URL(file, DIR), 'utf8');
	const header = text.split('\n').slice(
		0,
		text.split('\n').findIndex(line => !line.startsWith('#')),
	);

	test(`${file}: a 3-8 line header with commands to try`, t => {
		t.true(header.length >= 3 && header.length <= 8, `${header.length} lines`);
		const tries = header.slice(header.indexOf('# Try:') + 1);
		t.true(header.includes('# Try:') && tries.length > 0);
		for (const line of tries) {
			const result = parseCommand(line.replace(/^#/, ''));
			t.true(result.ok && result.command?.kind !== 'help', `${line} → ${JSON.stringify(result)}`);
		}
	});

	test(`${file}: well-formed YAML`, t => {
		const docs = parseAllDocuments(text);
		t.true(Array.isArray(docs) && docs.length > 0);
		for (const doc of Array.isArray(docs) ? docs : []) t.deepEqual(doc.errors, []);
	});
}
