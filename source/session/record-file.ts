// `--record FILE`: the session as a script that `--script` replays, for the TUI and for
// `--script` itself. The file is opened and its header written before the session starts, so a
// path that cannot be written (a missing folder, a directory, /dev/full) is refused up front with
// the system's reason instead of failing behind the alternate screen. Lines are appended as they
// are recorded (the record only grows), so what was done is on disk even if the process is killed.

import fs from 'node:fs';
import type {State} from '../sim/index.js';
import type {ExecResult} from './execute.js';

/**
 * Whether a command line belongs in the record: one that changed the simulation, even if it then
 * failed part-way (`delete pod a nope` still deletes a), so a replay reaches the same state and
 * the same error. Queries (get, describe, help) change nothing, and a replay does not need them.
 */
export function recordable(before: State, result: ExecResult): boolean {
	return (result.ok || result.state !== before) && result.command?.kind === 'actions';
}

/** The record's comment header: how to replay it, with the manifests quoted for a shell. */
export function recordHeader(files: readonly string[], seed: number): string[] {
	return ['# k8s-svc-tui session; replay it with:', `#   k8s-svc-tui ${files.map(shellWord).join(' ')} --seed ${seed} --script THIS_FILE`];
}

const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** What a shell's '…' cannot carry on one line, or shows as something else (bidi, zero-width). */
const NEEDS_ANSI_C = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * One shell word that means `text`: as is when plain, else '…', else (a newline, a control or
 * format character) bash's $'…', so the header stays one comment line whatever a file is named.
 */
export function shellWord(text: string): string {
	if (PLAIN_WORD.test(text)) return text;
	if (!NEEDS_ANSI_C.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
	let out = "$'";
	for (const ch of text) out += ansiC(ch);
	return `${out}'`;
}

const ANSI_C_SHORT: Readonly<Record<string, string>> = {'\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r', '\u001b': '\\E'};

function ansiC(ch: string): string {
	const short = ANSI_C_SHORT[ch];
	if (short !== undefined) return short;
	if (!NEEDS_ANSI_C.test(ch)) return ch;
	const code = ch.codePointAt(0) ?? 0;
	if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
	return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
}

// The system's words for the errors a file write meets, lower-case as Go (and so kubectl) prints
// them (`open x: no such file or directory`); libuv's own wording differs for some (EISDIR is
// "illegal operation on a directory" there).
const REASONS: Readonly<Record<string, string>> = {
	EACCES: 'permission denied',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'file too large',
	EIO: 'input/output error',
	EISDIR: 'is a directory',
	ELOOP: 'too many levels of symbolic links',
	EMFILE: 'too many open files',
	ENAMETOOLONG: 'file name too long',
	ENOENT: 'no such file or directory',
	ENOSPC: 'no space left on device',
	ENOTDIR: 'not a directory',
	ENXIO: 'no such device or address',
	EPERM: 'operation not permitted',
	EPIPE: 'broken pipe',
	EROFS: 'read-only file system',
	ETXTBSY: 'text file busy',
};

/** Why a file operation failed, in the system's words (`no such file or directory`). */
export function osReason(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
	// Node's message is `CODE: description, syscall 'path'`: keep the description.
	const described = typeof message === 'string' ? /^[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] : undefined;
	return described ?? code ?? String(error);
}

export interface RecordFile {
	readonly path: string;
	/** Appends lines; after a failed write it stops trying and keeps the reason. */
	append(lines: readonly string[]): void;
	/** Why a write failed (`no space left on device`), or null while all went to disk. */
	readonly failure: string | null;
	close(): void;
}

function closeQuietly(fd: number): void {
	try {
		fs.closeSync(fd);
	} catch {
		// The write's reason is the one to report.
	}
}

/** Open `path` for writing and write the header, or say why not (the system's reason). */
export function openRecord(path: string, header: readonly string[]): {ok: true; record: RecordFile} | {ok: false; reason: string} {
	let fd: number;
	try {
		fd = fs.openSync(path, 'w');
	} catch (error) {
		return {ok: false, reason: osReason(error)};
	}
	let failure: string | null = null;
	const write = (lines: readonly string[]) => {
		if (failure !== null || fd < 0 || lines.length === 0) return;
		try {
			const bytes = Buffer.from(lines.map(l => `${l}\n`).join(''));
			for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
		} catch (error) {
			failure = osReason(error);
		}
	};
	write(header);
	if (failure !== null) {
		const reason: string = failure;
		closeQuietly(fd);
		return {ok: false, reason};
	}
	const record: RecordFile = {
		path,
		append: write,
		get failure() {
			return failure;
		},
		close() {
			if (fd < 0) return;
			try {
				fs.closeSync(fd);
			} catch (error) {
				failure ??= osReason(error);
			}
			fd = -1;
		},
	};
	return {ok: true, record};
}
