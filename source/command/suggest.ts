// cobra's "Did you mean this?" for a mistyped command: names within Levenshtein distance 2,
// or that start with what was typed.

export function suggest(typed: string, names: readonly string[]): string[] {
	const lower = typed.toLowerCase();
	return names.filter(name => levenshtein(lower, name) <= 2 || (lower !== '' && name.startsWith(lower)));
}

/** Edit distance over UTF-16 code units, one row of the table at a time: `row[j]` is the
 *  distance from the first `i` units of `a` to the first `j` of `b`. */
function levenshtein(a: string, b: string): number {
	let row = Array.from({length: b.length + 1}, (_, j) => j);
	let distance = b.length;
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		let left = i;
		let diagonal = i - 1;
		for (const [j, above] of row.entries()) {
			if (j === 0) continue;
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			left = Math.min(above + 1, left + 1, diagonal + cost);
			next.push(left);
			diagonal = above;
		}
		row = next;
		distance = left;
	}
	return distance;
}
