// Property (issue 11): any command line, however hostile (random tokens, quotes, control and
// format characters, huge numbers, unicode), gets an answer or a clear error line from the
// grammar and the executor on a settled sample cluster: never an exception, never an internal
// error or a stack overflow's words, never a raw control character, and bounded work (the
// simulator steps a line causes, and the lines it prints). FUZZ_RUNS=<n> for more lines,
// FC_SEED=<n> to replay one.

import test from 'ava';
import fc from 'fast-check';
import {COMMANDS, parseCommand} from '../../source/command/index.js';
import {execute} from '../../source/session/execute.js';
import {ANY_CONTROL, withoutBindTabs} from '../control-chars.js';
import {sampleState} from './sample-state.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

const state = sampleState('hello.yaml');

const WORDS = [
	...COMMANDS.map(c => c.name),
	'kubectl',
	'svc',
	'service/web',
	'pods',
	'po',
	'deploy',
	'deployment/web',
	'node',
	'ns',
	'ep',
	'all',
	'web',
	'hello-node',
	'hello-node-svc',
	'deployment/hello-node',
	'kube-dns',
	'kube-system',
	'-n',
	'--namespace',
	'-o',
	'json',
	'yaml',
	'wide',
	'name',
	'jsonpath={.items[*].metadata.name}',
	'custom-columns=N:.metadata.name',
	'-l',
	'app=web',
	'app!=web',
	'app in (a,b)',
	'--replicas',
	'--replicas=3',
	'--from',
	'--count',
	'--all',
	'-A',
	'--sort-by=.metadata.name',
	'--overwrite',
	'a=b',
	'a-',
	'--',
	'-',
	'=',
	':',
	'web:80',
	'web.default.svc.cluster.local',
	'http://web',
	'1s',
	'10m',
	'99999h',
];
/** Numbers a parser may choke on: huge, negative, fractional, in other bases, past float range. */
const NUMBERS = ['0', '-1', '3', '2147483647', '2147483648', '9007199254740993', '1e309', '-0', '0x10', '1.5', 'NaN', 'Infinity', '9'.repeat(400)];
const ODD = [
	'"',
	"'",
	'\\',
	'"unterminated',
	"'a b'",
	'"a\\"b"',
	'\u0000',
	'\u001b[2J',
	'\u0007',
	'\t',
	'\r',
	'\u202e',
	'\u200b',
	'\ufeff',
	'\u2028',
	'\ud800',
	'é',
	'😀',
	'١٢',
	'$HOME',
	'%s%n',
	'$(rm -rf /)',
	'|',
	';',
	'&&',
	'#',
];

const token = fc.oneof(
	{weight: 10, arbitrary: fc.constantFrom(...WORDS)},
	{weight: 2, arbitrary: fc.constantFrom(...NUMBERS)},
	{weight: 1, arbitrary: fc.constantFrom(...ODD)},
	{weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 12})},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom('--replicas=', '--count=', '--timeout=', '-o=', '-n=', '--from='), fc.constantFrom(...NUMBERS, ...WORDS))
			.map(([f, v]) => f + v),
	},
);
const words = fc
	.array(fc.tuple(token, fc.constantFrom(' ', ' ', ' ', ' ', ' ', '', '  ', '\t', '=')), {maxLength: 4})
	.map(parts => parts.map(([t, sep]) => t + sep).join(''));
/** Well-formed commands with a hostile value in their one slot: huge counts and durations reach the simulator. */
const TEMPLATES = [
	'scale deployment/hello-node --replicas=@',
	'wait @',
	'wait @s',
	'curl hello-node-svc --count=@',
	'curl hello-node-svc:@',
	'nslookup @',
	'get pods -o @',
	'get svc @ -o wide',
	'label svc hello-node-svc a=@ --overwrite',
	'describe pod @',
	'delete pod @',
	'crash pod @',
	'get pods -l @',
	'get pods --sort-by=@',
	'curl @ --from @',
	'curl hello-node-svc:@ --udp',
	// The file verbs reach the executor too; without a reader they refuse, as a line must say why.
	'apply -f @',
	'create -f @',
	'delete -f @',
	'delete svc @',
	'edit svc @',
	'edit svc hello-node-svc -f @',
];
const templated = fc
	.tuple(fc.constantFrom(...TEMPLATES), fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...ODD), fc.constantFrom(...WORDS)))
	.map(([template, value]) => template.replaceAll('@', value));
/** Mostly a verb and its arguments (so most lines reach the executor), sometimes anything. */
const line = fc.oneof(
	{weight: 3, arbitrary: templated},
	{weight: 3, arbitrary: fc.tuple(fc.constantFrom(...COMMANDS.map(c => c.name)), words).map(([verb, rest]) => `${verb} ${rest}`)},
	{weight: 1, arbitrary: words},
);

/** Work a line may cause: a few hundred simulator steps on this small cluster is already a lot. */
const MAX_STEPS = 2_000;
const MAX_LINES = 5_000;

test('every command line gets an answer or a clear error line, never an exception, an internal error or unbounded work', t => {
	let lines = 0;
	let commands = 0;
	let answered = 0;
	fc.assert(
		fc.property(line, text => {
			lines++;
			const parsed = parseCommand(text);
			if (parsed.ok && parsed.command !== null) commands++;
			if (!parsed.ok) {
				t.regex(parsed.error, /^\S/, 'a parse error says something');
				t.false(ANY_CONTROL.test(parsed.error), `raw control character in ${JSON.stringify(parsed.error)}`);
			}
			const result = execute(state, text);
			const printed = [...result.out, ...result.err];
			// nslookup's text keeps BIND's own tabs (session/execute.ts); nothing else may.
			const c = result.command;
			const nslookup = c?.kind === 'actions' && c.output === 'text' && c.actions.every(a => a.type === 'dnsQueried');
			const shown = nslookup ? [...result.out.map(withoutBindTabs), ...result.err] : printed;
			if (!result.ok) t.true(result.err.length > 0 && result.err.every(l => l.trim() !== ''), `a failure says why: ${JSON.stringify(text)}`);
			for (const l of shown) {
				t.false(/internal error|Maximum call stack|RangeError|TypeError|undefined is not|\[object Object\]/.test(l), `${JSON.stringify(text)} printed ${l}`);
				t.false(ANY_CONTROL.test(l), `raw control character for ${JSON.stringify(text)}: ${JSON.stringify(l)}`);
			}
			t.true((result.steps?.length ?? 0) <= MAX_STEPS, `${result.steps?.length} steps for ${JSON.stringify(text)}`);
			t.true(printed.length <= MAX_LINES, `${printed.length} lines for ${JSON.stringify(text)}`);
			if (result.ok && result.command !== null) answered++;
		}),
		{numRuns: FUZZ_RUNS > 0 ? FUZZ_RUNS : 400, ...(SEED === undefined ? {} : {seed: SEED})},
	);
	t.log(`${lines} lines: ${commands} parsed to a command, ${answered} answered without an error`);
	t.true(commands * 5 > lines, 'not vacuous: a good share of the lines are commands the executor runs');
});
