// `kubectl svcsim` with no file: a snapshot of the cluster, taken by running kubectl itself, so
// its contexts, credentials plugins, proxies and KUBECONFIG work as they do for the user. The
// text it prints is read by the loader's own reader (UTF-8 checked, within the manifests' byte
// budget) and loaded as any file is.

import {spawn} from 'node:child_process';
import process from 'node:process';
import {readStream} from '../load/index.js';
import {shellWord} from '../session/record-file.js';
import {sanitize} from '../view/sanitize.js';

/** What the simulator reads. */
const SNAPSHOT_RESOURCES = 'nodes,pods,services,endpointslices,deployments,replicasets,statefulsets,networkpolicies';

export interface SnapshotOptions {
	context?: string;
	kubeconfig?: string;
	/** One namespace instead of all. Nodes are cluster-scoped: kubectl lists them whatever -n says. */
	namespace?: string;
}

/**
 * kubectl's arguments. Global flags go first, in the `--flag=value` form, so a value that starts
 * with `-` is still a value (pflag takes the next word either way, but the reader should not wonder).
 */
export function kubectlArgs(options: SnapshotOptions): string[] {
	return [
		...(options.context !== undefined ? [`--context=${options.context}`] : []),
		...(options.kubeconfig !== undefined ? [`--kubeconfig=${options.kubeconfig}`] : []),
		'get',
		SNAPSHOT_RESOURCES,
		...(options.namespace !== undefined ? [`--namespace=${options.namespace}`] : ['-A']),
		'-o',
		'json',
	];
}

/** kubectl's standard error as we show it: sanitized, each line cut, the last lines kept (kubectl
 *  retries discovery and repeats itself; its summary, "The connection to the server … was
 *  refused", comes last). */
export function cutOutput(text: string, maxLines = 20, maxWidth = 300): string[] {
	const lines = text.split(/\r?\n/).filter(line => line.trim() !== '');
	const kept = lines.slice(-maxLines).map(line => {
		const clean = sanitize(line);
		return clean.length > maxWidth ? `${clean.slice(0, maxWidth)}…` : clean;
	});
	return lines.length > maxLines ? [`… (${lines.length - maxLines} earlier lines left out)`, ...kept] : kept;
}

export type Snapshot =
	| {ok: true; text: string; bytes: number; seconds: number; warnings: string[]}
	| {ok: false; message: string[]; position?: {line: number; col: number; message: string}};

export interface SnapshotRun {
	/** The command run, `kubectl` unless a test says otherwise. */
	kubectl?: string;
	/** Whether kubectl may read our standard input (an exec credential plugin may ask for a
	 *  password); not when a script is read from it. */
	stdin: boolean;
}

/** `kubectl get …` as the user would type it, for messages. */
const commandLine = (args: readonly string[]) => ['kubectl', ...args].map(shellWord).join(' ');

/** Run kubectl and read what it prints; the environment passes through (KUBECONFIG, proxies). */
export async function takeSnapshot(options: SnapshotOptions, run: SnapshotRun): Promise<Snapshot> {
	const args = kubectlArgs(options);
	const shown = sanitize(commandLine(args));
	const start = performance.now();
	const child = spawn(run.kubectl ?? 'kubectl', args, {stdio: [run.stdin ? 'inherit' : 'ignore', 'pipe', 'pipe']});
	const spawned = new Promise<NodeJS.ErrnoException | null>(resolve => {
		child.once('spawn', () => resolve(null));
		child.once('error', error => resolve(error as NodeJS.ErrnoException));
	});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		// A runaway stream of warnings is cut here too: only the end is shown.
		stderr = (stderr + chunk).slice(-64 * 1024);
	});
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => child.once('close', (code, signal) => resolve({code, signal})));
	const failed = await spawned;
	if (failed !== null) return {ok: false, message: [notRun(failed)]};
	let text: string;
	try {
		text = await readStream(child.stdout);
	} catch (error) {
		child.kill();
		await exited;
		const at = (error as {at?: {line: number; col: number; message: string}}).at;
		if (at) return {ok: false, message: [`the output of ${shown} is not UTF-8`], position: at};
		const why = sanitize((error as Error).message);
		if ((error as NodeJS.ErrnoException).code === 'EFBIG')
			return {ok: false, message: [`the output of ${shown} is too big: ${why}; try one namespace with -n NAMESPACE`]};
		return {ok: false, message: [`cannot read the output of ${shown}: ${why}`]};
	}
	const {code, signal} = await exited;
	if (code !== 0) {
		const how = signal !== null ? `was killed by ${signal}` : `failed (exit status ${code})`;
		const said = cutOutput(stderr);
		return {
			ok: false,
			message: [
				`${shown} ${how}${said.length ? ':' : ', and printed nothing on standard error'}`,
				...said.map(l => `  ${l}`),
				"kubectl svcsim asks the cluster of kubectl's current context (kubectl config current-context names it); --context NAME picks another, or open a saved dump: kubectl svcsim FILE",
			],
		};
	}
	const bytes = Buffer.byteLength(text, 'utf8');
	return {ok: true, text, bytes, seconds: (performance.now() - start) / 1000, warnings: cutOutput(stderr)};
}

function notRun(error: NodeJS.ErrnoException): string {
	if (error.code === 'ENOENT') {
		return 'kubectl not found: kubectl svcsim takes its snapshot with kubectl, and there is none on PATH; install it (https://kubernetes.io/docs/tasks/tools/) or open a saved dump: kubectl svcsim FILE';
	}
	if (error.code === 'EACCES') return 'cannot run kubectl: permission denied';
	return `cannot run kubectl: ${sanitize(error.message)}`;
}

/** Progress on standard error, only when a person watches it there. */
export function snapshotProgress(): {started(args: string[]): void; done(s: {bytes: number; seconds: number}): void} {
	if (!process.stderr.isTTY) return {started() {}, done() {}};
	return {
		started: args => process.stderr.write(`kubectl svcsim: taking a snapshot: ${sanitize(commandLine(args))}…\n`),
		done: ({bytes, seconds}) =>
			process.stderr.write(`kubectl svcsim: snapshot read: ${(bytes / 1024).toFixed(0)} KiB in ${seconds.toFixed(1)} s; loading it…\n`),
	};
}
