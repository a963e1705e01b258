// Reading with a byte budget (README "Limits"). Node reads a file or a stream to its end before
// anyone can look at it: /dev/zero or /dev/urandom never ends, and a 600 MB file ends only in
// V8's own `Cannot create a string longer than 0x1fffffe8 characters` (docs/conventions.md) after
// holding it all. A regular file's size is checked before a byte is read; anything else is counted
// while it is read and refused at the first byte past the budget, so the refusal costs at most the
// budget's memory and the time to read it.

import {closeSync, fstatSync, openSync, readSync} from 'node:fs';

/**
 * The most bytes of manifests one run reads, all files together. It holds a `kubectl get … -A -o
 * json` dump at Kubernetes' limits (150,000 pods, 10,000 Services): 1.4 GB without managedFields,
 * 2.6 GB with them in kubectl's four-space JSON (bench/generate-dump.ts), about half that as YAML.
 * A big file is streamed (stream-scan.ts, stream-parse.ts), never held as one string, so only the
 * simulation it builds stays in memory. Was 128 MiB while files were read into one string.
 */
export const MAX_INPUT_BYTES = 4096 * 1024 * 1024;

/**
 * The most of what is read into one string: a script, and manifests that only the whole-text path
 * reads (a small file, or anything standard input gives that is no List or document stream). A
 * text this big takes a few seconds and a few hundred MB to parse, and its string is a quarter of
 * the longest V8 can build (half of it when the text holds a non-Latin-1 character).
 */
export const MAX_TEXT_BYTES = 128 * 1024 * 1024;

const mib = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

/** The reason a read past the budget gives; `what` the budget is for. */
export const tooLarge = (what: 'manifests in all' | 'a script'): string =>
	`file too large: k8s-svc-tui reads at most ${mib(what === 'a script' ? MAX_TEXT_BYTES : MAX_INPUT_BYTES)} of ${what}`;

/** An error carrying the system's code for it (EFBIG, strerror's "File too large"). */
export function fileTooLarge(message: string): NodeJS.ErrnoException {
	return Object.assign(new Error(message), {code: 'EFBIG'});
}

/** Reads are this big, except a regular file's, read at once. */
const CHUNK = 1 << 20;

/**
 * A file's bytes, or an EFBIG error (with `message`) as soon as it holds more than `limit`; a
 * folder throws EISDIR, as readFileSync does. Character devices and pipes are read in chunks.
 */
export function readFileWithin(path: string, limit: number, message: string): Buffer {
	const fd = openSync(path, 'r');
	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
		if (stat.isFile() && stat.size > limit) throw fileTooLarge(message);
		const chunks: Buffer[] = [];
		let total = 0;
		// One byte more than the budget shows a file that grew, or a stream that goes on.
		let size = stat.isFile() && stat.size > 0 ? stat.size + 1 : CHUNK;
		for (;;) {
			const chunk = Buffer.allocUnsafe(Math.min(size, limit + 1 - total));
			const read = readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) break;
			total += read;
			if (total > limit) throw fileTooLarge(message);
			chunks.push(chunk.subarray(0, read));
			size = CHUNK;
		}
		return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
	} finally {
		closeSync(fd);
	}
}

/** A stream's bytes to its end, or an EFBIG error past `limit` (the stream is then left unread). */
export async function readStreamWithin(stream: AsyncIterable<string | Uint8Array>, limit: number, message: string): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
		total += bytes.length;
		// Leaving the loop ends the iteration, which destroys the stream: nothing more is read.
		if (total > limit) throw fileTooLarge(message);
		chunks.push(bytes);
	}
	return Buffer.concat(chunks, total);
}
