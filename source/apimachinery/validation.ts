// apimachinery's string rules (pkg/util/validation/validation.go), each returning the
// messages the API server would print, in its order (docs/semantics.md A1, A6, A12, S3,
// S7, S12, S24, S28).

import {isIPv4, isIPv6} from 'node:net';

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${qualifiedNameFmt})?`;

const whole = (fmt: string) => new RegExp(`^${fmt}$`);
const dns1123Label = whole(dns1123LabelFmt);
const dns1123Subdomain = whole(dns1123SubdomainFmt);
const dns1035Label = whole(dns1035LabelFmt);
const qualifiedName = whole(qualifiedNameFmt);
const labelValue = whole(labelValueFmt);

/** Go's RegexError: note the two spaces after each comma when there are several examples. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
	if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
	return `${msg} (e.g. ${examples.map(e => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number): string => `must be no more than ${n} characters`;

export function isDNS1123Label(value: string): string[] {
	const errs: string[] = [];
	if (value.length > 63) errs.push(maxLenError(63));
	if (!dns1123Label.test(value)) {
		if (dns1123Subdomain.test(value)) errs.push('must not contain dots');
		else
			errs.push(
				regexError(
					"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
					dns1123LabelFmt,
					'my-name',
					'123-abc',
				),
			);
	}
	return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
	const errs: string[] = [];
	if (value.length > 253) errs.push(maxLenError(253));
	if (!dns1123Subdomain.test(value)) {
		errs.push(
			regexError(
				"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
				dns1123SubdomainFmt,
				'example.com',
			),
		);
	}
	return errs;
}

export function isDNS1035Label(value: string): string[] {
	const errs: string[] = [];
	if (value.length > 63) errs.push(maxLenError(63));
	if (!dns1035Label.test(value)) {
		errs.push(
			regexError(
				"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
				dns1035LabelFmt,
				'my-name',
				'abc-123',
			),
		);
	}
	return errs;
}

/** IANA_SVC_NAME, for named targetPorts and container port names (S12): one message per broken rule. */
export function isValidPortName(port: string): string[] {
	const errs: string[] = [];
	if (port.length > 15) errs.push(maxLenError(15));
	if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
	if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
	if (port.includes('--')) errs.push('must not contain consecutive hyphens');
	if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
	return errs;
}

export function isValidPortNum(port: number): string[] {
	return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

const qualifiedNameMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Label and annotation keys (S28): optional DNS subdomain prefix and '/', then a name part. */
export function isQualifiedName(value: string): string[] {
	const slash = value.indexOf('/');
	if (slash !== value.lastIndexOf('/')) {
		return [
			`a qualified name ${regexError(qualifiedNameMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
		];
	}
	const errs: string[] = [];
	const name = value.slice(slash + 1);
	if (slash !== -1) {
		const prefix = value.slice(0, slash);
		if (prefix.length === 0) errs.push('prefix part must be non-empty');
		else errs.push(...isDNS1123Subdomain(prefix).map(msg => `prefix part ${msg}`));
	}
	if (name.length === 0) errs.push('name part must be non-empty');
	else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
	if (!qualifiedName.test(name)) {
		errs.push(`name part ${regexError(qualifiedNameMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
	}
	return errs;
}

export function isValidLabelValue(value: string): string[] {
	const errs: string[] = [];
	if (value.length > 63) errs.push(maxLenError(63));
	if (!labelValue.test(value)) {
		errs.push(
			regexError(
				"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
				labelValueFmt,
				'MyValue',
				'my_value',
				'12345',
			),
		);
	}
	return errs;
}

const validIPMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function isValidIP(value: string): string[] {
	return isIPv4(value) || isIPv6(value) ? [] : [validIPMessage];
}

/** An IP that may not be used as an external or endpoint address (S33). */
export function specialIPErrors(value: string): string[] {
	const errs: string[] = [];
	if (isIPv4(value)) {
		const [a, b, c] = value.split('.').map(Number) as [number, number, number, number];
		if (value === '0.0.0.0') errs.push(`may not be unspecified (${value})`);
		if (a === 127) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
		if (a === 169 && b === 254) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
		if (a === 224 && b === 0 && c === 0) {
			errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
		}
	} else if (isIPv6(value)) {
		const lower = value.toLowerCase();
		if (/^[0:]+$/.test(lower)) errs.push(`may not be unspecified (${value})`);
		if (/^[0:]*:0*1$/.test(lower)) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
		if (/^fe[89ab]/.test(lower)) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
		if (/^ff02:/.test(lower)) errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
	}
	return errs;
}

export const validCIDRMessage = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export function isValidCIDR(value: string): boolean {
	const slash = value.indexOf('/');
	if (slash < 0) return false;
	const ip = value.slice(0, slash);
	const bits = value.slice(slash + 1);
	if (!/^\d{1,3}$/.test(bits)) return false;
	if (isIPv4(ip)) return Number(bits) <= 32;
	if (isIPv6(ip)) return Number(bits) <= 128;
	return false;
}
