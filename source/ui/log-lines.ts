// The request log, newest first, as short lines: who asked, what for, who answered (pod IP:port
// on node) or why it failed; a burst becomes a per-pod distribution bar.

import type {RequestTrace} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {clockText} from './clock-text.js';
import type {LogEntry} from './model.js';

export interface LogLine {
	text: string;
	color?: string;
}

const BAR = 20;

/** The way in, then the answer: two parts, so narrow screens can put them on two lines. */
function traceParts(trace: RequestTrace): {asked: string; answer: string; color: string} {
	const who = `${trace.client.kind}/${trace.client.name}`;
	const via = trace.resolved && trace.via !== 'none' ? ` → ${trace.via} ${trace.resolved}` : '';
	const asked = `${who} → ${trace.target}${via}`;
	if (trace.outcome === 'ok') {
		const e = trace.endpoint;
		const answer = e ? `${e.pod ?? e.ip} ${e.ip}:${e.port}${e.node ? ` on ${e.node}` : ''}` : trace.reason;
		return {asked, answer: `→ ${answer} ✓${trace.affinity ? ' (affinity)' : ''}`, color: 'green'};
	}
	return {asked, answer: `✗ ${trace.reason}`, color: 'red'};
}

export function logLines(entries: ReadonlyArray<LogEntry>, width = Infinity): LogLine[] {
	const lines: LogLine[] = [];
	for (const entry of entries) {
		const t = clockText(entry.at);
		switch (entry.kind) {
			case 'request': {
				const {asked, answer, color} = traceParts(entry.trace);
				const one = `${t} ${asked} ${answer}`;
				if (one.length <= width) lines.push({text: one, color});
				else lines.push({text: `${t} ${asked}`, color}, {text: `${' '.repeat(t.length)} ${answer}`, color});
				break;
			}
			case 'burst': {
				const s = entry.summary;
				lines.push({
					text: `${t} ${entry.client} → ${entry.target} ×${s.total}: ${s.ok} ok, ${s.failed} failed`,
					color: s.failed === 0 ? 'green' : s.ok === 0 ? 'red' : 'yellow',
				});
				const pods = Object.entries(s.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
				const width = Math.max(0, ...pods.map(([p]) => p.length));
				for (const [pod, n] of pods) {
					const bar = '█'.repeat(Math.max(1, Math.round((n / s.total) * BAR)));
					lines.push({text: `        ${pod.padEnd(width)} ${bar.padEnd(BAR)} ${n}`});
				}
				for (const [reason, n] of Object.entries(s.byReason).sort()) lines.push({text: `        ✗ ${n}× ${reason}`, color: 'red'});
				break;
			}
			case 'dns': {
				const r = entry.result;
				const answer =
					r.answers.length > 0 ? r.answers.map(a => `${a.type} ${a.data}`).join(', ') : r.upstream ? 'forwarded upstream (not simulated)' : r.rcode;
				const color = r.rcode === 'NXDOMAIN' ? 'red' : 'cyan';
				const one = `${t} ${entry.client} nslookup ${r.question} → ${answer}`;
				// Like a request: the answer gets its own line rather than losing its end.
				if (one.length <= width) lines.push({text: one, color});
				else lines.push({text: `${t} ${entry.client} nslookup ${r.question}`, color}, {text: `${' '.repeat(t.length)} → ${answer}`, color});
				break;
			}
			case 'message':
				lines.push({text: `${t} ${entry.text}`, ...(entry.error ? {color: 'red'} : {})});
				break;
		}
	}
	return lines.map(l => ({...l, text: sanitize(l.text)}));
}
