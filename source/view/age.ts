// kubectl's AGE column: apimachinery `duration.HumanDuration` (docs/semantics.md S120, G4).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** HumanDuration of `ms` milliseconds. Go truncates toward zero, so -1.9 s is still `0s`. */
export function formatAge(ms: number): string {
	const seconds = Math.trunc(ms / SECOND);
	// A clock skew of up to one second reads as "now"; more than that in the future is invalid.
	if (seconds < -1) return '<invalid>';
	if (seconds < 0) return '0s';
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.floor(ms / MINUTE);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}
	if (minutes < 180) return `${minutes}m`;
	const hours = Math.floor(ms / HOUR);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}
	if (hours < 48) return `${hours}h`;
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
	}
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
	if (hours < 24 * 365 * 8) {
		const days = Math.floor(hours / 24);
		const dy = days % 365;
		const years = Math.floor(days / 365);
		return dy === 0 ? `${years}y` : `${years}y${dy}d`;
	}
	return `${Math.floor(hours / 24 / 365)}y`;
}

/**
 * The age kubectl shows for something that happened at virtual time `at` (ms) when the clock
 * reads `now`. Timestamps are stored with whole seconds (RFC 3339), as `creationTimestamp` in our
 * JSON is, so kubectl measures from the second `at` falls in.
 */
export function ageSince(now: number, at: number): string {
	return formatAge(now - Math.floor(at / SECOND) * SECOND);
}
