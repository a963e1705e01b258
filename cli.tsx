#!/usr/bin/env node
// The edge: arguments, files, exit codes. Errors become messages here and nowhere deeper.
import fs from 'node:fs';
import {basename} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {type CheckResult, checkCounts, checkJson, checkSuite, hasErrors, okLine} from './source/cli/check-report.js';
import {chalkLevel, chooseColour} from './source/cli/colour.js';
import {completionScript, printCompletion, SHELLS, type Shell} from './source/cli/completion.js';
import {commandName, type HelpTopic, helpText, type Program} from './source/cli/help.js';
import {terminalKeyboard} from './source/cli/keyboard.js';
import {DEFAULT_SAMPLE, samplePath, samplesTable} from './source/cli/samples.js';
import {kubectlArgs, type SnapshotOptions, snapshotProgress, takeSnapshot} from './source/cli/snapshot.js';
import {type LineReport, runScript} from './source/headless/run-script.js';
import {junitReport, junitXml, tapText} from './source/headless/test-report.js';
import {
	type Diagnostic,
	fileTooLarge,
	formatDiagnostic,
	formatSkipped,
	type LoadResult,
	MAX_INPUT_BYTES,
	MAX_TEXT_BYTES,
	readFileWithin,
	readSources,
	readStream,
	readStreamSource,
	type SourceFile,
	type Streamed,
	tooLarge,
	type ValidateMode,
} from './source/load/index.js';
import {type Booted, boot} from './source/session/boot.js';
import {openRecord, osReason, type RecordFile, recordHeader} from './source/session/record-file.js';
import {routingDiff} from './source/session/routing-diff.js';
import {routingDiffChanged, routingDiffText} from './source/session/routing-diff-text.js';
import {parseUntil, type Until} from './source/session/until.js';
import {countRows, type State} from './source/sim/index.js';
import {jsonText, sanitize} from './source/view/index.js';
import {lint} from './source/view/lint.js';
import {KUBERNETES_VERSION} from './source/view/node-rows.js';
import {tourText} from './source/view/tui/try-text.js';

/** Which program runs: kubectl runs kubectl-svcsim for `kubectl svcsim` (bin/kubectl-svcsim.js,
 *  which loads this file: its name is all that differs). */
const PROGRAM: Program = /^kubectl-svcsim(\.js)?$/.test(basename(process.argv[1] ?? '')) ? 'kubectl-svcsim' : 'k8s-svc-tui';

/** The samples the package ships, beside dist/. */
const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));

interface Options {
	check: boolean;
	/** `test`: a --script whose expectations are the point, reported for CI. */
	test: boolean;
	junit?: string;
	tap: boolean;
	/** check's -o: the JSON document on stdout instead of the lines on stderr. */
	output?: 'text' | 'json';
	files: string[];
	/** `--sample NAME`, or the seed example when no file is given. */
	sample?: {name: string; defaulted: boolean};
	/** kubectl svcsim with no file: the cluster's snapshot to take, and where to keep it. */
	snapshot?: SnapshotOptions & {save?: string};
	script?: string;
	seed: number;
	echo: boolean;
	record?: string;
	replay?: string;
	/** `--watch`: the TUI applies a file again when it changes on disk. */
	watch: boolean;
	/** `--until LINE|TIME`: run --script, or open --replay, up to that point. */
	until?: Until;
	validate: ValidateMode;
	noColor: boolean;
}

type Parsed =
	| {kind: 'run'; options: Options}
	| {kind: 'help'; topic: HelpTopic}
	| {kind: 'version'}
	| {kind: 'samples'}
	| {kind: 'completion'; shell: Shell}
	| {kind: 'complete'; words: string[]}
	| {kind: 'diff'; options: DiffOptions};

/** `diff BEFORE… -- AFTER…`: two clusters booted with one seed, and the routing between them compared. */
interface DiffOptions {
	before: string[];
	after: string[];
	seed: number;
	validate: ValidateMode;
	output: 'text' | 'json';
}

class UsageError extends Error {}

const validateModes = new Map<string, ValidateMode>([
	['strict', 'strict'],
	['true', 'strict'],
	['warn', 'warn'],
	['ignore', 'ignore'],
	['false', 'ignore'],
]);

function validateMode(text: string): ValidateMode {
	const mode = validateModes.get(text.toLowerCase());
	if (mode === undefined) throw new UsageError(`invalid - validate option "${text}"; must be one of: strict (or true), warn, ignore (or false)`);
	return mode;
}

/** `samples` and `completion` take no manifests: only their own words and --help. */
function parseSmallVerb(verb: 'samples' | 'completion', args: string[]): Parsed {
	if (args.some(a => a === '-h' || a === '--help')) return {kind: 'help', topic: verb};
	const flag = args.find(a => a.startsWith('-'));
	if (flag !== undefined) throw new UsageError(`unknown flag for ${verb}: ${flag}`);
	if (verb === 'samples') {
		if (args.length > 0) throw new UsageError(`samples takes no arguments (got "${args[0]}"); open one with --sample NAME`);
		return {kind: 'samples'};
	}
	const [shell, ...rest] = args;
	if (shell === undefined) throw new UsageError('completion needs a shell: bash, zsh or fish');
	if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`unsupported shell "${shell}": want bash, zsh or fish`);
	if (rest.length > 0) throw new UsageError(`completion takes one shell (got "${rest[0]}" too)`);
	return {kind: 'completion', shell: shell as Shell};
}

/** -o's value, refused with kubectl's words for a format it has no printer for. */
function outputFormat(text: string | undefined): 'text' | 'json' {
	if (text === undefined) throw new UsageError('flag needs an argument: -o');
	if (text !== 'json' && text !== 'text')
		throw new UsageError(`unable to match a printer suitable for the output format "${text}", allowed formats are: json,text`);
	return text;
}

function parseSeed(text: string): number {
	if (!/^\d+$/.test(text) || Number(text) > 0xffffffff) throw new UsageError(`invalid --seed "${text}": want a whole number from 0 to 4294967295`);
	return Number(text);
}

/** `diff`: manifests before `--`, manifests after it; --seed, --validate and -o as the main command has them. */
function parseDiff(args: string[]): Parsed {
	const options: DiffOptions = {before: [], after: [], seed: 1, validate: 'strict', output: 'text'};
	let side = options.before;
	let sides = 1;
	const output = (text: string | undefined) => {
		options.output = outputFormat(text);
	};
	for (let arg = args.shift(); arg !== undefined; arg = args.shift()) {
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (flag === '-h' || flag === '--help') return {kind: 'help', topic: 'diff'};
		if (flag === '--') {
			if (sides === 2) throw new UsageError('diff takes one --, between the files before and the files after');
			side = options.after;
			sides = 2;
		} else if (flag === '--seed') {
			const text = inline ?? args.shift();
			if (text === undefined) throw new UsageError('flag needs an argument: --seed');
			options.seed = parseSeed(text);
		} else if (flag === '--validate') options.validate = validateMode(inline ?? 'strict');
		else if (flag === '--output') output(inline ?? args.shift());
		else if (/^-o/.test(arg)) output(arg === '-o' ? args.shift() : arg.slice(arg[2] === '=' ? 3 : 2));
		else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag for diff: ${arg}`);
		else side.push(arg);
	}
	if (sides === 1) throw new UsageError('diff needs the files before, --, and the files after: diff BEFORE... -- AFTER...');
	if (options.before.length === 0 || options.after.length === 0) {
		throw new UsageError(`no manifests ${options.before.length === 0 ? 'before' : 'after'} --: name at least one FILE, DIR or - on each side`);
	}
	if (options.before.includes('-') && options.after.includes('-')) throw new UsageError('standard input can be read for one side of diff only');
	return {kind: 'diff', options};
}

/** The flags that shape kubectl svcsim's snapshot. */
const SNAPSHOT_FLAGS = '--context, --kubeconfig, -n/--namespace and --save';

function parseArgs(argv: string[]): Parsed {
	const options: Options = {check: false, test: false, tap: false, files: [], seed: 1, echo: false, watch: false, validate: 'strict', noColor: false};
	const args = [...argv];
	if (args[0] === '__complete') return {kind: 'complete', words: args.slice(1)};
	if (args[0] === 'samples' || args[0] === 'completion') return parseSmallVerb(args[0], args.slice(1));
	if (args[0] === 'diff') return parseDiff(args.slice(1));
	let topic: HelpTopic = 'open';
	if (args[0] === 'check') {
		options.check = true;
		topic = 'check';
		args.shift();
	} else if (args[0] === 'test') {
		options.test = true;
		topic = 'test';
		args.shift();
	}
	const value = (flag: string, inline: string | undefined): string => {
		const v = inline ?? args.shift();
		if (v === undefined) throw new UsageError(`flag needs an argument: ${flag}`);
		return v;
	};
	const snapshot: SnapshotOptions & {save?: string} = {};
	let snapshotFlag: string | undefined;
	const snapshotValue = (flag: string, inline: string | undefined): string => {
		if (PROGRAM !== 'kubectl-svcsim') throw new UsageError(`${flag} goes with kubectl svcsim: it shapes the snapshot of a cluster that kubectl svcsim takes`);
		snapshotFlag ??= flag;
		return value(flag, inline);
	};
	for (let arg = args.shift(); arg !== undefined; arg = args.shift()) {
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		switch (flag) {
			case '-h':
			case '--help':
				return {kind: 'help', topic};
			case '--version':
				return {kind: 'version'};
			case '--script':
				options.script = value(flag, inline);
				break;
			case '--record':
				options.record = value(flag, inline);
				break;
			case '--replay':
				options.replay = value(flag, inline);
				break;
			case '--echo':
				options.echo = true;
				break;
			case '--watch':
				options.watch = true;
				break;
			case '--until': {
				const text = value(flag, inline);
				const until = parseUntil(text);
				if (until === null)
					throw new UsageError(`--until takes a line of the script (e.g. 12) or a time on its clock (e.g. 1m30s), not ${JSON.stringify(text)}`);
				options.until = until;
				break;
			}
			case '--junit':
				options.junit = value(flag, inline);
				break;
			case '--tap':
				options.tap = true;
				break;
			case '--output':
				options.output = outputFormat(inline ?? args.shift());
				break;
			case '--no-color':
				options.noColor = true;
				break;
			case '--sample':
				options.sample = {name: value(flag, inline), defaulted: false};
				break;
			case '--validate':
				// kubectl's flag: a bare --validate is strict (pkg/cmd/util/helpers.go GetValidationDirective).
				options.validate = validateMode(inline ?? 'strict');
				break;
			case '--seed': {
				options.seed = parseSeed(value(flag, inline));
				break;
			}
			case '--context':
				snapshot.context = snapshotValue(flag, inline);
				break;
			case '--kubeconfig':
				snapshot.kubeconfig = snapshotValue(flag, inline);
				break;
			case '--save':
				snapshot.save = snapshotValue(flag, inline);
				break;
			case '--namespace':
				snapshot.namespace = snapshotValue(flag, inline);
				break;
			default: {
				// -o as pflag spells it too: -o json, -ojson, -o=json.
				const o = /^-o(=?)(.*)$/.exec(arg);
				if (o) {
					options.output = outputFormat(o[1] || o[2] ? o[2] : args.shift());
					break;
				}
				// kubectl's -n, in each of pflag's spellings: -n NS, -nNS, -n=NS.
				const short = /^-n(=?)(.*)$/.exec(arg);
				if (short) {
					snapshot.namespace = snapshotValue('-n', short[1] || short[2] ? short[2] : undefined);
					break;
				}
				if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag: ${arg}`);
				options.files.push(arg);
			}
		}
	}
	if (snapshot.namespace === '') throw new UsageError('-n needs a namespace name');
	if (options.files.length === 0 && options.sample === undefined) {
		if (PROGRAM === 'kubectl-svcsim') options.snapshot = snapshot;
		// check and test say what is missing: in CI an empty file list passing on the sample would
		// hide the mistake.
		else if (options.check || options.test) throw new UsageError('no manifests given: name at least one FILE, DIR or -, or --sample NAME');
		else options.sample = {name: DEFAULT_SAMPLE, defaulted: true};
	} else if (snapshotFlag !== undefined) {
		throw new UsageError(`${snapshotFlag}: ${SNAPSHOT_FLAGS} shape the snapshot kubectl svcsim takes when no FILE (or --sample) is given`);
	}
	if (options.snapshot?.save === '-') throw new UsageError('--save needs a file name');
	if (options.snapshot && options.record !== undefined && options.snapshot.save === undefined) {
		throw new UsageError('--record of a cluster snapshot needs --save FILE too: the record replays against the saved snapshot');
	}
	if (options.script === '-' && options.files.includes('-')) {
		throw new UsageError('standard input cannot hold both the manifests and the script');
	}
	if (options.check && (options.script || options.record || options.replay)) throw new UsageError('check takes only manifests');
	if (options.test && options.script === undefined) throw new UsageError('test needs --script TESTS: the lines with --expect and expect are its test cases');
	if (options.test && options.replay !== undefined) throw new UsageError('test runs headless: --replay is for the TUI');
	if (!options.test && options.tap) throw new UsageError('--tap goes with test (k8s-svc-tui test FILES --script TESTS)');
	if (!options.test && !options.check && options.junit !== undefined)
		throw new UsageError('--junit goes with test and check (k8s-svc-tui test FILES --script TESTS, k8s-svc-tui check FILES)');
	if (!options.check && options.output !== undefined) throw new UsageError('-o goes with check and diff (k8s-svc-tui check FILES -o json)');
	if (options.script !== undefined && options.replay !== undefined) throw new UsageError('choose --script (headless) or --replay (in the TUI)');
	if (options.replay === '-') throw new UsageError('--replay needs a file: in the TUI, standard input is the keyboard');
	if (options.until !== undefined && options.script === undefined && options.replay === undefined) {
		throw new UsageError('--until goes with --script or --replay: the point of the script to run to');
	}
	if (options.watch && (options.script !== undefined || options.check || options.test))
		throw new UsageError('--watch is for the TUI: it applies a changed file on screen');
	if (options.watch && options.files.filter(f => f !== '-').length === 0)
		throw new UsageError('--watch needs a FILE to watch (standard input does not change)');
	return {kind: 'run', options};
}

const writeErr = (line: string) => process.stderr.write(`${line}\n`);
const writeOut = (line: string) => process.stdout.write(`${line}\n`);
const printDiagnostic = (d: Diagnostic) => writeErr(sanitize(formatDiagnostic(d)));

/** Standard input read to its end (readStream says why not with a synchronous read); the reader
 *  throws again why it could not be read, for the message of whoever asks. */
async function readStdin(what: 'manifests in all' | 'a script'): Promise<() => string | Streamed> {
	try {
		const stat = fs.fstatSync(0);
		// Node gives a folder on fd 0 as an empty stream; say what it is instead.
		if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
		// `- < big.yaml`: refused by its size, unread.
		if (stat.isFile() && stat.size > (what === 'a script' ? MAX_TEXT_BYTES : MAX_INPUT_BYTES)) throw fileTooLarge(tooLarge(what));
		// Manifests go through the same cut as a big file (read-sources.ts readStreamSource).
		const text = what === 'a script' ? await readStream(process.stdin, what) : await readStreamSource(process.stdin);
		return () => text;
	} catch (error) {
		return () => {
			throw error;
		};
	}
}

const noStdin = (): string => {
	throw new Error('standard input was not read');
};

/** Load, validate and settle the cluster; null (after printing why) when it cannot start. */
/** Inputs this big take about half a second or more to load (docs/conventions.md parser speeds). */
const PROGRESS_BYTES = 8 << 20;

/** Progress for big loads on stderr, when a person is watching it; otherwise silent. */
function progress(files: SourceFile[]): (message: string) => void {
	const bytes = files.reduce((sum, f) => sum + (f.stream ? f.stream.bytes.size : f.text.length), 0);
	if (!process.stderr.isTTY || bytes < PROGRESS_BYTES) return () => {};
	const start = performance.now();
	const seconds = () => ((performance.now() - start) / 1000).toFixed(1);
	process.stderr.write(`k8s-svc-tui: loading ${(bytes / (1 << 20)).toFixed(0)} MB…\n`);
	return message => process.stderr.write(`k8s-svc-tui: ${message} (${seconds()} s)\n`);
}

/** `note` takes the warnings and the skipped line: stderr, or for the TUI its request log (written
 *  to stderr they would land behind the alternate screen, unseen). */
function load(
	options: Options,
	stdin: () => string | Streamed,
	note: (line: string) => void,
	extra: SourceFile[],
): {state: State; loaded: LoadResult; files: SourceFile[]} | null {
	const {booted, files, report} = bootFiles(options, stdin, extra);
	for (const warning of booted.loaded.warnings) note(sanitize(formatDiagnostic(warning)));
	const skipped = formatSkipped(booted.loaded.skipped);
	if (skipped) note(skipped);
	if (!booted.ok) {
		booted.errors.forEach(printDiagnostic);
		return null;
	}
	report(`ready: ${countRows(booted.state.pods)} pods on ${Object.keys(booted.state.nodes).length} nodes`);
	return {state: booted.state, loaded: booted.loaded, files};
}

/** The files read and booted, with what went wrong left to the caller; `report` is the progress line. */
function bootFiles(
	options: Options,
	stdin: () => string | Streamed,
	extra: SourceFile[],
): {booted: Booted; files: SourceFile[]; report: (message: string) => void} {
	const read = readSources(options.files, stdin);
	read.files.push(...extra);
	const report = progress(read.files);
	const booted = boot(read.files, {
		seed: options.seed,
		validate: options.validate,
		readErrors: read.errors,
		onValidated: ({input: {pods, services, workloads}}) =>
			report(`parsed and validated ${pods.length} pods, ${services.length} Services, ${workloads.length} workloads; settling the cluster…`),
	});
	return {booted, files: read.files, report};
}

/**
 * `check`: load, settle and lint; the diagnostics and the OK line on stderr as the loader prints
 * them, or (-o json) one document on stdout and nothing on stderr, and with --junit a report too.
 * Exit 1 when the manifests do not load (or the report cannot be written), else 0: warnings are
 * not failures, as kubectl's are not.
 */
function runCheck(options: Options, stdin: () => string | Streamed, snapshot: SourceFile[]): number {
	const {booted, files, report} = bootFiles(options, stdin, snapshot);
	const {loaded} = booted;
	if (booted.ok) report(`ready: ${countRows(booted.state.pods)} pods on ${Object.keys(booted.state.nodes).length} nodes`);
	const lintWarnings = booted.ok
		? lint(booted.state).map((w): Diagnostic => ({...loaded.locate(w.kind, w.namespace, w.name, w.path), severity: 'warning', message: w.message}))
		: [];
	const result: CheckResult = {
		files: files.map(f => f.name),
		counts: booted.ok ? checkCounts(loaded.input) : null,
		diagnostics: [...loaded.warnings, ...(booted.ok ? lintWarnings : booted.errors)],
		skipped: loaded.skipped,
	};
	for (const d of result.diagnostics) if (!result.files.includes(d.file) && d.file !== '') result.files.push(d.file);
	const failed = hasErrors(result);
	if (options.output === 'json') writeOut(jsonText(checkJson(result)));
	else {
		// The order load() prints in: load warnings, the skipped line, then errors or lint warnings.
		loaded.warnings.forEach(printDiagnostic);
		const skipped = formatSkipped(loaded.skipped);
		if (skipped) writeErr(skipped);
		(booted.ok ? lintWarnings : booted.errors).forEach(printDiagnostic);
		if (failed && snapshot.length > 0) writeErr(`(kubectl svcsim --save FILE keeps the snapshot, to read the lines named above)`);
		if (result.counts) writeErr(okLine([...options.files.map(shownName), ...snapshot.map(f => f.name)].join(', '), result.counts));
	}
	if (options.junit !== undefined) {
		try {
			fs.writeFileSync(options.junit, junitReport([checkSuite(result)]));
		} catch (error) {
			writeErr(`error: --junit ${sanitize(options.junit)}: ${osReason(error)}`);
			return 1;
		}
	}
	return failed ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
	let parsed: Parsed;
	try {
		parsed = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		return usageError(error.message);
	}
	switch (parsed.kind) {
		case 'help':
			writeOut(helpText(PROGRAM, parsed.topic));
			return 0;
		case 'version':
			writeOut(`${commandName(PROGRAM)} ${readVersion()}`);
			writeOut(`simulates Kubernetes ${KUBERNETES_VERSION}`);
			return 0;
		case 'samples':
			for (const line of samplesTable(SAMPLES)) writeOut(line);
			return 0;
		case 'completion':
			process.stdout.write(completionScript(parsed.shell));
			return 0;
		case 'complete':
			printCompletion(PROGRAM, parsed.words, SAMPLES);
			return 0;
		case 'diff':
			return runDiff(parsed.options);
	}
	const {options} = parsed;
	if (options.sample) {
		const found = samplePath(SAMPLES, options.sample.name);
		if (!found.ok) return usageError(found.message);
		options.files.unshift(found.path);
	}
	// `kubectl get … -o json | k8s-svc-tui -`: the manifests come on stdin, so the keys come from
	// the terminal itself, as less and fzf read them (/dev/tty, the process's controlling terminal).
	const wantsTui = !options.check && options.script === undefined;
	const keyboard = wantsTui && process.stdout.isTTY && !process.stdin.isTTY && options.files.includes('-') ? terminalKeyboard() : undefined;
	if (wantsTui && ((!process.stdin.isTTY && keyboard === undefined) || !process.stdout.isTTY)) {
		// Ink needs raw mode and a screen; say so instead of letting it throw a React stack
		// (docs/conventions.md) or filling a pipe with escape codes.
		writeErr('error: the TUI needs an interactive terminal; to run commands without one, use --script FILE (or --script - to read them from stdin)');
		return 2;
	}
	const taken = options.snapshot ? await snapshotSource(options.snapshot, options.script !== '-', options.files) : {sources: [], warnings: []};
	if (taken === null) return 1;
	const snapshot = taken.sources;
	const tui = !options.check && options.script === undefined;
	const notices: string[] = [];
	const note = tui ? (line: string) => void notices.push(line) : writeErr;
	taken.warnings.forEach(note);
	const stdin = options.files.includes('-') || options.script === '-' ? await readStdin(options.script === '-' ? 'a script' : 'manifests in all') : noStdin;
	if (options.check) return runCheck(options, stdin, snapshot);
	const started = load(options, stdin, note, snapshot);
	if (started === null) {
		if (snapshot.length > 0) writeErr(`(kubectl svcsim --save FILE keeps the snapshot, to read the lines named above)`);
		return 1;
	}
	const {state, files} = started;
	if (options.script !== undefined) {
		const name = options.script === '-' ? '<stdin>' : options.script;
		// `--script -` reads standard input as a script (readStdin), so a text.
		const text = options.script === '-' ? readScript(name, () => String(stdin())) : readScript(options.script);
		if (text === null) return 1;
		const record = openRecordFile(options);
		if (record === null) return 1;
		const recording = record ? {record: (line: string) => record.append([line])} : {};
		if (options.test) {
			const exitCode = runTests(options, state, text, name, recording);
			return record ? closeRecord(record, exitCode) : exitCode;
		}
		const {exitCode} = runScript(
			state,
			text,
			{out: writeOut, err: writeErr, write: text => process.stdout.write(text)},
			{name, echo: options.echo, ...recording, ...(options.until ? {until: options.until} : {})},
		);
		return record ? closeRecord(record, exitCode) : exitCode;
	}
	// The UI (Ink + React) loads only now: --script and check never pay for it (docs/architecture.md).
	process.env.NODE_ENV ??= 'production';
	// With CI set, Ink draws only a final frame and chalk drops colour; this is an interactive
	// terminal (checked above), so it must behave as one. Both read these when Ink is imported.
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
	const colour = chooseColour({noColorFlag: options.noColor, env: process.env, isTTY: Boolean(process.stdout.isTTY)});
	const level = chalkLevel(colour, process.env);
	if (level !== undefined) process.env.FORCE_COLOR = level;
	let replay: {name: string; text: string} | undefined;
	if (options.replay !== undefined) {
		const text = readScript(options.replay);
		if (text === null) return 1;
		replay = {name: options.replay, text};
	}
	const record = openRecordFile(options);
	if (record === null) return 1;
	// A closed terminal: SIGHUP (run-tui.tsx then ends the session), and reading the keyboard
	// fails with EIO as writing does.
	process.once('SIGHUP', () => {
		hungUp = true;
	});
	process.stdin.on('error', (error: NodeJS.ErrnoException) => streamFailed(error, 'read standard input'));
	const {runTui} = await import('./source/ui/run-tui.js');
	return runTui(state, {
		seed: options.seed,
		files: options.files,
		title: tuiTitle(options),
		colour: colour.colour,
		notices,
		tour: tourText(files),
		...(record ? {record} : {}),
		...(replay ? {replay} : {}),
		...(options.watch ? {watch: true} : {}),
		...(options.until ? {until: options.until} : {}),
		...(keyboard ? {keyboard} : {}),
	});
}

/**
 * `diff`: both sides booted with the same seed, every probe run on each, the pairs that changed
 * printed. Exit codes as kubectl diff's (kubectl/pkg/cmd/diff/diff.go: 0 no differences, 1
 * differences, >1 an error; its errors go through cmdutil.CheckDiffErr, which adds 1 to the code).
 */
async function runDiff(diff: DiffOptions): Promise<number> {
	const stdin = diff.before.includes('-') || diff.after.includes('-') ? await readStdin('manifests in all') : noStdin;
	const sides = [];
	for (const files of [diff.before, diff.after]) {
		const options: Options = {
			check: false,
			test: false,
			tap: false,
			files,
			seed: diff.seed,
			echo: false,
			watch: false,
			validate: diff.validate,
			noColor: false,
		};
		const started = load(options, stdin, writeErr, []);
		if (started === null) return 2;
		sides.push({state: started.state, input: started.loaded.input});
	}
	const [before, after] = sides as [(typeof sides)[0], (typeof sides)[0]];
	const result = routingDiff(before, after);
	if (diff.output === 'json') writeOut(jsonText(result));
	else for (const line of routingDiffText(result)) writeOut(sanitize(line));
	return routingDiffChanged(result) ? 1 : 0;
}

function usageError(message: string): number {
	// Arguments are untrusted text too (`--seed $'\e[2J'`).
	writeErr(`error: ${sanitize(message)}`);
	writeErr(`Run "${commandName(PROGRAM)} --help" for usage.`);
	return 2;
}

/** How standard input is named in messages; a snapshot kept in memory is named so too. */
const SNAPSHOT_NAME = '<kubectl snapshot>';

/**
 * The cluster's snapshot as a source for the loader: the --save file once written (errors then
 * name it), else the text itself under SNAPSHOT_NAME; null after saying why there is none.
 */
async function snapshotSource(
	snapshot: SnapshotOptions & {save?: string},
	stdin: boolean,
	files: string[],
): Promise<{sources: SourceFile[]; warnings: string[]} | null> {
	const shown = snapshotProgress();
	shown.started(kubectlArgs(snapshot));
	const taken = await takeSnapshot(snapshot, {stdin});
	if (!taken.ok) {
		const [first = '', ...rest] = taken.message;
		if (taken.position) printDiagnostic({file: SNAPSHOT_NAME, severity: 'error', ...taken.position});
		writeErr(`error: ${first}`);
		rest.forEach(writeErr);
		return null;
	}
	shown.done(taken);
	const warnings = taken.warnings.map(line => `kubectl: ${line}`);
	if (snapshot.save === undefined) return {sources: [{name: SNAPSHOT_NAME, text: taken.text}], warnings};
	try {
		fs.writeFileSync(snapshot.save, taken.text);
	} catch (error) {
		writeErr(`error: --save ${sanitize(snapshot.save)}: ${osReason(error)}`);
		return null;
	}
	// Read back as any file is: the messages then name the file the user can open.
	files.push(snapshot.save);
	return {sources: [], warnings};
}

/** The header's name for what is open: the files, or the sample or snapshot it is. */
/** A file as messages name it: standard input as `<stdin>`, as the loader's diagnostics do. */
const shownName = (file: string) => (file === '-' ? '<stdin>' : file);

function tuiTitle(options: Options): string {
	if (options.snapshot) {
		const where = options.snapshot.context === undefined ? 'the current context' : `context ${options.snapshot.context}`;
		return `snapshot of ${where}${options.snapshot.namespace === undefined ? '' : `, namespace ${options.snapshot.namespace}`}`;
	}
	const names = options.files.map(f => shownName(f).split('/').pop());
	if (options.sample) names[0] = `sample ${names[0]}${options.sample.defaulted ? ' (no file given)' : ''}`;
	return names.join(', ');
}

/**
 * `--record FILE` opened and its header written, undefined without the flag, or null after
 * saying why the file cannot be written: found out now, not behind the TUI's alternate screen.
 */
function openRecordFile(options: Options): RecordFile | undefined | null {
	if (options.record === undefined) return undefined;
	const opened = openRecord(options.record, recordHeader(options.files, options.seed));
	if (opened.ok) return opened.record;
	writeErr(`error: --record ${sanitize(options.record)}: ${opened.reason}`);
	return null;
}

/** The exit code once the record is closed: a write that failed on the way makes it 1. */
function closeRecord(record: RecordFile, exitCode: number): number {
	record.close();
	if (record.failure === null) return exitCode;
	writeErr(`error: --record ${sanitize(record.path)}: ${record.failure}; the session is not fully saved`);
	return 1;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `test`: the script run as --script runs it, its checked lines collected as test cases; then a
 * summary on stderr (or TAP on stdout, the commands' own output left out of it), the JUnit file,
 * and exit 1 when a check failed or a line did. A run that checked nothing fails too: a test
 * file without --expect tests nothing.
 */
function runTests(options: Options, state: State, text: string, name: string, recording: {record?(line: string): void}): number {
	const cases: LineReport[] = [];
	const io = options.tap ? {out() {}, err() {}} : {out: writeOut, err: writeErr};
	const {exitCode} = runScript(state, text, io, {name, echo: options.echo, ...recording, report: c => cases.push(c)});
	const suites = [{name, cases}];
	if (options.tap) process.stdout.write(tapText(suites));
	if (options.junit !== undefined) {
		try {
			fs.writeFileSync(options.junit, junitXml(suites));
		} catch (error) {
			writeErr(`error: --junit ${sanitize(options.junit)}: ${osReason(error)}`);
			return 1;
		}
	}
	const count = (status: LineReport['status']) => cases.filter(c => c.status === status).length;
	const failed = count('failed') + count('error');
	if (!options.tap) writeErr(`${sanitize(name)}: ${plural(cases.length, 'check')}, ${count('passed')} passed, ${failed} failed`);
	if (cases.length === 0) {
		writeErr(`error: ${sanitize(name)} checks nothing: give its lines --expect (curl, nslookup) or write expect ep SVC ready=N`);
		return 1;
	}
	return failed > 0 ? 1 : exitCode;
}

function readScript(path: string, read = () => readFileWithin(path, MAX_TEXT_BYTES, tooLarge('a script')).toString('utf8')): string | null {
	try {
		return read();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'no such file or directory'
				: code === 'EISDIR'
					? 'is a directory'
					: code === 'EFBIG'
						? (error as Error).message
						: String(code ?? error);
		writeErr(`error: cannot read script ${sanitize(path)}: ${why}`);
		return null;
	}
}

function readVersion(): string {
	try {
		const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		return pkg.version;
	} catch {
		return 'unknown';
	}
}

// `k8s-svc-tui … --script x | head` closes stdout early, and a closed terminal (SIGHUP) turns
// every write into EIO: stop quietly, as other CLIs do (the TUI's record is completed on exit).
// Any other write error (a full disk: `> /dev/full`) is one line on stderr and exit code 1.
function streamFailed(error: NodeJS.ErrnoException, doing: string): never {
	if (error.code === 'EIO') hungUp = true;
	if (error.code === 'EPIPE' || error.code === 'EIO') exitNow(Number(process.exitCode ?? 0));
	if (doing !== 'write standard error') writeErr(`error: cannot ${doing}: ${osReason(error)}`);
	exitNow(1);
}
process.stdout.on('error', (error: NodeJS.ErrnoException) => streamFailed(error, 'write standard output'));
process.stderr.on('error', (error: NodeJS.ErrnoException) => streamFailed(error, 'write standard error'));

/** Set once the terminal has hung up (SIGHUP, or EIO on a standard stream). */
let hungUp = false;

/**
 * Exit now. After a hangup Node's own exit restores the terminal's modes (node.cc ResetStdio) on
 * a terminal that is gone, gets EIO and aborts with a native stack trace; it skips descriptors
 * that are closed, so those are closed first (nothing can be shown on them any more).
 */
function exitNow(code: number): never {
	if (hungUp) {
		for (const fd of [0, 1, 2]) {
			try {
				fs.closeSync(fd);
			} catch {
				// Already closed.
			}
		}
	}
	process.exit(code);
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
		if (hungUp) exitNow(code);
	},
	(error: unknown) => {
		// The last line of defence: a readable message, never a stack trace.
		writeErr(`k8s-svc-tui: internal error: ${sanitize(error instanceof Error ? error.message : String(error))}`);
		writeErr('This is a bug in k8s-svc-tui; please report it with the command and files you used.');
		process.exitCode = 70;
	},
);
