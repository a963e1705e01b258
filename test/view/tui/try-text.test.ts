// The "Try:" tour a sample opens with (samples/*.yaml), as the TUI shows it on first open and
// under `?`: the opening comment block without its `# `, only for files whose block says `Try:`.

import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import {tourText} from '../../../source/view/tui/try-text.js';
import {fromRoot} from '../../root.js';

const sample = (name: string) => ({name: `samples/${name}`, text: readFileSync(fromRoot(`samples/${name}`), 'utf8')});

test('hello.yaml: the description and the tour, as the file has them', t => {
	t.deepEqual(tourText([sample('hello.yaml')]), [
		'The seed example: RC hello-node keeps 3 pods behind NodePort Service hello-node-svc (80 -> 8080, nodePort 30036).',
		'Try:',
		"  get pods -o wide                              # note each pod's IP",
		"  delete pod -l app=hello-node                  # new pods, new IPs; the Service's IP stays put",
		'  curl hello-node-svc --count 100 --summary     # spread over the ready pods',
		'  nslookup hello-node-svc                       # hello-node-svc.default.svc.cluster.local',
		'  scale rc hello-node --replicas=5              # two more pods join the endpoints',
		'  curl 192.168.49.2:30036 --from external       # the nodePort answers on every node, from outside',
	]);
});

test('every sample has a tour, and it starts where the file starts', t => {
	for (const name of readdirSync(fromRoot('samples/')).filter(f => f.endsWith('.yaml'))) {
		const tour = tourText([sample(name)]);
		t.true(tour.includes('Try:'), name);
		t.is(`# ${tour[0]}`, sample(name).text.split('\n')[0] ?? '', name);
	}
});

test('no Try: line, or a comment that is not at the top: no tour', t => {
	t.deepEqual(tourText([{name: 'a.yaml', text: '# just a note\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n'}]), []);
	t.deepEqual(tourText([{name: 'b.yaml', text: 'apiVersion: v1\n# Try:\n#   get pods\n'}]), []);
	t.deepEqual(tourText([]), []);
});

test('text from the file is untrusted: escape sequences are neutralised (sanitize.ts)', t => {
	const tour = tourText([{name: 'evil.yaml', text: '# \u001b[2JTry: this\n# Try:\n#   get pods \u001b]0;pwned\u0007\n'}]);
	t.is(tour.length, 3);
	const controls = (line: string) => [...line].filter(ch => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
	for (const line of tour) t.deepEqual(controls(line), [], JSON.stringify(line));
});

test('several files with tours: each under its file name, indented; a file without one is left out', t => {
	const tour = tourText([
		{name: 'a.yaml', text: '# A\n# Try:\n#   get pods\nkind: List\n'},
		{name: 'plain.yaml', text: 'kind: List\n'},
		{name: 'b.yaml', text: '# Try:\n#   get svc\n'},
	]);
	t.deepEqual(tour, ['a.yaml:', '  A', '  Try:', '    get pods', 'b.yaml:', '  Try:', '    get svc']);
});
