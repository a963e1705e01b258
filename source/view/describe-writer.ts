// What every `kubectl describe` shares (kubernetes/kubectl `pkg/describe/describe.go`, release-1.34):
// the PrefixWriter (two spaces per level in front of a tab-separated line), laid out by
// `tabbedString`'s tabwriter; the Labels and Annotations blocks; RFC 1123 times; the Events block.

import type {Labels, State} from '../sim/types.js';
import {describeEvents, type EventTarget} from './describe-events.js';
import {sanitize} from './sanitize.js';
import {DESCRIBE_LAYOUT, tabwrite} from './table.js';
import {apiTimestamp} from './timestamp.js';

/** Annotations longer than this (key + value + 2) print on their own lines, cut to 138. */
const MAX_ANNOTATION_LEN = 140;

/** kubectl hides this one (describe.go skipAnnotations). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface DescribeWriter {
	/** One line: `level` steps of two spaces, then cells that kubectl separates with tabs. Cells are sanitized. */
	write(level: number, ...cells: string[]): void;
	/** printLabelsMultiline: `title:` then `k=v` per line, sorted; `<none>` when empty. */
	labels(title: string, labels: Labels): void;
	/** printAnnotationsMultiline. */
	annotations(title: string, annotations: Labels): void;
	/** The Events block (describe-events.ts describeEvents), whose cells come sanitized and indented. */
	events(state: State, target: EventTarget): void;
	/** The tabwriter's output, without a final newline. */
	text(): string;
}

export function describeWriter(): DescribeWriter {
	const lines: string[][] = [];
	const push = (cells: string[]): void => {
		lines.push(cells);
	};
	return {
		write(level, ...cells) {
			const [first = '', ...rest] = cells.map(sanitize);
			push([`${'  '.repeat(level)}${first}`, ...rest]);
		},
		labels(title, labels) {
			for (const [i, text] of labelLines(labels).entries()) push([i === 0 ? `${title}:` : '', sanitize(text)]);
		},
		annotations(title, annotations) {
			for (const [i, text] of annotationLines(annotations).entries()) push([i === 0 ? `${title}:` : '', sanitize(text)]);
		},
		events(state, target) {
			lines.push(...describeEvents(state, target));
		},
		text: () => tabwrite(lines, DESCRIBE_LAYOUT),
	};
}

export function labelLines(labels: Labels): string[] {
	const keys = Object.keys(labels).sort();
	return keys.length === 0 ? ['<none>'] : keys.map(key => `${key}=${labels[key]}`);
}

/** describe.go printAnnotationsMultiline: `key: value`, long or multi-line values below the key. */
export function annotationLines(annotations: Labels): string[] {
	const entries = Object.entries(annotations)
		.filter(([key]) => key !== LAST_APPLIED)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	if (entries.length === 0) return ['<none>'];
	const out: string[] = [];
	for (const [key, text] of entries) {
		const value = text.replace(/\n$/, '');
		if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
			out.push(`${key}:`);
			// The value's own newlines become layout here; each line is still sanitized.
			for (const part of value.split('\n')) out.push(`  ${shorten(part, MAX_ANNOTATION_LEN - 2)}`);
		} else {
			out.push(`${key}: ${value}`);
		}
	}
	return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) of a virtual time, in UTC as the API stores it. */
export function rfc1123z(ms: number): string {
	const date = new Date(apiTimestamp(ms));
	const two = (n: number): string => String(n).padStart(2, '0');
	const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
	return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time} +0000`;
}

/** An unset metav1.Time as Go formats it: the zero time. */
export const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

// Go's len() and slicing count bytes.
function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

function shorten(text: string, max: number): string {
	const bytes = new TextEncoder().encode(text);
	return bytes.length > max ? `${new TextDecoder().decode(bytes.subarray(0, max))}...` : text;
}
