// `--watch`: the files the TUI opened, applied again when they change on disk (issue 13). Editors
// save by writing in place or by renaming a new file over the old one, so each file's folder is
// watched, not the file; a burst of events (write, then chmod, then rename) settles for DEBOUNCE_MS
// before the file is read, and only a text that differs from the last one counts.

import fs from 'node:fs';
import path from 'node:path';

const DEBOUNCE_MS = 250;

/** Calls `changed(file, previousText)` after each settled change; returns what stops watching. */
export function watchFiles(files: ReadonlyArray<string>, changed: (file: string, previous: string) => void, debounceMs = DEBOUNCE_MS): () => void {
	const last = new Map<string, string>();
	const timers = new Map<string, NodeJS.Timeout>();
	const read = (file: string): string | null => {
		try {
			return fs.readFileSync(file, 'utf8');
		} catch {
			// Between an editor's unlink and its rename the file is briefly not there.
			return null;
		}
	};
	const settle = (file: string) => {
		timers.delete(file);
		const text = read(file);
		const previous = last.get(file);
		if (text === null || previous === undefined || text === previous) return;
		last.set(file, text);
		changed(file, previous);
	};
	const watchers: fs.FSWatcher[] = [];
	const byFolder = new Map<string, string[]>();
	for (const file of files) {
		if (file === '-') continue;
		const text = read(file);
		if (text === null) continue;
		last.set(file, text);
		const folder = path.dirname(path.resolve(file));
		byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
	}
	for (const [folder, inFolder] of byFolder) {
		try {
			const watcher = fs.watch(folder, (_event, name) => {
				for (const file of inFolder) {
					if (name !== null && name !== path.basename(file)) continue;
					clearTimeout(timers.get(file));
					timers.set(
						file,
						setTimeout(() => settle(file), debounceMs),
					);
				}
			});
			watchers.push(watcher);
		} catch {
			// A folder that cannot be watched (gone, no inotify left) leaves its files unwatched.
		}
	}
	return () => {
		for (const watcher of watchers) watcher.close();
		for (const timer of timers.values()) clearTimeout(timer);
	};
}
