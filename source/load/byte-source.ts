// Where a streamed input's bytes are, for reading a range of them again: a regular file is
// re-read from disk (only the slices being parsed or located are in memory at once), a pipe's
// bytes are kept as the Buffers they arrived in (stream-scan.ts reads both the same way).

import {closeSync, openSync, readSync} from 'node:fs';

export interface ByteSource {
	readonly size: number;
	/** bytes [start, end), copied out (the caller may keep them). */
	read(start: number, end: number): Buffer;
}

/** A regular file of `size` bytes, opened for each read: a few hundred reads for a whole dump. */
export function fileBytes(path: string, size: number): ByteSource {
	return {
		size,
		read(start, end) {
			const out = Buffer.allocUnsafe(Math.max(0, end - start));
			const fd = openSync(path, 'r');
			try {
				let done = 0;
				while (done < out.length) {
					const n = readSync(fd, out, done, out.length - done, start + done);
					// A file cut short since it was scanned: what is left is blank, which cannot parse.
					if (n === 0) return out.fill(0x20, done);
					done += n;
				}
				return out;
			} finally {
				closeSync(fd);
			}
		},
	};
}

/** Bytes held in memory, in the chunks a stream gave. */
export function heldBytes(chunks: Buffer[]): ByteSource {
	const starts: number[] = [];
	let size = 0;
	for (const chunk of chunks) {
		starts.push(size);
		size += chunk.length;
	}
	return {
		size,
		read(start, end) {
			const out = Buffer.allocUnsafe(Math.max(0, end - start));
			// The last chunk starting at or before `start`, then forward.
			let lo = 0;
			let hi = starts.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >>> 1;
				if ((starts[mid] as number) <= start) lo = mid;
				else hi = mid - 1;
			}
			let done = 0;
			for (let k = lo; k < chunks.length && done < out.length; k++) {
				const chunk = chunks[k] as Buffer;
				const from = Math.max(0, start + done - (starts[k] as number));
				done += chunk.copy(out, done, from, Math.min(chunk.length, from + out.length - done));
			}
			return out;
		},
	};
}

/** Reads bytes in order through a window, so that consecutive slices cost one read between them. */
export class WindowReader {
	private window: Buffer = Buffer.alloc(0);
	private windowStart = 0;
	constructor(
		private readonly source: ByteSource,
		private readonly size = 16 << 20,
	) {}

	/** The text of bytes [start, end) (validated UTF-8 by the scan, so decoded without checks). */
	text(start: number, end: number): string {
		if (start < this.windowStart || end > this.windowStart + this.window.length) {
			this.windowStart = start;
			this.window = this.source.read(start, Math.min(this.source.size, Math.max(end, start + this.size)));
		}
		return this.window.toString('utf8', start - this.windowStart, end - this.windowStart);
	}
}
