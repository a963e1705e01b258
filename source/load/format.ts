// Printing diagnostics and the skipped-kinds summary.

import {cutWords, sanitize} from './go-format.js';
import type {Diagnostic} from './types.js';

/** `FILE:LINE:COL: message`, `FILE:LINE:COL: warning: message`; line 0 is `FILE: message`. */
export function formatDiagnostic(d: Diagnostic): string {
	const message = (d.severity === 'warning' ? 'warning: ' : '') + sanitize(d.message);
	const file = sanitize(d.file);
	if (file === '') return message;
	if (d.line === 0) return `${file}: ${message}`;
	return `${file}:${d.line}:${d.col}: ${message}`;
}

/** `skipped: 11 ServiceAccount, 1 ConfigMap` (count descending, then kind), or null. */
export function formatSkipped(skipped: Record<string, number>): string | null {
	const counts = Object.entries(skipped).filter(([, count]) => count > 0);
	if (counts.length === 0) return null;
	counts.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
	return `skipped: ${counts.map(([kind, count]) => `${count} ${sanitize(cutWords(kind))}`).join(', ')}`;
}
