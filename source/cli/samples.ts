// The samples the package ships (samples/*.yaml): what `k8s-svc-tui` opens with no file (the seed's
// hello example), what `--sample NAME` finds, and what `k8s-svc-tui samples` lists. Each sample
// opens with a comment block: what it sets up, then `Try:` and commands to type (the TUI shows the
// whole block as its tour, view/tui/try-text.ts); the list shows the first of those commands.

import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {sanitize} from '../view/sanitize.js';

/** The seed example, opened when no file is given. */
export const DEFAULT_SAMPLE = 'hello';

const SAMPLE_FILE = /^(.+)\.yaml$/;

/** Sample names (file names without `.yaml`), sorted; empty when the folder cannot be read. */
export function sampleNames(dir: string): string[] {
	try {
		return readdirSync(dir)
			.flatMap(name => SAMPLE_FILE.exec(name)?.[1] ?? [])
			.sort();
	} catch {
		return [];
	}
}

/** The sample's file, or why there is none: the message lists the names there are. */
export function samplePath(dir: string, name: string): {ok: true; path: string} | {ok: false; message: string} {
	const names = sampleNames(dir);
	if (names.includes(name)) return {ok: true, path: join(dir, `${name}.yaml`)};
	return {ok: false, message: `unknown sample "${name}": the samples are ${names.join(', ')} (k8s-svc-tui samples lists them)`};
}

/** The first command under `Try:`, with its comment after two spaces (the columns of the
 *  sample's own block would make the list ragged). */
export function firstTry(text: string): string {
	const header: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.startsWith('#')) break;
		header.push(line.replace(/^#\s?/, ''));
	}
	const at = header.findIndex(line => /^\s*Try:/.test(line));
	if (at < 0) return '';
	const inline = header[at]?.replace(/^\s*Try:/, '').trim() ?? '';
	const line = inline || header.slice(at + 1).find(l => l.trim() !== '') || '';
	const hash = line.indexOf(' #');
	const [command, comment] = hash < 0 ? [line, ''] : [line.slice(0, hash), line.slice(hash + 2)];
	const words = (s: string) => s.trim().split(/\s+/).join(' ');
	return sanitize(comment.trim() ? `${words(command)}  # ${words(comment)}` : words(command));
}

/** `k8s-svc-tui samples`: a NAME and TRY table, as kubectl aligns its columns (three spaces apart). */
export function samplesTable(dir: string): string[] {
	const rows = sampleNames(dir).map(name => {
		let text = '';
		try {
			text = readFileSync(join(dir, `${name}.yaml`), 'utf8');
		} catch {
			// Listed but unreadable: the row says nothing to try rather than failing the list.
		}
		return [name === DEFAULT_SAMPLE ? `${name} (default)` : name, firstTry(text)] as const;
	});
	const width = Math.max(4, ...rows.map(([name]) => name.length));
	return [`${'NAME'.padEnd(width)}   TRY`, ...rows.map(([name, tryLine]) => `${name.padEnd(width)}   ${tryLine}`.trimEnd())];
}
