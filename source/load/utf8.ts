// A file's bytes as text, refused where they are not UTF-8. Node's decoder would put U+FFFD in
// place of a bad byte and the file would load as if nothing were wrong; kubectl's YAML reader
// (go-yaml's readerc.go, yaml_parser_update_buffer) stops there, with one of these reasons, or
// at a control character if one comes first (parse-documents.ts reports those).

import {LineStarts} from './locator.js';
import {controlCharacter} from './parse-documents.js';

export interface BadByte {
	line: number;
	col: number;
	message: string;
}

const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** go-yaml's reason for the sequence at `at`, or null when it is well formed. */
function badSequence(bytes: Uint8Array, at: number): {offset: number; message: string} | null {
	const octet = bytes[at] as number;
	const width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
	if (width === 0) return {offset: at, message: 'invalid leading UTF-8 octet'};
	if (at + width > bytes.length) return {offset: at, message: 'incomplete UTF-8 octet sequence'};
	let value = width === 1 ? octet & 0x7f : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07;
	for (let k = 1; k < width; k++) {
		const next = bytes[at + k] as number;
		if ((next & 0xc0) !== 0x80) return {offset: at + k, message: 'invalid trailing UTF-8 octet'};
		value = (value << 6) + (next & 0x3f);
	}
	const shortest = width === 1 || (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000);
	if (!shortest) return {offset: at, message: 'invalid length of a UTF-8 sequence'};
	if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return {offset: at, message: 'invalid Unicode character'};
	return null;
}

function sequenceLength(octet: number): number {
	return (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : 4;
}

/** The text, or where and why it is not UTF-8 (line and column counted in the text before it). */
export function decodeUtf8(bytes: Uint8Array): string | BadByte {
	try {
		// The native decoder decides for the whole file; only a bad file is walked byte by byte.
		return strict.decode(bytes);
	} catch {
		for (let at = 0; at < bytes.length; at += sequenceLength(bytes[at] as number)) {
			const bad = badSequence(bytes, at);
			if (bad === null) continue;
			const before = Buffer.from(bytes.buffer, bytes.byteOffset, bad.offset).toString('utf8');
			// go-yaml reads in order: a control character before the bad byte is what it reports.
			if (controlCharacter(before)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
			const lines = new LineStarts(before);
			return {line: lines.lineOf(before.length), col: lines.columnOf(before.length), message: bad.message};
		}
		return {line: 1, col: 1, message: 'invalid UTF-8'};
	}
}
