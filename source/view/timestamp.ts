// API timestamps for virtual time. The simulation's t=0 is pinned to a fixed instant so output is
// the same on every run and machine; the wall clock is never read.

/** 2026-01-01T00:00:00Z, the wall time of virtual t=0. */
const EPOCH_MS = Date.UTC(2026, 0, 1);

/** RFC 3339 with whole seconds, as the API server writes `creationTimestamp`. */
export function apiTimestamp(ms: number): string {
	const wholeSeconds = Math.floor(ms / 1000) * 1000;
	return new Date(EPOCH_MS + wholeSeconds).toISOString().replace('.000Z', 'Z');
}

/** Go's time.Time.String() in UTC (`2026-01-01 00:00:00 +0000 UTC`), as describe prints a metav1.Time with %s. */
export function goTime(ms: number): string {
	return `${apiTimestamp(ms).replace('T', ' ').replace('Z', '')} +0000 UTC`;
}
