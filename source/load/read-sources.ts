// The file-system edge: command-line arguments → source texts. Folders hold their *.yaml,
// *.yml and *.json files, sorted by name (not recursive, like `kubectl apply -f DIR`).

import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileTooLarge, MAX_INPUT_BYTES, readFileWithin, readStreamWithin, tooLarge} from './bounded-read.js';
import type {Diagnostic, SourceFile} from './types.js';
import {type BadByte, decodeUtf8} from './utf8.js';

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
	const bytes = await readStreamWithin(stream, MAX_INPUT_BYTES, tooLarge(what));
	if (what !== 'manifests in all') return bytes.toString('utf8');
	// Manifests piped in are refused where they are not UTF-8, as a file is (utf8.ts): kubectl's
	// reader does not care where the bytes came from.
	const text = decodeUtf8(bytes);
	if (typeof text !== 'string') throw new NotUtf8(text);
	return text;
}

/** Thrown by readStream: where its bytes stop being UTF-8, for a diagnostic at that place. */
class NotUtf8 extends Error {
	constructor(readonly at: BadByte) {
		super(at.message);
	}
}

function readOnce(readStdin: () => string): string | Diagnostic {
	try {
		return readStdin();
	} catch (error) {
		if (error instanceof NotUtf8) return {file: STDIN, severity: 'error', ...error.at};
		return fileError(STDIN, reason(error));
	}
}

/** `readStdin` gives standard input's text for `-` (asked for once), or throws why it could not be read. */
export function readSources(args: string[], readStdin: () => string): {files: SourceFile[]; errors: Diagnostic[]} {
	const files: SourceFile[] = [];
	const errors: Diagnostic[] = [];
	let stdin: string | Diagnostic | null = null;
	// One budget for all the manifests: ten files just under it would hold ten times its memory.
	let left = MAX_INPUT_BYTES;
	const tooMuch = tooLarge('manifests in all');
	const readFile = (path: string): void => {
		try {
			const bytes = readFileWithin(path, left, tooMuch);
			left -= bytes.length;
			const text = decodeUtf8(bytes);
			if (typeof text === 'string') files.push({name: path, text});
			else errors.push({file: path, severity: 'error', ...text});
		} catch (error) {
			errors.push(fileError(path, reason(error)));
		}
	};
	for (const arg of args) {
		if (arg === '-') {
			const first = stdin === null;
			stdin ??= readOnce(readStdin);
			if (typeof stdin !== 'string') errors.push(stdin);
			else if (!first) files.push({name: STDIN, text: stdin});
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
