// The request log, newest first, as short lines: who asked, what for, who answered (pod IP:port
// on node) or why it failed; a burst becomes a per-pod distribution bar.

import type {RequestTrace} from '../sim/index.js';
import {answeredOutside, sanitize, traceHops} from '../view/index.js';
import {clockText} from './clock-text.js';
import type {LogEntry} from './model.js';
import {padWidth, textWidth} from './text-width.js';

export interface LogLine {
	text: string;
	color?: string;
}

const BAR = 20;

/**
 * `first`, then each piece after a space, on as few lines as `width` allows: a piece that does
 * not fit starts a continuation line under the text after the clock, so no hop is ever cut.
 */
function wrapPieces(clock: string, first: string, pieces: string[], width: number, color?: string): LogLine[] {
	const indent = ' '.repeat(textWidth(clock));
	const lines: string[] = [`${clock} ${first}`];
	const add = (piece: string, whole: boolean) => {
		const last = lines[lines.length - 1] ?? '';
		if (textWidth(last) + 1 + textWidth(piece) <= width) lines[lines.length - 1] = `${last} ${piece}`;
		// Too long even for a line of its own (a long reason): from a fresh line, word by word.
		else if (whole && textWidth(indent) + 1 + textWidth(piece) > width && piece.includes(' ')) {
			const [first = '', ...words] = piece.split(' ');
			lines.push(`${indent} ${first}`);
			for (const word of words) add(word, false);
		} else lines.push(`${indent} ${piece}`);
	};
	for (const piece of pieces) add(piece, true);
	return lines.map(text => ({text, ...(color ? {color} : {})}));
}

/** The hops of request-trace.ts (the ones headless mode prints), marked ✓ or ✗ at the end. */
function traceLines(clock: string, trace: RequestTrace, width: number): LogLine[] {
	const {hops, outcome} = traceHops(trace);
	const ok = trace.outcome === 'ok';
	const pieces = hops.map(h => `→ ${sanitize(h)}`);
	// With a pod that answered, ✓ says it all (how it was picked is for `curl` in the palette);
	// without one (an ExternalName's CNAME leads outside) nothing is known to have answered: the
	// reason is the answer, marked neither ✓ nor ✗, in the colour of a DNS answer.
	const beyond = answeredOutside(trace);
	const mark = sanitize(beyond ? `⋯ ${trace.reason}` : ok ? '✓' : `✗ ${outcome}`);
	const last = pieces.pop();
	// A bare ✓ stays with the pod that answered; a mark with words is a piece of its own.
	if (last !== undefined) pieces.push(...(mark === '✓' ? [`${last} ${mark}`] : [last, mark]));
	else pieces.push(mark);
	return wrapPieces(clock, sanitize(`${trace.client.kind}/${trace.client.name}`), pieces, width, beyond ? 'cyan' : ok ? 'green' : 'red');
}

/** One entry's lines at `width`. */
function entryLines(entry: LogEntry, width: number): LogLine[] {
	const lines: LogLine[] = [];
	const t = clockText(entry.at);
	switch (entry.kind) {
		case 'request':
			lines.push(...traceLines(t, entry.trace, width));
			break;
		case 'burst': {
			const s = entry.summary;
			lines.push({
				text: `${t} ${entry.client} → ${entry.target} ×${s.total}: ${s.ok} ok, ${s.failed} failed`,
				color: s.failed === 0 ? 'green' : s.ok === 0 ? 'red' : 'yellow',
			});
			const pods = Object.entries(s.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			const width = Math.max(0, ...pods.map(([p]) => textWidth(sanitize(p))));
			for (const [pod, n] of pods) {
				const bar = '█'.repeat(Math.max(1, Math.round((n / s.total) * BAR)));
				lines.push({text: `        ${padWidth(sanitize(pod), width)} ${bar.padEnd(BAR)} ${n}`});
			}
			for (const [reason, n] of Object.entries(s.byReason).sort()) lines.push({text: `        ✗ ${n}× ${reason}`, color: 'red'});
			break;
		}
		case 'dns': {
			const r = entry.result;
			// No server replied (kube-dns has no ready endpoint): nslookup's own words, as a failure.
			const answer =
				r.answers.length > 0
					? r.answers.map(a => `${a.type} ${a.data}`).join(', ') +
						// CoreDNS would add the upstream resolver's records for it (sim/dns.ts outside).
						(r.outside === undefined ? '' : ` (${r.outside} is outside the cluster: not simulated)`)
					: r.upstream
						? 'forwarded upstream (not simulated)'
						: r.timedOut
							? 'connection timed out; no servers could be reached'
							: r.rcode;
			const color = r.rcode === 'NXDOMAIN' || r.timedOut ? 'red' : 'cyan';
			// Like a request: the answer gets its own line rather than losing its end.
			lines.push(...wrapPieces(t, sanitize(`${entry.client} nslookup ${r.question}`), [sanitize(`→ ${answer}`)], width, color));
			break;
		}
		case 'message': {
			// Word by word, so a long warning (a load warning names file:line:col first) reads whole.
			const [first = '', ...words] = sanitize(entry.text).split(' ');
			lines.push(...wrapPieces(t, first, words, width, entry.error ? 'red' : undefined));
			break;
		}
	}
	return lines.map(l => ({...l, text: sanitize(l.text)}));
}

// An entry never changes once logged and the log keeps up to 200 of them, so each entry's lines
// are kept for the width they were laid out at: a frame (every key, every clock tick) then lays
// out only what is new, not the whole log again (issue 15: re-wrapping it was most of the time a
// key that logs something took to reach the screen).
const laidOut = new WeakMap<LogEntry, {width: number; lines: LogLine[]}>();

export function logLines(entries: ReadonlyArray<LogEntry>, width = Infinity): LogLine[] {
	const lines: LogLine[] = [];
	for (const entry of entries) {
		let kept = laidOut.get(entry);
		if (kept?.width !== width) {
			kept = {width, lines: entryLines(entry, width)};
			laidOut.set(entry, kept);
		}
		lines.push(...kept.lines);
	}
	return lines;
}
