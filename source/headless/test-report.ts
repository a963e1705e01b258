// `k8s-svc-tui test`: the lines of a routing-test script that checked something, as reports CI
// systems read (issue 13). JUnit XML as Jenkins, GitLab and GitHub's test reporters take it (the
// Ant junit task's format: testsuites > testsuite > testcase, failure/error children with a
// message attribute and the detail as text), and TAP version 13.

import type {LineReport} from './run-script.js';

export interface Suite {
	/** The script's path, as messages name it. */
	name: string;
	cases: LineReport[];
}

/** XML 1.0 allows tab, LF, CR and most code points; C0 controls and lone surrogates it does not, even escaped. */
function xmlText(text: string): string {
	return text
		.replace(
			// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML cannot hold is the point
			/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
			c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
		)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

const attr = (text: string) => xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** A test case's name: its line, as `FILE:LINE: message` names it, and the command. */
const caseName = (c: LineReport) => `${c.number}: ${c.line}`;

/** One JUnit test case: its name, and when it did not pass the message CI shows and the detail under it. */
export interface JUnitCase {
	name: string;
	status: 'passed' | 'failed' | 'error';
	message?: string;
	/** The failure's or error's type attribute. */
	type?: string;
	detail: string[];
	/** Shown beside the case whatever its status (check's warnings): system-out, which Jenkins and GitLab print with it. */
	systemOut?: string[];
}

export interface JUnitSuite {
	name: string;
	cases: JUnitCase[];
}

export const junitXml = (suites: ReadonlyArray<Suite>): string =>
	junitReport(
		suites.map(s => ({
			name: s.name,
			cases: s.cases.map(c => ({
				name: caseName(c),
				status: c.status,
				...(c.message === undefined ? {} : {message: c.message}),
				type: c.status === 'failed' ? 'expectation' : 'command',
				// The line's own output (the request's trace, the lookup) is the detail CI shows under the message.
				detail: c.output,
			})),
		})),
	);

export function junitReport(suites: ReadonlyArray<JUnitSuite>): string {
	const count = (suite: JUnitSuite, status: JUnitCase['status']) => suite.cases.filter(c => c.status === status).length;
	const tests = suites.reduce((n, s) => n + s.cases.length, 0);
	const failures = suites.reduce((n, s) => n + count(s, 'failed'), 0);
	const errors = suites.reduce((n, s) => n + count(s, 'error'), 0);
	const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="k8s-svc-tui" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`];
	for (const [id, suite] of suites.entries()) {
		out.push(
			`  <testsuite name="${attr(suite.name)}" id="${id}" tests="${suite.cases.length}" failures="${count(suite, 'failed')}" errors="${count(suite, 'error')}" skipped="0" time="0">`,
		);
		for (const c of suite.cases) {
			const open = `    <testcase classname="${attr(suite.name)}" name="${attr(c.name)}" time="0"`;
			const systemOut = c.systemOut?.length ? [`      <system-out>${c.systemOut.map(xmlText).join('\n')}</system-out>`] : [];
			if (c.status === 'passed' && systemOut.length === 0) {
				out.push(`${open}/>`);
				continue;
			}
			out.push(`${open}>`);
			if (c.status !== 'passed') {
				const tag = c.status === 'failed' ? 'failure' : 'error';
				const type = c.type === undefined ? '' : ` type="${attr(c.type)}"`;
				out.push(`      <${tag} message="${attr(c.message ?? '')}"${type}>${c.detail.map(xmlText).join('\n')}</${tag}>`);
			}
			out.push(...systemOut, '    </testcase>');
		}
		out.push('  </testsuite>');
	}
	out.push('</testsuites>');
	return `${out.join('\n')}\n`;
}

/** TAP version 13: a line per case, with a YAML block of what happened under a `not ok`. */
export function tapText(suites: ReadonlyArray<Suite>): string {
	const cases = suites.flatMap(s => s.cases.map(c => ({suite: s.name, c})));
	const out = ['TAP version 13', `1..${cases.length}`];
	for (const [i, {suite, c}] of cases.entries()) {
		// `#` starts a TAP directive: a test name may not carry one raw.
		const name = `${suite}:${caseName(c)}`.replace(/#/g, '\\#');
		out.push(`${c.status === 'passed' ? 'ok' : 'not ok'} ${i + 1} - ${name}`);
		if (c.status === 'passed') continue;
		out.push('  ---', `  message: ${JSON.stringify(c.message ?? '')}`, `  severity: ${c.status === 'failed' ? 'fail' : 'error'}`);
		if (c.output.length > 0) out.push('  output: |', ...c.output.map(l => `    ${l}`));
		out.push('  ...');
	}
	return `${out.join('\n')}\n`;
}
