// The learner's tour a sample carries: the comment block a file opens with, when it holds a
// `Try:` line (samples/*.yaml: what the file sets up, then commands to type and what to watch).
// Shown in the TUI when it opens, and under `?`. File text is untrusted: every line is sanitized.

import {sanitize} from '../sanitize.js';

const TRY = /^#\s*Try:/;

/** The opening comment lines of one file, without their `# `; empty when none says `Try:`. */
function fileTour(text: string): string[] {
	const lines: string[] = [];
	for (const raw of text.split(/\r?\n/)) {
		if (!raw.startsWith('#')) break;
		lines.push(raw);
	}
	if (!lines.some(l => TRY.test(l))) return [];
	return lines.map(l => sanitize(l.replace(/^# ?/, '').trimEnd()));
}

/**
 * The tours of the files that have one, in the order given. With more than one, each is headed by
 * its file's name.
 */
export function tourText(files: ReadonlyArray<{name: string; text: string}>): string[] {
	const tours = files.map(f => ({name: f.name, lines: fileTour(f.text)})).filter(t => t.lines.length > 0);
	if (tours.length === 1) return tours[0]?.lines ?? [];
	return tours.flatMap(t => [`${sanitize(t.name)}:`, ...t.lines.map(l => `  ${l}`)]);
}
