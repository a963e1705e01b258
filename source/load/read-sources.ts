// The file-system edge: command-line arguments → source texts. Folders hold their *.yaml,
// *.yml and *.json files, sorted by name (not recursive, like `kubectl apply -f DIR`).

import {closeSync, fstatSync, openSync, readdirSync, readSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileTooLarge, MAX_INPUT_BYTES, MAX_TEXT_BYTES, readFileWithin, readStreamWithin, tooLarge} from './bounded-read.js';
import {fileBytes, heldBytes} from './byte-source.js';
import {type ScanResult, StreamScanner} from './stream-scan.js';
import type {Diagnostic, SourceFile} from './types.js';
import {type BadByte, decodeUtf8} from './utf8.js';

/** Inputs at least this big are streamed (stream-scan.ts); smaller ones are read as one text and
 *  parsed as today (parse-documents.ts: `yaml` below FAST_PATH_BYTES, the fast parsers above). */
const STREAM_BYTES = 8 << 20;

/** V8's longest string: an input that only the whole-text path reads must fit in one. */
const LONGEST_STRING = 0x1fffffe8;

/** A streamed input as readSources hands it on: its bytes and the first pass's cut. */
export type Streamed = NonNullable<SourceFile['stream']>;

/** Why a big input cannot be read: `whole` is stream-scan.ts's reason it cannot be streamed. */
const cannotStream = (why: string) => `file too large to read as one text, and it cannot be streamed: ${why}`;

const SCAN_CHUNK = 8 << 20;

/** Pass one over a regular file, chunk by chunk; its bytes are read again when parsed. */
function scanFile(path: string): {result: ScanResult; size: number} {
	const scanner = new StreamScanner();
	const fd = openSync(path, 'r');
	let size = 0;
	try {
		const chunk = Buffer.allocUnsafe(SCAN_CHUNK);
		for (;;) {
			const read = readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) break;
			size += read;
			if (!scanner.push(chunk.subarray(0, read))) break;
		}
	} finally {
		closeSync(fd);
	}
	return {result: scanner.end(), size};
}

const manifestPattern = /\.(ya?ml|json)$/i;

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file or directory';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ENOTDIR':
			return 'not a directory';
		case 'EISDIR':
			return 'is a directory';
		case 'ELOOP':
			return 'too many levels of symbolic links';
		default:
			return error instanceof Error ? error.message : String(error);
	}
}

const fileError = (file: string, message: string): Diagnostic => ({file, line: 0, col: 0, severity: 'error', message});

/** How standard input is named in messages. */
const STDIN = '<stdin>';

/**
 * A stream's bytes to its end, as UTF-8 text. Standard input is read this way, never with
 * `readFileSync(0)`: once anything has touched `process.stdin` (an ES `import process from
 * 'node:process'` does: it reads every getter of process) fd 0 is a non-blocking pipe, and a
 * synchronous read of it stops at EAGAIN with what the writer has sent so far, often nothing.
 * `kubectl get … -o yaml | k8s-svc-tui -` writes for a while before it ends.
 */
export async function readStream(stream: AsyncIterable<string | Uint8Array>, what: Parameters<typeof tooLarge>[0] = 'manifests in all'): Promise<string> {
	// Decoded once at the end, so a character split between two chunks stays whole.
	const bytes = await readStreamWithin(stream, what === 'a script' ? MAX_TEXT_BYTES : LONGEST_STRING, tooLarge(what));
	if (what !== 'manifests in all') return bytes.toString('utf8');
	// Manifests piped in are refused where they are not UTF-8, as a file is (utf8.ts): kubectl's
	// reader does not care where the bytes came from.
	const text = decodeUtf8(bytes);
	if (typeof text !== 'string') throw new NotUtf8(text);
	return text;
}

/**
 * Standard input's manifests to their end: as one text when small (the same path as a small
 * file), else through the same cut as a big file (stream-scan.ts), its bytes kept as the
 * Buffers they came in, never made one string. Reading stops early only where the answer is
 * already known: a control character or a byte that is not UTF-8.
 */
export async function readStreamSource(stream: AsyncIterable<string | Uint8Array>, streamBytes = STREAM_BYTES): Promise<string | Streamed> {
	const scanner = new StreamScanner();
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
		total += bytes.length;
		// Leaving the loop ends the iteration, which destroys the stream: nothing more is read.
		if (total > MAX_INPUT_BYTES) throw fileTooLarge(tooLarge('manifests in all'));
		chunks.push(bytes);
		if (!scanner.push(bytes)) break;
	}
	return settle(scanner, chunks, total, streamBytes);
}

/** Bytes a stream gave, scanned as they came: streamed when big, else one text as a small file's. */
function settle(scanner: StreamScanner, chunks: Buffer[], total: number, streamBytes = STREAM_BYTES): string | Streamed {
	const result = scanner.end();
	if ('badByte' in result) throw new NotUtf8(result.badByte);
	if (total >= streamBytes && 'plan' in result) return {bytes: heldBytes(chunks), plan: result.plan};
	if (total > LONGEST_STRING) throw fileTooLarge(cannotStream('whole' in result ? result.whole : 'it is too big'));
	const text = decodeUtf8(Buffer.concat(chunks, total));
	if (typeof text !== 'string') throw new NotUtf8(text);
	return text;
}

/** A device or a named pipe, read as standard input is (readStreamSource), within `limit`. */
function readDevice(path: string, limit: number, message: string): string | Streamed {
	const scanner = new StreamScanner();
	const chunks: Buffer[] = [];
	let total = 0;
	const fd = openSync(path, 'r');
	try {
		for (;;) {
			const chunk = Buffer.allocUnsafe(1 << 20);
			const read = readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) break;
			total += read;
			if (total > limit) throw fileTooLarge(message);
			chunks.push(chunk.subarray(0, read));
			if (!scanner.push(chunk.subarray(0, read))) break;
		}
	} finally {
		closeSync(fd);
	}
	return settle(scanner, chunks, total);
}

/** Thrown by readStream: where its bytes stop being UTF-8, for a diagnostic at that place. */
class NotUtf8 extends Error {
	constructor(readonly at: BadByte) {
		super(at.message);
	}
}

function readOnce(readStdin: () => string | Streamed): string | Streamed | Diagnostic {
	try {
		return readStdin();
	} catch (error) {
		if (error instanceof NotUtf8) return {file: STDIN, severity: 'error', ...error.at};
		return fileError(STDIN, reason(error));
	}
}

/** `readStdin` gives standard input's text for `-` (asked for once), or throws why it could not be
 *  read. `streamBytes`: from what size a file is streamed (tests lower it). */
export function readSources(args: string[], readStdin: () => string | Streamed, streamBytes = STREAM_BYTES): {files: SourceFile[]; errors: Diagnostic[]} {
	const files: SourceFile[] = [];
	const errors: Diagnostic[] = [];
	let stdin: string | Streamed | Diagnostic | null = null;
	// One budget for all the manifests: ten files just under it would hold ten times its memory.
	let left = MAX_INPUT_BYTES;
	const tooMuch = tooLarge('manifests in all');
	const readFile = (path: string): void => {
		try {
			if (streamFile(path)) return;
			const bytes = readFileWithin(path, left, tooMuch);
			left -= bytes.length;
			const text = decodeUtf8(bytes);
			if (typeof text === 'string') files.push({name: path, text});
			else errors.push({file: path, severity: 'error', ...text});
		} catch (error) {
			errors.push(fileError(path, reason(error)));
		}
	};
	/** A big regular file, streamed: true when handled (pushed, or its error reported). */
	const streamFile = (path: string): boolean => {
		const fd = openSync(path, 'r');
		let stat: ReturnType<typeof fstatSync>;
		try {
			stat = fstatSync(fd);
		} finally {
			closeSync(fd);
		}
		if (stat.isDirectory()) return false;
		if (!stat.isFile()) {
			// `/dev/zero` stops at its first NUL instead of filling the budget.
			try {
				const read = readDevice(path, left, tooMuch);
				const size = typeof read === 'string' ? Buffer.byteLength(read, 'utf8') : read.bytes.size;
				left -= size;
				files.push(typeof read === 'string' ? {name: path, text: read} : {name: path, text: '', stream: read});
			} catch (error) {
				if (error instanceof NotUtf8) errors.push({file: path, severity: 'error', ...error.at});
				else throw error;
			}
			return true;
		}
		if (stat.size < streamBytes) return false;
		if (stat.size > left) throw fileTooLarge(tooMuch);
		const {result, size} = scanFile(path);
		// The scan stops at a file's first bad byte; the budget counts the file.
		left -= stat.size;
		if ('badByte' in result) errors.push({file: path, severity: 'error', ...result.badByte});
		else if ('plan' in result) files.push({name: path, text: '', stream: {bytes: fileBytes(path, size), plan: result.plan}});
		else if (size > LONGEST_STRING) errors.push(fileError(path, cannotStream(result.whole)));
		else {
			// What only the whole-text path reads exactly (stream-scan.ts says why), read as today.
			left += stat.size;
			return false;
		}
		return true;
	};
	for (const arg of args) {
		if (arg === '-') {
			const first = stdin === null;
			stdin ??= readOnce(readStdin);
			if (typeof stdin !== 'string' && !('plan' in stdin)) errors.push(stdin);
			else if (typeof stdin !== 'string') {
				// Parsed once per mention, as a text given twice is.
				if (first) {
					if (stdin.bytes.size > left) {
						stdin = fileError(STDIN, reason(fileTooLarge(tooMuch)));
						errors.push(stdin);
						continue;
					}
					left -= stdin.bytes.size;
				}
				files.push({name: STDIN, text: '', stream: stdin});
			} else if (!first) files.push({name: STDIN, text: stdin});
			else {
				const bytes = Buffer.byteLength(stdin, 'utf8');
				if (bytes > left) {
					stdin = fileError(STDIN, reason(fileTooLarge(tooMuch)));
					errors.push(stdin);
				} else {
					left -= bytes;
					files.push({name: STDIN, text: stdin});
				}
			}
			continue;
		}
		let isDirectory: boolean;
		try {
			isDirectory = statSync(arg).isDirectory();
		} catch (error) {
			errors.push(fileError(arg, reason(error)));
			continue;
		}
		if (!isDirectory) {
			readFile(arg);
			continue;
		}
		let names: string[];
		try {
			names = readdirSync(arg).filter(name => manifestPattern.test(name));
		} catch (error) {
			errors.push(fileError(arg, reason(error)));
			continue;
		}
		names.sort();
		const manifests = names
			.map(name => join(arg, name))
			.filter(path => {
				try {
					return statSync(path).isFile();
				} catch {
					return true; // a dangling link: let readFile report it
				}
			});
		if (manifests.length === 0) {
			errors.push(fileError(arg, 'no manifests in this folder (*.yaml, *.yml, *.json)'));
			continue;
		}
		for (const path of manifests) readFile(path);
	}
	return {files, errors};
}
