// YAML/JSON text → plain JS values, one per document, plus syntax problems with their
// positions. Positions of fields are found separately and lazily (yaml-positions.ts).

import {fastParse} from './fast-parse.js';
import {yamlLocator, type Locator} from './locator.js';
import {firstAliasPosition, indexYaml, normalizeText, offsetToLineCol, type LineCol} from './yaml-positions.js';

/** Aliases beyond this count in one document are a "billion laughs" bomb, not a manifest. */
export const maxAliasCount = 100;

export interface ParsedDocument {
	/** Index among the file's documents (as yaml-positions.ts counts them). */
	index: number;
	/** The document as plain data; null for an empty document. */
	value: unknown;
}

export interface SyntaxProblem extends LineCol {
	/** The document it was found in. */
	document: number;
	message: string;
}

export interface ParsedFile {
	documents: ParsedDocument[];
	problems: SyntaxProblem[];
	/** Positions: from the yaml parse this module made anyway, or sliced for big files. */
	locator: Locator;
}

function firstLine(message: string): string {
	const line = message.split('\n')[0]!.trim();
	return line === '' ? 'invalid YAML' : line;
}

export function parseDocuments(text: string): ParsedFile {
	const fast = fastParse(normalizeText(text));
	if (fast) return fast;
	const yaml = indexYaml(text);
	const documents: ParsedDocument[] = [];
	const problems: SyntaxProblem[] = [];
	yaml.documents.forEach((doc, index) => {
		if (doc.errors.length > 0) {
			// kubectl stops at a document it cannot parse; report each problem yaml found in it.
			for (const error of doc.errors) {
				problems.push({...offsetToLineCol(yaml, error.pos[0]), document: index, message: firstLine(error.message)});
			}
			return;
		}
		try {
			documents.push({index, value: doc.toJS({maxAliasCount})});
		} catch (error) {
			const message = firstLine(error instanceof Error ? error.message : String(error));
			const unresolved = message.startsWith('Unresolved alias');
			const at = firstAliasPosition(yaml, index, unresolved) ?? offsetToLineCol(yaml, doc.range[0]);
			problems.push({...at, document: index, message});
		}
	});
	return {documents, problems, locator: yamlLocator(yaml)};
}
