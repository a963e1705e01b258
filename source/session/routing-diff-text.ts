// The routing diff as text (one line per changed pair, its why lines under it) and as -o json.

import type {PairChange, ProbeResult, RoutingDiff} from './routing-diff.js';

const OUTCOME_WORDS: Record<string, string> = {
	ok: 'ok',
	refused: 'refused',
	timeout: 'timed out',
	nxdomain: 'NXDOMAIN',
	error: 'error',
	absent: 'no such address',
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function resultText(r: ProbeResult, showAddress: boolean): string {
	const words = r.outcomes.map(o => OUTCOME_WORDS[o] ?? o).join('/');
	const at = showAddress && r.address !== null ? ` at ${r.address}` : '';
	const details: string[] = r.answers.map(a => `${plural(a.pods, 'pod')} of ${a.by} on port ${a.port}`);
	if (r.reason !== undefined) details.push(r.reason);
	return `${words}${at}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

function changeLines(c: PairChange): string[] {
	const showAddress = c.kind !== 'dns' && c.before.address !== null && c.after.address !== null && c.before.address !== c.after.address;
	return [
		`${c.clientLabel} → ${c.targetLabel}: before ${resultText(c.before, showAddress)} → after ${resultText(c.after, showAddress)}`,
		...c.why.map(w => `    why: ${w}`),
	];
}

export function routingDiffText(diff: RoutingDiff): string[] {
	const out: string[] = [];
	for (const port of diff.onlyBefore) out.push(`- service port ${port}: only before`);
	for (const port of diff.onlyAfter) out.push(`+ service port ${port}: only after`);
	for (const client of diff.clientsOnlyBefore) out.push(`- client ${client}: only before`);
	for (const client of diff.clientsOnlyAfter) out.push(`+ client ${client}: only after`);
	for (const change of diff.changes) out.push(...changeLines(change));
	return out;
}

export const routingDiffChanged = (diff: RoutingDiff): boolean =>
	diff.changes.length + diff.onlyBefore.length + diff.onlyAfter.length + diff.clientsOnlyBefore.length + diff.clientsOnlyAfter.length > 0;
