// cobra's "Did you mean this?" for a mistyped command: names within Levenshtein distance 2,
// or that start with what was typed.

export function suggest(typed: string, names: readonly string[]): string[] {
	const lower = typed.toLowerCase();
	return names.filter(name => levenshtein(lower, name) <= 2 || (lower !== '' && name.startsWith(lower)));
}

function levenshtein(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}
