// Two explicit tags as go-yaml v2 reads them (sigs.k8s.io/yaml goyaml.v2 resolve.go and
// decode.go), shared by both parsers so that a small and a big file agree: JavaScript YAML
// libraries have their own ideas (`!!float 80` unresolved, `!!binary` as a byte array).

/** `!!binary`: the base64 text decoded to a string (go-yaml's scalar() does this; JSON then
 *  carries it as a string, invalid UTF-8 replaced by U+FFFD as encoding/json does), or null when
 *  Go's base64.StdEncoding refuses it. StdEncoding skips line breaks and wants its padding. */
export function binaryText(text: string): string | null {
	const compact = text.replace(/[\r\n]/g, '');
	if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return null;
	return new TextDecoder('utf-8').decode(Buffer.from(compact, 'base64'));
}

export const invalidBinary = '!!binary value contains invalid base64 data';

const INT = /^[-+]?(?:0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/;

const PREFIXED = /^([-+]?)0([bBoOxX])([0-9a-fA-F]+)$/;
const RADIX: Readonly<Record<string, {radix: number; digits: RegExp}>> = {
	b: {radix: 2, digits: /^[01]+$/},
	o: {radix: 8, digits: /^[0-7]+$/},
	x: {radix: 16, digits: /^[0-9a-fA-F]+$/},
};

/** A plain scalar with a base prefix as go-yaml v2 resolves it: resolve() drops underscores and
 *  tries strconv.ParseInt(s, 0, 64), which since Go 1.13 takes 0b, 0o and 0x in either case
 *  (`port: 0o17` is 15, `0X1F` is 31), or null when it is not one. JavaScript's YAML libraries
 *  know only the lower-case 0b and 0x of YAML 1.1, and read the rest as strings. */
export function prefixedInt(text: string): number | null {
	const m = PREFIXED.exec(text.replace(/_/g, ''));
	if (m === null || text.charAt(0) === '_') return null;
	const [, sign, prefix = '', digits = ''] = m;
	const base = RADIX[prefix.toLowerCase()];
	if (base === undefined || !base.digits.test(digits)) return null;
	return (sign === '-' ? -1 : 1) * parseInt(digits, base.radix);
}
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {'.inf': Infinity, '+.inf': Infinity, '-.inf': -Infinity, '.nan': NaN};

/** `!!float`: what go-yaml resolves the text to, taken as a float (an int becomes one: the
 *  deferred check in resolve()), or null when go-yaml refuses ("cannot decode !!str `x` as a
 *  !!float"). Underscores are dropped first, as resolve() does. */
export function explicitFloat(text: string): number | null {
	const special = SPECIAL[text.toLowerCase()];
	if (special !== undefined && /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(text)) return special;
	const plain = text.replace(/_/g, '');
	if (INT.test(plain)) {
		const sign = plain.startsWith('-') ? -1 : 1;
		const digits = plain.replace(/^[-+]/, '');
		const prefixed = prefixedInt(plain);
		if (prefixed !== null) return prefixed;
		if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
		return sign * Number(digits);
	}
	return FLOAT.test(plain) ? Number(plain) : null;
}
