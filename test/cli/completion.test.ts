import test from 'ava';
import {complete, DIRECTIVE, FLAGS} from '../../source/cli/completion.js';
import {helpText} from '../../source/cli/help.js';

const sources = {samples: ['headless', 'hello', 'nodeport'], contexts: () => ['kind-kind', 'prod']};
const tui = (...words: string[]) => complete('k8s-svc-tui', words, sources);
const plugin = (...words: string[]) => complete('kubectl-svcsim', words, sources);

test('first word: the verbs that start with it, else manifest files (cobra FilterFileExt: yaml, yml, json)', t => {
	t.deepEqual(tui(''), {candidates: ['check', 'test', 'diff', 'samples', 'completion'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('c'), {candidates: ['check', 'completion'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('sam'), {candidates: ['samples'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('my'), {candidates: ['yaml', 'yml', 'json'], directive: DIRECTIVE.filterFileExt});
	t.deepEqual(tui('check', ''), {candidates: ['yaml', 'yml', 'json'], directive: DIRECTIVE.filterFileExt}, 'no verb after a verb');
});

test('flags: those of the verb, starting with the word; kubectl svcsim adds the snapshot flags', t => {
	t.deepEqual(tui('--s').candidates, ['--sample', '--script', '--seed']);
	t.deepEqual(tui('test', '--').candidates, [
		'--sample',
		'--script',
		'--echo',
		'--seed',
		'--record',
		'--validate=strict',
		'--validate=warn',
		'--validate=ignore',
		'--junit',
		'--tap',
		'--help',
	]);
	t.deepEqual(tui('check', '--').candidates, ['--sample', '--validate=strict', '--validate=warn', '--validate=ignore', '--output', '--junit', '--help']);
	t.deepEqual(tui('check', '-o', ''), {candidates: ['text', 'json'], directive: DIRECTIVE.noFileComp}, 'check -o completes its formats');
	t.deepEqual(tui('--c').candidates, [], "--context is the plugin's");
	t.deepEqual(plugin('--c').candidates, ['--context']);
	t.deepEqual(plugin('check', '-').candidates.slice(-6), ['--help', '--context', '--kubeconfig', '--namespace', '-n', '--save']);
	t.is(tui('--').directive, DIRECTIVE.noFileComp);
});

test("flag values: sample names, contexts, files (the shell's own), nothing for numbers and namespaces", t => {
	t.deepEqual(tui('--sample', 'he'), {candidates: ['headless', 'hello'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('check', '--sample', ''), {candidates: ['headless', 'hello', 'nodeport'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(plugin('--context', 'k'), {candidates: ['kind-kind'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('--script', ''), {candidates: [], directive: DIRECTIVE.default});
	t.deepEqual(plugin('--save', 'sn'), {candidates: [], directive: DIRECTIVE.default});
	t.deepEqual(tui('--seed', ''), {candidates: [], directive: DIRECTIVE.noFileComp});
	t.deepEqual(plugin('-n', ''), {candidates: [], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('--validate', '=', 'w'), {candidates: ['warn'], directive: DIRECTIVE.noFileComp}, "bash's words for --validate=w");
	t.deepEqual(tui('diff', 'a.yaml', '--', 'b.yaml', '-o', 'j'), {candidates: ['json'], directive: DIRECTIVE.noFileComp}, 'diff -o: its formats');
	t.deepEqual(tui('diff', '--'), {
		candidates: ['--seed', '--validate=strict', '--validate=warn', '--validate=ignore', '--output', '--help'],
		directive: DIRECTIVE.noFileComp,
	});
});

test('completion takes a shell, samples nothing', t => {
	t.deepEqual(tui('completion', ''), {candidates: ['bash', 'zsh', 'fish'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('completion', 'z'), {candidates: ['zsh'], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('completion', 'bash', ''), {candidates: [], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('samples', ''), {candidates: [], directive: DIRECTIVE.noFileComp});
	t.deepEqual(tui('samples', '--h'), {candidates: ['--help'], directive: DIRECTIVE.noFileComp});
});

test('every flag completion offers is in the --help of that verb, for each program', t => {
	for (const program of ['k8s-svc-tui', 'kubectl-svcsim'] as const) {
		for (const flag of FLAGS) {
			if (flag.plugin && program === 'k8s-svc-tui') continue;
			for (const topic of flag.topics) {
				const help = helpText(program, topic);
				for (const name of flag.names) t.true(help.includes(name.replace(/=.*/, '')), `${program} ${topic} --help names ${name}`);
			}
		}
	}
});
