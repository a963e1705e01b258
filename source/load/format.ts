// Printing diagnostics and the skipped-kinds summary.

import {sanitize} from './go-format.js';
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
	const kinds = Object.keys(skipped).filter(kind => skipped[kind]! > 0);
	if (kinds.length === 0) return null;
	kinds.sort((a, b) => skipped[b]! - skipped[a]! || (a < b ? -1 : a > b ? 1 : 0));
	return `skipped: ${kinds.map(kind => `${skipped[kind]} ${sanitize(kind)}`).join(', ')}`;
}
