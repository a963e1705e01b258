// The first of a streamed input's two passes (stream-parse.ts is the second): its bytes read in
// chunks, checked as a whole text would be (UTF-8, utf8.ts; control characters, parse-documents.ts),
// and cut by structure without parsing: a kubectl List's items (`kubectl get … -o json` writes
// {"apiVersion":"v1","items":[…],"kind":"List",…}, with `kind` after the items, so a List is known
// only once its end is read; `-o yaml` writes `items:` and each item as `- ` at column 0) and the
// documents of a `---` stream. It keeps a few numbers an item: where its bytes are and where its
// text starts (line, column), for parsing it later and for the locator. What the cut cannot
// stand for (anchors, document markers, a JSON text that is no object with `items`, …) sends the
// file to the whole-text path (parse-documents.ts), which reads any text the way kubectl does.

import {MAY_HAVE_ALIASES, MAY_HAVE_ODD_KEYS} from './fast-parse.js';
import {controlCharacter} from './parse-documents.js';
import type {ItemTable, LineCol, StreamDoc, StreamPlan} from './stream-plan.js';
import {type BadByte, decodeUtf8} from './utf8.js';

export type ScanResult = {plan: StreamPlan} | {badByte: BadByte} | {whole: string};

const MAX_LINE = 16 << 20;

const isBlank = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** `nextNewline` not looked for yet. */
const UNKNOWN = -2;

/** Offsets in a piece of text → bytes in the file and lines/columns, cursors moving forward. */
class Piece {
	private byteAt = 0;
	private byteIndex = 0;
	private lineAt = 0;
	/** The first newline at or after `lineAt`, -1 for none, UNKNOWN before it is looked for. */
	private nextNewline = UNKNOWN;
	private line: number;
	private lineStart: number;
	constructor(
		readonly text: string,
		private readonly byteBase: number,
		private readonly ascii: boolean,
		private readonly firstLine: number,
		/** Columns before the piece on its first line. */
		private readonly colBase: number,
	) {
		this.line = firstLine;
		this.lineStart = -colBase;
	}

	byteOf(index: number): number {
		if (this.ascii) return this.byteBase + index;
		if (index < this.byteIndex) {
			this.byteIndex = 0;
			this.byteAt = 0;
		}
		this.byteAt += Buffer.byteLength(this.text.slice(this.byteIndex, index), 'utf8');
		this.byteIndex = index;
		return this.byteBase + this.byteAt;
	}

	posOf(index: number): LineCol {
		if (index < this.lineAt) {
			this.lineAt = 0;
			this.line = this.firstLine;
			this.lineStart = -this.colBase;
			this.nextNewline = UNKNOWN;
		}
		// The next newline is looked for once, not on every call: in a one-line JSON text each
		// item's position would otherwise scan the rest of the piece again (quadratic: 130,000
		// items on one line took 20 s).
		if (this.nextNewline === UNKNOWN) this.nextNewline = this.text.indexOf('\n', this.lineAt);
		while (this.nextNewline !== -1 && this.nextNewline < index) {
			this.line++;
			this.lineStart = this.nextNewline + 1;
			this.nextNewline = this.text.indexOf('\n', this.lineStart);
		}
		this.lineAt = index;
		return {line: this.line, col: index - this.lineStart + 1};
	}

	/** Where the piece's end is: the next piece starts there. */
	end(): LineCol {
		return this.posOf(this.text.length);
	}
}

const newTable = (): ItemTable => ({starts: [], ends: [], lines: [], cols: []});

// --- JSON: one top-level object whose `items` array is cut at its commas.

class JsonScan {
	private depth = 0;
	private readonly stack: number[] = [];
	private inString = false;
	private escape = false;
	/** The string at depth 1 being read (its start in the piece), for the key `items`. */
	private stringStart = -1;
	private lastString: string | null = null;
	private key: string | null = null;
	private afterColon = false;
	private inItems = false;
	private itemsSeen = false;
	private expectItem = false;
	private itemOpen = false;
	private lastEnd = -1;
	private lastEndByte = -1;
	private done = false;
	private rootStart: LineCol & {byte: number} = {byte: 0, line: 1, col: 1};
	private itemsOpen = -1;
	private itemsClose: (LineCol & {byte: number}) | null = null;
	private rootEnd = -1;
	readonly items = newTable();
	broken: {line: number; col: number; message: string} | null = null;
	whole: string | null = null;

	private fail(piece: Piece, at: number, message: string): void {
		this.broken ??= {...piece.posOf(at), message: `invalid JSON: ${message}`};
	}

	private endItem(piece: Piece): void {
		this.items.ends.push(this.lastEnd >= 0 ? piece.byteOf(this.lastEnd + 1) : this.lastEndByte);
		this.itemOpen = false;
	}

	scan(piece: Piece): void {
		const text = piece.text;
		const n = text.length;
		const stop = /["\\]/g;
		for (let i = 0; i < n && this.broken === null && this.whole === null; i++) {
			if (this.inString) {
				if (this.escape) {
					this.escape = false;
					continue;
				}
				stop.lastIndex = i;
				const found = stop.exec(text);
				if (found === null) {
					if (this.stringStart >= 0) this.stringStart = -2;
					break;
				}
				const j = found.index;
				if (text.charCodeAt(j) === 92) {
					if (j + 1 < n) i = j + 1;
					else {
						this.escape = true;
						i = j;
					}
					continue;
				}
				this.inString = false;
				if (this.stringStart !== -1) this.lastString = this.stringStart >= 0 ? text.slice(this.stringStart + 1, j) : null;
				if (this.inItems) this.lastEnd = j;
				i = j;
				continue;
			}
			const c = text.charCodeAt(i);
			if (isBlank(c)) continue;
			if (this.done) {
				this.fail(piece, i, 'text after the top-level object');
				break;
			}
			const afterColon = this.afterColon;
			this.afterColon = false;
			if (this.inItems && this.depth === 2 && (c === 44 || c === 93)) {
				// The items array's own comma or bracket.
				if (!this.itemOpen) {
					if (c === 44 || !this.expectItem || this.items.starts.length > 0) {
						this.fail(piece, i, c === 44 ? 'unexpected ","' : 'unexpected "]" after ","');
						break;
					}
				} else this.endItem(piece);
				if (c === 44) {
					this.expectItem = true;
					continue;
				}
			} else if (this.inItems) {
				if (this.depth === 2 && this.expectItem) {
					const at = piece.posOf(i);
					this.items.starts.push(piece.byteOf(i));
					this.items.lines.push(at.line);
					this.items.cols.push(at.col);
					this.expectItem = false;
					this.itemOpen = true;
				} else if (this.depth === 2) {
					// A second value without a comma: what JSON.parse of the item will refuse.
				}
				this.lastEnd = i;
			}
			switch (c) {
				case 34:
					this.inString = true;
					this.stringStart = this.depth === 1 ? i : -1;
					break;
				case 123:
				case 91:
					if (this.depth === 0) {
						if (c !== 123) {
							this.whole = 'its JSON is not an object';
							break;
						}
						this.rootStart = {byte: piece.byteOf(i), ...piece.posOf(i)};
					}
					if (this.depth === 1 && c === 91 && afterColon && this.key === 'items') {
						if (this.itemsSeen) {
							this.whole = 'it has two `items`';
							break;
						}
						this.inItems = true;
						this.itemsSeen = true;
						this.itemsOpen = piece.byteOf(i + 1);
						this.expectItem = true;
					}
					this.stack.push(c);
					this.depth++;
					break;
				case 125:
				case 93: {
					const open = this.stack.pop();
					if (open === undefined || open !== c - 2) {
						this.fail(piece, i, `unexpected "${String.fromCharCode(c)}"`);
						break;
					}
					if (this.inItems && this.depth === 2) {
						this.inItems = false;
						this.itemsClose = {byte: piece.byteOf(i), ...piece.posOf(i)};
					}
					this.depth--;
					if (this.depth === 0) {
						this.done = true;
						this.rootEnd = piece.byteOf(i + 1);
					}
					break;
				}
				case 58:
					if (this.depth === 1) {
						this.key = this.lastString;
						this.afterColon = true;
					}
					break;
			}
		}
		if (this.lastEnd >= 0) this.lastEndByte = piece.byteOf(this.lastEnd + 1);
		this.lastEnd = -1;
		if (this.stringStart >= 0) this.stringStart = -2;
	}

	finish(at: LineCol): StreamDoc | null {
		if (this.whole !== null || this.broken !== null) return null;
		if (!this.done) {
			this.broken = {...at, message: 'invalid JSON: the file ends inside the top-level object'};
			return null;
		}
		if (!this.itemsSeen || this.itemsClose === null) {
			this.whole = 'its JSON object has no `items` array';
			return null;
		}
		const {byte, line, col} = this.itemsClose;
		return {
			start: this.rootStart.byte,
			end: this.rootEnd,
			line: this.rootStart.line,
			first: {line: this.rootStart.line, col: this.rootStart.col},
			list: {items: this.items, head: {start: this.rootStart.byte, end: this.itemsOpen}, tail: {start: byte, end: this.rootEnd, line, col}},
		};
	}
}

// --- YAML: `---` documents, and in each the entries of a column-0 `items:` sequence.

const ITEMS_KEY = /^items:[ \t]*(?:#.*)?\r?$/;

interface OpenDoc {
	start: number;
	line: number;
	first: LineCol | null;
	/** Its first non-blank was a `---` line, skipped. */
	skipped: boolean;
	state: 'none' | 'await' | 'in' | 'after';
	items: ItemTable;
	regionEnd: (LineCol & {byte: number}) | null;
}

class YamlScan {
	readonly docs: StreamDoc[] = [];
	private cur: OpenDoc = YamlScan.open(0, 1);
	private sawMarker = false;
	whole: string | null = null;

	private static open(start: number, line: number): OpenDoc {
		return {start, line, first: null, skipped: false, state: 'none', items: newTable(), regionEnd: null};
	}

	private close(end: number, at: LineCol): void {
		const doc = this.cur;
		const {starts, ends} = doc.items;
		if (doc.state === 'in') doc.regionEnd = {byte: end, ...at};
		for (let k = 1; k < starts.length; k++) ends.push(starts[k] as number);
		const streamed: StreamDoc = {start: doc.start, end, line: doc.line, first: doc.first ?? {line: 1, col: 1}};
		if (starts.length > 0 && doc.regionEnd) {
			ends.push(doc.regionEnd.byte);
			const {byte, line, col} = doc.regionEnd;
			streamed.list = {items: doc.items, head: {start: doc.start, end: starts[0] as number}, tail: {start: byte, end, line, col}};
		}
		this.docs.push(streamed);
	}

	scan(piece: Piece): void {
		const text = piece.text;
		if (MAY_HAVE_ALIASES.test(text) || MAY_HAVE_ODD_KEYS.test(text)) {
			this.whole = 'it may hold anchors, merge keys or keys JSON has no words for';
			return;
		}
		const n = text.length;
		for (let ls = 0; ls < n; ) {
			let le = text.indexOf('\n', ls);
			if (le === -1) le = n;
			const c = text.charCodeAt(ls);
			if (c === 45 && text.startsWith('---', ls) && (ls + 3 === le || /\s/.test(text.charAt(ls + 3)))) {
				const at = piece.posOf(ls);
				const byte = piece.byteOf(ls);
				// A marker with only blanks before it opens the first document (fast-parse.ts yamlDocuments).
				if (this.sawMarker || this.cur.first !== null || this.cur.skipped) {
					this.close(byte, at);
					this.cur = YamlScan.open(byte, at.line);
				} else {
					this.cur.start = byte;
					this.cur.line = at.line;
				}
				this.sawMarker = true;
			} else if (ls < le && !isBlank(c) && c !== 35) {
				const doc = this.cur;
				const entry = c === 45 && (ls + 1 === le || isBlank(text.charCodeAt(ls + 1)));
				if (entry && (doc.state === 'await' || doc.state === 'in')) {
					const at = piece.posOf(ls);
					doc.items.starts.push(piece.byteOf(ls));
					doc.items.lines.push(at.line);
					doc.items.cols.push(1);
					doc.state = 'in';
				} else if (entry && doc.state === 'after') {
					this.whole = 'its `items` are not written together';
					return;
				} else if (!entry) {
					if (doc.state === 'in') {
						doc.regionEnd = {byte: piece.byteOf(ls), ...piece.posOf(ls)};
						doc.state = 'after';
					}
					if (ITEMS_KEY.test(text.slice(ls, le))) {
						if (doc.state !== 'none') {
							this.whole = 'it has two `items`';
							return;
						}
						doc.state = 'await';
					} else if (doc.state === 'await') doc.state = 'after';
				}
			}
			if (this.cur.first === null) {
				// The locator's document start (locator.ts slicedLocator): past blanks, and past one
				// `---` line.
				let k = ls;
				while (k < le && /\s/.test(text.charAt(k))) k++;
				if (k < le) {
					if (!this.cur.skipped && text.startsWith('---', k)) this.cur.skipped = true;
					else this.cur.first = piece.posOf(k);
				}
			}
			ls = le + 1;
		}
	}

	finish(end: number, at: LineCol): void {
		this.close(end, at);
	}
}

/**
 * Pass one over a stream of chunks: push each as it is read (false: stop reading, the answer is
 * known), then end(). `size` is unknown for a pipe; only the total read so far matters.
 */
export class StreamScanner {
	private carry: Buffer[] = [];
	private carryLength = 0;
	private byteBase = 0;
	private line = 1;
	private colBase = 0;
	private started = false;
	private bom = false;
	private json: JsonScan | null = null;
	private yaml: YamlScan | null = null;
	private control: StreamPlan['control'] = null;
	private badByte: BadByte | null = null;
	private whole: string | null = null;

	push(chunk: Buffer): boolean {
		if (this.control !== null || this.badByte !== null) return false;
		// A chunk without a line break waits for one (kept in parts: a pipe gives 64 KiB at a
		// time, and joining at each would copy a long line over and over).
		if (chunk.lastIndexOf(0x0a) === -1 && this.carryLength + chunk.length < MAX_LINE) {
			this.carry.push(Buffer.from(chunk));
			this.carryLength += chunk.length;
			return true;
		}
		let data = this.carry.length > 0 ? Buffer.concat([...this.carry, chunk]) : chunk;
		this.carry = [];
		this.carryLength = 0;
		if (!this.started) {
			this.started = true;
			if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
				this.bom = true;
				this.byteBase = 3;
				data = data.subarray(3);
			}
		}
		// Pieces end at a line break: a line, a character and a marker are never split (a line
		// longer than MAX_LINE is, at a character's start).
		let cut = data.lastIndexOf(0x0a) + 1;
		if (cut === 0) {
			cut = data.length;
			for (let k = data.length - 1; k >= Math.max(0, data.length - 3); k--) {
				if (((data[k] as number) & 0xc0) !== 0x80) {
					cut = k;
					break;
				}
			}
			if (cut === 0) cut = data.length;
		}
		if (cut < data.length) {
			this.carry = [Buffer.from(data.subarray(cut))];
			this.carryLength = data.length - cut;
		}
		return this.piece(data.subarray(0, cut));
	}

	private piece(bytes: Buffer): boolean {
		const decoded = decodeUtf8(bytes);
		if (typeof decoded !== 'string') {
			// Counted as read-sources.ts counts it: in the raw text, a byte-order mark included.
			const at = this.place(decoded);
			this.badByte = {...at, col: at.col + (this.bom && at.line === 1 ? 1 : 0), message: decoded.message};
			return false;
		}
		const control = controlCharacter(decoded);
		if (control) {
			this.control = {...this.place(control), message: control.message};
			return false;
		}
		if (/^(?:\.\.\.|%)/m.test(decoded)) this.whole ??= 'it has `...` or `%` lines (document-markers.ts)';
		const piece = new Piece(decoded, this.byteBase, decoded.length === bytes.length, this.line, this.colBase);
		if (this.whole === null) {
			if (this.json === null && this.yaml === null) {
				const first = /\S/.exec(decoded);
				if (first !== null) {
					const c = decoded.charCodeAt(first.index);
					// As fast-parse.ts looksLikeJson, but only JSON's own blanks before the object.
					const blanks = /^[ \t\r\n]*$/.test(decoded.slice(0, first.index));
					if (c === 123 && blanks) this.json = new JsonScan();
					else if (c === 123 || c === 91) this.whole = 'it is not a JSON object';
					else this.yaml = new YamlScan();
				}
			}
			if (this.json) {
				this.json.scan(piece);
				this.whole = this.json.whole;
			} else if (this.yaml) {
				this.yaml.scan(piece);
				this.whole = this.yaml.whole;
			}
		}
		const end = piece.end();
		this.line = end.line;
		this.colBase = end.col - 1;
		this.byteBase += bytes.length;
		return true;
	}

	/** A piece's position (line 1 = the piece's first line) in the file. */
	private place(at: LineCol): LineCol {
		return at.line === 1 ? {line: this.line, col: at.col + this.colBase} : {line: this.line + at.line - 1, col: at.col};
	}

	end(): ScanResult {
		if (this.badByte === null && this.control === null && this.carryLength > 0) {
			let rest = Buffer.concat(this.carry);
			this.carry = [];
			this.carryLength = 0;
			if (!this.started && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) {
				this.bom = true;
				this.byteBase = 3;
				rest = rest.subarray(3);
			}
			this.started = true;
			this.piece(rest);
		}
		if (this.badByte) return {badByte: this.badByte};
		const at = {line: this.line, col: this.colBase + 1};
		if (this.control) return {plan: {json: false, docs: [], control: this.control, broken: null}};
		if (this.whole !== null) return {whole: this.whole};
		if (this.json) {
			const doc = this.json.finish(at);
			if (this.json.whole !== null) return {whole: this.json.whole};
			return {plan: {json: true, docs: doc ? [doc] : [], control: null, broken: this.json.broken}};
		}
		const yaml = this.yaml ?? new YamlScan();
		yaml.finish(this.byteBase, at);
		return {plan: {json: false, docs: yaml.docs, control: null, broken: null}};
	}
}
