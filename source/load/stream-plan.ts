// What the first pass over a streamed input (stream-scan.ts) hands the second (stream-parse.ts)
// and the locator (stream-locator.ts): where each document and List item is, a few numbers each.

export interface LineCol {
	line: number;
	col: number;
}

/** A List's items, as parallel arrays (a few MB for 150,000 pods). JSON: [start, end) of the
 *  value; YAML: from its `- ` line to the next item's. Columns are where the text starts (YAML: 1). */
export interface ItemTable {
	starts: number[];
	ends: number[];
	lines: number[];
	cols: number[];
}

export interface StreamDoc {
	/** The document's bytes; YAML: from its `---` line (or the file's start), so at a line start. */
	start: number;
	end: number;
	/** The line of byte `start`. */
	line: number;
	/** What the locator calls the document's start: its first non-blank, past a `---` line. */
	first: LineCol;
	/** Present when the document is a List read item by item: the items, and the rest of the
	 *  document (before the first item, after the last) as two byte ranges with their first lines. */
	list?: {items: ItemTable; head: {start: number; end: number}; tail: {start: number; end: number} & LineCol};
}

export interface StreamPlan {
	json: boolean;
	docs: StreamDoc[];
	/** A control character (parse-documents.ts reports it, the file's only problem). */
	control: {line: number; col: number; message: string} | null;
	/** A JSON text broken between items: the first such place (the file is then not loaded). */
	broken: {line: number; col: number; message: string} | null;
}
