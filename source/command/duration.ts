// Durations as Go's time.ParseDuration reads them (`5s`, `2m`, `1h`, `1m30s`, `500ms`,
// `1.5s`, `.5h`, `0`), returned in whole virtual milliseconds. The clock only moves
// forward, so a negative duration is refused.

const UNIT_MS: Readonly<Record<string, number>> = {
	ns: 1e-6,
	us: 1e-3,
	'\u00b5s': 1e-3, // µs, micro sign
	'\u03bcs': 1e-3, // μs, Greek mu
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
};

const TERM = /^(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/;

/** Milliseconds, or null when `text` is not a valid non-negative duration. */
export function parseDuration(text: string): number | null {
	let rest = text.startsWith('+') ? text.slice(1) : text;
	if (rest === '0') return 0;
	if (rest === '') return null;
	let total = 0;
	while (rest !== '') {
		const m = TERM.exec(rest);
		if (m === null) return null;
		const whole = m[1] ?? '0';
		const fraction = m[2] ?? m[3] ?? '';
		const unit = UNIT_MS[m[4] ?? ''];
		if (unit === undefined) return null;
		total += Number(`${whole}.${fraction}0`) * unit;
		rest = rest.slice(m[0].length);
	}
	const ms = Math.round(total);
	return Number.isSafeInteger(ms) ? ms : null;
}
