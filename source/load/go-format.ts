// How the API server prints values inside field errors (docs/semantics.md error format F2): strings
// with Go's %q (source/apimachinery/quote.ts), numbers bare, structs and maps in Go %#v
// syntax. Go's %q also escapes every control and format character, which keeps untrusted text
// from reaching a terminal raw.

import {goQuote} from '../apimachinery/quote.js';

export {cutWords, escapeUnprintable as sanitize, goQuote} from '../apimachinery/quote.js';

/** A value as `Invalid value: <value>` prints it: strings quoted, numbers and booleans bare. */
export function goValue(value: unknown): string {
	if (typeof value === 'string') return goQuote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[]interface {}{${value.map(goValue).join(', ')}}`;
	if (typeof value === 'object') {
		const entries = Object.keys(value)
			.sort()
			.map(k => `${goQuote(k)}:${goValue((value as Record<string, unknown>)[k])}`);
		return `map[string]interface {}{${entries.join(', ')}}`;
	}
	return goQuote(String(value));
}

/** goValue, or null as soon as the text would pass `limit` characters: a big or deeply nested
 *  value is never rendered whole (nor recursed into past the limit). */
export function goValueWithin(value: unknown, limit: number): string | null {
	let used = 0;
	const add = (text: string): boolean => {
		used += text.length;
		return used <= limit;
	};
	const render = (v: unknown): string | null => {
		if (v === null || typeof v !== 'object') {
			const text = goValue(v);
			return add(text) ? text : null;
		}
		const open = Array.isArray(v) ? '[]interface {}{' : 'map[string]interface {}{';
		if (!add(open)) return null;
		const parts: string[] = [];
		if (Array.isArray(v)) {
			for (const item of v) {
				const text = render(item);
				if (text === null || !add(', ')) return null;
				parts.push(text);
			}
		} else {
			for (const k of Object.keys(v).sort()) {
				const key = goQuote(k);
				if (!add(`${key}:`)) return null;
				const text = render((v as Record<string, unknown>)[k]);
				if (text === null || !add(', ')) return null;
				parts.push(`${key}:${text}`);
			}
		}
		return add('}') ? `${open}${parts.join(', ')}}` : null;
	};
	return render(value);
}

/** Go %#v of a map[string]string (keys sorted, as fmt prints maps); nil prints as `(nil)`. */
export function goStringMap(map: Readonly<Record<string, string>> | null): string {
	if (map === null) return 'map[string]string(nil)';
	const entries = Object.entries(map)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, v]) => `${goQuote(k)}:${goQuote(v)}`);
	return `map[string]string{${entries.join(', ')}}`;
}

/** Go %#v of a []string. */
export function goStringSlice(values: readonly string[]): string {
	return `[]string{${values.map(goQuote).join(', ')}}`;
}
