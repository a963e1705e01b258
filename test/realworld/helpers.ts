// Load shared/realworld manifests exactly as `k8s-svc-tui FILE... --script` does (readSources →
// loadSources → initialState, seed 1) and drive the result through the session executor.

import {basename} from 'node:path';
import {type Diagnostic, formatDiagnostic, formatSkipped, type LoadResult, readSources} from '../../source/load/index.js';
import {boot} from '../../source/session/boot.js';
import {type ExecResult, execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {ipInCIDR, parseIPv4} from '../../source/sim/ip.js';
import {lint} from '../../source/view/lint.js';
import {REALWORLD, REALWORLD_ABSENT, requireRealworld} from '../prerequisites.js';

// Without ../shared/realworld the importing file's tests give way to one that says so (and fails
// under CI), and loadCluster hands back a stand-in no test reads.
const present = requireRealworld();
const absent = new Proxy({} as Cluster, {
	get() {
		throw new Error(REALWORLD_ABSENT);
	},
});

/** A diagnostic as the CLI prints it, with the file's folder left out so tests do not depend on it. */
const shown = (d: Diagnostic): string => formatDiagnostic({...d, file: basename(d.file)});

export interface Cluster {
	/** The settled state the CLI starts from. */
	state: State;
	loaded: LoadResult;
	/** The loader's warnings, one CLI line each. */
	warnings: string[];
	/** The `skipped: …` line, or null. */
	skipped: string | null;
	/** `k8s-svc-tui check`'s routing warnings, one CLI line each. */
	lint: string[];
}

export function loadCluster(...names: string[]): Cluster {
	if (!present) return absent;
	const read = readSources(
		names.map(name => REALWORLD + name),
		() => '',
	);
	const booted = boot(read.files, {readErrors: read.errors});
	if (!booted.ok) throw new Error(booted.errors.map(shown).join('\n'));
	const {state, loaded} = booted;
	return {
		state,
		loaded,
		warnings: loaded.warnings.map(shown),
		skipped: formatSkipped(loaded.skipped),
		lint: lint(state).map(w => shown({...loaded.locate(w.kind, w.namespace, w.name, w.path), severity: 'warning', message: w.message})),
	};
}

export interface Session {
	readonly state: State;
	/** Run one command line; the state moves on as `--script` would. */
	run(line: string): ExecResult;
	/** Run a line that must succeed; its stdout lines. */
	out(line: string): string[];
}

export function session(state: State): Session {
	let current = state;
	const run = (line: string): ExecResult => {
		const result = execute(current, line);
		current = result.state;
		return result;
	};
	return {
		get state() {
			return current;
		},
		run,
		out(line) {
			const result = run(line);
			if (!result.ok) throw new Error(`${line}: ${result.err.join('\n')}`);
			return result.out;
		},
	};
}

/**
 * A kubectl table as rows keyed by header. Columns start where their header does (tabwriter
 * pads every column to one width), so empty cells and cells with spaces survive.
 */
export function parseTable(lines: string[]): Array<Record<string, string>> {
	const [header, ...rows] = lines;
	if (header === undefined) return [];
	const columns = [...header.matchAll(/\S+(?: \S+)*/g)].map(m => ({name: m[0], start: m.index}));
	return rows.map(row => {
		const record: Record<string, string> = {};
		columns.forEach((c, i) => {
			const end = columns[i + 1]?.start ?? row.length;
			record[c.name] = row.slice(c.start, end).trim();
		});
		return record;
	});
}

/** Rows of a table keyed by `NAMESPACE/NAME` (or `NAME` without a NAMESPACE column). */
export function rowsByName(lines: string[]): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for (const row of parseTable(lines)) out[row.NAMESPACE ? `${row.NAMESPACE}/${row.NAME}` : row.NAME!] = row;
	return out;
}

/** K8S-SEMANTICS B2, DETAIL S46: dynamic ClusterIPs come from the upper band, 10.96.1.1 and above. */
export function isDynamicClusterIP(ip: string): boolean {
	return ipInCIDR(ip, '10.96.0.0/12') && parseIPv4(ip)! >= parseIPv4('10.96.1.1')! && ip !== '10.111.255.255';
}

/** DETAIL S48: dynamic node ports come from 30086-32767 (the static band is 30000-30085). */
export function isDynamicNodePort(port: number): boolean {
	return port >= 30086 && port <= 32767;
}

/** `80:31380/TCP,443:31390/TCP` → [{port: 80, nodePort: 31380, protocol: 'TCP'}, …]. */
export function parsePorts(cell: string): Array<{port: number; nodePort?: number; protocol: string}> {
	return cell.split(',').map(text => {
		const m = /^(\d+)(?::(\d+))?\/(TCP|UDP|SCTP)$/.exec(text);
		if (!m) throw new Error(`not a PORT(S) entry: ${text}`);
		return {port: Number(m[1]), ...(m[2] ? {nodePort: Number(m[2])} : {}), protocol: m[3]!};
	});
}

/** The pod IP kubectl shows for one pod (`get pods -o wide`). */
export function podIPs(s: Session, namespace = 'default'): Record<string, {ip: string; node: string; ready: string; status: string}> {
	const out: Record<string, {ip: string; node: string; ready: string; status: string}> = {};
	for (const row of parseTable(s.out(`get pods -o wide -n ${namespace}`))) {
		out[row.NAME!] = {ip: row.IP!, node: row.NODE!, ready: row.READY!, status: row.STATUS!};
	}
	return out;
}

/**
 * The trace's hop for the source address a pod sees when `node` masqueraded the connection
 * (sim/source-nat.ts, after kube-proxy's iptables proxier): the node's own IP towards a pod on
 * another node, its pod bridge (`.1` of its pod CIDR, docs/semantics.md B5) towards its own pods.
 */
export function snatHop(node: {name: string; ip: string}, pod: {ip: string; node: string}, why: string): string {
	const seen = pod.node === node.name ? pod.ip.replace(/\.\d+$/, '.1') : node.ip;
	return `→ source ${seen} (SNAT by ${node.name}: ${why})`;
}
