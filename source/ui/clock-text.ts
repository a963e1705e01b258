/** Virtual time as `mm:ss.s` (or `h:mm:ss` past an hour) for the log and the header. */
export function clockText(ms: number): string {
	const total = Math.floor(ms / 100) / 10;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}`;
	return `${String(m).padStart(2, '0')}:${s.toFixed(1).padStart(4, '0')}`;
}
